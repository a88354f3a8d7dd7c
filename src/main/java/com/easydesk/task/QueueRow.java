package com.easydesk.task;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One task as a queue row shows it, read in one statement with its status and client: the queue never loads
 * task entities. {@code coExecutor} says the employee works on it beside the responsible.
 */
public record QueueRow(long number, String title, Priority priority, String statusName, String statusColor,
        StatusKind statusKind, String clientName, boolean internal, Deadline deadline, LocalDate startDate,
        boolean coExecutor) {

    public Instant deadlineInstant() {
        return deadline.instant();
    }

    public boolean isWaiting() {
        return statusKind == StatusKind.WAITING;
    }
}
