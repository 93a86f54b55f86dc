package org.signpost.console.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SignpostApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A referral's or a participant's whole history for the auditor, oldest first: for each event
 * its business date and when it was recorded, who recorded it in which role, what it was, the
 * request it came with (correlation id), its place in the store (which the integrity check
 * names), its fields in words and, on demand, its payload as the API gives it. Personal values
 * the API marks erased ({@code {"value": null, "erased": true}}) are said to be erased. The
 * referral and the participant it became link to each other.
 */
@Controller
class HistoryPage {

    /** One field of an event's payload in words; {@code personal} if it is personal data, {@code erased} if gone. */
    public record Field(String name, String value, boolean personal, boolean erased) {
    }

    /** One event as the timeline shows it. */
    public record Entry(long position, long sequence, String type, String what, Object occurredOn, String recordedAt,
                        String actor, String role, String correlationId, List<Field> fields, String payload) {

        public boolean erasedValues() {
            return fields.stream().anyMatch(Field::erased);
        }
    }

    private final SignpostApi api;
    private final ObjectMapper json;
    private final Words words;

    HistoryPage(SignpostApi api, ObjectMapper json, Words words) {
        this.api = api;
        this.json = json;
        this.words = words;
    }

    @GetMapping("/audit/referrals/{referralId}")
    String referral(@PathVariable UUID referralId, Model model) {
        JsonNode history = api.get(ConsolePages.current(), "/api/referrals/" + referralId + "/history").body();
        String participantId = null;
        JsonNode erasure = null;
        for (JsonNode event : history) {
            if (event.path("type").asText().equals("LinkWorkerAssigned")) {
                participantId = event.path("payload").path("participantId").asText(null);
            }
            if (event.path("type").asText().equals("PersonalDataErased")) {
                erasure = event;
            }
        }
        model.addAttribute("kind", "Referral");
        model.addAttribute("id", referralId);
        model.addAttribute("participantId", participantId);
        return page(history, erasure, model);
    }

    @GetMapping("/audit/participants/{participantId}")
    String participant(@PathVariable UUID participantId, Model model) {
        ConsoleUser user = ConsolePages.current();
        JsonNode history = api.get(user, "/api/participants/" + participantId + "/history").body();
        String referralId = history.path(0).path("payload").path("referralId").asText(null);
        JsonNode erasure = null;
        if (referralId != null && AuditFilters.reference(referralId)) {
            // The erasure is the referral's event: the one event of that type the referral can have.
            erasure = api.get(user, "/api/audit/events?type=PersonalDataErased&size=1&aggregateId=" + referralId)
                    .body().path(0);
        }
        model.addAttribute("kind", "Participant");
        model.addAttribute("id", participantId);
        model.addAttribute("referralId", referralId);
        return page(history, erasure == null || erasure.isMissingNode() ? null : erasure, model);
    }

    private String page(JsonNode history, JsonNode erasure, Model model) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode event : history) {
            entries.add(entry(event));
        }
        model.addAttribute("pageTitle", model.getAttribute("kind") + " history");
        model.addAttribute("entries", entries);
        model.addAttribute("erasure", erasure == null ? null : api.map(erasure));
        return "console/audit-history";
    }

    private Entry entry(JsonNode event) {
        List<Field> fields = new ArrayList<>();
        event.path("payload").properties().forEach(field -> fields.add(field(field.getKey(), field.getValue())));
        String type = event.path("type").asText();
        return new Entry(event.path("position").asLong(), event.path("sequence").asLong(), type, Timeline.what(type),
                event.path("occurredOn").asText(null), event.path("recordedAt").asText(null),
                event.path("actor").asText(null), event.path("role").asText(null),
                event.path("correlationId").asText(null), fields, pretty(event.path("payload")));
    }

    private Field field(String name, JsonNode value) {
        if (personal(value)) {
            boolean erased = value.path("erased").asBoolean();
            return new Field(Timeline.words(name), erased ? "Erased" : text(value.path("value")), true, erased);
        }
        return new Field(Timeline.words(name), text(value), false, false);
    }

    /** How the API writes a personal value of an event: {@code {"value": ..., "erased": false}}. */
    private static boolean personal(JsonNode value) {
        return value.isObject() && value.size() == 2 && value.has("value") && value.path("erased").isBoolean();
    }

    /** A value in words: codes and dates as people read them, lists joined, objects as "key: value" pairs. */
    private String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return items.isEmpty() ? "None" : String.join(", ", items);
        }
        if (value.isObject()) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!field.getValue().isNull()) {
                    pairs.add(Timeline.words(field.getKey()) + ": " + text(field.getValue()));
                }
            }
            return pairs.isEmpty() ? "None" : String.join("; ", pairs);
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "Yes" : "No";
        }
        String text = value.asText();
        // A code of the API ("SOCIAL_SERVICES"), not a postcode district ("AN1") or an instrument ("ONS4").
        if (text.matches("[A-Z]+(_[A-Z0-9]+)*")) {
            return words.label(text);
        }
        return text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? words.date(text) : text;
    }

    private String pretty(JsonNode payload) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return payload.toString();
        }
    }
}
