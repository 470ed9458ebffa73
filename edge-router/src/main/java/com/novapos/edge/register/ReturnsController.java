package com.novapos.edge.register;

import com.novapos.edge.peripherals.StorePeripherals;
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

/**
 * Returns, the same way as sales: {@code POST /api/v1/returns} → 202 QUEUED; {@code GET /api/v1/returns/{id}}.
 * A return newly accepted prints its refund receipt (and a cash refund opens the drawer); the same
 * return id again answers the same without printing or kicking again.
 */
@RestController
@RequestMapping("/api/v1/returns")
class ReturnsController {
    static final String KIND = "RETURN";

    private final RegisterMessages messages;
    private final RegisterTransactions transactions;
    private final StorePeripherals peripherals;

    ReturnsController(RegisterMessages messages, RegisterTransactions transactions, StorePeripherals peripherals) {
        this.messages = messages;
        this.transactions = transactions;
        this.peripherals = peripherals;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answer> post(@RequestBody String body) {
        Envelope envelope = messages.read(body, MessageType.RETURN_COMPLETED, SaleReturn::returnId);
        SaleReturn saleReturn = envelope.payloadAs(SaleReturn.class);
        RegisterTransactions.Recorded recorded = transactions.accept(KIND, saleReturn.returnId(), envelope);
        if (recorded.isNew()) {
            peripherals.returnCompleted(saleReturn);   // queued on the printer's own thread; never throws for a device
        }
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
