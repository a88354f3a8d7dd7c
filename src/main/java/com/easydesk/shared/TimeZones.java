package com.easydesk.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The time zones offered in forms: Russia's eleven and the neighbours clients most often sit in. Any
 * other valid zone id is accepted too (and shown when a person already has it).
 */
public final class TimeZones {

    private static final List<String> OFFERED = List.of("Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara",
            "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk",
            "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka", "Europe/Minsk", "Europe/Kyiv", "Asia/Tbilisi",
            "Asia/Yerevan", "Asia/Baku", "Asia/Almaty", "Asia/Bishkek", "Asia/Tashkent", "Europe/Istanbul",
            "Asia/Dubai", "Europe/Berlin", "Europe/London", "UTC");

    private TimeZones() {
    }

    /** One choice of a time-zone list: the zone id and a label with its current offset. */
    public record Option(String id, String label) {
    }

    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.trim()));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    /** The offered zones by offset, with the current one included even when it is not usually offered. */
    public static List<Option> options(String current, Instant now) {
        List<String> ids = new ArrayList<>(OFFERED);
        parse(current).map(ZoneId::getId).filter(id -> !ids.contains(id)).ifPresent(ids::add);
        return ids.stream()
                .map(ZoneId::of)
                .sorted(Comparator.comparing((ZoneId zone) -> zone.getRules().getOffset(now)).reversed()
                        .thenComparing(ZoneId::getId))
                .map(zone -> new Option(zone.getId(), label(zone, now)))
                .toList();
    }

    private static String label(ZoneId zone, Instant now) {
        ZoneOffset offset = zone.getRules().getOffset(now);
        String utc = offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
        return "(" + utc + ") " + zone.getId().replace('_', ' ');
    }
}
