package com.easydesk.generator;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with a realistic installation: client companies with contacts, staff,
 * categories, tasks over three years (most closed, a few hundred open per employee) and their
 * conversations, written with COPY in large batches. Every generated person signs in with
 * {@link #PASSWORD}.
 */
@Component
class InstallationGenerator {

    static final String PASSWORD = "bench-password";

    private static final Logger log = LoggerFactory.getLogger(InstallationGenerator.class);
    private static final int BATCH_BYTES = 8 << 20;
    private static final String[] FIRST_NAMES = { "Анна", "Борис", "Виктор", "Галина", "Дмитрий", "Елена", "Жанна",
        "Игорь", "Ксения", "Леонид", "Мария", "Никита", "Ольга", "Павел", "Раиса", "Сергей", "Татьяна", "Ульяна",
        "Фёдор", "Юлия" };
    private static final String[] LAST_NAMES = { "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов",
        "Лебедев", "Козлов", "Новиков", "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов" };
    private static final String[] COMPANY_WORDS = { "Альфа", "Вектор", "Гранит", "Дельта", "Звезда", "Импульс",
        "Кедр", "Лотос", "Меридиан", "Нева", "Орбита", "Прогресс", "Радуга", "Сфера", "Техно", "Урал", "Феникс" };
    private static final String[] FORMS = { "ООО", "ИП", "АО", "ЗАО" };
    private static final String[] CATEGORIES = { "Сайт и хостинг", "Доработка", "1С и бухгалтерия", "Почта",
        "Сеть и оборудование", "Консультация", "Исправление ошибок", "Прочее" };
    private static final String[] PRIORITIES = { "LOW", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "HIGH", "HIGH",
        "CRITICAL" };
    private static final String[] FILE_TYPES = { "pdf:application/pdf", "png:image/png", "jpg:image/jpeg",
        "docx:application/vnd.openxmlformats-officedocument.wordprocessingml.document", "txt:text/plain",
        "xlsx:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

    private final DataSource dataSource;
    private final PasswordEncoder passwords;
    private final Clock clock;

    InstallationGenerator(DataSource dataSource, PasswordEncoder passwords, Clock clock) {
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Generates into an empty database; refuses one that already holds tasks. */
    GeneratedCounts generate(GeneratorProperties size) throws IOException, SQLException {
        RussianProse prose = RussianProse.fromInstalledDocumentation();
        log.info("Generator: {} sentences of Russian prose read", prose.size());
        var random = new Random(size.seed());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            requireEmpty(connection);
            var writer = new Writer(connection);
            Map<String, Long> statuses = statusIds(connection);
            String hash = passwords.encode(PASSWORD);

            People people = writePeople(writer, random, size, hash, now);
            List<long[]> categories = writeCategories(writer, people);
            long messages = writeTasksAndMessages(writer, random, prose, size, people, categories, statuses, now);
            writer.finishSequences();
            connection.commit();
            return new GeneratedCounts(people.clients.size(), people.contacts.size(), people.staff.size(),
                    size.tasks(), messages);
        }
    }

    private People writePeople(Writer writer, Random random, GeneratorProperties size, String hash, Instant now)
            throws SQLException, IOException {
        var people = new People();
        var clients = new Csv();
        var persons = new Csv();
        long personId = 0;
        for (int c = 1; c <= size.clients(); c++) {
            String name = FORMS[random.nextInt(FORMS.length)] + " «" + COMPANY_WORDS[random.nextInt(
                    COMPANY_WORDS.length)] + "-" + c + "»";
            clients.row(c, name, "Europe/Moscow", true, now.minus(Duration.ofDays(1100)));
            people.clients.add((long) c);
            int contacts = 1 + random.nextInt(20);
            List<Long> ofCompany = new ArrayList<>();
            for (int k = 0; k < contacts; k++) {
                personId++;
                persons.row(personId, "contact" + personId + "@client" + c + ".bench", hash, personName(random),
                        "CLIENT_CONTACT", k == 0, c, "Europe/Moscow", true);
                ofCompany.add(personId);
                people.contacts.add(personId);
            }
            people.contactsByClient.put((long) c, ofCompany);
        }
        for (int s = 1; s <= size.employees(); s++) {
            personId++;
            String role = s == 1 ? "DIRECTOR" : s <= 5 ? "MANAGER" : "EMPLOYEE";
            persons.row(personId, "staff" + s + "@provider.bench", hash, personName(random), role, false, null,
                    "Europe/Moscow", true);
            people.staff.add(personId);
            if (role.equals("EMPLOYEE")) {
                people.employees.add(personId);
            }
        }
        writer.copy("client (id, name, time_zone, active, created_at)", clients);
        writer.copy("person (id, email, password_hash, full_name, role, supervisor, client_id, time_zone, active)",
                persons);
        return people;
    }

    private List<long[]> writeCategories(Writer writer, People people) throws SQLException, IOException {
        var rows = new Csv();
        List<long[]> categories = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.length; i++) {
            long responsible = people.employees.get(i % people.employees.size());
            rows.row(i + 1, CATEGORIES[i], responsible, true, (i + 1) * 10);
            categories.add(new long[] { i + 1, responsible });
        }
        writer.copy("category (id, name, default_responsible_id, active, position)", rows);
        return categories;
    }

    private long writeTasksAndMessages(Writer writer, Random random, RussianProse prose, GeneratorProperties size,
            People people, List<long[]> categories, Map<String, Long> statuses, Instant now)
            throws SQLException, IOException {
        var tasks = new Csv();
        var messages = new Csv();
        var files = new Csv();
        var attachments = new Csv();
        double messagesPerTask = (double) size.messages() / size.tasks();
        long messageId = 0;
        long attachmentId = 0;
        long threeYears = Duration.ofDays(3 * 365).toSeconds();
        for (long taskId = 1; taskId <= size.tasks(); taskId++) {
            // Later tasks are more frequent: the installation grew over the three years.
            double position = Math.sqrt((double) taskId / size.tasks());
            Instant created = now.minusSeconds((long) (threeYears * (1 - position)) + random.nextInt(3600));
            long clientId = people.clients.get(random.nextInt(people.clients.size()));
            List<Long> contacts = people.contactsByClient.get(clientId);
            long contact = contacts.get(random.nextInt(contacts.size()));
            long[] category = categories.get(random.nextInt(categories.size()));
            long responsible = random.nextInt(3) == 0 ? category[1]
                    : people.employees.get(random.nextInt(people.employees.size()));
            boolean internal = random.nextInt(20) == 0;
            String status = statusFor(random, created, now);
            boolean open = !status.equals("resolved") && !status.equals("closed");
            Instant deadline = deadlineFor(random, created, now, open);

            // One task in a hundred is a long thread of 40 to 60 messages, like the ones that drag on for weeks.
            int count = random.nextInt(100) == 0 ? 40 + random.nextInt(21)
                    : Math.max(1, (int) Math.round(messagesPerTask * 0.95 * (0.3 + 1.4 * random.nextDouble())));
            Instant end = open ? now : created.plus(Duration.ofDays(1 + random.nextInt(20)));
            if (end.isAfter(now)) {
                end = now;
            }
            Instant last = created;
            long span = Math.max(60, Duration.between(created, end).toSeconds());
            for (int m = 0; m < count; m++) {
                messageId++;
                Instant at = created.plusSeconds(span * (m + 1) / (count + 1));
                boolean internalMessage = random.nextInt(10) == 0;
                long author = internalMessage || m % 2 == 1 ? responsible : contact;
                messages.row(messageId, taskId, author, prose.paragraph(random), internalMessage, at);
                if (random.nextInt(20) == 0) {
                    attachmentId++;
                    String[] type = FILE_TYPES[random.nextInt(FILE_TYPES.length)].split(":");
                    String sha = sha(random);
                    long bytes = 1_000 + random.nextInt(5_000_000);
                    files.row(sha, bytes);
                    attachments.row(attachmentId, taskId, messageId, "Документ " + attachmentId + "." + type[0],
                            type[1], bytes, sha, at);
                }
                last = at;
            }
            tasks.row(taskId, 1000 + taskId, prose.title(random), prose.paragraph(random), category[0],
                    statuses.get(status), PRIORITIES[random.nextInt(PRIORITIES.length)], internal ? null : clientId,
                    internal ? null : contact, responsible, internal ? responsible : contact, internal, deadline, null,
                    created, last, 0);

            if (messages.length() > BATCH_BYTES) {
                flushTaskBatch(writer, tasks, messages, files, attachments);
            }
            if (taskId % 20_000 == 0) {
                log.info("Generator: {} tasks, {} messages", taskId, messageId);
            }
        }
        flushTaskBatch(writer, tasks, messages, files, attachments);
        return messageId;
    }

    /** Tasks go first: messages and attachments reference them. */
    private static void flushTaskBatch(Writer writer, Csv tasks, Csv messages, Csv files, Csv attachments)
            throws SQLException, IOException {
        writer.copy("task (id, number, title, description, category_id, status_id, priority, client_id, contact_id, "
                + "responsible_id, author_id, internal, deadline, start_date, created_at, last_activity_at, version)",
                tasks);
        writer.copy("message (id, task_id, author_id, body, internal, created_at)", messages);
        writer.copy("stored_file (sha256, size_bytes)", files);
        writer.copy("attachment (id, task_id, message_id, file_name, content_type, size_bytes, sha256, created_at)",
                attachments);
    }

    /** Most old tasks are closed; recent ones are spread over the working statuses. */
    private static String statusFor(Random random, Instant created, Instant now) {
        long ageDays = Duration.between(created, now).toDays();
        int roll = random.nextInt(100);
        if (ageDays > 60) {
            return roll < 95 ? "closed" : roll < 97 ? "resolved" : roll < 98 ? "deferred" : "in_progress";
        }
        if (roll < 45) {
            return "closed";
        }
        if (roll < 55) {
            return "resolved";
        }
        return roll < 70 ? "in_progress" : roll < 82 ? "new" : roll < 94 ? "waiting" : "deferred";
    }

    /** Open tasks have deadlines around today (some overdue); old ones a few days after creation. */
    private static Instant deadlineFor(Random random, Instant created, Instant now, boolean open) {
        if (random.nextInt(10) < 3) {
            return null;
        }
        if (open) {
            return now.plus(Duration.ofHours(random.nextInt(24 * 21) - 24 * 5L));
        }
        return created.plus(Duration.ofDays(1 + random.nextInt(14)));
    }

    private static String personName(Random random) {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        boolean female = first.endsWith("а") || first.endsWith("я");
        return first + " " + (female ? last + "а" : last);
    }

    private static String sha(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery(
                     "select exists (select 1 from task) or exists (select 1 from person)")) {
            result.next();
            if (result.getBoolean(1)) {
                throw new IllegalStateException("The database already holds tasks or people; the generator fills "
                        + "only an empty one (point EASYDESK_DB_URL at a new database name)");
            }
        }
    }

    private static Map<String, Long> statusIds(Connection connection) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("select code, id from task_status")) {
            while (result.next()) {
                ids.put(result.getString(1), result.getLong(2));
            }
        }
        return ids;
    }

    /** Who was generated, for the tasks to refer to. */
    private static final class People {
        final List<Long> clients = new ArrayList<>();
        final List<Long> contacts = new ArrayList<>();
        final List<Long> staff = new ArrayList<>();
        final List<Long> employees = new ArrayList<>();
        final Map<Long, List<Long>> contactsByClient = new HashMap<>();
    }

    /** COPY through the PostgreSQL driver's copy API, then the sequences set past the ids written. */
    private static final class Writer {

        private final Connection connection;

        Writer(Connection connection) {
            this.connection = connection;
        }

        void copy(String tableAndColumns, Csv rows) throws SQLException, IOException {
            if (rows.count() == 0) {
                return;
            }
            String sql = "copy " + tableAndColumns + " from stdin with (format csv)";
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.take()));
        }

        void finishSequences() throws SQLException {
            try (var statement = connection.createStatement()) {
                for (String table : List.of("client", "person", "category", "task", "message", "attachment")) {
                    statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "(select coalesce(max(id), 1) from " + table + "))");
                }
                statement.execute("select setval('task_number_seq', (select coalesce(max(number), 1000) from task))");
                statement.execute("analyze");
            }
        }
    }

    record GeneratedCounts(int clients, int contacts, int staff, int tasks, long messages) {
    }
}
