package com.novapos.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The register's side of the edge HTTP API, for tests. It authenticates as register {@link #REGISTER_ID}
 * (configured for every test edge in {@code src/test/resources/config/application.yml}) unless told otherwise.
 */
public final class EdgeClient {
    public static final String REGISTER_ID = "R1";
    public static final String REGISTER_KEY = "test-register-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String authorization;

    /** As register {@link #REGISTER_ID}. */
    public EdgeClient(int port) {
        this(port, REGISTER_ID + ":" + REGISTER_KEY);
    }

    /** With HTTP Basic {@code <registerId>:<key>}, or no credentials at all when {@code basic} is null. */
    public EdgeClient(int port, String basic) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = basic == null ? null : basic(basic);
    }

    /** The {@code Authorization} header value of register {@link #REGISTER_ID}, for tests with their own HTTP client. */
    public static String authorization() {
        return basic(REGISTER_ID + ":" + REGISTER_KEY);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    public record Response(int status, String contentType, JsonNode body) {
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    /** True when /actuator/health answers UP. */
    public boolean up() {
        try {
            Response health = get("/actuator/health");
            return health.status() == 200 && "UP".equals(health.body().path("status").asText());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
