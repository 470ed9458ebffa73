package com.novapos.hub.connectors.valor;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.valor.ValorClient;
import com.novapos.connectors.valor.ValorTxnIds;
import com.novapos.core.deadletter.DeadLetterService;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.payments.CardPaymentView;
import com.novapos.core.payments.CardPayments;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.hub.connectors.DeadLetterRedrive;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.sale.TenderType;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Refunds a return's CARD refund tenders to the original card through the Merchant API, with the
 * original transaction's {@code rrn}, auth code and token — from the tender's reference, or, where
 * the core left them out (a default refund back to the original tenders keeps only the means of
 * payment), from the card payment its {@code paymentId} names. Each refund's {@code uid} is derived
 * from the return id and the tender's position, so a redelivery or a re-drive answers the first
 * refund instead of refunding twice. Card tenders of other providers, or whose original RRN is
 * unknown, are left alone (refunded at the terminal or by hand, as before).
 */
@Component
@ConditionalOnBean(ValorClient.class)
class ValorRefunds {
    private final ValorClient client;
    private final CardPayments payments;
    private final MessageLog messageLog;
    private final DeadLetterService deadLetters;
    private final TenantTransactions tx;
    private final CircuitBreaker breaker;

    ValorRefunds(ValorClient client, CardPayments payments, MessageLog messageLog, DeadLetterService deadLetters,
                 TenantTransactions tx, ConnectorBreakers breakers) {
        this.client = client;
        this.payments = payments;
        this.messageLog = messageLog;
        this.deadLetters = deadLetters;
        this.tx = tx;
        this.breaker = breakers.of(ValorPayments.CONNECTOR);
    }

    @Handler
    public List<ValorClient.RefundAnswer> refund(@Body String envelopeJson, @Header(DeadLetterRedrive.REDRIVEN) Boolean redriven) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        SaleReturn saleReturn = envelope.payloadAs(SaleReturn.class);
        String tenant = envelope.tenantId();
        List<Tender> tenders = saleReturn.refundTendersOrEmpty();
        List<ValorClient.RefundAnswer> done = new ArrayList<>();
        for (int i = 0; i < tenders.size(); i++) {
            ValorClient.Refund refund = toOriginalCard(tenant, saleReturn, tenders.get(i), i);
            if (refund != null) {
                done.add(breaker.executeSupplier(() -> client.refund(refund)));
            }
        }
        if (!done.isEmpty()) {
            tx.run(tenant, () -> messageLog.delivered(envelope.messageId(), ValorPayments.CONNECTOR, "refund "
                    + done.stream().map(a -> "txnid=" + a.txnId() + " rrn=" + a.rrn()).toList()));
        }
        if (Boolean.TRUE.equals(redriven)) {
            deadLetters.resolved(tenant, envelope.messageId(), ValorPayments.CONNECTOR);
        }
        return done;
    }

    private ValorClient.Refund toOriginalCard(String tenant, SaleReturn saleReturn, Tender tender, int index) {
        TenderReference reference = tender.reference();
        if (tender.type() != TenderType.CARD || reference == null
                || (reference.provider() != null && !CardPayments.PROVIDER.equalsIgnoreCase(reference.provider()))) {
            return null;
        }
        CardPaymentView original = reference.paymentId() == null ? null
                : payments.find(tenant, reference.paymentId()).orElse(null);
        String rrn = first(reference.rrn(), original == null ? null : original.rrn());
        String authCode = first(reference.authCode(), original == null ? null : original.authCode());
        String token = first(reference.token(), original == null ? null : original.token());
        if (rrn == null) {
            return null;   // the original transaction is unknown here: refunded at the terminal, not through the Merchant API
        }
        String epi = first(client.settings().merchantEpi(), client.settings().epiOf(reference.terminalId()),
                original == null ? null : original.terminalEpi());
        if (epi == null) {
            throw new PartnerFailure.Permanent(ValorPayments.CONNECTOR, "no EPI to refund with: set "
                    + "novapos.connectors.valor.merchant-epi or the EPI of terminal " + reference.terminalId(), null, null, null);
        }
        return new ValorClient.Refund(epi, ValorTxnIds.refundUid(tenant, saleReturn.returnId(), index), tender.netAmount(),
                saleReturn.currency(), original == null ? null : original.txnId(), rrn, authCode, token);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
