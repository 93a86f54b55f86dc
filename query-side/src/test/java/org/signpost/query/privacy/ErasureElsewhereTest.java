package org.signpost.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.platform.privacy.ErasedKeyPurge;
import org.signpost.platform.privacy.MasterKeys;
import org.signpost.platform.privacy.PersonalDataKeys;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys are kept in memory for long, so an erasure carried out by another process (the command
 * side) must reach this one's memory by itself, whether or not the erasure event has: each
 * process looks for recent erasures every second and forgets those keys.
 */
class ErasureElsewhereTest extends QuerySideTest {

    @Autowired
    PersonalDataKeys here;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MasterKeys masterKeys;

    private final byte[] name = "Rose Tyler".getBytes(StandardCharsets.UTF_8);

    /** The same table and master key, as the command side's process has them. */
    private PersonalDataKeys anotherProcess() {
        return new PersonalDataKeys(jdbc, transactionManager, new ErasedKeyPurge(jdbc), masterKeys, Duration.ofHours(1));
    }

    @Test
    void aKeyErasedByAnotherProcessIsForgottenHereWithinSeconds() {
        UUID person = UUID.randomUUID();
        PersonalDataKeys commandSide = anotherProcess();
        byte[] sealed = commandSide.encrypt(person, name);
        assertThat(here.decrypt(person, sealed)).hasValue(name);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> commandSide.destroy(List.of(person)));

        // No erasure event is appended here: only the look for recent erasures can tell this process.
        await().atMost(Duration.ofSeconds(10)).until(() -> here.decrypt(person, sealed).isEmpty());
    }

    @Test
    void eachLookForgetsEveryoneErasedLatelyAndNobodyElse() {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        PersonalDataKeys commandSide = anotherProcess();
        PersonalDataKeys querySide = anotherProcess();
        byte[] erasedSealed = commandSide.encrypt(erased, name);
        byte[] keptSealed = commandSide.encrypt(kept, name);
        assertThat(querySide.decrypt(erased, erasedSealed)).hasValue(name);
        assertThat(querySide.decrypt(kept, keptSealed)).hasValue(name);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> commandSide.destroy(List.of(erased)));
        assertThat(querySide.decrypt(erased, erasedSealed)).as("still in memory before the look").hasValue(name);

        querySide.forgetErasedElsewhere();

        assertThat(querySide.decrypt(erased, erasedSealed)).isEmpty();
        assertThat(querySide.decrypt(kept, keptSealed)).hasValue(name);
    }
}
