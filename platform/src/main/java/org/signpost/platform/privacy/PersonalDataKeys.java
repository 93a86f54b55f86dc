package org.signpost.platform.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.signpost.events.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The young people's keys (table personal_data_key), and the cipher of the stored events that
 * uses them. A key is made on first use, in a transaction of its own that commits at once: what
 * an event is encrypted with must exist whatever becomes of the event's own transaction. Keys
 * are kept in memory (an hour by default): an erasure forgets them here at once, and every
 * process looks each second for the people erased lately, by any process, and forgets theirs
 * (see {@link #forgetErasedElsewhere}). Reading the keys of a whole caseload again every minute
 * cost a query and the unwrapping of each key on most caseload answers.
 */
@Component
public class PersonalDataKeys implements PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final MasterKeys masterKeys;
    private final Cache<UUID, Optional<SecretKey>> keys;
    private final ErasedKeyPurge purge;

    @Autowired
    public PersonalDataKeys(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ErasedKeyPurge purge,
                            MasterKeys masterKeys, @Value("${signpost.key-cache:PT1H}") Duration keyCache) {
        this.jdbc = jdbc;
        this.purge = purge;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.masterKeys = masterKeys;
        this.keys = Caffeine.newBuilder().expireAfterWrite(keyCache).maximumSize(500_000).build();
        new MasterKeyCheck(jdbc, masterKeys).verify();
    }

    /**
     * Reads the keys of these subjects that are not at hand yet in one query: an answer that
     * opens the personal data of a whole caseload would otherwise look each key up by itself.
     */
    public void preload(Collection<UUID> subjects) {
        UUID[] missing = subjects.stream().filter(Objects::nonNull).distinct()
                .filter(subject -> keys.getIfPresent(subject) == null).toArray(UUID[]::new);
        if (missing.length == 0) {
            return;
        }
        jdbc.query("SELECT subject_id, wrapped_key, master_key_version FROM personal_data_key WHERE subject_id = ANY (?)",
                this::cache, (Object) missing);
    }

    /** Keeps the key of one row of {@code SELECT subject_id, wrapped_key, master_key_version} at hand (none if erased). */
    private void cache(ResultSet row) throws SQLException {
        UUID subject = row.getObject(1, UUID.class);
        byte[] wrapped = row.getBytes(2);
        keys.put(subject, wrapped == null ? Optional.empty() : Optional.of(unwrap(subject, wrapped, row.getInt(3))));
    }

    @Override
    public byte[] encrypt(UUID subject, byte[] clear) {
        SecretKey key = keys.get(subject, this::findOrMake)
                .orElseThrow(() -> new PersonalDataErasedException(subject));
        return AesGcm.seal(key, clear, associatedData(subject));
    }

    @Override
    public Optional<byte[]> decrypt(UUID subject, byte[] sealed) {
        return keys.get(subject, this::find).flatMap(key -> AesGcm.open(key, sealed, associatedData(subject)));
    }

    /**
     * Destroys these subjects' keys, in the caller's transaction (the one that records the
     * erasure): from its commit on, their personal data can never be read again, and then the
     * keys' traces in the database's files go too ({@link ErasedKeyPurge}).
     */
    public void destroy(Collection<UUID> subjects) {
        for (UUID subject : subjects.stream().filter(Objects::nonNull).toList()) {
            // A subject without a key yet gets an erased row, so that none is ever made for it.
            jdbc.update("""
                    INSERT INTO personal_data_key (subject_id, wrapped_key, erased_at) VALUES (?, NULL, now())
                    ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, erased_at = now()
                    WHERE personal_data_key.wrapped_key IS NOT NULL""", subject);
            keys.invalidate(subject);
        }
        purge.afterCommit();
    }

    /**
     * Forgets the keys of everyone erased in the last ten minutes, by this process or another.
     * Each look covers the same ten minutes again, so a key read just before its erasure
     * committed and kept just after a look is forgotten at the next. If the look fails, nothing
     * can be known of erasures meanwhile: every key is forgotten.
     */
    @Scheduled(fixedDelayString = "${signpost.erasure-watch-interval:PT1S}")
    public void forgetErasedElsewhere() {
        try {
            forget(jdbc.queryForList("SELECT subject_id FROM personal_data_key WHERE erased_at > now() - interval '10 minutes'",
                    UUID.class));
        } catch (DataAccessException e) {
            keys.invalidateAll();
            log.debug("Erasures could not be read; every key in memory forgotten: {}", e.toString());
        }
    }

    /** Another process erased these subjects: their keys are not kept here any longer. */
    public void forget(Collection<UUID> subjects) {
        subjects.stream().filter(Objects::nonNull).forEach(keys::invalidate);
    }

    public boolean erased(UUID subject) {
        return Boolean.TRUE.equals(jdbc.query("SELECT erased_at IS NOT NULL FROM personal_data_key WHERE subject_id = ?",
                (rs, i) -> rs.getBoolean(1), subject).stream().findFirst().orElse(false));
    }

    private Optional<SecretKey> find(UUID subject) {
        return jdbc.query("SELECT wrapped_key, master_key_version FROM personal_data_key WHERE subject_id = ?",
                        (rs, i) -> rs.getBytes(1) == null ? Optional.<SecretKey>empty()
                                : Optional.of(unwrap(subject, rs.getBytes(1), rs.getInt(2))), subject)
                .stream().findFirst().flatMap(key -> key);
    }

    private Optional<SecretKey> findOrMake(UUID subject) {
        return ownTransaction.execute(status -> {
            // Wrapped under the database's current master key; a rotation that makes a new one
            // current waits for this transaction (and this one for it), so none is left behind.
            jdbc.execute("LOCK TABLE personal_data_key IN ROW EXCLUSIVE MODE");
            int version = jdbc.queryForObject("SELECT max(version) FROM master_key", Integer.class);
            SecretKey masterKey = masterKeys.version(version).orElseThrow(() -> new IllegalStateException(
                    "The database's current master key is version " + version + ", which " + masterKeys.source()
                            + " does not hold"));
            SecretKey made = newKey();
            byte[] wrapped = AesGcm.seal(masterKey, made.getEncoded(), associatedData(subject));
            // The key made here, unless another transaction made one first (or erased the subject):
            // then that one, read back once the insert has waited for it.
            boolean stored = !jdbc.queryForList("INSERT INTO personal_data_key (subject_id, wrapped_key, master_key_version) "
                    + "VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING RETURNING true", Boolean.class,
                    subject, wrapped, version).isEmpty();
            return stored ? Optional.of(made) : find(subject);
        });
    }

    private SecretKey unwrap(UUID subject, byte[] wrapped, int version) {
        SecretKey masterKey = masterKeys.version(version).orElseThrow(() -> new IllegalStateException(
                "A personal data key is wrapped by master key version " + version + ", which " + masterKeys.source()
                        + " does not hold"));
        return unwrap(masterKey, subject, wrapped);
    }

    static SecretKey unwrap(SecretKey masterKey, UUID subject, byte[] wrapped) {
        byte[] key = AesGcm.open(masterKey, wrapped, associatedData(subject)).orElseThrow(() ->
                new IllegalStateException("A personal data key does not open with the configured master key"));
        return new SecretKeySpec(key, "AES");
    }

    static byte[] wrap(SecretKey masterKey, UUID subject, SecretKey key) {
        return AesGcm.seal(masterKey, key.getEncoded(), associatedData(subject));
    }

    static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    static byte[] associatedData(UUID subject) {
        return subject.toString().getBytes(StandardCharsets.UTF_8);
    }
}
