package io.medvie.schemas.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.schemas.DlqHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    @Test
    void keepsOriginalBytesAndHeadersAndSaysWhatFailed() {
        byte[] key = "r-1".getBytes(StandardCharsets.UTF_8);
        byte[] value = {0, 0, 0, 0, 7, 42};
        ConsumerRecord<byte[], byte[]> original =
                new ConsumerRecord<>("medvie.reports", 3, 99L, key, value);
        original.headers().add("trace", new byte[] {1});

        ProducerRecord<byte[], byte[]> dlq =
                DeadLetters.of(
                        "extractor",
                        original,
                        new IllegalStateException("x".repeat(5000)),
                        Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(dlq.topic()).isEqualTo("medvie.dlq.extractor");
        assertThat(dlq.key()).isSameAs(key);
        assertThat(dlq.value()).isSameAs(value);
        assertThat(DeadLetters.header(dlq.headers(), DlqHeaders.ERROR_CLASS))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(DeadLetters.header(dlq.headers(), DlqHeaders.ERROR_MESSAGE))
                .hasSize(DeadLetters.MAX_MESSAGE + 3);
        assertThat(DeadLetters.header(dlq.headers(), DlqHeaders.ORIGINAL_TOPIC))
                .isEqualTo("medvie.reports");
        assertThat(DeadLetters.header(dlq.headers(), DlqHeaders.ORIGINAL_PARTITION)).isEqualTo("3");
        assertThat(DeadLetters.header(dlq.headers(), DlqHeaders.ORIGINAL_OFFSET)).isEqualTo("99");
        assertThat(DeadLetters.header(dlq.headers(), DlqHeaders.STAGE)).isEqualTo("extractor");
        assertThat(dlq.headers().lastHeader("trace").value()).containsExactly(1);
    }
}
