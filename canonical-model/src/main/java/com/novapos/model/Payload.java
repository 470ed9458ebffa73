package com.novapos.model;

/**
 * The body of a canonical message. Each payload record names the business id that makes the
 * message idempotent (the sale id, the movement id...), which is usually the envelope's
 * {@code messageId} as well.
 */
public interface Payload {
}
