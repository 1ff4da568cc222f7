package io.medvie.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.app.platform.EmbeddedPlatform;
import io.medvie.events.ReportSubmitted;
import io.medvie.ingest.submit.SubmitClient;
import io.medvie.schemas.Topics;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded platform as the launcher starts it, stopped and started on the same data. */
class PlatformIT {
    @TempDir Path dir;

    @Test
    void restartKeepsEventsSchemaIdsAndKnownReports() throws Exception {
        Path data = dir.resolve("data");
        Path report = dir.resolve("report.png");
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", report.toFile());
        EmbeddedPlatform.Ports free = new EmbeddedPlatform.Ports(0, 0, 0);

        Map<String, Integer> idsBefore;
        String reportId;
        String adminToken;
        long started = System.nanoTime();
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(data, free, dir.resolve("inbox"))) {
            assertThat((System.nanoTime() - started) / 1e9).as("platform start, s").isLessThan(20);
            adminToken = platform.adminTokenCreated();
            assertThat(adminToken).isNotNull();
            Properties written = new Properties();
            try (var in = Files.newInputStream(data.resolve("platform.properties"))) {
                written.load(in);
            }
            assertThat(written.getProperty("kafka.bootstrap.servers"))
                    .isEqualTo(platform.bootstrapServers());
            assertThat(written.getProperty("medvie.ingest.url")).isEqualTo(platform.ingestUrl());
            idsBefore = platform.schemaIds();
            assertThat(idsBefore).containsKey(Topics.valueSubject(Topics.REPORTS));
            SubmitClient.Outcome outcome =
                    new SubmitClient(URI.create(platform.ingestUrl()), platform.cliToken())
                            .submit(report);
            assertThat(outcome.accepted()).as(String.valueOf(outcome.error())).isTrue();
            reportId = outcome.reportId();
        }
        assertThat(data.resolve("platform.properties")).doesNotExist();

        try (EmbeddedPlatform platform = EmbeddedPlatform.start(data, free, dir.resolve("inbox"))) {
            assertThat(platform.adminTokenCreated()).as("tokens are created once").isNull();
            assertThat(platform.schemaIds()).isEqualTo(idsBefore);
            List<ReportSubmitted> events = readReports(platform);
            assertThat(events).extracting(ReportSubmitted::getReportId).containsExactly(reportId);

            SubmitClient.Outcome again =
                    new SubmitClient(URI.create(platform.ingestUrl()), platform.cliToken())
                            .submit(report);
            assertThat(again.reportId()).isEqualTo(reportId);
            assertThat(again.duplicate()).isTrue();
            assertThat(readReports(platform)).hasSize(1);
        }
    }

    private static List<ReportSubmitted> readReports(EmbeddedPlatform platform) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer<ReportSubmitted> values = new AvroDeserializer<>();
        values.configure(props, false);
        List<ReportSubmitted> out = new ArrayList<>();
        try (KafkaConsumer<String, ReportSubmitted> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.REPORTS));
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}
