package org.signpost.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.signpost.platform.ConfigurationProblem;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks at start that the configured master keys are the database's: each version the database
 * knows keeps a check value sealed under its key (table master_key), so a wrong key of the right
 * length is refused at once instead of every read of personal data failing later.
 */
final class MasterKeyCheck {

    private static final byte[] CHECK = "signpost master key check".getBytes(StandardCharsets.US_ASCII);

    private final JdbcTemplate jdbc;
    private final MasterKeys masterKeys;

    MasterKeyCheck(JdbcTemplate jdbc, MasterKeys masterKeys) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
    }

    static byte[] checkValue(SecretKey key, int version) {
        return AesGcm.seal(key, CHECK, associatedData(version));
    }

    static boolean opensCheck(SecretKey key, int version, byte[] checkValue) {
        return AesGcm.open(key, checkValue, associatedData(version)).isPresent();
    }

    void verify() {
        if (jdbc.queryForObject("SELECT count(*) FROM master_key", Long.class) == 0) {
            recordTheFirstVersion();
        }
        List<Map<String, Object>> known = jdbc.queryForList("SELECT version, check_value FROM master_key ORDER BY version");
        for (Map<String, Object> row : known) {
            int version = (Integer) row.get("version");
            masterKeys.version(version).ifPresent(key -> {
                if (!opensCheck(key, version, (byte[]) row.get("check_value"))) {
                    throw notTheDatabases("the master key of version " + version + " in "
                            + masterKeys.source() + " is not the one this database's keys were wrapped with: "
                            + "is it the key of another installation?");
                }
            });
        }
        for (Integer version : jdbc.queryForList("""
                SELECT DISTINCT master_key_version FROM personal_data_key WHERE wrapped_key IS NOT NULL
                UNION SELECT max(version) FROM master_key""", Integer.class)) {
            if (masterKeys.version(version).isEmpty()) {
                throw notTheDatabases("this database's keys are wrapped by master key version " + version
                        + ", which " + masterKeys.source() + " does not hold");
            }
        }
    }

    /**
     * A database made before master keys had versions: its keys are of version 1, which the
     * configured key must open; an empty one starts with the newest configured version.
     */
    private void recordTheFirstVersion() {
        List<Map<String, Object>> sample = jdbc.queryForList(
                "SELECT subject_id, wrapped_key FROM personal_data_key WHERE wrapped_key IS NOT NULL LIMIT 1");
        int version = sample.isEmpty() ? masterKeys.newest() : 1;
        SecretKey key = masterKeys.version(version).orElseThrow(() -> notTheDatabases(
                "this database's keys are wrapped by master key version 1, which " + masterKeys.source()
                        + " does not hold"));
        if (!sample.isEmpty() && AesGcm.open(key, (byte[]) sample.get(0).get("wrapped_key"),
                PersonalDataKeys.associatedData((UUID) sample.get(0).get("subject_id"))).isEmpty()) {
            throw notTheDatabases("the master key in " + masterKeys.source() + " does not open the keys "
                    + "in this database: is it the key of another installation?");
        }
        jdbc.update("INSERT INTO master_key (version, check_value) VALUES (?, ?) ON CONFLICT (version) DO NOTHING",
                version, checkValue(key, version));
    }

    /** A key file that is not this database's: said as the setting that names it. */
    private ConfigurationProblem notTheDatabases(String problem) {
        return new ConfigurationProblem(masterKeys.setting(), problem, "Give the master key file of the installation "
                + "that made this database (the Signpost home's master-key, or its copy in a safe place), or another "
                + "data directory in SIGNPOST_DB_DATA_DIRECTORY for this key.");
    }

    private static byte[] associatedData(int version) {
        return ("master key version " + version).getBytes(StandardCharsets.US_ASCII);
    }
}
