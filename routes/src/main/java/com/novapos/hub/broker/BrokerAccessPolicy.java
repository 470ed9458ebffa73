package com.novapos.hub.broker;

import com.novapos.hub.security.HubRole;
import com.novapos.hub.security.HubUsersProperties;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.security.auth.Subject;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what on the embedded broker. Users are the hub's own ({@code novapos.security.users});
 * the hub itself connects as an internal user whose password is generated at every start.
 *
 * <ul>
 *   <li>ADMIN and the hub itself: everything.</li>
 *   <li>DEVICE (a store's edge router): send to {@code hub.inbound}; consume, browse and create
 *       queues only on its own store's address {@code store.<storeId>} — never another store's.</li>
 *   <li>anyone else: nothing.</li>
 * </ul>
 */
final class BrokerAccessPolicy implements ActiveMQSecurityManager5 {
    private static final String STORE_PRINCIPAL_PREFIX = "store:";
    private static final Set<CheckType> OWN_STORE_CHECKS = EnumSet.of(CheckType.CONSUME, CheckType.BROWSE,
            CheckType.CREATE_DURABLE_QUEUE, CheckType.CREATE_NON_DURABLE_QUEUE, CheckType.CREATE_ADDRESS,
            CheckType.DELETE_NON_DURABLE_QUEUE);

    private final Map<String, HubUsersProperties.User> users;
    private final PasswordEncoder passwordEncoder;
    private final HubBrokerProperties broker;
    private final InternalBrokerUser internalUser;

    BrokerAccessPolicy(Map<String, HubUsersProperties.User> users, PasswordEncoder passwordEncoder,
                       HubBrokerProperties broker, InternalBrokerUser internalUser) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.broker = broker;
        this.internalUser = internalUser;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (user == null || password == null) {
            return null;
        }
        if (user.equals(internalUser.name())) {
            return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                    internalUser.password().getBytes(StandardCharsets.UTF_8)) ? subject(user, Set.of(HubRole.ADMIN), null) : null;
        }
        HubUsersProperties.User configured = users.get(user);
        if (configured == null || configured.password() == null || !passwordEncoder.matches(password, configured.password())) {
            return null;
        }
        return subject(user, configured.roleSet(), configured.storeId());
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        if (hasRole(subject, HubRole.ADMIN)) {
            return true;
        }
        if (!hasRole(subject, HubRole.DEVICE)) {
            return false;
        }
        String bareAddress = address == null ? "" : address.split("::", 2)[0];
        if (checkType == CheckType.SEND) {
            return bareAddress.equals(broker.inboundAddress());
        }
        String store = storeOf(subject);
        return store != null && OWN_STORE_CHECKS.contains(checkType)
                && bareAddress.equals(broker.storeAddress(store));
    }

    @Override
    public boolean validateUser(String user, String password) {
        return authenticate(user, password, null, null) != null;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private static Subject subject(String user, Set<HubRole> roles, String storeId) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        roles.forEach(role -> subject.getPrincipals().add(new RolePrincipal(role.name())));
        if (storeId != null && !storeId.isBlank()) {
            subject.getPrincipals().add(new RolePrincipal(STORE_PRINCIPAL_PREFIX + storeId));
        }
        return subject;
    }

    private static boolean hasRole(Subject subject, HubRole role) {
        return subject.getPrincipals(RolePrincipal.class).stream().anyMatch(p -> p.getName().equals(role.name()));
    }

    private static String storeOf(Subject subject) {
        return subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName)
                .filter(name -> name.startsWith(STORE_PRINCIPAL_PREFIX))
                .map(name -> name.substring(STORE_PRINCIPAL_PREFIX.length())).findFirst().orElse(null);
    }
}
