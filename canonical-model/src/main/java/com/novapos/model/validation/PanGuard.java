package com.novapos.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.model.Gtin;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses any message that carries something that looks like a card number (PAN): a run of 13–19
 * digits, single spaces or dashes allowed between digits, that passes the Luhn check — in any
 * string value, any field name, or any number, anywhere in the message.
 *
 * <p>Runs are maximal: the digits of a 25-digit reference are one run, not a PAN plus change. The
 * error names where the number was, never the number, not even in part.
 *
 * <p>Two narrow exemptions keep legitimate retail identifiers from being refused (about one in ten
 * of them passes Luhn by chance):
 * <ul>
 *   <li>a field named {@code barcode}, {@code barcodes} or {@code gtin} whose whole value is a
 *       GTIN-8/12/13/14 with a valid GS1 check digit;</li>
 *   <li>a field named {@code externalId} whose whole value is {@code <system>:<digits>}, such as
 *       {@code shopify:820982911946154508} — a platform's numeric id, not free text.</li>
 * </ul>
 */
public final class PanGuard {
    public static final String RULE = "no-card-number";
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d)*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:\\d+");
    private static final Set<String> BARCODE_FIELDS = Set.of("barcode", "barcodes", "gtin");

    private PanGuard() {
    }

    /** Throws {@link MessageRejectedException} naming the first path that holds a card number. */
    public static void check(JsonNode tree) {
        String path = findPan(tree, "", null);
        if (path != null) {
            throw new MessageRejectedException(new Violation(path, RULE,
                    "looks like a card number (a Luhn-valid run of 13-19 digits); card data must never reach the hub"));
        }
    }

    /** True when the text contains a Luhn-valid run of 13–19 digits. */
    public static boolean containsPan(String text) {
        if (text == null) {
            return false;
        }
        var matcher = DIGIT_RUN.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replace(" ", "").replace("-", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhnValid(digits)) {
                return true;
            }
        }
        return false;
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static String findPan(JsonNode node, String path, String fieldName) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (containsPan(field.getKey())) {
                    return path.isEmpty() ? "$" : path;
                }
                String found = findPan(field.getValue(), childPath, field.getKey());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = findPan(node.get(i), path + "[" + i + "]", fieldName);
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
            return containsPan(text) ? (path.isEmpty() ? "$" : path) : null;
        }
        return null;
    }

    private static boolean exempt(String fieldName, String value) {
        if (fieldName == null) {
            return false;
        }
        if (BARCODE_FIELDS.contains(fieldName)) {
            return Gtin.isValid(value);
        }
        return fieldName.equals("externalId") && EXTERNAL_ID.matcher(value).matches();
    }
}
