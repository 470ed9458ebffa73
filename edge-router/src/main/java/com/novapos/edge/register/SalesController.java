package com.novapos.edge.register;

import com.novapos.edge.peripherals.StorePeripherals;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.sale.Sale;
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
 * {@code POST /api/v1/sales}: validated here, durable in the journal, then 202 QUEUED — whether or
 * not the hub is reachable. The same sale id again answers the same, without a second message.
 * {@code GET /api/v1/sales/{id}}: QUEUED until the hub acknowledges it, then SYNCED (or REJECTED).
 */
@RestController
@RequestMapping("/api/v1/sales")
class SalesController {
    static final String KIND = "SALE";

    private final RegisterMessages messages;
    private final RegisterTransactions transactions;
    private final StorePeripherals peripherals;
    SalesController(RegisterMessages messages, RegisterTransactions transactions, StorePeripherals peripherals) {
        this.messages = messages;
        this.transactions = transactions;
        this.peripherals = peripherals;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answer> post(@RequestBody String body) {
        Envelope envelope = messages.read(body, MessageType.SALE_COMPLETED, Sale::saleId);
        Sale sale = envelope.payloadAs(Sale.class);
        RegisterTransactions.Recorded recorded = transactions.accept(KIND, sale.saleId(), envelope);
        if (recorded.isNew()) {
            peripherals.saleCompleted(sale);   // queued on the printer's own thread; never throws for a device
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Answer.of(recorded));
    }

    @GetMapping("/{saleId}")
    ResponseEntity<Answer> get(@PathVariable String saleId) {
        return transactions.find(KIND, saleId).map(r -> ResponseEntity.ok(Answer.of(r)))
                .orElseThrow(() -> new NotFoundException("no sale " + saleId + " was rung up at this store"));
    }

    /** What the register sees. */
    record Answer(String saleId, String status, String messageId, Instant acceptedAt, Instant syncedAt, String reason) {
        static Answer of(RegisterTransactions.Recorded r) {
            return new Answer(r.businessId(), r.status(), r.messageId(), r.acceptedAt(), r.syncedAt(), r.reason());
        }
    }
}
