package com.easydesk.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.easydesk.support.AppProcess;
import com.easydesk.support.ReliabilityReport;
import com.easydesk.support.ScratchPostgres;
import com.easydesk.support.WebSession;
import com.easydesk.support.Workload;
import com.easydesk.support.Workload.Kind;
import com.easydesk.support.Workload.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, point 11: 50 signed-in people at once for a minute (40 clients creating tasks and writing, 10
 * employees reading their queue and tasks and replying), against the packaged application on a generated
 * installation in a PostgreSQL of the test's own. No server error, every acknowledged write in the database;
 * the latencies go to {@code target/reliability/load.md} for docs/reliability.md.
 *
 * <p>System properties change the run: {@code load.clients}, {@code load.staff}, {@code load.duration} and
 * {@code load.think} (ISO-8601, the mean pause between two actions of one person), {@code load.tasks},
 * {@code load.messages}.
 */
class LoadIT {

    private static final int CLIENTS = Integer.getInteger("load.clients", 40);
    private static final int STAFF = Integer.getInteger("load.staff", 10);
    private static final Duration DURATION = Duration.parse(System.getProperty("load.duration", "PT60S"));
    private static final Duration WARM_UP = Duration.parse(System.getProperty("load.warm-up", "PT20S"));
    private static final Duration THINK = Duration.parse(System.getProperty("load.think", "PT1S"));
    private static final String TASKS = System.getProperty("load.tasks", "10000");
    private static final String MESSAGES = System.getProperty("load.messages", "100000");
    private static final String PASSWORD = "bench-password";

    private static ScratchPostgres postgres;
    private static Path work;
    private static AppProcess app;

    @BeforeAll
    static void startApplicationOnAGeneratedInstallation() throws Exception {
        postgres = ScratchPostgres.start();
        work = Files.createTempDirectory("easydesk-load-");
        AppProcess.builder(work).database(postgres.url("easydesk")).property("spring.profiles.active=generate")
                .environment("EASYDESK_GENERATE_CLIENTS", String.valueOf(CLIENTS))
                .environment("EASYDESK_GENERATE_EMPLOYEES", String.valueOf(STAFF + 5))
                .environment("EASYDESK_GENERATE_TASKS", TASKS).environment("EASYDESK_GENERATE_MESSAGES", MESSAGES)
                .logName("generator.log").build().runToExit(Duration.ofMinutes(15));
        app = AppProcess.builder(work).database(postgres.url("easydesk")).heap("512m")
                .property("management.endpoints.web.exposure.include=health,metrics").build().start();
        app.awaitLog("Search index rebuild finished", Duration.ofMinutes(20));
    }

    @AfterAll
    static void removeEverything() throws Exception {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void fiftyPeopleForAMinuteWithoutAServerErrorOrALostWrite() throws Exception {
        workload().run(WARM_UP);
        String loadBefore = ReliabilityReport.loadAverage();
        Workload measured = workload();

        List<Outcome> outcomes = measured.run(DURATION);

        ReliabilityReport.write("load", report(outcomes, loadBefore) + pool());
        assertThat(outcomes.stream().filter(o -> o.status() >= 500).toList()).as("server errors").isEmpty();
        assertThat(outcomes.stream().filter(o -> !o.acknowledged()).toList()).as("unexpected answers").isEmpty();
        try (Connection db = postgres.connect("easydesk")) {
            assertThat(Workload.missingAcknowledgedWrites(db, outcomes)).as("acknowledged writes not stored")
                    .isEmpty();
            assertThat(Workload.duplicatedWrites(db, outcomes)).isEmpty();
        }
    }

    /** The clients with the most tasks, one per company, and the employees (staff6 on; staff1–5 lead). */
    private static Workload workload() throws SQLException {
        List<Workload.Account> accounts = new ArrayList<>();
        try (Connection db = postgres.connect("easydesk")) {
            List<String> clients = strings(db, "select distinct on (p.client_id) p.email from person p "
                    + "join task t on t.contact_id = p.id and not t.internal where p.role = 'CLIENT_CONTACT' "
                    + "group by p.client_id, p.email order by p.client_id, count(*) desc limit " + CLIENTS);
            for (String client : clients) {
                accounts.add(new Workload.Account(client, PASSWORD, false, longs(db, "select t.number from task t "
                        + "join person p on p.id = t.contact_id where p.email = '" + client + "' and not t.internal "
                        + "order by t.number desc limit 50")));
            }
            for (int staff = 6; staff < 6 + STAFF; staff++) {
                accounts.add(new Workload.Account("staff" + staff + "@provider.bench", PASSWORD, true, List.of()));
            }
            long category = longs(db, "select min(id) from category where active").get(0);
            List<Long> recent = longs(db, "select number from task order by number desc limit 2000");
            return new Workload(app.baseUrl(), accounts, category, recent, THINK);
        }
    }

    private static String report(List<Outcome> outcomes, String loadBefore) {
        var text = new StringBuilder();
        text.append(String.format("%d clients and %d employees for %d s, mean pause %d ms, after a %d s warm-up; "
                + "%s tasks and %s messages generated; load average %s before the run.%n", CLIENTS, STAFF,
                DURATION.toSeconds(), THINK.toMillis(), WARM_UP.toSeconds(), TASKS, MESSAGES, loadBefore));
        long writes = outcomes.stream().filter(o -> o.text() != null).count();
        text.append(String.format("%d requests (%.1f/s), %d of them writes; %d server errors; %d other failures.%n%n",
                outcomes.size(), outcomes.size() / (double) DURATION.toSeconds(), writes,
                outcomes.stream().filter(o -> o.status() >= 500).count(),
                outcomes.stream().filter(o -> o.status() < 500 && !o.acknowledged()).count()));
        text.append("| request | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        Map<Kind, List<Outcome>> byKind = outcomes.stream().collect(Collectors.groupingBy(Outcome::kind));
        for (Kind kind : Kind.values()) {
            if (byKind.containsKey(kind)) {
                row(text, kind.name(), byKind.get(kind));
            }
        }
        row(text, "all", outcomes);
        return text.toString();
    }

    /** How long requests waited for a database connection and held it (Hikari's meters, via actuator). */
    private static String pool() {
        var staff = WebSession.signIn(app.baseUrl(), "staff6@provider.bench", PASSWORD);
        Map<String, Double> acquire = meter(staff, "hikaricp.connections.acquire");
        Map<String, Double> usage = meter(staff, "hikaricp.connections.usage");
        Map<String, Double> timeouts = meter(staff, "hikaricp.connections.timeout");
        return String.format("%nDatabase pool (10 connections), whole life of the application: %.0f connections "
                + "handed out, waited for %.1f ms on average, longest wait of the last minutes %.0f ms; "
                + "held %.1f ms on average, longest %.0f ms; %.0f waits timed out.%n", acquire.get("COUNT"),
                1000 * acquire.get("TOTAL_TIME") / acquire.get("COUNT"), 1000 * acquire.get("MAX"),
                1000 * usage.get("TOTAL_TIME") / usage.get("COUNT"), 1000 * usage.get("MAX"), timeouts.get("COUNT"));
    }

    /** A meter's statistics from {@code /actuator/metrics/<name>}; times in seconds. */
    private static Map<String, Double> meter(WebSession session, String name) {
        Matcher statistic = Pattern.compile("\\{\"statistic\":\"(\\w+)\",\"value\":([0-9.E+-]+)\\}")
                .matcher(session.get("/actuator/metrics/" + name).body());
        Map<String, Double> values = new java.util.HashMap<>(Map.of("COUNT", Double.NaN, "TOTAL_TIME", Double.NaN,
                "MAX", Double.NaN));
        while (statistic.find()) {
            values.put(statistic.group(1), Double.parseDouble(statistic.group(2)));
        }
        return values;
    }

    private static void row(StringBuilder text, String name, List<Outcome> outcomes) {
        text.append(String.format("| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", name, outcomes.size(),
                Workload.percentileMillis(outcomes, 50), Workload.percentileMillis(outcomes, 95),
                Workload.percentileMillis(outcomes, 99), Workload.percentileMillis(outcomes, 100)));
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<Long> longs(Connection db, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (var rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }
}
