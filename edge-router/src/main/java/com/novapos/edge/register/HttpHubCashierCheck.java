package com.novapos.edge.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.edge.EdgeProperties;
import com.novapos.model.CanonicalJson;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Asks the hub {@code POST /api/v1/cashiers/verify} {@code {cashierId, pin, storeId}} (hub user's basic auth):
 * 200 {@code {name, roles}} = verified, 401/403/404 = refused (a 401 with {@code reason: locked}: refused
 * because the cashier is locked), anything else or no answer within 3 s = unreachable (the edge then
 * falls back to its cached hashes).
 */
class HttpHubCashierCheck implements HubCashierCheck {
    private final EdgeProperties edge;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HttpHubCashierCheck(EdgeProperties edge) {
        this.edge = edge;
    }

    @Override
    public Verdict verify(String cashierId, String pin) {
        if (edge.hubHttpUrl().isBlank()) {
            return Verdict.unreachable();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(edge.hubHttpUrl().replaceAll("/$", "") + "/api/v1/cashiers/verify"))
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (edge.hubUser() + ":" + edge.hubPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.write(Map.of("cashierId", cashierId, "pin", pin,
                            "storeId", edge.storeId()))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode body = CanonicalJson.parseTree(response.body());
                return new Verdict(Outcome.VERIFIED, body.path("name").asText(null),
                        body.path("roles").isArray() ? joined(body.path("roles")) : body.path("roles").asText(null));
            }
            if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 404) {
                return new Verdict(Outcome.REFUSED, null, null, lockedUntil(response));
            }
            return Verdict.unreachable();
        } catch (IOException | RuntimeException e) {
            return Verdict.unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.unreachable();
        }
    }

    /** The hub's 401 says {@code reason: locked} (with {@code lockedUntil}) when too many wrong PINs locked the cashier. */
    private static String lockedUntil(HttpResponse<String> refusal) {
        try {
            JsonNode body = CanonicalJson.parseTree(refusal.body());
            return "locked".equals(body.path("reason").asText()) ? body.path("lockedUntil").asText("") : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String joined(JsonNode roles) {
        StringBuilder out = new StringBuilder();
        roles.forEach(r -> out.append(out.isEmpty() ? "" : ",").append(r.asText()));
        return out.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class Default {
        @Bean
        @ConditionalOnMissingBean(HubCashierCheck.class)
        HubCashierCheck hubCashierCheck(EdgeProperties edge) {
            return new HttpHubCashierCheck(edge);
        }
    }
}
