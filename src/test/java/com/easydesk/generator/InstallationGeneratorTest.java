package com.easydesk.generator;

import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import com.easydesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A small installation generated into a database of its own, migrated by the real migrations: the
 * generator's COPY columns must keep matching the schema.
 */
class InstallationGeneratorTest {

    private final String database = "easydesk_generator_" + UUID.randomUUID().toString().replace("-", "");
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void createDatabase() throws Exception {
        TestDatabase server = TestDatabase.get();
        admin("create database " + database);
        dataSource = new DriverManagerDataSource(server.url().replaceAll("/[^/?]+(\\?|$)", "/" + database + "$1"),
                server.user(), server.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        admin("drop database if exists " + database + " with (force)");
    }

    @Test
    void fillsAnEmptyDatabaseWithRussianTasksAndRefusesAFullOne() throws Exception {
        var passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var generator = new InstallationGenerator(dataSource, passwords, Clock.systemUTC());

        var counts = generator.generate(new GeneratorProperties(true, 5, 6, 200, 2_000, 7));

        var jdbc = new JdbcTemplate(dataSource);
        assertThat(counts.tasks()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from message", Long.class)).isBetween(1_500L, 2_500L);
        Map<String, Object> sample = jdbc.queryForMap("select title, description from task order by id limit 1");
        assertThat((String) sample.get("description")).containsPattern("[а-яё]{4,}");
        assertThat(jdbc.queryForObject("select nextval('task_number_seq')", Long.class))
                .isGreaterThan(jdbc.queryForObject("select max(number) from task", Long.class));
        assertThatThrownBy(() -> generator.generate(new GeneratorProperties(true, 1, 2, 1, 1, 1)))
                .hasMessageContaining("empty");
    }

    private static void admin(String sql) throws Exception {
        TestDatabase server = TestDatabase.get();
        String adminUrl = server.url().replaceAll("/[^/?]+(\\?|$)", "/postgres$1");
        try (var connection = DriverManager.getConnection(adminUrl, server.user(), server.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
