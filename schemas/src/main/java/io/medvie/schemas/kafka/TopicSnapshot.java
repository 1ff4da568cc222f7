package io.medvie.schemas.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Every committed record of a topic, from the beginning to the end offsets it had when the read
 * started: assign all partitions, seek to the beginning, poll until each position reaches its end
 * offset. No consumer group, nothing committed.
 */
public final class TopicSnapshot {

    private TopicSnapshot() {}

    /**
     * @param clientProps bootstrap servers, TLS/SASL and deserializer settings (for example the
     *     schema registry URL); isolation is set to read_committed
     * @param timeout how long to wait for the topic's metadata and for reaching its end
     * @throws IllegalArgumentException when the topic does not exist
     * @throws TimeoutException when the end is not reached in time
     */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(
            Map<String, Object> clientProps,
            String topic,
            Deserializer<K> keys,
            Deserializer<V> values,
            Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        keys.configure(props, true);
        values.configure(props, false);
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, timeout).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(
                            "could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
