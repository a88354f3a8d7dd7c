package com.easydesk.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without a screen: real HTTP to the application's test port, through Tomcat, so that what only
 * the servlet container does (session cookies and their attributes, forwarded headers, error pages) is what
 * the test sees. It keeps cookies itself, Secure ones included, because it plays the proxy too.
 */
final class WebClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A header sent with every request from now on, as a proxy in front of the application would add it. */
    WebClient always(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with headers of its own besides those sent always, as htmx adds them to its requests. */
    HttpResponse<String> get(String path, Map<String, String> ownHeaders) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        ownHeaders.forEach(request::header);
        return send(request);
    }

    /** A form post with the CSRF token of the page the form is on. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token(formPage));
        return post(action, withToken);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A multipart post of one file, the token in the header as the page's script sends it. */
    HttpResponse<String> upload(String path, String token, String fileName, byte[] content) {
        String boundary = "----easydesk" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nфайл\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    HttpResponse<String> signIn(String email, String password) {
        return submit("/login", "/login", Map.of("username", email, "password", password));
    }

    String token(String page) {
        HttpResponse<String> response = get(page);
        Matcher matcher = TOKEN.matcher(response.body());
        assertThat(matcher.find()).as("a CSRF token on " + page + " (" + response.statusCode() + ")").isTrue();
        return matcher.group(1);
    }

    /** Another browser that holds this cookie, as someone who copied it would. */
    WebClient withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** The value this client holds for the cookie, or null. */
    String cookie(String name) {
        return cookies.get(name);
    }

    /** The whole Set-Cookie header of this response for the cookie, attributes included. */
    static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .findFirst();
    }

    static List<String> attributes(String setCookie) {
        return List.of(setCookie.split(";\\s*")).stream().skip(1).map(String::toLowerCase).toList();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return response;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals);
        String value = pair.substring(equals + 1);
        boolean removed = value.isEmpty() || attributes(setCookie).contains("max-age=0");
        if (removed) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
