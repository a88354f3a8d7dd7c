package com.easydesk.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run on, found in DESIGN.md's order: {@code EASYDESK_TEST_DB_URL} from the
 * environment; a Testcontainers PostgreSQL where Docker runs; otherwise {@code localhost:5432}. Each
 * test run gets a database of its own (created by the application's own start-up check) and drops it
 * at the end, so reruns start clean.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String serverUrl, String user, String password) {
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + ProcessHandle.current().pid();
        this.url = withDatabase(serverUrl, "easydesk_test_" + runId);
        this.user = user;
        this.password = password;
        adminExecute("create database \"" + databaseName() + "\"");
        Runtime.getRuntime().addShutdownHook(new Thread(this::drop, "drop-test-database"));
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static TestDatabase locate() {
        String user = envOr("EASYDESK_TEST_DB_USER", "postgres");
        String password = envOr("EASYDESK_TEST_DB_PASSWORD", "");
        String explicit = System.getenv("EASYDESK_TEST_DB_URL");
        if (explicit != null && !explicit.isBlank()) {
            return new TestDatabase(explicit, user, password);
        }
        if (dockerRuns()) {
            var container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return new TestDatabase("jdbc:postgresql://localhost:5432/postgres", user, password);
    }

    private static boolean dockerRuns() {
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!dockerConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        String server = slash < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, slash);
        return server + "/" + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private String databaseName() {
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private void adminExecute(String sql) {
        try (var admin = DriverManager.getConnection(withDatabase(url, "postgres"), user, password);
             var statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("PostgreSQL for tests at " + url + ": " + failure.getMessage()
                    + " (set EASYDESK_TEST_DB_URL to a server where this user may create databases)", failure);
        }
    }

    private void drop() {
        try {
            adminExecute("drop database if exists \"" + databaseName() + "\" with (force)");
        } catch (IllegalStateException leftBehind) {
            System.err.println("Test database " + databaseName() + " was not dropped: " + leftBehind.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
