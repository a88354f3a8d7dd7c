package com.easydesk.notification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.message.Message;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The notification area «Новые сообщения» (DESIGN.md §2.10, §2.14): who gets an entry for which event, the
 * header's count under the visibility rules, and how entries become read.
 */
@IntegrationTest
class NotificationAreaTest {

    private static final Pattern COUNT = Pattern.compile("id=\"notification-count\"[^>]*>([^<]*)<");

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    PersonService people;

    @Autowired
    NotificationArea area;

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
    Client client;
    Category category;

    @BeforeEach
    void setUp() {
        // Managers and the director get mail about every unassigned task of the whole test run: only the test
        // about unassigned tasks adds any.
        creator = fixtures.staff(Role.EMPLOYEE);
        responsible = fixtures.staff(Role.EMPLOYEE);
        coExecutor = fixtures.staff(Role.EMPLOYEE);
        observer = fixtures.staff(Role.EMPLOYEE);
        client = fixtures.client();
        contact = fixtures.contact(client);
        watcher = fixtures.contact(client);
        category = fixtures.category(responsible);
    }

    @Nested
    class WhoGetsAnEntry {

        @Test
        void aClientsTaskIsNewForItsResponsibleAndNotForTheClientWhoWroteIt() {
            Task task = fixtures.task(contact, category);

            assertThat(entries(responsible, task)).containsExactly(entry(NotificationKind.NEW_TASK, null));
            assertThat(entries(contact, task)).isEmpty();
        }

        @Test
        void aTaskStaffCreateIsNewForEveryParticipantButItsAuthor() {
            Task task = createdByManager(false);

            for (Person person : List.of(responsible, coExecutor, observer, contact)) {
                assertThat(entries(person, task)).as(person.getFullName())
                        .containsExactly(entry(NotificationKind.NEW_TASK, null));
            }
            assertThat(entries(creator, task)).isEmpty();
        }

        @Test
        void anInternalTaskIsNeverAnnouncedToAClient() {
            Task task = createdByManager(true);

            assertThat(entries(contact, task)).isEmpty();
            assertThat(entries(responsible, task)).hasSize(1);
        }

        @Test
        void aTaskNobodyCouldTakeGoesToTheManagers() {
            Person manager = fixtures.staff(Role.MANAGER);
            Person director = fixtures.staff(Role.DIRECTOR);

            Task task = fixtures.task(contact, fixtures.category(null));

            assertThat(task.getResponsible()).isNull();
            assertThat(entries(manager, task)).containsExactly(entry(NotificationKind.NEW_TASK, null));
            assertThat(entries(director, task)).containsExactly(entry(NotificationKind.NEW_TASK, null));
            assertThat(entries(responsible, task)).isEmpty();
        }

        @Test
        void aClientsMessageReachesStaffOfTheTaskAndNotItsAuthor() {
            Task task = withWatcher(createdByManager(false));

            Message message = fixtures.message(contact, task, "Сайт снова не открывается", false);

            for (Person person : List.of(responsible, coExecutor, observer, watcher)) {
                assertThat(entries(person, task)).as(person.getFullName())
                        .contains(entry(NotificationKind.NEW_MESSAGE, message.getId()));
            }
            assertThat(entries(contact, task)).doesNotContain(entry(NotificationKind.NEW_MESSAGE, message.getId()));
        }

        @Test
        void aColleaguesPublicMessageReachesEveryParticipantButItsAuthor() {
            Task task = withWatcher(createdByManager(false));

            Message message = fixtures.message(coExecutor, task, "Сделали резервную копию", false);

            for (Person person : List.of(responsible, observer, contact, watcher)) {
                assertThat(entries(person, task)).as(person.getFullName())
                        .contains(entry(NotificationKind.NEW_MESSAGE, message.getId()));
            }
            assertThat(entries(coExecutor, task)).doesNotContain(entry(NotificationKind.NEW_MESSAGE, message.getId()));
        }

        @Test
        void anInternalMessageNeverReachesAClient() {
            Task task = withWatcher(createdByManager(false));

            Message message = fixtures.message(responsible, task, "Внутренняя заметка", true);

            assertThat(entries(observer, task)).contains(entry(NotificationKind.NEW_MESSAGE, message.getId()));
            assertThat(entries(coExecutor, task)).contains(entry(NotificationKind.NEW_MESSAGE, message.getId()));
            assertThat(entries(contact, task)).doesNotContain(entry(NotificationKind.NEW_MESSAGE, message.getId()));
            assertThat(entries(watcher, task)).doesNotContain(entry(NotificationKind.NEW_MESSAGE, message.getId()));
        }

        @Test
        void anEntryIsWrittenEvenWhenTheProfileSwitchesMailOff() {
            var quiet = new Person(Fixtures.email("quiet"), "Тихий сотрудник", Role.EMPLOYEE, null);
            quiet.chooseNotifications(false, false, false);
            Person employee = people.register(quiet, Fixtures.PASSWORD);
            Task task = fixtures.task(contact, fixtures.category(employee));

            Message message = fixtures.message(contact, task, "Ответ клиента", false);

            assertThat(entries(employee, task)).containsExactly(entry(NotificationKind.NEW_TASK, null),
                    entry(NotificationKind.NEW_MESSAGE, message.getId()));
        }

        @Test
        void nobodyGetsTwoEntriesForOneEvent() {
            var details = new TaskDetails(null, null, null, null, responsible.getId(), null, responsible.getId(),
                    client.getId(), contact.getId(), false);
            Task task = tasks.submit(Viewer.of(creator), new NewTask("Ответственный и наблюдатель", "", null, null,
                    details), List.of());

            Message message = fixtures.message(contact, task, "Кто здесь?", false);

            assertThat(task.getObservers()).extracting(Person::getId).containsExactly(responsible.getId());
            assertThat(entries(responsible, task)).containsExactly(entry(NotificationKind.NEW_TASK, null),
                    entry(NotificationKind.NEW_MESSAGE, message.getId()));
        }

        @Test
        void aTaskGivenToSomeoneIsNewForThemEvenIfTheyHadReadItBefore() throws Exception {
            Task task = createdByManager(false);
            Person other = fixtures.staff(Role.EMPLOYEE);
            markAllRead(responsible);

            reassign(task, other);
            reassign(task, responsible);

            assertThat(unread(other, task)).isEqualTo(1);
            assertThat(unread(responsible, task)).isEqualTo(1);
            assertThat(entries(responsible, task)).hasSize(1);
        }

        @Test
        void someoneAddedToATaskFindsItNew() {
            Task task = createdByManager(false);
            Person newObserver = fixtures.staff(Role.EMPLOYEE);

            edit(task, newObserver.getId(), null);
            edit(task, null, watcher.getId());

            assertThat(entries(newObserver, task)).containsExactly(entry(NotificationKind.NEW_TASK, null));
            assertThat(entries(watcher, task)).containsExactly(entry(NotificationKind.NEW_TASK, null));
        }

        @Test
        void aWatcherOfAnInternalTaskHearsNothingOfIt() {
            Task task = withWatcher(createdByManager(true));

            fixtures.message(responsible, task, "Публичное сообщение во внутренней задаче", false);

            assertThat(entries(watcher, task)).isEmpty();
            assertThat(entries(contact, task)).isEmpty();
        }
    }

    @Nested
    class Badge {

        @Test
        void theBellCountsUnreadEntriesAndHidesItsBadgeAtZero() throws Exception {
            Task task = fixtures.task(contact, category);
            fixtures.message(contact, task, "Первое", false);
            fixtures.message(contact, task, "Второе", false);

            assertThat(badge(responsible)).isEqualTo("3");
            assertThat(area.unreadCount(Viewer.of(responsible))).isEqualTo(3);

            markAllRead(responsible);

            assertThat(badge(responsible)).isNull();
            assertThat(text(as(responsible, get("/notifications/badge")))).contains("id=\"nav-notifications\"");
        }

        @Test
        void everyPageShowsTheBellPollingAtTheConfiguredInterval() throws Exception {
            fixtures.task(contact, category);

            String page = text(as(responsible, get("/tasks")));

            assertThat(page).contains("id=\"nav-notifications\"", "hx-get=\"/notifications/badge\"",
                    "hx-trigger=\"every 1000ms, notifications-refresh\"");
            assertThat(COUNT.matcher(page).find()).isTrue();
        }

        @Test
        void aWatcherWhoIsRemovedNoLongerCountsTheTasksEntries() throws Exception {
            Task task = withWatcher(createdByManager(false));
            markAllRead(watcher);
            fixtures.message(responsible, task, "Для клиента", false);
            assertThat(badge(watcher)).isEqualTo("1");

            Task current = tasks.visibleTask(Viewer.of(creator), task.getNumber());
            tasks.edit(Viewer.of(creator), task.getNumber(), new TaskEdit(current.getPriority(), null, null, null,
                    null, coExecutor.getId(), client.getId(), contact.getId(), null, null, null, watcher.getId()),
                    current.getVersion());

            assertThat(unread(watcher, task)).as("the entry is still there, unread").isEqualTo(1);
            assertThat(badge(watcher)).isNull();
            assertThat(text(as(watcher, get("/notifications")))).doesNotContain(task.getTitle());
        }

        @Test
        void aClientNeverCountsAnEntryOfAnInternalTaskOrMessage() throws Exception {
            Task task = createdByManager(false);
            markAllRead(contact);
            fixtures.message(responsible, task, "Публичный ответ", false);
            Message internal = fixtures.message(responsible, task, "Внутренняя заметка", true);
            // The area never writes such an entry; the count must hide it all the same.
            jdbc.update("insert into notification (person_id, task_id, message_id, kind, created_at) "
                    + "values (:person, :task, :message, 'NEW_MESSAGE', now())", Map.of("person", contact.getId(),
                    "task", task.getId(), "message", internal.getId()));
            assertThat(unread(contact, task)).isEqualTo(2);

            assertThat(badge(contact)).isEqualTo("1");
            assertThat(text(as(contact, get("/notifications")))).contains("Публичный ответ")
                    .doesNotContain("Внутренняя заметка");

            // Tasks become internal only when created; the hardest case is a client's task that turns out to be.
            jdbc.update("update task set internal = true where id = :id", Map.of("id", task.getId()));

            assertThat(badge(contact)).isNull();
            assertThat(text(as(contact, get("/notifications")))).doesNotContain(task.getTitle(), "Публичный ответ");
        }

        @Test
        void aClientOfAnotherCompanyCountsNothingOfTheTask() {
            Task task = createdByManager(false);
            Person stranger = fixtures.contact(fixtures.client());
            jdbc.update("insert into notification (person_id, task_id, kind, created_at) "
                    + "values (:person, :task, 'NEW_TASK', now())", Map.of("person", stranger.getId(),
                    "task", task.getId()));

            assertThat(area.unreadCount(Viewer.of(stranger))).isZero();
            assertThat(area.entries(Viewer.of(stranger), Pageable.unpaged())).isEmpty();
        }
    }

    @Nested
    class Reading {

        @Test
        void openingATaskMarksTheViewersEntriesOfThatTaskRead() throws Exception {
            Task opened = fixtures.task(contact, category);
            Task other = fixtures.task(contact, category);
            fixtures.message(contact, opened, "В открытой задаче", false);
            fixtures.message(contact, other, "В другой задаче", false);

            MockHttpServletResponse page = as(responsible, get("/tasks/" + opened.getNumber()));

            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(unread(responsible, opened)).isZero();
            assertThat(unread(responsible, other)).isEqualTo(2);
            assertThat(COUNT.matcher(text(page)).results().map(match -> match.group(1)).toList())
                    .as("the page's own bell already counts the task read").containsExactly("2");
        }

        @Test
        void markAllReadEmptiesTheArea() throws Exception {
            Task task = fixtures.task(contact, category);
            fixtures.message(contact, task, "Ещё вопрос", false);

            MockHttpServletResponse response = mvc.perform(post("/notifications/read").with(csrf())
                    .with(fixtures.as(responsible))).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).isEqualTo("/notifications");
            assertThat(unread(responsible, task)).isZero();
            assertThat(entries(responsible, task)).hasSize(2);
            String list = text(as(responsible, get("/notifications")));
            assertThat(list).contains(task.getTitle()).doesNotContain("notification-unread", "id=\"mark-all-read\"");
        }

        @Test
        void theListShowsNewestFirstWithUnreadHighlightedAndLinksToTheMessage() throws Exception {
            Task older = fixtures.task(contact, category);
            Task newer = fixtures.task(contact, category);
            Message message = fixtures.message(contact, newer, "Свежий вопрос клиента", false);
            as(responsible, get("/tasks/" + older.getNumber()));

            String list = text(as(responsible, get("/notifications")));

            List<String> entries = entryTags(list);
            assertThat(entries).hasSizeGreaterThanOrEqualTo(3);
            assertThat(entries.get(0)).contains("data-message=\"" + message.getId() + "\"", "notification-unread",
                    "href=\"/tasks/" + newer.getNumber() + "#message-" + message.getId() + "\"");
            assertThat(entries.get(1)).contains("data-task=\"" + newer.getNumber() + "\"", "data-kind=\"NEW_TASK\"",
                    "notification-unread");
            assertThat(entries.get(2)).contains("data-task=\"" + older.getNumber() + "\"")
                    .doesNotContain("notification-unread");
            assertThat(list).contains("Свежий вопрос клиента", "id=\"mark-all-read\"");
        }

        @Test
        void theListIsPaged() throws Exception {
            Task task = fixtures.task(contact, category);
            for (int i = 1; i <= 30; i++) {
                fixtures.message(contact, task, "Сообщение номер " + i + ".", false);
            }

            String first = text(as(responsible, get("/notifications")));
            String second = text(as(responsible, get("/notifications?page=1")));

            assertThat(first).contains("Сообщение номер 30.", "Сообщение номер 1.", "id=\"notifications-next\"")
                    .doesNotContain("data-kind=\"NEW_TASK\"");
            assertThat(second).contains("data-kind=\"NEW_TASK\"", "id=\"notifications-previous\"")
                    .doesNotContain("Сообщение номер");
        }
    }

    private Task createdByManager(boolean internal) {
        var details = new TaskDetails(null, null, null, null, responsible.getId(), coExecutor.getId(),
                observer.getId(), client.getId(), contact.getId(), internal);
        return tasks.submit(Viewer.of(creator), new NewTask("Задача для области " + Fixtures.email("t"), "Описание",
                null, null, details), List.of());
    }

    private Task withWatcher(Task task) {
        return edit(task, null, watcher.getId());
    }

    private Task edit(Task task, Long addObserverId, Long addWatcherId) {
        Task current = tasks.visibleTask(Viewer.of(creator), task.getNumber());
        var edit = new TaskEdit(current.getPriority(), null, null, null, null, current.getCoExecutor().getId(),
                client.getId(), contact.getId(), addObserverId, null, addWatcherId, null);
        return tasks.edit(Viewer.of(creator), task.getNumber(), edit, current.getVersion());
    }

    private void reassign(Task task, Person employee) {
        Task current = tasks.visibleTask(Viewer.of(creator), task.getNumber());
        tasks.assignResponsible(Viewer.of(creator), task.getNumber(), employee.getId(), current.getVersion());
    }

    private void markAllRead(Person person) {
        area.markAllRead(Viewer.of(person));
    }

    /** The person's entries of the task, oldest first, as (kind, message id). */
    private List<Map<String, Object>> entries(Person person, Task task) {
        return jdbc.queryForList("select kind, message_id from notification where person_id = :person "
                + "and task_id = :task order by created_at, id", Map.of("person", person.getId(), "task",
                task.getId()));
    }

    private static Map<String, Object> entry(NotificationKind kind, Long messageId) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("kind", kind.name());
        entry.put("message_id", messageId);
        return entry;
    }

    private long unread(Person person, Task task) {
        return jdbc.queryForObject("select count(*) from notification where person_id = :person and task_id = :task "
                + "and read_at is null", Map.of("person", person.getId(), "task", task.getId()), Long.class);
    }

    /** The badge's number as the bell fragment shows it, or null when it shows none. */
    private String badge(Person person) throws Exception {
        MockHttpServletResponse response = as(person, get("/notifications/badge").header("HX-Request", "true"));
        assertThat(response.getStatus()).isEqualTo(200);
        Matcher count = COUNT.matcher(text(response));
        return count.find() ? count.group(1) : null;
    }

    /** The opening tags of the list's entries, in the order shown. */
    private static List<String> entryTags(String list) {
        return Pattern.compile("<a [^>]*class=\"list-group-item[^\"]*notification[^>]*>").matcher(list).results()
                .map(MatchResult::group).toList();
    }

    private MockHttpServletResponse as(Person person, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.with(fixtures.as(person))).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
