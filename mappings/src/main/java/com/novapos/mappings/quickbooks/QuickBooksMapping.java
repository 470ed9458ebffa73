package com.novapos.mappings.quickbooks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.novapos.model.sale.TenderType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The IT admin's mapping table from canonical codes to QuickBooks references (see
 * {@code quickbooks/quickbooks-mapping.yml}). Loaded from the jar, or from a file outside it.
 */
public record QuickBooksMapping(Items items, TaxCodes taxCodes, Map<TenderType, Ref> paymentMethods,
                                Ref depositToAccount, Ref refundFromAccount, Ref discountAccount) {
    public static final String DEFAULT_RESOURCE = "/quickbooks/quickbooks-mapping.yml";

    /** A QuickBooks reference: {@code {"value": "11", "name": "Wireless mouse"}}. */
    public record Ref(String value, String name) {
    }

    public record Items(Ref defaultItem, Map<String, Ref> bySku) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public Items(@com.fasterxml.jackson.annotation.JsonProperty("default") Ref defaultItem,
                     @com.fasterxml.jackson.annotation.JsonProperty("bySku") Map<String, Ref> bySku) {
            this.defaultItem = defaultItem;
            this.bySku = bySku == null ? Map.of() : Map.copyOf(bySku);
        }

        public Ref forSku(String sku) {
            return bySku.getOrDefault(sku, defaultItem);
        }
    }

    public record TaxCodes(String taxable, String nonTaxable) {
    }

    public QuickBooksMapping {
        paymentMethods = paymentMethods == null ? Map.of() : new EnumMap<>(paymentMethods);
    }

    public Ref paymentMethod(TenderType type) {
        Ref ref = paymentMethods.get(type);
        if (ref == null) {
            throw new IllegalStateException("the QuickBooks mapping has no payment method for tender type " + type);
        }
        return ref;
    }

    /** The built-in mapping, or the file at {@code path} when one is given. */
    public static QuickBooksMapping load(Path path) {
        try (InputStream in = path == null ? QuickBooksMapping.class.getResourceAsStream(DEFAULT_RESOURCE)
                : Files.newInputStream(path)) {
            QuickBooksMapping mapping = yaml().readValue(in, QuickBooksMapping.class);
            mapping.check();
            return mapping;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the QuickBooks mapping " + (path == null ? DEFAULT_RESOURCE : path), e);
        }
    }

    private void check() {
        List<String> missing = new ArrayList<>();
        if (items == null || items.defaultItem() == null) {
            missing.add("items.default");
        }
        if (taxCodes == null || taxCodes.taxable() == null || taxCodes.nonTaxable() == null) {
            missing.add("taxCodes.taxable/nonTaxable");
        }
        if (depositToAccount == null) {
            missing.add("depositToAccount");
        }
        if (refundFromAccount == null) {
            missing.add("refundFromAccount");
        }
        if (discountAccount == null) {
            missing.add("discountAccount");
        }
        for (TenderType type : TenderType.values()) {
            if (!paymentMethods.containsKey(type)) {
                missing.add("paymentMethods." + type);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the QuickBooks mapping is incomplete: " + String.join(", ", missing));
        }
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
