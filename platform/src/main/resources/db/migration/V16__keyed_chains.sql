-- Tamper evidence under a key. The chain of V3 hashed each event with SHA-256 alone, which anyone
-- who can write the database can recompute after changing an event, and nothing outside the
-- database remembered how far it reached. Each chain is now an HMAC-SHA256 under a key kept outside
-- the database (the integrity key: see ChainKey), over the previous hash and the row's columns,
-- and there are two chains: the event store's ('events') and the personal-data read log's
-- ('read-log'). chain_seal holds the hash of every sealed row, by chain and position; chain_head
-- says up to which position each chain is sealed (holes left by rolled-back transactions
-- included) and the hash of its last sealed row. Both chains start from nothing: the sealer seals
-- each from its first row, the events only after checking the unkeyed chain once (V17).
CREATE TABLE chain_seal (
    chain    VARCHAR(20) NOT NULL,
    position BIGINT      NOT NULL,
    hash     BYTEA       NOT NULL,
    CONSTRAINT chain_seal_pk PRIMARY KEY (chain, position)
);

CREATE TABLE chain_head (
    chain        VARCHAR(20) NOT NULL,
    sealed_up_to BIGINT      NOT NULL,
    hash         BYTEA       NOT NULL,
    sealed_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT chain_head_pk PRIMARY KEY (chain)
);
INSERT INTO chain_head (chain, sealed_up_to, hash, sealed_at)
VALUES ('events', 0, decode(repeat('00', 32), 'hex'), now()),
       ('read-log', 0, decode(repeat('00', 32), 'hex'), now());

-- Append-only for everyone who goes through the database's rules, as V3's chain: seals are never
-- changed or deleted, and a head only moves forward. Whoever switches these off is caught by the
-- key (a changed row cannot be sealed again without it) and the head anchor outside the database
-- (a head moved back, or a history sealed again by the service's own sealer): see ChainAnchor.
CREATE FUNCTION signpost_chain_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.chain <> OLD.chain OR NEW.sealed_up_to < OLD.sealed_up_to THEN
        RAISE EXCEPTION 'the sealed head of the % chain only moves forward', OLD.chain;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER chain_seal_append_only BEFORE UPDATE OR DELETE ON chain_seal
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER chain_seal_no_truncate BEFORE TRUNCATE ON chain_seal
    FOR EACH STATEMENT EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON chain_head
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER chain_head_no_truncate BEFORE TRUNCATE ON chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER chain_head_forward BEFORE UPDATE ON chain_head
    FOR EACH ROW EXECUTE FUNCTION signpost_chain_head_moves_forward();
