package com.easydesk.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.easydesk.attachment.Attachment;
import com.easydesk.attachment.AttachmentService;
import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.StatusKind;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A new task from a message: prefilled with its text, sharing its files (one copy of the bytes), linked
 * both ways, while the original conversation goes on. Clients may use public messages of their tasks only.
 */
@IntegrationTest
class TaskFromMessageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    AttachmentService attachments;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Person employee;
    Person contact;
    Person otherClientsContact;
    Category category;
    Task original;
    Message publicMessage;
    Message internalMessage;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
        Client client = fixtures.client();
        contact = fixtures.contact(client);
        otherClientsContact = fixtures.contact(fixtures.client());
        original = fixtures.task(contact, category);
        String run = UUID.randomUUID().toString();
        publicMessage = fixtures.message(contact, original, "Ещё сломался принтер в бухгалтерии\nПодробности в логе",
                false, Fixtures.file("лог принтера.txt", "ошибка 13 " + run));
        internalMessage = fixtures.message(employee, original, "Заодно обновить прошивку на всех принтерах",
                true, Fixtures.file("прошивка.bin", "прошивка " + run));
    }

    @Nested
    class TheForm {

        @Test
        void startsWithTheMessagesTextClientAndFiles() throws Exception {
            String page = body(get("/tasks/new").param("from", publicMessage.getId().toString()), employee);

            assertThat(page).contains("value=\"Ещё сломался принтер в бухгалтерии\"")
                    .contains("Подробности в логе</textarea>")
                    .contains("лог принтера.txt")
                    .contains("name=\"fromMessageId\" value=\"" + publicMessage.getId() + "\"")
                    .containsPattern("<option value=\"" + contact.getId() + "\" selected=\"selected\"");
        }

        @Test
        void anInternalMessageStartsAnInternalTask() throws Exception {
            String page = body(get("/tasks/new").param("from", internalMessage.getId().toString()), employee);

            assertThat(page).containsPattern("name=\"internal\" value=\"true\" checked=\"checked\"");
        }

        @Test
        void clientsMayUseOnlyPublicMessagesOfTheirTasks() throws Exception {
            assertThat(status(get("/tasks/new").param("from", publicMessage.getId().toString()), contact))
                    .isEqualTo(200);
            assertThat(status(get("/tasks/new").param("from", internalMessage.getId().toString()), contact))
                    .isEqualTo(404);
            assertThat(status(get("/tasks/new").param("from", publicMessage.getId().toString()),
                    otherClientsContact)).isEqualTo(404);
            assertThat(status(get("/tasks/new").param("from", "987654321"), employee)).isEqualTo(404);
        }
    }

    @Nested
    class Creating {

        @Test
        void sharesTheFilesWithoutStoringTheirBytesAgain() throws Exception {
            long storedBefore = storedFiles();

            Task created = create(employee, publicMessage, Map.of("internal", "true"));

            List<Attachment> shared = attachments.ofTask(created.getId());
            Attachment source = attachments.ofTask(original.getId()).stream()
                    .filter(file -> publicMessage.getId().equals(file.getMessageId())).findFirst().orElseThrow();
            assertThat(shared).singleElement().satisfies(file -> {
                assertThat(file.getFileName()).isEqualTo("лог принтера.txt");
                assertThat(file.getSha256()).isEqualTo(source.getSha256());
                assertThat(file.getId()).isNotEqualTo(source.getId());
                assertThat(file.getMessageId()).isNull();
            });
            assertThat(storedFiles()).isEqualTo(storedBefore);
            assertThat(created.isInternal()).isTrue();
            assertThat(created.getSourceMessageId()).isEqualTo(publicMessage.getId());
            assertThat(mvc.perform(get("/tasks/{n}/files/{id}", created.getNumber(), shared.get(0).getId())
                    .with(fixtures.as(employee))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .startsWith("ошибка 13");
        }

        @Test
        void linksBothWaysAndTheConversationGoesOn() throws Exception {
            Task created = create(employee, publicMessage, Map.of());

            assertThat(body(get("/tasks/{n}", created.getNumber()), employee))
                    .contains("id=\"task-origin\"")
                    .contains("href=\"/tasks/" + original.getNumber() + "#message-" + publicMessage.getId() + "\"");
            assertThat(body(get("/tasks/{n}", original.getNumber()), employee))
                    .contains("href=\"/tasks/" + created.getNumber() + "\"");
            assertThat(tasks.visibleTask(Viewer.of(employee), original.getNumber()).getStatus().getKind())
                    .isEqualTo(StatusKind.NEW);
            fixtures.message(employee, original, "Продолжаем по первой задаче", false);
        }

        @Test
        void aClientNeverLearnsOfAnInternalTaskMadeFromTheirMessage() throws Exception {
            Task created = create(employee, publicMessage, Map.of("internal", "true"));

            assertThat(body(get("/tasks/{n}", original.getNumber()), contact))
                    .doesNotContain("href=\"/tasks/" + created.getNumber() + "\"")
                    .doesNotContain(created.getTitle() + "</a>");
            assertThat(body(get("/tasks/{n}", created.getNumber()), employee)).contains("id=\"task-origin\"");
        }

        @Test
        void aClientMakesTheirOwnTaskFromAPublicMessage() throws Exception {
            Task created = create(contact, publicMessage, Map.of("categoryId", category.getId().toString()));

            assertThat(created.getContact().getId()).isEqualTo(contact.getId());
            assertThat(created.isInternal()).isFalse();
            assertThat(body(get("/tasks/{n}", created.getNumber()), contact)).contains("id=\"task-origin\"");
            assertThat(body(get("/tasks/{n}", original.getNumber()), contact))
                    .contains("href=\"/tasks/" + created.getNumber() + "\"");
        }

        @Test
        void aClientCannotPostAnInternalMessageIntoATask() throws Exception {
            MockHttpServletResponse response = mvc.perform(form(contact, internalMessage, Map.of("categoryId",
                    category.getId().toString()))).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(jdbc.queryForObject("select count(*) from task where source_message_id = :id",
                    Map.of("id", internalMessage.getId()), Long.class)).isZero();
        }

        @Test
        void doubleSubmitMakesOneTaskAndSharesOnce() throws Exception {
            String key = UUID.randomUUID().toString();
            Task first = create(employee, publicMessage, Map.of("submissionKey", key));
            Task second = create(employee, publicMessage, Map.of("submissionKey", key));

            assertThat(second.getNumber()).isEqualTo(first.getNumber());
            assertThat(attachments.ofTask(first.getId())).hasSize(1);
        }
    }

    private Task create(Person author, Message message, Map<String, String> extra) throws Exception {
        MockHttpServletResponse response = mvc.perform(form(author, message, extra)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        return tasks.visibleTask(Viewer.of(author), Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    private AbstractMockHttpServletRequestBuilder<?> form(Person author, Message message, Map<String, String> extra) {
        var request = multipart("/tasks").param("title", "Из сообщения " + UUID.randomUUID())
                .param("description", message.getBody()).param("fromMessageId", message.getId().toString());
        extra.forEach((name, value) -> request.param(name, value));
        return request.with(fixtures.as(author)).with(csrf());
    }

    private String body(AbstractMockHttpServletRequestBuilder<?> request, Person viewer) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(fixtures.as(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private int status(AbstractMockHttpServletRequestBuilder<?> request, Person viewer) throws Exception {
        return mvc.perform(request.with(fixtures.as(viewer))).andReturn().getResponse().getStatus();
    }

    private long storedFiles() {
        return jdbc.queryForObject("select count(*) from stored_file", Map.of(), Long.class);
    }
}
