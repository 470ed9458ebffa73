package com.novapos.hub.api;

import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.messages.ConnectorDelivery;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.messages.MessageLogEntry;
import com.novapos.core.messages.MessageTrace;
import com.novapos.hub.ingest.IngestOutcome;
import com.novapos.hub.ingest.MessageIngest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Canonical messages over HTTP, for systems that cannot speak to the broker, and the message
 * trace support reads.
 */
@RestController
@RequestMapping("/api/v1/messages")
class MessagesController {
    private final MessageIngest ingest;
    private final MessageLog messageLog;

    MessagesController(MessageIngest ingest, MessageLog messageLog) {
        this.ingest = ingest;
        this.messageLog = messageLog;
    }

    /** 202 ACCEPTED the first time, 200 DUPLICATE for a repeated id, 400 problem+json when invalid. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestOutcome> post(@RequestBody String envelope, java.security.Principal sender) {
        IngestOutcome outcome = ingest.ingest(envelope, "http", sender.getName());
        return ResponseEntity.status(outcome.status() == IngestOutcome.Status.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(outcome);
    }

    @GetMapping("/{messageId}")
    ResponseEntity<?> trace(@PathVariable String messageId) {
        MessageTrace trace = messageLog.trace(messageId);
        if (!trace.known()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "the hub has no trace of message " + messageId);
            problem.setTitle("unknown message");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(TraceView.of(trace));
    }

    /** Where a message is, as support reads it. */
    record TraceView(String messageId, Received received, List<Delivery> deliveredTo, List<DeadLetterSummary> deadLetters) {
        record Received(String tenantId, String type, String storeId, String source, String stage, String detail,
                        Instant receivedAt, int duplicatesSeen) {
        }

        record Delivery(String connector, String partnerReference, Instant deliveredAt) {
        }

        record DeadLetterSummary(String id, String connector, String status, int attempts, Instant lastFailedAt,
                                 String reason) {
        }

        static TraceView of(MessageTrace trace) {
            MessageLogEntry r = trace.received();
            return new TraceView(trace.messageId(),
                    r == null ? null : new Received(r.tenantId(), r.messageType(), r.storeId(), r.source(), r.stage().name(),
                            r.detail(), r.receivedAt(), r.duplicates()),
                    trace.deliveries().stream().map(TraceView::delivery).toList(),
                    trace.deadLetters().stream().map(TraceView::deadLetter).toList());
        }

        private static Delivery delivery(ConnectorDelivery d) {
            return new Delivery(d.connector(), d.partnerReference(), d.deliveredAt());
        }

        private static DeadLetterSummary deadLetter(DeadLetter d) {
            return new DeadLetterSummary(d.id().toString(), d.connector(), d.status().name(), d.attempts(), d.lastFailedAt(),
                    d.exceptionMessage());
        }
    }
}
