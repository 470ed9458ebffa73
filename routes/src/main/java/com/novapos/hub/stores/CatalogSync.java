package com.novapos.hub.stores;

import com.novapos.core.catalog.CatalogService;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The initial load of a store's catalog cache, or its resync after the cache was wiped: every product
 * of the tenant and every price the store may use now or later (its own and the price lists', not yet
 * over) go to {@code store.<storeId>} as {@code product.changed} and {@code price.changed}, the types
 * the edge already applies.
 *
 * <p>A message's id is derived from the store and its content ({@code sync-<hash>}): the same data
 * synced twice is the same message, and the edge applies it idempotently (a product is merged by SKU,
 * its barcodes replaced; a price merged by price id), so a repeated sync is harmless. These copies carry
 * no {@code _AMQ_DUPL_ID} on purpose: the broker's duplicate cache would swallow the repeat that a store
 * whose cache was wiped needs, and a duplicate inside a transacted send makes Artemis roll back the whole
 * transaction.
 *
 * <p>Messages are sent in JMS transactions of {@value #BATCH} (one journal write each): a failure leaves
 * the batches already committed queued and answers the error; syncing again completes the store.
 */
@Component
public class CatalogSync {
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

    private final CatalogService catalog;
    private final JmsTemplate jms;
    private final Clock clock;

    CatalogSync(CatalogService catalog, ConnectionFactory connectionFactory, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    /** Sends the store its whole catalog; answers how many messages were queued. */
    public int sync(String tenantId, String storeId) {
        Instant now = clock.instant();
        List<Envelope> messages = new ArrayList<>();
        catalog.products(tenantId).forEach(p -> messages.add(envelope(tenantId, storeId, now, MessageType.PRODUCT_CHANGED, p)));
        catalog.pricesForStore(tenantId, storeId, now)
                .forEach(p -> messages.add(envelope(tenantId, storeId, now, MessageType.PRICE_CHANGED, p)));
        for (int from = 0; from < messages.size(); from += BATCH) {
            send(storeId, messages.subList(from, Math.min(messages.size(), from + BATCH)));
        }
        log.info("catalog-sync: {} message(s) queued for store {} of tenant {}", messages.size(), storeId, tenantId);
        return messages.size();
    }

    private void send(String storeId, List<Envelope> batch) {
        jms.execute(session -> {
            try (MessageProducer sender = session.createProducer(session.createQueue("store." + storeId))) {
                for (Envelope envelope : batch) {
                    TextMessage message = session.createTextMessage(CanonicalJson.write(envelope));
                    message.setStringProperty("novaposType", envelope.type());
                    message.setStringProperty("novaposMessageId", envelope.messageId());
                    message.setStringProperty("novaposTenant", envelope.tenantId());
                    message.setStringProperty("novaposStore", storeId);
                    sender.send(message);
                }
            }
            // execute() does not commit by itself (only inside a Spring transaction it would, after it):
            // the whole batch is queued here, or none of it (closing an uncommitted session rolls back)
            session.commit();
            return null;
        }, true);
    }

    private static Envelope envelope(String tenantId, String storeId, Instant now, MessageType type, Payload payload) {
        String id = "sync-" + sha256(storeId + "\n" + type.wireName() + "\n" + CanonicalJson.write(payload)).substring(0, 40);
        return Envelope.of(id, type, tenantId, storeId, null, now, "catalog-sync:" + storeId, payload);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
