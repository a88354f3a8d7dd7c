package com.easydesk.queue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.easydesk.task.Priority;
import com.easydesk.task.Task;
import com.easydesk.task.TaskStatus;
import com.easydesk.task.StatusKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's groups and order, with a fixed "now" and the employee's own time zone. */
class QueueServiceTest {

    private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** 2026-12-04 20:00 in Moscow is already 2026-12-05 00:00 in Novosibirsk. */
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    @Nested
    class Groups {

        @Test
        void pastDeadlineIsOverdue() {
            Task late = task(1, Priority.NORMAL, StatusKind.ACTIVE, Instant.parse("2026-12-04T16:59:00Z"));

            assertThat(QueueService.group(List.of(late), MOSCOW, NOW).overdue()).containsExactly(late);
        }

        @Test
        void todayIsTheEmployeesOwnDay() {
            // Due 17:00 on the 5th in Novosibirsk, where the 5th has already begun; in Moscow it is still the 4th.
            Task dueOnFifth = task(1, Priority.NORMAL, StatusKind.ACTIVE, Instant.parse("2026-12-05T10:00:00Z"));

            assertThat(QueueService.group(List.of(dueOnFifth), NOVOSIBIRSK, NOW).today()).containsExactly(dueOnFifth);
            assertThat(QueueService.group(List.of(dueOnFifth), MOSCOW, NOW).upcoming()).containsExactly(dueOnFifth);
        }

        @Test
        void taskWithoutDeadlineIsUpcoming() {
            Task open = task(1, Priority.NORMAL, StatusKind.NEW, null);

            assertThat(QueueService.group(List.of(open), MOSCOW, NOW).upcoming()).containsExactly(open);
        }
    }

    @Nested
    class Order {

        @Test
        void priorityThenStatusKindThenDeadlineThenCreation() {
            Instant later = Instant.parse("2026-12-10T10:00:00Z");
            Instant sooner = Instant.parse("2026-12-08T10:00:00Z");
            Task lowNew = task(1, Priority.LOW, StatusKind.NEW, sooner);
            Task criticalActive = task(2, Priority.CRITICAL, StatusKind.ACTIVE, later);
            Task highActiveLater = task(3, Priority.HIGH, StatusKind.ACTIVE, later);
            Task highNewLater = task(4, Priority.HIGH, StatusKind.NEW, later);
            Task highNewSooner = task(5, Priority.HIGH, StatusKind.NEW, sooner);

            var upcoming = QueueService.group(List.of(lowNew, criticalActive, highActiveLater, highNewLater,
                    highNewSooner), MOSCOW, NOW).upcoming();

            assertThat(upcoming).containsExactly(criticalActive, highNewSooner, highNewLater, highActiveLater, lowNew);
        }
    }

    /** Tasks are built by the task feature only; the test sets the few fields the queue reads. */
    private static Task task(long number, Priority priority, StatusKind kind, Instant deadline) {
        try {
            Constructor<Task> constructor = Task.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            Task task = constructor.newInstance();
            set(task, "number", number);
            set(task, "priority", priority);
            set(task, "deadline", deadline);
            set(task, "createdAt", NOW.minusSeconds(3600 - number));
            Constructor<TaskStatus> statusConstructor = TaskStatus.class.getDeclaredConstructor();
            statusConstructor.setAccessible(true);
            TaskStatus status = statusConstructor.newInstance();
            set(status, "kind", kind);
            set(task, "status", status);
            return task;
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field declared = target.getClass().getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(target, value);
    }
}
