package com.novapos.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub starts on its embedded defaults alone: database file under the data dir, Camel up, health UP. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubStartsOnEmbeddedDefaultsTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("novapos.data-dir", dataDir::toString);
        registry.add("novapos.security.users.sam.password", () -> "{noop}sam-pw");
        registry.add("novapos.security.users.sam.roles", () -> "SUPPORT");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    CamelContext camel;

    @Test
    void healthIsUpAndTheDatabaseLivesInTheDataDir() {
        var health = http.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
        assertThat(camel.getStatus().isStarted()).isTrue();
        assertThat(Files.exists(dataDir.resolve("db/novapos.mv.db"))).isTrue();
    }

    @Test
    void supportSeesEveryConnectorAndThatTheyTalkToTheBuiltInSimulators() {
        JsonNode connectors = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/connectors", JsonNode.class).getBody();

        assertThat(connectors).extracting(c -> c.path("name").asText())
                .containsExactly("quickbooks", "valor", "coinbase", "shopify");
        for (JsonNode connector : connectors) {
            if (connector.path("enabled").asBoolean()) {
                assertThat(connector.path("simulated").asBoolean()).as(connector.toString()).isTrue();
                assertThat(connector.path("breakerState").asText()).as(connector.toString()).isEqualTo("CLOSED");
                assertThat(connector.path("backlog").asLong()).as(connector.toString()).isZero();
            } else {
                assertThat(connector.path("breakerState").asText()).as(connector.toString()).isEqualTo("DISABLED");
            }
        }
        assertThat(connectors).filteredOn(c -> c.path("enabled").asBoolean()).extracting(c -> c.path("name").asText())
                .containsExactly("quickbooks", "valor", "coinbase", "shopify");   // all on, on their simulators
    }
}
