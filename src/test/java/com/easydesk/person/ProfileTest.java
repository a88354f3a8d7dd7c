package com.easydesk.person;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.support.Fixtures;
import com.easydesk.support.Inbox;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Everyone's own profile: name, time zone, language, password, and which e-mails they want. */
@IntegrationTest
class ProfileTest {

    private static final String NEW_PASSWORD = "новый пароль для профиля";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PersonService people;

    @Autowired
    TaskService tasks;

    Client client;
    Person contact;

    @BeforeEach
    void setUp() {
        client = fixtures.client();
        contact = fixtures.contact(client);
    }

    @Nested
    class Settings {

        @Test
        void personChangesNameTimeZoneAndLanguageAndThePageSwitchesLanguage() throws Exception {
            MockHttpServletResponse saved = send(contact, post("/profile").param("fullName", "Иван Обновлённый")
                    .param("timeZone", "Asia/Vladivostok").param("language", "EN")
                    .param("notifyMessages", "true").param("notifyStatusChanges", "true"));

            Person after = people.get(contact.getId());
            assertThat(saved.getRedirectedUrl()).isEqualTo("/profile");
            assertThat(after.getFullName()).isEqualTo("Иван Обновлённый");
            assertThat(after.getZone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
            assertThat(after.getLanguage()).isEqualTo(Language.EN);
            Cookie language = saved.getCookie("easydesk-lang");
            assertThat(language).isNotNull();
            assertThat(text(send(contact, get("/profile").cookie(language)))).contains("Interface language");
        }

        @Test
        void signingInSpeaksTheProfileLanguage() throws Exception {
            profile(contact, Language.EN, true, true);

            MockHttpServletResponse signedIn = mvc.perform(formLogin("/login").user(contact.getEmail())
                    .password(Fixtures.PASSWORD)).andExpect(authenticated()).andReturn().getResponse();

            Cookie language = signedIn.getCookie("easydesk-lang");
            assertThat(language).isNotNull();
            assertThat(language.getValue()).isEqualTo("en");
            assertThat(text(send(contact, get("/tasks").cookie(language)))).contains("My tasks");
        }

        @Test
        void anUnknownTimeZoneIsRefusedNextToTheField() throws Exception {
            MockHttpServletResponse response = send(contact, post("/profile").param("fullName", "Имя")
                    .param("timeZone", "Mars/Olympus").param("language", "RU"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(text(response)).contains("Выберите часовой пояс из списка");
            assertThat(people.get(contact.getId()).getZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        }

        @Test
        void aClientSeesTheirCompanyAndItsContactsButCannotManageThem() throws Exception {
            Person colleague = fixtures.contact(client);
            Person stranger = fixtures.contact(fixtures.client());

            String page = text(send(contact, get("/profile")));

            assertThat(page).contains(client.getName(), colleague.getFullName(), colleague.getEmail())
                    .doesNotContain(stranger.getEmail(), "/company/contacts/");
        }
    }

    @Nested
    class Password {

        @Test
        void changingThePasswordNeedsTheCurrentOne() throws Exception {
            MockHttpServletResponse wrong = changePassword("не тот пароль", NEW_PASSWORD, NEW_PASSWORD);
            MockHttpServletResponse right = changePassword(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

            assertThat(wrong.getStatus()).isEqualTo(200);
            assertThat(text(wrong)).contains("Текущий пароль введён неверно");
            assertThat(right.getRedirectedUrl()).isEqualTo("/profile");
            mvc.perform(formLogin("/login").user(contact.getEmail()).password(NEW_PASSWORD)).andExpect(authenticated());
        }

        @Test
        void aNewPasswordHasAtLeastTenCharactersAndIsTypedTwiceTheSame() throws Exception {
            MockHttpServletResponse tooShort = changePassword(Fixtures.PASSWORD, "123456789", "123456789");
            MockHttpServletResponse mismatch = changePassword(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "?");

            assertThat(text(tooShort)).contains("Пароль — не меньше 10 символов");
            assertThat(text(mismatch)).contains("Пароли не совпадают");
            mvc.perform(formLogin("/login").user(contact.getEmail()).password(Fixtures.PASSWORD))
                    .andExpect(authenticated());
        }

        @Test
        void aCommonPasswordIsRefusedNextToTheField() throws Exception {
            MockHttpServletResponse refused = changePassword(Fixtures.PASSWORD, "qwerty12345", "qwerty12345");

            assertThat(refused.getStatus()).isEqualTo(200);
            assertThat(text(refused)).containsPattern("class=\"form-control is-invalid\"[^>]*"
                    + "id=\"newPassword\"[^>]*>\\s*<div class=\"invalid-feedback\">Этот пароль слишком распространён");
            mvc.perform(formLogin("/login").user(contact.getEmail()).password(Fixtures.PASSWORD))
                    .andExpect(authenticated());
        }

        private MockHttpServletResponse changePassword(String current, String next, String confirmation)
                throws Exception {
            return send(contact, post("/profile/password").param("currentPassword", current)
                    .param("newPassword", next).param("confirmation", confirmation));
        }
    }

    @Nested
    class Notifications {

        @Test
        void aContactWhoSwitchedOffMessageMailStillHearsOfStatusChanges() throws Exception {
            Person employee = fixtures.staff(Role.EMPLOYEE);
            Category category = fixtures.category(employee);
            Task task = fixtures.task(contact, category);
            profile(contact, Language.RU, false, true);

            fixtures.message(employee, task, "Ответ, о котором письма не будет", false);
            long resolved = tasks.selectableStatuses().stream().filter(s -> s.getCode().equals("resolved"))
                    .findFirst().orElseThrow().getId();
            tasks.changeStatus(Viewer.of(employee), task.getNumber(), resolved,
                    tasks.visibleTask(Viewer.of(employee), task.getNumber()).getVersion());

            Inbox inbox = Inbox.of(contact.getEmail());
            inbox.await(mail -> Inbox.subject(mail).contains("Статус изменён"));
            // The outbox sends in queue order: the message mail, had it been queued, would be here already.
            assertThat(inbox.all()).noneMatch(mail -> Inbox.body(mail).contains("Ответ, о котором письма не будет"));
        }

        @Test
        void anEnglishSpeakingPersonGetsMailInEnglish() throws Exception {
            Person employee = fixtures.staff(Role.EMPLOYEE);
            Task task = fixtures.task(contact, fixtures.category(employee));
            profile(contact, Language.EN, true, true);

            fixtures.message(employee, task, "Answer in any language", false);

            var mail = Inbox.of(contact.getEmail()).await(m -> Inbox.body(m).contains("Answer in any language"));
            assertThat(Inbox.subject(mail)).contains("New message");
        }
    }

    private void profile(Person person, Language language, boolean messages, boolean statuses) {
        people.changeProfile(Viewer.of(person), new ProfileDetails(person.getFullName(), person.getZone(), language,
                messages, statuses, true));
    }

    private MockHttpServletResponse send(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.as(person)).with(csrf())).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
