package com.novapos.mappings.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.model.Money;
import com.novapos.model.order.Fulfilment;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderCustomer;
import com.novapos.model.order.OrderLine;
import com.novapos.model.order.OrderStatus;
import com.novapos.model.sale.Channel;
import com.novapos.model.sale.Totals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A Shopify order (the {@code orders/create} webhook body) as a canonical {@link OnlineOrder}.
 *
 * <ul>
 *   <li>Ids: the external id is {@code shopify:<id>} (the pickup sale's prepaid tender names Shopify as
 *       its provider from it). The canonical order id is {@code shopify-<UUID derived from the id>}:
 *       Shopify's ids are 18-digit numbers, one in ten Luhn-valid, and the PAN guard rightly refuses
 *       such a run anywhere but in {@code externalId}. The same Shopify order always maps to the
 *       same canonical order, whatever webhook delivered it. The Shopify customer is not a NovaPOS
 *       customer: only the shopper's email and name are kept (personal data, as on every order).</li>
 *   <li>Money: decimal strings as Shopify sends them, rounded half-up to the currency. Lines:
 *       {@code quantity × price}; subtotal is their sum, discount {@code total_discounts}, tax
 *       {@code total_tax}, grand total subtotal − discount + tax. Shipping charges are not part of
 *       the canonical order (the hub does not fulfil shipped orders; Shopify keeps their total).</li>
 *   <li>A line without a SKU cannot be reserved or sold at a store: refused with its position.</li>
 * </ul>
 */
public final class ShopifyOrders {
    public static final String ORDER_ID_PREFIX = "shopify-";

    private ShopifyOrders() {
    }

    /** Why a Shopify order cannot become a canonical one. */
    public static final class UnmappableOrderException extends RuntimeException {
        public UnmappableOrderException(String message) {
            super(message);
        }
    }

    public static String orderIdOf(String shopifyOrderId) {
        return ORDER_ID_PREFIX + java.util.UUID.nameUUIDFromBytes(("shopify:order:" + shopifyOrderId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether a canonical order came from Shopify (by its id). */
    public static boolean fromShopify(String orderId) {
        return orderId != null && orderId.startsWith(ORDER_ID_PREFIX);
    }

    /** The Shopify order id kept in a canonical order's external id; null when it did not come from Shopify. */
    public static String shopifyIdOf(OnlineOrder order) {
        String external = order.externalId();
        return external != null && external.startsWith("shopify:") ? external.substring("shopify:".length()) : null;
    }

    public static String orderGid(String shopifyOrderId) {
        return "gid://shopify/Order/" + shopifyOrderId;
    }

    public static OnlineOrder toOnlineOrder(JsonNode order, Fulfilment fulfilment, String pickupStoreId) {
        String id = order.path("id").asText("");
        if (!id.matches("\\d{1,40}")) {
            throw new UnmappableOrderException("the order has no numeric id");
        }
        String currency = order.path("currency").asText(null);
        if (currency == null || !Money.isCurrency(currency)) {
            throw new UnmappableOrderException("order " + id + " has no ISO 4217 currency");
        }
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        int lineNo = 0;
        for (JsonNode item : order.path("line_items")) {
            lineNo++;
            String sku = item.path("sku").asText("");
            if (sku.isBlank()) {
                throw new UnmappableOrderException("order " + id + " line " + lineNo + " (" + item.path("name").asText("?")
                        + ") has no SKU");
            }
            BigDecimal quantity = new BigDecimal(item.path("quantity").asText("0"));
            BigDecimal price = Money.round(decimal(item, "price", id), currency);
            BigDecimal lineTotal = Money.round(quantity.multiply(price), currency);
            lines.add(new OrderLine(lineNo, sku, quantity, price, lineTotal));
            subtotal = subtotal.add(lineTotal);
        }
        if (lines.isEmpty()) {
            throw new UnmappableOrderException("order " + id + " has no line items");
        }
        BigDecimal discount = Money.round(order.hasNonNull("total_discounts") ? decimal(order, "total_discounts", id)
                : BigDecimal.ZERO, currency);
        BigDecimal tax = Money.round(order.hasNonNull("total_tax") ? decimal(order, "total_tax", id) : BigDecimal.ZERO, currency);
        Totals totals = new Totals(subtotal, discount, tax, subtotal.subtract(discount).add(tax));
        return new OnlineOrder(orderIdOf(id), "shopify:" + id, Channel.ONLINE, fulfilment, pickupStoreId,
                customer(order), currency, lines, totals, OrderStatus.NEW);
    }

    private static OrderCustomer customer(JsonNode order) {
        JsonNode customer = order.path("customer");
        String email = order.hasNonNull("email") ? order.get("email").asText() : customer.path("email").asText(null);
        String name = (customer.path("first_name").asText("") + " " + customer.path("last_name").asText("")).trim();
        if (email == null && name.isEmpty()) {
            return null;
        }
        return new OrderCustomer(null, email, name.isEmpty() ? null : name);
    }

    private static BigDecimal decimal(JsonNode node, String field, String orderId) {
        try {
            return new BigDecimal(node.path(field).asText());
        } catch (NumberFormatException e) {
            throw new UnmappableOrderException("order " + orderId + ": " + field + " is not a decimal");
        }
    }
}
