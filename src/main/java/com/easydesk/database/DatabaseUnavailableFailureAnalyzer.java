package com.easydesk.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the one sentence a person needs when EasyDesk finds no database. */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        String description = "EasyDesk could not reach PostgreSQL at " + cause.hostAndPort() + " to open or create "
                + "the database '" + cause.database() + "' (" + cause.getCause().getMessage() + ").";
        String action = "Start PostgreSQL on " + cause.hostAndPort() + " (for example `docker compose up -d "
                + "postgres`), or point EasyDesk at one with EASYDESK_DB_URL, EASYDESK_DB_USER and "
                + "EASYDESK_DB_PASSWORD.";
        return new FailureAnalysis(description, action, cause);
    }
}
