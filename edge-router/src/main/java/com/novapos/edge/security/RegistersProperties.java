package com.novapos.edge.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * The registers allowed to use this store's register API ({@code novapos.edge.registers.<registerId>.key})
 * and whether they must authenticate at all ({@code novapos.edge.register-auth}).
 *
 * @param registers    register id → its key in Spring Security's encoded form ({@code {bcrypt}$2a$…};
 *                     {@code {noop}…} only for tests and the demo profile). A register sends HTTP Basic
 *                     {@code <registerId>:<key>}
 * @param registerAuth {@code required} (the default): every {@code /api/v1/**} request needs a configured
 *                     register, and the edge refuses to start without one; {@code none}: the API is open to
 *                     anyone on the store's network — a development switch, warned about at startup
 */
@ConfigurationProperties("novapos.edge")
public record RegistersProperties(
        Map<String, Register> registers,
        @DefaultValue("required") String registerAuth) {

    public record Register(String key) {
    }

    public RegistersProperties {
        registers = registers == null ? Map.of() : Map.copyOf(registers);
        if (!"required".equals(registerAuth) && !"none".equals(registerAuth)) {
            throw new IllegalArgumentException("novapos.edge.register-auth must be 'required' or 'none', was '"
                    + registerAuth + "'");
        }
    }

    /** True when the register API is open to anyone ({@code register-auth=none}). */
    public boolean open() {
        return "none".equals(registerAuth);
    }
}
