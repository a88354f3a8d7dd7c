package com.easydesk.task;

import java.util.List;

/** Open and overdue tasks per employee, and those nobody is responsible for: the strip above the list. */
public record WorkloadStrip(List<Load> employees, long unassigned, long unassignedOverdue) {

    public WorkloadStrip {
        employees = List.copyOf(employees);
    }

    /** One employee's open tasks (new, active, waiting) and how many of them are past their deadline. */
    public record Load(long personId, String name, long open, long overdue) {
    }
}
