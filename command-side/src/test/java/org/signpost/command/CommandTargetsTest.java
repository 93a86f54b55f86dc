package org.signpost.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.signpost.command.participant.ParticipantCommands.RecordContact;
import org.signpost.command.referral.ReferralCommands.WithdrawReferral;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;

/** Finding a command's target once per class answers what Axon's own resolver answers, refusals included. */
class CommandTargetsTest {

    private final CommandTargetResolver ours = new CommandTargets();
    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record OnAComponent(@TargetAggregateIdentifier UUID id, String other) {
    }

    record WithAVersion(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record WithATextVersion(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static class OnAMethod {
        private final String id = "field-is-not-it";

        @TargetAggregateIdentifier
        String target() {
            return "from-the-method";
        }
    }

    record Unmarked(String id) {
    }

    @Test
    void theSameTargetAsAxonsResolver() {
        UUID id = UUID.randomUUID();
        for (Object command : List.of(new OnAComponent(id, "x"), new WithAVersion("a", 3L), new WithAVersion("b", null),
                new WithATextVersion("c", "12"), new OnAMethod(), new RecordContact(id, ContactChannel.TEXT, ContactDirection.OUTBOUND, LocalDate.now()),
                new WithdrawReferral(id, "MOVED_AWAY", LocalDate.now()))) {
            VersionedAggregateIdentifier expected = axons.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier actual = ours.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(actual.getIdentifierValue()).as(command.toString()).isEqualTo(expected.getIdentifierValue());
            assertThat(actual.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(actual.getVersion()).isEqualTo(expected.getVersion());
        }
    }

    @Test
    void theSameRefusals() {
        for (Object command : List.of(new Unmarked("x"), new OnAComponent(null, "x"), new WithATextVersion("c", "twelve"))) {
            Supplier<String> axonsMessage = () -> refusal(axons, command);
            assertThatThrownBy(() -> ours.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(axonsMessage.get());
        }
    }

    private static String refusal(CommandTargetResolver resolver, Object command) {
        try {
            resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("Axon's resolver accepted " + command);
    }
}
