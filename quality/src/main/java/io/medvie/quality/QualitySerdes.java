package io.medvie.quality;

import io.medvie.events.ExtractionResult;
import io.medvie.events.QualityRecord;
import io.medvie.events.VerifiedSample;
import io.medvie.quality.state.ReportContribution;
import io.medvie.quality.state.RoutedExtraction;
import io.medvie.quality.state.VerifiedOutcome;
import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerdeConfig;
import io.medvie.schemas.serde.AvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The value serdes of {@link QualityTopology}: the three event types and the app's own state
 * records. Keys are plain strings everywhere (report ids, {@code modelVersion|field}).
 *
 * <p>In production every serde is {@link #registry(Map)}'s (Confluent wire format against the
 * schema registry, the app's own state included, so its changelogs can evolve like events do); the
 * topology does not care, which lets a {@code TopologyTestDriver} test run without a registry.
 */
public record QualitySerdes(
        Serde<ExtractionResult> extraction,
        Serde<VerifiedSample> verifiedSample,
        Serde<QualityRecord> quality,
        Serde<RoutedExtraction> routedExtraction,
        Serde<VerifiedOutcome> verifiedOutcome,
        Serde<ReportContribution> contribution) {

    /**
     * Registry-backed serdes for every value.
     *
     * @param registryConfig {@code schema.registry.url} and any registry auth settings
     */
    public static QualitySerdes registry(Map<String, ?> registryConfig) {
        return new QualitySerdes(
                avro(registryConfig),
                avro(registryConfig),
                avro(registryConfig),
                avro(registryConfig),
                avro(registryConfig),
                avro(registryConfig));
    }

    private static <T extends SpecificRecord> Serde<T> avro(Map<String, ?> registryConfig) {
        Map<String, Object> config = new HashMap<>(registryConfig);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        Serde<T> serde = Serdes.serdeFrom(new AvroSerializer<>(), new AvroDeserializer<>());
        serde.configure(config, false);
        return serde;
    }
}
