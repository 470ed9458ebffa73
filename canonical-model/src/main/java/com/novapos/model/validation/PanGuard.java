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
 * <p>Runs are maximal: the digits of a 25-digit reference are one run, not a PAN plus change. A run
 * written with separators counts only when it is grouped the way card numbers are printed (groups
 * of 3 to 6 digits: 4-4-4-4, 4-6-5...), so the digit groups of a UUID such as
 * {@code …-8952-973399798148} are not mistaken for a card number; and a run glued to a hex letter
 * ({@code a-f}) is part of a hex identifier (a UUID, a 24-hex checkout id), not a card number. The
 * error names where the number was, never the number, not even in part.
 *
 * <p>Two narrow exemptions keep legitimate retail identifiers from being refused (about one in ten
 * of them passes Luhn by chance):
 * <ul>
 *   <li>a field named {@code barcode}, {@code barcodes} or {@code gtin} whose whole value is a
 *       GTIN-8/12/13/14 with a valid GS1 check digit;</li>
 *   <li>a field named {@code externalId} or {@code paymentId} whose whole value is
 *       {@code <system>:<digits>}, such as {@code shopify:820982911946154508} — a platform's numeric
 *       id, not free text.</li>
 * </ul>
 */
public final class PanGuard {
    public static final String RULE = "no-card-number";
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d)*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:\\d+");
    private static final Set<String> BARCODE_FIELDS = Set.of("barcode", "barcodes", "gtin");
    private static final Set<String> PLATFORM_ID_FIELDS = Set.of("externalId", "paymentId");

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
            String run = matcher.group();
            String digits = run.replace(" ", "").replace("-", "");
            if (digits.length() >= 13 && digits.length() <= 19 && groupedLikeACard(run)
                    && !partOfHexIdentifier(text, matcher.start(), matcher.end()) && luhnValid(digits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean partOfHexIdentifier(String text, int start, int end) {
        return (start > 0 && isHexLetter(text.charAt(start - 1))) || (end < text.length() && isHexLetter(text.charAt(end)));
    }

    private static boolean isHexLetter(char c) {
        return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Unseparated, or every group 3–6 digits long. */
    private static boolean groupedLikeACard(String run) {
        String[] groups = run.split("[ -]");
        if (groups.length == 1) {
            return true;
        }
        for (String group : groups) {
            if (group.length() < 3 || group.length() > 6) {
                return false;
            }
        }
        return true;
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
        return PLATFORM_ID_FIELDS.contains(fieldName) && EXTERNAL_ID.matcher(value).matches();
    }
}
