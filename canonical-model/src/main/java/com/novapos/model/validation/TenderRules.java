package com.novapos.model.validation;

import com.novapos.model.Money;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.sale.TenderType;

import java.math.BigDecimal;
import java.util.List;

import static com.novapos.model.validation.Rules.plain;

/**
 * Tenders of a sale (or refund tenders of a return):
 * <ul>
 *   <li>the tenders cover the total: Σ amount − Σ change = grandTotal (the caller names the rule:
 *       {@code tenders-cover-total}, {@code refund-covers-total});</li>
 *   <li>{@code change-only-cash}: only cash gives change; {@code change-below-amount}: change is
 *       less than the cash handed over;</li>
 *   <li>{@code masked-pan}: a tender's reference holds masked card data only (see
 *       {@link #isMasked(String)}).</li>
 * </ul>
 */
final class TenderRules {
    private static final int MOST_DIGITS_SHOWN_WITH_MASK = 10; // the first 6 and the last 4
    private static final int MOST_DIGITS_SHOWN_WITHOUT_MASK = 4;

    private TenderRules() {
    }

    /**
     * @param field      the list's field, like {@code tenders}
     * @param grandTotal what the tenders must pay, or null when it is broken (the sum is then not checked)
     */
    static void check(List<Tender> tenders, String field, BigDecimal grandTotal, String currency, Rules.Scope scope,
                      String coverRule) {
        if (tenders == null || tenders.isEmpty()) {
            return; // none at all is bean validation's to report, or (refunds) means "back to the original tenders"
        }
        BigDecimal paid = BigDecimal.ZERO;
        boolean complete = true;
        for (int i = 0; i < tenders.size(); i++) {
            Tender tender = tenders.get(i);
            Rules.Scope at = scope.at(field + "[" + i + "]");
            if (tender == null) {
                complete = false;
                continue;
            }
            checkReference(tender.reference(), at.at("reference"));
            if (!at.sound("")) {
                complete = false;
                continue;
            }
            boolean usable = at.amount("amount", tender.amount(), currency)
                    & (tender.change() == null || at.amount("change", tender.change(), currency));
            if (!usable) {
                complete = false;
                continue;
            }
            if (tender.change() != null && tender.change().signum() > 0) {
                if (tender.type() != TenderType.CASH) {
                    at.add("change", "change-only-cash", "only a cash tender gives change, not " + tender.type());
                } else if (tender.change().compareTo(tender.amount()) >= 0) {
                    at.add("change", "change-below-amount", "change must be less than the amount tendered");
                }
            }
            paid = paid.add(tender.netAmount());
        }
        if (complete && grandTotal != null && !Money.same(paid, grandTotal)) {
            scope.add(field, coverRule, "the " + field + " pay " + plain(paid) + " (amounts less change) but grandTotal is "
                    + plain(grandTotal));
        }
    }

    /** A payment provider's answer may carry a masked PAN, never a readable one. */
    static void checkReference(TenderReference reference, Rules.Scope at) {
        if (reference != null && reference.maskedPan() != null && at.sound("maskedPan")
                && !isMasked(reference.maskedPan())) {
            at.add("maskedPan", "masked-pan", "maskedPan must be masked, showing at most the first 6 and last 4 digits "
                    + "(like \"4111 **** **** 1111\"), or at most 4 digits");
        }
    }

    /**
     * Masked means: masking characters ({@code *}, {@code X}) and at most 10 digits shown (the
     * first 6 and last 4, as PCI DSS allows), or no masking characters and at most 4 digits. So
     * "4111 **** **** 1111" and "1111" are masked; "4111 2222 3333 4444" is not, Luhn-valid or not.
     */
    static boolean isMasked(String maskedPan) {
        long digits = maskedPan.chars().filter(c -> c >= '0' && c <= '9').count();
        boolean hasMask = maskedPan.indexOf('*') >= 0 || maskedPan.indexOf('X') >= 0 || maskedPan.indexOf('x') >= 0;
        return digits <= (hasMask ? MOST_DIGITS_SHOWN_WITH_MASK : MOST_DIGITS_SHOWN_WITHOUT_MASK);
    }
}
