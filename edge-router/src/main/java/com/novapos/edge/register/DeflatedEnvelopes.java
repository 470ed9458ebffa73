package com.novapos.edge.register;

import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** A queued envelope as the local database keeps it: its canonical JSON, deflated (java.util.zip). */
final class DeflatedEnvelopes {
    private DeflatedEnvelopes() {
    }

    static byte[] deflate(Envelope envelope) {
        return deflate(CanonicalJson.write(envelope).getBytes(StandardCharsets.UTF_8));
    }

    /** The envelope's canonical JSON (UTF-8), deflated. */
    static byte[] deflate(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The envelope of a row: deflated where it was written so, else the text of older rows. */
    static Envelope read(byte[] deflated, String text) {
        if (deflated == null) {
            return CanonicalJson.readEnvelope(text);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new UncheckedIOException(new IOException("a stored envelope is truncated"));
                }
                out.write(buffer, 0, n);
            }
            return CanonicalJson.readEnvelope(out.toString(StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("a stored envelope is corrupt", e));
        } finally {
            inflater.end();
        }
    }
}
