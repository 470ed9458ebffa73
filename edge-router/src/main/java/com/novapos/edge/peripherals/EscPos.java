package com.novapos.edge.peripherals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * ESC/POS commands (printer and customer display) and the one way text becomes bytes: code page
 * 437 (the printers' and displays' power-on table), control characters turned into spaces so that
 * no text (an item description, a header line) can ever smuggle a command to the device, and
 * anything 437 lacks turned into its unaccented form or {@code ?}.
 */
final class EscPos {
    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;
    static final byte LF = 0x0A;

    /** ESC @: initialise (clears the buffer and modes). */
    static final byte[] INIT = {ESC, '@'};
    static final byte[] BOLD_ON = {ESC, 'E', 1};
    static final byte[] BOLD_OFF = {ESC, 'E', 0};
    static final byte[] ALIGN_LEFT = {ESC, 'a', 0};
    static final byte[] ALIGN_CENTER = {ESC, 'a', 1};
    /** GS ! 0x11: double width and height (the receipt's total); GS ! 0: normal. */
    static final byte[] DOUBLE_SIZE = {GS, '!', 0x11};
    static final byte[] NORMAL_SIZE = {GS, '!', 0x00};
    /** GS V 66 0: feed to the cutter and cut partially. */
    static final byte[] CUT = {GS, 'V', 66, 0};
    /** ESC p 0 25 250: pulse pin 2 (the drawer) on 50 ms, off 500 ms. */
    static final byte[] DRAWER_KICK = {ESC, 'p', 0, 25, (byte) 250};
    /** DLE EOT 2: offline status (bit 2 cover open, bit 5 stopped for paper end). */
    static final byte[] STATUS_OFFLINE = {DLE, EOT, 2};
    /** DLE EOT 4: paper roll sensor status (bits 2-3 near end, bits 5-6 paper end). */
    static final byte[] STATUS_PAPER = {DLE, EOT, 4};
    /** Customer display: clear the screen (FF) and move the cursor home. */
    static final byte[] DISPLAY_CLEAR = {0x0C};

    private static final Charset CP437 = cp437();

    private EscPos() {
    }

    /** ESC d n: print and feed n lines. */
    static byte[] feed(int lines) {
        return new byte[]{ESC, 'd', (byte) lines};
    }

    /**
     * The text as code page 437 bytes: control characters become spaces, accents that 437 lacks
     * are dropped ("Å" stays, "ő" becomes "o"), anything else 437 lacks becomes {@code ?}.
     */
    static byte[] text(String text) {
        String safe = printable(text);
        CharsetEncoder encoder = CP437.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[]{'?'});
        StringBuilder folded = new StringBuilder(safe.length());
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (encoder.canEncode(c)) {
                folded.append(c);
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                folded.append(!base.isEmpty() && encoder.canEncode(base) ? base : "?");
            }
        }
        try {
            encoder.reset();
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(folded));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return folded.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Control characters (C0, DEL, C1) become spaces; surrogate pairs become {@code ?}. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0) {
                out.append(' ');
            } else if (Character.isHighSurrogate(c)) {
                out.append('?');
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                }
            } else if (Character.isLowSurrogate(c)) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Length in printed columns: one per char, surrogate pairs and control chars counted after {@link #printable}. */
    static int width(String text) {
        return printable(text).length();
    }

    static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (RuntimeException e) {
            return StandardCharsets.US_ASCII;
        }
    }
}
