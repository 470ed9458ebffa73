package com.novapos.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Envelopes built in Java, as mappings and services build them: they never pass the JSON reader's guards. */
public final class Messages {
    public static final String TENANT = "acme";

    private Messages() {
    }

    /** An envelope of the current version around a payload, type taken from the payload. */
    public static Envelope envelope(Payload payload) {
        return Envelope.of("m-" + payload.getClass().getSimpleName(), MessageType.forPayload(payload.getClass()), TENANT,
                "S001", "S001-R01", Instant.parse("2026-11-27T14:03:12Z"), null, payload);
    }

    public static Envelope withPayload(Envelope envelope, Payload payload) {
        return new Envelope(envelope.messageId(), envelope.type(), envelope.schemaVersion(), envelope.tenantId(),
                envelope.storeId(), envelope.deviceId(), envelope.occurredAt(), envelope.correlationId(), payload);
    }

    public static Envelope withType(Envelope envelope, String type, int schemaVersion) {
        return new Envelope(envelope.messageId(), type, schemaVersion, envelope.tenantId(), envelope.storeId(),
                envelope.deviceId(), envelope.occurredAt(), envelope.correlationId(), envelope.payload());
    }

    /** Binds a (possibly edited) example tree straight to records, skipping the reader's PAN guard and checks. */
    public static Envelope unguarded(ObjectNode tree) {
        MessageType type = MessageType.fromWireName(tree.get("type").asText());
        try {
            Payload payload = CanonicalJson.mapper().treeToValue(tree.get("payload"), type.payloadType());
            return new Envelope(text(tree, "messageId"), type.wireName(), tree.path("schemaVersion").asInt(),
                    text(tree, "tenantId"), text(tree, "storeId"), text(tree, "deviceId"),
                    Instant.parse(tree.get("occurredAt").asText()), text(tree, "correlationId"), payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The example sale with one line replaced. */
    public static Envelope exampleSaleWithLine(int index, UnaryOperator<SaleLine> change) {
        Envelope example = CanonicalJson.readEnvelope(Examples.text(Examples.SALE));
        Sale sale = example.payloadAs(Sale.class);
        List<SaleLine> lines = new ArrayList<>(sale.lines());
        lines.set(index, change.apply(lines.get(index)));
        return withPayload(example, new Sale(sale.saleId(), sale.receiptNumber(), sale.businessDate(), sale.channel(),
                sale.cashierId(), sale.customerId(), sale.currency(), lines, sale.totals(), sale.tenders(), sale.loyalty(),
                sale.offline()));
    }

    public static SaleLine withDescription(SaleLine l, String description) {
        return new SaleLine(l.lineNo(), l.sku(), l.barcode(), description, l.quantity(), l.unitPrice(), l.discounts(),
                l.taxes(), l.lineTotal());
    }

    public static SaleLine withQuantity(SaleLine l, java.math.BigDecimal quantity) {
        return new SaleLine(l.lineNo(), l.sku(), l.barcode(), l.description(), quantity, l.unitPrice(), l.discounts(),
                l.taxes(), l.lineTotal());
    }

    private static String text(JsonNode tree, String field) {
        return tree.hasNonNull(field) ? tree.get(field).asText() : null;
    }
}
