package org.signpost.platform.security;

import java.util.Optional;

/**
 * A user's name ends up as the actor of events, in audit rows (200 characters at most) and in
 * log lines, so a name that could forge a log line, reorder text on a screen or look like
 * another name is refused wherever a name comes in (the users file, a bearer token).
 */
public final class UserNames {

    /** Longer names are refused: a token's name gets a prefix and the audit columns hold 200. */
    public static final int MAX_LENGTH = 128;
    private static final int LOGGED_LENGTH = 64;

    private UserNames() {
    }

    /** What is wrong with the name, or nothing when it may name someone. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (!name.strip().equals(name)) {
            return Optional.of("starts or ends with a space");
        }
        if (name.codePoints().anyMatch(UserNames::unsafe)) {
            return Optional.of("holds a line break, a control or a text-direction character");
        }
        return Optional.empty();
    }

    /**
     * The name as a log line may show it, whatever a client sent: unsafe characters replaced by
     * '?' (no forged lines), at most 64 characters.
     */
    public static String forLog(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(LOGGED_LENGTH).forEach(c -> shown.appendCodePoint(unsafe(c) ? '?' : c));
        return name.codePointCount(0, name.length()) > LOGGED_LENGTH ? shown.append("...").toString() : shown.toString();
    }

    /**
     * Control characters (CR, LF, tab, NUL...), format characters (the bidirectional overrides
     * and isolates, zero-width ones), line and paragraph separators, lone surrogates and
     * unassigned code points.
     */
    private static boolean unsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
