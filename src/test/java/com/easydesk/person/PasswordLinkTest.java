package com.easydesk.person;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.easydesk.client.Client;
import com.easydesk.support.Fixtures;
import com.easydesk.support.Inbox;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Invitation and reset links, followed from the mail GreenMail received: single use, expiring, replaced
 * by a newer link, stored only as a hash; a reset request never tells whether an address is registered.
 */
@IntegrationTest
class PasswordLinkTest {

    private static final String NEW_PASSWORD = "ромашка цветёт в мае";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PersonService people;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Person manager;
    Client client;

    @BeforeEach
    void setUp() {
        manager = fixtures.staff(Role.MANAGER);
        client = fixtures.client();
    }

    @Nested
    class Invitation {

        @Test
        void theLinkFromTheMailSetsThePasswordAndThePersonSignsIn() throws Exception {
            Person contact = fixtures.invitedContact(manager, client);
            String token = Inbox.passwordToken(Inbox.of(contact.getEmail()).awaitSubject("Приглашение"));

            MockHttpServletResponse form = mvc.perform(get("/password/" + token)).andReturn().getResponse();
            MockHttpServletResponse chosen = choose(token, NEW_PASSWORD, NEW_PASSWORD);

            assertThat(form.getStatus()).isEqualTo(200);
            assertThat(text(form)).contains("Добро пожаловать", contact.getEmail());
            assertThat(chosen.getRedirectedUrl()).isEqualTo("/login?password-set");
            mvc.perform(formLogin("/login").user(contact.getEmail()).password(NEW_PASSWORD))
                    .andExpect(authenticated().withUsername(contact.getEmail()));
        }

        @Test
        void theLinkWorksOnceAndThenSaysItWasUsed() throws Exception {
            Person contact = fixtures.invitedContact(manager, client);
            String token = Inbox.passwordToken(Inbox.of(contact.getEmail()).awaitSubject("Приглашение"));
            choose(token, NEW_PASSWORD, NEW_PASSWORD);

            MockHttpServletResponse again = choose(token, "совсем другой пароль", "совсем другой пароль");

            assertThat(again.getStatus()).isEqualTo(410);
            assertThat(text(again)).contains("По этой ссылке пароль уже задан");
            mvc.perform(formLogin("/login").user(contact.getEmail()).password("совсем другой пароль"))
                    .andExpect(unauthenticated());
        }

        @Test
        void anExpiredLinkSaysSoAndSetsNothing() throws Exception {
            Person contact = fixtures.invitedContact(manager, client);
            String token = Inbox.passwordToken(Inbox.of(contact.getEmail()).awaitSubject("Приглашение"));
            jdbc.update("update password_link set created_at = now() - interval '4 days', "
                    + "expires_at = now() - interval '1 day' where person_id = :id", Map.of("id", contact.getId()));

            MockHttpServletResponse page = mvc.perform(get("/password/" + token)).andReturn().getResponse();
            MockHttpServletResponse chosen = choose(token, NEW_PASSWORD, NEW_PASSWORD);

            assertThat(page.getStatus()).isEqualTo(410);
            assertThat(text(page)).contains("Срок действия ссылки истёк");
            assertThat(chosen.getStatus()).isEqualTo(410);
            assertThat(people.get(contact.getId()).hasPassword()).isFalse();
        }

        @Test
        void sendingTheInvitationAgainReplacesTheOldLink() throws Exception {
            Person contact = fixtures.invitedContact(manager, client);
            Inbox inbox = Inbox.of(contact.getEmail());
            String first = Inbox.passwordToken(inbox.awaitSubject("Приглашение"));
            int before = inbox.count();

            mvc.perform(post("/clients/" + client.getId() + "/contacts/" + contact.getId() + "/invitation")
                    .with(fixtures.as(manager)).with(csrf()));
            String second = Inbox.passwordToken(inbox.awaitNext(before));
            MockHttpServletResponse old = mvc.perform(get("/password/" + first)).andReturn().getResponse();

            assertThat(second).isNotEqualTo(first);
            assertThat(old.getStatus()).isEqualTo(410);
            assertThat(text(old)).contains("после неё отправлена новая");
            assertThat(choose(second, NEW_PASSWORD, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?password-set");
        }

        @Test
        void onlyTheSha256OfTheTokenIsStored() throws Exception {
            Person contact = fixtures.invitedContact(manager, client);
            String token = Inbox.passwordToken(Inbox.of(contact.getEmail()).awaitSubject("Приглашение"));

            String stored = jdbc.queryForObject("select token_hash from password_link where person_id = :id",
                    Map.of("id", contact.getId()), String.class);

            assertThat(stored).isEqualTo(PasswordLinkService.hash(token)).hasSize(64).doesNotContain(token);
            assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        }

        @Test
        void aShortPasswordIsRefusedAndTheLinkStaysUsable() throws Exception {
            Person contact = fixtures.invitedContact(manager, client);
            String token = Inbox.passwordToken(Inbox.of(contact.getEmail()).awaitSubject("Приглашение"));

            MockHttpServletResponse tooShort = choose(token, "короткий", "короткий");
            MockHttpServletResponse mismatch = choose(token, NEW_PASSWORD, NEW_PASSWORD + "!");

            assertThat(tooShort.getStatus()).isEqualTo(200);
            assertThat(text(tooShort)).contains("не меньше 10 символов");
            assertThat(text(mismatch)).contains("Пароли не совпадают");
            assertThat(people.get(contact.getId()).hasPassword()).isFalse();
            assertThat(choose(token, NEW_PASSWORD, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?password-set");
        }

        @Test
        void aCommonPasswordIsRefusedNextToTheFieldAndTheLinkStaysUsable() throws Exception {
            Person contact = fixtures.invitedContact(manager, client);
            String token = Inbox.passwordToken(Inbox.of(contact.getEmail()).awaitSubject("Приглашение"));

            MockHttpServletResponse keyboard = choose(token, "йцукенгшщз", "йцукенгшщз");
            MockHttpServletResponse common = choose(token, "Password2024!", "Password2024!");

            for (MockHttpServletResponse refused : java.util.List.of(keyboard, common)) {
                assertThat(refused.getStatus()).isEqualTo(200);
                assertThat(text(refused)).containsPattern("class=\"form-control is-invalid\"[^>]*"
                        + "id=\"password\"[^>]*>\\s*<div class=\"invalid-feedback\">Этот пароль слишком распространён");
            }
            assertThat(people.get(contact.getId()).hasPassword()).isFalse();
            assertThat(choose(token, NEW_PASSWORD, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?password-set");
        }

        @Test
        void aLinkNobodySentIsNotValid() throws Exception {
            MockHttpServletResponse made = mvc.perform(get("/password/" + "A".repeat(43))).andReturn().getResponse();
            MockHttpServletResponse garbage = mvc.perform(get("/password/abc")).andReturn().getResponse();

            assertThat(made.getStatus()).isEqualTo(404);
            assertThat(text(made)).contains("Ссылка недействительна");
            assertThat(garbage.getStatus()).isEqualTo(404);
        }

        @Test
        void theLinkOfADeactivatedPersonNoLongerWorks() throws Exception {
            Person contact = fixtures.invitedContact(manager, client);
            String token = Inbox.passwordToken(Inbox.of(contact.getEmail()).awaitSubject("Приглашение"));
            people.deactivate(Viewer.of(manager), Team.ofClient(client.getId()), contact.getId());

            assertThat(choose(token, NEW_PASSWORD, NEW_PASSWORD).getStatus()).isEqualTo(404);
            assertThat(people.get(contact.getId()).hasPassword()).isFalse();
        }

        @Test
        void invitationLinksExpireAfterSeventyTwoHoursByDefault() {
            Person contact = fixtures.invitedContact(manager, client);

            Double hours = jdbc.queryForObject("select extract(epoch from expires_at - created_at) / 3600 "
                    + "from password_link where person_id = :id", Map.of("id", contact.getId()), Double.class);

            assertThat(hours).isEqualTo(72.0);
        }
    }

    @Nested
    class Reset {

        @Test
        void aRegisteredAddressGetsALinkThatReplacesTheForgottenPassword() throws Exception {
            Person contact = fixtures.contact(client);

            MockHttpServletResponse asked = mvc.perform(post("/password-reset").with(csrf())
                    .param("email", " " + contact.getEmail().toUpperCase())).andReturn().getResponse();
            MimeMessage mail = Inbox.of(contact.getEmail()).awaitSubject("Восстановление пароля");
            choose(Inbox.passwordToken(mail), NEW_PASSWORD, NEW_PASSWORD);

            assertThat(asked.getRedirectedUrl()).isEqualTo("/password-reset?sent");
            mvc.perform(formLogin("/login").user(contact.getEmail()).password(NEW_PASSWORD)).andExpect(authenticated());
            mvc.perform(formLogin("/login").user(contact.getEmail()).password(Fixtures.PASSWORD))
                    .andExpect(unauthenticated());
        }

        @Test
        void anUnknownAddressGetsTheSameAnswerAndNoMailIsQueued() throws Exception {
            Person contact = fixtures.contact(client);
            String unknown = Fixtures.email("nobody");

            MockHttpServletResponse known = mvc.perform(post("/password-reset").with(csrf())
                    .param("email", contact.getEmail())).andReturn().getResponse();
            MockHttpServletResponse notKnown = mvc.perform(post("/password-reset").with(csrf())
                    .param("email", unknown)).andReturn().getResponse();

            assertThat(notKnown.getStatus()).isEqualTo(known.getStatus());
            assertThat(notKnown.getRedirectedUrl()).isEqualTo(known.getRedirectedUrl());
            assertThat(mailsQueuedFor(unknown)).isZero();
            assertThat(mailsQueuedFor(contact.getEmail())).isEqualTo(1);
        }

        @Test
        void aDeactivatedAccountGetsNoLink() throws Exception {
            Person contact = fixtures.contact(client);
            people.deactivate(Viewer.of(manager), Team.ofClient(client.getId()), contact.getId());

            mvc.perform(post("/password-reset").with(csrf()).param("email", contact.getEmail()));

            assertThat(mailsQueuedFor(contact.getEmail())).isZero();
        }

        @Test
        void theSentPageNamesTheValidityWithoutNamingTheAddress() throws Exception {
            String page = text(mvc.perform(get("/password-reset?sent")).andReturn().getResponse());

            assertThat(page).contains("Если этот адрес зарегистрирован", "72 ч.");
        }

        private long mailsQueuedFor(String email) {
            return jdbc.queryForObject("select count(*) from outbox_mail where recipient = :email",
                    Map.of("email", email), Long.class);
        }
    }

    private MockHttpServletResponse choose(String token, String password, String confirmation) throws Exception {
        MockHttpServletRequestBuilder request = post("/password/" + token).with(csrf()).param("password", password)
                .param("confirmation", confirmation);
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
