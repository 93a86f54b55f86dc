package org.signpost.console.pages;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The caseload's flags as people read them, in the order that needs attention first, with the
 * design system's tag colour of each (red for what is urgent). Templates call it as {@code @flags}.
 */
@Component("flags")
public class Flags {

    /** Most urgent first: a caseload is sorted by the first flag of this list each participant has. */
    static final List<String> BY_URGENCY = List.of("SAFEGUARDING_CONCERN", "BEYOND_ENTITLEMENT",
            "NO_CONTACT_14_DAYS", "ENTITLEMENT_ENDING", "SESSION_OVER_30_MINUTES_WALK");

    private static final Map<String, String> LABELS = Map.of(
            "SAFEGUARDING_CONCERN", "Safeguarding concern",
            "BEYOND_ENTITLEMENT", "Beyond entitlement",
            "NO_CONTACT_14_DAYS", "No contact for 14 days",
            "ENTITLEMENT_ENDING", "Entitlement ending",
            "SESSION_OVER_30_MINUTES_WALK", "Session over 30 minutes' walk");

    public String label(Object flag) {
        return LABELS.getOrDefault(String.valueOf(flag), String.valueOf(flag));
    }

    public String colour(Object flag) {
        return switch (String.valueOf(flag)) {
            case "SAFEGUARDING_CONCERN", "BEYOND_ENTITLEMENT" -> "nhsuk-tag--red";
            case "NO_CONTACT_14_DAYS", "ENTITLEMENT_ENDING" -> "nhsuk-tag--orange";
            default -> "nhsuk-tag--yellow";
        };
    }

    /** The rank of a participant's most urgent flag; those without any come last. */
    static int urgency(List<?> flags) {
        return flags.stream().map(String::valueOf).mapToInt(BY_URGENCY::indexOf).filter(i -> i >= 0)
                .min().orElse(BY_URGENCY.size());
    }
}
