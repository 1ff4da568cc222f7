package io.medvie.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.medvie.schemas.serde.AvroDeserializer;
import io.medvie.schemas.serde.AvroSerializer;
import io.medvie.schemas.serde.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4: our client and serde against a registry that is not ours, Apicurio Registry 3.3.3
 * through its Confluent-compatible API ({@code /apis/ccompat/v7}), started from the release
 * unpacked into {@code target/apicurio-registry} by the pom, as a separate Java 21+ process with
 * in-memory storage. Where Apicurio answers differently from Confluent, the assertion says so (see
 * docs/schema-registry.md).
 */
class ApicurioCompatibilityIT {
    private static final Path APP =
            Path.of(System.getProperty("medvie.apicurio.dir", "target/apicurio-registry"));
    private static final String V1 =
            "{\"type\":\"record\",\"name\":\"Sample\",\"namespace\":\"it.apicurio\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String V2_WITH_DEFAULT =
            "{\"type\":\"record\",\"name\":\"Sample\",\"namespace\":\"it.apicurio\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"},"
                    + "{\"name\":\"unit\",\"type\":\"string\",\"default\":\"mg/dL\"}]}";
    private static final String V2_NO_DEFAULT =
            "{\"type\":\"record\",\"name\":\"Sample\",\"namespace\":\"it.apicurio\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"},"
                    + "{\"name\":\"unit\",\"type\":\"string\"}]}";

    private static Process process;
    private static String url;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void startApicurio() throws Exception {
        Optional<Path> java = findJava21();
        assumeTrue(
                java.isPresent(),
                "Apicurio Registry needs Java 21+: none found in java.home, $JAVA21_HOME or"
                        + " /usr/lib/jvm; skipping the test against a registry not ours");
        Path jar = APP.resolve("quarkus-run.jar");
        assertThat(jar)
                .as("Apicurio is unpacked by the pom in pre-integration-test; run mvn verify")
                .exists();
        int port = freePort();
        int managementPort = freePort();
        Path log = APP.resolveSibling("apicurio-registry.log");
        long started = System.nanoTime();
        process =
                new ProcessBuilder(
                                java.get().toString(),
                                "-Xmx384m",
                                "-Dquarkus.http.host=127.0.0.1",
                                "-Dquarkus.http.port=" + port,
                                "-Dquarkus.management.host=127.0.0.1",
                                "-Dquarkus.management.port=" + managementPort,
                                "-jar",
                                jar.toAbsolutePath().toString())
                        .directory(APP.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        url = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
        awaitUp(log);
        System.out.printf(
                "Apicurio Registry up in %d ms at %s (log %s)%n",
                (System.nanoTime() - started) / 1_000_000, url, log);
        client = SchemaRegistryClient.create(url);
    }

    @AfterAll
    static void stopApicurio() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void registerLookupGetAndEvolveUnderBackward() {
        // Apicurio has no default compatibility rule: set Confluent's default.
        assertThat(client.setGlobalCompatibility(CompatibilityLevel.BACKWARD))
                .isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);

        int id = client.register("apicurio-value", V1);
        assertThat(client.register("apicurio-value", V1)).isEqualTo(id);
        assertThat(SchemaRegistryClient.create(url).register("apicurio-value", V1)).isEqualTo(id);
        assertThat(client.getSubjects()).contains("apicurio-value");
        assertThat(client.getVersions("apicurio-value")).containsExactly(1);
        assertThat(new Schema.Parser().parse(client.getSchemaById(id)))
                .isEqualTo(new Schema.Parser().parse(V1));

        RegisteredSchema found = client.lookup("apicurio-value", V1);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.subject()).isEqualTo("apicurio-value");

        assertThat(client.testCompatibility("apicurio-value", V2_WITH_DEFAULT).compatible())
                .isTrue();
        assertThat(client.testCompatibility("apicurio-value", V2_NO_DEFAULT).compatible())
                .isFalse();
        assertThatThrownBy(() -> client.register("apicurio-value", V2_NO_DEFAULT))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(409);
                            assertThat(e.errorCode()).isEqualTo(409);
                        });

        int v2 = client.register("apicurio-value", V2_WITH_DEFAULT);
        RegisteredSchema latest = client.getLatestVersion("apicurio-value");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(client.getVersion("apicurio-value", 1).id()).isEqualTo(id);

        // The same schema under another subject keeps its id (Apicurio's content id).
        assertThat(client.register("apicurio-other-value", V1)).isEqualTo(id);
    }

    @Test
    void subjectConfigOverridesGlobal() {
        client.setGlobalCompatibility(CompatibilityLevel.BACKWARD);
        client.register("apicurio-config-value", V1);

        assertThat(
                        client.setSubjectCompatibility(
                                "apicurio-config-value", CompatibilityLevel.FORWARD))
                .isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(client.getSubjectCompatibility("apicurio-config-value"))
                .contains(CompatibilityLevel.FORWARD);
        // Refused under the global BACKWARD, fine under the subject's FORWARD.
        assertThat(client.register("apicurio-config-value", V2_NO_DEFAULT)).isPositive();
        assertThat(client.getVersions("apicurio-config-value")).containsExactly(1, 2);
    }

    @Test
    void differencesFromConfluentThatCallersSee() {
        client.setGlobalCompatibility(CompatibilityLevel.BACKWARD);
        client.register("apicurio-diff-value", V1);

        // Confluent answers 40408 for a subject without its own level (the client: empty);
        // Apicurio answers NONE, whatever the global level.
        assertThat(client.getSubjectCompatibility("apicurio-diff-value"))
                .contains(CompatibilityLevel.NONE);
        // Confluent gives reasons with ?verbose=true; Apicurio gives none.
        CompatibilityResult refused =
                client.testCompatibility("apicurio-diff-value", V2_NO_DEFAULT);
        assertThat(refused.compatible()).isFalse();
        assertThat(refused.messages()).isEmpty();
    }

    @Test
    void errorCodesForUnknownThings() {
        client.register("apicurio-errors-value", V1);

        assertRegistryError(() -> client.getVersions("apicurio-nope"), 404, 40401);
        assertRegistryError(() -> client.getLatestVersion("apicurio-nope"), 404, 40401);
        assertRegistryError(() -> client.lookup("apicurio-nope", V1), 404, 40401);
        assertRegistryError(() -> client.getVersion("apicurio-errors-value", 9), 404, 40402);
        assertRegistryError(() -> client.getSchemaById(987_654), 404, 40403);
        assertRegistryError(
                () -> client.lookup("apicurio-errors-value", V2_NO_DEFAULT), 404, 40403);
        assertRegistryError(
                () -> client.register("apicurio-errors-value", "{\"type\":\"nope\"}"), 422, 42201);
        assertThat(client.find("apicurio-nope", V1)).isEmpty();
    }

    @Test
    void serdeRoundTripsThroughApicurio() {
        Schema schema = new Schema.Parser().parse(V2_WITH_DEFAULT);
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", "a-1");
        record.put("unit", "g/dL");
        Map<String, Object> config = Map.of("schema.registry.url", url);
        try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
                AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);

            byte[] bytes = serializer.serialize("apicurio.serde", record);
            GenericRecord read = deserializer.deserialize("apicurio.serde", bytes);

            assertThat(WireFormat.schemaId(bytes))
                    .isEqualTo(client.getLatestVersion("apicurio.serde-value").id());
            assertThat(read.get("id").toString()).isEqualTo("a-1");
            assertThat(read.get("unit").toString()).isEqualTo("g/dL");
        }
        try (AvroSerializer<GenericRecord> manual = new AvroSerializer<>()) {
            manual.configure(
                    Map.of("schema.registry.url", url, "auto.register.schemas", false), false);
            assertThatThrownBy(() -> manual.serialize("apicurio.unregistered", record))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("not registered");
        }
    }

    private static void assertRegistryError(Runnable call, int status, int errorCode) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(status);
                            assertThat(e.errorCode()).isEqualTo(errorCode);
                        });
    }

    // ---- process ----

    private static void awaitUp(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Apicurio exited with " + process.exitValue() + ": " + tail(log));
            }
            try {
                HttpResponse<Void> response =
                        http.send(
                                HttpRequest.newBuilder(URI.create(url + "/subjects")).build(),
                                HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet: poll again.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Apicurio not up within 90 s: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** This JVM if it is 21+, else $JAVA21_HOME, else the newest 21+ JDK under /usr/lib/jvm. */
    static Optional<Path> findJava21() throws IOException {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        String env = System.getenv("JAVA21_HOME");
        if (env != null && !env.isBlank()) {
            homes.add(Path.of(env));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jvms)) {
                dirs.forEach(homes::add);
            }
        }
        Path best = null;
        int bestVersion = 0;
        for (Path home : homes) {
            int version = featureVersion(home);
            Path java = home.resolve("bin/java");
            if (version >= 21 && version > bestVersion && Files.isExecutable(java)) {
                best = java;
                bestVersion = version;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The major version from a JDK's {@code release} file, 0 when unknown. */
    private static int featureVersion(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            props.load(in);
        }
        String version = props.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
        try {
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
