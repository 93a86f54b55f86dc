package org.signpost.platform.axon;

/** Names of the metadata every command and event carries. */
public final class MetaDataKeys {

    /** The user who acted (the authenticated principal's name). */
    public static final String ACTOR = "actor";
    /** The role the user acted in. */
    public static final String ROLE = "role";
    /** The acting link worker's id, when the user is a link worker. */
    public static final String LINK_WORKER_ID = "linkWorkerId";
    /** Axon's own key: the request that caused the message (X-Correlation-Id). */
    public static final String CORRELATION_ID = "correlationId";
    /** The aggregate version the client expects (If-Match); checked before a command is handled. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private MetaDataKeys() {
    }
}
