package org.signpost.events;

/** Who referred the young person (PRODUCT.md "Sources"). */
public enum ReferralSource {
    GP, CAMHS, SCHOOL, SOCIAL_SERVICES, YOUTH_OFFENDING_SERVICE, FAMILY_OR_FRIEND,
    ADULT_SOCIAL_PRESCRIBING, SELF, OTHER
}
