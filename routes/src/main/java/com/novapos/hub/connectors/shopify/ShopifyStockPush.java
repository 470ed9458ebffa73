package com.novapos.hub.connectors.shopify;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.shopify.ShopifyClient;
import com.novapos.core.deadletter.DeadLetterService;
import com.novapos.core.stock.StockLedger;
import com.novapos.core.stock.StockPosition;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.hub.connectors.DeadLetterRedrive;
import com.novapos.mappings.shopify.ShopifyMapping;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.stock.StockLevel;
import com.novapos.model.stock.StockLevels;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.RoundingMode;
import java.util.List;

/**
 * Pushes a store's online stock of a SKU to Shopify as its {@code available} quantity at the
 * store's location ({@code inventorySetQuantities}).
 *
 * <p>The level pushed is the ledger's <em>current</em> available quantity, read at push time, not
 * the one the triggering event carried: whatever order the events arrived in, and however late a
 * dead letter is re-driven, Shopify is set to what is true now. Whole units only (rounded down),
 * never below zero (an oversold store has nothing to sell online). The {@code @idempotent} key is
 * derived from the item, location, quantity and the triggering event, so a retry is the same call.
 */
@Component
@ConditionalOnProperty(prefix = "novapos.connectors.shopify", name = "enabled", havingValue = "true")
class ShopifyStockPush {
    /** The header a split level carries its {@code sku@location} in. */
    static final String AGGREGATE_KEY = "novaposStockKey";

    private final ShopifyClient client;
    private final ShopifyMapping mapping;
    private final ShopifyProperties properties;
    private final StockLedger ledger;
    private final TenantTransactions tx;
    private final DeadLetterService deadLetters;
    private final CircuitBreaker breaker;

    ShopifyStockPush(ShopifyClient client, ShopifyMapping mapping, ShopifyProperties properties, StockLedger ledger,
                     TenantTransactions tx, DeadLetterService deadLetters, ConnectorBreakers breakers) {
        this.client = client;
        this.mapping = mapping;
        this.properties = properties;
        this.ledger = ledger;
        this.tx = tx;
        this.deadLetters = deadLetters;
        this.breaker = breakers.of(ShopifyOrderIntake.CONNECTOR);
    }

    /**
     * The levels of a {@code stock.levels} event Shopify sells: this shop's tenant, SKUs sold online,
     * locations that are Shopify locations. Each comes back as an event of its own (the envelope keeps the
     * event's message id; one level), which the route gathers per SKU and location.
     */
    public List<String> onlineLevels(@Body String envelopeJson) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        if (!envelope.tenantId().equals(properties.tenantId())) {
            return List.of();
        }
        return envelope.payloadAs(StockLevels.class).levels().stream()
                .filter(level -> mapping.inventoryItemFor(level.sku()).isPresent()
                        && mapping.locationOf(level.locationId()).isPresent())
                .map(level -> CanonicalJson.write(new Envelope(envelope.messageId(), envelope.type(),
                        envelope.schemaVersion(), envelope.tenantId(), envelope.storeId(), envelope.deviceId(),
                        envelope.occurredAt(), envelope.correlationId(), new StockLevels(List.of(level)))))
                .toList();
    }

    /** What the aggregator correlates on ({@link #AGGREGATE_KEY}): one SKU at one location. */
    public String aggregateKey(@Body String envelopeJson) {
        StockLevel level = onlyLevel(CanonicalJson.readEnvelope(envelopeJson));
        return level.sku() + "@" + level.locationId();
    }

    /** The one level of an event {@link #onlineLevels} made (also what a dead letter of the push holds). */
    static StockLevel onlyLevel(Envelope envelope) {
        List<StockLevel> levels = envelope.payloadAs(StockLevels.class).levels();
        if (levels.size() != 1) {
            throw new IllegalArgumentException("a stock push takes one level, not " + levels.size());
        }
        return levels.get(0);
    }

    @Handler
    public String push(@Body String envelopeJson, @Header(DeadLetterRedrive.REDRIVEN) Boolean redriven,
                       @Header("novaposMessageId") String levelMessageId) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        StockLevel level = onlyLevel(envelope);
        String item = mapping.inventoryItemFor(level.sku()).orElseThrow();
        String location = mapping.locationOf(level.locationId()).orElseThrow();
        StockPosition now = tx.call(envelope.tenantId(), () -> ledger.position(level.locationId(), level.sku()));
        long quantity = Math.max(0, now.available().setScale(0, RoundingMode.FLOOR).longValueExact());
        String key = ShopifyClient.idempotencyKey(item, location, Long.toString(quantity), envelope.messageId());
        try {
            breaker.executeRunnable(() -> client.setAvailable("correction",
                    List.of(new ShopifyClient.InventoryQuantity(item, location, quantity)), key));
        } catch (CallNotPermittedException open) {
            // the level is no longer on the bus (the aggregator took it): retried, then a re-drivable dead letter
            throw new PartnerFailure.Transient(ShopifyOrderIntake.CONNECTOR, "circuit breaker open", null, null, null,
                    null, open);
        }
        if (Boolean.TRUE.equals(redriven)) {
            deadLetters.resolved(envelope.tenantId(), levelMessageId, ShopifyOrderIntake.CONNECTOR);
        }
        return level.sku() + "@" + level.locationId() + " available=" + quantity;
    }
}
