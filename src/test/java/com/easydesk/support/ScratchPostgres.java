package com.easydesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, in a scratch directory, on a free port of 127.0.0.1 only, so that the
 * test may restart or crash it. The shared server of the machine is never touched. The binaries come from
 * {@code EASYDESK_PG_BIN} or the newest {@code /usr/lib/postgresql/<version>/bin}. PostgreSQL refuses to run
 * as root, so under root every command runs as the {@code postgres} system user, who owns the directory.
 */
public final class ScratchPostgres implements AutoCloseable {

    /** How a restart stops the server: "fast" ends sessions cleanly, "immediate" is a crash and a recovery. */
    public enum StopMode {
        FAST, IMMEDIATE
    }

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread stopAtExit = new Thread(this::stopQuietly, "stop-scratch-postgres");

    private ScratchPostgres(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates a cluster in a new temporary directory and starts it; {@link #close()} removes it again. */
    public static ScratchPostgres start() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path directory = Files.createTempDirectory("easydesk-pg-");
            if (root) {
                UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(directory, postgres);
            }
            var server = new ScratchPostgres(binaries(), directory, freePort(), root);
            server.initialize();
            Runtime.getRuntime().addShutdownHook(server.stopAtExit);
            return server;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of a database on this server (created by the application's own start-up check). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** Restarts the server, waiting until it accepts connections again. */
    public void restart(StopMode mode) {
        pgCtl("-m", mode.name().toLowerCase(), "-l", log().toString(), "-w", "-t", "120", "restart");
    }

    public void stop(StopMode mode) {
        pgCtl("-m", mode.name().toLowerCase(), "-w", "-t", "120", "stop");
    }

    /** Starts a stopped server with the options of its first start (pg_ctl would otherwise use port 5432). */
    public void startAgain() {
        pgCtl("-o", options(), "-l", log().toString(), "-w", "-t", "120", "start");
    }

    /** The server's log, for a test's report. */
    public Path log() {
        return directory.resolve("server.log");
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // Already shutting down: the hook runs anyway.
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void initialize() {
        run(List.of(bin.resolve("initdb").toString(), "-D", data(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync"));
        pgCtl("-o", options(), "-l", log().toString(), "-w", "-t", "120", "start");
    }

    private String options() {
        return "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory;
    }

    private void stopQuietly() {
        if (Files.exists(Path.of(data(), "postmaster.pid"))) {
            try {
                stop(StopMode.IMMEDIATE);
            } catch (IllegalStateException alreadyStopped) {
                System.err.println("Scratch PostgreSQL: " + alreadyStopped.getMessage());
            }
        }
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data()));
        command.addAll(List.of(arguments));
        run(command);
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static Path binaries() throws IOException {
        String configured = System.getenv("EASYDESK_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                    .max(Comparator.comparingInt(ScratchPostgres::majorVersion))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries under "
                            + "/usr/lib/postgresql; set EASYDESK_PG_BIN to the directory holding initdb and pg_ctl"));
        }
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
