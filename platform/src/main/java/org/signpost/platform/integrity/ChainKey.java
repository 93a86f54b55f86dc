package org.signpost.platform.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.signpost.platform.ConfigurationProblem;

/**
 * The secret the chains are sealed with: 32 random bytes, base64, in a file outside the database
 * (SIGNPOST_INTEGRITY_KEY_FILE, by default the Signpost home's integrity-key) that only its owner
 * may read. Someone who can write the database but has not this key cannot seal a history of
 * their own. Each use gets a key of its own derived from it (HMAC-SHA256 of its label), so that
 * a seal of one chain is never valid in another.
 */
public final class ChainKey {

    /** The settings that give the key, for messages. */
    static final String FILE_SETTING = "SIGNPOST_INTEGRITY_KEY_FILE";
    static final String KEY_SETTING = "SIGNPOST_INTEGRITY_KEY";

    private static final String MAKE_ONE = "head -c 32 /dev/urandom | base64 > %1$s; chmod 600 %1$s";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final SecretKey key;

    private ChainKey(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The key given itself in base64 (tests), else the one in the file.
     *
     * @throws UnusableIntegrityKey with one line that says what to do, if there is no usable key
     */
    public static ChainKey load(String base64, Path file) {
        if (base64 != null && !base64.isBlank()) {
            return new ChainKey(decode(base64, "signpost.integrity.key", KEY_SETTING));
        }
        String content;
        try {
            refuseIfOthersMayRead(file);
            content = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new UnusableIntegrityKey(FILE_SETTING, "no integrity key: " + file + " does not exist; "
                    + "make one with: " + MAKE_ONE.formatted(file));
        } catch (IOException e) {
            throw new UnusableIntegrityKey(FILE_SETTING, "the integrity key " + file + " cannot be read: "
                    + e.getMessage());
        }
        return new ChainKey(decode(content, file.toString(), FILE_SETTING));
    }

    private static void refuseIfOthersMayRead(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            // Not a POSIX file system: its access lists are the operator's to set.
            return;
        }
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new UnusableIntegrityKey(FILE_SETTING, "the integrity key " + file + " is open to others ("
                    + PosixFilePermissions.toString(permissions) + "): make it readable by its owner only: chmod 600 "
                    + file);
        }
    }

    private static byte[] decode(String base64, String source, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new UnusableIntegrityKey(setting, "the integrity key in " + source + " is not base64; make one with: "
                    + MAKE_ONE.formatted("<file>"));
        }
        if (bytes.length != 32) {
            throw new UnusableIntegrityKey(setting, "the integrity key in " + source + " must be 32 bytes (256 bits), not "
                    + bytes.length + "; make one with: " + MAKE_ONE.formatted("<file>"));
        }
        return bytes;
    }

    /** The key for one use, such as one chain: a different label gives an unrelated key. */
    public SecretKey derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new SecretKeySpec(mac.doFinal(("signpost integrity: " + label).getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HMAC-SHA256", e);
        }
    }

    /** Why the service cannot start: no key, or one it must not use. The message is one line that says what to do. */
    public static final class UnusableIntegrityKey extends ConfigurationProblem {
        UnusableIntegrityKey(String setting, String problem) {
            super(setting, problem, "Give every Signpost process sharing a database the same integrity key, in a file "
                    + "only its user may read.");
        }
    }
}
