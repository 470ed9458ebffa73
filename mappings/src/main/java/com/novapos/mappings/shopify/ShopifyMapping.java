package com.novapos.mappings.shopify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The IT admin's table between NovaPOS and a Shopify shop (see {@code shopify/shopify-mapping.yml}):
 * SKU → Shopify inventory item, and store id ↔ Shopify location. Loaded from the jar, or from a
 * file outside it; locations given as settings win over the file's.
 */
public record ShopifyMapping(Map<String, String> inventoryItems, Map<String, String> locations) {
    public static final String DEFAULT_RESOURCE = "/shopify/shopify-mapping.yml";

    public ShopifyMapping {
        inventoryItems = inventoryItems == null ? Map.of() : Map.copyOf(inventoryItems);
        locations = locations == null ? Map.of() : Map.copyOf(locations);
        Map<String, String> seen = new HashMap<>();
        locations.forEach((store, location) -> {
            String other = seen.put(location, store);
            if (other != null) {
                throw new IllegalStateException("the Shopify mapping gives location " + location + " to two stores: "
                        + other + " and " + store);
            }
        });
    }

    /** The Shopify inventory item of a SKU; empty when its stock is not sold online. */
    public Optional<String> inventoryItemFor(String sku) {
        return Optional.ofNullable(inventoryItems.get(sku));
    }

    /** The Shopify location of a store. */
    public Optional<String> locationOf(String storeId) {
        return Optional.ofNullable(locations.get(storeId));
    }

    /** The store at a Shopify location. */
    public Optional<String> storeAt(String locationGid) {
        return locations.entrySet().stream().filter(e -> e.getValue().equals(locationGid)).map(Map.Entry::getKey).findFirst();
    }

    /** This mapping with these store → location entries added or replaced. */
    public ShopifyMapping withLocations(Map<String, String> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(locations);
        merged.putAll(overrides);
        return new ShopifyMapping(inventoryItems, merged);
    }

    /** The built-in mapping, or the file at {@code path} when one is given. */
    public static ShopifyMapping load(Path path) {
        try (InputStream in = path == null ? ShopifyMapping.class.getResourceAsStream(DEFAULT_RESOURCE)
                : Files.newInputStream(path)) {
            return new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, ShopifyMapping.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Shopify mapping " + (path == null ? DEFAULT_RESOURCE : path), e);
        }
    }
}
