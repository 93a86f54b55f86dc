package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.signpost.platform.testing.Api.Response;

/**
 * A generated corpus of bad requests against every command endpoint: valid bodies broken in
 * one way each (a required field missing or null, a value of the wrong JSON type, an unknown
 * field, an invalid enum value or date, a number out of range, an oversized string, a character
 * that could spoof a screen in a text field, a key given twice, malformed JSON, an oversized body,
 * a wrong content type, an unknown or malformed id). Every one must be
 * answered with a 4xx problem+json, never a 5xx, and store nothing. The seed is printed with each
 * case's name, so a failure can be replayed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedBadInputHttpTest extends CommandSideHttpTest {

    private static final long SEED = Long.getLong("signpost.corpus.seed", 20261124L);
    private static final int CASES = Integer.getInteger("signpost.corpus.cases", 2_500);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for a character in a value until the body is written, then replaced by its JSON escape. */
    private static final String CHARACTER = "@@character@@";
    /** JSON escapes of characters no text field takes. */
    private static final List<String> SPOOFING = List.of("\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\u0085",
            "\\u009b", "\\u202a", "\\u202b", "\\u202c", "\\u202d", "\\u202e", "\\u2066", "\\u2067", "\\u2068",
            "\\u2069", "\\ud800", "\\udbff", "\\udc00", "\\udfff");
    /** And those a field of one line does not take. */
    private static final List<String> LINE_BREAKS = List.of("\\n", "\\r", "\\r\\n", "\\t", "\\u2028", "\\u2029");

    enum Kind { TEXT, DATE, INT, BOOL, ENUM, ENUM_LIST, INT_LIST, OBJECT, UUID }

    /**
     * A field of a command's body: its kind, whether it is required, its bounds (text length or
     * number range); for text, {@code min} 1 marks text of one line.
     */
    record Field(String name, Kind kind, boolean required, int min, int max) {
        /** Text of several lines. */
        static Field text(String name, boolean required, int maxLength) {
            return new Field(name, Kind.TEXT, required, 0, maxLength);
        }

        /** Text of one line. */
        static Field line(String name, boolean required, int maxLength) {
            return new Field(name, Kind.TEXT, required, 1, maxLength);
        }

        boolean oneLine() {
            return kind == Kind.TEXT && min == 1;
        }

        static Field of(String name, Kind kind, boolean required) {
            return new Field(name, kind, required, 0, 0);
        }

        static Field number(String name, boolean required, int min, int max) {
            return new Field(name, Kind.INT, required, min, max);
        }
    }

    record Endpoint(String name, String user, Supplier<String> path, Supplier<Map<String, Object>> body,
                    List<Field> fields) {
    }

    private String referral;
    private String participant;
    private String signpost;

    @BeforeAll
    void records() {
        connect();
        referral = receiveReferral();
        participant = enrolledParticipant();
        signpost = api.as("linkworker").post("/api/participants/" + participant + "/signposts",
                Map.of("organisation", "Scouts", "activity", "Camping", "category", "SOCIAL",
                        "signpostedOn", day(10))).text("signpostId");
    }

    private List<Endpoint> endpoints() {
        Field date = Field.of("date", Kind.DATE, true);
        return List.of(
                new Endpoint("receive referral", "coordinator", () -> "/api/referrals", CommandSideHttpTest::referralForm,
                        List.of(Field.of("source", Kind.ENUM, true), Field.of("channel", Kind.ENUM, true),
                                Field.of("receivedOn", Kind.DATE, true), Field.of("youngPerson", Kind.OBJECT, true),
                                Field.of("referrer", Kind.OBJECT, false), Field.of("reasons", Kind.ENUM_LIST, true),
                                Field.of("needs", Kind.ENUM_LIST, true), Field.of("consentGivenBy", Kind.ENUM, true),
                                Field.text("notes", false, 4000), Field.of("referralId", Kind.UUID, false))),
                new Endpoint("triage", "coordinator", () -> "/api/referrals/" + referral + "/triage",
                        () -> map("outcome", "ACCEPTED", "triagedOn", day(58), "reason", "Fits"),
                        List.of(Field.of("outcome", Kind.ENUM, true), Field.of("triagedOn", Kind.DATE, true),
                                Field.text("reason", false, 4000))),
                new Endpoint("assignment", "coordinator", () -> "/api/referrals/" + referral + "/assignment",
                        () -> map("linkWorkerId", "lw-1", "assignedOn", day(57)),
                        List.of(Field.line("linkWorkerId", true, 64), Field.of("assignedOn", Kind.DATE, false))),
                new Endpoint("withdrawal", "coordinator", () -> "/api/referrals/" + referral + "/withdrawal",
                        () -> map("reason", "Moved away", "withdrawnOn", day(1)),
                        List.of(Field.text("reason", true, 4000), Field.of("withdrawnOn", Kind.DATE, false))),
                new Endpoint("session", "linkworker", () -> "/api/participants/" + participant + "/sessions",
                        () -> new LinkedHashMap<>(sessionForm(1)),
                        List.of(Field.of("heldOn", Kind.DATE, true), Field.number("durationMinutes", true, 1, 240),
                                Field.of("location", Kind.ENUM, true), Field.of("accompaniedBy", Kind.ENUM, true),
                                Field.number("walkMinutesFromHome", false, 0, 600),
                                Field.of("techniques", Kind.ENUM_LIST, false), Field.text("notes", false, 4000))),
                new Endpoint("missed session", "linkworker", () -> "/api/participants/" + participant + "/missed-sessions",
                        () -> map("plannedOn", day(2), "reason", "Unwell"),
                        List.of(Field.of("plannedOn", Kind.DATE, true), Field.text("reason", false, 4000))),
                new Endpoint("contact", "linkworker", () -> "/api/participants/" + participant + "/contacts",
                        () -> map("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(1)),
                        List.of(Field.of("channel", Kind.ENUM, true), Field.of("direction", Kind.ENUM, true),
                                Field.of("contactedOn", Kind.DATE, true))),
                new Endpoint("measure", "linkworker", () -> "/api/participants/" + participant + "/measures",
                        () -> map("instrument", "UCLA3", "timepoint", "BASELINE", "recordedOn", day(1),
                                "itemScores", List.of(1, 2, 3)),
                        List.of(Field.of("instrument", Kind.ENUM, true), Field.of("timepoint", Kind.ENUM, true),
                                Field.of("recordedOn", Kind.DATE, true), Field.of("itemScores", Kind.INT_LIST, true))),
                new Endpoint("signpost", "linkworker", () -> "/api/participants/" + participant + "/signposts",
                        () -> map("organisation", "Scouts", "activity", "Camping", "category", "SOCIAL",
                                "signpostedOn", day(1), "fundedAccess", true, "transportSupport", "NONE"),
                        List.of(Field.line("organisation", true, 200), Field.line("activity", true, 200),
                                Field.of("category", Kind.ENUM, true), Field.of("signpostedOn", Kind.DATE, true),
                                Field.of("fundedAccess", Kind.BOOL, false), Field.of("transportSupport", Kind.ENUM, false))),
                new Endpoint("uptake", "linkworker",
                        () -> "/api/participants/" + participant + "/signposts/" + signpost + "/uptake",
                        () -> map("attended", true, "recordedOn", day(0)),
                        List.of(Field.of("attended", Kind.BOOL, true), Field.of("recordedOn", Kind.DATE, true))),
                new Endpoint("link worker change", "coordinator", () -> "/api/participants/" + participant + "/link-worker",
                        () -> map("linkWorkerId", "lw-2", "reason", "Leave", "changedOn", day(0)),
                        List.of(Field.line("linkWorkerId", true, 64), Field.text("reason", true, 4000),
                                Field.of("changedOn", Kind.DATE, false))),
                new Endpoint("extension", "manager", () -> "/api/participants/" + participant + "/extension",
                        () -> map("weeks", 4, "reason", "More time"),
                        List.of(Field.number("weeks", true, 1, 52), Field.text("reason", true, 4000))),
                new Endpoint("safeguarding concern", "linkworker",
                        () -> "/api/participants/" + participant + "/safeguarding-concerns",
                        () -> map("raisedOn", day(0), "summary", "Worried"),
                        List.of(Field.of("raisedOn", Kind.DATE, true), Field.text("summary", true, 4000))),
                new Endpoint("discharge", "linkworker", () -> "/api/participants/" + participant + "/discharge",
                        () -> map("reason", "COMPLETED", "dischargedOn", day(0)),
                        List.of(Field.of("reason", Kind.ENUM, true), Field.of("dischargedOn", Kind.DATE, true))));
    }

    /** One request: a name that says how it is broken, then what is sent. */
    private record BadRequest(String name, String user, String path, String contentType, byte[] body, String field) {
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsRefusedWithAProblemAndStoresNothing() {
        Random random = new Random(SEED);
        List<Endpoint> endpoints = endpoints();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            BadRequest bad = generate(random, endpoints.get(random.nextInt(endpoints.size())));
            String name = "#" + i + " (seed " + SEED + ") " + bad.name();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                long before = eventCount();
                Response answer = api.as(bad.user()).postRaw(bad.path(), bad.contentType(), bad.body());
                assertThat(answer.status()).as(name + ": " + answer.body()).isBetween(400, 499);
                assertThat(answer.contentType()).as(name).isEqualTo("application/problem+json");
                assertThat(eventCount()).as(name + ": nothing stored").isEqualTo(before);
                if (bad.field() != null && answer.status() == 400) {
                    assertThat(answer.json().path("errors").toString()).as(name + " names the field")
                            .contains("\"" + bad.field());
                }
            }));
        }
        return tests.stream();
    }

    private BadRequest generate(Random random, Endpoint endpoint) {
        Map<String, Object> body = endpoint.body().get();
        String path = endpoint.path().get();
        List<Field> fields = endpoint.fields();
        Field field = fields.get(random.nextInt(fields.size()));
        int mutation = random.nextInt(14);
        String what;
        String named = null;
        switch (mutation) {
            case 0 -> {
                Field required = pick(random, fields.stream().filter(Field::required).toList());
                body.remove(required.name());
                what = "without " + required.name();
                named = required.name();
            }
            case 1 -> {
                Field required = pick(random, fields.stream().filter(Field::required).toList());
                body.put(required.name(), null);
                what = required.name() + " null";
                named = required.name();
            }
            case 2 -> {
                Object wrong = wrongType(random, field.kind());
                body.put(field.name(), wrong);
                what = field.name() + " of the wrong type: " + abbreviate(wrong);
                named = field.name();
            }
            case 3 -> {
                String unknown = "unknown" + random.nextInt(1000);
                body.put(unknown, random.nextBoolean() ? "x" : 1);
                what = "unknown field " + unknown;
            }
            case 4 -> {
                Field enumField = pick(random, fields.stream().filter(f -> f.kind() == Kind.ENUM).toList(), field);
                Object bad = enumField.kind() == Kind.ENUM ? "NOT_" + Integer.toHexString(random.nextInt()) : wrongType(random, enumField.kind());
                body.put(enumField.name(), bad);
                what = enumField.name() + " = " + bad;
                named = enumField.name();
            }
            case 5 -> {
                Field dateField = pick(random, fields.stream().filter(f -> f.kind() == Kind.DATE && f.required()).toList(), field);
                Object bad = dateField.kind() == Kind.DATE ? pick(random, List.of("2026-13-01", "2026-02-30", "yesterday",
                        "24/11/2026", "2026-1-1", "2026-11-24T10:00:00Z", "+999999-01-01", TODAY.plusYears(5).toString()))
                        : wrongType(random, dateField.kind());
                body.put(dateField.name(), bad);
                what = dateField.name() + " = " + bad;
                named = dateField.name();
            }
            case 6 -> {
                Field numberField = pick(random, fields.stream().filter(f -> f.kind() == Kind.INT).toList(), field);
                Object bad = numberField.kind() == Kind.INT ? pick(random, List.of(numberField.min() - 1 - random.nextInt(1000),
                        numberField.max() + 1 + random.nextInt(100_000), Long.MAX_VALUE, 3.5, -0.5))
                        : wrongType(random, numberField.kind());
                body.put(numberField.name(), bad);
                what = numberField.name() + " = " + bad;
                named = numberField.name();
            }
            case 7 -> {
                Field textField = pick(random, fields.stream().filter(f -> f.kind() == Kind.TEXT).toList(), field);
                Object bad = textField.kind() == Kind.TEXT ? "x".repeat(textField.max() + 1 + random.nextInt(10_000))
                        : wrongType(random, textField.kind());
                body.put(textField.name(), bad);
                what = textField.name() + " oversized";
                named = textField.name();
            }
            case 8 -> {
                byte[] valid = json(body);
                int cut = 1 + random.nextInt(valid.length - 2);
                byte[] broken = Arrays.copyOf(valid, cut);
                if (random.nextBoolean()) {
                    broken = (new String(broken, StandardCharsets.UTF_8) + pick(random, List.of("}}", "]", ",", "'", "\u0000")))
                            .getBytes(StandardCharsets.UTF_8);
                }
                return new BadRequest(endpoint.name() + ": malformed JSON cut at " + cut, endpoint.user(), path,
                        "application/json", broken, null);
            }
            case 9 -> {
                body.put("padding", "p".repeat(70_000 + random.nextInt(200_000)));
                return new BadRequest(endpoint.name() + ": oversized body", endpoint.user(), path, "application/json",
                        json(body), null);
            }
            case 10 -> {
                return new BadRequest(endpoint.name() + ": not JSON", endpoint.user(), path,
                        pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")),
                        json(body), null);
            }
            case 12 -> {
                Field textField = pick(random, fields.stream().filter(f -> f.kind() == Kind.TEXT).toList(), field);
                if (textField.kind() != Kind.TEXT) {
                    body.put(textField.name(), wrongType(random, textField.kind()));
                    what = textField.name() + " of the wrong type";
                    named = textField.name();
                } else {
                    List<String> forbidden = new ArrayList<>(SPOOFING);
                    if (textField.oneLine()) {
                        forbidden.addAll(LINE_BREAKS);
                    }
                    String escape = pick(random, forbidden);
                    String valid = String.valueOf(body.getOrDefault(textField.name(), "text"));
                    int at = random.nextInt(valid.length() + 1);
                    body.put(textField.name(), valid.substring(0, at) + CHARACTER + valid.substring(at));
                    byte[] json = new String(json(body), StandardCharsets.UTF_8).replace(CHARACTER, escape)
                            .getBytes(StandardCharsets.UTF_8);
                    return new BadRequest(endpoint.name() + ": " + textField.name() + " with " + escape,
                            endpoint.user(), path, "application/json", json, textField.name());
                }
            }
            case 13 -> {
                Field twice = pick(random, fields);
                String entry = "\"" + twice.name() + "\":"
                        + new String(json(body.getOrDefault(twice.name(), "x")), StandardCharsets.UTF_8) + ",";
                String entries = body.containsKey(twice.name()) ? entry : entry + entry;
                byte[] again = new String(json(body), StandardCharsets.UTF_8)
                        .replaceFirst("\\{", Matcher.quoteReplacement("{" + entries)).getBytes(StandardCharsets.UTF_8);
                return new BadRequest(endpoint.name() + ": " + twice.name() + " given twice", endpoint.user(), path,
                        "application/json", again, twice.name());
            }
            default -> {
                if (path.equals("/api/referrals")) {
                    body.put("referralId", "not-a-uuid-" + random.nextInt(100));
                    what = "malformed referralId";
                } else {
                    String id = random.nextBoolean() ? UUID.randomUUID().toString() : "not-a-uuid";
                    path = path.replace(path.contains(participant) ? participant : referral, id);
                    what = "unknown id " + id;
                }
            }
        }
        return new BadRequest(endpoint.name() + ": " + what, endpoint.user(), path, "application/json", json(body), named);
    }

    private static Object wrongType(Random random, Kind kind) {
        List<Object> candidates = switch (kind) {
            case TEXT, DATE, ENUM, UUID -> List.of(Map.of("a", 1), List.of("x"), true);
            case INT -> List.of("twelve", Map.of("a", 1), List.of(1), true);
            case BOOL -> List.of("maybe", 2, Map.of("a", 1), List.of(true));
            case ENUM_LIST, INT_LIST -> List.of("OTHER", 3, Map.of("a", 1), List.of(Map.of("a", 1)));
            case OBJECT -> List.of("text", 5, List.of(1, 2), true);
        };
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** One of these, or the fallback if there is none of that kind. */
    private static Field pick(Random random, List<Field> from, Field fallback) {
        return from.isEmpty() ? fallback : from.get(random.nextInt(from.size()));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 30 ? text.substring(0, 30) + "..." : text;
    }
}
