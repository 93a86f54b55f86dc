package org.signpost.app.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes a test starts, free when chosen and below the range the kernel takes
 * outgoing connections' local ports from. A port the kernel gave (new ServerSocket(0)) is inside
 * that range, and before the process listens on it one of its own connections to the database,
 * or one of the test's polls, could take it as its local port: the process then fails to start.
 */
final class FreePorts {

    private static final int LOWEST = 10_000;

    private FreePorts() {
    }

    /** A port free now. */
    static int one() throws IOException {
        return consecutive(1);
    }

    /** The first of {@code count} consecutive ports free now. */
    static int consecutive(int count) throws IOException {
        int firstEphemeral = firstEphemeralPort();
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, firstEphemeral - count);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    free = true;
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports under " + firstEphemeral);
    }

    private static int firstEphemeralPort() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        // Linux's default where the file cannot be read. Read by lines: a file of /proc says it is
        // empty, and Files.readString reads its first byte only.
        return Files.isReadable(range) ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]) : 32768;
    }
}
