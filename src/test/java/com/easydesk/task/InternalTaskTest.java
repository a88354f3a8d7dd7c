package com.easydesk.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import com.easydesk.attachment.AttachmentService;
import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An internal task does not exist for any client account: not in lists, counts, pages, fragments, files or
 * e-mail, even when it is about the client's own company and names them as contact or watcher.
 */
@IntegrationTest
class InternalTaskTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    AttachmentService attachments;

    Person employee;
    Person manager;
    Client client;
    Person contact;
    Person supervisor;
    Person colleague;
    Category category;
    Task internal;
    Task control;

    @BeforeEach
    void setUp() throws Exception {
        employee = fixtures.staff(Role.EMPLOYEE);
        manager = fixtures.staff(Role.MANAGER);
        category = fixtures.category(employee);
        client = fixtures.client();
        contact = fixtures.contact(client);
        supervisor = fixtures.supervisor(client);
        colleague = fixtures.contact(client);

        String run = UUID.randomUUID().toString().substring(0, 8);
        internal = create("Тихо исправить ошибку в отчёте " + run, true);
        control = create("Обычная задача клиента " + run, false);
    }

    @Nested
    class ForClients {

        @Test
        void isInNoListAndNoCount() {
            for (Person person : List.of(contact, supervisor, colleague)) {
                for (boolean archive : List.of(false, true)) {
                    var page = tasks.clientListFor(Viewer.of(person), false, null, archive, PageRequest.of(0, 50));
                    assertThat(page.getContent()).extracting(Task::getNumber).doesNotContain(internal.getNumber());
                    assertThat(page.getTotalElements()).isEqualTo(page.getContent().size());
                }
            }
            assertThat(tasks.clientListFor(Viewer.of(contact), false, null, false, PageRequest.of(0, 50))
                    .getTotalElements())
                    .isEqualTo(1);
        }

        @Test
        void listPagesDoNotMentionIt() throws Exception {
            for (Person person : List.of(contact, supervisor)) {
                mvc.perform(get("/tasks").with(fixtures.as(person)))
                        .andExpect(content().string(containsString(control.getTitle())))
                        .andExpect(content().string(not(containsString(internal.getTitle()))));
            }
        }

        @Test
        void pageFragmentAndFilesAnswerNotFound() throws Exception {
            long fileId = attachments.ofTask(internal.getId()).get(0).getId();
            for (Person person : List.of(contact, supervisor, colleague)) {
                mvc.perform(get("/tasks/{n}", internal.getNumber()).with(fixtures.as(person)))
                        .andExpect(status().isNotFound())
                        .andExpect(content().string(not(containsString(internal.getTitle()))));
                mvc.perform(get("/tasks/{n}", internal.getNumber()).header("HX-Request", "true")
                        .with(fixtures.as(person))).andExpect(status().isNotFound());
                mvc.perform(get("/tasks/{n}/files/{id}", internal.getNumber(), fileId).with(fixtures.as(person)))
                        .andExpect(status().isNotFound());
                mvc.perform(multipart("/tasks/{n}/messages", internal.getNumber()).param("body", "Пробую ответить")
                        .with(fixtures.as(person)).with(csrf())).andExpect(status().isNotFound());
            }
        }

        @Test
        void noMailEvenWhenTheyAreNamedInIt() {
            addWatcher(internal);
            addWatcher(control);
            fixtures.message(employee, internal, "Публичное сообщение во внутренней задаче", false);
            fixtures.moveTo(internal, "resolved", employee);
            fixtures.message(employee, control, "Контрольное сообщение", false);

            // Mail leaves the outbox in the order it was queued: once the control mail has arrived, any mail
            // about the internal task queued before it would have arrived too.
            awaitMailTo(contact, control, "Контрольное сообщение");
            awaitMailTo(colleague, control, "Контрольное сообщение");
            assertThat(mailsAbout(internal, contact)).isEmpty();
            assertThat(mailsAbout(internal, colleague)).isEmpty();
            assertThat(mailsAbout(internal, supervisor)).isEmpty();
        }
    }

    @Nested
    class ForStaff {

        @Test
        void isListedAndMarked() throws Exception {
            mvc.perform(get("/tasks").with(fixtures.as(employee)))
                    .andExpect(content().string(containsString(internal.getTitle())));
            mvc.perform(get("/tasks/{n}", internal.getNumber()).with(fixtures.as(employee)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"internal-badge\"")));
        }

        @Test
        void responsibleIsMailed() {
            awaitMailTo(employee, internal, "Вам назначена новая задача");
        }
    }

    private Task create(String title, boolean isInternal) throws Exception {
        var request = multipart("/tasks").file(Fixtures.file("отчёт.txt", "данные " + title))
                .param("title", title).param("categoryId", category.getId().toString())
                .param("clientId", client.getId().toString()).param("contactId", contact.getId().toString())
                .with(fixtures.as(manager)).with(csrf());
        if (isInternal) {
            request.param("internal", "true");
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return tasks.visibleTask(Viewer.of(manager), Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    private void addWatcher(Task task) {
        Task current = tasks.visibleTask(Viewer.of(manager), task.getNumber());
        tasks.edit(Viewer.of(manager), task.getNumber(), new TaskEdit(current.getPriority(), null, null, null,
                category.getId(), null, client.getId(), contact.getId(), null, null, colleague.getId(), null),
                current.getVersion());
    }

    private static MimeMessage awaitMailTo(Person person, Task task, String text) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            var found = mailsAbout(task, person).stream().filter(mail -> bodyOf(mail).contains(text)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            TestMail.server().waitForIncomingEmail(200, Integer.MAX_VALUE);
        }
        throw new AssertionError("No mail to " + person.getEmail() + " with «" + text + "» within " + PATIENCE);
    }

    private static List<MimeMessage> mailsAbout(Task task, Person person) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(mail -> addressedTo(mail, person))
                .filter(mail -> subjectOf(mail).startsWith("[#" + task.getNumber() + "]"))
                .toList();
    }

    private static boolean addressedTo(MimeMessage mail, Person person) {
        try {
            return Arrays.toString(mail.getRecipients(RecipientType.TO)).contains(person.getEmail());
        } catch (MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static String bodyOf(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception broken) {
            throw new IllegalStateException(broken);
        }
    }
}
