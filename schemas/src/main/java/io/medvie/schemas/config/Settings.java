package io.medvie.schemas.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings of a service, from properties overlaid by environment variables: {@code
 * medvie.ingest.port} may be set as {@code MEDVIE_INGEST_PORT}. Every getter fails with the
 * setting's name, its bad value and what was expected.
 *
 * <p>Settings under {@code kafka.} are handed to every Kafka client with the prefix removed, so
 * that TLS and SASL settings ({@code kafka.security.protocol}, {@code kafka.sasl.jaas.config}, ...)
 * reach producers, consumers and admin clients unchanged.
 */
public final class Settings {
    public static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /** Properties first, then environment variables named like them on top. */
    public static Settings of(Map<String, String> properties, Map<String, String> env) {
        Map<String, String> values = new TreeMap<>(properties);
        for (Map.Entry<String, String> e : env.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("MEDVIE_")
                    || key.startsWith("KAFKA_")
                    || key.startsWith("SCHEMA_")) {
                values.put(key.toLowerCase(Locale.ROOT).replace('_', '.'), e.getValue());
            }
        }
        return new Settings(values);
    }

    /**
     * The settings of a properties file, for the services' {@code main(settingsFile)}; empty when
     * {@code file} is null.
     */
    public static Map<String, String> readProperties(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (file == null) {
            return out;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }

    public static Settings of(Map<String, String> properties) {
        return new Settings(new TreeMap<>(properties));
    }

    /** A copy with one more setting, which wins over what is there. */
    public Settings with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    public Optional<String> optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public String required(String key) {
        return optional(key)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Setting "
                                                + key
                                                + " (env "
                                                + envName(key)
                                                + ") is required"));
    }

    public int integer(String key, int fallback, int min, int max) {
        long value = longValue(key, fallback, min, max);
        return (int) value;
    }

    public long longValue(String key, long fallback, long min, long max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.get());
        } catch (NumberFormatException e) {
            throw bad(key, raw.get(), "a whole number");
        }
        if (value < min || value > max) {
            throw bad(key, raw.get(), "a number from " + min + " to " + max);
        }
        return value;
    }

    public Duration millis(String key, Duration fallback) {
        return Duration.ofMillis(longValue(key, fallback.toMillis(), 0, Long.MAX_VALUE));
    }

    public Path path(String key, Path fallback) {
        return optional(key).map(Path::of).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(key, raw.get(), "true or false");
        };
    }

    /** Every {@code kafka.*} setting with the prefix removed, for Kafka clients. */
    public Map<String, Object> kafkaClientProps() {
        Map<String, Object> out = new TreeMap<>();
        values.forEach(
                (k, v) -> {
                    if (k.startsWith(KAFKA_PREFIX) && !v.isBlank()) {
                        out.put(k.substring(KAFKA_PREFIX.length()), v.trim());
                    }
                });
        return out;
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(
                "Setting "
                        + key
                        + " (env "
                        + envName(key)
                        + ") is '"
                        + value
                        + "', expected "
                        + expected);
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
