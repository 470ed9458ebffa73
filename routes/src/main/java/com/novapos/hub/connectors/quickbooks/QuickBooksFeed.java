package com.novapos.hub.connectors.quickbooks;

import com.novapos.connectors.quickbooks.QuickBooksClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.deadletter.DeadLetterService;
import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.hub.connectors.DeadLetterRedrive;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import com.novapos.core.support.TenantTransactions;
import com.novapos.mappings.quickbooks.QuickBooksReceipts;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * Books recorded sales as SalesReceipts and returns as RefundReceipts. The canonical message id
 * is the {@code requestid}, so a redelivery or a re-drive returns the receipt QuickBooks already
 * created instead of booking it twice.
 */
@Component
@ConditionalOnBean(QuickBooksClient.class)
class QuickBooksFeed {
    static final String CONNECTOR = "quickbooks";

    private final QuickBooksClient client;
    private final QuickBooksReceipts receipts;
    private final MessageLog messageLog;
    private final TenantTransactions tx;
    private final CircuitBreaker breaker;
    private final DeadLetterService deadLetters;
    private final QuickBooksPacing pacing;

    QuickBooksFeed(QuickBooksClient client, QuickBooksReceipts receipts, MessageLog messageLog, TenantTransactions tx,
                   ConnectorBreakers breakers, DeadLetterService deadLetters, QuickBooksPacing pacing) {
        this.pacing = pacing;
        this.deadLetters = deadLetters;
        this.client = client;
        this.receipts = receipts;
        this.messageLog = messageLog;
        this.tx = tx;
        this.breaker = breakers.of(CONNECTOR);
    }

    @Handler
    public QuickBooksClient.Created deliver(@Body String envelopeJson,
                                           @Header(DeadLetterRedrive.REDRIVEN) Boolean redriven) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        String entity;
        ObjectNode body;
        if (envelope.payload() instanceof Sale sale) {
            entity = "salesreceipt";
            body = receipts.salesReceipt(sale, envelope.storeId());
        } else if (envelope.payload() instanceof SaleReturn saleReturn) {
            entity = "refundreceipt";
            body = receipts.refundReceipt(saleReturn, saleReturn.refundTendersOrEmpty(), envelope.storeId());
        } else {
            throw new IllegalArgumentException("the QuickBooks feed takes sales and returns, not " + envelope.type());
        }
        pacing.awaitTurn();   // only a call that will be made waits for a turn
        QuickBooksClient.Created created = breaker.executeSupplier(() -> client.create(entity, body, envelope.messageId()));
        tx.run(envelope.tenantId(), () -> messageLog.delivered(envelope.messageId(), CONNECTOR,
                created.entity() + ":" + created.id() + " intuit_tid=" + created.intuitTid()));
        if (Boolean.TRUE.equals(redriven)) {
            deadLetters.resolved(envelope.tenantId(), envelope.messageId(), CONNECTOR);
        }
        return created;
    }
}
