package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.signpost.platform.privacy.MasterKeyRotation;
import org.signpost.platform.privacy.MasterKeys;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The master key is rotated while the service runs and takes referrals: every young person's
 * key ends up wrapped by the new master key alone, the service reads everyone's data before and
 * after, and the old key leaves the service's file.
 */
class MasterKeyRotationHttpTest extends AllInOneTest {

    @Autowired
    DataSource dataSource;

    @Value("${signpost.master-key-file}")
    Path keyFile;

    @Test
    void everyKeyIsWrappedAnewWhileTheServiceGoesOn() throws Exception {
        Api api = api();
        String before = received(api, "Rotated", "Before");
        MasterKeys old = MasterKeys.fromFile(keyFile);
        int oldVersion = old.newest();

        List<String> during = new CopyOnWriteArrayList<>();
        List<Integer> refused = new CopyOnWriteArrayList<>();
        AtomicBoolean rotating = new AtomicBoolean(true);
        Thread referrals = new Thread(() -> {
            for (int i = 0; rotating.get() || i < 3; i++) {
                Response answer = api.as("coordinator").post("/api/referrals", Requests.referral("During", "Rotation" + i, 5));
                if (answer.status() == 201) {
                    during.add(answer.text("referralId"));
                } else {
                    refused.add(answer.status());
                }
            }
        });
        referrals.start();
        MasterKeyRotation.Rotated rotated = new MasterKeyRotation(dataSource, keyFile, Clock.systemUTC()).rotate();
        rotating.set(false);
        referrals.join();

        assertThat(refused).as("answers other than 201 during the rotation").isEmpty();
        assertThat(rotated.version()).isEqualTo(oldVersion + 1);
        assertThat(rotated.rewrapped()).isPositive();
        assertThat(jdbc.queryForList("SELECT DISTINCT master_key_version FROM personal_data_key "
                + "WHERE wrapped_key IS NOT NULL", Integer.class)).containsExactly(rotated.version());
        MasterKeys now = MasterKeys.fromFile(keyFile);
        assertThat(now.all()).as("the service's file holds the new key alone").containsOnlyKeys(rotated.version());
        assertThat(MasterKeys.fromFile(rotated.retired()).all()).isEqualTo(old.all());
        for (Map<String, Object> key : jdbc.queryForList(
                "SELECT subject_id, wrapped_key FROM personal_data_key WHERE wrapped_key IS NOT NULL")) {
            UUID subject = (UUID) key.get("subject_id");
            assertThat(old.opens(oldVersion, subject, (byte[]) key.get("wrapped_key"))).isFalse();
            assertThat(now.opens(rotated.version(), subject, (byte[]) key.get("wrapped_key"))).isTrue();
        }

        awaitProjections(api);
        assertThat(api.as("coordinator").get("/api/referrals/" + before).body()).contains("Rotated");
        assertThat(during).isNotEmpty();
        for (String referralId : during) {
            assertThat(api.as("coordinator").get("/api/referrals/" + referralId).body()).contains("During");
        }
        String after = received(api, "Rotated", "After");
        awaitProjections(api);
        assertThat(api.as("coordinator").get("/api/referrals/" + after).body()).contains("After");
        Files.delete(rotated.retired());
    }

    /**
     * Two rotations at once each wrote back the key file with only their own new version, and the
     * database's keys ended up under a version in no file. While one holds the rotation's lock,
     * another does nothing and says so; two one after the other in the same second keep both
     * retired files, and every key opens with the file's one version.
     */
    @Test
    void aRotationWhileAnotherIsUnderWayDoesNothingAndRotationsInTheSameSecondRetireToFilesOfTheirOwn()
            throws Exception {
        Api api = api();
        String before = received(api, "Rotated", "Twice");
        String file = Files.readString(keyFile);
        Integer versions = jdbc.queryForObject("SELECT count(*) FROM master_key", Integer.class);
        Clock sameSecond = Clock.fixed(Instant.parse("2026-12-04T23:19:05Z"), ZoneOffset.UTC);
        try (Connection other = dataSource.getConnection();
             PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(hashtext(?))");
             PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            lock.setString(1, MasterKeyRotation.LOCK);
            unlock.setString(1, MasterKeyRotation.LOCK);
            lock.execute();
            assertThatThrownBy(() -> new MasterKeyRotation(dataSource, keyFile, sameSecond).rotate())
                    .isInstanceOf(MasterKeyRotation.RotationUnderWay.class);
            unlock.execute();
        }
        assertThat(Files.readString(keyFile)).as("the key file as it was").isEqualTo(file);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master_key", Integer.class)).isEqualTo(versions);

        MasterKeyRotation.Rotated first = new MasterKeyRotation(dataSource, keyFile, sameSecond).rotate();
        MasterKeyRotation.Rotated second = new MasterKeyRotation(dataSource, keyFile, sameSecond).rotate();
        assertThat(second.retired()).isNotEqualTo(first.retired());
        assertThat(MasterKeys.fromFile(first.retired()).all()).doesNotContainKey(first.version());
        assertThat(MasterKeys.fromFile(second.retired()).all()).containsOnlyKeys(first.version());
        MasterKeys now = MasterKeys.fromFile(keyFile);
        assertThat(now.all()).containsOnlyKeys(second.version());
        for (Map<String, Object> key : jdbc.queryForList(
                "SELECT subject_id, wrapped_key FROM personal_data_key WHERE wrapped_key IS NOT NULL")) {
            assertThat(now.opens(second.version(), (UUID) key.get("subject_id"), (byte[]) key.get("wrapped_key")))
                    .isTrue();
        }
        awaitProjections(api);
        assertThat(api.as("coordinator").get("/api/referrals/" + before).body()).contains("Twice");
        Files.delete(first.retired());
        Files.delete(second.retired());
    }

    private static String received(Api api, String firstName, String lastName) {
        Response received = api.as("coordinator").post("/api/referrals", Requests.referral(firstName, lastName, 4));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referralId = received.text("referralId");
        assertThat(UUID.fromString(referralId)).isNotNull();
        return referralId;
    }
}
