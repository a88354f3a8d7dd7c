package com.easydesk.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Signed-in people using EasyDesk at once over HTTP, as browsers without script would: clients create tasks
 * and write messages on their tasks, staff read their queue and tasks and reply. Every request is recorded
 * with its answer and time; every write carries a unique text, so that afterwards the database can be asked
 * whether each acknowledged write is there ({@link #missingAcknowledgedWrites}).
 */
public final class Workload {

    /** What a request did. Writes are the ones whose text is looked for in the database afterwards. */
    public enum Kind {
        NEW_TASK_FORM, CREATE_TASK, TASK_LIST, TASK_PAGE, POST_MESSAGE, QUEUE;

        boolean isWrite() {
            return this == CREATE_TASK || this == POST_MESSAGE;
        }
    }

    /** A person of the workload; clients start with the numbers of tasks they may write to. */
    public record Account(String email, String password, boolean staff, List<Long> tasks) {
    }

    /**
     * One request as the browser saw it.
     *
     * @param text   the unique title or message body of a write, else null
     * @param status the HTTP status, 0 when no answer came
     * @param detail for an answer that is not the expected one: the start of the page, or the I/O failure
     */
    public record Outcome(Kind kind, String email, String text, int status, boolean acknowledged, boolean errorPage,
            long startedMillis, long nanos, String detail) {

        /** Neither the expected answer nor the application's error page: a lost session, a refusal, no answer. */
        public boolean isUnexplained() {
            return !acknowledged && !errorPage;
        }
    }

    private final String baseUrl;
    private final List<Account> accounts;
    private final long categoryId;
    private final List<Long> anyTasks;
    private final Duration think;
    private final Queue outcomes = new Queue();
    private final long origin = System.currentTimeMillis();

    /**
     * @param categoryId the category clients choose for their new tasks
     * @param anyTasks   tasks staff open and reply to
     * @param think      the mean pause of a person between two actions (drawn from 0.5 to 1.5 times it)
     */
    public Workload(String baseUrl, List<Account> accounts, long categoryId, List<Long> anyTasks, Duration think) {
        this.baseUrl = baseUrl;
        this.accounts = accounts;
        this.categoryId = categoryId;
        this.anyTasks = new CopyOnWriteArrayList<>(anyTasks);
        this.think = think;
    }

    /** When the workload was made, in epoch milliseconds; {@link Outcome#startedMillis} counts from here. */
    public long origin() {
        return origin;
    }

    /** Signs everyone in, then lets each act on a thread of their own until the time is up. */
    public List<Outcome> run(Duration duration) throws InterruptedException {
        List<Person> people = new ArrayList<>();
        for (Account account : accounts) {
            people.add(new Person(account, WebSession.signIn(baseUrl, account.email(), account.password())));
        }
        Instant end = Instant.now().plus(duration);
        ExecutorService threads = Executors.newFixedThreadPool(people.size());
        for (Person person : people) {
            threads.execute(() -> {
                while (Instant.now().isBefore(end)) {
                    person.act();
                    pause(think);
                }
            });
        }
        threads.shutdown();
        if (!threads.awaitTermination(duration.toMillis() + 180_000, TimeUnit.MILLISECONDS)) {
            threads.shutdownNow();
            throw new IllegalStateException("Workload did not finish");
        }
        return outcomes.all();
    }

    /** The acknowledged writes whose text is not in the database. */
    public static List<Outcome> missingAcknowledgedWrites(Connection db, List<Outcome> outcomes) throws SQLException {
        Map<String, Integer> stored = storedCopies(db, outcomes);
        return outcomes.stream().filter(Outcome::acknowledged).filter(o -> o.kind().isWrite())
                .filter(o -> stored.getOrDefault(o.text(), 0) != 1).toList();
    }

    /** Writes stored more than once (never expected: each request has its own submission key). */
    public static List<String> duplicatedWrites(Connection db, List<Outcome> outcomes) throws SQLException {
        return storedCopies(db, outcomes).entrySet().stream().filter(copies -> copies.getValue() > 1)
                .map(Map.Entry::getKey).toList();
    }

    /** Failed writes whose text is stored all the same (the commit happened, its answer was lost). */
    public static List<Outcome> storedDespiteFailure(Connection db, List<Outcome> outcomes) throws SQLException {
        Map<String, Integer> stored = storedCopies(db, outcomes);
        return outcomes.stream().filter(o -> !o.acknowledged()).filter(o -> o.kind().isWrite())
                .filter(o -> stored.getOrDefault(o.text(), 0) > 0).toList();
    }

    private static Map<String, Integer> storedCopies(Connection db, List<Outcome> outcomes) throws SQLException {
        Set<String> texts = outcomes.stream().filter(o -> o.kind().isWrite()).map(Outcome::text)
                .collect(Collectors.toSet());
        Map<String, Integer> copies = new HashMap<>();
        Array wanted = db.createArrayOf("text", texts.toArray());
        for (String sql : List.of("select title, count(*) from task where title = any(?) group by title",
                "select body, count(*) from message where body = any(?) group by body")) {
            try (var query = db.prepareStatement(sql)) {
                query.setArray(1, wanted);
                var rows = query.executeQuery();
                while (rows.next()) {
                    copies.merge(rows.getString(1), rows.getInt(2), Integer::sum);
                }
            }
        }
        return copies;
    }

    /** p-th percentile (0–100) of the times, in milliseconds. */
    public static double percentileMillis(List<Outcome> outcomes, double percentile) {
        List<Long> nanos = outcomes.stream().map(Outcome::nanos).sorted().toList();
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * nanos.size()) - 1;
        return nanos.get(Math.max(0, Math.min(index, nanos.size() - 1))) / 1_000_000.0;
    }

    private static void pause(Duration mean) {
        long millis = (long) (mean.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble()));
        AppProcess.sleep(Duration.ofMillis(millis));
    }

    private static String unique(String what) {
        return what + " " + UUID.randomUUID();
    }

    /** One signed-in person and what they do next. */
    private final class Person {

        private final Account account;
        private final WebSession session;
        private final List<Long> ownTasks;

        Person(Account account, WebSession session) {
            this.account = account;
            this.session = session;
            this.ownTasks = new CopyOnWriteArrayList<>(account.tasks());
        }

        void act() {
            double dice = ThreadLocalRandom.current().nextDouble();
            if (account.staff()) {
                if (dice < 0.4) {
                    read(Kind.QUEUE, "/queue");
                } else if (dice < 0.7) {
                    read(Kind.TASK_PAGE, "/tasks/" + any(anyTasks));
                } else {
                    reply(any(anyTasks));
                }
            } else if (dice < 0.3 || ownTasks.isEmpty()) {
                createTask();
            } else if (dice < 0.8) {
                reply(any(ownTasks));
            } else {
                read(Kind.TASK_LIST, "/tasks");
            }
        }

        private void createTask() {
            if (!read(Kind.NEW_TASK_FORM, "/tasks/new")) {
                return;
            }
            String title = unique("Задача нагрузки");
            long started = System.currentTimeMillis();
            WebSession.Answer answer = session.postForm("/tasks", Map.of("title", title, "description",
                    "Создана проверкой нагрузки", "categoryId", String.valueOf(categoryId), "submissionKey",
                    UUID.randomUUID().toString()));
            boolean acknowledged = answer.isRedirectTo("/tasks/") && answer.redirectNumber().isPresent();
            record(Kind.CREATE_TASK, title, answer, acknowledged, started);
            if (acknowledged) {
                ownTasks.add(answer.redirectNumber().get());
                anyTasks.add(answer.redirectNumber().get());
            }
        }

        private void reply(long task) {
            if (!read(Kind.TASK_PAGE, "/tasks/" + task)) {
                return;
            }
            String body = unique("Сообщение нагрузки");
            long started = System.currentTimeMillis();
            WebSession.Answer answer = session.postForm("/tasks/" + task + "/messages", Map.of("body", body,
                    "submissionKey", UUID.randomUUID().toString()));
            record(Kind.POST_MESSAGE, body, answer, answer.isRedirectTo("/tasks/" + task), started);
        }

        private boolean read(Kind kind, String path) {
            long started = System.currentTimeMillis();
            WebSession.Answer answer = session.get(path);
            boolean acknowledged = answer.status() == 200;
            record(kind, null, answer, acknowledged, started);
            return acknowledged;
        }

        private void record(Kind kind, String text, WebSession.Answer answer, boolean acknowledged, long started) {
            boolean errorPage = answer.status() >= 500 && answer.body().contains("error-page");
            String detail = acknowledged ? null : answer.failure() != null ? answer.failure().toString()
                    : answer.status() + " " + answer.location().orElse("") + " "
                            + answer.body().substring(0, Math.min(300, answer.body().length()));
            outcomes.add(new Outcome(kind, account.email(), text, answer.status(), acknowledged, errorPage,
                    started - origin, answer.nanos(), detail));
        }

        private long any(List<Long> tasks) {
            return tasks.get(ThreadLocalRandom.current().nextInt(tasks.size()));
        }
    }

    /** Outcomes from many threads, in the order they were recorded. */
    private static final class Queue {

        private final ConcurrentLinkedQueue<Outcome> items = new ConcurrentLinkedQueue<>();

        void add(Outcome outcome) {
            items.add(outcome);
        }

        List<Outcome> all() {
            return Collections.unmodifiableList(new ArrayList<>(items));
        }
    }
}
