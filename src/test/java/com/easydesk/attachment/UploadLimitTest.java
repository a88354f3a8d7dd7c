package com.easydesk.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload limit over real HTTP, where the servlet container parses the upload (tests run with a 3 MB
 * limit). Whichever way the form is sent, a file over the limit answers a 413 page naming the limit, and
 * nothing of the request is stored.
 */
@IntegrationTest
class UploadLimitTest {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Path UPLOADS_IN_PROGRESS = Path.of("target", "test-files", "tmp");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Person contact;
    Task task;
    HttpClient browser;

    @BeforeEach
    void setUp() throws Exception {
        Person employee = fixtures.staff(Role.EMPLOYEE);
        contact = fixtures.contact(fixtures.client());
        task = fixtures.task(contact, fixtures.category(employee));
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn();
    }

    @Test
    void oversizedFileFromTheScriptedFormGetsTheLimitPageAndNothingIsStored() throws Exception {
        String token = pageToken();

        HttpResponse<String> response = postReply(Map.of(), Map.of("X-CSRF-TOKEN", token), 4);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Файл слишком большой", "Один файл — не больше 3,0 МБ.");
        assertNothingStored();
    }

    @Test
    void oversizedFileFromHtmxGetsTheLimitPage() throws Exception {
        String token = pageToken();

        HttpResponse<String> response = postReply(Map.of(), Map.of("X-CSRF-TOKEN", token, "HX-Request", "true"),
                4);

        assertThat(response.statusCode()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void oversizedFileFromAFormWithoutScriptGetsTheLimitPageToo() throws Exception {
        String token = pageToken();

        HttpResponse<String> response = postReply(Map.of("_csrf", token), Map.of(), 4);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Один файл — не больше 3,0 МБ.", "navbar");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertNothingStored();
    }

    @Test
    void fileJustUnderTheLimitIsAccepted() throws Exception {
        String token = pageToken();

        HttpResponse<String> response = postReply(Map.of("_csrf", token), Map.of(), 2);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from attachment where task_id = :task")).isEqualTo(1);
    }

    private void assertNothingStored() throws IOException {
        assertThat(count("select count(*) from message where task_id = :task")).isZero();
        assertThat(count("select count(*) from attachment where task_id = :task")).isZero();
        try (Stream<Path> partial = Files.walk(UPLOADS_IN_PROGRESS)) {
            assertThat(partial.filter(Files::isRegularFile).filter(file -> !file.endsWith(".lock"))).isEmpty();
        }
    }

    private void signIn() throws Exception {
        String login = get("/login").body();
        String form = "username=" + encode(contact.getEmail()) + "&password=" + encode(Fixtures.PASSWORD)
                + "&_csrf=" + encode(find(HIDDEN_TOKEN, login));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
    }

    private String pageToken() throws Exception {
        HttpResponse<String> page = get("/tasks/" + task.getNumber());
        assertThat(page.statusCode()).isEqualTo(200);
        return find(META_TOKEN, page.body());
    }

    /** A reply with a file of this many megabytes; the form fields come first, as browsers send them. */
    private HttpResponse<String> postReply(Map<String, String> fields, Map<String, String> headers, int megabytes)
            throws Exception {
        String boundary = "----easydesk" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("body", "Слишком большой файл");
        for (Map.Entry<String, String> field : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"запись.mov\""
                + "\r\nContent-Type: video/quicktime\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[megabytes * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/tasks/" + task.getNumber() + "/messages"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Map.of("task", task.getId()), Long.class);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("token in the page").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
