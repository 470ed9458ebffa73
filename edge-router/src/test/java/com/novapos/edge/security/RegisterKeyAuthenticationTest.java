package com.novapos.edge.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A register's key is checked with its encoder once; later requests with the same key are not hashed again. */
class RegisterKeyAuthenticationTest {
    private final AtomicInteger encoderChecks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            encoderChecks.incrementAndGet();
            return delegate.matches(raw, encoded);
        }
    };
    private final RegisterKeyAuthentication registers = new RegisterKeyAuthentication(new InMemoryUserDetailsManager(
            User.withUsername("R1").password("{bcrypt}" + new BCryptPasswordEncoder(4).encode("right-key")).roles("REGISTER").build(),
            User.withUsername("R2").password("{noop}other-key").roles("REGISTER").build()), counting);

    @Test
    void theRightKeyIsHashedOnceAndAnyOtherKeyIsCheckedAndRefused() {
        for (int i = 0; i < 50; i++) {
            assertThat(registers.authenticate(token("R1", "right-key")).isAuthenticated()).isTrue();
        }
        assertThat(encoderChecks).hasValue(1);

        assertThatThrownBy(() -> registers.authenticate(token("R1", "wrong-key"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> registers.authenticate(token("R1", ""))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> registers.authenticate(token("R1", "other-key"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> registers.authenticate(token("R9", "right-key"))).isInstanceOf(BadCredentialsException.class);
        assertThat(registers.authenticate(token("R1", "right-key")).getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_REGISTER");
        assertThat(registers.authenticate(token("R2", "other-key")).getName()).isEqualTo("R2");
    }

    private static UsernamePasswordAuthenticationToken token(String registerId, String key) {
        return UsernamePasswordAuthenticationToken.unauthenticated(registerId, key);
    }
}
