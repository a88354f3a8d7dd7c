package com.easydesk.notification;

import java.util.List;

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
import com.easydesk.support.Mailbox;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;

/** Notification e-mails travel through the outbox and a real SMTP server (GreenMail). */
@IntegrationTest
class TaskNotificationMailTest {

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
        return Mailbox.awaitContaining(person, text);
    }

    private static List<MimeMessage> mailsTo(Person person) {
        return Mailbox.to(person);
    }

    private static String subjectOf(MimeMessage mail) {
        return Mailbox.subject(mail);
    }

    private static String bodyOf(MimeMessage mail) {
        return Mailbox.body(mail);
    }
}
