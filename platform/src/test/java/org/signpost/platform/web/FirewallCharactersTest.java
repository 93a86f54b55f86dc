package org.signpost.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's character rules without regular expressions say what Spring Security's own
 * expressions say ({@link StrictHttpFirewall#ALLOWED_HEADER_NAMES}, {@code ALLOWED_HEADER_VALUES},
 * {@code ALLOWED_PARAMETER_NAMES}) for any text: every code point, lone surrogates, unassigned
 * ones, controls and tabs mixed into ordinary header text.
 */
class FirewallCharactersTest {

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0, 0x10FFFF)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x9F)),
                Tuple.of(1, Arbitraries.integers().between(0xD800, 0xDFFF)),
                Tuple.of(1, Arbitraries.of(0x0378, 0x0379, 0x09, 0xFFFE, 0xFFFF, 0xE0080, 0x1F642)));
        return codePoint.list().ofMaxSize(30).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    @Property(tries = 3000)
    void aNameIsAllowedExactlyWhenSpringSecuritySaysSo(@ForAll("text") String text) {
        assertThat(FirewallCharacters.isName(text)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(text));
    }

    @Property(tries = 3000)
    void aHeaderValueIsAllowedExactlyWhenSpringSecuritySaysSo(@ForAll("text") String text) {
        assertThat(FirewallCharacters.isHeaderValue(text)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
    }

    @Example
    void theCharactersThatDecide() {
        for (String text : List.of("", "Content-Type", "application/json", "a\tb", "\u0000", "\u007F", "\u0085",
                "\u0378", "\uD800", "\uD83D\uDE42", "\uFFFF")) {
            assertThat(FirewallCharacters.isName(text)).as(text).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(FirewallCharacters.isHeaderValue(text)).as(text)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
        assertThat(FirewallCharacters.isHeaderValue("a\tb")).isTrue();
        assertThat(FirewallCharacters.isName("a\tb")).isFalse();
    }
}
