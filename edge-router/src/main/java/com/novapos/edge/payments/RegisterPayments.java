package com.novapos.edge.payments;

import com.novapos.edge.EdgeProperties;
import com.novapos.edge.broker.OutboundQueue;
import com.novapos.edge.peripherals.StorePeripherals;
import com.novapos.edge.register.NeedsConnectionException;
import com.novapos.edge.sync.HubLink;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Money;
import com.novapos.model.Payload;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CardPaymentResult;
import com.novapos.model.payment.CryptoPaymentRequest;
import com.novapos.model.payment.CryptoPaymentResult;
import com.novapos.model.payment.PaymentOutcome;
import com.novapos.model.validation.CanonicalValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Card and crypto payments asked of the hub by this store's registers. A payment needs the hub
 * (card data stays in the terminal, a crypto checkout is created by the hub), so unlike a sale it
 * is never queued for later: while the hub link is down the register is told at once and the
 * cashier takes another tender. A request goes out with a short time-to-live
 * ({@code novapos.edge.payments.request-ttl}): one stuck in the journal is dropped by the broker
 * rather than charging a shopper minutes after they left.
 *
 * <p>Each payment id is recorded once: asking again answers the same payment and sends nothing.
 * Results from the hub update the row once (a repeat, or a late PENDING after the final outcome,
 * changes nothing); a crypto checkout's URL puts a short prompt on the customer display.
 */
@Component
public class RegisterPayments {
    public static final String CARD = "CARD";
    public static final String CRYPTO = "CRYPTO";
    static final String PENDING = "PENDING";
    static final String COMPLETED = "COMPLETED";
    private static final Logger log = LoggerFactory.getLogger(RegisterPayments.class);

    private final JdbcTemplate jdbc;
    private final OutboundQueue outbound;
    private final EdgeProperties edge;
    private final StorePeripherals peripherals;
    private final Duration requestTtl;
    private final HubLink hubLink;
    private final CanonicalValidator validator = new CanonicalValidator();

    RegisterPayments(JdbcTemplate jdbc, OutboundQueue outbound, EdgeProperties edge, StorePeripherals peripherals,
                     @Value("${novapos.edge.payments.request-ttl:60s}") Duration requestTtl,
                     HubLink hubLink) {
        this.hubLink = hubLink;
        this.jdbc = jdbc;
        this.outbound = outbound;
        this.edge = edge;
        this.peripherals = peripherals;
        this.requestTtl = requestTtl;
    }

    /** A payment as the register sees it. Amounts are decimal strings. */
    public record Payment(String paymentId, String kind, String saleId, int tenderNo, String amount, String currency,
                          String terminalId, String status, String outcome, String authCode, String maskedPan,
                          String brand, String rrn, String checkoutUrl, String message, Instant requestedAt,
                          Instant updatedAt) {
    }

    /** Validates, records and sends a card payment request; a known payment id answers the recorded payment. */
    public Payment requestCard(CardPaymentRequest request) {
        return request(CARD, MessageType.CARD_PAYMENT_REQUESTED, request, request.paymentId(), request.saleId(),
                request.tenderNo(), request.amount(), request.currency(), request.terminalId(), null);
    }

    /** Validates, records and sends a crypto payment request; a known payment id answers the recorded payment. */
    public Payment requestCrypto(CryptoPaymentRequest request) {
        return request(CRYPTO, MessageType.CRYPTO_PAYMENT_REQUESTED, request, request.paymentId(), request.saleId(),
                request.tenderNo(), request.amount(), request.currency(), null, request.description());
    }

    private Payment request(String kind, MessageType type, Payload payload, String paymentId, String saleId, int tenderNo,
                            BigDecimal amount, String currency, String terminalId, String description) {
        Instant now = Instant.now();
        Envelope envelope = Envelope.of(paymentId, type, edge.tenantId(), edge.storeId(), edge.deviceId(), now, saleId, payload);
        validator.validate(envelope);
        Optional<Payment> known = find(paymentId);
        if (known.isPresent()) {
            requireSame(known.get(), kind, saleId, tenderNo);
            return known.get();
        }
        if (!hubReachable()) {
            throw new NeedsConnectionException("a " + kind.toLowerCase() + " payment needs the connection to the hub, "
                    + "which is down; take another tender (cash)");
        }
        try {
            jdbc.update("insert into register_payment (payment_id, kind, sale_id, tender_no, amount, currency, terminal_id,"
                            + " description, status, requested_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    paymentId, kind, saleId, tenderNo, amount, currency, terminalId, description, PENDING,
                    Timestamp.from(now), Timestamp.from(now));
        } catch (DuplicateKeyException raced) {
            Payment first = find(paymentId).orElseThrow();
            requireSame(first, kind, saleId, tenderNo);
            return first;
        }
        try {
            outbound.send(envelope, requestTtl);
        } catch (RuntimeException e) {
            jdbc.update("delete from register_payment where payment_id = ?", paymentId);
            throw new NeedsConnectionException("the local journal refused the payment request; try again");
        }
        jdbc.execute("CHECKPOINT");   // H2 writes lazily: the payment is on disk before the register hears 202
        return find(paymentId).orElseThrow();
    }

    /**
     * Both ways to the hub are up ({@link HubLink}): the bridge that carries the request, and the
     * consumer of the store queue that brings the answer back.
     */
    boolean hubReachable() {
        return hubLink.up();
    }

    private static void requireSame(Payment known, String kind, String saleId, int tenderNo) {
        if (!known.kind().equals(kind) || !known.saleId().equals(saleId) || known.tenderNo() != tenderNo) {
            throw new IllegalArgumentException("paymentId " + known.paymentId() + " is already used by another payment");
        }
    }

    public Optional<Payment> find(String paymentId) {
        return jdbc.query("select * from register_payment where payment_id = ?", (rs, n) -> new Payment(
                rs.getString("payment_id"), rs.getString("kind"), rs.getString("sale_id"), rs.getInt("tender_no"),
                Money.round(rs.getBigDecimal("amount"), rs.getString("currency")).toPlainString(), rs.getString("currency"),
                rs.getString("terminal_id"), rs.getString("status"), rs.getString("outcome"), rs.getString("auth_code"),
                rs.getString("masked_pan"), rs.getString("card_brand"), rs.getString("rrn"), rs.getString("checkout_url"),
                rs.getString("message"), rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("updated_at").toInstant()),
                paymentId).stream().findFirst();
    }

    /** A {@code payment.card.result} or {@code payment.crypto.result} from the hub; idempotent. */
    public void resultReceived(Envelope envelope) {
        if (envelope.payload() instanceof CardPaymentResult card) {
            var ref = card.reference();
            complete(card.paymentId(), CARD, card.outcome(), ref == null ? null : ref.authCode(), ref == null ? null : ref.maskedPan(),
                    ref == null ? null : ref.cardBrand(), ref == null ? null : ref.rrn(), null, card.message());
        } else if (envelope.payload() instanceof CryptoPaymentResult crypto) {
            if (crypto.outcome() == PaymentOutcome.PENDING) {
                int changed = jdbc.update("update register_payment set outcome = ?, checkout_url = ?, message = ?, updated_at = ?"
                                + " where payment_id = ? and kind = ? and status = ? and checkout_url is null",
                        PaymentOutcome.PENDING.name(), crypto.checkoutUrl(), crypto.message(), Timestamp.from(Instant.now()),
                        crypto.paymentId(), CRYPTO, PENDING);
                if (changed == 1 && crypto.checkoutUrl() != null) {
                    String amount = find(crypto.paymentId()).map(p -> p.amount() + " " + p.currency()).orElse("");
                    peripherals.showItem("Scan QR to pay", amount);
                }
            } else {
                complete(crypto.paymentId(), CRYPTO, crypto.outcome(), null, null, null, null, crypto.checkoutUrl(), crypto.message());
            }
        }
    }

    private void complete(String paymentId, String kind, PaymentOutcome outcome, String authCode, String maskedPan,
                          String brand, String rrn, String checkoutUrl, String message) {
        int changed = jdbc.update("update register_payment set status = ?, outcome = ?, auth_code = ?, masked_pan = ?,"
                        + " card_brand = ?, rrn = ?, checkout_url = coalesce(?, checkout_url), message = ?, updated_at = ?"
                        + " where payment_id = ? and kind = ? and status = ?",
                COMPLETED, outcome.name(), authCode, maskedPan, brand, rrn, checkoutUrl,
                message == null || message.length() <= 200 ? message : message.substring(0, 200), Timestamp.from(Instant.now()),
                paymentId, kind, PENDING);
        if (changed == 0 && find(paymentId).isEmpty()) {
            log.info("A {} payment result for {} that this edge did not ask for (another edge of the store?)", kind, paymentId);
        }
    }
}
