package com.easydesk.queue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.NewTask;
import com.easydesk.task.Priority;
import com.easydesk.task.Task;
import com.easydesk.task.TaskDetails;
import com.easydesk.task.TaskService;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The queue page as an employee gets it: groups with counts, the folded group closed until opened, "show more"
 * through htmx, and a number of SQL statements that does not grow with the queue. The clock is the real one
 * here, so the tasks are days away from today's edges; QueueServiceTest fixes the clock for those.
 */
@IntegrationTest
class QueuePageTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    Person manager;
    Person employee;

    @BeforeEach
    void setUp() {
        manager = fixtures.staff(Role.MANAGER);
        employee = fixtures.staffIn(Role.EMPLOYEE, MOSCOW);
    }

    @Nested
    class Page {

        @Test
        void showsEachGroupWithItsCountAndKeepsTheFoldedGroupClosedAndEmpty() throws Exception {
            String late = task(employee, -2, null);
            String later = task(employee, 5, null);
            String waiting = task(employee, 5, "waiting");
            String startsLater = task(employee, null, null, LocalDate.now(MOSCOW).plusDays(3));

            String page = html(mvc.perform(get("/queue").with(fixtures.as(employee))).andReturn().getResponse());

            assertThat(group(page, "overdue")).contains(late).doesNotContain(later);
            assertThat(group(page, "upcoming")).contains(later).doesNotContain(late);
            assertThat(count(page, "overdue")).isEqualTo(1);
            assertThat(count(page, "today")).isZero();
            assertThat(count(page, "upcoming")).isEqualTo(1);
            assertThat(count(page, "folded")).isEqualTo(2);
            assertThat(openingTag(page, "folded")).doesNotContain(" open");
            assertThat(openingTag(page, "overdue")).contains(" open");
            assertThat(page).doesNotContain(waiting, startsLater);
        }

        @Test
        void theFoldedGroupBringsItsRowsWhenOpened() throws Exception {
            String late = task(employee, -2, null);
            String waiting = task(employee, 5, "waiting");

            MockHttpServletResponse rows = mvc.perform(htmx(get("/queue/folded")).with(fixtures.as(employee)))
                    .andReturn().getResponse();

            assertThat(rows.getStatus()).isEqualTo(200);
            assertThat(html(rows)).contains(waiting).doesNotContain(late, "<html", "queue-more");
        }

        @Test
        void showMoreBringsTheNextPageOfTheGroup() throws Exception {
            for (int i = 0; i < QueueService.PAGE_SIZE + 1; i++) {
                task(employee, 5, null);
            }

            String page = html(mvc.perform(get("/queue").with(fixtures.as(employee))).andReturn().getResponse());
            String more = html(mvc.perform(htmx(get("/queue/upcoming").param("page", "1")).with(fixtures.as(employee)))
                    .andReturn().getResponse());

            assertThat(rows(group(page, "upcoming"))).isEqualTo(QueueService.PAGE_SIZE);
            assertThat(group(page, "upcoming")).contains("hx-get=\"/queue/upcoming?page=1\"");
            assertThat(rows(more)).isEqualTo(1);
            assertThat(more).doesNotContain("queue-more");
        }

        @Test
        void aGroupsOwnAddressWithoutHtmxOpensItOnTheWholePage() throws Exception {
            String waiting = task(employee, 5, "waiting");

            String page = html(mvc.perform(get("/queue/folded").with(fixtures.as(employee))).andReturn()
                    .getResponse());

            assertThat(page).contains("<html");
            assertThat(openingTag(page, "folded")).contains(" open");
            assertThat(group(page, "folded")).contains(waiting);
        }

        @Test
        void anUnknownGroupIsNotFound() throws Exception {
            assertThat(mvc.perform(get("/queue/later").with(fixtures.as(employee))).andReturn().getResponse()
                    .getStatus()).isEqualTo(404);
        }

        @Test
        void eachEmployeeSeesOnlyTheirOwnQueue() throws Exception {
            Person colleague = fixtures.staffIn(Role.EMPLOYEE, MOSCOW);
            String theirs = task(colleague, -2, null);
            String mine = task(employee, -2, null);

            String page = html(mvc.perform(get("/queue").with(fixtures.as(employee))).andReturn().getResponse());

            assertThat(page).contains(mine).doesNotContain(theirs);
        }
    }

    @Nested
    class Statements {

        /** The page reads a page of rows per group, whatever the groups hold: no statement per row. */
        @Test
        void aQueuePageSendsAsManyStatementsForManyTasksAsForFew() throws Exception {
            Person busy = fixtures.staffIn(Role.EMPLOYEE, MOSCOW);
            for (Person person : List.of(employee, busy)) {
                int each = person == busy ? QueueService.PAGE_SIZE + 1 : 1;
                for (int i = 0; i < each; i++) {
                    task(person, -2, null);
                    task(person, 5, null);
                    task(person, 5, "waiting");
                }
            }

            for (String url : List.of("/queue", "/queue/overdue", "/queue/folded")) {
                long few = statements(get(url), employee);
                long many = statements(get(url), busy);

                assertThat(many).as(url).isEqualTo(few);
                assertThat(many).as(url + ": the viewer's lookup, the bell's count, the counts, a page per open "
                        + "group").isBetween(3L, 6L);
            }
            long fragmentFew = statements(htmx(get("/queue/upcoming")), employee);
            long fragmentMany = statements(htmx(get("/queue/upcoming")), busy);
            assertThat(fragmentMany).as("the viewer's lookup and the page").isEqualTo(fragmentFew).isEqualTo(2);
        }

        /**
         * The SQL statements this thread sends while the request runs, from Hibernate's and JdbcTemplate's own
         * debug logs (turned on for the request only). Signing in is prepared before, so it does not count.
         */
        private long statements(MockHttpServletRequestBuilder request, Person person) throws Exception {
            RequestPostProcessor signedIn = fixtures.as(person);
            Logger hibernate = (Logger) LoggerFactory.getLogger("org.hibernate.SQL");
            Logger jdbc = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
            Level hibernateLevel = hibernate.getLevel();
            Level jdbcLevel = jdbc.getLevel();
            var appender = new ListAppender<ILoggingEvent>();
            appender.start();
            hibernate.addAppender(appender);
            jdbc.addAppender(appender);
            hibernate.setLevel(Level.DEBUG);
            jdbc.setLevel(Level.DEBUG);
            String thread = Thread.currentThread().getName();
            try {
                assertThat(mvc.perform(request.with(signedIn)).andReturn().getResponse().getStatus()).isEqualTo(200);
            } finally {
                hibernate.setLevel(hibernateLevel);
                jdbc.setLevel(jdbcLevel);
                hibernate.detachAppender(appender);
                jdbc.detachAppender(appender);
            }
            return appender.list.stream()
                    .filter(event -> event.getThreadName().equals(thread))
                    .filter(event -> event.getLoggerName().equals(hibernate.getName())
                            || event.getFormattedMessage().startsWith("Executing prepared SQL statement"))
                    .count();
        }
    }

    private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return request.header("HX-Request", "true");
    }

    /** A task for this employee with a deadline so many days from today in Moscow (null: none), in a status. */
    private String task(Person responsible, Integer deadlineInDays, String status) {
        return task(responsible, deadlineInDays, status, null);
    }

    private String task(Person responsible, Integer deadlineInDays, String status, LocalDate start) {
        String title = "Задача страницы очереди " + UUID.randomUUID();
        LocalDate deadline = deadlineInDays == null ? null : LocalDate.now(MOSCOW).plusDays(deadlineInDays);
        Task task = tasks.submit(Viewer.of(manager), new NewTask(title, "", null, null, new TaskDetails(
                Priority.NORMAL, deadline, null, start, responsible.getId(), null, null, null, null, false)),
                List.of());
        if (status != null) {
            fixtures.moveTo(task, status, manager);
        }
        return title;
    }

    private static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString();
    }

    /** The markup of one group, from its details element to the end of it. */
    private static String group(String page, String group) {
        int start = page.indexOf("id=\"queue-" + group + "\"");
        assertThat(start).as("group " + group + " on the page").isNotNegative();
        return page.substring(start, page.indexOf("</details>", start));
    }

    private static String openingTag(String page, String group) {
        int id = page.indexOf("id=\"queue-" + group + "\"");
        return page.substring(page.lastIndexOf('<', id), page.indexOf('>', id));
    }

    private static int count(String page, String group) {
        Matcher badge = Pattern.compile("queue-count\">(\\d+)<").matcher(group(page, group));
        assertThat(badge.find()).as("count of " + group).isTrue();
        return Integer.parseInt(badge.group(1));
    }

    private static int rows(String html) {
        return html.split("class=\"list-group-item list-group-item-action queue-row\"", -1).length - 1;
    }
}
