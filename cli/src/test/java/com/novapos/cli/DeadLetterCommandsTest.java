package com.novapos.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The CLI against a stand-in of the hub's support API: the requests it makes and what it prints. */
class DeadLetterCommandsTest {
    WireMockServer hub;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        hub = new WireMockServer(wireMockConfig().dynamicPort());
        hub.start();
    }

    @AfterEach
    void stop() {
        hub.stop();
    }

    int run(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--hub", hub.baseUrl(), "--user", "sam", "--password", "pw"}, 0, all, args.length, 6);
        CommandLine cli = new CommandLine(new NovaposCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(all);
    }

    @Test
    void listSendsTheFiltersAndPrintsATable() {
        hub.stubFor(get(urlPathEqualTo("/api/v1/dead-letters"))
                .withQueryParam("connector", equalTo("quickbooks")).withQueryParam("status", equalTo("NEW"))
                .withQueryParam("q", equalTo("S001 R01"))
                .withBasicAuth("sam", "pw")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"items":[{"id":"6f1c","connector":"quickbooks","status":"NEW","attempts":1,
                        "lastFailedAt":"2026-11-27T14:03:13Z","messageId":"7d1f0c2e","error":"ValidationFault 6000 Item inactive"}],
                        "page":0,"size":50,"total":1}""")));

        int exit = run("dlq", "list", "--connector", "quickbooks", "--status", "new", "--q", "S001 R01");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("ID    CONNECTOR   STATUS").contains("6f1c  quickbooks  NEW")
                .contains("ValidationFault 6000 Item inactive").contains("1 of 1 (page 0)");
    }

    @Test
    void retryBulkAndDiscardPostWhatTheHubExpects() {
        hub.stubFor(post(urlEqualTo("/api/v1/dead-letters/retry")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"retried\":3}")));
        hub.stubFor(post(urlEqualTo("/api/v1/dead-letters/6f1c/discard")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"6f1c\",\"statusReason\":\"booked by hand\"}")));

        assertThat(run("dlq", "retry", "--connector", "quickbooks")).isZero();
        assertThat(run("dlq", "discard", "6f1c", "--reason", "booked by hand")).isZero();

        assertThat(out.toString()).contains("re-driven 3 dead letter(s)").contains("discarded 6f1c (booked by hand)");
        hub.verify(postRequestedFor(urlEqualTo("/api/v1/dead-letters/retry")).withRequestBody(equalToJson("{\"connector\":\"quickbooks\"}")));
        hub.verify(postRequestedFor(urlEqualTo("/api/v1/dead-letters/6f1c/discard")).withRequestBody(equalToJson("{\"reason\":\"booked by hand\"}")));
    }

    @Test
    void hubRefusalsAndABulkRetryWithoutFiltersFailWithAClearMessage() {
        hub.stubFor(get(urlPathEqualTo("/api/v1/dead-letters/nope")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"not found\",\"detail\":\"no dead letter nope\"}")));

        assertThat(run("dlq", "show", "nope")).isEqualTo(1);
        assertThat(run("dlq", "retry")).isEqualTo(1);

        assertThat(err.toString()).contains("hub answered 404: no dead letter nope")
                .contains("give an ID, or at least one filter for a bulk re-drive");
    }
}
