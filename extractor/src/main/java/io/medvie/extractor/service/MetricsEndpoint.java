package io.medvie.extractor.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A service's {@code /metrics} (Prometheus text format) and {@code /health} on the JDK's HTTP
 * server: the extractor's and the trainer's metrics both serve through it.
 */
public final class MetricsEndpoint {

    private MetricsEndpoint() {}

    /**
     * Starts serving on {@code host:port} (0: a free port).
     *
     * @param scrape the registry's current text, read on each request
     * @return the running server: its port, and {@code stop(0)} to close it
     */
    public static HttpServer start(String host, int port, Supplier<String> scrape)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        http.createContext(
                "/metrics",
                exchange -> {
                    byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        http.createContext(
                "/health",
                exchange -> {
                    byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        http.start();
        return http;
    }
}
