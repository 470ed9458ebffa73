package com.novapos.core.orders;

import com.novapos.model.Money;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderLine;
import com.novapos.model.sale.Channel;
import com.novapos.model.sale.Discount;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.sale.TenderType;
import com.novapos.model.sale.Totals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sale a picked-up order becomes. Its id is derived from the tenant and order, so picking up
 * twice can never record two sales.
 *
 * <p>Online orders carry discount and tax at order level; a sale carries them per line. They are
 * allocated to the lines in proportion to the line totals, the rounding remainder going to the
 * last line, and each line's tax rate is stated as its allocated tax over its net line total —
 * so every line's tax is exactly its share and the sale's totals equal the order's to the cent.
 */
final class PickupSale {
    private static final int RATE_SCALE = 10;

    private PickupSale() {
    }

    static String saleIdFor(String tenantId, String orderId) {
        return UUID.nameUUIDFromBytes(("pickup:" + tenantId + ":" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Sale of(String saleId, OnlineOrder order, LocalDate businessDate, String cashierId) {
        String currency = order.currency();
        List<OrderLine> orderLines = order.lines();
        List<BigDecimal> grossLines = orderLines.stream().map(OrderLine::lineTotal).toList();
        List<BigDecimal> discounts = allocate(order.totals().discountTotal(), grossLines, currency);
        List<BigDecimal> netLines = new ArrayList<>();
        for (int i = 0; i < grossLines.size(); i++) {
            netLines.add(grossLines.get(i).subtract(discounts.get(i)));
        }
        List<BigDecimal> taxes = allocate(order.totals().taxTotal(), netLines, currency);

        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < orderLines.size(); i++) {
            OrderLine line = orderLines.get(i);
            BigDecimal net = netLines.get(i);
            BigDecimal tax = taxes.get(i);
            BigDecimal rate = net.signum() == 0 ? BigDecimal.ZERO : tax.divide(net, RATE_SCALE, RoundingMode.HALF_UP);
            lines.add(new SaleLine(line.lineNo(), line.sku(), null, null, line.quantity(), line.unitPrice(),
                    discounts.get(i).signum() == 0 ? List.of() : List.of(new Discount("ORDER", discounts.get(i))),
                    tax.signum() == 0 ? List.of() : List.of(new Tax("ORDER", rate, tax)), net));
        }
        String provider = order.externalId() != null && order.externalId().contains(":")
                ? order.externalId().substring(0, order.externalId().indexOf(':')) : "online";
        Tender prepaid = new Tender(TenderType.PREPAID_ONLINE, order.totals().grandTotal(), null,
                new TenderReference(provider, null, null, null, null, null, null, null, order.externalId()));
        String customerId = order.customer() == null ? null : order.customer().customerId();
        return new Sale(saleId, null, businessDate, Channel.ONLINE, cashierId, customerId, currency, lines,
                new Totals(order.totals().subtotal(), order.totals().discountTotal(), order.totals().taxTotal(),
                        order.totals().grandTotal()),
                List.of(prepaid), null, false);
    }

    /** Splits {@code total} over the weights, rounded to the currency, remainder on the last share. */
    static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights, String currency) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal share;
            if (i == weights.size() - 1) {
                share = Money.round(total.subtract(given), currency);
            } else if (sum.signum() == 0) {
                share = Money.round(BigDecimal.ZERO, currency);
            } else {
                share = Money.round(total.multiply(weights.get(i)).divide(sum, 12, RoundingMode.HALF_UP), currency);
            }
            shares.add(share);
            given = given.add(share);
        }
        return shares;
    }
}
