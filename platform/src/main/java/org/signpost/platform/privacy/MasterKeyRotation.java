package org.signpost.platform.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts every young person's key under a new master key, while the service keeps running:
 * <ol>
 *   <li>a new version is added to the master key file (the service reads the file again when it
 *       meets a version it does not know);</li>
 *   <li>it becomes the database's current version, so keys made from then on are wrapped by it
 *       (a key being made meanwhile is waited for: {@link PersonalDataKeys} locks the table);</li>
 *   <li>every key of an older version is re-wrapped under it, a batch per transaction;</li>
 *   <li>the key table is rewritten and the WAL recycled ({@link ErasedKeyPurge}), so that no copy
 *       wrapped by the old master key stays in the database's files;</li>
 *   <li>the old versions leave the file, for a file of their own beside it: backups made before
 *       the rotation need them, and nothing else does.</li>
 * </ol>
 */
public final class MasterKeyRotation {

    private static final int BATCH = 500;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** @param retired the file the old versions went to */
    public record Rotated(int version, long rewrapped, Path retired) {
    }

    /** The advisory lock's name (its hash is the key), held for a whole rotation. */
    public static final String LOCK = "signpost master key rotation";

    private final DataSource database;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Path keyFile;
    private final Clock clock;

    public MasterKeyRotation(DataSource database, Path keyFile, Clock clock) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        this.keyFile = keyFile;
        this.clock = clock;
    }

    /**
     * One rotation of a database's master key at a time: two at once (two operators, a script run
     * twice) each read the key file, each wrote back only its own new version, and the version the
     * database's keys ended up wrapped by was in no file any more, for good. The rotation holds a
     * PostgreSQL advisory lock on its own connection throughout; a second is refused at once rather
     * than queued, so that whoever started it knows it did nothing.
     */
    public Rotated rotate() {
        try (Connection connection = database.getConnection();
             PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))");
             PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            lock.setString(1, LOCK);
            unlock.setString(1, LOCK);
            try (ResultSet taken = lock.executeQuery()) {
                if (!taken.next() || !taken.getBoolean(1)) {
                    throw new RotationUnderWay();
                }
            }
            try {
                return rotateAlone();
            } finally {
                unlock.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the master key rotation's lock in the database", e);
        }
    }

    /** Another rotation of the same database's master key is under way. */
    public static final class RotationUnderWay extends IllegalStateException {

        RotationUnderWay() {
            super("Another rotation of this database's master key is under way: this one did nothing. "
                    + "Run it again once that one is over, if a further rotation is still wanted.");
        }
    }

    private Rotated rotateAlone() {
        MasterKeys keys = MasterKeys.fromFile(keyFile);
        new MasterKeyCheck(jdbc, keys).verify();
        Integer current = jdbc.queryForObject("SELECT max(version) FROM master_key", Integer.class);
        int version = Math.max(current, keys.newest()) + 1;
        SecretKey newKey = PersonalDataKeys.newKey();
        TreeMap<Integer, SecretKey> withNew = new TreeMap<>(keys.all());
        withNew.put(version, newKey);
        write(keyFile, MasterKeys.format(withNew));

        transaction.executeWithoutResult(status -> {
            jdbc.execute("LOCK TABLE personal_data_key IN EXCLUSIVE MODE");
            jdbc.update("INSERT INTO master_key (version, check_value) VALUES (?, ?)", version,
                    MasterKeyCheck.checkValue(newKey, version));
        });
        long rewrapped = 0;
        int done;
        do {
            done = transaction.execute(status -> rewrapBatch(keys, newKey, version));
            rewrapped += done;
        } while (done > 0);
        new ErasedKeyPurge(jdbc).purge();

        Map<Integer, SecretKey> old = new TreeMap<>(keys.all());
        // The version in the name too: two rotations within a second must not share a file.
        Path retired = keyFile.resolveSibling(keyFile.getFileName() + ".retired-" + STAMP.format(clock.instant())
                + "-v" + version);
        write(retired, "# Master keys retired by the rotation to version " + version + ": only backups made before "
                + "it need them. Keep this file with those backups, apart from them, or delete it.\n"
                + MasterKeys.format(old));
        write(keyFile, MasterKeys.format(Map.of(version, newKey)));
        return new Rotated(version, rewrapped, retired);
    }

    private int rewrapBatch(MasterKeys keys, SecretKey newKey, int version) {
        List<Map<String, Object>> batch = jdbc.queryForList("""
                SELECT subject_id, wrapped_key, master_key_version FROM personal_data_key
                WHERE wrapped_key IS NOT NULL AND master_key_version < ? LIMIT ? FOR UPDATE""", version, BATCH);
        for (Map<String, Object> row : batch) {
            UUID subject = (UUID) row.get("subject_id");
            int was = (Integer) row.get("master_key_version");
            SecretKey oldKey = keys.version(was).orElseThrow(() -> new IllegalStateException(
                    "A key is wrapped by master key version " + was + ", which " + keyFile + " does not hold"));
            SecretKey personal = PersonalDataKeys.unwrap(oldKey, subject, (byte[]) row.get("wrapped_key"));
            jdbc.update("UPDATE personal_data_key SET wrapped_key = ?, master_key_version = ? WHERE subject_id = ?",
                    PersonalDataKeys.wrap(newKey, subject, personal), version, subject);
        }
        return batch.size();
    }

    /** Replaces the file at once (never half-written), readable by its owner only. */
    private static void write(Path file, String text) {
        try {
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".master-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
