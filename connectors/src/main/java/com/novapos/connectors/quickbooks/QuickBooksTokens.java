package com.novapos.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.common.RefreshTokenStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * OAuth2 access tokens for QuickBooks: obtained with the refresh token, reused until shortly
 * before they expire, refreshed at once after a 401. Intuit rotates refresh tokens; the newest one
 * is kept for the next refresh, and handed to a {@link RefreshTokenStore} so that it survives a
 * restart (the configured one may no longer be accepted by then).
 */
public final class QuickBooksTokens {
    static final Duration EARLY = Duration.ofMinutes(5);
    static final String CONNECTOR = "quickbooks";

    private final QuickBooksSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final RefreshTokenStore store;
    private final ObjectMapper json = new ObjectMapper();
    private String refreshToken;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;

    public QuickBooksTokens(QuickBooksSettings settings, HttpClient http, Clock clock) {
        this(settings, http, clock, RefreshTokenStore.inMemory());
    }

    /** With a store that keeps the rotated refresh token across restarts. */
    public QuickBooksTokens(QuickBooksSettings settings, HttpClient http, Clock clock, RefreshTokenStore store) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.store = store;
        this.refreshToken = store.newest(CONNECTOR, settings.refreshToken()).orElse(settings.refreshToken());
    }

    /** A valid access token, refreshed first when it is about to expire. */
    public synchronized String accessToken() {
        if (accessToken == null || clock.instant().isAfter(expiresAt.minus(EARLY))) {
            refresh();
        }
        return accessToken;
    }

    /** Forgets the current token (the partner answered 401): the next call refreshes. */
    public synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(accessToken)) {
            accessToken = null;
        }
    }

    private void refresh() {
        HttpResponse<String> response = exchange(refreshToken);
        if (response.statusCode() >= 400 && response.statusCode() < 500 && !refreshToken.equals(settings.refreshToken())) {
            // the remembered token was refused: fall back, once, to the configured one
            refreshToken = settings.refreshToken();
            response = exchange(refreshToken);
        }
        accept(response);
    }

    private HttpResponse<String> exchange(String token) {
        String basic = Base64.getEncoder().encodeToString((settings.clientId() + ":" + settings.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(settings.timeout())
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PartnerFailure.Transient("quickbooks", "token endpoint unreachable: " + e.getMessage(), null, null,
                    null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerFailure.Transient("quickbooks", "interrupted", null, null, null, null, e);
        }
    }

    private void accept(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            // 400 invalid_grant: the refresh token was revoked — only an admin reconnecting the app helps
            throw response.statusCode() >= 500
                    ? new PartnerFailure.Transient("quickbooks", "token endpoint answered " + response.statusCode(),
                    response.statusCode(), response.body(), null, null, null)
                    : new PartnerFailure.Permanent("quickbooks", "token refresh refused (" + response.statusCode()
                    + "): reconnect the QuickBooks app and set a new refresh token", response.statusCode(), response.body(), null);
        }
        try {
            JsonNode body = json.readTree(response.body());
            accessToken = body.path("access_token").asText();
            expiresAt = clock.instant().plusSeconds(body.path("expires_in").asLong(3600));
            if (body.hasNonNull("refresh_token") && !body.get("refresh_token").asText().equals(refreshToken)) {
                refreshToken = body.get("refresh_token").asText();
                store.rotated(CONNECTOR, settings.refreshToken(), refreshToken);
            }
        } catch (IOException e) {
            throw new PartnerFailure.Transient("quickbooks", "unreadable token answer", 200, null, null, null, e);
        }
    }
}
