package org.signpost.command.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.signpost.command.participant.ParticipantCommands.CloseSafeguardingConcern;
import org.signpost.command.participant.ParticipantCommands.RaiseSafeguardingConcern;
import org.signpost.command.participant.ParticipantCommands.RecordContact;
import org.signpost.command.rules.CommandRefused;
import org.signpost.command.rules.UnknownEntity;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralSource;
import org.signpost.events.SafeguardingConcernClosed;
import org.signpost.events.SafeguardingConcernRaised;

/**
 * For any sequence of raising and closing concerns, command by command on the history so far: a
 * closure is accepted exactly when its concern is open (unknown: 404; closed before: 409), and
 * the open concerns are those raised minus those closed.
 */
class SafeguardingConcernsPropertiesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static final UUID PARTICIPANT_ID = UUID.fromString("9b1f3c2d-4e5f-3a6b-8c7d-0e1f2a3b4c5d");

    /** Raise a new concern, or close the {@code index}th concern raised (one past the last: a concern never raised). */
    record Step(boolean raise, int index) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.integers().between(0, 4)
                .flatMap(index -> Arbitraries.of(true, false).map(raise -> new Step(raise, index)));
        return step.list().ofMaxSize(12);
    }

    @Property(tries = 50)
    void aClosureIsAcceptedExactlyWhenItsConcernIsOpen(@ForAll("steps") List<Step> steps) {
        List<Object> history = new ArrayList<>(List.of(new ParticipantEnrolled(PARTICIPANT_ID, UUID.randomUUID(),
                "lw-1", TODAY.minusDays(60), TODAY.minusDays(70), ReferralSource.GP)));
        List<UUID> raised = new ArrayList<>();
        Set<UUID> open = new LinkedHashSet<>();
        for (int n = 0; n < steps.size(); n++) {
            Step step = steps.get(n);
            LocalDate day = TODAY.minusDays(30 - n);
            if (step.raise()) {
                UUID concern = UUID.randomUUID();
                SafeguardingConcernRaised event = new SafeguardingConcernRaised(PARTICIPANT_ID, concern, day,
                        PersonalData.of("summary " + n));
                fixture().given(history).when(new RaiseSafeguardingConcern(PARTICIPANT_ID, concern, day, "summary " + n))
                        .expectEvents(event);
                history.add(event);
                raised.add(concern);
                open.add(concern);
            } else {
                UUID concern = step.index() < raised.size() ? raised.get(step.index()) : UUID.randomUUID();
                // Each closure's outcome differs from any before it: a closed concern's is never a retry.
                CloseSafeguardingConcern close = new CloseSafeguardingConcern(PARTICIPANT_ID, concern, day,
                        "outcome " + n);
                if (open.contains(concern)) {
                    SafeguardingConcernClosed event = new SafeguardingConcernClosed(PARTICIPANT_ID, concern, day,
                            PersonalData.of("outcome " + n));
                    fixture().given(history).when(close).expectEvents(event);
                    history.add(event);
                    open.remove(concern);
                } else {
                    fixture().given(history).when(close)
                            .expectException(raised.contains(concern) ? CommandRefused.class : UnknownEntity.class)
                            .expectNoEvents();
                }
            }
            Set<UUID> expected = Set.copyOf(open);
            // The state after the history so far, seen through a command that changes no concern.
            fixture().given(history).when(new RecordContact(PARTICIPANT_ID, ContactChannel.TEXT, ContactDirection.OUTBOUND,
                            TODAY))
                    .expectState(participant -> assertThat(participant.openConcerns()).isEqualTo(expected));
        }
    }

    /** A fresh fixture per command: expectState on a reused one failed ("modified in a Unit of Work that was rolled back"). */
    private static FixtureConfiguration<Participant> fixture() {
        FixtureConfiguration<Participant> fixture = new AggregateTestFixture<>(Participant.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }
}
