package com.novapos.edge.peripherals;

/** Finding byte sequences in what a device received. */
final class Bytes {
    private Bytes() {
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static int count(byte[] haystack, byte[] needle) {
        int count = 0;
        int at = indexOf(haystack, needle, 0);
        while (at >= 0) {
            count++;
            at = indexOf(haystack, needle, at + needle.length);
        }
        return count;
    }
}
