package org.signpost.events;

/**
 * What a link worker's id may be, wherever one is sent (an assignment, a change of link worker,
 * the caseload asked for): 1 to 64 of A-Z, a-z, 0-9, '.', '_', '@' and '-'. An id outside it can be
 * no link worker's, so a request with one is wrong in itself.
 */
public final class LinkWorkerId {

    public static final String PATTERN = "^[A-Za-z0-9._@-]{1,64}$";

    private LinkWorkerId() {
    }

    public static boolean valid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
