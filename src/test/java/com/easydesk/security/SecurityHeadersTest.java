package com.easydesk.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.easydesk.client.Client;
import com.easydesk.message.Message;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.search.SearchIndex;
import com.easydesk.security.Mappings.Mapping;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every answer carries the security headers (docs/security.md, "Headers and cookies"): every endpoint found
 * in the request mappings, signed in as someone it serves and anonymously, plus what only the servlet
 * container answers (error pages, static files, file bytes, a refused upload) over real HTTP; and the
 * cookies carry their attributes, Secure once the request came over HTTPS through the proxy.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    WebInvocationPrivilegeEvaluator urlRules;

    @Autowired
    UserDetailsService signIn;

    @Autowired
    SearchIndex searchIndex;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @LocalServerPort
    int port;

    List<Person> people;
    Person contact;
    Task task;

    @BeforeAll
    void people() {
        Client client = fixtures.client();
        contact = fixtures.contact(client);
        Person employee = fixtures.staff(Role.EMPLOYEE);
        people = List.of(fixtures.staff(Role.DIRECTOR), fixtures.staff(Role.MANAGER), employee,
                fixtures.supervisor(client), contact);
        task = fixtures.task(contact, fixtures.category(employee), Fixtures.file("договор.html",
                "<script>alert(1)</script>"));
    }

    Stream<Mapping> mappings() {
        return Mappings.of(handlerMapping).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappings")
    void everyEndpointAnswersSomeoneItServesWithTheHeaders(Mapping mapping) throws Exception {
        Person person = Mappings.allowedOf(mapping, people, urlRules, signIn);
        assertThat(person).as(mapping + ": nobody of " + people + " may use it").isNotNull();

        MockHttpServletRequestBuilder request = request(mapping.httpMethod(), mapping.uriNamingNothing())
                .with(fixtures.as(person));
        if (mapping.changesState()) {
            request.with(csrf());
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        assertSecurityHeaders(mapping + " as " + person.getRole(), response::getHeader);
        awaitSearchIndex();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappings")
    void everyEndpointAnswersAnonymousVisitorsWithTheHeaders(Mapping mapping) throws Exception {
        MockHttpServletRequestBuilder request = request(mapping.httpMethod(), mapping.uriNamingNothing());
        if (mapping.changesState()) {
            request.with(csrf());
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        assertSecurityHeaders(mapping + " anonymously", response::getHeader);
    }

    /** What Tomcat answers itself or through the error page: as a browser meets it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/no-such-page", "/tasks/999999999", "/tasks/x/y/z", "/error", "/css/app.css",
        "/js/app.js", "/favicon.svg", "/webjars/htmx.org/dist/htmx.min.js", "/css/missing.css", "/login",
        "/actuator/health" })
    void pagesErrorsAndStaticFilesOverHttpCarryTheHeaders(String path) {
        WebClient browser = new WebClient(port);
        browser.signIn(contact.getEmail(), Fixtures.PASSWORD);

        HttpResponse<String> response = browser.get(path);

        assertSecurityHeaders("GET " + path + " over HTTP (" + response.statusCode() + ")",
                name -> response.headers().firstValue(name).orElse(null));
    }

    @Test
    void fileBytesThumbnailsAndZipsCarryTheHeadersAndCannotRunScript() throws Exception {
        Person employee = people.get(2);
        Message message = fixtures.message(employee, task, "Фото", false,
                Fixtures.file("фото.png", image(), "image/png"));
        long html = fileId(task, "договор.html");
        long png = fileId(task, "фото.png");
        await().until(() -> "READY".equals(jdbc.queryForObject("select t.state from thumbnail t join attachment a "
                + "on a.sha256 = t.sha256 where a.id = :id", Map.of("id", png), String.class)));
        WebClient browser = new WebClient(port);
        browser.signIn(contact.getEmail(), Fixtures.PASSWORD);
        String files = "/tasks/" + task.getNumber() + "/files/";

        for (String path : List.of(files + html, files + html + "/content", files + html + "/view",
                files + png + "/content", files + png + "/thumbnail",
                "/tasks/" + task.getNumber() + "/description/files.zip",
                "/tasks/" + task.getNumber() + "/messages/" + message.getId() + "/files.zip")) {
            HttpResponse<String> response = browser.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders("GET " + path, name -> response.headers().firstValue(name).orElse(null));
        }
    }

    @Test
    void aRefusedUploadCarriesTheHeaders() {
        WebClient browser = new WebClient(port);
        browser.signIn(contact.getEmail(), Fixtures.PASSWORD);
        String token = browser.token("/tasks/" + task.getNumber());

        HttpResponse<String> response = browser.upload("/tasks/" + task.getNumber() + "/messages", token,
                "большой.bin", new byte[4 * 1024 * 1024]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertSecurityHeaders("an upload over the limit", name -> response.headers().firstValue(name).orElse(null));
    }

    @Test
    void overPlainHttpTheCookiesAreHttpOnlyAndLaxButNotSecure() {
        WebClient browser = new WebClient(port);
        browser.get("/login");

        HttpResponse<String> signedIn = browser.signIn(contact.getEmail(), Fixtures.PASSWORD);

        String session = WebClient.setCookie(signedIn, "JSESSIONID").orElseThrow();
        String language = WebClient.setCookie(signedIn, "easydesk-lang").orElseThrow();
        for (String cookie : List.of(session, language)) {
            assertThat(WebClient.attributes(cookie)).as(cookie).contains("httponly", "samesite=lax")
                    .doesNotContain("secure");
        }
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void overHttpsThroughTheProxyTheCookiesAreSecureAndHstsIsSent() {
        WebClient browser = new WebClient(port).always("X-Forwarded-Proto", "https");
        browser.get("/login");

        HttpResponse<String> signedIn = browser.signIn(contact.getEmail(), Fixtures.PASSWORD);
        HttpResponse<String> switched = browser.get("/tasks?lang=en");

        String session = WebClient.setCookie(signedIn, "JSESSIONID").orElseThrow();
        String language = WebClient.setCookie(switched, "easydesk-lang").orElseThrow();
        for (String cookie : List.of(session, language)) {
            assertThat(WebClient.attributes(cookie)).as(cookie).contains("httponly", "samesite=lax", "secure");
        }
        assertThat(switched.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void everyCookieSetOnTheWayInAndOutIsHttpOnlyAndLax() {
        WebClient browser = new WebClient(port);

        HttpResponse<String> page = browser.get("/login?lang=en");
        HttpResponse<String> signedIn = browser.signIn(contact.getEmail(), Fixtures.PASSWORD);
        HttpResponse<String> tasks = browser.get("/tasks?lang=ru");
        HttpResponse<String> signedOut = browser.submit("/tasks", "/logout", Map.of());

        List<String> cookies = Stream.of(page, signedIn, tasks, signedOut)
                .flatMap(response -> response.headers().allValues("Set-Cookie").stream()).toList();
        assertThat(cookies).extracting(cookie -> cookie.substring(0, cookie.indexOf('=')))
                .contains("JSESSIONID", "easydesk-lang");
        for (String cookie : cookies) {
            assertThat(WebClient.attributes(cookie)).as(cookie).contains("httponly", "samesite=lax");
        }
    }

    /** The headers of docs/security.md; a file's own bytes keep their sandbox policy, framed by the file page. */
    static void assertSecurityHeaders(String what, java.util.function.Function<String, String> header) {
        String policy = header.apply("Content-Security-Policy");
        assertThat(policy).as(what + ": Content-Security-Policy").isNotNull();
        Map<String, String> directives = Arrays.stream(policy.split(";")).map(String::trim)
                .filter(directive -> !directive.isEmpty())
                .collect(Collectors.toMap(directive -> directive.split("\\s+", 2)[0],
                        directive -> directive.contains(" ") ? directive.split("\\s+", 2)[1] : ""));
        String scripts = Optional.ofNullable(directives.get("script-src")).orElse(directives.get("default-src"));
        assertThat(scripts).as(what + ": scripts are limited").isNotNull()
                .doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*");
        String framing = directives.containsKey("sandbox") ? "'self'" : "'none'";
        assertThat(directives.get("frame-ancestors")).as(what + ": frame-ancestors").isEqualTo(framing);
        assertThat(header.apply("X-Content-Type-Options")).as(what + ": X-Content-Type-Options").isEqualTo("nosniff");
        assertThat(header.apply("Referrer-Policy")).as(what + ": Referrer-Policy").isEqualTo("same-origin");
        assertThat(header.apply("X-Frame-Options")).as(what + ": X-Frame-Options").isEqualTo("DENY");
    }

    private long fileId(Task owner, String name) {
        return jdbc.queryForObject("select id from attachment where task_id = :task and file_name = :name",
                Map.of("task", owner.getId(), "name", name), Long.class);
    }

    private void awaitSearchIndex() {
        await().until(() -> !searchIndex.rebuilding());
    }

    private static byte[] image() throws IOException {
        var picture = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(1, 1, (int) System.nanoTime() & 0xffffff);
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", bytes);
        return bytes.toByteArray();
    }
}
