package org.signpost.platform.web;

/**
 * Short text staff write for the record or the log (why they erased or replayed): one line of
 * bounded length, so that it can be logged as it is and shown in a list.
 */
public final class StaffText {

    /** No control character (line breaks included) and no Unicode line or paragraph separator. */
    public static final String ONE_LINE = "[^\\p{Cc}\\u2028\\u2029]*";
    public static final String ONE_LINE_MESSAGE = "must be one line of text";
    public static final int MAX_LENGTH = 500;

    private StaffText() {
    }
}
