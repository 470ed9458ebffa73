package com.novapos.edge.register;

/** The answer needs the hub and the hub is not reachable: 503 problem+json "needs connection". */
public class NeedsConnectionException extends RuntimeException {
    public NeedsConnectionException(String message) {
        super(message);
    }
}
