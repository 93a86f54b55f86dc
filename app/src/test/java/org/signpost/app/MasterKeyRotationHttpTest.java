package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

    private static String received(Api api, String firstName, String lastName) {
        Response received = api.as("coordinator").post("/api/referrals", Requests.referral(firstName, lastName, 4));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referralId = received.text("referralId");
        assertThat(UUID.fromString(referralId)).isNotNull();
        return referralId;
    }
}
