package com.easydesk.task;

import java.time.Instant;

/**
 * One row of the staff list, read in the page's single query: the task's own columns, the names of what it
 * refers to, and whether the viewer has an unread notification about it.
 */
public record TaskListRow(long id, long number, String title, boolean internal, Priority priority,
        String statusName, String statusColor, StatusKind statusKind, Long clientId, String clientName,
        Long categoryId, String categoryName, Long responsibleId, String responsibleName, boolean responsibleActive,
        Long coExecutorId, String coExecutorName, Deadline deadline, Instant lastActivityAt, long version,
        boolean unread) {

    /** Open and past its deadline: what the queue calls overdue. */
    public boolean isOverdue(Instant now) {
        return statusKind.isOpen() && deadline.instant() != null && deadline.instant().isBefore(now);
    }
}
