package org.signpost.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The one rule for text a client sends, as properties: text made only of the characters it
 * allows is accepted, and one forbidden character anywhere in it is refused. The alphabets are
 * spelled out here from the rule's definition (Unicode's ranges), not taken from TextRule.
 */
class TextRuleTest {

    /** Code points of clean text: every printable one, the bidirectional marks included. */
    private static final int[][] CLEAN = {{0x20, 0x7E}, {0xA0, 0x2027}, {0x202F, 0x2065}, {0x206A, 0xD7FF},
            {0xE000, 0xFFFF}, {0x10000, 0x10FFFF}};
    /** What a line of text must not hold but several lines may. */
    private static final List<Character> LINE_BREAKS_AND_TAB = List.of('\t', '\n', '\r', '\u2028', '\u2029');

    @Provide
    Arbitrary<String> oneLine() {
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(List.of(Arbitraries.integers().between(0x20, 0x7E),
                Arbitraries.oneOf(Arrays.stream(CLEAN).map(r -> Arbitraries.integers().between(r[0], r[1]))
                        .toList()),
                Arbitraries.of(0x200E, 0x200F, 0x061C, 0x200D, 0x1F642)));
        return codePoint.list().ofMaxSize(40).map(TextRuleTest::text);
    }

    @Provide
    Arbitrary<String> severalLines() {
        return Arbitraries.oneOf(List.of(oneLine(), Arbitraries.of(LINE_BREAKS_AND_TAB).map(String::valueOf)))
                .list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.chars().range('\u0000', '\u0008'), Arbitraries.of('\u000B', '\u000C'),
                Arbitraries.chars().range('\u000E', '\u001F'), Arbitraries.chars().range('\u007F', '\u009F'),
                Arbitraries.chars().range('\u202A', '\u202E'), Arbitraries.chars().range('\u2066', '\u2069'),
                Arbitraries.chars().range('\uD800', '\uDFFF')));
    }

    @Provide
    Arbitrary<Character> lineBreakOrTab() {
        return Arbitraries.of(LINE_BREAKS_AND_TAB);
    }

    @Property(tries = 500)
    void cleanTextOfOneLineIsAccepted(@ForAll("oneLine") String text) {
        assertThat(TextRule.problem(text, true)).isNull();
        assertThat(TextRule.problem(text, false)).isNull();
    }

    @Property(tries = 500)
    void cleanTextOfSeveralLinesIsAccepted(@ForAll("severalLines") String text) {
        assertThat(TextRule.problem(text, false)).isNull();
    }

    @Property(tries = 1000)
    void oneForbiddenCharacterAnywhereIsRefused(@ForAll("severalLines") String text, @ForAll("forbidden") char bad,
                                                @ForAll @IntRange(max = 1000) int where) {
        String spoiled = insert(text, bad, where);

        assertThat(TextRule.problem(spoiled, false)).isNotNull();
        assertThat(TextRule.problem(spoiled, true)).isNotNull();
    }

    @Property(tries = 500)
    void aLineBreakOrTabIsRefusedInOneLineOnly(@ForAll("oneLine") String text, @ForAll("lineBreakOrTab") char c,
                                               @ForAll @IntRange(max = 1000) int where) {
        String twoLines = insert(text, c, where);

        assertThat(TextRule.problem(twoLines, true)).isNotNull();
        assertThat(TextRule.problem(twoLines, false)).isNull();
    }

    record Form(@SingleLineText String name, @Text String notes) {
    }

    @Example
    void theAnnotationsApplyTheRuleAndSayWhatIsWrong() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        Set<ConstraintViolation<Form>> clean = validator.validate(new Form("Zoë Ó Briain \u200F\uD83D\uDE42",
                "First line\r\nsecond\tline"));
        Set<ConstraintViolation<Form>> spoofed = validator.validate(new Form("Ann\nBell", "evil\u202Etxt.exe"));
        Set<ConstraintViolation<Form>> broken = validator.validate(new Form("A\u0000", "\uD83D"));

        assertThat(clean).isEmpty();
        assertThat(spoofed).extracting(v -> v.getPropertyPath() + ": " + v.getMessage()).containsExactlyInAnyOrder(
                "name: must be a single line",
                "notes: must not contain bidirectional embedding, override or isolate characters");
        assertThat(broken).extracting(v -> v.getPropertyPath() + ": " + v.getMessage()).containsExactlyInAnyOrder(
                "name: must not contain control characters", "notes: must not contain an unpaired surrogate");
        assertThat(validator.validate(new Form(null, null))).isEmpty();
    }

    /** The character put between two code points of the text (never inside a surrogate pair). */
    private static String insert(String text, char c, int where) {
        int at = text.offsetByCodePoints(0, where % (text.codePointCount(0, text.length()) + 1));
        return text.substring(0, at) + c + text.substring(at);
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}
