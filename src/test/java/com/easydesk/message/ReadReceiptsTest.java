package com.easydesk.message;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.NewTask;
import com.easydesk.task.Task;
import com.easydesk.task.TaskDetails;
import com.easydesk.task.TaskEdit;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Read receipts (DESIGN.md §2.12): a message is read by whoever opens its task with it on screen; the author
 * of a public message and staff see who of its recipients has read it and when; internal ones stay with staff.
 */
@IntegrationTest
class ReadReceiptsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    MockMvc mvc;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Person creator;
    Person responsible;
    Person coExecutor;
    Person observer;
    Person contact;
    Person watcher;
    Person supervisor;
    Task task;

    @BeforeEach
    void setUp() {
        creator = fixtures.staff(Role.EMPLOYEE);
        responsible = fixtures.staff(Role.EMPLOYEE);
        coExecutor = fixtures.staff(Role.EMPLOYEE);
        observer = fixtures.staff(Role.EMPLOYEE);
        Client client = fixtures.client();
        contact = fixtures.contact(client);
        watcher = fixtures.contact(client);
        supervisor = fixtures.supervisor(client);
        var details = new TaskDetails(null, null, null, null, responsible.getId(), coExecutor.getId(),
                observer.getId(), client.getId(), contact.getId(), false);
        task = tasks.submit(Viewer.of(creator), new NewTask("Проверка отметок о прочтении", "", null, null, details),
                List.of());
        Task current = tasks.visibleTask(Viewer.of(creator), task.getNumber());
        task = tasks.edit(Viewer.of(creator), task.getNumber(), new TaskEdit(current.getPriority(), null, null, null,
                null, coExecutor.getId(), client.getId(), contact.getId(), null, null, watcher.getId(), null),
                current.getVersion());
    }

    @Nested
    class Recording {

        @Test
        void openingATaskRecordsTheShownMessagesThatOthersWrote() throws Exception {
            Message staffPublic = fixtures.message(responsible, task, "Публичный ответ", false);
            Message staffInternal = fixtures.message(responsible, task, "Внутренняя заметка", true);
            Message clients = fixtures.message(contact, task, "Ответ клиента", false);

            open(contact);
            open(responsible);
            open(observer);

            assertThat(readBy(contact)).containsExactly(staffPublic.getId());
            assertThat(readBy(responsible)).containsExactly(clients.getId());
            assertThat(readBy(observer)).containsExactly(staffPublic.getId(), staffInternal.getId(), clients.getId());
        }

        @Test
        void theFirstReadingCounts() throws Exception {
            Message message = fixtures.message(responsible, task, "Публичный ответ", false);
            open(contact);
            Timestamp first = readAt(message, contact);

            open(contact);

            assertThat(readAt(message, contact)).isEqualTo(first);
        }

        @Test
        void aMessageNobodyOpenedIsReadByNobody() {
            Message message = fixtures.message(responsible, task, "Пока никто не открыл", false);

            assertThat(jdbc.queryForObject("select count(*) from message_read where message_id = :id",
                    Map.of("id", message.getId()), Long.class)).isZero();
        }
    }

    @Nested
    class Showing {

        @Test
        void theAuthorSeesWhoHasReadAPublicMessageAndWhen() throws Exception {
            Message message = fixtures.message(responsible, task, "Публичный ответ", false);
            open(contact);

            String receipts = receipts(page(responsible), message);

            assertThat(reader(receipts, contact)).contains("receipt-is-read", "✓✓", "<time");
            for (Person unread : List.of(watcher, coExecutor, observer)) {
                assertThat(reader(receipts, unread)).as(unread.getFullName()).doesNotContain("receipt-is-read", "✓✓")
                        .contains("✓", "не прочитано");
            }
            assertThat(receipts).contains("Прочитали 1 из 4").doesNotContain(dataReader(responsible));
        }

        @Test
        void theTimeOfReadingIsShownInTheViewersTimeZone() throws Exception {
            Message message = fixtures.message(responsible, task, "Публичный ответ", false);
            open(contact);
            jdbc.update("update message_read set read_at = '2026-03-02T09:05:00Z' where message_id = :id",
                    Map.of("id", message.getId()));

            // Staff registered by the fixtures live in Europe/Moscow: three hours ahead of UTC.
            assertThat(reader(receipts(page(responsible), message), contact)).contains("02.03.2026 12:05");
        }

        @Test
        void staffSeeReceiptsOfEveryMessageWithEveryoneWhoReadIt() throws Exception {
            Message clients = fixtures.message(contact, task, "Вопрос клиента", false);
            open(supervisor);
            open(responsible);

            String receipts = receipts(page(observer), clients);

            assertThat(reader(receipts, responsible)).contains("receipt-is-read");
            assertThat(reader(receipts, supervisor)).contains("receipt-is-read", "не участник");
            assertThat(receipts).contains(dataReader(watcher), dataReader(coExecutor))
                    .doesNotContain(dataReader(contact));
        }

        @Test
        void anInternalMessageListsStaffReadersOnly() throws Exception {
            Message internal = fixtures.message(responsible, task, "Внутренняя заметка", true);
            open(coExecutor);
            open(contact);

            String receipts = receipts(page(creator), internal);

            assertThat(reader(receipts, coExecutor)).contains("receipt-is-read");
            assertThat(receipts).contains(dataReader(observer))
                    .doesNotContain(dataReader(contact), dataReader(watcher), dataReader(supervisor));
        }

        @Test
        void aClientSeesReceiptsOfTheirOwnMessagesWithoutTheProvidersObservers() throws Exception {
            Message clients = fixtures.message(contact, task, "Вопрос клиента", false);
            Message staffPublic = fixtures.message(responsible, task, "Ответ сотрудника", false);
            fixtures.message(responsible, task, "Внутренняя заметка о клиенте", true);
            open(responsible);
            open(observer);
            open(supervisor);

            String page = page(contact);
            String receipts = receipts(page, clients);

            assertThat(reader(receipts, responsible)).contains("receipt-is-read");
            assertThat(receipts).contains(dataReader(coExecutor), dataReader(watcher))
                    .doesNotContain(dataReader(observer), dataReader(supervisor), observer.getFullName());
            assertThat(article(page, staffPublic)).doesNotContain("class=\"receipts");
            assertThat(page).doesNotContain("Внутренняя заметка о клиенте");
        }

        @Test
        void anotherClientOfTheTaskSeesNoReceiptsOfMessagesTheyDidNotWrite() throws Exception {
            Message clients = fixtures.message(contact, task, "Вопрос клиента", false);
            Message staffPublic = fixtures.message(responsible, task, "Ответ сотрудника", false);

            String page = page(watcher);

            assertThat(article(page, clients)).doesNotContain("class=\"receipts");
            assertThat(article(page, staffPublic)).doesNotContain("class=\"receipts");
        }
    }

    private void open(Person person) throws Exception {
        page(person);
    }

    private String page(Person person) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/tasks/" + task.getNumber()).with(fixtures.as(person)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(person.getFullName() + " opens the task").isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private List<Long> readBy(Person person) {
        return jdbc.queryForList("select r.message_id from message_read r join message m on m.id = r.message_id "
                + "where r.person_id = :person and m.task_id = :task order by r.message_id",
                Map.of("person", person.getId(), "task", task.getId()), Long.class);
    }

    private Timestamp readAt(Message message, Person person) {
        return jdbc.queryForObject("select read_at from message_read where message_id = :message "
                + "and person_id = :person", Map.of("message", message.getId(), "person", person.getId()),
                Timestamp.class);
    }

    private static String article(String page, Message message) {
        int start = page.indexOf("id=\"message-" + message.getId() + "\"");
        assertThat(start).as("message " + message.getId() + " on the page").isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }

    /** The receipts block of a message; the test fails when the message shows none. */
    private static String receipts(String page, Message message) {
        String article = article(page, message);
        int start = article.indexOf("class=\"receipts");
        assertThat(start).as("receipts of message " + message.getId()).isNotNegative();
        return article.substring(start);
    }

    /** One person's line of a receipts block. */
    private static String reader(String receipts, Person person) {
        int start = receipts.indexOf(dataReader(person));
        assertThat(start).as(person.getFullName() + " in the receipts").isNotNegative();
        int lineStart = receipts.lastIndexOf("<li", start);
        return receipts.substring(lineStart, receipts.indexOf("</li>", start));
    }

    private static String dataReader(Person person) {
        return "data-reader=\"" + person.getId() + "\"";
    }
}
