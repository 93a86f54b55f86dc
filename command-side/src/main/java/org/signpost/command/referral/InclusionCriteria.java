package org.signpost.command.referral;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Need;

/** The inclusion criteria of the service, checked on the day the referral was received. */
public final class InclusionCriteria {

    public static final int YOUNGEST = 11;
    public static final int OLDEST = 18;

    private InclusionCriteria() {
    }

    /** Age in whole years on a day: a birthday counts from the day itself. */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    public static List<InclusionCriterion> failedBy(int ageOnReceipt, Collection<Need> needs) {
        List<InclusionCriterion> failed = new ArrayList<>();
        if (ageOnReceipt < YOUNGEST || ageOnReceipt > OLDEST) {
            failed.add(InclusionCriterion.AGE_11_TO_18);
        }
        if (needs.stream().noneMatch(Need::meetsInclusion)) {
            failed.add(InclusionCriterion.ANXIETY_OR_LONELINESS);
        }
        return List.copyOf(failed);
    }
}
