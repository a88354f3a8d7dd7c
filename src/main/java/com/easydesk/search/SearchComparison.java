package com.easydesk.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import com.easydesk.message.Message;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;

/**
 * The search side of the benchmark (bench/run.sh, docs/performance.md): runs the same queries through
 * EasyDesk's search service, through its message index alone, through PostgreSQL's {@code russian} text
 * search (a GIN expression index, ordered by {@code ts_rank}) and through the substring search
 * ({@code ILIKE '%…%'}) of FreeScout and Redmine, one query at a time in this process, and writes the
 * latencies and what each engine finds as Markdown. It runs only when {@code easydesk.bench.search-comparison}
 * is set, against a database filled by the generator, then exits.
 */
@Component
@ConditionalOnProperty("easydesk.bench.search-comparison")
class SearchComparison implements ApplicationRunner {

    private static final int SLOWEST = 8;
    private static final Logger log = LoggerFactory.getLogger(SearchComparison.class);
    private static final int LIMIT = 20;
    private static final String QUERY_CANCELED = "57014";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final String RUSSIAN_SQL = """
            select m.id from message m, plainto_tsquery('russian', ?) q
            where to_tsvector('russian', m.body) @@ q
            order by ts_rank(to_tsvector('russian', m.body), q) desc limit 20""";
    /** Redmine and FreeScout: every word a substring of the text, newest first. */
    private static final String SUBSTRING_SQL = "select m.id from message m where %s order by m.id desc limit 20";
    /**
     * The other forms of a word in the text: words of (the first 2,000 of) its matching messages with the same
     * russian stem. No ordering, so that PostgreSQL stops early; a fresh copy of the same database reads its
     * rows in the same order.
     */
    private static final String FORMS_SQL = """
            with sample as (
                select lower(m.body) body from message m
                where to_tsvector('russian', m.body) @@ plainto_tsquery('russian', ?) limit 2000)
            select distinct w from sample, regexp_split_to_table(sample.body, '[^[:alnum:]]+') w
            where ts_lexize('russian_stem', w) = ts_lexize('russian_stem', ?) and w <> ? order by w""";
    /** A message that holds the form as a word and not the query's own form. */
    private static final String PROBE_SQL = """
            select m.id from message m
            where to_tsvector('russian', m.body) @@ plainto_tsquery('russian', ?)
              and lower(m.body) ~ ('\\m' || ? || '\\M') and lower(m.body) !~ ('\\m' || ? || '\\M')
            limit 1""";
    private static final String PROBE_MATCHES_SQL = """
            select to_tsvector('russian', m.body) @@ plainto_tsquery('russian', ?), m.body ilike ?
            from message m where m.id = ?""";

    private final SearchService search;
    private final SearchIndex index;
    private final PersonService people;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final ConfigurableApplicationContext context;
    private final Path queriesFile;
    private final Path wordFormsFile;
    private final Path report;
    private final int rounds;
    private final String staffEmail;
    private final String clientEmail;
    /** Keys of the engines to run (service, lucene, russian, substring); empty: all of them. */
    private final List<String> engineFilter;
    private final String statementTimeout;

    SearchComparison(SearchService search, SearchIndex index, PersonService people, DataSource dataSource,
            EntityManagerFactory entityManagerFactory, ConfigurableApplicationContext context,
            @Value("${easydesk.bench.queries:bench/search-queries.txt}") Path queriesFile,
            @Value("${easydesk.bench.word-forms:bench/word-forms.txt}") Path wordFormsFile,
            @Value("${easydesk.bench.report:target/bench/search-comparison.md}") Path report,
            @Value("${easydesk.bench.rounds:3}") int rounds,
            @Value("${easydesk.bench.staff:staff2@provider.bench}") String staffEmail,
            @Value("${easydesk.bench.client}") String clientEmail,
            @Value("${easydesk.bench.engines:}") List<String> engineFilter,
            @Value("${easydesk.bench.statement-timeout:30s}") String statementTimeout) {
        this.search = search;
        this.index = index;
        this.people = people;
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.context = context;
        this.queriesFile = queriesFile;
        this.wordFormsFile = wordFormsFile;
        this.report = report;
        this.rounds = rounds;
        this.staffEmail = staffEmail;
        this.clientEmail = clientEmail;
        this.engineFilter = engineFilter;
        this.statementTimeout = statementTimeout;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        String reason = index.outOfDateReason();
        if (reason != null) {
            log.info("Search comparison: the index {}; rebuilding it first", reason);
            index.rebuildNow();
        }
        List<String> queries = lines(queriesFile);
        List<String> wordForms = Files.isRegularFile(wordFormsFile) ? lines(wordFormsFile) : List.of();
        Viewer staff = viewer(staffEmail);
        Viewer client = viewer(clientEmail);
        var text = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("set statement_timeout = '" + statementTimeout + "'");
            }
            text.append(latencies(queries, staff, client, connection));
            if (!wordForms.isEmpty()) {
                text.append('\n').append(wordForms(wordForms, connection));
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text, StandardCharsets.UTF_8);
        log.info("Search comparison: written to {}", report);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    // ---- latency --------------------------------------------------------------------------------------

    private String latencies(List<String> queries, Viewer staff, Viewer client, Connection connection) {
        List<Engine> engines = List.of(
                new Engine("service", "EasyDesk search service, staff (ranked tasks, page of 20)", true,
                    q -> search.search(staff, SearchCriteria.text(q), 0, LIMIT).hits().size()),
                new Engine("service", "EasyDesk search service, client supervisor (ranked tasks, page of 20)", true,
                    q -> search.search(client, SearchCriteria.text(q), 0, LIMIT).hits().size()),
                new Engine("lucene", "EasyDesk message index alone (Lucene, top 20 messages, no visibility)", true,
                    this::luceneMessages),
                new Engine("russian", "PostgreSQL `russian` (GIN expression index, `ts_rank`, limit 20)", false,
                    q -> rows(connection, RUSSIAN_SQL, q)),
                new Engine("substring", "substring `ILIKE '%…%'` (newest first, limit 20)", false,
                    q -> substring(connection, q)));
        var table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Each engine ran the %d queries of %s once to warm up, then %d "
                + "times; one query at a time in one process, times in ms. PostgreSQL's statement timeout is %s; "
                + "a query that hits it counts with that time and as finding nothing.%n%n", queries.size(),
                queriesFile, rounds, statementTimeout));
        table.append("Wall-clock times depend on what else the machine runs; the CPU time of the searching thread "
                + "(in-process engines only) much less so.\n\n");
        table.append("| engine | p50 | p95 | p99 | max | CPU p50 | CPU p95 | queries with results |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        var slowest = new StringBuilder();
        for (Engine engine : engines) {
            if (!engineFilter.isEmpty() && !engineFilter.contains(engine.key())) {
                continue;
            }
            log.info("Search comparison: {}", engine.name());
            int[] found = new int[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                found[i] = engine.run().applyAsInt(queries.get(i));
            }
            long[] nanos = new long[queries.size() * rounds];
            long[] queryCpu = new long[queries.size()];
            long[] cpu = new long[nanos.length];
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < queries.size(); i++) {
                    long started = System.nanoTime();
                    long startedCpu = THREADS.getCurrentThreadCpuTime();
                    engine.run().applyAsInt(queries.get(i));
                    cpu[round * queries.size() + i] = THREADS.getCurrentThreadCpuTime() - startedCpu;
                    queryCpu[i] = Math.max(queryCpu[i], cpu[round * queries.size() + i]);
                    nanos[round * queries.size() + i] = System.nanoTime() - started;
                }
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            int before = table.length();
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d of %d |%n",
                    engine.name(), ms(percentile(nanos, 50)), ms(percentile(nanos, 95)), ms(percentile(nanos, 99)),
                    ms(nanos[nanos.length - 1]), engine.inProcess() ? ms(percentile(cpu, 50)) : "—",
                    engine.inProcess() ? ms(percentile(cpu, 95)) : "—", Arrays.stream(found).filter(n -> n > 0).count(),
                    queries.size()));
            log.info("Search comparison: {}", table.substring(before).strip());
            if (engine.inProcess()) {
                slowest.append(slowestQueries(engine, queries, queryCpu));
            }
        }
        return table.append(slowest).toString();
    }

    /** The queries that cost the engine the most CPU time (the worst of their rounds): what the p95 is made of. */
    private static String slowestQueries(Engine engine, List<String> queries, long[] queryCpu) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> queryCpu[i]).reversed());
        var line = new StringBuilder(String.format(Locale.ROOT, "%nSlowest queries of \"%s\" (CPU ms): ",
                engine.name()));
        for (int k = 0; k < Math.min(SLOWEST, order.size()); k++) {
            line.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "«%s» %s", queries.get(order.get(k)),
                    ms(queryCpu[order.get(k)])));
        }
        return line.append(".\n").toString();
    }

    private record Engine(String key, String name, boolean inProcess, ToIntFunction<String> run) {
    }

    /** The message index on its own: every word, in any of its forms, in one message; the 20 best. */
    private int luceneMessages(String raw) {
        QueryText text = parse(raw);
        if (text.isEmpty()) {
            return 0;
        }
        var all = new BooleanQuery.Builder();
        for (QueryText.Word word : text.words()) {
            all.add(WordQueries.word(word, SearchMapping.BODY, SearchService.TEXT_WEIGHT), BooleanClause.Occur.MUST);
        }
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        try {
            return Search.session(entityManager).search(Message.class)
                    .select(f -> f.id(Long.class))
                    .where(f -> f.extension(LuceneExtension.get()).fromLuceneQuery(all.build()))
                    .fetchHits(LIMIT).size();
        } finally {
            entityManager.close();
        }
    }

    private static int substring(Connection connection, String raw) {
        String[] words = raw.strip().split("\\s+");
        String where = String.join(" and ", Collections.nCopies(words.length, "m.body ilike ?"));
        Object[] patterns = Arrays.stream(words).map(SearchComparison::contains).toArray();
        return rows(connection, String.format(SUBSTRING_SQL, where), patterns);
    }

    private static String contains(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static int rows(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            int count = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    count++;
                }
            }
            return count;
        } catch (SQLException failure) {
            if (QUERY_CANCELED.equals(failure.getSQLState())) {
                // Hit the statement timeout: counted with the time it took, as finding nothing.
                return 0;
            }
            throw new IllegalStateException("Search comparison: " + failure.getMessage(), failure);
        }
    }

    // ---- word forms -----------------------------------------------------------------------------------

    private String wordForms(List<String> queries, Connection connection) throws SQLException {
        log.info("Search comparison: word forms");
        var table = new StringBuilder();
        table.append("For each query: the other forms of its word that the text holds (same stem in PostgreSQL's ")
                .append("`russian` dictionary), one message holding each form and not the query's own form, and ")
                .append("whether each engine finds that message.\n\n")
                .append("| query | other forms in the text | `russian` finds | `ILIKE` finds | EasyDesk finds |\n")
                .append("|---|---|---|---|---|\n");
        int[] complete = new int[3];
        int[] formsFound = new int[3];
        int formsTotal = 0;
        for (String query : queries) {
            String own = query.toLowerCase(Locale.ROOT);
            int[] found = new int[3];
            List<String> forms = new ArrayList<>();
            try {
                for (String form : strings(connection, FORMS_SQL, own, own, own)) {
                    Long probe = probe(connection, form, own);
                    if (probe == null) {
                        continue;
                    }
                    forms.add(form);
                    boolean[] matches = probeMatches(connection, own, probe);
                    for (int engine = 0; engine < 3; engine++) {
                        found[engine] += matches[engine] ? 1 : 0;
                    }
                }
            } catch (SQLException failure) {
                if (!QUERY_CANCELED.equals(failure.getSQLState())) {
                    throw failure;
                }
                table.append("| ").append(query).append(" | timed out | | | |\n");
                continue;
            }
            formsTotal += forms.size();
            for (int engine = 0; engine < 3; engine++) {
                formsFound[engine] += found[engine];
                complete[engine] += found[engine] == forms.size() ? 1 : 0;
            }
            String row = String.format(Locale.ROOT, "| %s | %d (%s) | %d | %d | %d |%n", query, forms.size(),
                    String.join(", ", forms), found[0], found[1], found[2]);
            log.info("Search comparison: {}", row.strip());
            table.append(row);
        }
        table.append(String.format(Locale.ROOT, "| **all %d queries** | %d forms | %d forms, %d queries complete "
                + "| %d forms, %d queries complete | %d forms, %d queries complete |%n", queries.size(), formsTotal,
                formsFound[0], complete[0], formsFound[1], complete[1], formsFound[2], complete[2]));
        return table.toString();
    }

    private static Long probe(Connection connection, String form, String own) throws SQLException {
        List<String> ids = strings(connection, PROBE_SQL, form, form, own);
        return ids.isEmpty() ? null : Long.valueOf(ids.get(0));
    }

    /** Whether PostgreSQL's russian search, the substring search and EasyDesk's message index find the message. */
    private boolean[] probeMatches(Connection connection, String query, long messageId) throws SQLException {
        boolean[] matches = new boolean[3];
        try (PreparedStatement statement = connection.prepareStatement(PROBE_MATCHES_SQL)) {
            statement.setString(1, query);
            statement.setString(2, contains(query));
            statement.setLong(3, messageId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                matches[0] = row.getBoolean(1);
                matches[1] = row.getBoolean(2);
            }
        }
        matches[2] = easyDeskFinds(query, messageId);
        return matches;
    }

    /** The same word query the search service runs over messages, narrowed to the one message. */
    private boolean easyDeskFinds(String query, long messageId) {
        QueryText text = parse(query);
        if (text.isEmpty()) {
            return false;
        }
        var word = WordQueries.word(text.words().get(0), SearchMapping.BODY, SearchService.TEXT_WEIGHT);
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        try {
            SearchSession session = Search.session(entityManager);
            return session.search(Message.class)
                    .where(f -> f.bool().must(f.extension(LuceneExtension.get()).fromLuceneQuery(word))
                            .filter(f.id().matching(messageId)))
                    .fetchTotalHitCount() > 0;
        } finally {
            entityManager.close();
        }
    }

    private static List<String> strings(Connection connection, String sql, String... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** As the search service reads what was typed (its own method is not reachable through its proxy). */
    private QueryText parse(String raw) {
        var backend = Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class);
        return QueryText.parse(raw, backend.analyzer(SearchAnalysis.EXACT).orElseThrow(),
                backend.analyzer(SearchAnalysis.RUSSIAN).orElseThrow());
    }

    private Viewer viewer(String email) {
        return Viewer.of(people.findByEmail(email).orElseThrow(() -> new IllegalStateException(
                "Search comparison: nobody signs in as " + email + "; is this a generated database?")));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
