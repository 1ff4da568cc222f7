package io.medvie.schemas.registry.server;

import static io.medvie.schemas.registry.server.TestSchemas.ID_AS_INT;
import static io.medvie.schemas.registry.server.TestSchemas.V1;
import static io.medvie.schemas.registry.server.TestSchemas.V2_NO_DEFAULT;
import static io.medvie.schemas.registry.server.TestSchemas.V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.broker.EmbeddedKafka;
import io.medvie.schemas.registry.CompatibilityLevel;
import io.medvie.schemas.registry.CompatibilityResult;
import io.medvie.schemas.registry.RegisteredSchema;
import io.medvie.schemas.registry.SchemaRegistryClient;
import io.medvie.schemas.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded registry on a real KRaft broker, spoken to over HTTP as a Confluent client would:
 * each endpoint with Confluent's status and error codes, compatibility, ids across restarts.
 */
class EmbeddedSchemaRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path brokerDir;
    private static EmbeddedKafka kafka;

    private EmbeddedSchemaRegistry registry;
    private SchemaRegistryClient client;

    /** Subjects are per test: all tests share the broker and its _schemas topic. */
    private String prefix;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @BeforeEach
    void startRegistry(TestInfo test) {
        long started = System.nanoTime();
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        System.out.printf("registry started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        client = SchemaRegistryClient.create(registry.url());
        prefix = test.getTestMethod().orElseThrow().getName() + "-";
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private record Answer(int status, JsonNode body, String contentType) {
        int errorCode() {
            return body.path("error_code").asInt();
        }
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(registry.url() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", SchemaRegistryClient.MEDIA_TYPE);
        HttpResponse<String> response =
                HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                JSON.readTree(response.body()),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private static String schemaBody(String schema) throws Exception {
        return JSON.writeValueAsString(Map.of("schema", schema));
    }

    @Test
    void everyEndpointAnswersLikeConfluents() throws Exception {
        String subject = prefix + "reading-value";

        Answer registered = call("POST", "/subjects/" + subject + "/versions", schemaBody(V1));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).startsWith(SchemaRegistryClient.MEDIA_TYPE);
        int id = registered.body().get("id").asInt();
        assertThat(registered.body().size()).isEqualTo(1);

        Answer again = call("POST", "/subjects/" + subject + "/versions", schemaBody(V1));
        assertThat(again.body().get("id").asInt()).isEqualTo(id);

        assertThat(call("GET", "/subjects", null).body().toString())
                .contains("\"" + subject + "\"");
        assertThat(call("GET", "/subjects/" + subject + "/versions", null).body().toString())
                .isEqualTo("[1]");

        for (String version : List.of("1", "latest", "-1")) {
            Answer got = call("GET", "/subjects/" + subject + "/versions/" + version, null);
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.body().get("subject").asText()).isEqualTo(subject);
            assertThat(got.body().get("version").asInt()).isEqualTo(1);
            assertThat(got.body().get("id").asInt()).isEqualTo(id);
            assertThat(TestSchemas.parse(got.body().get("schema").asText()))
                    .isEqualTo(TestSchemas.parse(V1));
        }

        Answer byId = call("GET", "/schemas/ids/" + id, null);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(TestSchemas.parse(byId.body().get("schema").asText()))
                .isEqualTo(TestSchemas.parse(V1));

        Answer lookup = call("POST", "/subjects/" + subject, schemaBody(V1));
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body().get("version").asInt()).isEqualTo(1);
        assertThat(lookup.body().get("id").asInt()).isEqualTo(id);

        Answer compatible =
                call(
                        "POST",
                        "/compatibility/subjects/" + subject + "/versions/latest",
                        schemaBody(V2_WITH_DEFAULT));
        assertThat(compatible.status()).isEqualTo(200);
        assertThat(compatible.body().toString()).isEqualTo("{\"is_compatible\":true}");
        Answer incompatible =
                call(
                        "POST",
                        "/compatibility/subjects/" + subject + "/versions/1?verbose=true",
                        schemaBody(V2_NO_DEFAULT));
        assertThat(incompatible.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.body().get("messages").toString()).contains("unit");

        assertThat(call("GET", "/config", null).body().toString())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        Answer noOwnLevel = call("GET", "/config/" + subject, null);
        assertThat(noOwnLevel.status()).isEqualTo(404);
        assertThat(noOwnLevel.errorCode()).isEqualTo(40408);
        assertThat(
                        call("GET", "/config/" + subject + "?defaultToGlobal=true", null)
                                .body()
                                .toString())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(
                        call("PUT", "/config/" + subject, "{\"compatibility\":\"FULL\"}")
                                .body()
                                .toString())
                .isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(call("GET", "/config/" + subject, null).body().toString())
                .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(call("GET", "/schemas/types", null).body().toString()).isEqualTo("[\"AVRO\"]");
        assertThat(call("GET", "/", null).status()).isEqualTo(200);
    }

    @Test
    void errorsCarryConfluentsStatusAndCodes() throws Exception {
        String subject = prefix + "s";
        client.register(subject, V1);

        Answer unknownSubject = call("GET", "/subjects/" + prefix + "nope/versions", null);
        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(unknownSubject.body().get("message").asText()).isNotBlank();
        assertThat(call("GET", "/subjects/" + prefix + "nope/versions/1", null).errorCode())
                .isEqualTo(40401);
        assertThat(call("GET", "/subjects/" + prefix + "nope/versions/latest", null).errorCode())
                .isEqualTo(40401);
        assertThat(call("POST", "/subjects/" + prefix + "nope", schemaBody(V1)).errorCode())
                .isEqualTo(40401);

        Answer unknownVersion = call("GET", "/subjects/" + subject + "/versions/2", null);
        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(unknownVersion.errorCode()).isEqualTo(40402);
        assertThat(
                        call(
                                        "POST",
                                        "/compatibility/subjects/" + subject + "/versions/9",
                                        schemaBody(V1))
                                .errorCode())
                .isEqualTo(40402);

        Answer unknownId = call("GET", "/schemas/ids/999999", null);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.errorCode()).isEqualTo(40403);
        Answer notUnderSubject = call("POST", "/subjects/" + subject, schemaBody(ID_AS_INT));
        assertThat(notUnderSubject.status()).isEqualTo(404);
        assertThat(notUnderSubject.errorCode()).isEqualTo(40403);

        Answer invalid =
                call(
                        "POST",
                        "/subjects/" + subject + "/versions",
                        schemaBody("{\"type\":\"nope\"}"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42201);

        Answer badVersion = call("GET", "/subjects/" + subject + "/versions/zero", null);
        assertThat(badVersion.status()).isEqualTo(422);
        assertThat(badVersion.errorCode()).isEqualTo(42202);

        Answer badLevel = call("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}");
        assertThat(badLevel.status()).isEqualTo(422);
        assertThat(badLevel.errorCode()).isEqualTo(42203);
        assertThat(call("PUT", "/config/" + subject, "{\"compatibility\":\"x\"}").errorCode())
                .isEqualTo(42203);

        Answer malformed = call("POST", "/subjects/" + subject + "/versions", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void incompatibleChangeRefusedUnderBackwardAcceptedUnderNone() throws Exception {
        String subject = prefix + "reading-value";
        int v1 = client.register(subject, V1);

        Answer refused =
                call("POST", "/subjects/" + subject + "/versions", schemaBody(V2_NO_DEFAULT));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).contains("incompatible");
        assertThatThrownBy(() -> client.register(subject, V2_NO_DEFAULT))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(409);
                            assertThat(e.errorCode()).isEqualTo(409);
                        });
        CompatibilityResult check = client.testCompatibility(subject, V2_NO_DEFAULT);
        assertThat(check.compatible()).isFalse();
        assertThat(check.messages()).isNotEmpty();

        assertThat(client.setSubjectCompatibility(subject, CompatibilityLevel.NONE))
                .isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.testCompatibility(subject, V2_NO_DEFAULT).compatible()).isTrue();
        int v2 = client.register(subject, V2_NO_DEFAULT);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(client.getVersions(subject)).containsExactly(1, 2);
        assertThat(client.getLatestVersion(subject).id()).isEqualTo(v2);
        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void globalLevelAppliesWhereNoSubjectLevelIsSet() {
        String subject = prefix + "s";
        client.register(subject, V1);
        try {
            assertThat(client.setGlobalCompatibility(CompatibilityLevel.FORWARD))
                    .isEqualTo(CompatibilityLevel.FORWARD);
            assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FORWARD);
            // Under FORWARD a new field without default is fine, a removed one is not.
            assertThat(client.testCompatibility(subject, V2_NO_DEFAULT).compatible()).isTrue();
            assertThat(client.getSubjectCompatibility(subject)).isEmpty();
        } finally {
            client.setGlobalCompatibility(CompatibilityLevel.BACKWARD);
        }
    }

    @Test
    void theSameSchemaGetsTheSameIdEverywhere() {
        int first = client.register(prefix + "a", V1);
        int second = client.register(prefix + "a", V1);
        int otherSubject = client.register(prefix + "b", V1);
        RegisteredSchema lookedUp = client.lookup(prefix + "b", V1);

        assertThat(second).isEqualTo(first);
        assertThat(otherSubject).isEqualTo(first);
        assertThat(lookedUp.version()).isEqualTo(1);
        assertThat(client.getVersions(prefix + "a")).containsExactly(1);
        assertThat(client.getSchemaById(first)).isEqualTo(TestSchemas.parse(V1).toString());
    }

    @Test
    void subjectsWithSpacesAndNonAsciiCharactersWork() {
        String subject = prefix + "a subject \u00fc:1";

        int id = client.register(subject, V1);

        assertThat(client.getSubjects()).contains(subject);
        assertThat(client.getLatestVersion(subject).subject()).isEqualTo(subject);
        assertThat(client.lookup(subject, V1).id()).isEqualTo(id);
        String withDoc =
                V1.replace("\"name\":\"id\",", "\"name\":\"id\",\"doc\":\"\u00b5g/dL \u2264 5\",");
        int docId = client.register(prefix + "doc", withDoc);
        SchemaRegistryClient fresh = SchemaRegistryClient.create(registry.url());
        assertThat(fresh.getAvroSchemaById(docId).getField("id").doc())
                .isEqualTo("\u00b5g/dL \u2264 5");
    }

    @Test
    void concurrentRegistrationsGetDistinctIdsAndConsecutiveVersions() throws Exception {
        // Each schema renames the record, which only NONE accepts.
        client.setSubjectCompatibility(prefix + "shared", CompatibilityLevel.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String schema = V1.replace("Reading", "Reading" + i);
                ids.add(pool.submit(() -> client.register(prefix + "shared", schema)));
            }
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).hasSize(12);
        } finally {
            pool.shutdownNow();
        }
        assertThat(client.getVersions(prefix + "shared"))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void idsVersionsAndConfigSurviveARegistryRestart() {
        String subject = prefix + "reading-value";
        int v1 = client.register(subject, V1);
        int v2 = client.register(subject, V2_WITH_DEFAULT);
        client.setSubjectCompatibility(subject, CompatibilityLevel.FULL);

        registry.close();
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        SchemaRegistryClient fresh = SchemaRegistryClient.create(registry.url());

        assertThat(fresh.getVersion(subject, 1).id()).isEqualTo(v1);
        assertThat(fresh.getLatestVersion(subject).id()).isEqualTo(v2);
        assertThat(fresh.getLatestVersion(subject).version()).isEqualTo(2);
        assertThat(fresh.register(subject, V1)).isEqualTo(v1);
        assertThat(fresh.getSubjectCompatibility(subject)).contains(CompatibilityLevel.FULL);
        assertThat(fresh.getSchemaById(v2))
                .isEqualTo(TestSchemas.parse(V2_WITH_DEFAULT).toString());
        int next = fresh.register(prefix + "other", ID_AS_INT);
        assertThat(next).isGreaterThan(Math.max(v1, v2));
    }

    @Test
    void theLogTopicIsCompactedWithOnePartition() throws Exception {
        client.register(prefix + "s", V1);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            TopicDescription topic =
                    admin.describeTopics(List.of("_schemas")).allTopicNames().get().get("_schemas");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(topic.partitions()).hasSize(1);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void idsSurviveABrokerRestartOnTheSameDataDirectory(@TempDir Path ownBrokerDir) {
        String subject = "restart-value";
        int v1;
        int v2;
        try (EmbeddedKafka broker = EmbeddedKafka.start(ownBrokerDir);
                EmbeddedSchemaRegistry first =
                        EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            SchemaRegistryClient c = SchemaRegistryClient.create(first.url());
            v1 = c.register(subject, V1);
            v2 = c.register("other-value", ID_AS_INT);
            c.setGlobalCompatibility(CompatibilityLevel.FULL_TRANSITIVE);
        }
        try (EmbeddedKafka broker = EmbeddedKafka.start(ownBrokerDir);
                EmbeddedSchemaRegistry second =
                        EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            SchemaRegistryClient c = SchemaRegistryClient.create(second.url());

            assertThat(c.getSubjects()).containsExactly("other-value", "restart-value");
            assertThat(c.lookup(subject, V1).id()).isEqualTo(v1);
            assertThat(c.getLatestVersion("other-value").id()).isEqualTo(v2);
            assertThat(c.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
            assertThat(c.register("third-value", V2_WITH_DEFAULT)).isEqualTo(Math.max(v1, v2) + 1);
        }
    }

    @Test
    void startsQuicklyOnAnExistingLog() {
        client.register(prefix + "s", V1);
        registry.close();
        long started = System.nanoTime();
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("registry restart took %d ms%n", millis);
        assertThat(Duration.ofMillis(millis)).isLessThan(Duration.ofSeconds(5));
    }
}
