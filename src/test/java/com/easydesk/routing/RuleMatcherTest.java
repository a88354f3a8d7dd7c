package com.easydesk.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The conditions of a rule against fixed instants, seen in the provider's time zone (Moscow, UTC+3). */
class RuleMatcherTest {

    private static final BusinessHours HOURS = new BusinessHours(ZoneId.of("Europe/Moscow"),
            EnumSet.range(MONDAY, FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    /** 2026-12-04 is a Friday. */
    private static Instant moscow(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(HOURS.zone()).toInstant();
    }

    private static Submission at(String localDateTime) {
        return new Submission(1L, 10L, moscow(localDateTime), null);
    }

    @Nested
    class ClientAndCategory {

        @Test
        void emptyListsMeanAny() {
            assertThat(RuleMatcher.matches(rule(List.of(), List.of()), at("2026-12-04T12:00"), HOURS)).isTrue();
        }

        @Test
        void listedClientAndCategoryMustBothMatch() {
            assertThat(RuleMatcher.matches(rule(List.of(1L, 2L), List.of(10L)), at("2026-12-04T12:00"), HOURS))
                    .isTrue();
            assertThat(RuleMatcher.matches(rule(List.of(2L), List.of(10L)), at("2026-12-04T12:00"), HOURS))
                    .isFalse();
            assertThat(RuleMatcher.matches(rule(List.of(1L), List.of(11L)), at("2026-12-04T12:00"), HOURS))
                    .isFalse();
        }

        @Test
        void staffTaskWithoutClientMatchesOnlyRulesForAnyClient() {
            var staffTask = new Submission(null, 10L, moscow("2026-12-04T12:00"), null);

            assertThat(RuleMatcher.matches(rule(List.of(), List.of(10L)), staffTask, HOURS)).isTrue();
            assertThat(RuleMatcher.matches(rule(List.of(1L), List.of()), staffTask, HOURS)).isFalse();
        }

        @Test
        void switchedOffRuleNeverMatches() {
            RoutingRule off = rule(List.of(), List.of());
            off.switchOn(false);

            assertThat(RuleMatcher.matches(off, at("2026-12-04T12:00"), HOURS)).isFalse();
        }
    }

    @Nested
    class TimeWindows {

        private final RoutingRule nights = window("20:00", "08:00", EnumSet.range(MONDAY, FRIDAY));

        @Test
        void windowAcrossMidnightCoversLateEveningAndEarlyMorning() {
            assertThat(RuleMatcher.matches(nights, at("2026-12-03T21:30"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(nights, at("2026-12-04T07:59"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(nights, at("2026-12-04T08:00"), HOURS)).isFalse();
            assertThat(RuleMatcher.matches(nights, at("2026-12-04T19:59"), HOURS)).isFalse();
        }

        @Test
        void earlyMorningBelongsToTheDayTheWindowOpened() {
            // Friday night's window runs into Saturday morning; Sunday night's is not a weekday window.
            assertThat(RuleMatcher.matches(nights, at("2026-12-05T03:00"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(nights, at("2026-12-05T21:00"), HOURS)).isFalse();
            assertThat(RuleMatcher.matches(nights, at("2026-12-07T03:00"), HOURS)).isFalse();
            assertThat(RuleMatcher.matches(nights, at("2026-12-07T21:00"), HOURS)).isTrue();
        }

        @Test
        void weekendOnlyRuleAcrossTheWeeksEnd() {
            RoutingRule weekend = window("00:00", "23:59", EnumSet.of(SATURDAY, SUNDAY));

            assertThat(RuleMatcher.matches(weekend, at("2026-12-05T10:00"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(weekend, at("2026-12-06T23:30"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(weekend, at("2026-12-07T10:00"), HOURS)).isFalse();
        }

        @Test
        void decisionUsesProviderZoneNotTheServers() {
            // 18:30 UTC on Friday is 21:30 in Moscow: inside the night window although UTC says evening.
            var submission = new Submission(1L, 10L, Instant.parse("2026-12-04T18:30:00Z"), null);

            assertThat(RuleMatcher.matches(nights, submission, HOURS)).isTrue();
        }
    }

    @Nested
    class BusinessHoursConditions {

        @Test
        void withinAndOutsideBusinessHours() {
            RoutingRule within = timed(TimeCondition.BUSINESS_HOURS);
            RoutingRule outside = timed(TimeCondition.AFTER_HOURS);

            assertThat(RuleMatcher.matches(within, at("2026-12-04T09:00"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(within, at("2026-12-04T18:00"), HOURS)).isFalse();
            assertThat(RuleMatcher.matches(outside, at("2026-12-04T18:00"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(outside, at("2026-12-05T12:00"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(within, at("2026-12-05T12:00"), HOURS)).isFalse();
        }

        @Test
        void anyTimeOnChosenWeekdays() {
            RoutingRule fridays = rule(List.of(), List.of());
            fridays.define(definition(List.of(), List.of(), TimeCondition.ANY, EnumSet.of(FRIDAY), null, null));

            assertThat(RuleMatcher.matches(fridays, at("2026-12-04T23:59"), HOURS)).isTrue();
            assertThat(RuleMatcher.matches(fridays, at("2026-12-05T00:00"), HOURS)).isFalse();
        }
    }

    private static RoutingRule rule(List<Long> clients, List<Long> categories) {
        var rule = new RoutingRule("правило", 10);
        rule.define(definition(clients, categories, TimeCondition.ANY, EnumSet.allOf(DayOfWeek.class), null, null));
        return rule;
    }

    private static RoutingRule window(String start, String end, Set<DayOfWeek> days) {
        var rule = new RoutingRule("окно", 10);
        rule.define(definition(List.of(), List.of(), TimeCondition.WINDOW, days, LocalTime.parse(start),
                LocalTime.parse(end)));
        return rule;
    }

    private static RoutingRule timed(TimeCondition condition) {
        var rule = new RoutingRule("время", 10);
        rule.define(definition(List.of(), List.of(), condition, EnumSet.allOf(DayOfWeek.class), null, null));
        return rule;
    }

    private static RuleDefinition definition(List<Long> clients, List<Long> categories, TimeCondition condition,
            Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        return new RuleDefinition("правило", clients, categories, condition, days, start, end, RoutingAction.ASSIGN,
                List.of(1L), null, null);
    }
}
