package org.signpost.console.pages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The API's codes as people read them ("SOCIAL_SERVICES" as "Social services"), the inclusion
 * criteria of PRODUCT.md in words, and dates as "3 March 2026". Templates call it as {@code @words}.
 */
@Component("words")
public class Words {

    /** The referral form's choices, in the order of PRODUCT.md. */
    public static final List<String> SOURCES = List.of("GP", "CAMHS", "SCHOOL", "SOCIAL_SERVICES",
            "YOUTH_OFFENDING_SERVICE", "FAMILY_OR_FRIEND", "ADULT_SOCIAL_PRESCRIBING", "SELF", "OTHER");
    public static final List<String> CHANNELS = List.of("PRESCRIPTION_PAD", "ELECTRONIC_FORM", "PHONE_LINE",
            "WEBSITE", "EMAIL", "OTHER");
    public static final List<String> REASONS = List.of("PHYSICAL_ACTIVITY", "EMOTIONAL_HEALTH", "LIFESTYLE_CHANGE",
            "LONELINESS", "ANXIETY", "OTHER");
    public static final List<String> NEEDS = List.of("ANXIETY", "LONELINESS", "OTHER");
    public static final List<String> CONSENT = List.of("YOUNG_PERSON", "PARENT_CARER");
    public static final List<String> OUTCOMES = List.of("ACCEPTED", "DECLINED", "REDIRECTED");
    /** The inclusion criteria, by the names the API reports a failed one with. */
    public static final List<String> CRITERIA = List.of("AGE_11_TO_18", "ANXIETY_OR_LONELINESS");

    private static final Map<String, String> LABELS = Map.of(
            "GP", "GP",
            "CAMHS", "CAMHS",
            "PARENT_CARER", "Parent or carer",
            "ASSIGNED", "Assigned to a link worker",
            "AWAITING_TRIAGE", "Awaiting triage",
            "SELF", "Self-referral",
            "SWEMWBS", "SWEMWBS");

    private static final Map<String, String> CRITERION = Map.of(
            "AGE_11_TO_18", "Aged 11 to 18 on the day the referral was received",
            "ANXIETY_OR_LONELINESS", "Anxiety and/or loneliness among the needs");

    private static final Map<String, String> CRITERION_FAILED = Map.of(
            "AGE_11_TO_18", "Not aged 11 to 18",
            "ANXIETY_OR_LONELINESS", "No anxiety or loneliness");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public List<String> sources() {
        return SOURCES;
    }

    public List<String> channels() {
        return CHANNELS;
    }

    public List<String> reasons() {
        return REASONS;
    }

    public List<String> needs() {
        return NEEDS;
    }

    public List<String> consent() {
        return CONSENT;
    }

    public List<String> outcomes() {
        return OUTCOMES;
    }

    public List<String> criteria() {
        return CRITERIA;
    }

    public String label(Object code) {
        String text = String.valueOf(code);
        String known = LABELS.get(text);
        if (known != null) {
            return known;
        }
        String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public String criterion(Object code) {
        return CRITERION.getOrDefault(String.valueOf(code), label(code));
    }

    /** A failed criterion's tag. */
    public String failed(Object code) {
        return CRITERION_FAILED.getOrDefault(String.valueOf(code), label(code));
    }

    /** "2026-03-03" as "3 March 2026"; anything else as it is. */
    public String date(Object isoDate) {
        if (isoDate == null) {
            return "";
        }
        try {
            return LocalDate.parse(String.valueOf(isoDate)).format(DAY);
        } catch (DateTimeParseException e) {
            return String.valueOf(isoDate);
        }
    }

    /** "1 session", "2 sessions": a count with its noun in the number it needs. */
    public String count(Object count, String one, String many) {
        return count + " " + ("1".equals(String.valueOf(count)) ? one : many);
    }
}
