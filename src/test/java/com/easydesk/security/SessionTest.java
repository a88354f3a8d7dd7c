package com.easydesk.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.Team;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.Inbox;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions over real HTTP (docs/security.md, "Sessions and passwords"): a new session id at sign-in, and a
 * session ends when its person's password changes elsewhere or the person is deactivated, even if reactivated
 * since; the session a person changed their own password in carries on.
 */
@IntegrationTest
class SessionTest {

    private static final String NEW_PASSWORD = "сирень цветёт у забора";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PersonService people;

    Client client;
    Person contact;

    @BeforeEach
    void setUp() {
        client = fixtures.client();
        contact = fixtures.contact(client);
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneSignsNobodyIn() {
        WebClient browser = new WebClient(port);
        browser.get("/login");
        String before = browser.cookie("JSESSIONID");

        HttpResponse<String> signedIn = browser.signIn(contact.getEmail(), Fixtures.PASSWORD);

        assertThat(before).as("the sign-in form starts a session (it holds the CSRF token)").isNotNull();
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);
        HttpResponse<String> planted = new WebClient(port).withCookie("JSESSIONID", before).get("/tasks");
        assertThat(planted.statusCode()).isEqualTo(302);
        assertThat(planted.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void aPageAskedForWhileSignedOutIsWhereSigningInLeads() {
        Task task = fixtures.task(contact, fixtures.category(fixtures.staff(Role.EMPLOYEE)));
        WebClient browser = new WebClient(port).always("Accept", "text/html,application/xhtml+xml");

        HttpResponse<String> asked = browser.get("/tasks/" + task.getNumber());
        assertThat(asked.headers().firstValue("Location")).get().asString().endsWith("/login");
        HttpResponse<String> polled = browser.get("/notifications/badge", Map.of("HX-Request", "true"));
        HttpResponse<String> signedIn = browser.signIn(contact.getEmail(), Fixtures.PASSWORD);

        assertThat(polled.statusCode()).as("the bell's poll is not remembered").isNotEqualTo(200);
        String next = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(next).contains("/tasks/" + task.getNumber());
        assertThat(browser.get(next.replaceFirst("^https?://[^/]+", "")).statusCode()).isEqualTo(200);
    }

    @Test
    void changingOnesPasswordEndsTheOtherSessionsAndKeepsThisOne() {
        WebClient laptop = signedIn(contact, Fixtures.PASSWORD);
        WebClient phone = signedIn(contact, Fixtures.PASSWORD);
        String sessionBefore = laptop.cookie("JSESSIONID");

        HttpResponse<String> changed = laptop.submit("/profile", "/profile/password", Map.of(
                "currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location")).get().asString().endsWith("/profile");
        assertThat(laptop.cookie("JSESSIONID")).as("a new session id after the change").isNotEqualTo(sessionBefore);
        assertThat(laptop.get("/profile").statusCode()).isEqualTo(200);
        assertThat(laptop.get("/tasks").statusCode()).isEqualTo(200);
        assertSignedOut(phone);
        assertThat(signedIn(contact, NEW_PASSWORD).get("/tasks").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordSetThroughAResetLinkEndsEverySession() {
        WebClient laptop = signedIn(contact, Fixtures.PASSWORD);
        WebClient stranger = new WebClient(port);
        stranger.submit("/password-reset", "/password-reset", Map.of("email", contact.getEmail()));
        String token = Inbox.passwordToken(Inbox.of(contact.getEmail()).awaitSubject("Восстановление пароля"));

        HttpResponse<String> chosen = stranger.submit("/password/" + token, "/password/" + token,
                Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        assertThat(chosen.headers().firstValue("Location")).get().asString().endsWith("/login?password-set");
        assertSignedOut(laptop);
    }

    @Test
    void deactivationEndsTheSessionForGoodEvenIfThePersonIsReactivatedBeforeTheirNextRequest() {
        Person manager = fixtures.staff(Role.MANAGER);
        WebClient browser = signedIn(contact, Fixtures.PASSWORD);
        assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);

        people.deactivate(Viewer.of(manager), Team.ofClient(client.getId()), contact.getId());
        people.reactivate(Viewer.of(manager), Team.ofClient(client.getId()), contact.getId());

        assertSignedOut(browser);
        assertThat(signedIn(contact, Fixtures.PASSWORD).get("/tasks").statusCode()).isEqualTo(200);
    }

    @Test
    void deactivationEndsTheSessionAtItsNextRequest() {
        Person manager = fixtures.staff(Role.MANAGER);
        WebClient browser = signedIn(contact, Fixtures.PASSWORD);

        people.deactivate(Viewer.of(manager), Team.ofClient(client.getId()), contact.getId());

        assertSignedOut(browser);
        HttpResponse<String> again = new WebClient(port).signIn(contact.getEmail(), Fixtures.PASSWORD);
        assertThat(again.headers().firstValue("Location")).get().asString().endsWith("/login?error");
    }

    private WebClient signedIn(Person person, String password) {
        WebClient browser = new WebClient(port);
        HttpResponse<String> signedIn = browser.signIn(person.getEmail(), password);
        assertThat(signedIn.headers().firstValue("Location")).as("signed in as " + person.getEmail()).get()
                .asString().doesNotContain("/login");
        return browser;
    }

    private static void assertSignedOut(WebClient browser) {
        HttpResponse<String> page = browser.get("/tasks");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/login");
    }
}
