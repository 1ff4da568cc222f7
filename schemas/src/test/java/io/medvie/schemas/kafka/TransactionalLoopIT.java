package io.medvie.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared exactly-once loop on a real broker: retried batches leave no trace, fatal stops. */
class TransactionalLoopIT {
    @TempDir Path dir;
    private EmbeddedKafka kafka;

    @BeforeEach
    void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(dir);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic("in", 3, (short) 1),
                                    new NewTopic("out", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>("in", "k" + i, "v" + i));
            }
        }
    }

    @AfterEach
    void stopBroker() {
        kafka.close();
    }

    @Test
    void aBatchWhoseTransactionFailsIsRetriedAndItsFirstOutputNeverSeen() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        try (TransactionalLoop loop = new TransactionalLoop(settings("copy"), Map.of())) {
            loop.start(
                    "copy",
                    new TransactionalLoop.Stage() {
                        @Override
                        public void process(ConsumerRecords<byte[], byte[]> records)
                                throws TransactionalLoop.TransientFailure {
                            boolean failThisOne = attempts.getAndIncrement() == 0;
                            loop.commit(
                                    records,
                                    producer -> {
                                        records.forEach(
                                                r ->
                                                        producer.send(
                                                                new ProducerRecord<>(
                                                                        "out", r.key(),
                                                                        r.value())));
                                        if (failThisOne) {
                                            throw new KafkaException("injected broker failure");
                                        }
                                    });
                        }

                        @Override
                        public void retrying(
                                ConsumerRecords<byte[], byte[]> records,
                                TransactionalLoop.TransientFailure e) {
                            retried.incrementAndGet();
                        }
                    });
            List<String> out = readCommitted(30);

            assertThat(retried.get()).isEqualTo(1);
            assertThat(out).hasSize(30).doesNotHaveDuplicates();
            assertThat(loop.failure()).isNull();
            assertThat(loop.isRunning()).isTrue();
        }
    }

    @Test
    void aFatalFailureStopsTheLoopAndIsKept() throws Exception {
        try (TransactionalLoop loop = new TransactionalLoop(settings("fenced"), Map.of())) {
            loop.start(
                    "fenced",
                    records ->
                            loop.commit(
                                    records,
                                    producer -> {
                                        throw new ProducerFencedException("a newer instance");
                                    }));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (loop.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(loop.isRunning()).isFalse();
            assertThat(loop.failure()).isInstanceOf(ProducerFencedException.class);
        }
    }

    private TransactionalLoop.Settings settings(String id) {
        return new TransactionalLoop.Settings(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                "in",
                "group-" + id,
                id,
                10,
                Duration.ofMinutes(1),
                Duration.ofMillis(100));
    }

    private List<String> readCommitted(int expected) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                "bootstrap.servers",
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "reader",
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of("out"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
            // A duplicate would arrive in this quiet period.
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> out.add(r.value()));
        }
        return out;
    }
}
