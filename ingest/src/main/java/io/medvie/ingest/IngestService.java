package io.medvie.ingest;

import io.medvie.blobstore.BlobStores;
import io.medvie.events.ReportSubmitted;
import io.medvie.ingest.auth.TokenStore;
import io.medvie.ingest.folder.FolderWatcher;
import io.medvie.ingest.http.IngestHttpServer;
import io.medvie.ingest.ledger.ReportLedger;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest service: blob store, ledger, producer, HTTP API and the optional watched folder. */
public final class IngestService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final ReportLedger ledger;
    private final KafkaProducer<String, ReportSubmitted> producer;
    private final IngestHttpServer http;
    private final FolderWatcher watcher;
    private final Ingestor ingestor;
    private final TokenStore tokens;

    private IngestService(
            ReportLedger ledger,
            KafkaProducer<String, ReportSubmitted> producer,
            IngestHttpServer http,
            FolderWatcher watcher,
            Ingestor ingestor,
            TokenStore tokens) {
        this.ledger = ledger;
        this.producer = producer;
        this.http = http;
        this.watcher = watcher;
        this.ingestor = ingestor;
        this.tokens = tokens;
    }

    public static IngestService start(IngestConfig config)
            throws IOException, InterruptedException {
        Map<String, Object> serde = new HashMap<>(config.kafka());
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.registryUrl());

        Map<String, Object> consumerProps = new HashMap<>(serde);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        consumerProps.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "medvie-ingest-ledger");
        ReportLedger ledger = new ReportLedger(consumerProps);
        KafkaProducer<String, ReportSubmitted> producer = null;
        try {
            ledger.awaitCaughtUp(Duration.ofSeconds(60));

            Map<String, Object> producerProps = new HashMap<>(serde);
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "medvie-ingest");
            producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            producerProps.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            producerProps.put(
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producerProps.put(
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
            producer = new KafkaProducer<>(producerProps);

            TokenStore tokens = TokenStore.open(config.tokensFile());
            Ingestor ingestor =
                    new Ingestor(
                            BlobStores.open(config.blobs()),
                            producer,
                            ledger,
                            config.maxBytes(),
                            Duration.ofSeconds(35),
                            Clock.systemUTC());
            IngestHttpServer http =
                    new IngestHttpServer(ingestor, ledger, tokens, config.host(), config.port())
                            .start();
            FolderWatcher watcher = null;
            if (config.watchDir().isPresent()) {
                watcher =
                        new FolderWatcher(
                                config.watchDir().get(), ingestor, config.watchInterval());
            }
            log.info(
                    "Ingest listening on http://{}:{} ({} reports known)",
                    config.host(),
                    http.port(),
                    ledger.size());
            return new IngestService(ledger, producer, http, watcher, ingestor, tokens);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            ledger.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    /** The routes the HTTP API serves, as {@code METHOD /path}. */
    public List<String> routes() {
        return http.routes();
    }

    public Ingestor ingestor() {
        return ingestor;
    }

    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        http.close();
        producer.close(Duration.ofSeconds(10));
        ledger.close();
    }
}
