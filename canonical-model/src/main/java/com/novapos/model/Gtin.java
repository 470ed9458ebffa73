package com.novapos.model;

/** GS1 barcodes (GTIN-8, UPC-A/GTIN-12, EAN-13, GTIN-14) and their check digit. */
public final class Gtin {
    private Gtin() {
    }

    /** True for 8, 12, 13 or 14 digits whose last digit is the GS1 check digit of the others. */
    public static boolean isValid(String value) {
        if (value == null || !value.matches("\\d{8}|\\d{12,14}")) {
            return false;
        }
        int sum = 0;
        int weight = 3;
        for (int i = value.length() - 2; i >= 0; i--) {
            sum += (value.charAt(i) - '0') * weight;
            weight = weight == 3 ? 1 : 3;
        }
        return (10 - sum % 10) % 10 == value.charAt(value.length() - 1) - '0';
    }
}
