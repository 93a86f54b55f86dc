package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.platform.database.DatabaseConfiguration.EmbeddedDatabase;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;
import org.signpost.platform.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An erased person's keys leave no trace in the database's files: the review read a destroyed
 * key back from its dead row with pageinspect, unwrapped it with the master key and decrypted
 * the person's name, date of birth and notes.
 */
class ErasedKeyHttpTest extends AllInOneTest {

    @Autowired
    EmbeddedDatabase embedded;

    @Value("${signpost.db.data-directory}")
    Path dataDirectory;

    @Test
    void anErasedPersonsKeysAreInNoPageNorAnyFileOfTheDatabase() throws Exception {
        Api api = api();
        String referralId = received(api, "Keyholder", "Vanishing");
        String participantId = assigned(api, referralId);
        Map<String, Object> session = Map.of("heldOn", LocalDate.now().minusDays(1).toString(), "durationMinutes", 30,
                "location", "SCHOOL", "accompaniedBy", "NONE", "notes", "Notes that make a participant's key");
        assertThat(api.as("linkworker").post("/api/participants/" + participantId + "/sessions", session).status())
                .isEqualTo(201);
        String otherReferral = received(api, "Staying", "Readable");
        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.superuser(embedded));
        List<byte[]> keys = superuser.queryForList("SELECT wrapped_key FROM personal_data_key WHERE subject_id IN (?, ?)",
                byte[].class, UUID.fromString(referralId), UUID.fromString(participantId));
        assertThat(keys).as("the referral's key and the participant's").hasSize(2).doesNotContainNull();
        assertThat(filesHolding(keys)).as("the keys are in the database's files before").isNotEmpty();

        Response erased = api.as("dpo").post("/api/participants/" + participantId + "/erasure",
                Map.of("reason", "Upheld request 4411", "confirm", participantId));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(filesHolding(keys)).as("files of the database that still hold an erased key").isEmpty());
        superuser.execute("CREATE EXTENSION IF NOT EXISTS pageinspect");
        assertThat(superuser.queryForObject("""
                SELECT count(*) FROM generate_series(0, pg_relation_size('personal_data_key') / 8192 - 1) AS page
                WHERE position(? IN get_raw_page('personal_data_key', page::int)) > 0
                   OR position(? IN get_raw_page('personal_data_key', page::int)) > 0""", Long.class,
                keys.get(0), keys.get(1))).as("pages of the key table that hold an erased key").isZero();
        assertThat(superuser.queryForObject("SELECT count(*) FROM personal_data_key WHERE subject_id IN (?, ?) "
                + "AND wrapped_key IS NULL AND erased_at IS NOT NULL", Long.class,
                UUID.fromString(referralId), UUID.fromString(participantId))).isEqualTo(2);
        assertThat(api.as("coordinator").get("/api/referrals/" + otherReferral).body())
                .as("everyone else's keys stay").contains("Staying");
    }

    private static String received(Api api, String firstName, String lastName) {
        Response received = api.as("coordinator").post("/api/referrals", Requests.referral(firstName, lastName, 10));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return received.text("referralId");
    }

    private static String assigned(Api api, String referralId) {
        assertThat(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", LocalDate.now().minusDays(9).toString())).status())
                .isEqualTo(200);
        Response assigned = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", "lw-1", "assignedOn", LocalDate.now().minusDays(8).toString()));
        assertThat(assigned.status()).isEqualTo(200);
        return assigned.text("participantId");
    }

    /** Every file of the embedded database (tables, indexes, WAL) that holds one of these byte strings. */
    private List<Path> filesHolding(List<byte[]> secrets) throws IOException {
        List<Path> holding = new ArrayList<>();
        Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    byte[] content;
                    try {
                        content = Files.readAllBytes(file);
                    } catch (NoSuchFileException e) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (secrets.stream().anyMatch(secret -> indexOf(content, secret) >= 0)) {
                        holding.add(dataDirectory.relativize(file));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            /** A file PostgreSQL removed between the listing and the visit (a WAL segment, say) holds nothing any more. */
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
        return holding;
    }

    private static int indexOf(byte[] content, byte[] secret) {
        outer:
        for (int i = 0; i <= content.length - secret.length; i++) {
            for (int j = 0; j < secret.length; j++) {
                if (content[i + j] != secret[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
