package org.signpost.console.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A record's history as people read it: what happened, on which day, recorded by whom; newest first. */
@Component
public class Timeline {

    /** One entry: the event in words, the day it happened, when and by whom it was recorded, and its details. */
    public record Entry(String what, Object occurredOn, Object recordedAt, Object actor, Object role,
                        List<Map.Entry<String, Object>> details) {
    }

    private static final Map<String, String> WORDS = Map.ofEntries(
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
            Map.entry("ParticipantDischarged", "Discharged"),
            Map.entry("PersonalDataErased", "Personal data erased"));

    public List<Entry> entries(List<Map<String, Object>> history) {
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> event : history) {
            String type = String.valueOf(event.get("type"));
            String simple = type.substring(type.lastIndexOf('.') + 1);
            List<Map.Entry<String, Object>> details = new ArrayList<>();
            if (event.get("payload") instanceof Map<?, ?> payload) {
                payload.forEach((key, value) -> {
                    if (value != null && !(value instanceof Map<?, ?>) && !String.valueOf(key).endsWith("Id")) {
                        details.add(Map.entry(words(String.valueOf(key)), value));
                    }
                });
            }
            entries.add(new Entry(WORDS.getOrDefault(simple, words(simple)), event.get("occurredOn"),
                    event.get("recordedAt"), event.get("actor"), event.get("role"), details));
        }
        Collections.reverse(entries);
        return entries;
    }

    /** "durationMinutes" as "Duration minutes". */
    static String words(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
