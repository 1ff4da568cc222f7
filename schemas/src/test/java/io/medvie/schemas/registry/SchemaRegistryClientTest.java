package io.medvie.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's HTTP side against a scripted stand-in for a remote registry (the JDK's HTTP server):
 * headers, error bodies, failover and caching. Registry semantics are tested against real
 * registries in the ITs.
 */
class SchemaRegistryClientTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        requests.add(request);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        exchange.getRequestBody().readAllBytes();
        Map.Entry<Integer, String> answer =
                switch (request) {
                    case "GET /schemas/ids/7" -> Map.entry(200, "{\"schema\":\"\\\"string\\\"\"}");
                    case "GET /schemas/ids/8" ->
                            Map.entry(
                                    404,
                                    "{\"error_code\":40403,\"message\":\"Schema 8 not found\"}");
                    case "GET /schemas/ids/9" -> Map.entry(502, "<html>Bad gateway</html>");
                    case "POST /subjects/a%20b%2Fc/versions" -> Map.entry(200, "{\"id\":3}");
                    case "GET /config/s" ->
                            Map.entry(
                                    404,
                                    "{\"error_code\":40408,\"message\":\"Subject 's' does not have"
                                            + " subject-level compatibility configured\"}");
                    case "GET /config" -> Map.entry(200, "{\"compatibilityLevel\":\"FULL\"}");
                    default -> Map.entry(404, "{\"error_code\":404,\"message\":\"HTTP 404\"}");
                };
        byte[] body = answer.getValue().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", SchemaRegistryClient.MEDIA_TYPE);
        exchange.sendResponseHeaders(answer.getKey(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void cachesSchemasById() {
        SchemaRegistryClient client = SchemaRegistryClient.create(url);

        assertThat(client.getSchemaById(7)).isEqualTo("\"string\"");
        assertThat(client.getAvroSchemaById(7).getType())
                .isEqualTo(org.apache.avro.Schema.Type.STRING);
        assertThat(client.getSchemaById(7)).isEqualTo("\"string\"");

        assertThat(requests).containsExactly("GET /schemas/ids/7");
    }

    @Test
    void cachesRegistrationsAndEncodesSubjects() {
        SchemaRegistryClient client = SchemaRegistryClient.create(url);

        assertThat(client.register("a b/c", "\"string\"")).isEqualTo(3);
        assertThat(client.register("a b/c", "\"string\"")).isEqualTo(3);

        assertThat(requests).containsExactly("POST /subjects/a%20b%2Fc/versions");
        assertThat(contentTypes).containsExactly(SchemaRegistryClient.MEDIA_TYPE);
    }

    @Test
    void confluentErrorBodiesBecomeTypedExceptions() {
        SchemaRegistryClient client = SchemaRegistryClient.create(url);

        assertThatThrownBy(() -> client.getSchemaById(8))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(404);
                            assertThat(e.errorCode()).isEqualTo(40403);
                            assertThat(e.registryMessage()).isEqualTo("Schema 8 not found");
                        });
    }

    @Test
    void otherErrorBodiesKeepTheStatusAsCode() {
        SchemaRegistryClient client = SchemaRegistryClient.create(url);

        assertThatThrownBy(() -> client.getSchemaById(9))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(502);
                            assertThat(e.errorCode()).isEqualTo(502);
                            assertThat(e.registryMessage()).contains("Bad gateway");
                        });
    }

    @Test
    void aSubjectWithoutItsOwnLevelIsEmpty() {
        SchemaRegistryClient client = SchemaRegistryClient.create(url);

        assertThat(client.getSubjectCompatibility("s")).isEmpty();
        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void sendsTheConfiguredAuthorization() {
        SchemaRegistryClient basic =
                new SchemaRegistryClient(
                        SchemaRegistryClientConfig.fromMap(
                                Map.of(
                                        "schema.registry.url",
                                        url,
                                        "basic.auth.user.info",
                                        "fred:pw")));
        SchemaRegistryClient bearer =
                new SchemaRegistryClient(
                        SchemaRegistryClientConfig.fromMap(
                                Map.of("schema.registry.url", url, "bearer.auth.token", "tok")));

        basic.getGlobalCompatibility();
        bearer.getGlobalCompatibility();
        SchemaRegistryClient.create(url).getGlobalCompatibility();

        assertThat(authorizations).containsExactly("Basic ZnJlZDpwdw==", "Bearer tok", "null");
    }

    @Test
    void failsOverToTheNextUrlWhenOneIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SchemaRegistryClient client =
                SchemaRegistryClient.create("http://127.0.0.1:" + closedPort + "," + url);

        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void anUnreachableRegistryIsNoResponse() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SchemaRegistryClient client = SchemaRegistryClient.create("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(client::getSubjects)
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e ->
                                assertThat(e.httpStatus())
                                        .isEqualTo(SchemaRegistryException.NO_RESPONSE))
                .hasMessageContaining("unreachable");
    }
}
