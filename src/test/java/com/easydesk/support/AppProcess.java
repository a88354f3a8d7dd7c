package com.easydesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * EasyDesk as it is deployed: the packaged jar ({@code target/easydesk-*.jar}, built by {@code package}
 * before the reliability tests run) in a JVM of its own, so that a test can kill it with SIGKILL and start
 * it again. It listens on a free port of 127.0.0.1 and mails to the test run's GreenMail; its output goes
 * to a log file beside its data.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(4);

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    private AppProcess(List<String> command, Map<String, String> environment, Path log, int port) {
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    /** Settings for one application: where its database, files, index and mail server are. */
    public static Builder builder(Path workDirectory) {
        return new Builder(workDirectory);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Starts the JVM and waits until the sign-in page is served. */
    public AppProcess start() {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            awaitServing();
            return this;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Runs a one-off job of the application (the generator) and waits until it exits successfully. */
    public void runToExit(Duration patience) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("EasyDesk did not finish within " + patience + "; log:\n" + tail());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("EasyDesk exited with " + process.exitValue() + "; log:\n" + tail());
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Waits until a line containing the text appears in the log, e.g. the end of the search index build. */
    public void awaitLog(String text, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try (Stream<String> lines = Files.lines(log)) {
                if (lines.anyMatch(line -> line.contains(text))) {
                    return;
                }
            } catch (IOException | UncheckedIOException notYet) {
                // The log is being written; look again.
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("No \"" + text + "\" in the log within " + patience);
    }

    /** SIGKILL: the JVM gets no chance to clean up, as in a power cut of the process. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: Spring closes the application in order. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (isAlive()) {
            stop();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private void awaitServing() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("EasyDesk exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("EasyDesk did not serve /login within " + START_PATIENCE + "; log:\n" + tail());
    }

    /** The last lines of the application's log. */
    public String tail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(log unreadable: " + unreadable + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The packaged application; the reliability profile runs after {@code package}. */
    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().matches("easydesk-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "No target/easydesk-*.jar: run ./mvnw -Preliability verify (it packages first)"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public static final class Builder {

        private final Path workDirectory;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private String heap = "512m";
        private String logName = "app.log";
        private final int port = ScratchPostgres.freePort();

        private Builder(Path workDirectory) {
            this.workDirectory = workDirectory;
            environment.put("EASYDESK_FILES_DIR", workDirectory.resolve("files").toString());
            environment.put("EASYDESK_INDEX_DIR", workDirectory.resolve("index").toString());
            environment.put("EASYDESK_BASE_URL", "http://127.0.0.1:" + port);
            environment.put("EASYDESK_PORT", String.valueOf(port));
            smtpPort(TestMail.server().getSmtp().getPort());
        }

        public Builder database(String jdbcUrl) {
            environment.put("EASYDESK_DB_URL", jdbcUrl);
            return this;
        }

        public Builder smtpPort(int smtpPort) {
            environment.put("EASYDESK_SMTP_HOST", "127.0.0.1");
            environment.put("EASYDESK_SMTP_PORT", String.valueOf(smtpPort));
            return this;
        }

        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** The log file's name in the work directory; app.log unless a one-off job should keep its own. */
        public Builder logName(String name) {
            this.logName = name;
            return this;
        }

        public Builder heap(String size) {
            this.heap = size;
            return this;
        }

        /** A Spring property on the command line, {@code name=value}. */
        public Builder property(String nameAndValue) {
            arguments.add("--" + nameAndValue);
            return this;
        }

        public AppProcess build() {
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-jar",
                    jar().toAbsolutePath().toString(), "--server.address=127.0.0.1"));
            command.addAll(arguments);
            return new AppProcess(command, Map.copyOf(environment), workDirectory.resolve(logName), port);
        }

        private static String javaExecutable() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
