package com.easydesk.task;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What staff set on a new task beyond a client's title, description and category. Ids come from the
 * request and are checked; a deadline time without a date, or a start after the deadline, is refused.
 */
public record TaskDetails(Priority priority, LocalDate deadlineDate, LocalTime deadlineTime, LocalDate startDate,
        Long responsibleId, Long coExecutorId, Long observerId, Long clientId, Long contactId, boolean internal) {
}
