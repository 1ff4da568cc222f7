package io.medvie.schemas.dlq;

import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.Topics;
import io.medvie.schemas.kafka.TopicSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Reading a stage's dead-letter topic, and replaying records to where they came from. */
public final class DeadLetterTopic {
    /** Header on a replayed record: the dead-letter topic and offset it was replayed from. */
    public static final String REPLAYED_FROM = "dlq.replayed.from";

    private final Map<String, Object> clientProps;
    private final String topic;

    /**
     * @param clientProps bootstrap servers and any TLS/SASL settings
     * @param stage ingest, extractor, trainer or review
     */
    public DeadLetterTopic(Map<String, Object> clientProps, String stage) {
        this.clientProps = Map.copyOf(clientProps);
        this.topic = Topics.DLQ_PREFIX + stage;
    }

    public String topic() {
        return topic;
    }

    /** Every committed dead letter, oldest first. */
    public List<ConsumerRecord<byte[], byte[]>> readAll() {
        return TopicSnapshot.readAll(
                clientProps,
                topic,
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer(),
                Duration.ofSeconds(60));
    }

    /**
     * Re-sends dead letters, original key, value and headers (without the {@code dlq.*} ones), to
     * their original topic.
     *
     * @param offsets the dead-letter offsets to replay, or null for all
     * @return how many were sent
     */
    public int replay(List<ConsumerRecord<byte[], byte[]>> letters, Set<Long> offsets)
            throws InterruptedException, ExecutionException {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> r : letters) {
                if (offsets != null && !offsets.contains(r.offset())) {
                    continue;
                }
                String original = DeadLetters.header(r.headers(), DlqHeaders.ORIGINAL_TOPIC);
                if (original == null) {
                    throw new IllegalArgumentException(
                            "dead letter at offset "
                                    + r.offset()
                                    + " has no original topic header");
                }
                RecordHeaders headers = new RecordHeaders();
                r.headers()
                        .forEach(
                                h -> {
                                    if (!h.key().startsWith("dlq.")) {
                                        headers.add(h);
                                    }
                                });
                headers.add(
                        REPLAYED_FROM, (topic + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(original, null, r.key(), r.value(), headers))
                        .get();
                sent++;
            }
        }
        return sent;
    }
}
