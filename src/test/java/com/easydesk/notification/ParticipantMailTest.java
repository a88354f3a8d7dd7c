package com.easydesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.TestMail;
import com.easydesk.task.NewTask;
import com.easydesk.task.Task;
import com.easydesk.task.TaskDetails;
import com.easydesk.task.TaskEdit;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;

/** Everyone who takes part in a task hears about it (DESIGN.md §2.14), through the outbox and real SMTP. */
@IntegrationTest
class ParticipantMailTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    Person manager;
    Person responsible;
    Person coExecutor;
    Person observer;
    Person contact;
    Person watcher;
    Client client;

    @BeforeEach
    void setUp() {
        manager = fixtures.staff(Role.MANAGER);
        responsible = fixtures.staff(Role.EMPLOYEE);
        coExecutor = fixtures.staff(Role.EMPLOYEE);
        observer = fixtures.staff(Role.MANAGER);
        client = fixtures.client();
        contact = fixtures.contact(client);
        watcher = fixtures.contact(client);
    }

    @Nested
    class NewTaskByStaff {

        @Test
        void everyParticipantAndTheClientContactHearOfIt() {
            Task task = createdByManager(false);

            awaitMailTo(responsible, task, "Вам назначена новая задача");
            awaitMailTo(coExecutor, task, "вы в ней участвуете");
            awaitMailTo(observer, task, "вы в ней участвуете");
            awaitMailTo(contact, task, "вы в ней участвуете");
            assertThat(mailsTo(manager, task)).isEmpty();
            assertThat(mailsTo(responsible, task)).hasSize(1);
        }
    }

    @Nested
    class Messages {

        @Test
        void publicMessageReachesEveryParticipantButItsAuthor() {
            Task task = withWatcher(createdByManager(false));

            fixtures.message(coExecutor, task, "Сделали резервную копию", false);

            for (Person person : List.of(responsible, observer, contact, watcher)) {
                awaitMailTo(person, task, "Сделали резервную копию");
            }
            assertThat(mailsTo(coExecutor, task)).noneMatch(mail -> bodyOf(mail).contains("Сделали резервную копию"));
        }

        @Test
        void internalMessageStaysWithStaff() {
            Task task = withWatcher(createdByManager(false));

            fixtures.message(responsible, task, "Внутренняя заметка для своих", true);
            fixtures.message(responsible, task, "Контрольное публичное сообщение", false);

            awaitMailTo(observer, task, "Внутренняя заметка для своих");
            awaitMailTo(coExecutor, task, "Внутренняя заметка для своих");
            awaitMailTo(watcher, task, "Контрольное публичное сообщение");
            awaitMailTo(contact, task, "Контрольное публичное сообщение");
            assertThat(mailsTo(watcher, task)).noneMatch(mail -> bodyOf(mail).contains("Внутренняя заметка"));
            assertThat(mailsTo(contact, task)).noneMatch(mail -> bodyOf(mail).contains("Внутренняя заметка"));
        }
    }

    @Nested
    class Participation {

        @Test
        void someoneAddedToATaskIsTold() {
            Task task = createdByManager(false);
            Person newObserver = fixtures.staff(Role.EMPLOYEE);

            edit(task, newObserver.getId(), null);

            awaitMailTo(newObserver, task, "наблюдатель");
        }

        @Test
        void watchersHearOfStatusChanges() {
            Task task = withWatcher(createdByManager(false));

            fixtures.moveTo(task, "resolved", responsible);

            awaitMailTo(watcher, task, "Решена");
            awaitMailTo(contact, task, "Решена");
        }
    }

    private Task createdByManager(boolean internal) {
        var details = new TaskDetails(null, null, null, null, responsible.getId(), coExecutor.getId(),
                observer.getId(), client.getId(), contact.getId(), internal);
        return tasks.submit(Viewer.of(manager), new NewTask("Задача для участников", "Описание", null, null, details),
                List.of());
    }

    private Task withWatcher(Task task) {
        return edit(task, null, watcher.getId());
    }

    private Task edit(Task task, Long addObserverId, Long addWatcherId) {
        Task current = tasks.visibleTask(Viewer.of(manager), task.getNumber());
        var edit = new TaskEdit(current.getPriority(), null, null, null, null, current.getCoExecutor().getId(),
                client.getId(), contact.getId(), addObserverId, null, addWatcherId, null);
        return tasks.edit(Viewer.of(manager), task.getNumber(), edit, current.getVersion());
    }

    static MimeMessage awaitMailTo(Person person, Task task, String text) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            var found = mailsTo(person, task).stream()
                    .filter(mail -> bodyOf(mail).contains(text) || subjectOf(mail).contains(text)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            TestMail.server().waitForIncomingEmail(200, Integer.MAX_VALUE);
        }
        throw new AssertionError("No mail to " + person.getEmail() + " about #" + task.getNumber() + " with «"
                + text + "» within " + PATIENCE);
    }

    /** GreenMail serves the whole test run: only mail to this person about this task counts. */
    static List<MimeMessage> mailsTo(Person person, Task task) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(mail -> recipients(mail).contains(person.getEmail()))
                .filter(mail -> subjectOf(mail).startsWith("[#" + task.getNumber() + "]"))
                .toList();
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getRecipients(RecipientType.TO));
        } catch (MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    static String bodyOf(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception broken) {
            throw new IllegalStateException(broken);
        }
    }
}
