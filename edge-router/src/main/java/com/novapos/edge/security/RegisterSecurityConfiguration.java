package com.novapos.edge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Who may use the register API: the registers of {@code novapos.edge.registers}, each with HTTP Basic
 * {@code <registerId>:<key>}. Every request needs one except {@code /actuator/health} and
 * {@code /actuator/info}; no credentials, an unknown register or a wrong key answer 401
 * {@code application/problem+json} before any controller runs, so nothing is stored, queued, printed
 * or kicked. Keys are never logged.
 *
 * <p>With no register configured the edge does not start (an API open to the whole store network would
 * let anyone post sales or open the drawer), unless {@code novapos.edge.register-auth=none} says so
 * explicitly — then it starts open and says so at WARN.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistersProperties.class)
class RegisterSecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RegisterSecurityConfiguration.class);
    static final String ROLE = "REGISTER";
    static final URI UNAUTHENTICATED = URI.create("https://novapos.dev/problems/register-unauthenticated");

    /** The one way registers authenticate (no UserDetailsService bean: Spring's own provider would check BCrypt on every request). */
    @Bean
    RegisterKeyAuthentication registerKeyAuthentication(RegistersProperties properties) {
        return new RegisterKeyAuthentication(registers(properties));
    }

    InMemoryUserDetailsManager registers(RegistersProperties properties) {
        if (properties.open()) {
            log.warn("novapos.edge.register-auth=none: THE REGISTER API IS OPEN. Anyone on the store's network can post"
                    + " sales and returns, open the cash drawer and guess cashier PINs. Configure"
                    + " novapos.edge.registers.<registerId>.key and remove register-auth=none outside development.");
            return new InMemoryUserDetailsManager();
        }
        if (properties.registers().isEmpty()) {
            throw new IllegalStateException("no register is configured: set novapos.edge.registers.<registerId>.key"
                    + " (e.g. {bcrypt}$2a$…) for every register of this store, or novapos.edge.register-auth=none"
                    + " to run the register API open (development only)");
        }
        List<UserDetails> registers = properties.registers().entrySet().stream().map(RegisterSecurityConfiguration::register).toList();
        log.info("Register API: {} register(s) may authenticate: {}", registers.size(),
                registers.stream().map(UserDetails::getUsername).sorted().toList());
        return new InMemoryUserDetailsManager(registers);
    }

    private static UserDetails register(Map.Entry<String, RegistersProperties.Register> entry) {
        String id = entry.getKey();
        String key = entry.getValue() == null ? null : entry.getValue().key();
        if (id.isBlank() || id.contains(":")) {
            throw new IllegalStateException("novapos.edge.registers: a register id must not be blank or contain ':', was '" + id + "'");
        }
        // the key in Spring Security's encoded form: {bcrypt}…, {noop}… (tests, demo) — never echoed here
        if (key == null || !key.matches("^\\{[a-z0-9]+}.+$")) {
            throw new IllegalStateException("novapos.edge.registers." + id + ".key must be set in encoded form,"
                    + " e.g. {bcrypt}$2a$…");
        }
        return User.withUsername(id).password(key).roles(ROLE).build();
    }

    @Bean
    SecurityFilterChain registerApi(HttpSecurity http, RegistersProperties properties, ObjectMapper json,
                                    RegisterKeyAuthentication registerKeys) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problem(response, json);
        http.authenticationProvider(registerKeys)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.realmName("novapos-edge").authenticationEntryPoint(unauthenticated))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated));
        if (properties.open()) {
            return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll()).build();
        }
        return http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the request that started an SSE stream or failed was authorized already
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        // every register may read the status (and everything else): there is one kind of register
                        .anyRequest().hasRole(ROLE))
                .build();
    }

    private static void problem(HttpServletResponse response, ObjectMapper json) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "the register API needs HTTP Basic credentials of a configured register (<registerId>:<key>)");
        problem.setType(UNAUTHENTICATED);
        problem.setTitle("register not authenticated");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("WWW-Authenticate", "Basic realm=\"novapos-edge\"");
        json.writeValue(response.getOutputStream(), problem);
    }
}
