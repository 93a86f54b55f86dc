package org.signpost.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that hold secrets (keys, passwords) and the directories that hold them: readable by
 * their owner only, so that another local user of the machine learns nothing from them.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Makes the directory and its missing parents; the directory itself is left mode 700. */
    public static Path createPrivateDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
            if (posix()) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the private directory " + directory, e);
        }
    }

    /**
     * Refuses a secret's file that others than its owner may read or change. A secret that Docker
     * or Kubernetes mounts (under /run/secrets) is exempt: the orchestrator decides which
     * containers see it, and mounts it readable by all of the container's users by default.
     */
    public static void requirePrivate(Path file) {
        requirePrivate(file, "SIGNPOST_HOME");
    }

    /**
     * @param setting the setting that names the file (or its directory), for the message
     * @throws ConfigurationProblem if others than its owner may read or change it
     */
    public static void requirePrivate(Path file, String setting) {
        String path = file.toAbsolutePath().normalize().toString();
        if (!posix() || path.startsWith("/run/secrets/") || path.startsWith("/var/run/secrets/")) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.retainAll(OTHERS);
            if (!permissions.isEmpty()) {
                throw new ConfigurationProblem(setting, file + " holds a secret but others may read or change it (mode "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                        + "): make it private with chmod 600 " + file, "Run: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the permissions of " + file, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
