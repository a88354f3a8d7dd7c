package com.easydesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What a reliability test measured, printed and kept in {@code target/reliability/<name>.md} together with
 * the time and the machine's load, so that docs/reliability.md can quote the last run.
 */
public final class ReliabilityReport {

    private ReliabilityReport() {
    }

    public static void write(String name, String text) {
        String report = String.format("%s, %d cores, load average %s:%n%s%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Runtime.getRuntime().availableProcessors(), loadAverage(), text);
        System.out.println(report);
        try {
            Path directory = Files.createDirectories(Path.of("target", "reliability"));
            Files.writeString(directory.resolve(name + ".md"), report);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The 1, 5 and 15 minute load averages (Linux), the fairest note of how busy the machine was. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException unknown) {
            return "unknown";
        }
    }
}
