package org.signpost.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The service's own time for each request, from Tomcat's access log ({@code %D}: from the request
 * read to the response written, in microseconds). A client on the same two cores as the service
 * and its database adds its own CPU, collections and waits for a core to what it measures; this
 * is the time a client elsewhere would see, less the network.
 */
final class ServiceTimes {

    private static final String PREFIX = "access";
    /**
     * The longest time recorded, in microseconds: ten minutes (an Evaluation page as of an instant
     * folds the whole store; its budget is 10 s, and a slower one must still be counted, not fail).
     */
    private static final long LONGEST_MICROS = 600_000_000L;

    private final Path directory;

    ServiceTimes(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** The service's settings that write the log this reads (unbuffered: read after each pass). */
    List<String> serviceArguments() {
        return List.of("--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + directory,
                "--server.tomcat.accesslog.prefix=" + PREFIX, "--server.tomcat.accesslog.suffix=.log",
                "--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
                "--server.tomcat.accesslog.pattern=%m %U %s %D");
    }

    /** Bytes logged so far: the start of a pass. */
    long mark() throws IOException {
        Path log = log();
        return log == null ? 0 : Files.size(log);
    }

    /** The service's times of the caseloads logged since the mark, after the first {@code skip} of them. */
    Histogram caseloadsSince(long mark, int skip) throws IOException {
        return since(mark, skip, "GET /api/caseloads/");
    }

    /** The service's times of the requests logged since the mark whose line starts so, after the first {@code skip}. */
    Histogram since(long mark, int skip, String requestLine) throws IOException {
        Histogram histogram = new Histogram(LONGEST_MICROS, 3);
        try (SeekableByteChannel channel = Files.newByteChannel(log())) {
            new BufferedReader(Channels.newReader(channel.position(mark), StandardCharsets.UTF_8)).lines()
                    .filter(line -> line.startsWith(requestLine)).skip(skip)
                    .forEach(line -> histogram.recordValue(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))));
        }
        return histogram;
    }

    private Path log() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(PREFIX)).findFirst().orElse(null);
        }
    }
}
