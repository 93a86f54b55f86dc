package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.signpost.events.NhsNumber;

/** The check digit of an NHS number (modulus 11 over the first nine, weights 10 down to 2). */
class ValidNhsNumberTest {

    private final ValidNhsNumber.CheckDigit checkDigit = new ValidNhsNumber.CheckDigit();

    /** The first nine digits' check digit; 10 where no NHS number is issued with them. */
    private static int check(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    /** Where the first nine give 10, no last digit makes a valid number: none is issued with them. */
    @Property
    void aNumberWithItsCheckDigitIsValidAndOneWithAnyOtherDigitIsNot(@ForAll @StringLength(9) @NumericChars String nine,
                                                                    @ForAll @IntRange(min = 0, max = 9) int last) {
        int check = check(nine);
        String number = nine + last;
        boolean valid = check != 10 && last == check;
        assertThat(NhsNumber.valid(number)).isEqualTo(valid);
        assertThat(checkDigit.isValid(number.substring(0, 3) + " " + number.substring(3, 6) + " "
                + number.substring(6), null)).isEqualTo(valid);
    }

    @Test
    void aPublishedExampleIsValidAndWhatIsNotTenDigitsIsLeftToThePattern() {
        assertThat(NhsNumber.valid("943 476 5919")).isTrue();
        assertThat(NhsNumber.valid("943 476 5918")).isFalse();
        assertThat(checkDigit.isValid(null, null)).isTrue();
        assertThat(checkDigit.isValid("123 456 789", null)).as("the pattern refuses it, once").isTrue();
    }
}
