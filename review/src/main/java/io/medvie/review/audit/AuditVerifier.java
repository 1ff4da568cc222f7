package io.medvie.review.audit;

import io.medvie.events.AuditEvent;
import io.medvie.schemas.Topics;
import io.medvie.schemas.kafka.TopicSnapshot;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the review service's audit chain from {@code medvie.audit} and checks it end to end. */
public final class AuditVerifier {

    /**
     * What a check found.
     *
     * @param events events of the review chain read
     * @param head the last event's hash (null for an empty chain)
     * @param broken the first break, or null when the chain holds
     * @param offset the topic offset of the broken event (-1 when it holds)
     */
    public record Report(int events, String head, AuditChain.Break broken, long offset) {
        public boolean intact() {
            return broken == null;
        }
    }

    private AuditVerifier() {}

    /**
     * @param clientProps bootstrap servers and any TLS/SASL settings
     * @param registryUrl the schema registry
     */
    public static Report verify(Map<String, Object> clientProps, String registryUrl) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        List<ConsumerRecord<String, Object>> records =
                TopicSnapshot.readAll(
                        props,
                        Topics.AUDIT,
                        new StringDeserializer(),
                        new AvroDeserializer<>(),
                        Duration.ofSeconds(60));
        List<AuditEvent> chain = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (ConsumerRecord<String, Object> r : records) {
            if (r.value() instanceof AuditEvent e
                    && e.getEntityType().startsWith(AuditChain.ENTITY_PREFIX)) {
                chain.add(e);
                offsets.add(r.offset());
            }
        }
        AuditChain.Break broken = AuditChain.check(chain);
        String head = chain.isEmpty() ? null : chain.get(chain.size() - 1).getHash();
        return new Report(
                chain.size(), head, broken, broken == null ? -1 : offsets.get(broken.index()));
    }
}
