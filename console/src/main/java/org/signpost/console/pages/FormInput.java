package org.signpost.console.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signpost.console.api.ApiProblem;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form as the person filled it in, and what was refused in it. Each input is named by the API's
 * name of its field ({@code youngPerson.firstName}), so that the API's refusals land on the input
 * they are about; dates are three inputs ({@code receivedOn-day}, {@code -month}, {@code -year}).
 * Templates read it to show the typed values again, each field's error message and the summary.
 */
public final class FormInput {

    /** How a field is filled in, which decides its error wording and where the summary links to. */
    public enum Kind { TEXT, DATE, CHOICE }

    /** One field of a form: the API's name, the words of its label, how it is filled in. */
    public record Field(String name, String label, Kind kind) {
    }

    private static final Pattern INDEX = Pattern.compile("\\[[0-9]+]");

    private final MultiValueMap<String, String> values;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final String idPrefix;

    public FormInput(MultiValueMap<String, String> values, List<Field> fields) {
        this(values, fields, "");
    }

    /** A form of a page with several: its inputs' ids start with {@code idPrefix}, so that each id is the page's only one. */
    public FormInput(MultiValueMap<String, String> values, List<Field> fields, String idPrefix) {
        this.values = values == null ? new LinkedMultiValueMap<>() : new LinkedMultiValueMap<>(values);
        fields.forEach(field -> this.fields.put(field.name(), field));
        this.idPrefix = idPrefix.isEmpty() ? "" : idPrefix + "-";
    }

    static FormInput empty(List<Field> fields) {
        return new FormInput(new LinkedMultiValueMap<>(), fields);
    }

    static FormInput empty(List<Field> fields, String idPrefix) {
        return new FormInput(new LinkedMultiValueMap<>(), fields, idPrefix);
    }

    /** What was typed in an input, stripped; "" if nothing. */
    public String value(String name) {
        String value = values.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** The value, or null when nothing was typed: the API is sent only what was filled in. */
    String given(String name) {
        String value = value(name);
        return value.isEmpty() ? null : value;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
    }

    public boolean checked(String name, Object option) {
        return all(name).contains(String.valueOf(option));
    }

    void preset(String name, String value) {
        values.putIfAbsent(name, new ArrayList<>(List.of(value)));
    }

    /** Puts this value in the place of what was sent in an input. */
    void replace(String name, String value) {
        values.put(name, new ArrayList<>(List.of(value)));
    }

    void presetDate(String name, LocalDate date) {
        preset(name + "-day", String.valueOf(date.getDayOfMonth()));
        preset(name + "-month", String.valueOf(date.getMonthValue()));
        preset(name + "-year", String.valueOf(date.getYear()));
    }

    /** The id of a field's input (its first input, for dates and choices): the API name with '-' for '.'. */
    public String id(String name) {
        return idPrefix + name.replace('.', '-');
    }

    /** The ids of a field's hint and error message, for aria-describedby; null if neither. */
    public String describedBy(String name, Object hint) {
        String ids = ((hint != null ? id(name) + "-hint " : "") + (error(name) != null ? id(name) + "-error" : "")).strip();
        return ids.isEmpty() ? null : ids;
    }

    public String error(String name) {
        return errors.get(name);
    }

    /** Whether the date typed in a field's three inputs is not a date (blank is not an error here). */
    boolean notADate(String name) {
        return DateField.of(this, name).read() instanceof DateField.NotADate;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * Reads a date field: its date, or null if blank or not a date (and then the field says so:
     * a blank date only if {@code required}).
     */
    LocalDate date(String name, boolean required) {
        DateField.Reading reading = DateField.of(this, name).read();
        if (reading instanceof DateField.Given given) {
            return given.date();
        }
        if (reading instanceof DateField.NotADate notADate) {
            refuse(name, notADate.message());
        } else if (required) {
            refuse(name, "must not be null");
        }
        return null;
    }

    /** Refuses a field with the API's (or the console's) message, in words about the field; the first one stays. */
    void refuse(String apiName, String message) {
        String name = INDEX.matcher(apiName).replaceAll("");
        errors.putIfAbsent(fields.containsKey(name) ? name : apiName, words(name, message));
    }

    /** Says a refused field's problem in the page's own words, if that field was refused. */
    void reword(String name, String message) {
        errors.computeIfPresent(name, (field, said) -> message);
    }

    /** Every refused field of an API problem (400, or a 409 that names a field). */
    void refuse(ApiProblem problem) {
        problem.errors().forEach(error -> refuse(error.field(), error.message()));
        if (problem.errors().isEmpty()) {
            refuse("form", problem.detail().isBlank() ? problem.title() : problem.detail());
        }
    }

    /** The error summary: the anchor of each refused field's input, and its message. */
    public Map<String, String> summary() {
        Map<String, String> summary = new LinkedHashMap<>();
        errors.forEach((name, message) -> {
            Field field = fields.get(name);
            String anchor = field == null ? "maincontent" : field.kind() == Kind.DATE ? id(name) + "-day" : id(name);
            summary.putIfAbsent(anchor, message);
        });
        return summary;
    }

    /** "must not be blank" of youngPerson.firstName as "Enter first name"; others as "Postcode must be a UK postcode". */
    private String words(String name, String message) {
        Field field = fields.get(name);
        if (field == null) {
            return message;
        }
        boolean missing = message.startsWith("must not be null") || message.startsWith("must not be blank")
                || message.startsWith("must not be empty") || message.startsWith("is required");
        if (missing) {
            String what = lowerFirst(field.label());
            return switch (field.kind()) {
                case CHOICE -> "Select " + what;
                case DATE, TEXT -> "Enter " + what;
            };
        }
        if (!message.isEmpty() && Character.isUpperCase(message.charAt(0))) {
            return message; // a business rule's sentence, whole
        }
        String explained = message;
        for (Field other : fields.values()) {
            if (other.name().equals(other.name().toLowerCase(Locale.ROOT))) {
                continue; // "reason", "weeks": words of the message itself, not the API's names
            }
            // "must not be after receivedOn": the other field as the person knows it.
            explained = explained.replaceAll("\\b" + Pattern.quote(other.name()) + "\\b",
                    Matcher.quoteReplacement("the " + lowerFirst(other.label())));
        }
        return field.label() + " " + explained;
    }

    private static String lowerFirst(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(1))) {
            return label; // "GP practice", "NHS number"
        }
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
