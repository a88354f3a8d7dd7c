package com.easydesk.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.easydesk.category.Category;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every page shares: error pages, security headers, htmx fragments and sessions, language. */
@IntegrationTest
class PageBehaviourTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    Person employee;
    Person contact;
    Task task;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        Category category = fixtures.category(employee);
        contact = fixtures.contact(fixtures.client());
        task = fixtures.task(contact, category);
    }

    @Nested
    class ErrorPages {

        @Test
        void missingTaskShowsNotFoundPageInTheLayout() throws Exception {
            mvc.perform(get("/tasks/987654321").with(fixtures.as(contact)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("Страница не найдена")))
                    .andExpect(content().string(containsString("navbar")))
                    .andExpect(content().string(not(containsString("Exception"))));
        }

        @Test
        void unknownAddressShowsNotFoundPage() throws Exception {
            mvc.perform(get("/no-such-page").with(fixtures.as(contact)))
                    .andExpect(status().isNotFound());
        }

        @Test
        void staleVersionShowsConflictPage() throws Exception {
            mvc.perform(multipart("/tasks/{n}/status", task.getNumber()).param("statusId", "2")
                            .param("version", "999").with(fixtures.as(employee)).with(csrf()))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(containsString("Задачу уже изменили")));
        }
    }

    @Nested
    class Security {

        @Test
        void everyAnswerCarriesTheSecurityHeaders() throws Exception {
            mvc.perform(get("/login"))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().exists("Referrer-Policy"));
        }

        @Test
        void expiredSessionSendsWholePageToLoginOnHtmxRequest() throws Exception {
            mvc.perform(get("/tasks/{n}", task.getNumber()).header("HX-Request", "true"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("HX-Redirect", "/login"));
        }

        @Test
        void postWithoutCsrfTokenIsRefused() throws Exception {
            mvc.perform(multipart("/tasks/{n}/messages", task.getNumber()).param("body", "без токена")
                            .with(fixtures.as(contact)))
                    .andExpect(status().isForbidden());
        }
    }

    @Nested
    class Htmx {

        @Test
        void replyPostedByHtmxAnswersWithConversationFragmentOnly() throws Exception {
            mvc.perform(multipart("/tasks/{n}/messages", task.getNumber()).param("body", "Ответ через htmx")
                            .header("HX-Request", "true").with(fixtures.as(employee)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Ответ через htmx")))
                    .andExpect(content().string(containsString("id=\"conversation\"")))
                    .andExpect(content().string(not(containsString("<html"))));
        }

        @Test
        void emptyReplyIsExplainedNextToTheField() throws Exception {
            mvc.perform(multipart("/tasks/{n}/messages", task.getNumber()).param("body", "  ")
                            .header("HX-Request", "true").with(fixtures.as(contact)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Напишите сообщение или приложите файл.")));
        }
    }

    @Test
    void englishIsOneClickAway() throws Exception {
        mvc.perform(get("/tasks").param("lang", "en").with(fixtures.as(contact)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My tasks")));
    }
}
