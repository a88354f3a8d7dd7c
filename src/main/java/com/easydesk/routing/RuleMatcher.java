package com.easydesk.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Whether a rule's conditions hold for a submission. Pure logic, tested with fixed instants. */
final class RuleMatcher {

    private RuleMatcher() {
    }

    static boolean matches(RoutingRule rule, Submission submission, BusinessHours hours) {
        return rule.isEnabled()
                && (rule.getClientIds().isEmpty() || rule.getClientIds().contains(submission.clientId()))
                && (rule.getCategoryIds().isEmpty() || rule.getCategoryIds().contains(submission.categoryId()))
                && timeMatches(rule, submission, hours);
    }

    private static boolean timeMatches(RoutingRule rule, Submission submission, BusinessHours hours) {
        ZonedDateTime local = submission.at().atZone(hours.zone());
        return switch (rule.getTimeCondition()) {
            case ANY -> Weekdays.includes(rule.getWeekdays(), local.getDayOfWeek());
            case WINDOW -> inWindow(rule, local);
            case BUSINESS_HOURS -> hours.contains(submission.at());
            case AFTER_HOURS -> !hours.contains(submission.at());
        };
    }

    /**
     * A window such as 20:00–08:00 runs past midnight: 02:00 on Saturday belongs to Friday's window, so
     * the weekday that counts is the day the window opened.
     */
    private static boolean inWindow(RoutingRule rule, ZonedDateTime local) {
        LocalTime time = local.toLocalTime();
        LocalTime start = rule.getWindowStart();
        LocalTime end = rule.getWindowEnd();
        DayOfWeek today = local.getDayOfWeek();
        if (start.isBefore(end)) {
            return Weekdays.includes(rule.getWeekdays(), today) && !time.isBefore(start) && time.isBefore(end);
        }
        boolean lateEvening = !time.isBefore(start) && Weekdays.includes(rule.getWeekdays(), today);
        boolean earlyMorning = time.isBefore(end) && Weekdays.includes(rule.getWeekdays(), today.minus(1));
        return lateEvening || earlyMorning;
    }
}
