package org.signpost.command.referral;

import java.util.Locale;

/**
 * The outward code of a UK postcode ("LS6" of "LS6 3QW"): an area too large to identify a
 * person, kept in clear for evaluation by area while the full postcode is personal data.
 */
public final class PostcodeDistrict {

    private PostcodeDistrict() {
    }

    public static String of(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) : null;
    }
}
