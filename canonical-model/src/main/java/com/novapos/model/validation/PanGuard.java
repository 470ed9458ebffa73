package com.novapos.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.model.Gtin;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses any message that carries something that looks like a card number (PAN): a run of 13–19
 * digits that passes the Luhn check, where single spaces or dashes may separate the digits
 * ({@code "4111 1111 1111 1111"}, {@code "3782-822463-10005"}, {@code "card 4111111111111111
 * thanks"}). Every string value, every field name and the text of every number is scanned,
 * anywhere in the message, known fields or not.
 *
 * <p>What counts as a run:
 * <ul>
 *   <li>Runs are maximal: the 25 digits of a long reference are one run, which is no PAN, and the
 *       16-digit stretches inside it are not scanned on their own. A run ends at any other
 *       character, or at two separators in a row.</li>
 *   <li>A run written with separators counts only when it is grouped the way card numbers are
 *       printed, every group 3 to 6 digits (4-4-4-4, Amex 4-6-5): the digit groups of a UUID such
 *       as {@code …-8952-973399798148} are not a card number.</li>
 *   <li>A run glued to a hex letter ({@code a-f}, {@code A-F}) is part of a hex identifier (a UUID,
 *       a 24-hex checkout id), not a card number.</li>
 * </ul>
 *
 * <p>The refusal names where the number was ({@code payload.lines[0].description}; for a field
 * name, the object holding it) and never the number, not even in part: neither the violation nor
 * the exception quotes the value.
 *
 * <p>About one retail identifier in ten passes Luhn by chance, so two narrow exemptions keep
 * legitimate ids from being refused. Both need the <em>whole</em> value to have the exempt shape;
 * a card number with anything around it is still refused.
 * <ul>
 *   <li><b>Barcodes.</b> A value of a field named {@code barcode}, {@code barcodes} (each element)
 *       or {@code gtin} that is exactly a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14 with a
 *       valid GS1 check digit. A 16-digit PAN is no GTIN, and a 13- or 14-digit value must pass
 *       both the Luhn and the GS1 check to slip through.</li>
 *   <li><b>Platform ids.</b> A value of a field named {@code externalId} (or {@code paymentId},
 *       where a pickup sale carries its online order's platform id) that is exactly
 *       {@code <system>:<digits>}, such as {@code shopify:820982911946154508} — a numeric id an
 *       e-commerce platform gave an order, prefixed with the platform's name.</li>
 * </ul>
 */
public final class PanGuard {
    public static final String RULE = "no-card-number";
    private static final int SHORTEST_PAN = 13;
    private static final int LONGEST_PAN = 19;
    private static final int SHORTEST_GROUP = 3;
    private static final int LONGEST_GROUP = 6;
    private static final Set<String> BARCODE_FIELDS = Set.of("barcode", "barcodes", "gtin");
    private static final Set<String> PLATFORM_ID_FIELDS = Set.of("externalId", "paymentId");
    private static final Pattern PLATFORM_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:[0-9]+");
    private static final String IN_VALUE = "looks like a card number (a Luhn-valid run of 13 to 19 digits); "
            + "card data must never reach the hub";
    private static final String IN_FIELD_NAME = "a field name in this object looks like a card number "
            + "(a Luhn-valid run of 13 to 19 digits); card data must never reach the hub";

    private PanGuard() {
    }

    /** Throws {@link MessageRejectedException} naming the first path that holds a card number. */
    public static void check(JsonNode tree) {
        find(tree).ifPresent(violation -> {
            throw new MessageRejectedException(violation);
        });
    }

    /** The violation naming the first path that holds a card number, if any; it never quotes the value. */
    public static Optional<Violation> find(JsonNode tree) {
        return Optional.ofNullable(find(tree, "", null));
    }

    /**
     * True when the text contains a card number as the class comment defines it (a Luhn-valid
     * maximal run of 13–19 digits, grouped like a card when separated, not part of a hex id), for
     * instance to keep card numbers out of logs and dead letters. No exemptions apply: they depend
     * on the field a value is in. Linear in the text's length.
     */
    public static boolean containsPan(String text) {
        if (text == null) {
            return false;
        }
        char[] run = new char[LONGEST_PAN];
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            int group = 0;
            boolean separated = false;
            boolean groupedLikeACard = true;
            while (true) {
                if (digits < LONGEST_PAN) {
                    run[digits] = text.charAt(i);
                }
                digits++;
                group++;
                i++;
                if (i < length && isDigit(text.charAt(i))) {
                    continue;
                }
                if (i + 1 < length && isSeparator(text.charAt(i)) && isDigit(text.charAt(i + 1))) {
                    separated = true;
                    groupedLikeACard &= group >= SHORTEST_GROUP && group <= LONGEST_GROUP;
                    group = 0;
                    i++;
                    continue;
                }
                break;
            }
            groupedLikeACard &= !separated || group >= SHORTEST_GROUP && group <= LONGEST_GROUP;
            boolean partOfHexId = start > 0 && isHexLetter(text.charAt(start - 1)) || i < length && isHexLetter(text.charAt(i));
            if (digits >= SHORTEST_PAN && digits <= LONGEST_PAN && groupedLikeACard && !partOfHexId
                    && luhnValid(run, digits)) {
                return true;
            }
        }
        return false;
    }

    static boolean luhnValid(String digits) {
        return luhnValid(digits.toCharArray(), digits.length());
    }

    private static boolean luhnValid(char[] digits, int count) {
        int sum = 0;
        boolean doubled = false;
        for (int i = count - 1; i >= 0; i--) {
            int d = digits[i] - '0';
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }

    private static boolean isHexLetter(char c) {
        return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Depth-first in document order; {@code fieldName} is the field the node is the value of (or an element of). */
    private static Violation find(JsonNode node, String path, String fieldName) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (containsPan(field.getKey())) {
                    // the path would quote the field name: name the object instead
                    return new Violation(display(path), RULE, IN_FIELD_NAME);
                }
                Violation found = find(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                        field.getKey());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Violation found = find(node.get(i), path + "[" + i + "]", fieldName);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isTextual() || node.isNumber()) {
            String text = node.isTextual() ? node.textValue() : node.asText();
            if (exempt(fieldName, text)) {
                return null;
            }
            boolean pan = containsPan(text) || node.isBigDecimal() && containsPan(plain(node.decimalValue()));
            return pan ? new Violation(display(path), RULE, IN_VALUE) : null;
        }
        return null;
    }

    /**
     * A decimal without exponent ({@code 4.111111111111111E+15} is {@code 4111111111111111}). Beyond
     * 64 places either way the plain form would be one run of more than 19 digits, so no PAN: the
     * (possibly huge) plain text is not built.
     */
    private static String plain(BigDecimal value) {
        return Math.abs((long) value.scale()) <= 64 ? value.toPlainString() : "";
    }

    private static boolean exempt(String fieldName, String value) {
        if (fieldName == null) {
            return false;
        }
        if (BARCODE_FIELDS.contains(fieldName)) {
            return Gtin.isValid(value);
        }
        return PLATFORM_ID_FIELDS.contains(fieldName) && PLATFORM_ID.matcher(value).matches();
    }

    private static String display(String path) {
        return path.isEmpty() ? "$" : path;
    }
}
