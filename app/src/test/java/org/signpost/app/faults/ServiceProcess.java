package org.signpost.app.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.TestDatabase;

/**
 * A packaged Signpost process (the all-in-one service of `./signpost start`, or one side of a
 * split deployment) of its own: started, killed with SIGKILL, started again, on data that
 * outlives it.
 */
final class ServiceProcess implements AutoCloseable {

    private final Path jar;
    private final List<String> database;
    private final Path log;
    private final int port;
    private Process process;

    private final Path dataDirectory;

    private ServiceProcess(String jarProperty, List<String> database, Path log) throws IOException {
        this(jarProperty, database, log, null);
    }

    private ServiceProcess(String jarProperty, List<String> database, Path log, Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        this.jar = jar(jarProperty);
        this.database = database;
        Files.createDirectories(log.getParent());
        this.log = log;
        this.port = FreePorts.one();
    }

    /** The all-in-one service on its embedded PostgreSQL, whose files are in this directory. */
    static ServiceProcess allInOne(Path dataDirectory) throws IOException {
        return new ServiceProcess("signpost.jar", List.of("--signpost.db.url=", "--signpost.db.data-directory=" + dataDirectory),
                dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log"), dataDirectory);
    }

    /** A second all-in-one service on the same embedded data directory, with a log of its own. */
    static ServiceProcess allInOne(Path dataDirectory, Path log) throws IOException {
        return new ServiceProcess("signpost.jar", List.of("--signpost.db.url=", "--signpost.db.data-directory=" + dataDirectory),
                log, dataDirectory);
    }

    /** The all-in-one service on an external PostgreSQL. */
    static ServiceProcess allInOne(Database database, Path log) throws IOException {
        return new ServiceProcess("signpost.jar", database.serviceArguments(), log);
    }

    static ServiceProcess commandSide(Database database, Path log) throws IOException {
        return new ServiceProcess("signpost.command-side.jar", database.serviceArguments(), log);
    }

    static ServiceProcess querySide(Database database, Path log) throws IOException {
        return new ServiceProcess("signpost.query-side.jar", database.serviceArguments(), log);
    }

    /** An all-in-one service's home of its own, beside its data: where its database's passwords are. */
    static Path home(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-home");
    }

    static Path jar(String property) {
        String jar = System.getProperty(property);
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("Run with -Plong after packaging: no jar at " + jar + " (" + property + ")");
        }
        return Path.of(jar);
    }

    /** @param settings more command-line settings, such as --name=value */
    void start(String... settings) throws IOException {
        launch(settings);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped at start; see " + log);
            }
            try {
                return api().anonymous().get("/actuator/health").status() == 200;
            } catch (UncheckedIOException | IllegalStateException e) {
                return false;
            }
        });
    }

    /** A start expected to be refused: waits for the process to end; its exit code (its output is in {@link #log()}). */
    int startRefused(Duration atMost, String... settings) throws IOException, InterruptedException {
        launch(settings);
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Still running " + atMost + " after a start that should be refused; see " + log);
        }
        return process.exitValue();
    }

    private void launch(String... settings) throws IOException {
        Path users = Files.createTempFile("signpost-users", ".yml");
        try (InputStream in = ServiceProcess.class.getResourceAsStream("/test-users.yml")) {
            Files.write(users, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(database);
        Path home = dataDirectory != null ? home(dataDirectory) : log.resolveSibling(log.getFileName() + ".home");
        command.addAll(List.of("--signpost.users-file=" + users,
                "--signpost.master-key-file=" + TestDatabase.masterKeyFile(log.getParent().resolve("keys")),
                "--signpost.integrity.key=" + TestDatabase.INTEGRITY_KEY, "--signpost.home=" + home,
                "--signpost.integrity.seal-interval=PT0.2S", "--signpost.integrity.seal-grace=PT0.2S"));
        // A setting given replaces the default of the same name (Spring would join the two).
        for (String setting : settings) {
            String name = setting.contains("=") ? setting.substring(0, setting.indexOf('=') + 1) : setting;
            command.removeIf(argument -> argument.startsWith(name) && name.startsWith("--"));
        }
        command.addAll(List.of(settings));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** The embedded PostgreSQL of an all-in-one service, from the files it keeps. */
    Database embeddedDatabase() throws IOException {
        return Database.ofAllInOne(dataDirectory, home(dataDirectory));
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no graceful anything; its embedded PostgreSQL is left running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orchestrator stops a container: waits for the process to end; its exit code. */
    int terminate(Duration atMost) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Still running " + atMost + " after SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    Api api() {
        return new Api(port);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
