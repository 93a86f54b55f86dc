-- Tamper evidence. Every stored event is chained to the one before it: its hash is SHA-256 over
-- the previous hash and its stored row (see EventChain). The chain is sealed shortly after the
-- events are stored, in global-index order, by one process at a time; event_chain_head says up
-- to which position every event is final (holes left by rolled-back transactions included) and
-- the hash of the last sealed event.
CREATE TABLE event_chain (
    global_index BIGINT      NOT NULL,
    hash         BYTEA       NOT NULL,
    sealed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT event_chain_pk PRIMARY KEY (global_index)
);

CREATE TABLE event_chain_head (
    id           BOOLEAN     NOT NULL DEFAULT TRUE,
    sealed_up_to BIGINT      NOT NULL,
    hash         BYTEA       NOT NULL,
    sealed_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT event_chain_head_pk PRIMARY KEY (id),
    CONSTRAINT event_chain_head_single CHECK (id)
);
INSERT INTO event_chain_head (sealed_up_to, hash, sealed_at) VALUES (0, '\x0000000000000000000000000000000000000000000000000000000000000000', now());

-- The history is append-only for everyone who goes through the database's rules: stored events
-- and their seals are never updated or deleted, and the head only ever moves forward.
CREATE FUNCTION signpost_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: the history is append-only', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE FUNCTION signpost_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sealed_up_to < OLD.sealed_up_to THEN
        RAISE EXCEPTION 'the sealed head of the event chain only moves forward';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_append_only BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER domain_event_entry_no_truncate BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER event_chain_append_only BEFORE UPDATE OR DELETE ON event_chain
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER event_chain_no_truncate BEFORE TRUNCATE ON event_chain
    FOR EACH STATEMENT EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER event_chain_head_no_delete BEFORE DELETE ON event_chain_head
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER event_chain_head_forward BEFORE UPDATE ON event_chain_head
    FOR EACH ROW EXECUTE FUNCTION signpost_head_moves_forward();
