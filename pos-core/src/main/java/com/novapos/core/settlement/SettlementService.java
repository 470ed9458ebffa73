package com.novapos.core.settlement;

import com.novapos.core.outbox.Outbox;
import com.novapos.core.support.HotPathSql;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.MessageType;
import com.novapos.model.Money;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.TenderType;
import com.novapos.model.settlement.SettlementBatch;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Settlement of each store's business day: the Z-report, added up from the day's sale and return
 * rows when it is asked for, and the close of the day.
 *
 * <p>The numbers, per store and business date (the sale's, not the clock's):
 * <ul>
 *   <li>{@code grossSales} = Σ sale subtotals, {@code discountTotal} = Σ sale discounts;</li>
 *   <li>{@code returnsTotal} = Σ returned goods net of their discounts, before tax;</li>
 *   <li>{@code taxTotal} = tax on sales less tax refunded;</li>
 *   <li>{@code netTotal} = grossSales − discountTotal − returnsTotal + taxTotal, which equals
 *       money taken less money refunded over all tenders;</li>
 *   <li>per tender type: {@code taken} = Σ tender amounts net of change, {@code refunded} = Σ
 *       refund tenders (a return's tenders as applied), {@code count} = tenders of both kinds;</li>
 *   <li>per card batch (the terminal's {@code batchNo}): card sales less card refunds and their
 *       count; card tenders without a batch number appear in the tender totals only.</li>
 * </ul>
 *
 * <p>Why from the rows: the sale and return rows are written in the same transaction as everything
 * else a sale changes, and they are the facts; a running total per day would be one row that every
 * register of the store updates, and every sale would queue on its lock (measured: the most expensive
 * statement of a sale). Posting a sale therefore only makes sure its day exists and settles in the
 * sale's currency — a read, and once a day an insert. A sale or return dated on a closed day still
 * counts (sales are facts): the Z-report includes it, but the day's {@code settlement.batch} was sent
 * once, at close, and is not sent again.
 */
@Service
public class SettlementService {
    private final SettlementRepository days;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;

    SettlementService(SettlementRepository days, Outbox outbox, EntityManager entityManager, Clock clock) {
        this.days = days;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Joins a sale to its store's day (refused if the day settles in another currency). Inside the sale's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void postSale(String storeId, Sale sale) {
        join(storeId, sale.businessDate(), sale.currency());
    }

    /** Joins a return to its store's day (refused if the day settles in another currency). Inside the return's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void postReturn(String storeId, SaleReturn saleReturn) {
        join(storeId, saleReturn.businessDate(), saleReturn.currency());
    }

    /** The Z-report of a store's day as it stands; a day without activity reports zeros in currency XXX. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SettlementBatch zReport(String storeId, LocalDate businessDate) {
        UUID id = SettlementDay.idOf(TenantContext.current(), storeId, businessDate);
        return report(id, storeId, businessDate, currencyOf(id).orElse(SettlementDay.NO_CURRENCY));
    }

    /**
     * Closes a store's day and puts its {@code settlement.batch} in the outbox — once: closing a
     * closed day changes nothing and returns the Z-report as it stands. The day's row is locked while
     * it closes, so two closes cannot both send the batch.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SettlementBatch close(String storeId, LocalDate businessDate) {
        UUID id = SettlementDay.idOf(TenantContext.current(), storeId, businessDate);
        SettlementDay day = days.lock(id).orElseGet(() -> {
            SettlementDay created = new SettlementDay(storeId, businessDate, id);
            entityManager.persist(created);
            return created;
        });
        boolean closedNow = day.close(clock.instant());
        SettlementBatch batch = report(id, storeId, businessDate, day.currency());
        if (closedNow) {
            outbox.append(batch.settlementId() + ":" + MessageType.SETTLEMENT_BATCH.wireName(), storeId, null, null,
                    batch.settlementId(), batch);
        }
        return batch;
    }

    /**
     * The day takes the currency of its first sale or return; later ones must match it. The row is
     * created with {@code on conflict do nothing}: of two first sales at once, one inserts and the
     * other (PostgreSQL makes it wait for the first to commit) reads what the first one wrote.
     */
    private void join(String storeId, LocalDate businessDate, String currency) {
        String tenantId = TenantContext.current();
        UUID id = SettlementDay.idOf(tenantId, storeId, businessDate);
        String dayCurrency = currencyOf(id).orElse(null);
        if (dayCurrency == null) {
            entityManager.createNativeQuery("insert into settlement_day (id, tenant_id, store_id, business_date, currency,"
                            + " status) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                    .setParameter(1, id).setParameter(2, tenantId).setParameter(3, storeId)
                    .setParameter(4, businessDate).setParameter(5, currency).setParameter(6, SettlementDay.OPEN)
                    .executeUpdate();
            dayCurrency = currencyOf(id).orElseThrow();
        }
        if (SettlementDay.NO_CURRENCY.equals(dayCurrency)) {   // closed before anything was sold
            entityManager.createNativeQuery("update settlement_day set currency = ?1 where id = ?2 and tenant_id = ?3"
                            + " and currency = ?4")
                    .setParameter(1, currency).setParameter(2, id).setParameter(3, tenantId)
                    .setParameter(4, SettlementDay.NO_CURRENCY).executeUpdate();
            dayCurrency = currencyOf(id).orElseThrow();
        }
        if (!dayCurrency.equals(currency)) {
            throw new MessageRejectedException(new Violation("payload.currency", "settlement-currency",
                    "store " + storeId + " settles " + businessDate + " in " + dayCurrency
                            + "; a " + currency + " transaction cannot join that day"));
        }
    }

    /** The day's currency, for the tenant bound to the thread; empty before the day's first transaction. */
    private Optional<String> currencyOf(UUID id) {
        return HotPathSql.query(entityManager, "settlement_day", "select currency from settlement_day where id = ?1"
                + " and tenant_id = ?2", id, TenantContext.current()).getResultList().stream().map(String.class::cast).findFirst();
    }

    private SettlementBatch report(UUID id, String storeId, LocalDate businessDate, String currency) {
        entityManager.flush();   // this transaction's own sales count too
        String tenantId = TenantContext.current();
        Object[] sales = single("select count(*), coalesce(sum(subtotal), 0), coalesce(sum(discount_total), 0),"
                + " coalesce(sum(tax_total), 0) from sale where tenant_id = ?1 and store_id = ?2 and business_date = ?3",
                tenantId, storeId, businessDate);
        Object[] returns = single("select count(*), coalesce(sum(subtotal - discount_total), 0),"
                + " coalesce(sum(tax_total), 0) from sale_return where tenant_id = ?1 and store_id = ?2"
                + " and business_date = ?3", tenantId, storeId, businessDate);

        Map<TenderType, TenderSums> tenders = new EnumMap<>(TenderType.class);
        Map<String, TenderSums> cardBatches = new TreeMap<>();
        for (Object[] row : rows("select t.tender_type, t.batch_no, count(*), sum(t.amount - coalesce(t.change_amount, 0))"
                + " from sale_tender t join sale s on s.id = t.sale_pk and s.tenant_id = t.tenant_id"
                + " where s.tenant_id = ?1 and s.store_id = ?2 and s.business_date = ?3 group by t.tender_type, t.batch_no",
                tenantId, storeId, businessDate)) {
            add(tenders, cardBatches, row, false);
        }
        for (Object[] row : rows("select t.tender_type, t.batch_no, count(*), sum(t.amount)"
                + " from return_tender t join sale_return r on r.id = t.return_pk and r.tenant_id = t.tenant_id"
                + " where r.tenant_id = ?1 and r.store_id = ?2 and r.business_date = ?3 group by t.tender_type, t.batch_no",
                tenantId, storeId, businessDate)) {
            add(tenders, cardBatches, row, true);
        }

        BigDecimal grossSales = decimal(sales[1]);
        BigDecimal discounts = decimal(sales[2]);
        BigDecimal returnsNet = decimal(returns[1]);
        BigDecimal tax = decimal(sales[3]).subtract(decimal(returns[2]));
        BigDecimal net = grossSales.subtract(discounts).subtract(returnsNet).add(tax);
        List<SettlementBatch.TenderTotal> tenderTotals = new ArrayList<>();
        tenders.forEach((type, t) -> tenderTotals.add(new SettlementBatch.TenderTotal(type, t.count,
                money(t.taken, currency), money(t.refunded, currency), money(t.taken.subtract(t.refunded), currency))));
        List<SettlementBatch.CardBatch> cards = new ArrayList<>();
        cardBatches.forEach((batchNo, b) -> cards.add(new SettlementBatch.CardBatch(batchNo, b.count,
                money(b.taken.subtract(b.refunded), currency))));
        return new SettlementBatch(id.toString(), storeId, businessDate, currency,
                ((Number) sales[0]).longValue(), ((Number) returns[0]).longValue(), money(grossSales, currency),
                money(discounts, currency), money(returnsNet, currency), money(tax, currency), money(net, currency),
                tenderTotals, cards);
    }

    /** Count and amounts of one tender type or one card batch. */
    private static final class TenderSums {
        long count;
        BigDecimal taken = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;

        void add(long n, BigDecimal amount, boolean refund) {
            count += n;
            if (refund) {
                refunded = refunded.add(amount);
            } else {
                taken = taken.add(amount);
            }
        }
    }

    private static void add(Map<TenderType, TenderSums> tenders, Map<String, TenderSums> cardBatches, Object[] row,
                            boolean refund) {
        TenderType type = TenderType.valueOf((String) row[0]);
        String batchNo = (String) row[1];
        long count = ((Number) row[2]).longValue();
        BigDecimal amount = decimal(row[3]);
        tenders.computeIfAbsent(type, t -> new TenderSums()).add(count, amount, refund);
        if (type == TenderType.CARD && batchNo != null && !batchNo.isBlank()) {
            cardBatches.computeIfAbsent(batchNo, b -> new TenderSums()).add(count, amount, refund);
        }
    }

    private Object[] single(String sql, Object... parameters) {
        return rows(sql, parameters).get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static BigDecimal money(BigDecimal amount, String currency) {
        return Money.round(amount, currency);
    }
}
