package org.signpost.platform.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.signpost.platform.ConfigurationProblem;
import org.signpost.platform.PrivateFiles;

/**
 * The keys that wrap every young person's key, by version: 32 random bytes each, base64, one a
 * line as {@code <version>:<base64>} (a lone line without a version is version 1). A rotation
 * ({@link MasterKeyRotation}) adds a version to the file, re-wraps every key under it and
 * retires the old one. Never stored in the database, so a copy of the database alone reads no
 * personal data; read from a file only its owner may read ({@code SIGNPOST_MASTER_KEY_FILE}),
 * which is read again when a version not known yet is asked for (a rotation by another process).
 * A file or text that holds no usable key is a {@link ConfigurationProblem} naming the setting.
 */
public final class MasterKeys {

    /** The settings that give the keys, for messages. */
    public static final String FILE_SETTING = "SIGNPOST_MASTER_KEY_FILE";
    public static final String TEXT_SETTING = "SIGNPOST_MASTER_KEY";

    private final Path file;
    private final String source;
    private volatile Map<Integer, SecretKey> byVersion;

    private MasterKeys(Path file, String source, Map<Integer, SecretKey> byVersion) {
        this.file = file;
        this.source = source;
        this.byVersion = byVersion;
    }

    /** From a file, read again whenever a version it did not hold is asked for. */
    public static MasterKeys fromFile(Path file) {
        return new MasterKeys(file, file.toString(), read(file));
    }

    /** Given whole, as text (SIGNPOST_MASTER_KEY, tests): never read again. */
    public static MasterKeys fromText(String text, String source) {
        return new MasterKeys(null, source, parse(text, source));
    }

    /** The setting that gives the keys: SIGNPOST_MASTER_KEY for the key itself, else SIGNPOST_MASTER_KEY_FILE. */
    public String setting() {
        return file == null && source.equals(TEXT_SETTING) ? TEXT_SETTING : FILE_SETTING;
    }

    /** Where the keys come from, for messages. */
    public String source() {
        return source;
    }

    public Optional<SecretKey> version(int version) {
        SecretKey key = byVersion.get(version);
        if (key == null && file != null) {
            reload();
            key = byVersion.get(version);
        }
        return Optional.ofNullable(key);
    }

    /** Whether a young person's wrapped key opens with this version. */
    public boolean opens(int version, UUID subject, byte[] wrapped) {
        return version(version).flatMap(key -> AesGcm.open(key, wrapped, PersonalDataKeys.associatedData(subject)))
                .isPresent();
    }

    public int newest() {
        return ((TreeMap<Integer, SecretKey>) byVersion).lastKey();
    }

    public Map<Integer, SecretKey> all() {
        return Collections.unmodifiableMap(byVersion);
    }

    private synchronized void reload() {
        byVersion = read(file);
    }

    private static Map<Integer, SecretKey> read(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigurationProblem(FILE_SETTING, "no master key file at " + file + ": the launcher makes one on "
                    + "the first start (./signpost start), or make one with: head -c 32 /dev/urandom | base64 > " + file
                    + " && chmod 600 " + file, "Give the file of this installation's master key in " + FILE_SETTING
                    + ", or make a new one (only for a new, empty database).");
        }
        PrivateFiles.requirePrivate(file, FILE_SETTING);
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new ConfigurationProblem(FILE_SETTING, "the master key file " + file + " cannot be read ("
                    + e.getMessage() + ")", "Make it readable by the service's user only: chmod 600 " + file, e);
        }
    }

    static Map<Integer, SecretKey> parse(String text, String source) {
        TreeMap<Integer, SecretKey> keys = new TreeMap<>();
        for (String line : text.split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(':');
            int version = 1;
            if (colon >= 0) {
                try {
                    version = Integer.parseInt(entry.substring(0, colon).strip());
                } catch (NumberFormatException e) {
                    version = 0;
                }
                if (version < 1) {
                    throw problem(source, "a line of the master key in " + source
                            + " has no version before its ':' (a whole number from 1)");
                }
            }
            if (keys.put(version, key(entry.substring(colon + 1).strip(), source)) != null) {
                throw problem(source, "the master key in " + source + " gives version " + version + " twice");
            }
        }
        if (keys.isEmpty()) {
            throw problem(source, "No master key in " + source
                    + ": 32 random bytes in base64 (for example: head -c 32 /dev/urandom | base64)");
        }
        return keys;
    }

    static SecretKey key(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw problem(source, "the master key in " + source + " is not base64 (32 random bytes in base64, "
                    + "as head -c 32 /dev/urandom | base64 makes them)");
        }
        if (bytes.length != 32) {
            throw problem(source, "the master key in " + source + " must be 32 bytes (256 bits), not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A key that cannot be used, named by its setting: the text's own, else the file's. */
    private static ConfigurationProblem problem(String source, String problem) {
        String setting = source.equals(TEXT_SETTING) ? TEXT_SETTING : FILE_SETTING;
        return new ConfigurationProblem(setting, problem, "Give this installation's master key: one line of 32 random "
                + "bytes in base64 (or version:base64 lines after a rotation), in a file only the service's user may read.");
    }

    /** The file's text for these keys, one a line. */
    static String format(Map<Integer, SecretKey> keys) {
        StringBuilder text = new StringBuilder();
        keys.forEach((version, key) -> text.append(version).append(':')
                .append(Base64.getEncoder().encodeToString(key.getEncoded())).append('\n'));
        return text.toString();
    }
}
