-- The query-side processes alive on this database: each writes its heartbeat here, and each
-- keeps its fair share of every projection's segments (the number of segments divided by the
-- number of processes whose heartbeat is fresh), releasing the rest for the others to claim.
CREATE TABLE query_node (
    node_id      VARCHAR(64) NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT query_node_pk PRIMARY KEY (node_id)
);
