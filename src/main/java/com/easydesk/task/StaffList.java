package com.easydesk.task;

import java.util.List;
import java.util.Set;

import com.easydesk.person.Person;

/**
 * The staff list as a page shows it: one page of tasks, the statuses it filters by (the open ones unless
 * others were chosen), every status to choose from, the active staff, and their workload.
 */
public record StaffList(TaskListPage page, Set<Long> statusIds, List<TaskStatus> statuses, List<Person> staff,
        List<Person> formerStaffWithOpenTasks, WorkloadStrip workload) {

    public StaffList {
        statusIds = Set.copyOf(statusIds);
        statuses = List.copyOf(statuses);
        staff = List.copyOf(staff);
        formerStaffWithOpenTasks = List.copyOf(formerStaffWithOpenTasks);
    }
}
