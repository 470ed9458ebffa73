package com.novapos.edge.register;

import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.returns.SaleReturn;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Returns, the same way as sales: {@code POST /api/v1/returns} → 202 QUEUED; {@code GET /api/v1/returns/{id}}. */
@RestController
@RequestMapping("/api/v1/returns")
class ReturnsController {
    static final String KIND = "RETURN";

    private final RegisterMessages messages;
    private final RegisterTransactions transactions;

    ReturnsController(RegisterMessages messages, RegisterTransactions transactions) {
        this.messages = messages;
        this.transactions = transactions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answer> post(@RequestBody String body) {
        Envelope envelope = messages.read(body, MessageType.RETURN_COMPLETED, SaleReturn::returnId);
        SaleReturn saleReturn = envelope.payloadAs(SaleReturn.class);
        RegisterTransactions.Recorded recorded = transactions.accept(KIND, saleReturn.returnId(), envelope);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Answer.of(recorded));
    }

    @GetMapping("/{returnId}")
    ResponseEntity<Answer> get(@PathVariable String returnId) {
        return transactions.find(KIND, returnId).map(r -> ResponseEntity.ok(Answer.of(r)))
                .orElseThrow(() -> new NotFoundException("no return " + returnId + " was rung up at this store"));
    }

    record Answer(String returnId, String status, String messageId, Instant acceptedAt, Instant syncedAt, String reason) {
        static Answer of(RegisterTransactions.Recorded r) {
            return new Answer(r.businessId(), r.status(), r.messageId(), r.acceptedAt(), r.syncedAt(), r.reason());
        }
    }
}
