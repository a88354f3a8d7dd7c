package com.easydesk.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the application's PostgreSQL database when it does not exist yet, so that a fresh machine
 * needs no manual SQL; and turns "nothing answers" into one clear sentence instead of a connection
 * pool's stack trace. Switched off with {@code easydesk.database.create-if-missing=false}.
 */
class DatabaseBootstrap implements EnvironmentPostProcessor {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]+");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        boolean wanted = environment.getProperty("easydesk.database.create-if-missing", Boolean.class, true);
        if (!wanted || url == null || !url.startsWith("jdbc:postgresql://")) {
            return;
        }
        Target target = Target.parse(url);
        var credentials = new Properties();
        credentials.setProperty("user", environment.getProperty("spring.datasource.username", "postgres"));
        credentials.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        credentials.setProperty("connectTimeout", "5");
        try (Connection admin = DriverManager.getConnection(target.maintenanceUrl(), credentials)) {
            createIfMissing(admin, target.database());
        } catch (SQLException failure) {
            throw new DatabaseUnavailableException(target.hostAndPort(), target.database(), failure);
        }
    }

    private static void createIfMissing(Connection admin, String database) throws SQLException {
        try (var exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (exists.executeQuery().next()) {
                return;
            }
        }
        if (!PLAIN_NAME.matcher(database).matches()) {
            throw new SQLException("Database name '" + database + "' must be letters, digits and underscores");
        }
        try (var create = admin.createStatement()) {
            create.execute("create database \"" + database + "\"");
        } catch (SQLException raced) {
            // Another process (a parallel test run, a second node) may have created it a moment earlier.
            if (!"42P04".equals(raced.getSQLState())) {
                throw raced;
            }
        }
    }

    /** The parts of a PostgreSQL JDBC URL this class needs. */
    record Target(String hostAndPort, String database, String query) {

        static Target parse(String jdbcUrl) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "/postgres" : uri.getPath();
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            return new Target(host + ":" + port, path.substring(1), uri.getRawQuery());
        }

        String maintenanceUrl() {
            return "jdbc:postgresql://" + hostAndPort + "/postgres" + (query == null ? "" : "?" + query);
        }
    }
}
