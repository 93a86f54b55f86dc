package org.signpost.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;

/**
 * The users as the users file says now: an operator adds or removes a user (by hand or with
 * {@code ./signpost users}) without restarting the service. The file is looked at again at most
 * once a second, when someone signs in; a changed file is read again, and a file that no longer
 * reads keeps the users read before in force, said in one log line.
 */
public final class CurrentUsers {

    private static final Logger log = LoggerFactory.getLogger(CurrentUsers.class);
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

    private final Path file;
    private final String source;
    private final Clock clock;
    private volatile UsersFile users;
    private volatile Instant lookedAt;
    /** The modification time and size of the version last read (or tried). */
    private volatile Version version;

    private CurrentUsers(Path file, String source, UsersFile users, Version version, Clock clock) {
        this.file = file;
        this.source = source;
        this.users = users;
        this.version = version;
        this.clock = clock;
        this.lookedAt = clock.instant();
    }

    /** Users that never change (a users file on the class path, or none). */
    public static CurrentUsers fixed(UsersFile users) {
        return fixed(users, "no users file");
    }

    /** @param source where they come from, as a person reads it */
    public static CurrentUsers fixed(UsersFile users, String source) {
        return new CurrentUsers(null, source, users, null, Clock.systemUTC());
    }

    /** The users of this file, read now, and again whenever it changes. */
    public static CurrentUsers watching(Path file) throws IOException {
        return watching(file, Clock.systemUTC());
    }

    static CurrentUsers watching(Path file, Clock clock) throws IOException {
        Version version = Version.of(file);
        return new CurrentUsers(file, file.toString(), UsersFile.read(new FileSystemResource(file)), version, clock);
    }

    /** Where the users come from: the users file's path, as a person reads it. */
    public String source() {
        return source;
    }

    /** The users now: the file's latest readable version. */
    public UsersFile get() {
        if (file != null && !clock.instant().isBefore(lookedAt.plus(LOOK_AGAIN))) {
            lookAgain();
        }
        return users;
    }

    private synchronized void lookAgain() {
        Instant now = clock.instant();
        if (now.isBefore(lookedAt.plus(LOOK_AGAIN))) {
            return;
        }
        lookedAt = now;
        Version seen;
        try {
            seen = Version.of(file);
        } catch (IOException e) {
            if (version != null) {
                log.warn("The users file {} cannot be read ({}): the {} users read before stay in force", file,
                        e.getClass().getSimpleName(), users.size());
                version = null;
            }
            return;
        }
        if (seen.equals(version)) {
            return;
        }
        version = seen;
        try {
            users = UsersFile.read(new FileSystemResource(file));
            log.info("Users file reloaded: {} users from {}", users.size(), file);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("The users file {} changed but cannot be read: {}. The {} users read before stay in force until "
                    + "it is corrected", file, e.getMessage(), users.size());
        }
    }

    private record Version(Instant modified, long size, Object key) {

        static Version of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Version(attributes.lastModifiedTime().toInstant(), attributes.size(),
                    Objects.requireNonNullElse(attributes.fileKey(), ""));
        }
    }
}
