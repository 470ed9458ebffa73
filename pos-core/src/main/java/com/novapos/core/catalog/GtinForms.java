package com.novapos.core.catalog;

import com.novapos.model.Gtin;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The written forms of one GTIN. GS1 check digits are computed from the right, so leading zeros
 * change nothing: UPC-A {@code 036000291452}, EAN-13 {@code 0036000291452} and GTIN-14
 * {@code 00036000291452} are the same article — and scanners report it either way. Barcodes are
 * therefore compared, looked up and kept unique by their 14-digit form.
 */
final class GtinForms {
    private static final int[] LENGTHS = {14, 13, 12, 8};

    private GtinForms() {
    }

    /** The 14-digit form of a valid GTIN (left-padded with zeros). */
    static String gtin14(String gtin) {
        if (!Gtin.isValid(gtin)) {
            throw new IllegalArgumentException("not a GTIN with a valid check digit");
        }
        return "0".repeat(14 - gtin.length()) + gtin;
    }

    /** Every 8/12/13/14-digit spelling of the same GTIN, the 14-digit one first; empty for what is no GTIN. */
    static Set<String> equivalents(String code) {
        Set<String> forms = new LinkedHashSet<>();
        if (code == null || !Gtin.isValid(code)) {
            return forms;
        }
        String full = gtin14(code);
        for (int length : LENGTHS) {
            String dropped = full.substring(0, 14 - length);
            if (dropped.chars().allMatch(c -> c == '0')) {
                forms.add(full.substring(14 - length));
            }
        }
        return forms;
    }
}
