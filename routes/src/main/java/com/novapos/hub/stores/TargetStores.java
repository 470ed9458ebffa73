package com.novapos.hub.stores;

import com.novapos.core.stores.Store;
import com.novapos.core.stores.StoreDirectory;
import com.novapos.hub.security.HubRole;
import com.novapos.hub.security.HubUsersProperties;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.customer.Customer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which stores hear about a catalog or customer change.
 *
 * <p>The stores of a tenant are the registered ones ({@link StoreDirectory}, {@code PUT /api/v1/stores/{storeId}})
 * and the stores of the configured {@code DEVICE} users ({@code novapos.security.users.<name>.store-id}), whose
 * tenant is {@code novapos.security.users.<name>.tenant-id}, or the hub's default tenant
 * {@code novapos.stores.tenant-id} (default {@value #DEFAULT_TENANT}, the edge router's own default) when
 * the user does not name one. So a hub with configured edge users feeds them without any registration.
 *
 * <ul>
 *   <li>products, tax rates, promotions and price-list prices: every store of the tenant;</li>
 *   <li>a price for one store ({@code storeId} set): that store only;</li>
 *   <li>a customer: personal data goes only where it is needed — the store that sent the change, the
 *       customer's home store, and the stores where the customer has bought (sales that name the
 *       customer) — and only to stores of the tenant.</li>
 * </ul>
 */
@Component
public class TargetStores {
    static final String DEFAULT_TENANT = "default";

    private final StoreDirectory directory;
    private final HubUsersProperties users;
    private final JdbcTemplate jdbc;
    private final String defaultTenant;

    TargetStores(StoreDirectory directory, HubUsersProperties users, JdbcTemplate jdbc,
                 @Value("${novapos.stores.tenant-id:" + DEFAULT_TENANT + "}") String defaultTenant) {
        this.directory = directory;
        this.users = users;
        this.jdbc = jdbc;
        this.defaultTenant = defaultTenant == null || defaultTenant.isBlank() ? DEFAULT_TENANT : defaultTenant;
    }

    /** The tenant of stores and device users that do not name one. */
    public String defaultTenant() {
        return defaultTenant;
    }

    /** Every store of a tenant: registered, or the store of one of its configured device users; sorted. */
    public Set<String> of(String tenantId) {
        Set<String> stores = new TreeSet<>();
        directory.stores(tenantId).stream().map(Store::storeId).forEach(stores::add);
        users.users().values().stream()
                .filter(user -> user.roleSet().contains(HubRole.DEVICE))
                .filter(user -> user.storeId() != null && !user.storeId().isBlank())
                .filter(user -> tenantId.equals(user.tenantId() == null || user.tenantId().isBlank()
                        ? defaultTenant : user.tenantId()))
                .forEach(user -> stores.add(user.storeId()));
        return stores;
    }

    /** The stores a committed event on the bus goes to (see the class comment); sorted. */
    Set<String> forEvent(String envelopeJson) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        Set<String> all = of(envelope.tenantId());
        MessageType type = envelope.messageType();
        if (type == MessageType.PRICE_CHANGED && envelope.payloadAs(PriceChanged.class).storeId() != null) {
            all.retainAll(Set.of(envelope.payloadAs(PriceChanged.class).storeId()));
        } else if (type == MessageType.CUSTOMER_UPSERTED) {
            Customer customer = envelope.payloadAs(Customer.class);
            Set<String> near = new TreeSet<>(jdbc.queryForList(
                    "select distinct store_id from sale where tenant_id = ? and customer_id = ?", String.class,
                    envelope.tenantId(), customer.customerId()));
            Stream.of(envelope.storeId(), customer.homeStoreId()).filter(s -> s != null && !s.isBlank()).forEach(near::add);
            all.retainAll(near);
        }
        return all;
    }
}
