package com.easydesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser session against a running EasyDesk over real HTTP: the session cookie, the CSRF token
 * of the session, forms posted as a browser without script posts them (so success is a redirect). Redirects
 * are not followed, so a test sees each answer as it came.
 */
public final class WebSession {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** What a browser asks for; without it, Spring Boot answers errors in JSON instead of the error page. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http;
    private final String baseUrl;
    private String csrf;

    private WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in through the sign-in form; fails when the application refuses the password. */
    public static WebSession signIn(String baseUrl, String email, String password) {
        var session = new WebSession(baseUrl);
        session.csrf = token(session.get("/login").body());
        Answer signedIn = session.postForm("/login", Map.of("username", email, "password", password));
        if (signedIn.status() != 302 || signedIn.location().orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in of " + email + " refused: " + signedIn.status() + " "
                    + signedIn.location().orElse(""));
        }
        session.csrf = token(session.get("/tasks/new").body());
        return session;
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts a form with the session's CSRF token added. */
    public Answer postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + encode(csrf);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Posts a multipart body built by the caller (which includes {@link #csrf()}). */
    public Answer postMultipart(String path, String boundary, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(body));
    }

    public String csrf() {
        return csrf;
    }

    private Answer send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).header("Accept", BROWSER_ACCEPT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location"),
                    System.nanoTime() - started, null);
        } catch (IOException failure) {
            return new Answer(0, "", Optional.empty(), System.nanoTime() - started, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String token(String page) {
        for (Pattern pattern : new Pattern[] { META_TOKEN, HIDDEN_TOKEN }) {
            Matcher matcher = pattern.matcher(page);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("No CSRF token in the page");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * One answer: the status (0 when the connection failed), the page, where a redirect points, and how long
     * it took.
     *
     * @param failure the I/O failure when no answer came
     */
    public record Answer(int status, String body, Optional<String> location, long nanos, IOException failure) {

        public boolean isRedirectTo(String prefix) {
            return status == 302 && location.map(where -> where.replaceFirst("^https?://[^/]+", ""))
                    .filter(where -> where.startsWith(prefix)).isPresent();
        }

        /** The last path segment of the redirect's target, e.g. the number of a new task. */
        public Optional<Long> redirectNumber() {
            return location.map(where -> where.replaceAll(".*/", "").replaceAll("[?#].*", ""))
                    .filter(last -> last.matches("\\d+")).map(Long::valueOf);
        }
    }
}
