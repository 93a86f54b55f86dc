package org.signpost.platform.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Path keyFile;
    private final Clock clock;

    public MasterKeyRotation(DataSource database, Path keyFile, Clock clock) {
        this.jdbc = new JdbcTemplate(database);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        this.keyFile = keyFile;
        this.clock = clock;
    }

    public Rotated rotate() {
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
        Path retired = keyFile.resolveSibling(keyFile.getFileName() + ".retired-" + STAMP.format(clock.instant()));
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
