package com.novapos.core.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.validation.MessageRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Records sales and returns — the facts the registers send — idempotently, each in one
 * transaction of the envelope's tenant together with its stock movements, settlement totals,
 * audit entries and outbox events.
 *
 * <p>A message is checked before anything is written ({@link SaleChecks}); every refusal,
 * including the business rules of returns, is a {@link MessageRejectedException} carrying
 * precise violations, and leaves nothing behind. Recording the same sale or return id again —
 * one after the other or at the same moment — writes nothing more and answers {@code DUPLICATE}:
 * the unique key decides the race and {@link TenantTransactions} retries the loser.
 */
@Service
public class SalesService {
    private final SaleChecks checks;
    private final SaleRecording saleRecording;
    private final ReturnRecording returnRecording;
    private final SaleRepository sales;
    private final ReturnRepository returns;
    private final TenantTransactions transactions;

    SalesService(SaleChecks checks, SaleRecording saleRecording, ReturnRecording returnRecording, SaleRepository sales,
                 ReturnRepository returns, TenantTransactions transactions) {
        this.checks = checks;
        this.saleRecording = saleRecording;
        this.returnRecording = returnRecording;
        this.sales = sales;
        this.returns = returns;
        this.transactions = transactions;
    }

    /** Records a {@code sale.completed} message. Stock never refuses a sale: it goes negative instead. */
    public RecordResult recordSale(Envelope envelope) {
        Sale sale = checks.sale(envelope);
        return transactions.call(envelope.tenantId(), () -> saleRecording.record(envelope, sale));
    }

    /**
     * Records a {@code return.completed} message.
     *
     * @param approver the manager who allowed it, as authenticated by the caller; needed for a
     *                 return without an original sale or above the approval limit, else may be {@code null}
     */
    public RecordResult recordReturn(Envelope envelope, Approver approver) {
        SaleReturn saleReturn = checks.saleReturn(envelope);
        return transactions.call(envelope.tenantId(), () -> returnRecording.record(envelope, saleReturn, approver));
    }

    /** The sale as it was recorded, in its original envelope, for the tenant bound to the thread. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Envelope> findSale(String saleId) {
        return sales.find(saleId).map(row -> row.envelope().around(MessageType.SALE_COMPLETED, row.tenantId(),
                read(row.payload(), Sale.class)));
    }

    /**
     * The return as it was applied — with the refund tenders the core decided on and the approver
     * — in the envelope it came in, for the tenant bound to the thread.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Envelope> findReturn(String returnId) {
        return returns.find(returnId).map(row -> row.envelope().around(MessageType.RETURN_COMPLETED, row.tenantId(),
                read(row.payload(), SaleReturn.class)));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return CanonicalJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded " + type.getSimpleName() + " cannot be read back", e);
        }
    }
}
