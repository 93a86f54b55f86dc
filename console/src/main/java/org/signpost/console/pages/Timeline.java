package org.signpost.console.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A record's history as people read it: what happened, on which day, recorded by whom; newest first. */
@Component
public class Timeline {

    /** One entry: the event in words, the day it happened, when and by whom it was recorded, and its details. */
    public record Entry(String what, Object occurredOn, Object recordedAt, Object actor, Object role,
                        List<Map.Entry<String, Object>> details) {
    }

    /** Every event type in words, in the order of a young person's referral and support. */
    private static final Map<String, String> WORDS = inOrder(
            Map.entry("ReferralReceived", "Referral received"),
            Map.entry("Triaged", "Referral triaged"),
            Map.entry("LinkWorkerAssigned", "Assigned to a link worker"),
            Map.entry("ReferralWithdrawn", "Referral withdrawn"),
            Map.entry("ParticipantEnrolled", "Support started"),
            Map.entry("SessionHeld", "Session held"),
            Map.entry("SessionMissed", "Session missed"),
            Map.entry("ContactMade", "Contact"),
            Map.entry("OutcomeMeasured", "Outcome measure recorded"),
            Map.entry("SignpostedToVcse", "Signposted to a VCSE activity"),
            Map.entry("UptakeRecorded", "Uptake of a VCSE activity recorded"),
            Map.entry("LinkWorkerChanged", "Link worker changed"),
            Map.entry("SupportExtended", "Support extended"),
            Map.entry("SafeguardingConcernRaised", "Safeguarding concern raised"),
            Map.entry("SafeguardingConcernClosed", "Safeguarding concern closed"),
            Map.entry("ParticipantDischarged", "Discharged"),
            Map.entry("PersonalDataErased", "Personal data erased"));

    public List<Entry> entries(List<Map<String, Object>> history) {
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> event : history) {
            List<Map.Entry<String, Object>> details = new ArrayList<>();
            if (event.get("payload") instanceof Map<?, ?> payload) {
                payload.forEach((key, value) -> {
                    if (value != null && !(value instanceof Map<?, ?>) && !String.valueOf(key).endsWith("Id")) {
                        details.add(Map.entry(words(String.valueOf(key)), value));
                    }
                });
            }
            entries.add(new Entry(what(event.get("type")), event.get("occurredOn"),
                    event.get("recordedAt"), event.get("actor"), event.get("role"), details));
        }
        Collections.reverse(entries);
        return entries;
    }

    /** The event types, in the order of a young person's referral and support. */
    public static List<String> types() {
        return List.copyOf(WORDS.keySet());
    }

    /** An event type ("SessionHeld", or with its package) in words: "Session held". */
    public static String what(Object type) {
        String name = String.valueOf(type);
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return WORDS.getOrDefault(simple, words(simple));
    }

    @SafeVarargs
    private static Map<String, String> inOrder(Map.Entry<String, String>... entries) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries) {
            ordered.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** "durationMinutes" as "Duration minutes". */
    static String words(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
