package io.medvie.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link SchemaRegistryClient}, with the keys Confluent's clients use so that the same
 * producer/consumer properties work with either.
 *
 * @param urls registry base URLs, tried in order when one cannot be reached
 * @param authorization the {@code Authorization} header value to send, if any
 * @param requestTimeout timeout of one HTTP request
 */
public record SchemaRegistryClientConfig(
        List<URI> urls, Optional<String> authorization, Duration requestTimeout) {

    /** Comma-separated base URLs, for example {@code http://localhost:8081}. Required. */
    public static final String URL = "schema.registry.url";

    /** {@code USER_INFO} (default: take {@link #BASIC_AUTH_USER_INFO}) or {@code URL}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

    /** {@code user:password} for HTTP basic auth. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    /** A static bearer token, sent as {@code Authorization: Bearer <token>}. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";

    /** Timeout of one HTTP request in milliseconds (medvie's key; default 10000). */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    public SchemaRegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException(URL, "", "at least one registry URL is required");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new ConfigException(
                    REQUEST_TIMEOUT_MS, requestTimeout.toMillis(), "must be positive");
        }
    }

    /** One registry, no auth, default timeout. */
    public static SchemaRegistryClientConfig of(String url) {
        return fromMap(Map.of(URL, url));
    }

    /**
     * Reads the settings from producer/consumer style properties; unknown keys are ignored.
     *
     * @throws ConfigException naming the setting and the reason when a value is missing or bad
     */
    public static SchemaRegistryClientConfig fromMap(Map<String, ?> props) {
        Object rawUrls = props.get(URL);
        if (rawUrls == null || rawUrls.toString().isBlank()) {
            throw new ConfigException(
                    URL, rawUrls, "is required, for example http://localhost:8081");
        }
        List<URI> urls = new ArrayList<>();
        String userInfoFromUrl = null;
        for (String part : rawUrls.toString().split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri = parseUrl(trimmed);
            if (uri.getUserInfo() != null) {
                userInfoFromUrl = uri.getUserInfo();
            }
            urls.add(normalized(uri));
        }

        String source =
                string(props, BASIC_AUTH_CREDENTIALS_SOURCE)
                        .map(s -> s.toUpperCase(Locale.ROOT))
                        .orElse("USER_INFO");
        String userInfo =
                switch (source) {
                    case "USER_INFO" -> string(props, BASIC_AUTH_USER_INFO).orElse(null);
                    case "URL" -> {
                        if (userInfoFromUrl == null) {
                            throw new ConfigException(
                                    BASIC_AUTH_CREDENTIALS_SOURCE,
                                    source,
                                    "is URL but " + URL + " carries no user info");
                        }
                        yield userInfoFromUrl;
                    }
                    default ->
                            throw new ConfigException(
                                    BASIC_AUTH_CREDENTIALS_SOURCE,
                                    source,
                                    "must be USER_INFO or URL");
                };
        Optional<String> bearer = string(props, BEARER_AUTH_TOKEN);
        Optional<String> authorization;
        if (userInfo != null && bearer.isPresent()) {
            throw new ConfigException(
                    BEARER_AUTH_TOKEN,
                    "(hidden)",
                    "cannot be combined with basic auth; set only one of "
                            + BASIC_AUTH_USER_INFO
                            + " and "
                            + BEARER_AUTH_TOKEN);
        } else if (userInfo != null) {
            if (!userInfo.contains(":")) {
                // The value is a secret: never echo it.
                throw new ConfigException(
                        BASIC_AUTH_USER_INFO, "(hidden)", "must have the form user:password");
            }
            authorization =
                    Optional.of(
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    userInfo.getBytes(StandardCharsets.UTF_8)));
        } else {
            authorization = bearer.map(token -> "Bearer " + token);
        }

        Duration timeout = Duration.ofSeconds(10);
        Optional<String> rawTimeout = string(props, REQUEST_TIMEOUT_MS);
        if (rawTimeout.isPresent()) {
            try {
                timeout = Duration.ofMillis(Long.parseLong(rawTimeout.get()));
            } catch (NumberFormatException e) {
                throw new ConfigException(
                        REQUEST_TIMEOUT_MS, rawTimeout.get(), "must be a number of milliseconds");
            }
        }
        return new SchemaRegistryClientConfig(urls, authorization, timeout);
    }

    private static URI parseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException(URL, url, "is not a URL: " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigException(URL, url, "must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new ConfigException(URL, url, "has no host");
        }
        return uri;
    }

    /** Drops user info, query and trailing slashes: paths are appended to what is left. */
    private static URI normalized(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(uri.getScheme() + "://" + hostAndPort(uri) + path);
        } catch (URISyntaxException e) {
            throw new ConfigException(URL, uri.getHost(), "is not a URL: " + e.getReason());
        }
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static Optional<String> string(Map<String, ?> props, String key) {
        Object value = props.get(key);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.toString().trim());
    }

    @Override
    public String toString() {
        // Never print the credentials.
        return "SchemaRegistryClientConfig[urls="
                + urls
                + ", authorization="
                + authorization.map(a -> a.substring(0, a.indexOf(' ')) + " ***").orElse("none")
                + ", requestTimeout="
                + requestTimeout
                + "]";
    }
}
