package org.signpost.platform.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head anchor: a small file outside the database that holds, for each chain, the highest
 * sealed head a process using it has seen. The database's rule that a head only moves forward
 * binds only those who leave its triggers on; whoever switches them off can cut the last rows and
 * their seals and move the head back, or empty the seals and let the service's own sealer seal a
 * changed history again. The verifier compares the database with this file and reports a head
 * below the anchored one, or a chain that no longer has the anchored hash at the anchored position.
 *
 * <p>Processes may share one file (one Signpost home) or keep one each. A writer holds the file's
 * lock (a lock file beside it for other processes, a monitor per file within this one), reads the
 * file, moves a chain forward only to a higher head and only while the database still has the
 * anchored hash at the anchored position, and replaces the file at once (a temporary file moved
 * over it): readers never see half a file, and no writer takes a chain's head back. The file
 * carries an HMAC under the integrity key, so that a hand-made change to it is told apart from a
 * change to the database. A missing file is a first start; an unreadable one is reported and left
 * for an operator to look at (and remove, to start anew).
 */
public final class ChainAnchor {

    private static final Logger log = LoggerFactory.getLogger(ChainAnchor.class);
    private static final Map<Path, Object> WRITERS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final SecretKey macKey;
    /** The last problem logged, said once and not at every seal run while it lasts. */
    private volatile String lastProblem;

    public ChainAnchor(Path file, ChainKey key) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.macKey = key.derive("head anchor");
    }

    public Path file() {
        return file;
    }

    /**
     * The heads the file holds, by chain; none if there is no file yet.
     *
     * @throws UnreadableAnchor if it is not a file Signpost wrote with this key
     */
    public Map<String, SealedHead> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableAnchor(file, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(text);
    }

    /**
     * Moves a chain's head in the file forward to {@code head}, if it is higher than the file's and
     * the chain still has, at the file's position, the file's hash ({@code hashAt} reads the
     * database). Problems are logged, never thrown: the verifier reports them.
     *
     * @return whether the file holds this head now
     */
    public boolean advance(String chain, SealedHead head, LongFunction<byte[]> hashAt) {
        if (head.position() <= 0) {
            return false;
        }
        synchronized (WRITERS.computeIfAbsent(file, path -> new Object())) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock held = lock.lock()) {
                    Map<String, SealedHead> heads = new TreeMap<>(read());
                    SealedHead anchored = heads.get(chain);
                    if (anchored != null && head.position() <= anchored.position()) {
                        return false;
                    }
                    if (anchored != null && !Arrays.equals(hashAt.apply(anchored.position()), anchored.hash())) {
                        once("Not moving the head anchor of chain " + chain + " on: the chain no longer has at position "
                                + anchored.position() + " the hash anchored in " + file + "; the verifier reports it");
                        return false;
                    }
                    heads.put(chain, head);
                    write(heads);
                    lastProblem = null;
                    log.debug("Head anchor {}: chain {} at {}", file, chain, head);
                    return true;
                }
            } catch (UnreadableAnchor e) {
                once(e.getMessage());
            } catch (IOException | RuntimeException e) {
                once("The head anchor " + file + " could not be written: " + e);
            }
            return false;
        }
    }

    private void once(String problem) {
        if (!problem.equals(lastProblem)) {
            log.error(problem);
        }
        lastProblem = problem;
    }

    private Map<String, SealedHead> parse(String text) {
        Map<String, SealedHead> heads = new TreeMap<>();
        byte[] mac = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            try {
                if (parts.length == 2 && parts[0].equals("mac")) {
                    mac = HexFormat.of().parseHex(parts[1]);
                } else if (parts.length == 3 && parts[2].length() == 64 && Long.parseLong(parts[1]) > 0) {
                    heads.put(parts[0], new SealedHead(Long.parseLong(parts[1]), HexFormat.of().parseHex(parts[2])));
                } else {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new UnreadableAnchor(file, "is garbled at line " + (i + 1) + " (not \"chain position hash\")");
            }
        }
        if (mac == null) {
            throw new UnreadableAnchor(file, "is garbled: it has no mac line");
        }
        if (!MessageDigest.isEqual(mac, mac(heads))) {
            throw new UnreadableAnchor(file, "was changed outside Signpost (its mac does not match its heads, "
                    + "or another integrity key wrote it)");
        }
        return heads;
    }

    private void write(Map<String, SealedHead> heads) throws IOException {
        String text = "# Signpost's head anchor: the highest sealed head of each chain seen by the processes using this file.\n"
                + "# Written by Signpost; compare with the heads in its log. A hand-made change breaks the mac.\n"
                + body(heads) + "mac " + HexFormat.of().formatHex(mac(heads)) + "\n";
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (FileChannel out = FileChannel.open(temporary, options, ownerOnly)) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String body(Map<String, SealedHead> heads) {
        StringBuilder body = new StringBuilder();
        new TreeMap<>(heads).forEach((chain, head) -> body.append(chain).append(' ').append(head).append('\n'));
        return body.toString();
    }

    private byte[] mac(Map<String, SealedHead> heads) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return mac.doFinal(body(heads).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HMAC-SHA256", e);
        }
    }

    /** The anchor file is there but is not one Signpost wrote with this key. */
    public static final class UnreadableAnchor extends IllegalStateException {
        UnreadableAnchor(Path file, String problem) {
            super("The head anchor " + file + " " + problem + "; compare it with the heads in the log, then remove it "
                    + "to anchor the chains anew");
        }
    }
}
