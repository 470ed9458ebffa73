package com.novapos.core.sales;

import com.novapos.model.Money;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderReference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The refund of a return that names no refund tenders goes back to the original sale's tenders,
 * <b>proportionally</b> to what each paid (its amount net of cash change): each share is
 * {@code refund × paid / Σ paid}, rounded half-up to the currency's minor unit ({@link Money});
 * the rounding difference — a few minor units at most — goes to the largest share, so the shares
 * add up exactly to the refund. A share that rounds to zero is left out.
 *
 * <p>A refund tender keeps what identifies the means of payment (provider, token, masked PAN,
 * brand, payment id) and drops what identified the original transaction (terminal, auth code,
 * RRN, batch): the refund is a new transaction, with its own batch at the terminal.
 */
final class DefaultRefundTenders {
    private DefaultRefundTenders() {
    }

    static List<Tender> split(BigDecimal refund, List<Tender> original, String currency) {
        BigDecimal paid = original.stream().map(Tender::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        int largest = 0;
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < original.size(); i++) {
            BigDecimal share = Money.round(refund.multiply(original.get(i).netAmount())
                    .divide(paid, MathContext.DECIMAL64), currency);
            shares.add(share);
            allocated = allocated.add(share);
            if (share.compareTo(shares.get(largest)) > 0) {
                largest = i;
            }
        }
        shares.set(largest, shares.get(largest).add(refund.subtract(allocated)));
        List<Tender> refunds = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            if (shares.get(i).signum() > 0) {
                Tender tender = original.get(i);
                refunds.add(new Tender(tender.type(), shares.get(i), null, meansOfPayment(tender.reference())));
            }
        }
        return refunds;
    }

    private static TenderReference meansOfPayment(TenderReference reference) {
        if (reference == null) {
            return null;
        }
        return new TenderReference(reference.provider(), null, null, null, reference.maskedPan(),
                reference.cardBrand(), reference.token(), null, reference.paymentId());
    }
}
