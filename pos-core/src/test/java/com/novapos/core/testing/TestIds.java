package com.novapos.core.testing;

import java.security.SecureRandom;

/**
 * Unique ids for tests, made of letters only: a random UUID holds a Luhn-valid run of 13–19
 * digits (across its dashes) about once in 460, which the PAN guard rightly refuses.
 */
public final class TestIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private TestIds() {
    }

    public static String unique(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 16; i++) {
            id.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return id.toString();
    }
}
