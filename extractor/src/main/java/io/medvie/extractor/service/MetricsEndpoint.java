package io.medvie.extractor.service;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A service's Prometheus registry (JVM memory bound) and its {@code /metrics} (Prometheus text
 * format) and {@code /health} on the JDK's HTTP server: the extractor's and the trainer's metrics
 * both extend it.
 */
public abstract class MetricsEndpoint implements AutoCloseable {
    protected final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private HttpServer http;

    protected MetricsEndpoint() {
        new JvmMemoryMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** Serves {@code /metrics} and {@code /health} on the given host (port 0: a free one). */
    public int serve(String host, int port) throws IOException {
        http = start(host, port, this::scrape);
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        registry.close();
    }

    /**
     * Starts serving on {@code host:port} (0: a free port).
     *
     * @param scrape the registry's current text, read on each request
     * @return the running server: its port, and {@code stop(0)} to close it
     */
    static HttpServer start(String host, int port, Supplier<String> scrape) throws IOException {
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
