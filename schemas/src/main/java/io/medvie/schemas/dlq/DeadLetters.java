package io.medvie.schemas.dlq;

import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead-letter records: the original key and value bytes, untouched, with {@code dlq.*}
 * headers saying what failed and where the record came from; the original headers are kept.
 */
public final class DeadLetters {
    /** Longest error message kept in a header; messages never carry document content. */
    public static final int MAX_MESSAGE = 1000;

    private DeadLetters() {}

    public static ProducerRecord<byte[], byte[]> of(
            String stage, ConsumerRecord<byte[], byte[]> original, Throwable error, Instant at) {
        Headers headers = new RecordHeaders();
        for (Header h : original.headers()) {
            if (!h.key().startsWith("dlq.")) {
                headers.add(h);
            }
        }
        put(headers, DlqHeaders.ERROR_CLASS, error.getClass().getName());
        put(headers, DlqHeaders.ERROR_MESSAGE, truncate(String.valueOf(error.getMessage())));
        put(headers, DlqHeaders.STAGE, stage);
        put(headers, DlqHeaders.ORIGINAL_TOPIC, original.topic());
        put(headers, DlqHeaders.ORIGINAL_PARTITION, Integer.toString(original.partition()));
        put(headers, DlqHeaders.ORIGINAL_OFFSET, Long.toString(original.offset()));
        put(headers, DlqHeaders.FAILED_AT, at.toString());
        return new ProducerRecord<>(
                Topics.DLQ_PREFIX + stage, null, original.key(), original.value(), headers);
    }

    /** A header's value as text, or null when absent. */
    public static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
