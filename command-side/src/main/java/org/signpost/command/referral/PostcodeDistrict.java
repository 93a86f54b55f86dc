package org.signpost.command.referral;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The outward code of a UK postcode ("LS6" of "LS6 3QW"): an area too large to identify a
 * person, kept in clear for evaluation by area while the full postcode is personal data.
 */
public final class PostcodeDistrict {

    /** Compiled once: String.replaceAll compiles its pattern again on every referral. */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private PostcodeDistrict() {
    }

    public static String of(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = WHITE_SPACE.matcher(postcode).replaceAll("").toUpperCase(Locale.ROOT);
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) : null;
    }
}
