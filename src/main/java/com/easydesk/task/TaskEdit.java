package com.easydesk.task;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The task page's parameters as staff left them: every value is the whole new state of its field, except
 * the add/remove ids, which each name one observer or watcher to add or remove (or are null).
 */
public record TaskEdit(Priority priority, LocalDate deadlineDate, LocalTime deadlineTime, LocalDate startDate,
        Long categoryId, Long coExecutorId, Long clientId, Long contactId, Long addObserverId, Long removeObserverId,
        Long addWatcherId, Long removeWatcherId) {
}
