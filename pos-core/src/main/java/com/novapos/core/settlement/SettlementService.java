package com.novapos.core.settlement;

import com.novapos.core.outbox.Outbox;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.MessageType;
import com.novapos.model.Money;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderType;
import com.novapos.model.sale.Totals;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settlement of each store's business day: running totals updated in the transaction of every
 * sale and return, the Z-report read from them, and the close of the day.
 *
 * <p>The numbers, per store and business date (the sale's, not the clock's):
 * <ul>
 *   <li>{@code grossSales} = Σ sale subtotals, {@code discountTotal} = Σ sale discounts;</li>
 *   <li>{@code returnsTotal} = Σ returned goods net of their discounts, before tax;</li>
 *   <li>{@code taxTotal} = tax on sales less tax refunded;</li>
 *   <li>{@code netTotal} = grossSales − discountTotal − returnsTotal + taxTotal, which equals
 *       money taken less money refunded over all tenders;</li>
 *   <li>per tender type: {@code taken} = Σ tender amounts net of change, {@code refunded} = Σ
 *       refund tenders, {@code count} = tenders of both kinds;</li>
 *   <li>per card batch (the terminal's {@code batchNo}): card sales less card refunds and their
 *       count; card tenders without a batch number appear in the tender totals only.</li>
 * </ul>
 * All of a day's rows are guarded by the lock on its {@code settlement_day} row. A sale or return
 * dated on a closed day still counts (sales are facts): the totals and the Z-report include it,
 * but the day's {@code settlement.batch} was sent once, at close, and is not sent again.
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

    /** Adds a sale to its store's day. Called by the sales service inside the sale's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void postSale(String storeId, Sale sale) {
        SettlementDay day = lockForPosting(storeId, sale.businessDate(), sale.currency());
        Totals totals = sale.totals();
        day.addSale(totals.subtotal(), totals.discountTotal(), totals.taxTotal());
        postTenders(day, sale.tenders(), false);
    }

    /** Adds a return (with its effective refund tenders) to its store's day, inside the return's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void postReturn(String storeId, SaleReturn saleReturn) {
        SettlementDay day = lockForPosting(storeId, saleReturn.businessDate(), saleReturn.currency());
        Totals totals = saleReturn.totals();
        day.addReturn(totals.subtotal().subtract(totals.discountTotal()), totals.taxTotal());
        postTenders(day, saleReturn.refundTendersOrEmpty(), true);
    }

    /** The Z-report of a store's day as it stands; a day without activity reports zeros in currency XXX. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SettlementBatch zReport(String storeId, LocalDate businessDate) {
        UUID id = SettlementDay.idOf(TenantContext.current(), storeId, businessDate);
        return days.findById(id).map(this::report)
                .orElseGet(() -> report(new SettlementDay(TenantContext.current(), storeId, businessDate, null)));
    }

    /**
     * Closes a store's day and puts its {@code settlement.batch} in the outbox — once: closing a
     * closed day changes nothing and returns the Z-report as it stands.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SettlementBatch close(String storeId, LocalDate businessDate) {
        SettlementDay day = lockOrCreate(storeId, businessDate, null);
        boolean closedNow = day.close(clock.instant());
        SettlementBatch batch = report(day);
        if (closedNow) {
            outbox.append(batch.settlementId() + ":" + MessageType.SETTLEMENT_BATCH.wireName(), storeId, null, null,
                    batch.settlementId(), batch);
        }
        return batch;
    }

    private SettlementDay lockForPosting(String storeId, LocalDate businessDate, String currency) {
        SettlementDay day = lockOrCreate(storeId, businessDate, currency);
        if (!day.acceptsCurrency(currency)) {
            throw new MessageRejectedException(new Violation("payload.currency", "settlement-currency",
                    "store " + storeId + " settles " + businessDate + " in " + day.currency()
                            + "; a " + currency + " transaction cannot join that day"));
        }
        return day;
    }

    private SettlementDay lockOrCreate(String storeId, LocalDate businessDate, String currency) {
        String tenantId = TenantContext.current();
        return days.lock(SettlementDay.idOf(tenantId, storeId, businessDate)).orElseGet(() -> {
            SettlementDay created = new SettlementDay(tenantId, storeId, businessDate, currency);
            entityManager.persist(created);
            return created;
        });
    }

    private void postTenders(SettlementDay day, List<Tender> tenders, boolean refund) {
        if (tenders.isEmpty()) {
            return;
        }
        Map<TenderType, SettlementTenderTotal> totals = new EnumMap<>(TenderType.class);
        days.tenderTotals(day.id()).forEach(t -> totals.put(t.tenderType(), t));
        Map<String, SettlementCardBatch> batches = null;
        for (Tender tender : tenders) {
            BigDecimal amount = tender.netAmount();
            SettlementTenderTotal total = totals.computeIfAbsent(tender.type(),
                    type -> persist(new SettlementTenderTotal(day.id(), type)));
            if (refund) {
                total.refund(amount);
            } else {
                total.take(amount);
            }
            String batchNo = batchNo(tender);
            if (batchNo != null) {
                if (batches == null) {
                    batches = days.cardBatches(day.id()).stream()
                            .collect(Collectors.toMap(SettlementCardBatch::batchNo, Function.identity(),
                                    (a, b) -> a, TreeMap::new));
                }
                batches.computeIfAbsent(batchNo, no -> persist(new SettlementCardBatch(day.id(), no)))
                        .add(refund ? amount.negate() : amount);
            }
        }
    }

    private SettlementBatch report(SettlementDay day) {
        String currency = day.currency();
        BigDecimal tax = day.salesTax().subtract(day.returnsTax());
        BigDecimal net = day.grossSales().subtract(day.discountTotal()).subtract(day.returnsNet()).add(tax);
        List<SettlementBatch.TenderTotal> tenders = days.tenderTotals(day.id()).stream()
                .sorted(Comparator.comparing(SettlementTenderTotal::tenderType))
                .map(t -> new SettlementBatch.TenderTotal(t.tenderType(), t.count(), money(t.taken(), currency),
                        money(t.refunded(), currency), money(t.taken().subtract(t.refunded()), currency)))
                .toList();
        List<SettlementBatch.CardBatch> cards = days.cardBatches(day.id()).stream()
                .sorted(Comparator.comparing(SettlementCardBatch::batchNo))
                .map(b -> new SettlementBatch.CardBatch(b.batchNo(), b.count(), money(b.amount(), currency)))
                .toList();
        return new SettlementBatch(day.id().toString(), day.storeId(), day.businessDate(), currency,
                day.salesCount(), day.returnsCount(), money(day.grossSales(), currency),
                money(day.discountTotal(), currency), money(day.returnsNet(), currency), money(tax, currency),
                money(net, currency), tenders, cards);
    }

    private static String batchNo(Tender tender) {
        if (tender.type() != TenderType.CARD || tender.reference() == null) {
            return null;
        }
        String batchNo = tender.reference().batchNo();
        return batchNo == null || batchNo.isBlank() ? null : batchNo;
    }

    private static BigDecimal money(BigDecimal amount, String currency) {
        return Money.round(amount, currency);
    }

    private <T> T persist(T entity) {
        entityManager.persist(entity);
        return entity;
    }
}
