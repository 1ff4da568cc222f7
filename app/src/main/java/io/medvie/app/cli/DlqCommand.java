package io.medvie.app.cli;

import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.Topics;
import io.medvie.schemas.dlq.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvie dlq list|replay}: inspect dead letters and send them back. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = "Inspects a dead-letter topic and re-sends its records.",
        subcommands = {DlqCommand.ListDlq.class, DlqCommand.Replay.class})
public final class DlqCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options shared by both subcommands. */
    static final class Target {
        @Mixin DataDir data;

        @Option(
                names = "--stage",
                defaultValue = Topics.Stage.EXTRACTOR,
                description = "ingest, extractor, trainer or review (default: ${DEFAULT-VALUE}).")
        String stage;

        @Option(
                names = "--bootstrap",
                description = "Kafka bootstrap servers (default: the running platform's).")
        String bootstrap;

        String topic() {
            return Topics.DLQ_PREFIX + stage;
        }

        String bootstrapServers() throws Exception {
            return bootstrap != null
                    ? bootstrap
                    : RunningPlatform.read(data.path()).getProperty("kafka.bootstrap.servers");
        }

        List<ConsumerRecord<byte[], byte[]>> readAll() throws Exception {
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer =
                    new KafkaConsumer<>(
                            props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions =
                        consumer.partitionsFor(topic(), Duration.ofSeconds(10)).stream()
                                .map(p -> new TopicPartition(p.topic(), p.partition()))
                                .toList();
                if (partitions.isEmpty()) {
                    throw new IllegalArgumentException("no topic " + topic());
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                    consumer.poll(Duration.ofMillis(500)).forEach(out::add);
                }
            }
            return out;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists dead letters.")
    static final class ListDlq implements Callable<Integer> {
        @Mixin Target target;

        @Override
        public Integer call() throws Exception {
            List<ConsumerRecord<byte[], byte[]>> records = target.readAll();
            System.out.printf(
                    "%-8s %-36s %-28s %-34s %s%n", "offset", "key", "from", "error", "message");
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String from =
                        DeadLetters.header(r.headers(), DlqHeaders.ORIGINAL_TOPIC)
                                + "-"
                                + DeadLetters.header(r.headers(), DlqHeaders.ORIGINAL_PARTITION)
                                + "@"
                                + DeadLetters.header(r.headers(), DlqHeaders.ORIGINAL_OFFSET);
                String error = DeadLetters.header(r.headers(), DlqHeaders.ERROR_CLASS);
                System.out.printf(
                        "%-8d %-36s %-28s %-34s %s%n",
                        r.offset(),
                        r.key() == null ? "-" : new String(r.key(), StandardCharsets.UTF_8),
                        from,
                        error == null ? "-" : error.substring(error.lastIndexOf('.') + 1),
                        DeadLetters.header(r.headers(), DlqHeaders.ERROR_MESSAGE));
            }
            System.out.println(records.size() + " dead letters on " + target.topic());
            return 0;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = {
                "Re-sends dead letters, original key and bytes, to the topic they came from.",
                "Use it after fixing what made them fail (a new model, a repaired store)."
            })
    static final class Replay implements Callable<Integer> {
        @Mixin Target target;

        @Option(
                names = "--offset",
                split = ",",
                description = "Dead-letter offsets to replay (default: all).")
        Set<Long> offsets;

        @Override
        public Integer call() throws Exception {
            List<ConsumerRecord<byte[], byte[]>> records = target.readAll();
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            int sent = 0;
            try (KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(
                            props, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (offsets != null && !offsets.contains(r.offset())) {
                        continue;
                    }
                    String topic = DeadLetters.header(r.headers(), DlqHeaders.ORIGINAL_TOPIC);
                    if (topic == null) {
                        System.err.println("offset " + r.offset() + ": no original topic, skipped");
                        continue;
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
                            "dlq.replayed.from",
                            (target.topic() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
                    producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), headers))
                            .get();
                    sent++;
                }
            }
            System.out.println("replayed " + sent + " of " + records.size() + " dead letters");
            return 0;
        }
    }
}
