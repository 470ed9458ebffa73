package com.novapos.hub.api;

import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterFilter;
import com.novapos.core.deadletter.DeadLetterService;
import com.novapos.core.deadletter.DeadLetterStatus;
import com.novapos.hub.connectors.DeadLetterRedrive;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Support's view of dead letters: search, look, re-drive one or many, discard with a reason. Every action is audited. */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLettersController {
    private final DeadLetterService deadLetters;
    private final DeadLetterRedrive redrive;

    DeadLettersController(DeadLetterService deadLetters, DeadLetterRedrive redrive) {
        this.deadLetters = deadLetters;
        this.redrive = redrive;
    }

    record Summary(UUID id, String tenantId, String messageId, String messageType, String connector, String status,
                   int attempts, Instant firstFailedAt, Instant lastFailedAt, String error) {
        static Summary of(DeadLetter d) {
            return new Summary(d.id(), d.tenantId(), d.messageId(), d.messageType(), d.connector(), d.status().name(),
                    d.attempts(), d.firstFailedAt(), d.lastFailedAt(), d.exceptionMessage());
        }
    }

    record Detail(UUID id, String tenantId, String messageId, String messageType, String connector, String routeId,
                  String status, String statusReason, String statusChangedBy, int attempts, Instant firstFailedAt,
                  Instant lastFailedAt, String exceptionClass, String exceptionMessage, Integer partnerStatus,
                  String partnerBody, String partnerCorrelationId, String body, String headers, String history) {
        static Detail of(DeadLetter d) {
            return new Detail(d.id(), d.tenantId(), d.messageId(), d.messageType(), d.connector(), d.routeId(),
                    d.status().name(), d.statusReason(), d.statusChangedBy(), d.attempts(), d.firstFailedAt(),
                    d.lastFailedAt(), d.exceptionClass(), d.exceptionMessage(), d.partnerStatus(), d.partnerBody(),
                    d.partnerCorrelationId(), d.body(), d.headers(), d.history());
        }
    }

    record Listing(List<Summary> items, int page, int size, long total) {
    }

    record BulkFilter(String connector, DeadLetterStatus status, Instant since, String q) {
    }

    record Discard(String reason) {
    }

    @GetMapping
    Listing list(@RequestParam(required = false) String connector, @RequestParam(required = false) DeadLetterStatus status,
                 @RequestParam(required = false) Instant since, @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page<DeadLetter> found = deadLetters.search(new DeadLetterFilter(connector, status, since, q), page, size);
        return new Listing(found.map(Summary::of).getContent(), found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @GetMapping("/{id}")
    ResponseEntity<Detail> get(@PathVariable UUID id) {
        return deadLetters.find(id).map(Detail::of).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/{id}/retry")
    Map<String, Object> retry(@PathVariable UUID id, Authentication user) {
        boolean redriven = deadLetters.retry(id, user.getName(), redrive);
        return Map.of("id", id, "retried", redriven);
    }

    @PostMapping("/retry")
    Map<String, Object> retryAll(@RequestBody BulkFilter filter, Authentication user) {
        int count = deadLetters.retryAll(new DeadLetterFilter(filter.connector(), filter.status(), filter.since(), filter.q()),
                user.getName(), redrive);
        return Map.of("retried", count);
    }

    @PostMapping("/{id}/discard")
    Detail discard(@PathVariable UUID id, @RequestBody Discard discard, Authentication user) {
        return Detail.of(deadLetters.discard(id, user.getName(), discard.reason()));
    }
}
