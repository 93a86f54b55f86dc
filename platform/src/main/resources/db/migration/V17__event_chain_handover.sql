-- The hand-over from the unkeyed event chain (V3) to the keyed one (V16). An installation's
-- history so far is vouched for only by SHA-256 seals that anyone who could write the database
-- could have recomputed; sealing it anew under the key without a word would vouch for whatever it
-- holds now. So before the keyed chain seals its first event, the sealer checks the unkeyed chain
-- once, as it stands, and records here what it found, with an HMAC under the integrity key
-- (LegacyEventChain). Every later check of the events' chain reports a failure found then, and
-- `GET /api/audit/integrity` shows the record: its head hash can be compared with any head hash
-- noted down before (the old check logged it every ten minutes). The unkeyed chain's tables stay,
-- append-only as before, and are no longer extended.
-- Chosen over keying the old chain from a recorded switch position on: the keyed chain covers the
-- whole history under one rule, and a failure names the very position changed, before or after
-- the hand-over. Sealing an existing store anew is one pass over it, a batch a second.
CREATE TABLE event_chain_handover (
    id               BOOLEAN     NOT NULL DEFAULT TRUE,
    checked_at       TIMESTAMPTZ NOT NULL,
    status           VARCHAR(10) NOT NULL,
    verified_events  BIGINT      NOT NULL,
    sealed_up_to     BIGINT      NOT NULL,
    head_hash        BYTEA       NOT NULL,
    failure_position BIGINT,
    failure_reason   TEXT,
    mac              BYTEA       NOT NULL,
    CONSTRAINT event_chain_handover_pk PRIMARY KEY (id),
    CONSTRAINT event_chain_handover_once CHECK (id)
);

CREATE TRIGGER event_chain_handover_append_only BEFORE UPDATE OR DELETE ON event_chain_handover
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER event_chain_handover_no_truncate BEFORE TRUNCATE ON event_chain_handover
    FOR EACH STATEMENT EXECUTE FUNCTION signpost_refuse_change();
