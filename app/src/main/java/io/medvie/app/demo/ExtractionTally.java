package io.medvie.app.demo;

import io.medvie.events.ExtractionResult;
import io.medvie.events.ExtractionStatus;
import io.medvie.schemas.Topics;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code medvie.extractions} (read_committed) and counts, per model version, the reports
 * extracted and those auto-accepted; remembers which report ids have an extraction and how many
 * events each got (exactly one is expected).
 */
public final class ExtractionTally implements AutoCloseable {

    /** Per model version: extractions and auto-accepted ones. */
    public record Counts(long extracted, long autoAccepted) {
        public double autoAcceptRate() {
            return extracted == 0 ? Double.NaN : autoAccepted / (double) extracted;
        }
    }

    private final KafkaConsumer<String, ExtractionResult> consumer;
    private final Map<String, long[]> byVersion = new ConcurrentHashMap<>();
    private final Map<String, Integer> events = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public ExtractionTally(Map<String, Object> kafka, String registryUrl) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<ExtractionResult> avro = new AvroDeserializer<>();
        avro.configure(props, false);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), avro);
        thread = new Thread(this::run, "demo-extractions");
        thread.setDaemon(true);
    }

    public ExtractionTally start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            List<TopicPartition> parts =
                    consumer.partitionsFor(Topics.EXTRACTIONS).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (running.get()) {
                for (ConsumerRecord<String, ExtractionResult> r :
                        consumer.poll(Duration.ofMillis(500))) {
                    ExtractionResult e = r.value();
                    long[] c = byVersion.computeIfAbsent(e.getModelVersion(), k -> new long[2]);
                    synchronized (c) {
                        c[0]++;
                        if (e.getStatus() == ExtractionStatus.AUTO_ACCEPTED) {
                            c[1]++;
                        }
                    }
                    events.merge(e.getReportId(), 1, Integer::sum);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Counts per model version, in the order versions first appeared. */
    public Map<String, Counts> byVersion() {
        Map<String, Counts> out = new LinkedHashMap<>();
        byVersion.forEach(
                (v, c) -> {
                    synchronized (c) {
                        out.put(v, new Counts(c[0], c[1]));
                    }
                });
        return out;
    }

    public Counts total() {
        long n = 0;
        long a = 0;
        for (Counts c : byVersion().values()) {
            n += c.extracted();
            a += c.autoAccepted();
        }
        return new Counts(n, a);
    }

    /** How many of these reports have at least one extraction. */
    public long extractedOf(Set<String> ids) {
        return ids.stream().filter(events::containsKey).count();
    }

    /** Reports with more than one extraction event (must stay 0). */
    public long duplicates() {
        return events.values().stream().filter(n -> n > 1).count();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
