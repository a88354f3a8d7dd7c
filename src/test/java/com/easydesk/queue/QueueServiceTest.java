package com.easydesk.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.NewTask;
import com.easydesk.task.OpenWork;
import com.easydesk.task.Priority;
import com.easydesk.task.QueueGroup;
import com.easydesk.task.QueueRow;
import com.easydesk.task.Task;
import com.easydesk.task.TaskDetails;
import com.easydesk.task.TaskService;

import static com.easydesk.task.QueueGroup.FOLDED;
import static com.easydesk.task.QueueGroup.OVERDUE;
import static com.easydesk.task.QueueGroup.TODAY;
import static com.easydesk.task.QueueGroup.UPCOMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The queue's groups, order and pages on real PostgreSQL, with the clock fixed and employees in time zones of
 * their own (docs/queue.md). Each test has employees of its own, so their queues hold only its tasks.
 */
@IntegrationTest
class QueueServiceTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    OpenWork openWork;

    /** Types deadlines in UTC, so that a time in a test is the instant it names. */
    Person manager;

    /** Works in Moscow, the provider's zone, where a date-only deadline ends. */
    Person employee;

    @BeforeEach
    void setUp() {
        manager = fixtures.staffIn(Role.MANAGER, ZoneOffset.UTC);
        employee = fixtures.staffIn(Role.EMPLOYEE, MOSCOW);
    }

    @Nested
    class Groups {

        @Test
        void pastDeadlineIsOverdueAndLaterOrNoDeadlineIsUpcoming() {
            long late = planned().due("2030-03-10T09:59:00Z").create();
            long later = planned().due("2030-03-12T10:00:00Z").create();
            long none = planned().create();

            assertThat(groupsAt("2030-03-10T10:00:00Z", employee)).isEqualTo(groups(
                    OVERDUE, List.of(late), UPCOMING, List.of(later, none)));
        }

        @Test
        void aDateOnlyDeadlineIsTodayUntilMidnightAndOverdueRightAfter() {
            long wholeDay = planned().dueOn("2030-03-10").create();
            long atMidnight = planned().due("2030-03-10T21:00:00Z").create();

            // 23:59:30 in Moscow: the day's deadline is still today; one at midnight belongs to tomorrow.
            assertThat(groupsAt("2030-03-10T20:59:30Z", employee)).isEqualTo(groups(
                    TODAY, List.of(wholeDay), UPCOMING, List.of(atMidnight)));
            // Midnight itself: yesterday's deadline has passed, and the one due at this instant is not late yet.
            assertThat(groupsAt("2030-03-10T21:00:00Z", employee)).isEqualTo(groups(
                    OVERDUE, List.of(wholeDay), TODAY, List.of(atMidnight)));
            assertThat(groupsAt("2030-03-10T21:00:01Z", employee)).isEqualTo(groups(
                    OVERDUE, List.of(wholeDay, atMidnight)));
        }

        @Test
        void employeesInVladivostokAndKaliningradSeeTheSameTasksInTheirOwnDays() {
            Person vladivostok = fixtures.staffIn(Role.EMPLOYEE, VLADIVOSTOK);
            Person kaliningrad = fixtures.staffIn(Role.EMPLOYEE, KALININGRAD);
            // 21:30 UTC: 07:30 on the 11th in Vladivostok, still 23:30 on the 10th in Kaliningrad.
            String now = "2030-03-10T21:30:00Z";
            long dueOnEleventh = planned().due("2030-03-11T09:00:00Z").shared(vladivostok, kaliningrad).create();
            long dueWithinTheHour = planned().due("2030-03-10T21:45:00Z").shared(vladivostok, kaliningrad).create();
            long startsOnEleventh = planned().starts("2030-03-11").shared(vladivostok, kaliningrad).create();

            assertThat(groupsAt(now, vladivostok)).isEqualTo(groups(
                    TODAY, List.of(dueWithinTheHour, dueOnEleventh, startsOnEleventh)));
            assertThat(groupsAt(now, kaliningrad)).isEqualTo(groups(
                    TODAY, List.of(dueWithinTheHour), UPCOMING, List.of(dueOnEleventh),
                    FOLDED, List.of(startsOnEleventh)));
        }

        @Test
        void theStartDatePullsATaskIntoTodayOnItsDayAndFoldsItAwayBefore() {
            long startsTomorrow = planned().starts("2030-03-11").dueOn("2030-03-20").create();
            long startsToday = planned().starts("2030-03-10").create();
            long startsTodayDueLater = planned().starts("2030-03-10").dueOn("2030-03-20").create();
            long startedYesterday = planned().starts("2030-03-09").create();

            assertThat(groupsAt("2030-03-10T10:00:00Z", employee)).isEqualTo(groups(
                    TODAY, List.of(startsTodayDueLater, startsToday), UPCOMING, List.of(startedYesterday),
                    FOLDED, List.of(startsTomorrow)));
        }

        @Test
        void waitingAndDeferredTasksAreFoldedEvenWhenLateAndResolvedOrClosedOnesLeaveTheQueue() {
            long waiting = planned().due("2030-03-01T10:00:00Z").status("waiting").create();
            long deferred = planned().status("deferred").create();
            planned().status("resolved").create();
            planned().status("closed").create();

            assertThat(groupsAt("2030-03-10T10:00:00Z", employee)).isEqualTo(groups(
                    FOLDED, List.of(waiting, deferred)));
        }

        @Test
        void coExecutorsFindTheTaskMarkedAsNotTheirs() {
            Person coExecutor = fixtures.staffIn(Role.EMPLOYEE, MOSCOW);
            long shared = planned().shared(employee, coExecutor).create();

            QueueSlice upcoming = at("2030-03-10T10:00:00Z").page(Viewer.of(coExecutor), UPCOMING, 0);

            assertThat(upcoming.rows()).extracting(QueueRow::number, QueueRow::coExecutor)
                    .containsExactly(tuple(shared, true));
            assertThat(at("2030-03-10T10:00:00Z").page(Viewer.of(employee), UPCOMING, 0).rows())
                    .extracting(QueueRow::coExecutor).containsExactly(false);
        }
    }

    @Nested
    class Order {

        @Test
        void priorityThenStatusKindThenDeadlineThenCreation() {
            long lowNew = planned().priority(Priority.LOW).due("2030-03-12T10:00:00Z").create();
            long highActive = planned().priority(Priority.HIGH).due("2030-03-12T10:00:00Z").status("in_progress")
                    .create();
            long highNewNoDeadline = planned().priority(Priority.HIGH).create();
            long highNewLater = planned().priority(Priority.HIGH).due("2030-03-14T10:00:00Z").create();
            long highNewSooner = planned().priority(Priority.HIGH).due("2030-03-12T10:00:00Z").create();
            long highNewSoonerCreatedLast = planned().priority(Priority.HIGH).due("2030-03-12T10:00:00Z").create();
            long critical = planned().priority(Priority.CRITICAL).status("in_progress").create();

            assertThat(groupsAt("2030-03-10T10:00:00Z", employee).get(UPCOMING)).containsExactly(critical,
                    highNewSooner, highNewSoonerCreatedLast, highNewLater, highNewNoDeadline, highActive, lowNew);
        }
    }

    @Nested
    class Pages {

        @Test
        void headersCountEveryGroupAndTheFoldedGroupComesClosedWithoutRows() {
            planned().due("2030-03-09T10:00:00Z").create();
            planned().due("2030-03-09T11:00:00Z").create();
            planned().dueOn("2030-03-10").create();
            planned().status("waiting").create();
            planned().status("deferred").create();
            planned().starts("2030-03-15").create();

            Queue queue = at("2030-03-10T10:00:00Z").queueOf(Viewer.of(employee));

            assertThat(queue.sections()).extracting(QueueSection::group, QueueSection::count, QueueSection::open,
                    QueueSection::loaded).containsExactly(
                            tuple(OVERDUE, 2, true, true),
                            tuple(TODAY, 1, true, true),
                            tuple(UPCOMING, 0, true, true),
                            tuple(FOLDED, 3, false, false));
            assertThat(queue.size()).isEqualTo(6);
        }

        @Test
        void aGroupShowsAPageAtATimeAndShowMoreBringsTheRestInOrder() {
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < QueueService.PAGE_SIZE + 2; i++) {
                created.add(planned().create());
            }
            QueueService queues = at("2030-03-10T10:00:00Z");
            Viewer viewer = Viewer.of(employee);

            QueueSlice first = queues.queueOf(viewer).section(UPCOMING).slice();
            QueueSlice second = queues.page(viewer, UPCOMING, first.nextPage());
            QueueSlice beyond = queues.page(viewer, UPCOMING, second.nextPage());

            assertThat(first.rows()).hasSize(QueueService.PAGE_SIZE);
            assertThat(first.more()).isTrue();
            assertThat(second.rows()).hasSize(2);
            assertThat(second.more()).isFalse();
            assertThat(beyond.rows()).isEmpty();
            assertThat(Stream.concat(first.rows().stream(), second.rows().stream()).map(QueueRow::number))
                    .containsExactlyElementsOf(created);
        }

        @Test
        void openingAGroupByItsAddressShowsItDownToThePageAsked() {
            for (int i = 0; i < QueueService.PAGE_SIZE + 2; i++) {
                planned().status("deferred").create();
            }
            QueueService queues = at("2030-03-10T10:00:00Z");

            Queue queue = queues.queueOf(Viewer.of(employee), FOLDED, 1);

            assertThat(queue.section(FOLDED).open()).isTrue();
            assertThat(queue.section(FOLDED).slice().rows()).hasSize(QueueService.PAGE_SIZE + 2);
            assertThat(queue.section(FOLDED).slice().more()).isFalse();
        }
    }

    private QueueService at(String instant) {
        return new QueueService(openWork, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    /** The numbers of the employee's tasks in each non-empty group, each group in working order. */
    private Map<QueueGroup, List<Long>> groupsAt(String instant, Person person) {
        QueueService queues = at(instant);
        Map<QueueGroup, List<Long>> groups = new EnumMap<>(QueueGroup.class);
        for (QueueGroup group : QueueGroup.values()) {
            List<Long> numbers = queues.page(Viewer.of(person), group, 0).rows().stream().map(QueueRow::number)
                    .toList();
            if (!numbers.isEmpty()) {
                groups.put(group, numbers);
            }
        }
        return groups;
    }

    private static Map<QueueGroup, List<Long>> groups(Object... groupsAndNumbers) {
        Map<QueueGroup, List<Long>> groups = new EnumMap<>(QueueGroup.class);
        for (int i = 0; i < groupsAndNumbers.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Long> numbers = (List<Long>) groupsAndNumbers[i + 1];
            groups.put((QueueGroup) groupsAndNumbers[i], numbers);
        }
        return groups;
    }

    private Planned planned() {
        return new Planned();
    }

    /** A task the manager plans for the employee (or for two employees: responsible and co-executor). */
    private final class Planned {

        private Priority priority = Priority.NORMAL;
        private LocalDate deadlineDate;
        private LocalTime deadlineTime;
        private LocalDate start;
        private Person responsible = employee;
        private Person coExecutor;
        private String status;

        Planned due(String instant) {
            var at = Instant.parse(instant).atZone(ZoneOffset.UTC);
            deadlineDate = at.toLocalDate();
            deadlineTime = at.toLocalTime();
            return this;
        }

        /** A date-only deadline: the end of that day in the provider's zone (Moscow). */
        Planned dueOn(String date) {
            deadlineDate = LocalDate.parse(date);
            deadlineTime = null;
            return this;
        }

        Planned starts(String date) {
            start = LocalDate.parse(date);
            return this;
        }

        Planned priority(Priority chosen) {
            priority = chosen;
            return this;
        }

        Planned status(String code) {
            status = code;
            return this;
        }

        Planned shared(Person responsibleEmployee, Person coExecutingEmployee) {
            responsible = responsibleEmployee;
            coExecutor = coExecutingEmployee;
            return this;
        }

        long create() {
            Task task = tasks.submit(Viewer.of(manager), new NewTask("Задача очереди " + UUID.randomUUID(), "",
                    null, null, new TaskDetails(priority, deadlineDate, deadlineTime, start, responsible.getId(),
                            coExecutor == null ? null : coExecutor.getId(), null, null, null, false)), List.of());
            if (status != null) {
                fixtures.moveTo(task, status, manager);
            }
            return task.getNumber();
        }
    }
}
