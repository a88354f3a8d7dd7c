package com.easydesk.database;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseBootstrapTest {

    @Test
    void maintenanceConnectionGoesToTheSameServer() {
        var target = DatabaseBootstrap.Target.parse("jdbc:postgresql://db.local:6543/easydesk?sslmode=require");

        assertThat(target.database()).isEqualTo("easydesk");
        assertThat(target.maintenanceUrl()).isEqualTo("jdbc:postgresql://db.local:6543/postgres?sslmode=require");
    }

    @Test
    void noDatabaseAnsweringGivesOneClearSentence() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/easydesk")));

        assertThatThrownBy(() -> new DatabaseBootstrap().postProcessEnvironment(environment, null))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class, failure -> {
                    FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("127.0.0.1:" + closedPort);
                    assertThat(analysis.getAction()).contains("EASYDESK_DB_URL");
                });
    }
}
