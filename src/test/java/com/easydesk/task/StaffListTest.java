package com.easydesk.task;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import com.easydesk.category.Category;
import com.easydesk.category.CategoryService;
import com.easydesk.client.Client;
import com.easydesk.client.ClientService;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The staff list (DESIGN.md §2.9): filters that combine and live in the URL, sorting by every column with
 * the task number breaking ties, keyset pages, reassigning from a row, the workload strip, and a page whose
 * database work does not grow with its rows. The tasks of most tests sit in statuses of their own, so that a
 * filter by those statuses shows exactly them in the database the whole test run shares.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffListTest {

    private static final Pattern ROW = Pattern.compile("id=\"task-row-(\\d+)\"");
    private static final Instant BASE = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    StatusService statuses;

    @Autowired
    ClientService clients;

    @Autowired
    CategoryService categories;

    @Autowired
    PersonService people;

    @Autowired
    TaskService taskService;

    @Autowired
    StatementCounter statementCounter;

    Person manager;
    Person employee;
    Person alpha;
    Person beta;
    Client clientA;
    Client clientB;
    Category categoryA;
    Category categoryB;
    TaskStatus first;
    TaskStatus second;

    /** The six tasks the filters and sorts are checked on, by name. */
    final Map<String, Spec> specs = new LinkedHashMap<>();

    @BeforeAll
    void buildTheTasks() {
        manager = fixtures.staff(Role.MANAGER);
        employee = fixtures.staff(Role.EMPLOYEE);
        String run = UUID.randomUUID().toString().substring(0, 8);
        alpha = people.register(new Person(Fixtures.email("alpha"), "Альфа Сотрудник " + run, Role.EMPLOYEE, null),
                Fixtures.PASSWORD);
        beta = people.register(new Person(Fixtures.email("beta"), "Бета Сотрудник " + run, Role.EMPLOYEE, null),
                Fixtures.PASSWORD);
        clientA = clients.add(new Client("Альфа Клиент " + run));
        clientB = clients.add(new Client("Бета Клиент " + run));
        categoryA = categories.add(new Category("Альфа Категория " + run, null));
        categoryB = categories.add(new Category("Бета Категория " + run, null));
        first = status("Первый статус списка", StatusKind.ACTIVE);
        second = status("Второй статус списка", StatusKind.WAITING);

        add(new Spec("t1", "Альфа задача", clientB, categoryB, beta, null, Priority.HIGH, first, days(3), hours(1),
                true));
        add(new Spec("t2", "бета задача", clientA, null, alpha, beta, Priority.LOW, second, null, hours(5), false));
        add(new Spec("t3", "Гамма задача", null, categoryA, null, alpha, Priority.CRITICAL, first, days(1), hours(2),
                true));
        add(new Spec("t4", "дельта задача", clientA, categoryA, beta, null, Priority.NORMAL, second, days(2),
                hours(4), false));
        add(new Spec("t5", "Епсилон задача", clientB, categoryB, alpha, beta, Priority.NORMAL, first, null, hours(3),
                false));
        add(new Spec("t6", "Жук задача", null, null, null, null, Priority.HIGH, second, days(1), hours(3), false));
        // A read notification is no unread mark; the unread ones are the manager's own.
        notify(specs.get("t2"), manager, true);
        notify(specs.get("t4"), employee, false);
    }

    @Nested
    class Filters {

        @Test
        void byStatusesShowsTasksInAnyOfThem() throws Exception {
            assertThat(rows("status=" + first.getId())).containsExactlyInAnyOrderElementsOf(numbers("t1", "t3", "t5"));
            assertThat(rows("status=" + first.getId() + "&status=" + second.getId()))
                    .containsExactlyInAnyOrderElementsOf(numbers("t1", "t2", "t3", "t4", "t5", "t6"));
        }

        @Test
        void byDefaultOnlyOpenTasksShowAndTheArchiveIsAStatusFilter() throws Exception {
            long closed = insertTask("Закрытая задача", clientA, "closed");

            assertThat(rows("client=" + clientA.getId())).containsExactlyInAnyOrderElementsOf(numbers("t2", "t4"));
            assertThat(rows("client=" + clientA.getId() + "&status=" + statusId("closed")))
                    .containsExactly(closed);
        }

        @Test
        void byResponsibleAndByNobody() throws Exception {
            assertThat(rows("responsible=" + alpha.getId())).containsExactlyInAnyOrderElementsOf(numbers("t2", "t5"));
            assertThat(rows(both() + "&responsible=none")).containsExactlyInAnyOrderElementsOf(numbers("t3", "t6"));
        }

        @Test
        void byClientAndWithoutOne() throws Exception {
            assertThat(rows("client=" + clientB.getId())).containsExactlyInAnyOrderElementsOf(numbers("t1", "t5"));
            assertThat(rows(both() + "&client=none")).containsExactlyInAnyOrderElementsOf(numbers("t3", "t6"));
        }

        @Test
        void byCategoryAndWithoutOne() throws Exception {
            assertThat(rows("category=" + categoryA.getId())).containsExactlyInAnyOrderElementsOf(numbers("t3", "t4"));
            assertThat(rows(both() + "&category=none")).containsExactlyInAnyOrderElementsOf(numbers("t2", "t6"));
        }

        @Test
        void filtersCombine() throws Exception {
            assertThat(rows("status=" + first.getId() + "&client=" + clientB.getId() + "&responsible=" + alpha.getId()))
                    .containsExactly(number("t5"));
            assertThat(rows(both() + "&category=" + categoryB.getId() + "&responsible=" + beta.getId()))
                    .containsExactly(number("t1"));
            assertThat(rows(both() + "&category=" + categoryA.getId() + "&client=" + clientB.getId())).isEmpty();
        }

        @Test
        void theFormShowsTheFiltersOfTheUrl() throws Exception {
            String page = page(get("/tasks?status=" + first.getId() + "&responsible=none&client=" + clientA.getId()
                    + "&category=" + categoryB.getId()));

            assertThat(page).contains("id=\"status-" + first.getId() + "\" checked")
                    .doesNotContain("id=\"status-" + second.getId() + "\" checked")
                    .contains("value=\"none\" selected", "value=\"" + clientA.getId() + "\" selected",
                            "value=\"" + categoryB.getId() + "\" selected");
        }

        @Test
        void malformedParametersAreIgnored() throws Exception {
            MockHttpServletResponse response = perform(get("/tasks?status=abc&status=-1&responsible=x&client=1e9"
                    + "&category=&sort=bogus&dir=up&after=zz&before=" + Long.MAX_VALUE + "9"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("id=\"task-board\"");
        }
    }

    @Nested
    class Sorting {

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("com.easydesk.task.StaffListTest#orders")
        void everyColumnSortsBothWaysWithTheNumberBreakingTies(TaskListSort sort, String direction) throws Exception {
            Function<Spec, Comparable> key = key(sort);
            Comparator<Spec> ascending = Comparator.<Spec>comparingInt(spec -> 0)
                    .thenComparing((a, b) -> nullsLast(key.apply(a), key.apply(b))).thenComparing(Spec::number);
            Comparator<Spec> order = direction.equals("asc") ? ascending : ascending.reversed();
            List<Long> expected = specs.values().stream().sorted(order).map(Spec::number).toList();

            assertThat(rows(both() + "&sort=" + sort.key() + "&dir=" + direction)).containsExactlyElementsOf(expected);
        }

        @Test
        void theDefaultIsNewestActivityFirst() throws Exception {
            assertThat(rows(both())).containsExactlyElementsOf(numbers("t2", "t4", "t6", "t5", "t3", "t1"));
        }

        @Test
        void aColumnHeaderSortsByItsColumnAndTheCurrentOneTurnsRound() throws Exception {
            String page = page(get("/tasks?" + both() + "&sort=priority&dir=desc"));

            assertThat(hrefs(page)).contains("/tasks?" + both() + "&sort=priority&dir=asc",
                    "/tasks?" + both() + "&sort=deadline&dir=asc", "/tasks?" + both());
        }

        /** A missing value is the largest, as in the list. */
        @SuppressWarnings("unchecked")
        private static int nullsLast(Comparable a, Comparable b) {
            if (a == null || b == null) {
                return a == b ? 0 : a == null ? 1 : -1;
            }
            return a.compareTo(b);
        }

        private Function<Spec, Comparable> key(TaskListSort sort) {
            return switch (sort) {
                case NUMBER -> Spec::number;
                case TITLE -> spec -> lower(spec.title());
                case CLIENT -> spec -> spec.client() == null ? null : lower(spec.client().getName());
                case CATEGORY -> spec -> spec.category() == null ? null : lower(spec.category().getName());
                case RESPONSIBLE -> spec -> spec.responsible() == null ? null : lower(spec.responsible().getFullName());
                case CO_EXECUTOR -> spec -> spec.coExecutor() == null ? null : lower(spec.coExecutor().getFullName());
                case PRIORITY -> spec -> spec.priority().ordinal();
                case STATUS -> spec -> spec.status().getPosition();
                case DEADLINE -> Spec::deadline;
                case ACTIVITY -> Spec::activity;
                case UNREAD -> Spec::unread;
            };
        }
    }

    static Stream<Arguments> orders() {
        return Stream.of(TaskListSort.values()).flatMap(sort -> Stream.of(Arguments.of(sort, "asc"),
                Arguments.of(sort, "desc")));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Paging {

        /** 120 tasks with the same last activity: only the number orders them. */
        List<Long> tied;
        TaskStatus own;

        @BeforeAll
        void fillAStatus() {
            own = status("Статус для страниц", StatusKind.NEW);
            tied = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                tied.add(insert("Страница " + i, Map.of("status_id", own.getId(), "last_activity_at",
                        java.sql.Timestamp.from(BASE))));
            }
            tied.sort(Comparator.reverseOrder());
        }

        @Test
        void nextAndPreviousWalkTheWholeOrderWithoutGapsOrRepeats() throws Exception {
            String firstPage = page(get("/tasks?status=" + own.getId()));
            assertThat(rowsOf(firstPage)).containsExactlyElementsOf(tied.subList(0, 50));
            assertThat(firstPage).doesNotContain("id=\"list-previous\"");

            String secondPage = follow(firstPage, "list-next");
            assertThat(rowsOf(secondPage)).containsExactlyElementsOf(tied.subList(50, 100));
            String thirdPage = follow(secondPage, "list-next");
            assertThat(rowsOf(thirdPage)).containsExactlyElementsOf(tied.subList(100, 120));
            assertThat(thirdPage).doesNotContain("id=\"list-next\"");

            String backToSecond = follow(thirdPage, "list-previous");
            assertThat(rowsOf(backToSecond)).containsExactlyElementsOf(tied.subList(50, 100));
            String backToFirst = follow(backToSecond, "list-previous");
            assertThat(rowsOf(backToFirst)).containsExactlyElementsOf(tied.subList(0, 50));
            assertThat(backToFirst).doesNotContain("id=\"list-previous\"");
        }

        @Test
        void pagesKeepTheOrderAndTheFilters() throws Exception {
            String firstPage = page(get("/tasks?status=" + own.getId() + "&sort=number&dir=asc"));
            String secondPage = follow(firstPage, "list-next");

            List<Long> ascending = new ArrayList<>(tied);
            Collections.reverse(ascending);
            assertThat(rowsOf(firstPage)).containsExactlyElementsOf(ascending.subList(0, 50));
            assertThat(rowsOf(secondPage)).containsExactlyElementsOf(ascending.subList(50, 100));
            assertThat(link(firstPage, "list-next")).contains("status=" + own.getId(), "sort=number", "dir=asc",
                    "after=" + ascending.get(49));
        }

        @Test
        void theCountStopsAtItsLimit() throws Exception {
            TaskStatus crowded = status("Статус на тысячу задач", StatusKind.WAITING);
            jdbc.update("insert into task (title, status_id, author_id) select 'Толпа ' || i, :status, :author "
                    + "from generate_series(1, :count) i", new MapSqlParameterSource("status", crowded.getId())
                    .addValue("author", manager.getId()).addValue("count", TaskListPage.COUNT_LIMIT + 5));

            assertThat(page(get("/tasks?status=" + own.getId()))).contains("Найдено: 120");
            String crowdedPage = page(get("/tasks?status=" + crowded.getId()));
            assertThat(crowdedPage).contains("Найдено больше 1").doesNotContain("Найдено: ");
            assertThat(rowsOf(crowdedPage)).hasSize(50);
        }
    }

    @Nested
    class Htmx {

        @Test
        void aFilterChangeAnswersWithTheBoardAndTheCleanUrl() throws Exception {
            MockHttpServletResponse response = perform(get("/tasks?status=" + first.getId() + "&responsible=&client="
                    + "&category=&sort=activity&dir=desc").header("HX-Request", "true"));

            assertThat(response.getContentAsString()).contains("id=\"task-board\"").doesNotContain("<html");
            assertThat(response.getHeader("HX-Push-Url")).isEqualTo("/tasks?status=" + first.getId());
            assertThat(response.getHeaders("Vary")).contains("HX-Request");
        }

        @Test
        void theDefaultStatusesTheFormSendsStayOutOfTheUrl() throws Exception {
            List<Long> open = jdbc.queryForList("select id from task_status where kind in ('NEW', 'ACTIVE', 'WAITING')",
                    Map.of(), Long.class);
            var request = get("/tasks").param("client", clientA.getId().toString()).header("HX-Request", "true");
            open.forEach(id -> request.param("status", id.toString()));

            assertThat(perform(request).getHeader("HX-Push-Url")).isEqualTo("/tasks?client=" + clientA.getId());
        }

        @Test
        void aHistoryRestoreGetsTheWholePage() throws Exception {
            MockHttpServletResponse response = perform(get("/tasks?status=" + first.getId())
                    .header("HX-Request", "true").header("HX-History-Restore-Request", "true"));

            assertThat(response.getContentAsString()).contains("<html", "id=\"task-board\"");
        }
    }

    @Nested
    class Rows {

        @Test
        void showEveryColumnAndTheUnreadMark() throws Exception {
            String page = page(get("/tasks?" + both()));
            String t2 = row(page, number("t2"));
            String t1 = row(page, number("t1"));

            assertThat(t2).contains("бета задача", HtmlUtils.htmlEscape(clientA.getName()),
                    HtmlUtils.htmlEscape(beta.getFullName()), "Низкий", "Второй статус списка")
                    .doesNotContain("is-unread");
            assertThat(t1).contains("is-unread", HtmlUtils.htmlEscape(categoryB.getName()), "Высокий");
        }

        @Test
        void managersGetTheReassignSelectAndEmployeesTheName() throws Exception {
            assertThat(row(page(get("/tasks?" + both())), number("t2"))).contains("name=\"responsibleId\"");
            String asEmployee = text(mvc.perform(get("/tasks?" + both()).with(fixtures.as(employee))).andReturn()
                    .getResponse());
            assertThat(row(asEmployee, number("t2"))).doesNotContain("name=\"responsibleId\"")
                    .contains(HtmlUtils.htmlEscape(alpha.getFullName()));
        }
    }

    /** On tasks and people of their own, so that the filters' tests see the same data whatever runs first. */
    @Nested
    class ReassignFromARow {

        final Person anna = fixtures.staff(Role.EMPLOYEE);
        final Person boris = fixtures.staff(Role.EMPLOYEE);

        @Test
        void changesTheResponsibleWithHistoryAndAnswersWithTheRowAndTheWorkload() throws Exception {
            Task task = freshTask();
            long version = currentVersion(task);

            MockHttpServletResponse response = perform(reassign(task, boris, version).header("HX-Request", "true"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("id=\"task-row-" + task.getNumber() + "\"",
                    "value=\"" + boris.getId() + "\" selected", "id=\"workload\"", "hx-swap-oob=\"true\"")
                    .doesNotContain("<html");
            assertThat(responsibleOf(task)).isEqualTo(boris.getId());
            assertThat(jdbc.queryForObject("select count(*) from task_change where task_id = :id "
                    + "and field = 'RESPONSIBLE' and new_value = :name", new MapSqlParameterSource("id", task.getId())
                    .addValue("name", boris.getFullName()), Long.class)).isEqualTo(1);
        }

        @Test
        void aStaleVersionChangesNothingAndShowsTheRowAsItIs() throws Exception {
            Task task = freshTask();
            long version = currentVersion(task);
            taskService.assignResponsible(Viewer.of(manager), task.getNumber(), anna.getId(), version);

            MockHttpServletResponse response = perform(reassign(task, boris, version).header("HX-Request", "true"));

            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(response.getHeader("HX-Retarget")).isEqualTo("#task-row-" + task.getNumber());
            assertThat(response.getContentAsString()).contains("Задачу уже изменили",
                    "value=\"" + anna.getId() + "\" selected");
            assertThat(responsibleOf(task)).isEqualTo(anna.getId());
        }

        @Test
        void withoutHtmxTheManagerReturnsToTheListTheyCameFrom() throws Exception {
            Task task = freshTask();

            MockHttpServletResponse response = perform(reassign(task, anna, currentVersion(task))
                    .param("back", "client=" + clientA.getId() + "&sort=deadline&dir=asc&evil=https://example.org"));

            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl())
                    .isEqualTo("/tasks?client=" + clientA.getId() + "&sort=deadline&dir=asc");
            assertThat(responsibleOf(task)).isEqualTo(anna.getId());
        }

        @Test
        void anEmployeeCannotReassign() throws Exception {
            Task task = freshTask();
            Long before = responsibleOf(task);

            MockHttpServletResponse response = mvc.perform(reassignRequest(task, boris, currentVersion(task))
                    .header("HX-Request", "true").with(fixtures.as(employee)).with(csrf())).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(responsibleOf(task)).isEqualTo(before);
        }

        private Task freshTask() {
            Client client = fixtures.client();
            return fixtures.task(fixtures.contact(client), fixtures.category(employee));
        }

        private MockHttpServletRequestBuilder reassign(Task task, Person to, long version) {
            return reassignRequest(task, to, version);
        }

        private MockHttpServletRequestBuilder reassignRequest(Task task, Person to, long version) {
            return post("/tasks/{n}/responsible", task.getNumber()).param("view", "row")
                    .param("responsibleId", to.getId().toString()).param("version", String.valueOf(version));
        }
    }

    @Nested
    class Workload {

        @Test
        void countsOpenAndOverdueTasksPerEmployeeAndLinksToThem() throws Exception {
            Person busy = fixtures.staff(Role.EMPLOYEE);
            Instant past = Instant.now().minus(Duration.ofDays(2));
            Instant later = Instant.now().plus(Duration.ofDays(2));
            insert("Открытая просроченная", Map.of("responsible_id", busy.getId(), "status_id", statusId("new"),
                    "deadline", java.sql.Timestamp.from(past)));
            insert("Открытая в срок", Map.of("responsible_id", busy.getId(), "status_id", statusId("in_progress"),
                    "deadline", java.sql.Timestamp.from(later)));
            insert("Открытая без срока", Map.of("responsible_id", busy.getId(), "status_id", statusId("waiting")));
            insert("Закрытая просроченная", Map.of("responsible_id", busy.getId(), "status_id", statusId("closed"),
                    "deadline", java.sql.Timestamp.from(past)));

            String strip = workloadOf(page(get("/tasks")), busy);

            assertThat(strip).contains("class=\"workload-count\">3<", ">1</a>",
                    "href=\"/tasks?responsible=" + busy.getId() + "\"",
                    "href=\"/tasks?responsible=" + busy.getId() + "&amp;sort=deadline&amp;dir=asc\"");
            assertThat(rows("responsible=" + busy.getId())).hasSize(3);
        }

        private String workloadOf(String page, Person person) {
            Matcher item = Pattern.compile("data-person=\"" + person.getId()
                    + "\">(.*?)</span>\\s*(<span class=\"workload-item|</nav>)", Pattern.DOTALL).matcher(page);
            assertThat(item.find()).as("the strip names " + person.getFullName()).isTrue();
            return item.group(1);
        }
    }

    @Nested
    class Visibility {

        /** Client B's tasks and the internal ones never show; client A's supervisor sees A's, as always. */
        @Test
        void clientsGetTheirOwnListWhateverTheyAskFor() throws Exception {
            Person contact = fixtures.contact(clientA);
            Person supervisor = fixtures.supervisor(clientA);
            String query = "/tasks?" + both() + "&responsible=" + alpha.getId() + "&client=" + clientB.getId();
            for (Person person : List.of(contact, supervisor)) {
                for (boolean htmx : List.of(false, true)) {
                    var request = get(query).with(fixtures.as(person));
                    if (htmx) {
                        request.header("HX-Request", "true");
                    }
                    String body = text(mvc.perform(request).andReturn().getResponse());

                    assertThat(body).as(person.getEmail() + (htmx ? " from htmx" : ""))
                            .doesNotContain("task-board", "workload", "task-row-", "name=\"responsibleId\"",
                                    "Альфа задача", "Епсилон задача", "Гамма задача");
                }
            }
        }

        @Test
        void clientsCannotReassignFromARow() throws Exception {
            Client client = fixtures.client();
            Person supervisor = fixtures.supervisor(client);
            Task task = fixtures.task(fixtures.contact(client), fixtures.category(employee));
            Long before = responsibleOf(task);

            MockHttpServletResponse response = mvc.perform(post("/tasks/{n}/responsible", task.getNumber())
                    .param("view", "row").param("responsibleId", alpha.getId().toString())
                    .param("version", String.valueOf(currentVersion(task))).header("HX-Request", "true")
                    .with(fixtures.as(supervisor)).with(csrf())).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(responsibleOf(task)).isEqualTo(before);
        }
    }

    /**
     * The page's database work does not grow with its rows: one statement reads the rows with everything
     * they show, whether 5 or 50 of them.
     */
    @Nested
    class Statements {

        @Test
        void aPageOfFiftyRowsSendsAsManyStatementsAsAPageOfFive() throws Exception {
            Client few = clients.add(new Client("Пять задач " + UUID.randomUUID()));
            Client many = clients.add(new Client("Пятьдесят задач " + UUID.randomUUID()));
            Category category = categories.add(new Category("Категория подсчёта " + UUID.randomUUID(), null));
            Person anna = fixtures.staff(Role.EMPLOYEE);
            Person boris = fixtures.staff(Role.EMPLOYEE);
            for (int i = 0; i < 50; i++) {
                Client client = i < 5 ? few : many;
                insert("Подсчёт " + i, Map.of("client_id", client.getId(), "status_id", statusId("in_progress"),
                        "category_id", category.getId(), "responsible_id", anna.getId(), "co_executor_id",
                        boris.getId()));
            }
            for (int i = 0; i < 45; i++) {
                insert("Подсчёт ещё " + i, Map.of("client_id", many.getId(), "status_id", statusId("waiting"),
                        "responsible_id", boris.getId()));
            }

            // Signing the requests in reads the person; that happens here, outside the counts.
            RequestPostProcessor signedIn = fixtures.as(manager);
            var five = statementCounter.count(() -> text(mvc.perform(get("/tasks?client=" + few.getId())
                    .with(signedIn)).andReturn().getResponse()));
            var fifty = statementCounter.count(() -> text(mvc.perform(get("/tasks?client=" + many.getId())
                    .with(signedIn)).andReturn().getResponse()));
            var fiftyByHtmx = statementCounter.count(() -> text(mvc.perform(get("/tasks?client=" + many.getId()
                    + "&sort=client").header("HX-Request", "true").with(signedIn)).andReturn().getResponse()));

            assertThat(rowsOf(five.result())).hasSize(5);
            assertThat(rowsOf(fifty.result())).hasSize(50);
            assertThat(rowsOf(fiftyByHtmx.result())).hasSize(50);
            assertThat(fifty.statements()).as("statements for 50 rows").isEqualTo(five.statements()).isPositive();
            // The fragment has no header, so not the bell's count either.
            assertThat(fiftyByHtmx.statements()).as("statements for 50 rows by htmx")
                    .isEqualTo(fifty.statements() - 1);
        }
    }

    // The data.

    record Spec(String name, String title, Client client, Category category, Person responsible,
            Person coExecutor, Priority priority, TaskStatus status, Instant deadline, Instant activity,
            Boolean unread, long number, long id) {

        Spec(String name, String title, Client client, Category category, Person responsible, Person coExecutor,
                Priority priority, TaskStatus status, Instant deadline, Instant activity, boolean unread) {
            this(name, title, client, category, responsible, coExecutor, priority, status, deadline, activity, unread,
                    0, 0);
        }

        Spec withIds(long newNumber, long newId) {
            return new Spec(name, title, client, category, responsible, coExecutor, priority, status, deadline,
                    activity, unread, newNumber, newId);
        }
    }

    private void add(Spec spec) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("client_id", spec.client() == null ? null : spec.client().getId());
        columns.put("category_id", spec.category() == null ? null : spec.category().getId());
        columns.put("responsible_id", spec.responsible() == null ? null : spec.responsible().getId());
        columns.put("co_executor_id", spec.coExecutor() == null ? null : spec.coExecutor().getId());
        columns.put("priority", spec.priority().name());
        columns.put("status_id", spec.status().getId());
        columns.put("deadline", spec.deadline() == null ? null : java.sql.Timestamp.from(spec.deadline()));
        columns.put("last_activity_at", java.sql.Timestamp.from(spec.activity()));
        long number = insert(spec.title(), columns);
        long id = jdbc.queryForObject("select id from task where number = :n", Map.of("n", number), Long.class);
        Spec stored = spec.withIds(number, id);
        specs.put(spec.name(), stored);
        if (spec.unread()) {
            notify(stored, manager, false);
        }
    }

    /** A task written straight into the table: no history, no mail, no routing, just the columns given. */
    private long insert(String title, Map<String, ?> columns) {
        var parameters = new MapSqlParameterSource("title", title).addValue("author", manager.getId())
                .addValue("status_id", statusId("new")).addValue("last_activity_at", java.sql.Timestamp.from(BASE))
                .addValues(columns);
        List<String> names = new ArrayList<>(List.of("title", "author_id", "status_id", "last_activity_at"));
        columns.keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
        String values = String.join(", ", names.stream().map(name -> name.equals("author_id") ? ":author"
                : ":" + name).toList());
        return jdbc.queryForObject("insert into task (" + String.join(", ", names) + ") values (" + values
                + ") returning number", parameters, Long.class);
    }

    private long insertTask(String title, Client client, String statusCode) {
        return insert(title, Map.of("client_id", client.getId(), "status_id", statusId(statusCode)));
    }

    private void notify(Spec spec, Person person, boolean read) {
        jdbc.update("insert into notification (person_id, task_id, kind, created_at, read_at) "
                + "values (:person, :task, 'NEW_TASK', :at, :read)", new MapSqlParameterSource("person", person.getId())
                .addValue("task", spec.id()).addValue("at", java.sql.Timestamp.from(BASE))
                .addValue("read", read ? java.sql.Timestamp.from(BASE) : null));
    }

    private TaskStatus status(String name, StatusKind kind) {
        Viewer asManager = Viewer.of(manager);
        TaskStatus status = statuses.add(asManager, name + " " + UUID.randomUUID().toString().substring(0, 8), kind,
                StatusColor.INFO);
        // Retired at once, so that no other test offers it; the list still filters by it.
        statuses.setActive(asManager, status.getId(), false);
        return status;
    }

    private long statusId(String code) {
        return jdbc.queryForObject("select id from task_status where code = :code", Map.of("code", code), Long.class);
    }

    private long currentVersion(Task task) {
        return jdbc.queryForObject("select version from task where id = :id", Map.of("id", task.getId()), Long.class);
    }

    private Long responsibleOf(Task task) {
        return jdbc.queryForObject("select responsible_id from task where id = :id", Map.of("id", task.getId()),
                Long.class);
    }

    private static Instant days(int days) {
        return BASE.plus(days, ChronoUnit.DAYS);
    }

    private static Instant hours(int hours) {
        return BASE.plus(hours, ChronoUnit.HOURS);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    // The pages.

    private String both() {
        return "status=" + Math.min(first.getId(), second.getId()) + "&status=" + Math.max(first.getId(),
                second.getId());
    }

    private long number(String name) {
        return specs.get(name).number();
    }

    private List<Long> numbers(String... names) {
        return Stream.of(names).map(this::number).toList();
    }

    private List<Long> rows(String query) throws Exception {
        return rowsOf(page(get("/tasks?" + query)));
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.as(manager)).with(csrf())).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = perform(request);
        assertThat(response.getStatus()).as("GET " + request).isEqualTo(200);
        return text(response);
    }

    private String follow(String page, String linkId) throws Exception {
        return page(get(HtmlUtils.htmlUnescape(link(page, linkId))));
    }

    private static String link(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a link #" + id).isTrue();
        return matcher.group(1);
    }

    private static List<String> hrefs(String page) {
        Matcher matcher = Pattern.compile("href=\"([^\"]+)\"").matcher(page);
        List<String> links = new ArrayList<>();
        while (matcher.find()) {
            links.add(HtmlUtils.htmlUnescape(matcher.group(1)));
        }
        return links;
    }

    private static List<Long> rowsOf(String page) {
        Matcher matcher = ROW.matcher(page);
        List<Long> numbers = new ArrayList<>();
        while (matcher.find()) {
            numbers.add(Long.valueOf(matcher.group(1)));
        }
        return numbers;
    }

    private static String row(String page, long number) {
        int start = page.lastIndexOf("<tr", page.indexOf("id=\"task-row-" + number + "\""));
        assertThat(start).as("row #" + number).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String text(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
