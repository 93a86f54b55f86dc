package org.signpost.console.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What the auditor's pages say of the API's values: an instant as London's time to the second
 * ("3 December 2026, 06:42:07 GMT"), a record's kind and the address of its history. Templates
 * call it as {@code @auditWords}.
 */
@Component("auditWords")
public class AuditWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss z", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** An ISO-8601 instant in words; anything else as it is. */
    public String instant(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(String.valueOf(iso)));
        } catch (DateTimeParseException e) {
            return String.valueOf(iso);
        }
    }

    /** "Referral" or "Participant": the API's aggregate type, or the subject type of the read log. */
    public String kind(Object type) {
        return "PARTICIPANT".equalsIgnoreCase(String.valueOf(type)) ? "Participant" : "Referral";
    }

    /** The console's page of a referral's or a participant's whole history. */
    public String history(Object type, Object id) {
        return ("Participant".equals(kind(type)) ? "/audit/participants/" : "/audit/referrals/") + id;
    }

    /** An event type in words. */
    public String event(Object type) {
        return Timeline.what(type);
    }
}
