package io.medvie.schemas.registry.server;

import io.medvie.schemas.Topics;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link EmbeddedSchemaRegistry}.
 *
 * @param bootstrapServers the Kafka cluster holding the log topic
 * @param host the address to bind; loopback unless the registry must be reached from elsewhere
 * @param port the port to bind, 0 for any free port
 * @param topic the compacted, single-partition log topic ({@code _schemas} like Confluent's)
 * @param kafkaTimeout how long to wait for the cluster at start and for each write
 */
public record RegistryServerConfig(
        String bootstrapServers, String host, int port, String topic, Duration kafkaTimeout) {

    public static final String DEFAULT_TOPIC = Topics.SCHEMAS;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public RegistryServerConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(kafkaTimeout, "kafkaTimeout");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers: must name at least one broker");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is not between 0 and 65535");
        }
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic: must not be blank");
        }
        if (kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "kafkaTimeout: " + kafkaTimeout + " is not positive");
        }
    }

    /** Loopback, topic {@code _schemas}, 30 s Kafka timeout. */
    public static RegistryServerConfig of(String bootstrapServers, int port) {
        return new RegistryServerConfig(
                bootstrapServers, DEFAULT_HOST, port, DEFAULT_TOPIC, Duration.ofSeconds(30));
    }
}
