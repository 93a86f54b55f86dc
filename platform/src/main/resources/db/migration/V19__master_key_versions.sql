-- The master key can be rotated: each young person's key records the version of the master key
-- that wraps it (every key so far: version 1), and each version keeps a check value sealed
-- under it (MasterKeyCheck), so that a wrong master key is refused at start. A rotation re-wraps
-- a key under a newer version, which the trigger now allows beside its destruction.
ALTER TABLE personal_data_key ADD COLUMN master_key_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE master_key (
    version     INTEGER     NOT NULL,
    check_value BYTEA       NOT NULL,
    made_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT master_key_pk PRIMARY KEY (version)
);

CREATE OR REPLACE FUNCTION signpost_key_only_destroyed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.subject_id <> OLD.subject_id OR OLD.wrapped_key IS NULL THEN
        RAISE EXCEPTION 'a personal data key can only be destroyed or re-wrapped';
    END IF;
    IF NEW.wrapped_key IS NOT NULL AND NEW.master_key_version <= OLD.master_key_version THEN
        RAISE EXCEPTION 'a personal data key is re-wrapped only under a newer master key';
    END IF;
    RETURN NEW;
END
$$;
