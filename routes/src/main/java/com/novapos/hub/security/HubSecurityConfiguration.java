package com.novapos.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Who may call which part of the hub's HTTP API (HTTP Basic, users from
 * {@code novapos.security.users}). Refusals answer {@code application/problem+json}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubUsersProperties.class)
class HubSecurityConfiguration {

    @Bean
    InMemoryUserDetailsManager hubUsers(HubUsersProperties properties) {
        List<UserDetails> users = properties.users().entrySet().stream()
                .filter(e -> e.getValue().password() != null && !e.getValue().password().isBlank())
                .map(e -> User.withUsername(e.getKey())
                        .password(e.getValue().password())
                        .roles(e.getValue().roleSet().stream().map(Enum::name).toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SecurityFilterChain hubApi(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required",
                                "this endpoint needs HTTP Basic credentials of a hub user")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "forbidden",
                                "your roles do not allow " + request.getMethod() + " " + request.getRequestURI())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/api/v1/webhooks/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/messages").hasAnyRole("DEVICE", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/messages/**").hasAnyRole("SUPPORT", "ADMIN")
                        .requestMatchers("/api/v1/dead-letters/**", "/api/v1/dead-letters").hasAnyRole("SUPPORT", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/connectors/**", "/api/v1/connectors").hasAnyRole("SUPPORT", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/stores/**", "/api/v1/stores").hasAnyRole("SUPPORT", "ADMIN")
                        .requestMatchers("/api/v1/stores/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/connectors/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cashiers/verify").hasAnyRole("DEVICE", "ADMIN")
                        .requestMatchers("/api/v1/cashiers/**", "/api/v1/cashiers").hasAnyRole("ADMIN", "STORE_MANAGER")
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
                                String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"novapos-hub\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
