package org.signpost.query.metrics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** How the referral rate can be broken down; the names are those of API.md's {@code groupBy}. */
public enum GroupBy {
    /** By the source of the person's referral. */
    SOURCE("source"),
    /** By the link worker of the person's latest session in the period. */
    LINK_WORKER("linkWorker"),
    /** Each calendar month of the period (its first and last clipped to the period), as if it were the period. */
    MONTH("month");

    private final String parameterName;

    GroupBy(String parameterName) {
        this.parameterName = parameterName;
    }

    @JsonValue
    public String parameterName() {
        return parameterName;
    }

    public static GroupBy fromParameter(String name) {
        return Arrays.stream(values())
                .filter(g -> g.parameterName.equals(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "groupBy must be one of source, linkWorker, month; not " + name));
    }

    /** {@code "source,linkWorker,month"} as in API.md (month is Signpost's own); null or blank: no grouping. */
    public static Set<GroupBy> parse(String commaSeparated) {
        Set<GroupBy> groups = EnumSet.noneOf(GroupBy.class);
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            for (String name : commaSeparated.split(",")) {
                groups.add(fromParameter(name));
            }
        }
        return groups;
    }
}
