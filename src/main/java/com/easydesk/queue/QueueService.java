package com.easydesk.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import com.easydesk.person.Viewer;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/**
 * Builds an employee's queue: overdue, today and upcoming, where "today" is the employee's own day in
 * their time zone, not the server's.
 */
@Service
public class QueueService {

    /** Most urgent first, then by status kind, then by deadline (none last), then oldest first. */
    static final Comparator<Task> WORKING_ORDER = Comparator
            .comparing((Task task) -> task.getPriority().ordinal(), Comparator.reverseOrder())
            .thenComparing(task -> task.getStatus().getKind().ordinal())
            .thenComparing(Task::getDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::getCreatedAt);

    private final TaskService tasks;
    private final Clock clock;

    QueueService(TaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    public Queue queueOf(Viewer employee) {
        return group(tasks.openTasksOf(employee), employee.zone(), clock.instant());
    }

    static Queue group(List<Task> open, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Task> overdue = new ArrayList<>();
        List<Task> dueToday = new ArrayList<>();
        List<Task> upcoming = new ArrayList<>();
        for (Task task : open) {
            if (task.getDeadline() != null && task.getDeadline().isBefore(now)) {
                overdue.add(task);
            } else if (task.getDeadline() != null && task.getDeadline().atZone(zone).toLocalDate().equals(today)) {
                dueToday.add(task);
            } else {
                upcoming.add(task);
            }
        }
        overdue.sort(WORKING_ORDER);
        dueToday.sort(WORKING_ORDER);
        upcoming.sort(WORKING_ORDER);
        return new Queue(overdue, dueToday, upcoming);
    }
}
