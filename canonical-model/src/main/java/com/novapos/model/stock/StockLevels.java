package com.novapos.model.stock;

import com.novapos.model.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The stock levels one change left behind, in one event: a sale's lines, a receipt, a
 * reservation's SKUs. One event per change, not one per SKU, so a five-line sale costs the bus,
 * the store and every partner one message instead of five. Each level is the SKU's whole state at
 * its location after the change (not a delta): a consumer that misses one is repaired by the next.
 */
public record StockLevels(
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid StockLevel> levels) implements Payload {

    public StockLevels {
        levels = levels == null ? null : List.copyOf(levels);
    }
}
