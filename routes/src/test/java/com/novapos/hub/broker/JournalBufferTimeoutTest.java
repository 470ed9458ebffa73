package com.novapos.hub.broker;

import org.apache.activemq.artemis.api.config.ActiveMQDefaultConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code novapos.broker.journal-buffer-timeout} reaches the embedded broker's NIO journal; unset, Artemis' default stays. */
class JournalBufferTimeoutTest {
    @TempDir
    Path data;

    @Test
    void theSettingIsTheJournalsFlushIntervalAndUnsetKeepsArtemisDefault() throws Exception {
        var tuned = HubBrokerConfiguration.brokerConfiguration(
                new HubBrokerProperties(null, 61616, null, null, null, Duration.ofNanos(500_000)), "vm://1", data);
        var untouched = HubBrokerConfiguration.brokerConfiguration(
                new HubBrokerProperties(null, 61616, null, null, null, null), "vm://2", data);

        assertThat(tuned.getJournalBufferTimeout_NIO()).isEqualTo(500_000);
        assertThat(untouched.getJournalBufferTimeout_NIO())
                .isEqualTo(ActiveMQDefaultConfiguration.getDefaultJournalBufferTimeoutNio())
                .isNotEqualTo(500_000);
    }

    @Test
    void aTimeoutTheJournalCannotTakeIsRefusedAtStart() {
        assertThatThrownBy(() -> new HubBrokerProperties(null, 61616, null, null, null, Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journal-buffer-timeout");
        assertThatThrownBy(() -> new HubBrokerProperties(null, 61616, null, null, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
