package com.novapos.core.stock;

/**
 * What applying a movement did: {@code APPLIED}, or {@code DUPLICATE} when a movement with the
 * same id had been applied before (nothing changed). {@code position} is the level afterwards.
 */
public record MovementOutcome(String movementId, Result result, StockPosition position) {

    public enum Result {
        APPLIED, DUPLICATE
    }

    public boolean applied() {
        return result == Result.APPLIED;
    }
}
