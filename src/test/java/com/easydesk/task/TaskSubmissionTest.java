package com.easydesk.task;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import com.easydesk.attachment.AttachmentService;
import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.message.MessageService;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class TaskSubmissionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    AttachmentService attachments;

    @Autowired
    MessageService messages;

    Person employee;
    Category category;
    Person contact;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
        Client client = fixtures.client();
        contact = fixtures.contact(client);
    }

    @Nested
    class ClientSubmitsTask {

        @Test
        void taskGoesToCategoryDefaultResponsibleWithFiles() throws Exception {
            String location = mvc.perform(multipart("/tasks")
                            .file(Fixtures.file("Договор №5 «итог».pdf", "pdf bytes"))
                            .file(Fixtures.file("скриншот.png", "png bytes"))
                            .param("title", "Не работает почта")
                            .param("description", "С утра не уходят письма")
                            .param("categoryId", category.getId().toString())
                            .with(fixtures.as(contact)).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andReturn().getResponse().getRedirectedUrl();

            long number = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            Task task = tasks.visibleTask(Viewer.of(contact), number);
            assertThat(task.getResponsible().getId()).isEqualTo(employee.getId());
            assertThat(task.getContact().getId()).isEqualTo(contact.getId());
            assertThat(task.getStatus().getKind()).isEqualTo(StatusKind.NEW);
            assertThat(attachments.ofTask(task.getId()))
                    .extracting(a -> a.getFileName())
                    .containsExactly("Договор №5 «итог».pdf", "скриншот.png");
        }

        @Test
        void numbersAreSequential() {
            Task first = fixtures.task(contact, category);
            Task second = fixtures.task(contact, category);
            assertThat(second.getNumber()).isGreaterThan(first.getNumber());
        }

        @Test
        void doubleSubmitCreatesOneTask() throws Exception {
            String key = UUID.randomUUID().toString();
            String firstLocation = submitWithKey(key);
            String secondLocation = submitWithKey(key);

            assertThat(secondLocation).isEqualTo(firstLocation);
            assertThat(tasks.clientListFor(Viewer.of(contact), false, null, false, PageRequest.of(0, 10))
                    .getTotalElements())
                    .isEqualTo(1);
        }

        @Test
        void someoneElsesKeyNeitherFindsNorBlocksTheirTask() throws Exception {
            String key = UUID.randomUUID().toString();
            String mine = submitWithKey(key);
            contact = fixtures.contact(fixtures.client());

            String theirs = submitWithKey(key);

            assertThat(theirs).isNotEqualTo(mine);
            assertThat(tasks.clientListFor(Viewer.of(contact), false, null, false, PageRequest.of(0, 10))
                    .getTotalElements())
                    .isEqualTo(1);
        }

        @Test
        void doubleSubmittedReplyIsStoredOnce() throws Exception {
            Task task = fixtures.task(contact, category);
            String key = UUID.randomUUID().toString();
            for (int attempt = 0; attempt < 2; attempt++) {
                mvc.perform(multipart("/tasks/{n}/messages", task.getNumber()).param("body", "Один ответ")
                                .param("submissionKey", key).with(fixtures.as(contact)).with(csrf()))
                        .andExpect(status().is3xxRedirection());
            }

            assertThat(messages.conversation(Viewer.of(contact), task))
                    .filteredOn(message -> message.getBody().equals("Один ответ")).hasSize(1);
        }

        @Test
        void missingTitleAndCategoryAreExplainedNextToTheFields() throws Exception {
            mvc.perform(multipart("/tasks").param("title", " ").param("description", "текст")
                            .with(fixtures.as(contact)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Укажите название задачи.")))
                    .andExpect(content().string(containsString("Выберите категорию.")));

            assertThat(tasks.clientListFor(Viewer.of(contact), false, null, false, PageRequest.of(0, 10))
                    .getTotalElements()).isZero();
        }

        @Test
        void fileDownloadKeepsCyrillicName() throws Exception {
            Task task = fixtures.task(contact, category, Fixtures.file("Отчёт за май.txt", "содержимое"));
            long fileId = attachments.ofTask(task.getId()).get(0).getId();

            byte[] body = mvc.perform(get("/tasks/{n}/files/{id}", task.getNumber(), fileId).with(fixtures.as(contact)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString(
                            "filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%D0%B7%D0%B0%20%D0%BC%D0%B0%D0%B9.txt")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("содержимое");
        }

        private String submitWithKey(String key) throws Exception {
            return mvc.perform(multipart("/tasks").param("title", "Дважды").param("categoryId",
                                    category.getId().toString()).param("submissionKey", key)
                            .with(fixtures.as(contact)).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andReturn().getResponse().getRedirectedUrl();
        }
    }
}
