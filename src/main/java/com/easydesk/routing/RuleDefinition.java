package com.easydesk.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import com.easydesk.task.Priority;

/** What a manager sets on a rule, already parsed and checked by the form. */
public record RuleDefinition(String name, List<Long> clientIds, List<Long> categoryIds, TimeCondition timeCondition,
        Set<DayOfWeek> weekdays, LocalTime windowStart, LocalTime windowEnd, RoutingAction action,
        List<Long> employeeIds, Long observerId, Priority priority) {
}
