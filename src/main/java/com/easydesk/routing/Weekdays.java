package com.easydesk.routing;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/** Weekdays stored as a bit mask: Monday is bit 0, Sunday bit 6. */
final class Weekdays {

    static final int ALL = 0b111_1111;

    private Weekdays() {
    }

    static int mask(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek day : days) {
            mask |= 1 << (day.getValue() - 1);
        }
        return mask;
    }

    static Set<DayOfWeek> days(int mask) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (includes(mask, day)) {
                days.add(day);
            }
        }
        return days;
    }

    static boolean includes(int mask, DayOfWeek day) {
        return (mask & (1 << (day.getValue() - 1))) != 0;
    }
}
