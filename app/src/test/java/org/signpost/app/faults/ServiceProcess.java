package org.signpost.app.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.TestDatabase;

/**
 * The packaged all-in-one service (`./signpost start`) in a process of its own, on a data
 * directory that outlives it: started, killed with SIGKILL, started again.
 */
final class ServiceProcess implements AutoCloseable {

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private Process process;

    ServiceProcess(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        Files.createDirectories(dataDirectory.getParent());
        this.log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    static Path jar() {
        String jar = System.getProperty("signpost.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("Run with -Plong after packaging: no service jar at " + jar);
        }
        return Path.of(jar);
    }

    void start() throws IOException {
        Path users = Files.createTempFile("signpost-users", ".yml");
        try (InputStream in = ServiceProcess.class.getResourceAsStream("/test-users.yml")) {
            Files.write(users, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString(), "--server.port=" + port,
                "--signpost.db.url=", "--signpost.db.data-directory=" + dataDirectory,
                "--signpost.users-file=" + users, "--signpost.master-key=" + TestDatabase.MASTER_KEY,
                "--signpost.integrity.seal-interval=PT0.2S", "--signpost.integrity.seal-grace=PT0.2S"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
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

    /** SIGKILL: no shutdown hook, no graceful anything; its embedded PostgreSQL is left running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
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
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
