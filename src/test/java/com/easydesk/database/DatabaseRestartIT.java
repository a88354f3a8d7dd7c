package com.easydesk.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.easydesk.support.AppProcess;
import com.easydesk.support.Inbox;
import com.easydesk.support.ReliabilityReport;
import com.easydesk.support.ScratchPostgres;
import com.easydesk.support.ScratchPostgres.StopMode;
import com.easydesk.support.TestMail;
import com.easydesk.support.Workload;
import com.easydesk.support.Workload.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, point 9: people keep writing while the database restarts under the application (fast, then
 * immediate, then stopped for a while). Each request either answered success and is stored, or answered
 * the error page; the application recovers by itself; no notification is lost, and a mail is repeated at
 * most once per restart (the one in flight, see OutboxSender). The server is a PostgreSQL of the test's own.
 */
class DatabaseRestartIT {

    private static final Duration LOAD = Duration.ofSeconds(80);
    private static final Duration THINK = Duration.ofMillis(200);
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    /** After the database is back, a request may still meet a dead pooled connection for this long. */
    private static final Duration SETTLING = Duration.ofSeconds(10);
    private static final int RESTARTS = 3;

    private static ScratchPostgres postgres;
    private static Path work;
    private static AppProcess app;

    @BeforeAll
    static void startApplication() throws Exception {
        postgres = ScratchPostgres.start();
        work = Files.createTempDirectory("easydesk-db-restart-");
        app = AppProcess.builder(work).database(postgres.url("easydesk")).property("spring.profiles.active=demo")
                .property("easydesk.mail.poll-interval=PT1S").build().start();
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
    void everyAcknowledgedWriteSurvivesRestartsAndTheApplicationRecoversByItself() throws Exception {
        Workload workload = workload();
        CompletableFuture<List<Outcome>> running = CompletableFuture.supplyAsync(() -> run(workload));
        List<String> timeline = new ArrayList<>();

        pause(Duration.ofSeconds(12));
        timeline.add(at(workload) + " restart -m fast");
        postgres.restart(StopMode.FAST);
        timeline.add(at(workload) + " accepting connections again");
        pause(Duration.ofSeconds(15));
        timeline.add(at(workload) + " restart -m immediate");
        postgres.restart(StopMode.IMMEDIATE);
        timeline.add(at(workload) + " accepting connections again (after crash recovery)");
        pause(Duration.ofSeconds(15));
        timeline.add(at(workload) + " stop -m fast");
        postgres.stop(StopMode.FAST);
        pause(OUTAGE);
        timeline.add(at(workload) + " start");
        postgres.startAgain();
        long back = System.currentTimeMillis() - workload.origin();
        timeline.add(at(workload) + " accepting connections again");
        List<Outcome> outcomes = running.get();
        Mail mail = awaitOutboxEmpty();
        report(outcomes, timeline, mail);

        try (Connection db = postgres.connect("easydesk")) {
            assertThat(Workload.missingAcknowledgedWrites(db, outcomes)).as("acknowledged writes not stored")
                    .isEmpty();
            assertThat(Workload.duplicatedWrites(db, outcomes)).isEmpty();
        }
        assertThat(outcomes.stream().filter(Outcome::isUnexplained).toList())
                .as("answers that are neither success nor the error page").isEmpty();
        assertThat(outcomes.stream().filter(o -> o.startedMillis() > back + SETTLING.toMillis())
                .filter(o -> !o.acknowledged()).toList()).as("failures after the database was back").isEmpty();
        assertThat(outcomes.stream().filter(o -> o.startedMillis() > back + SETTLING.toMillis()).count())
                .as("requests after the database was back").isGreaterThan(50);
        assertThat(mail.unsent()).as("notifications still in the outbox").isZero();
        assertThat(mail.delivered()).as("distinct mails delivered").isEqualTo(mail.written());
        assertThat(mail.repeated()).as("mails delivered twice").isLessThanOrEqualTo(RESTARTS);
    }

    private static Workload workload() throws SQLException {
        List<Workload.Account> accounts = new ArrayList<>();
        try (Connection db = postgres.connect("easydesk")) {
            for (String client : List.of("ivan@romashka.test", "olga@lyutik.test", "petr@romashka.test",
                    "boss@romashka.test")) {
                accounts.add(new Workload.Account(client, "demo", false, longs(db, "select t.number from task t "
                        + "join person p on p.id = t.contact_id where p.email = '" + client + "' and not t.internal")));
            }
            for (String staff : List.of("anna@easydesk.test", "boris@easydesk.test", "manager@easydesk.test",
                    "director@easydesk.test")) {
                accounts.add(new Workload.Account(staff, "demo", true, List.of()));
            }
            long category = longs(db, "select min(id) from category where active").get(0);
            return new Workload(app.baseUrl(), accounts, category, longs(db, "select number from task"), THINK);
        }
    }

    private static List<Outcome> run(Workload workload) {
        try {
            return workload.run(LOAD);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Waits up to two minutes for the outbox to empty, then counts what GreenMail received from this app. */
    private static Mail awaitOutboxEmpty() throws Exception {
        long unsent = Long.MAX_VALUE;
        for (int wait = 0; wait < 120 && unsent > 0; wait++) {
            pause(Duration.ofSeconds(1));
            try (Connection db = postgres.connect("easydesk")) {
                unsent = longs(db, "select count(*) from outbox_mail where sent_at is null").get(0);
            }
        }
        Map<String, Long> copies = Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(mail -> Inbox.body(mail).contains(app.baseUrl() + "/")).map(DatabaseRestartIT::outboxId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        try (Connection db = postgres.connect("easydesk")) {
            return new Mail(longs(db, "select count(*) from outbox_mail").get(0), unsent, copies.size(),
                    copies.values().stream().filter(count -> count > 1).count());
        }
    }

    /** Outbox rows written, still unsent, distinct mails received, and mails received more than once. */
    private record Mail(long written, long unsent, long delivered, long repeated) {
    }

    private static String outboxId(MimeMessage mail) {
        try {
            return mail.getHeader("X-EasyDesk-Outbox-Id")[0];
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static void report(List<Outcome> outcomes, List<String> timeline, Mail mail) {
        var text = new StringBuilder("Timeline (seconds since the workload began):\n");
        timeline.forEach(line -> text.append("    ").append(line).append('\n'));
        Map<Integer, Long> byStatus = outcomes.stream().collect(Collectors.groupingBy(Outcome::status,
                Collectors.counting()));
        long writes = outcomes.stream().filter(o -> o.text() != null).count();
        long acknowledgedWrites = outcomes.stream().filter(o -> o.text() != null && o.acknowledged()).count();
        text.append(String.format("%d requests by 8 people, answers by status %s; %d writes, %d acknowledged, "
                + "%d error pages.%n", outcomes.size(), byStatus, writes, acknowledgedWrites,
                outcomes.stream().filter(Outcome::errorPage).count()));
        try (Connection db = postgres.connect("easydesk")) {
            text.append(String.format("Failed writes stored all the same (commit done, answer lost): %d.%n",
                    Workload.storedDespiteFailure(db, outcomes).size()));
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
        text.append(String.format("Notifications: %d written, %d delivered, %d of them more than once, %d unsent.%n",
                mail.written(), mail.delivered(), mail.repeated(), mail.unsent()));
        text.append("\n| seconds | requests | failed | slowest ms |\n|---|---|---|---|\n");
        long last = outcomes.stream().mapToLong(Outcome::startedMillis).max().orElse(0);
        for (int second = 0; second * 1000L <= last; second += 5) {
            int from = second * 1000;
            List<Outcome> window = outcomes.stream().filter(o -> o.startedMillis() >= from
                    && o.startedMillis() < from + 5000).toList();
            text.append(String.format("| %d–%d | %d | %d | %.0f |%n", second, second + 5, window.size(),
                    window.stream().filter(o -> !o.acknowledged()).count(), Workload.percentileMillis(window, 100)));
        }
        ReliabilityReport.write("database-restart", text.toString());
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

    private static String at(Workload workload) {
        return String.format("%6.1f", (System.currentTimeMillis() - workload.origin()) / 1000.0);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
