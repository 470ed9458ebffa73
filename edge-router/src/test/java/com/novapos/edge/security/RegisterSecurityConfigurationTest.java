package com.novapos.edge.security;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The edge does not run its register API open by accident: no register configured and no explicit
 * {@code register-auth=none} stops the start; keys must be in encoded form and are never echoed.
 */
class RegisterSecurityConfigurationTest {
    private final RegisterSecurityConfiguration configuration = new RegisterSecurityConfiguration();

    @Test
    void withoutARegisterTheEdgeDoesNotStartUnlessRegisterAuthIsExplicitlyNone() {
        assertThatThrownBy(() -> configuration.registers(new RegistersProperties(null, "required")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("novapos.edge.registers.<registerId>.key")
                .hasMessageContaining("novapos.edge.register-auth=none");

        assertThat(configuration.registers(new RegistersProperties(null, "none")).userExists("R1")).isFalse();
    }

    @Test
    void aKeyNotInEncodedFormOrABadRegisterIdIsRefusedWithoutEchoingTheKey() {
        assertThatThrownBy(() -> configuration.registers(new RegistersProperties(
                Map.of("R1", new RegistersProperties.Register("plain-secret")), "required")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("novapos.edge.registers.R1.key")
                .hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> configuration.registers(new RegistersProperties(
                Map.of("R:1", new RegistersProperties.Register("{noop}k")), "required")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RegistersProperties(null, "off")).isInstanceOf(IllegalArgumentException.class);

        assertThat(configuration.registers(new RegistersProperties(
                Map.of("R1", new RegistersProperties.Register("{noop}k")), "required")).userExists("R1")).isTrue();
    }
}
