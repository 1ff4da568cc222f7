package io.medvie.review;

import io.medvie.blobstore.FileBlobStore;
import io.medvie.broker.EmbeddedKafka;
import io.medvie.events.ReviewTask;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.config.Settings;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real embedded broker and schema registry with medvie's topics, for the review ITs. */
final class TestPlatform implements AutoCloseable {
    final Path dir;
    final EmbeddedKafka kafka;
    final EmbeddedSchemaRegistry registry;
    final FileBlobStore blobs;

    TestPlatform(Path dir) throws InterruptedException {
        this.dir = dir;
        this.kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        TopicSetup.ensure(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.ALL, (short) 1);
        this.registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        this.blobs = new FileBlobStore(dir.resolve("blobs"));
    }

    /** The service's settings on this platform, with {@code extra} on top. */
    ReviewConfig config(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        props.put("schema.registry.url", registry.url());
        props.put("medvie.review.port", "0");
        props.put("medvie.blob.dir", dir.resolve("blobs").toString());
        props.putAll(extra);
        return ReviewConfig.from(Settings.of(props));
    }

    /** Sends tasks as the extractor would: keyed by report id. */
    void publish(List<ReviewTask> tasks) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(props)) {
            for (ReviewTask t : tasks) {
                producer.send(new ProducerRecord<>(Topics.REVIEW_TASKS, t.getReportId(), t))
                        .get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Every committed value on a topic, read from the beginning to its current end. */
    <T> List<T> readAll(String topic, Class<T> type) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(200))) {
                    if (type.isInstance(r.value())) {
                        out.add(type.cast(r.value()));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
