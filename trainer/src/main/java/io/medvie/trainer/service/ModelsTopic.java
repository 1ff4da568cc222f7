package io.medvie.trainer.service;

import io.medvie.events.ModelPublished;
import io.medvie.schemas.Topics;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes and reads {@code medvie.models}: events keyed by model name (the topic is compacted, so
 * the newest per model stays), read committed.
 */
final class ModelsTopic implements AutoCloseable {
    private final Map<String, Object> props;
    private final KafkaProducer<String, ModelPublished> producer;

    ModelsTopic(Map<String, Object> kafka, String registryUrl, String clientId) {
        this.props = new HashMap<>(kafka);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        Map<String, Object> p = new HashMap<>(props);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-models");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        AvroSerializer<ModelPublished> values = new AvroSerializer<>();
        values.configure(p, false);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), values);
    }

    /** Sends and waits for the acknowledgement. */
    void publish(ModelPublished event)
            throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(Topics.MODELS, event.getModelName(), event))
                .get(60, TimeUnit.SECONDS);
    }

    /** Every committed event of {@code modelName} now on the topic, oldest first. */
    List<ModelPublished> all(String modelName) {
        Map<String, Object> c = new HashMap<>(props);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<ModelPublished> values = new AvroDeserializer<>();
        values.configure(c, false);
        List<ModelPublished> out = new ArrayList<>();
        try (KafkaConsumer<String, ModelPublished> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), values)) {
            List<TopicPartition> parts =
                    consumer.partitionsFor(Topics.MODELS, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 60_000;
            while (!parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(
                            "could not read " + Topics.MODELS + " to its end within 60 s");
                }
                for (ConsumerRecord<String, ModelPublished> r :
                        consumer.poll(Duration.ofMillis(300))) {
                    if (r.value() != null && modelName.equals(r.value().getModelName())) {
                        out.add(r.value());
                    }
                }
            }
        }
        return out;
    }

    boolean isPublished(String modelName, String version) {
        return all(modelName).stream().anyMatch(e -> version.equals(e.getVersion()));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
