package com.easydesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.TestMail;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;
import com.icegreen.greenmail.util.GreenMailUtil;

import static org.assertj.core.api.Assertions.assertThat;

/** Notification e-mails travel through the outbox and a real SMTP server (GreenMail). */
@IntegrationTest
class TaskNotificationMailTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    Person employee;
    Person contact;
    Task task;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        Category category = fixtures.category(employee);
        Client client = fixtures.client();
        contact = fixtures.contact(client);
        task = fixtures.task(contact, category);
    }

    @Nested
    class Messages {

        @Test
        void clientIsMailedAboutPublicReplyButNeverAboutInternalMessage() {
            fixtures.message(employee, task, "Секретная внутренняя заметка", true);
            fixtures.message(employee, task, "Публичный ответ клиенту", false);

            MimeMessage mail = awaitMailTo(contact, "Публичный ответ клиенту");
            assertThat(subjectOf(mail)).contains("#" + task.getNumber());
            assertThat(mailsTo(contact)).noneMatch(m -> bodyOf(m).contains("Секретная внутренняя заметка"));
        }

        @Test
        void employeeIsMailedWhenClientAnswers() {
            fixtures.message(contact, task, "Ответ клиента сотруднику", false);

            MimeMessage mail = awaitMailTo(employee, "Ответ клиента сотруднику");
            assertThat(bodyOf(mail)).contains("/tasks/" + task.getNumber());
        }

        @Test
        void nobodyIsMailedAboutTheirOwnMessage() {
            fixtures.message(contact, task, "Своё сообщение клиента", false);
            fixtures.message(employee, task, "Контрольное сообщение сотрудника", false);

            awaitMailTo(contact, "Контрольное сообщение сотрудника");
            assertThat(mailsTo(contact)).noneMatch(m -> bodyOf(m).contains("Своё сообщение клиента"));
            awaitMailTo(employee, "Своё сообщение клиента");
            assertThat(mailsTo(employee)).noneMatch(m -> bodyOf(m).contains("Контрольное сообщение сотрудника"));
        }
    }

    @Nested
    class StatusChanges {

        @Test
        void clientIsMailedWhenStatusChanges() {
            var viewer = Viewer.of(employee);
            Task current = tasks.visibleTask(viewer, task.getNumber());
            long resolved = tasks.selectableStatuses().stream()
                    .filter(status -> status.getCode().equals("resolved")).findFirst().orElseThrow().getId();

            tasks.changeStatus(viewer, task.getNumber(), resolved, current.getVersion());

            MimeMessage mail = awaitMailTo(contact, "Решена");
            assertThat(subjectOf(mail)).contains("Решена");
            assertThat(mailsTo(employee)).noneMatch(m -> bodyOf(m).contains("Решена"));
        }
    }

    private static MimeMessage awaitMailTo(Person person, String text) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            var found = mailsTo(person).stream().filter(m -> bodyOf(m).contains(text)
                    || subjectOf(m).contains(text)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            TestMail.server().waitForIncomingEmail(200, Integer.MAX_VALUE);
        }
        throw new AssertionError("No mail to " + person.getEmail() + " containing «" + text + "» within " + PATIENCE);
    }

    private static List<MimeMessage> mailsTo(Person person) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> recipients(m).contains(person.getEmail()))
                .toList();
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getRecipients(RecipientType.TO));
        } catch (jakarta.mail.MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static String bodyOf(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).isEmpty() ? "" : decoded(mail);
    }

    private static String decoded(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception broken) {
            throw new IllegalStateException(broken);
        }
    }
}
