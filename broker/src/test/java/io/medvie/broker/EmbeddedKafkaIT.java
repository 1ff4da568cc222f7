package io.medvie.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {
    @TempDir Path dataDir;

    @Test
    void startsFastAndKeepsTopicsRecordsAndOffsetsAcrossARestart() throws Exception {
        long started = System.nanoTime();
        String bootstrap;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            // 2.4 s on a quiet 2-core machine (docs/benchmarks.md), 5-8 s while other builds load
            // it: the bound catches a start that waits on a timeout, not a slow machine.
            assertThat(startMillis).as("broker start time in ms").isLessThan(15_000);
            bootstrap = kafka.bootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("t", "k" + i, "v" + i)).get();
                }
            }
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
                assertThat(pollAll(consumer, 10)).hasSize(10);
                consumer.commitSync();
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            assertThat(kafka.bootstrapServers())
                    .as("same address after restart")
                    .isEqualTo(bootstrap);
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.listTopics().names().get()).contains("t");
            }
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>("t", "k10", "v10")).get();
            }
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
                List<ConsumerRecord<String, String>> records = pollAll(consumer, 1);
                assertThat(records).extracting(ConsumerRecord::value).containsExactly("v10");
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "g");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(Set.of("t"));
        return consumer;
    }

    private static List<ConsumerRecord<String, String>> pollAll(
            KafkaConsumer<String, String> consumer, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (records.size() < expected && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        // One more short poll proves nothing beyond the expected records is pending.
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        return records;
    }
}
