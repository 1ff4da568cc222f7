package io.medvie.review.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.broker.EmbeddedKafka;
import io.medvie.events.AuditEvent;
import io.medvie.schemas.TopicSetup;
import io.medvie.schemas.Topics;
import io.medvie.schemas.registry.server.EmbeddedSchemaRegistry;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain read back from the real topic: intact, then with a forged entry appended. */
class AuditVerifierIT {

    @TempDir Path dir;

    @Test
    void anIntactChainVerifiesAndATamperedEntryIsFoundAtItsOffset() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
                EmbeddedSchemaRegistry registry =
                        EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            TopicSetup.ensure(client, Topics.ALL, (short) 1);
            AuditChain chain = new AuditChain();
            chain.seal();
            Instant at = Instant.parse("2026-11-23T10:00:00Z");
            Map<String, Object> props = new HashMap<>(client);
            props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
            AuditEvent last = null;
            try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(props)) {
                for (int i = 0; i < 3; i++) {
                    last =
                            chain.draft()
                                    .next(
                                            AuditChain.TASK,
                                            "t-" + i,
                                            "submit",
                                            "rita",
                                            at,
                                            Map.of("fields", "" + i));
                    chain.advance(last);
                    send(producer, last);
                }
                // Another service's event on the same topic is not part of the review chain.
                send(
                        producer,
                        AuditEvent.newBuilder(last)
                                .setEntityType("ingest.report")
                                .setHash("not-ours")
                                .build());

                AuditVerifier.Report ok = AuditVerifier.verify(client, registry.url());
                assertThat(ok.intact()).isTrue();
                assertThat(ok.events()).isEqualTo(3);
                assertThat(ok.head()).isEqualTo(last.getHash());

                // A forged entry: a real next event whose actor is changed after it was hashed.
                AuditEvent next =
                        chain.draft().next(AuditChain.TASK, "t-3", "submit", "rita", at, Map.of());
                AuditEvent forged = AuditEvent.newBuilder(next).setActor("mallory").build();
                long offset = send(producer, forged);

                AuditVerifier.Report bad = AuditVerifier.verify(client, registry.url());
                assertThat(bad.intact()).isFalse();
                assertThat(bad.broken().index()).isEqualTo(3);
                assertThat(bad.broken().eventId()).isEqualTo(forged.getEventId());
                assertThat(bad.offset()).isEqualTo(offset);
            }
        }
    }

    private static long send(KafkaProducer<String, SpecificRecord> producer, AuditEvent e)
            throws Exception {
        return producer.send(new ProducerRecord<>(Topics.AUDIT, e.getEntityId(), e))
                .get(10, TimeUnit.SECONDS)
                .offset();
    }
}
