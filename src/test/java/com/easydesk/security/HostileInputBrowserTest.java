package com.easydesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.HostilePayloads;
import com.easydesk.support.HostilePayloads.Payload;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.ScriptWatch;
import com.easydesk.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stored XSS is impossible through any field or file name (DESIGN.md §5). Every payload of
 * {@link HostilePayloads} goes, through the application's own forms, into every field a person types: task
 * title and description, public and internal messages, file names, checklist items and templates, category,
 * status, company and person names and details, routing rule names, search queries. Then every page that
 * shows them is opened in a real Chromium, for staff and for the client, with the Content-Security-Policy
 * switched off ({@link ScriptWatch}): nothing may run, no markup may get through, template expressions read
 * as typed, and every e-mail about them is plain text holding the text as typed.
 *
 * <p>One set of data serves every test, one browser serves them all, and each page holds many payloads.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputBrowserTest {

    private static final List<Payload> PAYLOADS = HostilePayloads.all();
    /** A word in every hostile name and title, so lists and search can be narrowed to this test's data. */
    private static final String TAG = "xss" + UUID.randomUUID().toString().substring(0, 6);
    /** Names of people, companies, categories, templates and rules: as many payloads as 200 characters hold. */
    private static final List<String> NAMES = packed(200, " ");
    private static final List<String> TITLES = packed(300, " ");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Person director;
    Person employee;
    Person supervisor;
    long company;
    long digest;
    long derived;
    final List<Long> clients = new ArrayList<>();
    final List<Long> categories = new ArrayList<>();
    final List<Long> statuses = new ArrayList<>();
    final List<Long> staff = new ArrayList<>();
    final List<Long> contacts = new ArrayList<>();
    final List<Long> templates = new ArrayList<>();
    final List<Long> rules = new ArrayList<>();
    final List<Long> tasks = new ArrayList<>();
    final List<String> people = new ArrayList<>();

    Browser browser;
    ScriptWatch watch;

    @BeforeAll
    void plantPayloadsEverywhere() throws Exception {
        director = fixtures.staff(Role.DIRECTOR);
        employee = fixtures.staff(Role.EMPLOYEE);
        Client client = fixtures.client();
        company = client.getId();
        supervisor = fixtures.supervisor(client);
        people.addAll(List.of(director.getEmail(), employee.getEmail(), supervisor.getEmail()));

        send(director, post("/clients/{id}", company).param("name", NAMES.get(0))
                .param("legalAddress", packed(500, " ").get(0)).param("timeZone", "Europe/Moscow")
                .param("notes", HostilePayloads.joined()));
        for (Person person : List.of(director, employee, supervisor)) {
            send(person, post("/profile").param("fullName", NAMES.get(people.indexOf(person.getEmail()) + 1))
                    .param("timeZone", "Europe/Moscow").param("language", "RU").param("notifyMessages", "true")
                    .param("notifyStatusChanges", "true").param("notifyAssignments", "true"));
        }
        for (Payload payload : PAYLOADS) {
            send(director, post("/settings/statuses").param("name", payload.text()).param("kind", "ACTIVE")
                    .param("color", "INFO"));
            statuses.add(idOf("task_status", "name", payload.text().strip()));
        }
        for (int i = 0; i < NAMES.size(); i++) {
            plantSettings(i);
        }
        for (int i = 0; i < TITLES.size(); i++) {
            plantTask(i);
        }
        plantDigest();

        browser = new Browser(port, "hostile");
        watch = new ScriptWatch(browser);
        uploadHostileFileNames();
    }

    @AfterAll
    void putTheSettingsAway() throws Exception {
        // The database serves every test of the run: hostile statuses, categories and staff step aside.
        for (long id : statuses) {
            send(director, post("/settings/statuses/{id}/active", id).param("active", "false"));
        }
        for (long id : categories) {
            send(director, post("/categories/{id}/archive", id));
        }
        for (long id : rules) {
            send(director, post("/routing/{id}/delete", id));
        }
        for (long id : templates) {
            send(director, post("/settings/checklists/{id}/active", id).param("active", "false"));
        }
        for (long id : staff) {
            send(director, post("/staff/{id}/deactivate", id));
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theWatchNoticesScriptAndMarkupThatGetThrough() {
        browser.driver().get("data:text/html,<p>safe</p><img src=x onerror=top.__xss=1 data-xss>"
                + "<a href='javascript:alert(1)'>x</a>");
        browser.driver().executeAsyncScript("setTimeout(arguments[0], 200)");
        assertThat(watch.injections()).anyMatch(found -> found.contains("window.__xss"))
                .anyMatch(found -> found.contains("injected element"))
                .anyMatch(found -> found.contains("javascript:alert(1)"))
                .anyMatch(found -> found.contains("attribute onerror"));
    }

    @Test
    void staffPagesShowEveryPayloadAsText() {
        signIn(director);
        watch.open("/tasks");
        for (int i = 0; i < tasks.size(); i++) {
            watch.open("/tasks/" + tasks.get(i));
            // Template expressions read as typed: nothing on the server evaluated them.
            assertThat(text("#task-title")).isEqualTo(flat(TITLES.get(i)));
            assertThat(flat(browser.driver().getTitle())).contains(flat(TITLES.get(i)));
        }
        watch.open("/tasks/" + digest);
        watch.open("/tasks/" + derived);
        watch.open("/tasks/new?from=" + firstMessageOf(digest));
        assertThat(browser.find("#description").getDomProperty("value")).isEqualTo(text(0));

        for (int page = 0; page <= NAMES.size() / 25; page++) {
            watch.open("/clients?q=" + TAG + "&page=" + page);
            watch.open("/staff?q=" + TAG + "&page=" + page);
        }
        watch.open("/clients/" + company);
        watch.open("/clients/" + company + "/edit");
        for (int i = 0; i < NAMES.size(); i++) {
            watch.open("/clients/" + clients.get(i));
            watch.open("/clients/" + clients.get(i) + "/edit");
            watch.open("/clients/" + company + "/contacts/" + contacts.get(i) + "/edit");
            watch.open("/categories/" + categories.get(i) + "/edit");
            assertThat(flat(browser.find("#name").getDomProperty("value"))).isEqualTo(flat(NAMES.get(i)));
            watch.open("/staff/" + staff.get(i) + "/edit");
            watch.open("/routing/" + rules.get(i));
        }
        watch.open("/categories");
        watch.open("/settings/statuses");
        watch.open("/settings/checklists");
        watch.open("/routing");
        watch.open("/profile");
        assertThat(text("#user-menu")).isEqualTo(flat(NAMES.get(1)));
        assertThat(Path.of("xss")).as("a file the runtime-exec payload would make").doesNotExist();
    }

    @Test
    void theEmployeesQueueAndProfileShowEveryPayloadAsText() {
        signIn(employee);
        watch.open("/queue");
        watch.open("/profile");
        watch.open("/tasks/" + digest);
    }

    @Test
    void clientPagesShowEveryPayloadAsText() {
        signIn(supervisor);
        watch.open("/tasks");
        for (int i = 0; i < tasks.size(); i++) {
            watch.open("/tasks/" + tasks.get(i));
            assertThat(text("#task-title")).isEqualTo(flat(TITLES.get(i)));
        }
        watch.open("/tasks/" + digest);
        watch.open("/profile");
        watch.open("/search?q=" + TAG);
    }

    @Test
    void fileNamesAndTextPreviewsStayText() {
        signIn(employee);
        List<Long> files = jdbc.queryForList("select a.id from attachment a join task t on t.id = a.task_id"
                + " where t.number = ? order by a.id", Long.class, digest);
        assertThat(files).hasSizeGreaterThan(PAYLOADS.size());
        for (long id : files) {
            watch.open("/tasks/" + digest + "/files/" + id + "/view");
        }
        List<String> names = jdbc.queryForList("select a.file_name from attachment a join task t"
                + " on t.id = a.task_id where t.number = ?", String.class, digest);
        // Chromium sends a quote in a file name as %22; the name is kept as the server received it.
        assertThat(names).containsAll(PAYLOADS.stream().map(p -> p.fitsAFileName()
                ? fileName(p.text()).replace("\"", "%22") : storedName(fileName(p.text()))).toList());
    }

    @Test
    void searchShowsHitsAndQueriesAsText() {
        signIn(director);
        watch.open("/search?q=" + TAG);
        assertThat(browser.driver().findElements(By.cssSelector("#search-results .search-hit")))
                .hasSizeGreaterThanOrEqualTo(tasks.size());
        for (String query : packed(200, " ")) {
            watch.open("/search?q=" + encode(query));
        }

        watch.open("/tasks/" + digest);
        for (String query : packed(200, " ")) {
            liveSearch(query);
        }
        liveSearch(TAG);
        assertThat(browser.driver().findElements(By.cssSelector("#header-search-results .search-hit"))).isNotEmpty();
    }

    @Test
    void mailIsPlainTextWithThePayloadsAsTyped() throws Exception {
        // The outbox sends in the background: wait for the mail about the last message.
        browser.waiting().withTimeout(Duration.ofSeconds(60)).until(nothing -> hostileMail().stream()
                .map(HostileInputBrowserTest::body).anyMatch(body -> body.contains(TAG + " файлы")));
        List<MimeMessage> mails = hostileMail();
        assertThat(mails).hasSizeGreaterThan(NAMES.size() * 2);
        for (MimeMessage mail : mails) {
            assertThat(mail.getContentType()).as(mail.getSubject()).startsWith("text/plain");
            assertThat(mail.getContent()).isInstanceOf(String.class).isNotInstanceOf(Multipart.class);
        }
        String all = mails.stream().map(HostileInputBrowserTest::body).collect(Collectors.joining("\n"));
        for (Payload payload : PAYLOADS) {
            assertThat(all).as("the mail keeps the message as typed: %s", payload).contains(payload.text());
        }
        assertThat(all).contains(TITLES).doesNotContain(HostilePayloads.EVALUATED);
    }

    // Planting: every value goes in through the form a person would use.

    private void plantSettings(int i) throws Exception {
        String name = NAMES.get(i);
        List<String> shortOnes = PAYLOADS.stream().map(Payload::text).filter(text -> text.length() <= 50).toList();
        String phone = shortOnes.get(i % shortOnes.size());
        clients.add(idAfter(send(director, post("/clients").param("name", name).param("legalAddress", name)
                .param("notes", name).param("timeZone", "Europe/Moscow"))));
        send(director, post("/categories").param("name", name).param("description", name)
                .param("defaultResponsibleId", String.valueOf(employee.getId())));
        categories.add(idOf("category", "name", name));

        String staffEmail = Fixtures.email("xss-staff");
        send(director, post("/staff").param("fullName", name).param("email", staffEmail).param("phone", phone)
                .param("jobTitle", name).param("role", "EMPLOYEE").param("timeZone", "Europe/Moscow"));
        staff.add(idOf("person", "email", staffEmail));
        String contactEmail = Fixtures.email("xss-contact");
        send(director, post("/clients/{id}/contacts", company).param("fullName", name).param("email", contactEmail)
                .param("phone", phone).param("jobTitle", name));
        contacts.add(idOf("person", "email", contactEmail));
        people.addAll(List.of(staffEmail, contactEmail));

        send(director, post("/settings/checklists").param("name", name).param("steps", name));
        templates.add(idOf("checklist_template", "name", name));
        send(director, post("/routing").param("name", name).param("clientIds", String.valueOf(clients.get(i)))
                .param("timeCondition", "ANY").param("action", "ASSIGN")
                .param("employeeIds", String.valueOf(employee.getId())));
        rules.add(idOf("routing_rule", "name", name));
    }

    private void plantTask(int i) throws Exception {
        int some = i % NAMES.size();
        long number = idAfter(send(director, post("/tasks").param("title", TITLES.get(i))
                .param("description", TITLES.get(i)).param("categoryId", String.valueOf(categories.get(some)))
                .param("clientId", String.valueOf(company)).param("contactId", String.valueOf(contacts.get(some)))
                .param("responsibleId", String.valueOf(employee.getId()))
                .param("coExecutorId", String.valueOf(staff.get(some))).param("priority", "NORMAL")
                .param("submissionKey", UUID.randomUUID().toString())));
        tasks.add(number);
        send(director, post("/tasks/{n}/status", number).param("statusId", String.valueOf(statuses.get(i)))
                .param("version", String.valueOf(versionOf(number))));
    }

    /** One task whose description, conversation, checklist and files hold every payload. */
    private void plantDigest() throws Exception {
        digest = idAfter(send(supervisor, post("/tasks").param("title", TITLES.get(0))
                .param("description", HostilePayloads.joined()).param("categoryId", String.valueOf(categories.get(0)))
                .param("submissionKey", UUID.randomUUID().toString())));
        send(supervisor, post("/tasks/{n}/messages", digest).param("body", text(0))
                .param("submissionKey", UUID.randomUUID().toString()));
        for (String paragraphs : packed(1500, "\n\n")) {
            send(supervisor, post("/tasks/{n}/messages", digest).param("body", paragraphs)
                    .param("submissionKey", UUID.randomUUID().toString()));
        }
        for (String item : packed(500, " ")) {
            send(employee, post("/tasks/{n}/checklist/items", digest).param("text", item));
        }
        send(employee, post("/tasks/{n}/checklist/visibility", digest).param("visible", "true"));
        send(employee, post("/tasks/{n}/checklist/template", digest)
                .param("templateId", String.valueOf(templates.get(0))));
        send(employee, post("/tasks/{n}/messages", digest).param("body", HostilePayloads.joined())
                .param("internal", "true").param("submissionKey", UUID.randomUUID().toString()));

        MockMultipartHttpServletRequestBuilder upload = multipart("/tasks/{n}/messages", digest);
        for (Payload payload : PAYLOADS) {
            if (!payload.fitsAFileName()) {
                upload.file(new MockMultipartFile("files", fileName(payload.text()), "text/plain",
                        payload.text().getBytes(StandardCharsets.UTF_8)));
            }
        }
        upload.file(new MockMultipartFile("files", "все атаки.txt", "text/plain",
                HostilePayloads.joined().getBytes(StandardCharsets.UTF_8)));
        send(employee, upload.param("body", HostilePayloads.joined())
                .param("submissionKey", UUID.randomUUID().toString()));

        derived = idAfter(send(employee, post("/tasks").param("title", TITLES.get(1)).param("description", text(0))
                .param("fromMessageId", String.valueOf(firstMessageOf(digest)))
                .param("clientId", String.valueOf(company)).param("contactId", String.valueOf(supervisor.getId()))
                .param("responsibleId", String.valueOf(employee.getId())).param("priority", "NORMAL")
                .param("submissionKey", UUID.randomUUID().toString())));
    }

    /** File names a disk can hold go through the browser's own file picker, and show in its upload list. */
    private void uploadHostileFileNames() throws IOException {
        List<String> paths = new ArrayList<>();
        for (Payload payload : PAYLOADS) {
            if (payload.fitsAFileName()) {
                paths.add(browser.upload(fileName(payload.text()), "содержимое: " + payload.text()).toString());
            }
        }
        signIn(employee);
        watch.open("/tasks/" + digest);
        browser.find("#reply-files").sendKeys(String.join("\n", paths));
        watch.check("the reply form with the chosen files");
        browser.find("#body").sendKeys(TAG + " файлы");
        browser.click("#send-reply");
        browser.waiting().until(page -> page.findElements(By.cssSelector("#conversation .message-body")).stream()
                .anyMatch(body -> body.getText().contains(TAG + " файлы")));
        watch.check("the conversation after sending the files");
    }

    // Browser steps.

    private void signIn(Person person) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(person, Fixtures.PASSWORD, "sign-in");
    }

    /** Types the query into the header's search field and waits for the dropdown htmx fetches. */
    private void liveSearch(String query) {
        WebElement field = browser.find("#header-search");
        browser.driver().executeScript("var field = arguments[0];"
                + "field.dataset.settled = 'false';"
                + "document.body.addEventListener('htmx:afterSettle', function () {"
                + "  field.dataset.settled = 'true'; }, {once: true});"
                + "field.value = arguments[1];"
                + "field.dispatchEvent(new Event('input', {bubbles: true}));", field, query);
        browser.waiting().until(ExpectedConditions.attributeToBe(field, "data-settled", "true"));
        watch.check("the header's live search for «" + query + "»");
    }

    private String text(String css) {
        return flat(browser.find(css).getDomProperty("textContent"));
    }

    // Data helpers.

    private MvcResult send(Person person, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        request.with(fixtures.as(person)).with(csrf());
        return mvc.perform(request)
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    private static long idAfter(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long idOf(String table, String column, String value) {
        return jdbc.queryForObject("select max(id) from " + table + " where " + column + " = ?", Long.class, value);
    }

    private long versionOf(long number) {
        return jdbc.queryForObject("select version from task where number = ?", Long.class, number);
    }

    private long firstMessageOf(long number) {
        return jdbc.queryForObject("select min(m.id) from message m join task t on t.id = m.task_id"
                + " where t.number = ?", Long.class, number);
    }

    private List<MimeMessage> hostileMail() {
        return Arrays.stream(TestMail.server().getReceivedMessages()).filter(this::toHostilePeople).toList();
    }

    private boolean toHostilePeople(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients())
                    .anyMatch(to -> people.contains(((InternetAddress) to).getAddress().toLowerCase()));
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String body(MimeMessage mail) {
        try {
            // SMTP carries text with CRLF line ends; the payloads were typed with LF.
            return mail.getSubject() + "\n" + mail.getContent().toString().replace("\r\n", "\n");
        } catch (jakarta.mail.MessagingException | IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String text(int index) {
        return PAYLOADS.get(index).text();
    }

    /**
     * Every payload, in as few values of at most {@code limit} characters as hold them, each value led by this
     * test's tag; a payload is never cut.
     */
    private static List<String> packed(int limit, String separator) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder(TAG);
        for (Payload payload : PAYLOADS) {
            if (value.length() + separator.length() + payload.text().length() > limit) {
                values.add(value.toString());
                value = new StringBuilder(TAG);
            }
            value.append(separator).append(payload.text());
        }
        values.add(value.toString());
        return values;
    }

    private static String fileName(String payload) {
        return payload + ".txt";
    }

    /** The name as the application keeps it: without what would act as a directory or a control character. */
    private static String storedName(String name) {
        String base = name.replace('\\', '/');
        return base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    }

    /** Text without its white space: a page folds it, and a one-line field drops line breaks. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
