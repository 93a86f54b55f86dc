package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a replay's progress is counted and said, without a database. */
class ReplayProgressTest {

    private static final Instant BEGAN = Instant.parse("2026-12-03T09:00:00Z");

    private final ReplayProgress progress = new ReplayProgress(Clock.fixed(BEGAN, ZoneOffset.UTC));

    @Test
    void nothingIsSaidOfAProjectionThatIsNotBeingReplayed() {
        assertThat(progress.of("caseload")).isEmpty();
        progress.begin(List.of("caseload", "referrals"), 100);
        assertThat(progress.of("audit-trail")).isEmpty();
        assertThat(progress.of("referrals")).isPresent();
        progress.end();
        assertThat(progress.of("caseload")).isEmpty();
    }

    @Test
    void beforeTheFirstEventNoneIsReadAndNoRateOrTimeLeftIsKnown() {
        progress.begin(List.of("caseload"), 100);
        ReplayProgress.Replay replay = progress.of("caseload").orElseThrow();
        assertThat(replay).isEqualTo(new ReplayProgress.Replay(0, 100, 0, null, BEGAN, "READING_EVENTS"));
    }

    @Test
    void whileReadingItSaysThePositionReachedItsRateAndTimeLeft() {
        progress.begin(List.of("caseload"), 100);
        for (long position = 1; position <= 40; position++) {
            progress.read(position);
        }
        // A late-committed event handed on after later positions does not take the count back.
        progress.read(12);
        ReplayProgress.Replay replay = progress.of("caseload").orElseThrow();
        assertThat(replay.eventsDone()).isEqualTo(40);
        assertThat(replay.eventsToDo()).isEqualTo(100);
        assertThat(replay.eventsPerSecond()).isPositive();
        assertThat(replay.secondsLeft()).isNotNull().isNotNegative();
        assertThat(replay.stage()).isEqualTo("READING_EVENTS");
    }

    @Test
    void eventsStoredAfterTheHeadWasReadAreCountedToo() {
        progress.begin(List.of("caseload"), 10);
        progress.read(12);
        ReplayProgress.Replay replay = progress.of("caseload").orElseThrow();
        assertThat(replay.eventsDone()).isEqualTo(12);
        assertThat(replay.eventsToDo()).isEqualTo(12);
    }

    @Test
    void onceAllAreReadItIsSwitchingOverAtTheRateOfTheWholeRead() throws InterruptedException {
        progress.begin(List.of("caseload"), 3);
        progress.read(1);
        progress.read(2);
        progress.read(3);
        progress.allRead();
        ReplayProgress.Replay switching = progress.of("caseload").orElseThrow();
        assertThat(switching.stage()).isEqualTo("SWITCHING_OVER");
        assertThat(switching.secondsLeft()).isNull();
        assertThat(switching.eventsDone()).isEqualTo(3);
        Thread.sleep(20);
        assertThat(progress.of("caseload").orElseThrow().eventsPerSecond()).as("no longer falls")
                .isEqualTo(switching.eventsPerSecond());
    }
}
