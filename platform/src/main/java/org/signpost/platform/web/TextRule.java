package org.signpost.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The one rule for text a client sends: what a screen, a log line or a CSV file could be made to
 * show other than what was stored is refused. No control character (C0 but tab and line breaks
 * in text of several lines, DEL, C1), no bidirectional embedding, override or isolate
 * (U+202A-U+202E, U+2066-U+2069: they reorder what follows them on screen), no unpaired
 * surrogate (no character at all, and not storable as UTF-8); in text of one line no tab and no
 * line break either (CR, LF, and the separators U+2028, U+2029). The bidirectional marks (U+200E,
 * U+200F, U+061C) stay: they only set the direction of the neutral characters beside them, and
 * keyboards for right-to-left scripts type them.
 */
public final class TextRule {

    private TextRule() {
    }

    /** What is wrong with this text, or {@code null} if nothing is. */
    public static String problem(CharSequence text, boolean singleLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate";
            } else if (isLineBreak(c)) {
                if (singleLine) {
                    return "must be a single line";
                }
            } else if (c == '\t') {
                if (singleLine) {
                    return "must not contain control characters";
                }
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return "must not contain control characters";
            } else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return "must not contain bidirectional embedding, override or isolate characters";
            }
        }
        return null;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    static boolean isValid(CharSequence text, boolean singleLine, ConstraintValidatorContext context) {
        String problem = text == null ? null : problem(text, singleLine);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** Validates {@link Text}. */
    public static final class MultiLine implements ConstraintValidator<Text, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return TextRule.isValid(value, false, context);
        }
    }

    /** Validates {@link SingleLineText}. */
    public static final class SingleLine implements ConstraintValidator<SingleLineText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return TextRule.isValid(value, true, context);
        }
    }
}
