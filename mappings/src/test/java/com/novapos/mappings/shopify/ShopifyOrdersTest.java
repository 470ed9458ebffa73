package com.novapos.mappings.shopify;

import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.order.Fulfilment;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.validation.CanonicalValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyOrdersTest {
    static String example() throws IOException {
        try (InputStream in = ShopifyOrdersTest.class.getResourceAsStream("/shopify/orders-create.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aShopifyOrderBecomesAValidCanonicalPickupOrder() throws IOException {
        OnlineOrder order = ShopifyOrders.toOnlineOrder(CanonicalJson.parseTree(example()), Fulfilment.PICKUP, "S001");

        assertThat(order.orderId()).isEqualTo(ShopifyOrders.orderIdOf("820982911946154508")).startsWith("shopify-")
                .doesNotContain("820982911946154508");
        assertThat(order.externalId()).isEqualTo("shopify:820982911946154508");
        assertThat(order.lines()).extracting(l -> l.sku() + " x" + l.quantity().toPlainString() + " = " + l.lineTotal().toPlainString())
                .containsExactly("SKU-1001 x2 = 39.98", "SKU-2002 x1 = 9.01");
        assertThat(order.totals().subtotal()).isEqualByComparingTo("48.99");
        assertThat(order.totals().taxTotal()).isEqualByComparingTo("3.55");
        assertThat(order.totals().grandTotal()).isEqualByComparingTo("52.54");
        assertThat(order.customer().name()).isEqualTo("Jon Snow");
        new CanonicalValidator().validate(Envelope.of("shopify:1", MessageType.ORDER_CREATED, "acme", "S001", "shopify",
                Instant.now(), null, order));   // throws when a rule is broken
        assertThat(ShopifyOrders.shopifyIdOf(order)).isEqualTo("820982911946154508");
    }

    @Test
    void aLineWithoutSkuCannotBeMapped() throws IOException {
        String noSku = example().replace("\"sku\": \"SKU-2002\"", "\"sku\": \"\"");
        assertThatThrownBy(() -> ShopifyOrders.toOnlineOrder(CanonicalJson.parseTree(noSku), Fulfilment.PICKUP, "S001"))
                .isInstanceOf(ShopifyOrders.UnmappableOrderException.class).hasMessageContaining("line 2").hasMessageContaining("no SKU");
    }

    @Test
    void theMappingTableNamesItemsAndLocationsAndSettingsWin() {
        ShopifyMapping mapping = ShopifyMapping.load(null);
        assertThat(mapping.inventoryItemFor("SKU-1001")).contains("gid://shopify/InventoryItem/49148385");
        assertThat(mapping.inventoryItemFor("SKU-NOT-ONLINE")).isEmpty();
        assertThat(mapping.storeAt("gid://shopify/Location/655441491")).contains("S001");
        ShopifyMapping overridden = mapping.withLocations(java.util.Map.of("S001", "gid://shopify/Location/1"));
        assertThat(overridden.locationOf("S001")).contains("gid://shopify/Location/1");
        assertThat(overridden.storeAt("gid://shopify/Location/655441491")).isEmpty();
    }
}
