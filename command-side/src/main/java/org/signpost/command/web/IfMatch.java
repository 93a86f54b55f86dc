package org.signpost.command.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the version a client expects from {@code If-Match}: {@code "5"}, {@code W/"5"} or
 * {@code 5}. {@code *} asks for no check. Anything else can match no version, so it is taken as
 * a version no aggregate has and the command is answered 412.
 */
final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");
    static final long NO_SUCH_VERSION = -2L;

    private IfMatch() {
    }

    static Optional<Long> parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return Optional.empty();
        }
        Matcher matcher = VERSION.matcher(header.trim());
        return Optional.of(matcher.matches() ? Long.parseLong(matcher.group(1)) : NO_SUCH_VERSION);
    }
}
