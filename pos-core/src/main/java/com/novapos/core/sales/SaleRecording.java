package com.novapos.core.sales;

import com.novapos.core.outbox.Outbox;
import com.novapos.core.settlement.SettlementService;
import com.novapos.core.stock.StockLedger;
import com.novapos.core.support.HotPathSql;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockMovement;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a checked sale inside the caller's transaction: the sale, its lines and tenders, one
 * {@code SALE} movement per line (id {@code saleId:lineNo}, source the sale), the store's
 * settlement totals, and {@code sale.completed} under the incoming message id.
 *
 * <p>The sale row is inserted and flushed first: when the same sale is recorded twice at once,
 * the unique key stops the second transaction right there, before it locks any stock, and its
 * retry then finds the sale and answers {@code DUPLICATE}.
 */
@Component
class SaleRecording {
    private final SaleRepository sales;
    private final StockLedger ledger;
    private final SettlementService settlement;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;

    SaleRecording(SaleRepository sales, StockLedger ledger, SettlementService settlement, Outbox outbox,
                  EntityManager entityManager, Clock clock) {
        this.sales = sales;
        this.ledger = ledger;
        this.settlement = settlement;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    RecordResult record(Envelope envelope, Sale sale) {
        if (recorded(sale.saleId())) {
            return RecordResult.duplicate(sale.saleId());
        }
        Instant now = clock.instant();
        SaleRow row = new SaleRow(envelope, sale, CanonicalJson.write(sale), now);
        entityManager.persist(row);
        sales.flush();

        String storeId = envelope.storeId();
        List<StockMovement> movements = new ArrayList<>(sale.lines().size());
        for (SaleLine line : sale.lines()) {
            entityManager.persist(new SaleLineRow(row.id(), line));
            movements.add(new StockMovement(sale.saleId() + ":" + line.lineNo(), line.sku(), storeId,
                    line.quantity().negate(), MovementReason.SALE, sale.saleId(), null));
        }
        for (int i = 0; i < sale.tenders().size(); i++) {
            entityManager.persist(new SaleTenderRow(row.id(), i + 1, sale.tenders().get(i)));
        }
        ledger.applyAllOfNewSource(movements, storeId);
        settlement.postSale(storeId, sale);
        outbox.append(envelope.messageId(), storeId, envelope.deviceId(), envelope.correlationId(), sale.saleId(), sale);
        return RecordResult.recorded(sale.saleId());
    }

    private boolean recorded(String saleId) {
        return !HotPathSql.query(entityManager, "sale", "select 1 from sale where tenant_id = ?1 and sale_id = ?2",
                TenantContext.current(), saleId).setMaxResults(1).getResultList().isEmpty();
    }
}
