package org.signpost.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The link worker's actions on a participant as forms: each one's fields (the design system's
 * inputs, named as the API names them so that its refusals land on the right input), how what was
 * typed becomes the command's body, and what the success banner says once it is recorded.
 */
public final class ParticipantActions {

    private ParticipantActions() {
    }

    /** One choice of a radio or checkbox group. */
    public record Option(String value, String label) {
    }

    /** One question of a form. Its {@code name} is the API's field name. */
    public record Field(String name, String label, Kind kind, List<Option> options, String hint, boolean inline) {

        public enum Kind { DATE, NUMBER, TEXT, TEXTAREA, RADIOS, CHECKBOXES }

        /** The id an error summary links to: the first input of the question, as the design system does. */
        public String anchor() {
            return kind == Kind.DATE ? name + "-day" : name;
        }

        public boolean isChoice() {
            return kind == Kind.RADIOS || kind == Kind.CHECKBOXES;
        }
    }

    /**
     * A form: its address under the participant, its title and button, the API path it posts to,
     * how the typed fields become the body, and the banner's words from the body sent and the answer.
     */
    public record Action(String path, String title, String button, String apiPath, List<Field> fields,
                  UnaryOperator<Map<String, Object>> shape, BiFunction<Map<String, Object>, JsonNode, String> recorded) {
    }

    /** What a participant's page links to: the forms, in the order a link worker uses them. */
    public record ActionLink(String href, String text) {
    }

    /** One signpost of the participant's history with its uptake, if recorded. */
    public record Signpost(String signpostId, String organisation, String activity, String category, String signpostedOn,
                           String uptake) {
    }

    /**
     * One safeguarding concern of the participant's history: raised, and closed once it is
     * ({@code closedOn} null while open). The summary is null when the API gives none (erased).
     */
    public record Concern(String concernId, String raisedOn, String summary, String closedOn) {

        public boolean open() {
            return closedOn == null;
        }
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static Action action(String path, String instrument) {
        return switch (path) {
            case "session" -> new Action(path, "Record a session", "Record session", "/sessions", List.of(
                    date("heldOn", "Date held"),
                    number("durationMinutes", "Length in minutes", "From 1 to 240"),
                    radios("location", "Where", false, "HOME", "Home", "SCHOOL", "School", "COMMUNITY_VENUE",
                            "Community venue", "OFFICE", "Office", "ONLINE", "Online", "PHONE", "Phone"),
                    radios("accompaniedBy", "Accompanied by", false, "NONE", "Nobody", "PARENT_CARER", "A parent or carer",
                            "OTHER", "Someone else"),
                    number("walkMinutesFromHome", "Walking time from home, in minutes", "Leave empty if not known"),
                    new Field("techniques", "Techniques used", Field.Kind.CHECKBOXES, options("MOTIVATIONAL_INTERVIEWING",
                            "Motivational interviewing", "COM_B", "COM-B behaviour change", "OTHER", "Other"),
                            "Select all that apply", false),
                    new Field("notes", "Notes", Field.Kind.TEXTAREA, List.of(), null, false)),
                    UnaryOperator.identity(),
                    (body, answer) -> "Session on " + day(body.get("heldOn")) + " recorded"
                            + (answer.path("beyondEntitlement").asBoolean() ? " (beyond the entitlement)" : ""));
            case "missed-session" -> new Action(path, "Record a missed session", "Record missed session",
                    "/missed-sessions", List.of(date("plannedOn", "Date it was planned for"),
                    new Field("reason", "Reason", Field.Kind.TEXTAREA, List.of(), "If known", false)),
                    UnaryOperator.identity(),
                    (body, answer) -> "Missed session of " + day(body.get("plannedOn")) + " recorded");
            case "contact" -> new Action(path, "Record a contact", "Record contact", "/contacts", List.of(
                    radios("channel", "How", true, "TEXT", "Text", "PHONE", "Phone", "EMAIL", "Email"),
                    radios("direction", "Who got in touch", true, "OUTBOUND", "You (outbound)", "INBOUND",
                            "The young person or their family (inbound)"),
                    date("contactedOn", "Date of contact")),
                    UnaryOperator.identity(),
                    (body, answer) -> "Contact by " + lower(body.get("channel")) + " on " + day(body.get("contactedOn"))
                            + " recorded");
            case "measure" -> measure(Instrument.of(instrument));
            case "signpost" -> new Action(path, "Signpost to a VCSE activity", "Record signposting", "/signposts",
                    List.of(text("organisation", "Organisation"), text("activity", "Activity"),
                            radios("category", "Category", false, "PHYSICAL_ACTIVITY", "Physical activity",
                                    "EMOTIONAL_HEALTH", "Emotional health", "LIFESTYLE", "Lifestyle", "SOCIAL", "Social",
                                    "EDUCATION_TRAINING", "Education or training", "OTHER", "Other"),
                            date("signpostedOn", "Date signposted"),
                            radios("fundedAccess", "Is access funded?", true, "true", "Yes", "false", "No"),
                            radios("transportSupport", "Transport support", false, "NONE", "None", "BUS_PASS",
                                    "Bus pass", "TRAVEL_COSTS", "Travel costs")),
                    body -> bool(body, "fundedAccess"),
                    (body, answer) -> "Signposted to " + body.get("activity") + " at " + body.get("organisation"));
            case "uptake" -> new Action(path, "Record uptake", "Record uptake", null, List.of(
                    radios("attended", "Did they go?", true, "true", "Yes, they went", "false", "No"),
                    date("recordedOn", "Date recorded")),
                    body -> bool(body, "attended"),
                    (body, answer) -> Boolean.TRUE.equals(body.get("attended"))
                            ? "Uptake recorded: they went" : "Uptake recorded: they did not go");
            case "safeguarding-concern" -> new Action(path, "Raise a safeguarding concern", "Raise concern",
                    "/safeguarding-concerns", List.of(date("raisedOn", "Date raised"),
                    new Field("summary", "Summary", Field.Kind.TEXTAREA, List.of(), null, false)),
                    UnaryOperator.identity(),
                    (body, answer) -> "Safeguarding concern of " + day(body.get("raisedOn")) + " raised");
            case "concern-closure" -> new Action(path, "Close a safeguarding concern", "Close concern", null, List.of(
                    date("closedOn", "Date closed"),
                    new Field("outcome", "Outcome", Field.Kind.TEXTAREA, List.of(),
                            "What was done, and by whom", false)),
                    UnaryOperator.identity(),
                    (body, answer) -> "Safeguarding concern closed");
            case "discharge" -> new Action(path, "Discharge", "Discharge", "/discharge", List.of(
                    radios("reason", "Reason", false, "COMPLETED", "Support completed", "DISENGAGED", "Disengaged",
                            "MOVED_AWAY", "Moved away", "ESCALATED", "Escalated to another service", "OTHER", "Other"),
                    date("dischargedOn", "Date of discharge")),
                    UnaryOperator.identity(),
                    (body, answer) -> "Discharged on " + day(body.get("dischargedOn")));
            default -> null;
        };
    }

    /** The instruments, their items and each item's range (PRODUCT.md gives no SWEMWBS wording: "Item n"). */
    public enum Instrument {
        SWEMWBS("SWEMWBS (short Warwick-Edinburgh mental wellbeing scale)", 1, 5,
                List.of("Item 1", "Item 2", "Item 3", "Item 4", "Item 5", "Item 6", "Item 7")),
        UCLA3("UCLA 3-item loneliness scale", 1, 3, List.of("Item 1", "Item 2", "Item 3")),
        ONS4("ONS4 personal wellbeing", 0, 10, List.of("Life satisfaction", "Worthwhile", "Happy yesterday",
                "Anxious yesterday"));

        final String title;
        final int min;
        final int max;
        final List<String> items;

        Instrument(String title, int min, int max, List<String> items) {
            this.title = title;
            this.min = min;
            this.max = max;
            this.items = items;
        }

        static Instrument of(String name) {
            for (Instrument instrument : values()) {
                if (instrument.name().equals(name)) {
                    return instrument;
                }
            }
            return null;
        }
    }

    private static Action measure(Instrument instrument) {
        if (instrument == null) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        fields.add(radios("timepoint", "Time point", true, "BASELINE", "Baseline", "REVIEW", "Review", "EXIT", "Exit"));
        fields.add(date("recordedOn", "Date recorded"));
        for (int i = 0; i < instrument.items.size(); i++) {
            List<Option> scores = new ArrayList<>();
            for (int score = instrument.min; score <= instrument.max; score++) {
                scores.add(new Option(String.valueOf(score), String.valueOf(score)));
            }
            fields.add(new Field("item" + (i + 1), instrument.items.get(i), Field.Kind.RADIOS, scores,
                    "From " + instrument.min + " to " + instrument.max, true));
        }
        int items = instrument.items.size();
        return new Action("measure", (instrument == Instrument.ONS4 ? "Record an " : "Record a ") + instrument.name() + " measure", "Record measure", "/measures", fields,
                body -> {
                    Map<String, Object> shaped = new LinkedHashMap<>();
                    shaped.put("instrument", instrument.name());
                    shaped.put("timepoint", body.get("timepoint"));
                    shaped.put("recordedOn", body.get("recordedOn"));
                    List<Integer> scores = new ArrayList<>();
                    for (int i = 1; i <= items; i++) {
                        Object score = body.get("item" + i);
                        // An item left out is sent as nothing: the API names it (itemScores[n]).
                        scores.add(score == null ? null : Integer.valueOf(String.valueOf(score)));
                    }
                    shaped.put("itemScores", scores);
                    return shaped;
                },
                (body, answer) -> instrument.name() + " " + lower(body.get("timepoint")) + " measure recorded"
                        + (answer.path("score").isNumber()
                        ? ": score " + (instrument == Instrument.SWEMWBS ? score(answer.path("score").decimalValue())
                                : answer.path("score").decimalValue().stripTrailingZeros().toPlainString())
                        : " (its items are not summed)"));
    }

    private static Map<String, Object> bool(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value != null) {
            body.put(name, Boolean.valueOf(String.valueOf(value)));
        }
        return body;
    }

    private static Field date(String name, String label) {
        return new Field(name, label, Field.Kind.DATE, List.of(), "For example, 15 3 2025", false);
    }

    private static Field number(String name, String label, String hint) {
        return new Field(name, label, Field.Kind.NUMBER, List.of(), hint, false);
    }

    private static Field text(String name, String label) {
        return new Field(name, label, Field.Kind.TEXT, List.of(), null, false);
    }

    private static Field radios(String name, String label, boolean inline, String... valuesAndLabels) {
        return new Field(name, label, Field.Kind.RADIOS, options(valuesAndLabels), null, inline);
    }

    private static List<Option> options(String... valuesAndLabels) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < valuesAndLabels.length; i += 2) {
            options.add(new Option(valuesAndLabels[i], valuesAndLabels[i + 1]));
        }
        return options;
    }

    /**
     * What was typed as the command's body, field by field; a date or number that is not one is
     * refused here, on its field, and the form is not sent.
     */
    static Map<String, Object> body(Action action, Map<String, Object> typed, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field field : action.fields()) {
            switch (field.kind()) {
                case DATE -> {
                    String day = text(typed.get(field.name() + "-day"));
                    String month = text(typed.get(field.name() + "-month"));
                    String year = text(typed.get(field.name() + "-year"));
                    if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
                        body.put(field.name(), null);
                    } else {
                        try {
                            if (year.length() != 4) {
                                throw new NumberFormatException("year");
                            }
                            body.put(field.name(), LocalDate.of(Integer.parseInt(year), Integer.parseInt(month),
                                    Integer.parseInt(day)).toString());
                        } catch (NumberFormatException | DateTimeException notADate) {
                            errors.put(field.name(), field.label() + " must be a real date, for example 15 3 2025");
                        }
                    }
                }
                case NUMBER -> {
                    String number = text(typed.get(field.name()));
                    if (number.isEmpty()) {
                        body.put(field.name(), null);
                    } else if (number.matches("\\d{1,6}")) {
                        body.put(field.name(), Integer.valueOf(number));
                    } else {
                        errors.put(field.name(), field.label() + " must be a whole number");
                    }
                }
                case CHECKBOXES -> body.put(field.name(), typed.getOrDefault(field.name(), List.of()));
                default -> {
                    String value = text(typed.get(field.name()));
                    body.put(field.name(), value.isEmpty() ? null : value);
                }
            }
        }
        return action.shape().apply(body);
    }

    /** The API's name of a refused field as the form's: {@code itemScores[2]} is the third item's radios. */
    static String formField(String apiField) {
        if (apiField.startsWith("itemScores[")) {
            try {
                return "item" + (Integer.parseInt(apiField.replaceAll("\\D", "")) + 1);
            } catch (NumberFormatException e) {
                return "item1";
            }
        }
        return apiField.equals("itemScores") ? "item1" : apiField;
    }

    /** The API's message in the words of the form: "Select where" rather than "must not be null". */
    static String message(Field field, String apiMessage) {
        if (apiMessage.startsWith("must not be null") || apiMessage.startsWith("must not be blank")
                || apiMessage.startsWith("must not be empty")) {
            return (field.isChoice() ? "Select " : "Enter ") + field.label().toLowerCase(Locale.UK);
        }
        return field.label() + ": " + apiMessage;
    }

    static String day(Object isoDate) {
        try {
            return LocalDate.parse(String.valueOf(isoDate)).format(DAY);
        } catch (DateTimeException e) {
            return String.valueOf(isoDate);
        }
    }

    private static String lower(Object value) {
        return String.valueOf(value).toLowerCase(Locale.UK).replace('_', ' ');
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }

    static String score(BigDecimal score) {
        return score.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
