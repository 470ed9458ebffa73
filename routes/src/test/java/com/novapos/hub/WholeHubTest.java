package com.novapos.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The whole hub on its embedded defaults, in a data directory under {@code target/}, with three users: an
 * edge router of store S001 ({@code edge}), a support engineer ({@code sam}) and an admin. The build runs
 * these tests twice: on the embedded H2, and on PostgreSQL ({@link HubDatabase}).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.Tag(HubDatabase.TAG)
@org.junit.jupiter.api.extension.ExtendWith(HubDatabase.class)
public abstract class WholeHubTest {

    @Autowired
    protected TestRestTemplate http;

    /**
     * Runs once per hub (Spring context): each hub gets a data directory of its own under
     * {@code target/}, which outlives the test class, since classes with the same settings share
     * one cached hub, and no two hubs ever share a broker journal.
     */
    @DynamicPropertySource
    static void hubOnItsOwnData(DynamicPropertyRegistry registry) {
        Path dataDir = newDataDir();
        registry.add("novapos.data-dir", dataDir::toString);
        HubDatabase.settingsForNewHub().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("novapos.broker.port", TestSocketUtils::findAvailableTcpPort);
        registry.add("novapos.security.users.edge.password", () -> "{noop}edge-pw");
        registry.add("novapos.security.users.edge.roles", () -> "DEVICE");
        registry.add("novapos.security.users.edge.store-id", () -> "S001");
        registry.add("novapos.stores.tenant-id", () -> "acme");   // the examples' tenant, the edge's and the cashiers'
        registry.add("novapos.security.users.sam.password", () -> "{noop}sam-pw");
        registry.add("novapos.security.users.sam.roles", () -> "SUPPORT");
        registry.add("novapos.security.users.admin.password", () -> "{noop}admin-pw");
        registry.add("novapos.security.users.admin.roles", () -> "ADMIN");
    }

    /** The shared example sale with a fresh id (message and sale), edited as the test needs. */
    protected static ObjectNode exampleSale(Consumer<ObjectNode> edit) {
        ObjectNode sale = (ObjectNode) CanonicalJson.parseTree(example("sale-completed.json"));
        String id = UUID.randomUUID().toString();
        sale.put("messageId", id);
        ((ObjectNode) sale.get("payload")).put("saleId", id);
        edit.accept(sale);
        return sale;
    }

    protected static ObjectNode exampleSale(String receiptNumber) {
        return exampleSale(sale -> ((ObjectNode) sale.get("payload")).put("receiptNumber", receiptNumber));
    }

    protected <T> ResponseEntity<T> postMessage(String user, String password, String body, Class<T> answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).postForEntity("/api/v1/messages", new HttpEntity<>(body, headers), answer);
    }

    /** Posts a sale as the store's edge router; answers its message id. */
    protected String postSale(String receiptNumber) {
        ObjectNode sale = exampleSale(receiptNumber);
        postMessage("edge", "edge-pw", sale.toString(), String.class);
        return sale.get("messageId").asText();
    }

    private static Path newDataDir() {
        try {
            Path target = Path.of("target", "test-hubs");
            java.nio.file.Files.createDirectories(target);
            return java.nio.file.Files.createTempDirectory(target.toAbsolutePath(), "hub-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String example(String name) {
        try (InputStream in = WholeHubTest.class.getResourceAsStream("/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
