package com.novapos.edge.payments;

import com.novapos.edge.register.NotFoundException;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CryptoPaymentRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The register's payments API. {@code POST /api/v1/payments/card} and {@code /crypto}: validated
 * (400 problem+json naming each field), then — only while the hub link is up, else 503 "needs
 * connection" — sent to the hub, answering 202 {@code {paymentId, status: "PENDING"}}. The same
 * paymentId again answers the same payment and sends nothing. {@code GET /api/v1/payments/{id}}:
 * the status and, once the hub answered, the result (also pushed on {@code /api/v1/events}).
 */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentsController {
    private final RegisterPayments payments;

    PaymentsController(RegisterPayments payments) {
        this.payments = payments;
    }

    /** What the register posts for a card payment; {@code paymentId} is optional (a new one is made). */
    record CardBody(String paymentId, String saleId, Integer tenderNo, BigDecimal amount, String currency, String terminalId) {
    }

    /** What the register posts for a crypto payment. */
    record CryptoBody(String paymentId, String saleId, Integer tenderNo, BigDecimal amount, String currency, String description) {
    }

    @PostMapping(path = "/card", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegisterPayments.Payment> card(@RequestBody CardBody body) {
        return accepted(payments.requestCard(new CardPaymentRequest(idOf(body.paymentId()), body.saleId(),
                body.tenderNo() == null ? 0 : body.tenderNo(), body.terminalId(), body.amount(), body.currency(),
                CardPaymentRequest.Kind.SALE, null)));
    }

    @PostMapping(path = "/crypto", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegisterPayments.Payment> crypto(@RequestBody CryptoBody body) {
        return accepted(payments.requestCrypto(new CryptoPaymentRequest(idOf(body.paymentId()), body.saleId(),
                body.tenderNo() == null ? 0 : body.tenderNo(), body.amount(), body.currency(), body.description())));
    }

    @GetMapping("/{paymentId}")
    RegisterPayments.Payment get(@PathVariable String paymentId) {
        return payments.find(paymentId).orElseThrow(() -> new NotFoundException("no payment " + paymentId + " at this store"));
    }

    private static ResponseEntity<RegisterPayments.Payment> accepted(RegisterPayments.Payment payment) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(payment);
    }

    private static String idOf(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }
}
