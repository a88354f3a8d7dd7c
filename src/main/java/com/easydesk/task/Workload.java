package com.easydesk.task;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How many open tasks each employee carries; routing's "least loaded" reads it. */
@Component
@Transactional(readOnly = true)
public class Workload {

    private final Tasks tasks;

    Workload(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Open tasks (new, active, waiting) per responsible; employees without any are absent from the map. */
    public Map<Long, Long> openTasksOf(Collection<Long> employeeIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : tasks.countOpenPerResponsible(employeeIds,
                EnumSet.of(StatusKind.NEW, StatusKind.ACTIVE, StatusKind.WAITING))) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}
