package org.signpost.command.rules;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** Matchers for fixture tests: which request field a refusal names. */
public final class RuleMatchers {

    private RuleMatchers() {
    }

    public static Matcher<InvalidCommand> invalidOn(String field) {
        return new CustomTypeSafeMatcher<>("an InvalidCommand on field " + field) {
            @Override
            protected boolean matchesSafely(InvalidCommand item) {
                return field.equals(item.field());
            }
        };
    }

    public static Matcher<CommandRefused> refusedOn(String field) {
        return new CustomTypeSafeMatcher<>("a CommandRefused on field " + field) {
            @Override
            protected boolean matchesSafely(CommandRefused item) {
                return field.equals(item.field());
            }
        };
    }
}
