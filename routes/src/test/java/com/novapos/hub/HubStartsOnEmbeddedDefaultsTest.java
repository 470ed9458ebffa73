package com.novapos.hub;

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
}
