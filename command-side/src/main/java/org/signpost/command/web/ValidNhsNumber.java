package org.signpost.command.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.signpost.events.NhsNumber;

/**
 * An NHS number whose last digit is the check digit of the other nine ({@link NhsNumber}): one
 * with a typo in it, recorded, could never be found by NHS number. {@code null} is valid; the
 * form of the digits is checked beside it.
 */
@Documented
@Constraint(validatedBy = ValidNhsNumber.CheckDigit.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@interface ValidNhsNumber {

    String message() default "must have a valid check digit (the last digit of an NHS number)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Leaves a number not of ten digits to the pattern beside it, so that it is refused once. */
    class CheckDigit implements ConstraintValidator<ValidNhsNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !value.replace(" ", "").matches("[0-9]{10}") || NhsNumber.valid(value);
        }
    }
}
