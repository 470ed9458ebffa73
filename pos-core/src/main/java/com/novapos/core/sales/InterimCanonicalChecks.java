package com.novapos.core.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.Money;
import com.novapos.model.returns.ReturnLine;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Discount;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderType;
import com.novapos.model.sale.Totals;
import com.novapos.model.validation.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The canonical rules for sales and returns, kept here only until canonical-model ships
 * {@code CanonicalValidator} (see {@link SaleChecks}): bean validation of the records, line and
 * total arithmetic to the cent, tenders that pay exactly the total, and no card numbers.
 *
 * <p>Arithmetic (README of the examples): per line, {@code lineTotal = round(quantity × unitPrice)
 * − Σ discounts} and each tax {@code = round(lineTotal × rate)}; {@code subtotal = Σ
 * round(quantity × unitPrice)}, {@code discountTotal = Σ discounts}, {@code taxTotal = Σ taxes},
 * {@code grandTotal = subtotal − discountTotal + taxTotal}; rounding is {@link Money}'s, half-up
 * per line to the currency's minor unit. Tenders, net of cash change, add up to the grand total.
 */
final class InterimCanonicalChecks {
    private static final ValidatorFactory VALIDATORS = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    private final Validator validator = VALIDATORS.getValidator();

    List<Violation> violations(Envelope envelope) {
        List<Violation> violations = new ArrayList<>(noCardNumbers(envelope));
        if (!violations.isEmpty()) {
            return violations;
        }
        violations.addAll(beanViolations(envelope));
        if (!violations.isEmpty()) {
            return violations;
        }
        if (envelope.payload() instanceof Sale sale) {
            violations.addAll(arithmetic(sale.currency(),
                    IntStream.range(0, sale.lines().size()).mapToObj(i -> Priced.of(i, sale.lines().get(i))).toList(),
                    sale.totals(), sale.tenders(), "payload.tenders"));
        } else if (envelope.payload() instanceof SaleReturn saleReturn) {
            violations.addAll(arithmetic(saleReturn.currency(), IntStream.range(0, saleReturn.lines().size())
                            .mapToObj(i -> Priced.of(i, saleReturn.lines().get(i))).toList(),
                    saleReturn.totals(), saleReturn.refundTendersOrEmpty(), "payload.refundTenders"));
        }
        return violations;
    }

    private List<Violation> beanViolations(Envelope envelope) {
        return validator.validate(envelope).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(InterimCanonicalChecks::violation)
                .distinct()
                .toList();
    }

    private static Violation violation(ConstraintViolation<?> v) {
        String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        String value = v.getInvalidValue() instanceof Number n ? " (was " + n + ")" : "";
        return new Violation(v.getPropertyPath().toString(), rule, v.getMessage() + value);
    }

    /** One line of a sale or return, for the arithmetic. */
    private record Priced(String path, BigDecimal quantity, BigDecimal unitPrice, List<Discount> discounts,
                          List<Tax> taxes, BigDecimal lineTotal) {
        static Priced of(int index, SaleLine line) {
            return new Priced("payload.lines[" + index + "]", line.quantity(), line.unitPrice(),
                    line.discountsOrEmpty(), line.taxesOrEmpty(), line.lineTotal());
        }

        static Priced of(int index, ReturnLine line) {
            return new Priced("payload.lines[" + index + "]", line.quantity(), line.unitPrice(),
                    line.discountsOrEmpty(), line.taxesOrEmpty(), line.lineTotal());
        }
    }

    private static List<Violation> arithmetic(String currency, List<Priced> lines, Totals totals, List<Tender> tenders,
                                              String tendersPath) {
        List<Violation> violations = new ArrayList<>();
        if (!Money.isCurrency(currency)) {
            violations.add(new Violation("payload.currency", "currency", "'" + currency
                    + "' is not an ISO 4217 currency code"));
            return violations;
        }
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discountTotal = BigDecimal.ZERO;
        BigDecimal taxTotal = BigDecimal.ZERO;
        for (Priced line : lines) {
            BigDecimal extended = Money.round(line.quantity().multiply(line.unitPrice()), currency);
            BigDecimal discounts = line.discounts().stream().map(Discount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal expected = extended.subtract(discounts);
            if (!Money.same(expected, line.lineTotal())) {
                violations.add(new Violation(line.path() + ".lineTotal", "totals-add-up", "lineTotal is "
                        + line.lineTotal().toPlainString() + " but quantity × unitPrice − discounts = "
                        + line.quantity().toPlainString() + " × " + line.unitPrice().toPlainString() + " − "
                        + discounts.toPlainString() + " = " + expected.toPlainString()));
            }
            for (int t = 0; t < line.taxes().size(); t++) {
                Tax tax = line.taxes().get(t);
                BigDecimal expectedTax = Money.round(line.lineTotal().multiply(tax.rate()), currency);
                if (!Money.same(expectedTax, tax.amount())) {
                    violations.add(new Violation(line.path() + ".taxes[" + t + "].amount", "totals-add-up",
                            "tax " + tax.code() + " is " + tax.amount().toPlainString() + " but lineTotal × rate = "
                                    + line.lineTotal().toPlainString() + " × " + tax.rate().toPlainString()
                                    + " rounded half-up = " + expectedTax.toPlainString()));
                }
                taxTotal = taxTotal.add(tax.amount());
            }
            subtotal = subtotal.add(extended);
            discountTotal = discountTotal.add(discounts);
        }
        total(violations, "subtotal", totals.subtotal(), subtotal, "Σ quantity × unitPrice");
        total(violations, "discountTotal", totals.discountTotal(), discountTotal, "Σ line discounts");
        total(violations, "taxTotal", totals.taxTotal(), taxTotal, "Σ line taxes");
        total(violations, "grandTotal", totals.grandTotal(),
                totals.subtotal().subtract(totals.discountTotal()).add(totals.taxTotal()),
                "subtotal − discountTotal + taxTotal");
        if (!tenders.isEmpty()) {
            BigDecimal paid = BigDecimal.ZERO;
            for (int i = 0; i < tenders.size(); i++) {
                Tender tender = tenders.get(i);
                if (tender.change() != null && tender.change().signum() > 0 && tender.type() != TenderType.CASH) {
                    violations.add(new Violation(tendersPath + "[" + i + "].change", "change-only-cash",
                            "only cash gives change, not " + tender.type()));
                }
                paid = paid.add(tender.netAmount());
            }
            if (!Money.same(paid, totals.grandTotal())) {
                violations.add(new Violation(tendersPath, "tenders-cover-total", "tenders net of change add up to "
                        + paid.toPlainString() + " but grandTotal is " + totals.grandTotal().toPlainString()));
            }
        }
        return violations;
    }

    private static void total(List<Violation> violations, String field, BigDecimal given, BigDecimal expected,
                              String rule) {
        if (!Money.same(given, expected)) {
            violations.add(new Violation("payload.totals." + field, "totals-add-up", field + " is "
                    + given.toPlainString() + " but " + rule + " = " + expected.toPlainString()));
        }
    }

    /**
     * Refuses any text that holds 13–19 digits (single spaces or dashes between them allowed)
     * passing the Luhn check. Barcodes are skipped: a GTIN-13/14 passes Luhn one time in ten.
     * The value is never echoed.
     */
    private static List<Violation> noCardNumbers(Envelope envelope) {
        List<Violation> violations = new ArrayList<>();
        scan(CanonicalJson.toTree(envelope), "", violations);
        return violations;
    }

    private static void scan(JsonNode node, String path, List<Violation> violations) {
        if (node.isTextual()) {
            if (holdsCardNumber(node.asText())) {
                violations.add(new Violation(path.isEmpty() ? "$" : path, "no-card-number",
                        "holds what looks like a card number; card data never enters the hub"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), path + "[" + i + "]", violations);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("barcode")) {
                    scan(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), violations);
                }
            }
        }
    }

    static boolean holdsCardNumber(String text) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : 'x';
            boolean separator = (c == ' ' || c == '-') && !digits.isEmpty() && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)) && Character.isDigit(text.charAt(i - 1));
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!separator) {
                if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                    return true;
                }
                digits.setLength(0);
            }
        }
        return false;
    }

    private static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
