package com.easydesk.notification;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Language;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.ProfileDetails;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.Mailbox;
import com.easydesk.task.NewTask;
import com.easydesk.task.Task;
import com.easydesk.task.TaskDetails;
import com.easydesk.task.TaskEdit;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of notification e-mail (DESIGN.md §2.14, docs/mail.md), one test per rule, through the outbox and
 * a real SMTP server. A rule that says "no mail" is checked after a later mail to the same person has arrived:
 * the outbox sends in the order it was written, so a mail that broke the rule would have arrived first.
 */
@IntegrationTest
class NotificationMailRulesTest {

    private static final String BASE_URL = "http://easydesk.test";
    private static final String DOMAIN = "@easydesk.test>";

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    PersonService people;

    Person manager;
    Person employee;
    Person observer;
    Person contact;
    Person watcher;
    Client client;
    Category category;

    @BeforeEach
    void setUp() {
        manager = fixtures.staff(Role.MANAGER);
        employee = fixtures.staff(Role.EMPLOYEE);
        observer = fixtures.staff(Role.MANAGER);
        client = fixtures.client();
        contact = fixtures.contact(client);
        watcher = fixtures.contact(client);
        category = fixtures.category(employee);
    }

    @Nested
    class Threading {

        @Test
        void mailsAboutOneTaskAnswerTheTaskThreadAndTwoTasksDiffer() {
            Task first = fixtures.task(contact, category);
            Task second = fixtures.task(contact, category);
            fixtures.message(contact, first, "Второе письмо той же задачи", false);

            MimeMessage created = awaitMail(employee, first, "Новая задача");
            MimeMessage answered = awaitMail(employee, first, "Второе письмо той же задачи");
            MimeMessage other = awaitMail(employee, second, "Новая задача");

            String firstThread = "<task-" + first.getNumber() + DOMAIN;
            for (MimeMessage mail : List.of(created, answered)) {
                assertThat(header(mail, "In-Reply-To")).isEqualTo(firstThread);
                assertThat(header(mail, "References")).isEqualTo(firstThread);
            }
            assertThat(header(other, "In-Reply-To")).isEqualTo("<task-" + second.getNumber() + DOMAIN)
                    .isNotEqualTo(firstThread);
        }

        @Test
        void everyMailHasItsOwnMessageIdInTheInstallationsDomain() {
            Task task = withWatcher(fixtures.task(contact, category));
            fixtures.message(employee, task, "Одно событие, два получателя", false);

            MimeMessage toContact = awaitMail(contact, task, "Одно событие, два получателя");
            MimeMessage toWatcher = awaitMail(watcher, task, "Одно событие, два получателя");
            MimeMessage earlier = awaitMail(watcher, task, "Вы участвуете");

            Set<String> ids = List.of(toContact, toWatcher, earlier).stream()
                    .map(mail -> header(mail, "Message-ID")).collect(Collectors.toSet());
            assertThat(ids).hasSize(3).allSatisfy(id -> assertThat(id)
                    .startsWith("<task-" + task.getNumber() + ".").endsWith(DOMAIN)
                    .isNotEqualTo(header(toContact, "In-Reply-To")));
        }
    }

    @Nested
    class Subjects {

        @Test
        void cyrillicSubjectTravelsAsEncodedWordsAndReadsBackAsTyped() throws Exception {
            String title = "Не работает почта у бухгалтерии — «срочно», ёлки и длинный хвост заголовка задачи";
            Task task = fixtures.titledTask(contact, category, title, "Описание");

            MimeMessage mail = awaitMail(employee, task, "Новая задача");

            String raw = header(mail, "Subject");
            assertThat(raw).matches("\\p{ASCII}+").contains("=?UTF-8?");
            assertThat(MimeUtility.decodeText(MimeUtility.unfold(raw)))
                    .isEqualTo("[#" + task.getNumber() + "] Новая задача: " + title);
            assertThat(Mailbox.subject(mail)).endsWith(title);
        }

        @Test
        void aLineBreakInATitleCannotAddAHeader() {
            Task task = fixtures.titledTask(contact, category, "Счёт\r\nBcc: intruder@test.easydesk", "Описание");

            MimeMessage mail = awaitMail(employee, task, "Новая задача");

            assertThat(Mailbox.subject(mail)).endsWith("Счёт Bcc: intruder@test.easydesk");
            assertThat(MimeUtility.unfold(header(mail, "Subject"))).doesNotContain("\r", "\n");
        }
    }

    @Nested
    class Bodies {

        @Test
        void messageMailHasTheAuthorTheTextAndTheLink() {
            Task task = fixtures.task(contact, category);

            fixtures.message(employee, task, "Перезагрузили сервер,\nпроверьте, пожалуйста.", false);

            String body = Mailbox.body(awaitMail(contact, task, "Перезагрузили сервер"));
            assertThat(body).contains(employee.getFullName(), "Перезагрузили сервер,", "проверьте, пожалуйста.",
                    BASE_URL + "/tasks/" + task.getNumber());
        }

        @Test
        void newTaskMailCarriesTheDescription() {
            Task task = fixtures.titledTask(contact, category, "Новый сотрудник", "Заведите почту для Марии.");

            assertThat(Mailbox.body(awaitMail(employee, task, "Новая задача")))
                    .contains("Заведите почту для Марии.", BASE_URL + "/tasks/" + task.getNumber());
        }
    }

    @Nested
    class Participants {

        @Test
        void publicMessageReachesStaffAndClientSideButNotItsAuthor() {
            Task task = withWatcher(createdByManager(false));

            fixtures.message(contact, task, "Публичный вопрос клиента", false);

            for (Person person : List.of(employee, observer, watcher)) {
                awaitMail(person, task, "Публичный вопрос клиента");
            }
            fixtures.message(employee, task, "Контроль после вопроса", false);
            awaitMail(contact, task, "Контроль после вопроса");
            assertThat(mailsContaining(contact, task, "Публичный вопрос клиента")).isEmpty();
        }

        @Test
        void internalMessageReachesStaffOnlyEvenIfTheClientWatches() {
            Task task = withWatcher(createdByManager(false));

            fixtures.message(employee, task, "Внутреннее: клиент тянет с оплатой", true);
            fixtures.message(employee, task, "Контроль после внутреннего", false);

            awaitMail(observer, task, "Внутреннее: клиент тянет с оплатой");
            for (Person client : List.of(contact, watcher)) {
                awaitMail(client, task, "Контроль после внутреннего");
                assertThat(mailsContaining(client, task, "клиент тянет с оплатой")).isEmpty();
            }
        }

        @Test
        void clientHearsNothingOfAnInternalTask() {
            Task secret = createdByManager(true);
            Task open = createdByManager(false);

            fixtures.message(employee, secret, "Тихо чиним ошибку", false);
            fixtures.moveTo(secret, "resolved", employee);
            fixtures.message(employee, open, "Контроль после внутренней задачи", false);

            awaitMail(observer, secret, "Тихо чиним ошибку");
            awaitMail(contact, open, "Контроль после внутренней задачи");
            assertThat(Mailbox.to(contact)).noneMatch(mail -> isAbout(mail, secret));
        }
    }

    @Nested
    class StatusChanges {

        @Test
        void clientsStatusMailSaysTheStatusAndNothingOfInternalHistory() {
            Task task = createdByManager(false);
            fixtures.message(employee, task, "Внутренняя пометка о статусе", true);
            edit(task, fixtures.staff(Role.EMPLOYEE).getId(), null);

            fixtures.moveTo(task, "resolved", employee);

            String body = Mailbox.body(awaitMail(contact, task, "Статус изменён")).replace("\r\n", "\n").strip();
            assertThat(body).isEqualTo("Задача #" + task.getNumber() + " «" + task.getTitle()
                    + "» теперь в статусе «Решена».\n\n" + BASE_URL + "/tasks/" + task.getNumber());
        }

        @Test
        void whoChangedTheStatusIsNotMailedAboutIt() {
            Task task = fixtures.task(contact, category);
            fixtures.moveTo(task, "resolved", employee);
            awaitMail(contact, task, "«Решена»");

            tasks.accept(Viewer.of(contact), task.getNumber(),
                    tasks.visibleTask(Viewer.of(contact), task.getNumber()).getVersion());

            awaitMail(employee, task, "«Закрыта»");
            fixtures.message(employee, task, "Контроль после закрытия", false);
            awaitMail(contact, task, "Контроль после закрытия");
            assertThat(mailsContaining(contact, task, "«Закрыта»")).isEmpty();
            assertThat(mailsContaining(employee, task, "«Решена»")).isEmpty();
        }
    }

    @Nested
    class OneMailPerEvent {

        @Test
        void responsibleWhoAlsoObservesGetsOneMail() {
            Task task = createdBy(manager, employee, employee, false);
            fixtures.message(contact, task, "Вопрос двум ролям сразу", false);
            fixtures.message(contact, task, "Контроль для двух ролей", false);

            awaitMail(employee, task, "Контроль для двух ролей");
            assertThat(mailsContaining(employee, task, "Вопрос двум ролям сразу")).hasSize(1);
            assertThat(mailsContaining(employee, task, "Новая задача")).hasSize(1);
        }

        @Test
        void contactWhoAlsoWatchesGetsOneMailAndNoWatcherNotice() {
            Task task = fixtures.task(contact, category);
            edit(task, null, contact.getId());
            fixtures.moveTo(task, "resolved", employee);
            fixtures.message(employee, task, "Ответ контакту-наблюдателю", false);
            fixtures.message(employee, task, "Контроль для контакта", false);

            awaitMail(contact, task, "Контроль для контакта");
            assertThat(mailsContaining(contact, task, "Ответ контакту-наблюдателю")).hasSize(1);
            assertThat(mailsContaining(contact, task, "«Решена»")).hasSize(1);
            assertThat(mailsContaining(contact, task, "Вы участвуете")).isEmpty();
        }
    }

    @Nested
    class ProfileChoices {

        @Test
        void withoutMessageMailAnObserverStillHearsOfStatusChanges() {
            Task task = createdByManager(false);
            profile(observer, Language.RU, false, true, true);

            fixtures.message(contact, task, "Сообщение без письма наблюдателю", false);
            fixtures.moveTo(task, "resolved", employee);

            awaitMail(observer, task, "«Решена»");
            assertThat(mailsContaining(observer, task, "Сообщение без письма наблюдателю")).isEmpty();
        }

        @Test
        void withoutStatusMailAContactStillHearsOfMessages() {
            Task task = fixtures.task(contact, category);
            profile(contact, Language.RU, true, false, true);

            fixtures.moveTo(task, "resolved", employee);
            fixtures.message(employee, task, "Сообщение после решения", false);

            awaitMail(contact, task, "Сообщение после решения");
            assertThat(mailsContaining(contact, task, "Статус изменён")).isEmpty();
        }

        @Test
        void withoutAssignmentMailAnEmployeeStillHearsOfMessages() {
            Person other = fixtures.staff(Role.EMPLOYEE);
            profile(other, Language.RU, true, true, false);
            Task task = fixtures.task(contact, category);

            tasks.assignResponsible(Viewer.of(manager), task.getNumber(), other.getId(),
                    tasks.visibleTask(Viewer.of(manager), task.getNumber()).getVersion());
            fixtures.message(contact, task, "Сообщение новому ответственному", false);

            awaitMail(other, task, "Сообщение новому ответственному");
            assertThat(mailsContaining(other, task, "Вы ответственный")).isEmpty();
        }
    }

    @Nested
    class Languages {

        @Test
        void eachRecipientOfOneEventReadsTheirOwnLanguage() {
            Task task = withWatcher(fixtures.task(contact, category));
            profile(watcher, Language.EN, true, true, true);

            fixtures.message(employee, task, "Один текст для двоих", false);

            MimeMessage english = awaitMail(watcher, task, "Один текст для двоих");
            MimeMessage russian = awaitMail(contact, task, "Один текст для двоих");
            assertThat(Mailbox.subject(english)).startsWith("[#" + task.getNumber() + "] New message: ");
            assertThat(Mailbox.body(english)).contains(" wrote in task #" + task.getNumber());
            assertThat(Mailbox.subject(russian)).startsWith("[#" + task.getNumber() + "] Новое сообщение: ");
            assertThat(Mailbox.body(russian)).contains(" написал(а) в задаче #" + task.getNumber());
        }
    }

    private Task createdByManager(boolean internal) {
        return createdBy(manager, employee, observer, internal);
    }

    private Task createdBy(Person author, Person responsible, Person observing, boolean internal) {
        var details = new TaskDetails(null, null, null, null, responsible.getId(), null, observing.getId(),
                client.getId(), contact.getId(), internal);
        return tasks.submit(Viewer.of(author), new NewTask("Задача о письмах", "Описание", category.getId(), null,
                details), List.of());
    }

    private Task withWatcher(Task task) {
        return edit(task, null, watcher.getId());
    }

    private Task edit(Task task, Long addObserverId, Long addWatcherId) {
        Task current = tasks.visibleTask(Viewer.of(manager), task.getNumber());
        var edit = new TaskEdit(current.getPriority(), null, null, null, current.getCategory().getId(),
                null, client.getId(), contact.getId(), addObserverId, null, addWatcherId, null);
        return tasks.edit(Viewer.of(manager), task.getNumber(), edit, current.getVersion());
    }

    private void profile(Person person, Language language, boolean messages, boolean statuses, boolean assignments) {
        people.changeProfile(Viewer.of(person), new ProfileDetails(person.getFullName(), ZoneId.of("Europe/Moscow"),
                language, messages, statuses, assignments));
    }

    private static MimeMessage awaitMail(Person person, Task task, String text) {
        return Mailbox.await(person, "about #" + task.getNumber() + " with «" + text + "»",
                mail -> isAbout(mail, task) && contains(mail, text));
    }

    private static List<MimeMessage> mailsContaining(Person person, Task task, String text) {
        return Mailbox.to(person).stream().filter(mail -> isAbout(mail, task) && contains(mail, text)).toList();
    }

    private static boolean isAbout(MimeMessage mail, Task task) {
        return Mailbox.subject(mail).startsWith("[#" + task.getNumber() + "]");
    }

    private static boolean contains(MimeMessage mail, String text) {
        return Mailbox.subject(mail).contains(text) || Mailbox.body(mail).contains(text);
    }

    /** The header as it travelled, still encoded. */
    private static String header(MimeMessage mail, String name) {
        String[] values = headers(mail, name);
        assertThat(values).as(name).hasSize(1);
        return values[0];
    }

    private static String[] headers(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name);
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
