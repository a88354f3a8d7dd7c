package com.easydesk.task;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;

/**
 * The staff list (the manager's list of DESIGN.md §2.9): every task, filtered, sorted by any column and
 * paged without counting the whole table, with the workload of each employee. Staff see every task, so the
 * visibility rule here is that only staff get anything at all; clients have their own list in
 * {@link TaskService#clientListFor}.
 */
@Service
@Transactional(readOnly = true)
public class TaskListService {

    private final TaskListQueries queries;
    private final TaskStatuses statuses;
    private final Tasks tasks;
    private final PersonService people;
    private final Clock clock;

    TaskListService(TaskListQueries queries, TaskStatuses statuses, Tasks tasks, PersonService people, Clock clock) {
        this.queries = queries;
        this.statuses = statuses;
        this.tasks = tasks;
        this.people = people;
        this.clock = clock;
    }

    /**
     * A page of the list with what the page around it shows. Status ids that name no status are dropped;
     * when none is left the list shows the open tasks (new, active, waiting), as it does by default.
     */
    public StaffList staffList(Viewer viewer, TaskListQuery query) {
        requireStaff(viewer);
        List<TaskStatus> all = statuses.findAllInOrder();
        Set<Long> chosen = all.stream().map(TaskStatus::getId).filter(query.filter().statusIds()::contains)
                .collect(Collectors.toSet());
        Set<Long> applied = chosen.isEmpty() ? openStatusIds(all) : chosen;
        List<Person> staff = people.activeStaff();
        TaskListPage page = queries.page(viewer.id(), query, applied);
        // A deactivated employee's open tasks stay theirs until reassigned: the filter must still find them.
        List<Person> former = tasks.findFormerResponsibles(EnumSet.of(StatusKind.NEW, StatusKind.ACTIVE,
                StatusKind.WAITING));
        return new StaffList(page, applied, all, staff, former, workload(staff, all));
    }

    /** One task as a row of the list, as it is now; 404 for anyone but staff, as for a missing task. */
    public TaskListRow staffRow(Viewer viewer, long number) {
        requireStaff(viewer);
        return queries.row(viewer.id(), number).orElseThrow(() -> new NotFoundException("Task " + number));
    }

    /** The workload strip for these people (the active staff the page already holds). */
    public WorkloadStrip workload(Viewer viewer, List<Person> staff) {
        requireStaff(viewer);
        return workload(staff, statuses.findAllInOrder());
    }

    /**
     * Every employee, and managers or the director only while they are responsible for open tasks: the
     * strip is about who carries the work.
     */
    private WorkloadStrip workload(List<Person> staff, List<TaskStatus> all) {
        Map<Long, TaskListQueries.OpenTasks> loads = queries.loadPerResponsible(openStatusIds(all), clock.instant());
        var none = new TaskListQueries.OpenTasks(0, 0);
        List<WorkloadStrip.Load> employees = new ArrayList<>();
        for (Person person : staff) {
            TaskListQueries.OpenTasks load = loads.getOrDefault(person.getId(), none);
            if (person.getRole() == Role.EMPLOYEE || load.open() > 0) {
                employees.add(new WorkloadStrip.Load(person.getId(), person.getFullName(), load.open(),
                        load.overdue()));
            }
        }
        TaskListQueries.OpenTasks unassigned = loads.getOrDefault(null, none);
        return new WorkloadStrip(employees, unassigned.open(), unassigned.overdue());
    }

    private static Set<Long> openStatusIds(List<TaskStatus> all) {
        return all.stream().filter(status -> status.getKind().isOpen()).map(TaskStatus::getId)
                .collect(Collectors.toSet());
    }

    private static void requireStaff(Viewer viewer) {
        if (!viewer.isStaff()) {
            throw new NotFoundException("The staff list");
        }
    }
}
