package com.novapos.edge.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a register's HTTP Basic credentials against its configured key — with the key's own
 * encoder ({@code {bcrypt}}, {@code {noop}}) the first time, then against a SHA-256 of the key that
 * worked, kept in memory. A register sends its key with every request: a BCrypt check each time
 * (tens of milliseconds at cost 10) would be most of a sale's accept time, and Spring's default
 * provider even re-encoded a {@code {noop}} key to BCrypt after its first use. A different key for
 * the same register is checked with the encoder again.
 */
final class RegisterKeyAuthentication implements AuthenticationProvider {
    private final UserDetailsService registers;
    private final PasswordEncoder encoder;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    RegisterKeyAuthentication(UserDetailsService registers) {
        this(registers, PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    RegisterKeyAuthentication(UserDetailsService registers, PasswordEncoder encoder) {
        this.registers = registers;
        this.encoder = encoder;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String registerId = authentication.getName();
        String key = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        UserDetails register;
        try {
            register = registers.loadUserByUsername(registerId);
        } catch (UsernameNotFoundException unknown) {
            throw new BadCredentialsException("unknown register or wrong key");
        }
        byte[] digest = sha256(registerId + ":" + key);
        byte[] known = verified.get(registerId);
        if (known == null || !MessageDigest.isEqual(known, digest)) {
            if (key.isEmpty() || !encoder.matches(key, register.getPassword())) {
                throw new BadCredentialsException("unknown register or wrong key");
            }
            verified.put(registerId, digest);
        }
        return UsernamePasswordAuthenticationToken.authenticated(registerId, null, register.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
