package com.novapos.core.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.novapos.core.PosCoreProperties;
import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.outbox.Outbox;
import com.novapos.core.settlement.SettlementService;
import com.novapos.core.stock.StockLedger;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.returns.ReturnLine;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.Tender;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockMovement;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a checked return inside the caller's transaction, after the rules that need the
 * database:
 * <ul>
 *   <li>against an original sale (locked, so concurrent returns of it are counted one by one):
 *       the sale exists, has the same currency, and each line names an original line of the same
 *       SKU and returns at most what it sold less what was already returned
 *       ({@code return-exceeds-sold});</li>
 *   <li>a return without an original sale, or with a grand total above
 *       {@link PosCoreProperties#returnApprovalLimit()}, needs an approver with a manager role
 *       ({@code approval-required});</li>
 *   <li>without refund tenders the refund goes back to the original tenders
 *       ({@link DefaultRefundTenders}); a return without an original sale must name them.</li>
 * </ul>
 * All refusals come together in one {@link MessageRejectedException}, before anything is written.
 * Then: the return, its lines and refund tenders, the original lines' returned quantities, one
 * {@code RETURN} movement per line (positive, id {@code returnId:lineNo}), settlement totals,
 * the audit of the refund (and of the approval), and {@code return.completed}.
 */
@Component
class ReturnRecording {
    private final SaleRepository sales;
    private final ReturnRepository returns;
    private final StockLedger ledger;
    private final SettlementService settlement;
    private final AuditLog audit;
    private final Outbox outbox;
    private final PosCoreProperties properties;
    private final EntityManager entityManager;
    private final Clock clock;

    ReturnRecording(SaleRepository sales, ReturnRepository returns, StockLedger ledger, SettlementService settlement,
                    AuditLog audit, Outbox outbox, PosCoreProperties properties, EntityManager entityManager,
                    Clock clock) {
        this.sales = sales;
        this.returns = returns;
        this.ledger = ledger;
        this.settlement = settlement;
        this.audit = audit;
        this.outbox = outbox;
        this.properties = properties;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    RecordResult record(Envelope envelope, SaleReturn saleReturn, Approver approver) {
        // lock the original sale before asking whether the return is recorded: a copy of this
        // return being recorded at the same moment then finishes first and is found here, instead
        // of this one counting its quantities twice and answering "exceeds sold"
        SaleRow original = saleReturn.originalSaleId() == null ? null
                : sales.lock(saleReturn.originalSaleId()).orElse(null);
        if (returns.recorded(saleReturn.returnId())) {
            return RecordResult.duplicate(saleReturn.returnId());
        }
        List<Violation> violations = new ArrayList<>();
        Map<Integer, SaleLineRow> originalLines = Map.of();
        if (saleReturn.originalSaleId() != null) {
            if (original == null) {
                violations.add(new Violation("payload.originalSaleId", "original-sale-known", "sale "
                        + saleReturn.originalSaleId() + " is not recorded; a return against it cannot be checked"));
            } else {
                originalLines = sales.lines(original.id()).stream()
                        .collect(Collectors.toMap(SaleLineRow::lineNo, Function.identity()));
                violations.addAll(againstOriginal(saleReturn, original, originalLines));
            }
        }
        String approvalReason = approvalReason(saleReturn);
        violations.addAll(approval(saleReturn, approver, approvalReason));
        boolean defaultRefund = saleReturn.refundTendersOrEmpty().isEmpty();
        if (defaultRefund && saleReturn.originalSaleId() == null) {
            violations.add(new Violation("payload.refundTenders", "refund-tenders-required",
                    "a return without an original sale must say how the refund is paid"));
        }
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }

        Sale originalSale = defaultRefund ? read(original.payload()) : null;
        SaleReturn applied = applied(saleReturn, originalSale, approver, approvalReason);
        write(envelope, applied, originalLines);
        if (approvalReason != null) {
            audit.record(approver.id(), AuditAction.RETURN_APPROVED, "return", applied.returnId(), null,
                    Map.of("approverRoles", approver.roles(), "grandTotal", applied.totals().grandTotal()),
                    approvalReason);
        }
        audit.record(actor(envelope, applied), AuditAction.REFUND_ISSUED, "return", applied.returnId(), null,
                Map.of("currency", applied.currency(), "refund", applied.totals().grandTotal(),
                        "refundTenders", applied.refundTenders()),
                applied.reason());
        outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                applied.returnId(), applied);
        return RecordResult.recorded(applied.returnId());
    }

    private static List<Violation> againstOriginal(SaleReturn saleReturn, SaleRow original,
                                                   Map<Integer, SaleLineRow> originalLines) {
        List<Violation> violations = new ArrayList<>();
        if (!original.currency().equals(saleReturn.currency())) {
            violations.add(new Violation("payload.currency", "currency-matches-original", "the return is in "
                    + saleReturn.currency() + " but sale " + original.saleId() + " was in " + original.currency()));
        }
        Map<Integer, BigDecimal> returningNow = new HashMap<>();
        for (int i = 0; i < saleReturn.lines().size(); i++) {
            ReturnLine line = saleReturn.lines().get(i);
            String path = "payload.lines[" + i + "]";
            if (line.originalLineNo() == null) {
                violations.add(new Violation(path + ".originalLineNo", "original-line-required", "return line "
                        + line.lineNo() + " must name the line of sale " + original.saleId() + " it returns"));
                continue;
            }
            SaleLineRow sold = originalLines.get(line.originalLineNo());
            if (sold == null) {
                violations.add(new Violation(path + ".originalLineNo", "original-line-known", "sale "
                        + original.saleId() + " has no line " + line.originalLineNo()));
                continue;
            }
            if (!sold.sku().equals(line.sku())) {
                violations.add(new Violation(path + ".sku", "return-sku-matches", "return line " + line.lineNo()
                        + " returns " + line.sku() + " but line " + sold.lineNo() + " of sale " + original.saleId()
                        + " sold " + sold.sku()));
                continue;
            }
            BigDecimal total = returningNow.merge(sold.lineNo(), line.quantity(), BigDecimal::add);
            if (total.compareTo(sold.returnable()) > 0) {
                violations.add(new Violation(path + ".quantity", "return-exceeds-sold", "return line "
                        + line.lineNo() + " returns " + plain(total) + " of " + sold.sku() + " from line "
                        + sold.lineNo() + " of sale " + original.saleId() + ", which sold " + plain(sold.quantity())
                        + " of which " + plain(sold.returnedQuantity()) + " already returned: at most "
                        + plain(sold.returnable()) + " can be returned"));
            }
        }
        return violations;
    }

    /** Why the return needs a manager's approval, or {@code null} when it does not. */
    private String approvalReason(SaleReturn saleReturn) {
        if (saleReturn.originalSaleId() == null) {
            return "return without an original sale";
        }
        BigDecimal limit = properties.returnApprovalLimit();
        if (saleReturn.totals().grandTotal().compareTo(limit) > 0) {
            return "refund " + saleReturn.totals().grandTotal().toPlainString() + " " + saleReturn.currency()
                    + " is above the approval limit " + limit.toPlainString();
        }
        return null;
    }

    private static List<Violation> approval(SaleReturn saleReturn, Approver approver, String approvalReason) {
        List<Violation> violations = new ArrayList<>();
        if (approvalReason != null && (approver == null || !approver.mayApproveReturns())) {
            violations.add(new Violation("approver", "approval-required", approvalReason + ": it needs an approver"
                    + " with role " + Approver.STORE_MANAGER + " or " + Approver.MANAGER
                    + (approver == null ? ", and none was given" : ", and " + approver.id() + " has roles "
                    + approver.roles().stream().sorted().toList())));
        }
        if (approver != null && saleReturn.approverId() != null && !saleReturn.approverId().equals(approver.id())) {
            violations.add(new Violation("payload.approverId", "approver-matches", "the return names approver "
                    + saleReturn.approverId() + " but was approved by " + approver.id()));
        }
        return violations;
    }

    /** The return as applied: its refund tenders decided and, when approval was needed, its approver. */
    private SaleReturn applied(SaleReturn r, Sale originalSale, Approver approver, String approvalReason) {
        List<Tender> refundTenders = r.refundTendersOrEmpty().isEmpty()
                ? DefaultRefundTenders.split(r.totals().grandTotal(), originalSale.tenders(), r.currency())
                : r.refundTenders();
        String approverId = approvalReason != null ? approver.id() : r.approverId();
        return new SaleReturn(r.returnId(), r.originalSaleId(), r.receiptNumber(), r.businessDate(), r.cashierId(),
                approverId, r.reason(), r.customerId(), r.currency(), r.lines(), r.totals(), refundTenders,
                r.offline());
    }

    private void write(Envelope envelope, SaleReturn applied, Map<Integer, SaleLineRow> originalLines) {
        Instant now = clock.instant();
        ReturnRow row = new ReturnRow(envelope, applied, CanonicalJson.write(applied), now);
        entityManager.persist(row);
        returns.flush();
        String storeId = envelope.storeId();
        List<StockMovement> movements = new ArrayList<>(applied.lines().size());
        for (ReturnLine line : applied.lines()) {
            entityManager.persist(new ReturnLineRow(row.id(), line));
            if (line.originalLineNo() != null && originalLines.containsKey(line.originalLineNo())) {
                originalLines.get(line.originalLineNo()).returned(line.quantity());
            }
            movements.add(new StockMovement(applied.returnId() + ":" + line.lineNo(), line.sku(), storeId,
                    line.quantity(), MovementReason.RETURN, applied.returnId(), null));
        }
        List<Tender> tenders = applied.refundTendersOrEmpty();
        for (int i = 0; i < tenders.size(); i++) {
            entityManager.persist(new ReturnTenderRow(row.id(), i + 1, tenders.get(i)));
        }
        ledger.applyAllOfNewSource(movements, storeId);
        settlement.postReturn(storeId, applied);
    }

    private static String actor(Envelope envelope, SaleReturn applied) {
        if (applied.cashierId() != null && !applied.cashierId().isBlank()) {
            return applied.cashierId();
        }
        return envelope.deviceId() != null ? "device:" + envelope.deviceId() : "store:" + envelope.storeId();
    }

    private static Sale read(String json) {
        try {
            return CanonicalJson.mapper().readValue(json, Sale.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded sale's JSON cannot be read back", e);
        }
    }

    private static String plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
