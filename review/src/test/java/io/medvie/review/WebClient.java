package io.medvie.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user of the review UI over plain HTTP: keeps its session cookie, signs in through the real
 * form, and sends the CSRF token only when asked to.
 */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String cookie;
    String csrf;

    WebClient(String base) {
        this.base = base;
    }

    /** Signs in through the login form; returns the status of the form post. */
    int login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("login form without a CSRF token");
        }
        HttpResponse<String> posted =
                postForm(
                        "/login",
                        Map.of(
                                "username",
                                user,
                                "password",
                                password,
                                "_csrf",
                                m.group(1),
                                "next",
                                "/"));
        if (posted.statusCode() == 303) {
            csrf = json(get("/api/session")).get("csrf").asText();
        }
        return posted.statusCode();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A JSON post with the session's CSRF token. */
    HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return post(path, body, csrf);
    }

    /** A JSON post with the given token (null: none). */
    HttpResponse<String> post(String path, Object body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        body == null ? "" : JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        return send(b);
    }

    HttpResponse<String> postForm(String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String encoded =
                new LinkedHashMap<>(form)
                        .entrySet().stream()
                                .map(
                                        e ->
                                                URLEncoder.encode(
                                                                e.getKey(), StandardCharsets.UTF_8)
                                                        + "="
                                                        + URLEncoder.encode(
                                                                e.getValue(),
                                                                StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b)
            throws IOException, InterruptedException {
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        response.headers()
                .allValues("Set-Cookie")
                .forEach(
                        c -> {
                            String pair = c.split(";", 2)[0];
                            if (pair.startsWith("medvie_review=")) {
                                cookie = pair.endsWith("=") ? null : pair;
                            }
                        });
        return response;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
