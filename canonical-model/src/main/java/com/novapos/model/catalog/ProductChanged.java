package com.novapos.model.catalog;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A product was created or changed in the catalog (usually by the ERP). */
public record ProductChanged(
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 200) String name,
        List<@NotBlank @Size(max = 14) String> barcodes,
        @Size(max = 64) String taxCategory,
        @Size(max = 64) String brand,
        @NotNull Boolean active) implements Payload {
}
