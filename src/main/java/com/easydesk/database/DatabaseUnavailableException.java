package com.easydesk.database;

/** No PostgreSQL answered where the configuration points, or it refused to create the database. */
class DatabaseUnavailableException extends RuntimeException {

    private final String hostAndPort;
    private final String database;

    DatabaseUnavailableException(String hostAndPort, String database, Throwable cause) {
        super("PostgreSQL at " + hostAndPort + " (database " + database + "): " + cause.getMessage(), cause);
        this.hostAndPort = hostAndPort;
        this.database = database;
    }

    String hostAndPort() {
        return hostAndPort;
    }

    String database() {
        return database;
    }
}
