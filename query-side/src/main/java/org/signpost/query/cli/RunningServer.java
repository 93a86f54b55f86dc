package org.signpost.query.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The port of the PostgreSQL serving a data directory right now, from its postmaster.pid, if it runs. */
final class RunningServer {

    private RunningServer() {
    }

    static Integer port(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return null;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Integer.parseInt(lines.get(3).trim());
        }
        return null;
    }
}
