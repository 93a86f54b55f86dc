-- Crypto-shredding: one key per young person's referral and one per their support as a
-- participant, each wrapped (AES-GCM) by the master key from configuration, which is never in the
-- database. An erasure destroys the wrapped key for good; what was encrypted with it stays in
-- the event store and can never be read again. The row stays, so that no key is made anew for
-- someone whose data was erased.
CREATE TABLE personal_data_key (
    subject_id  UUID        NOT NULL,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at   TIMESTAMPTZ,
    CONSTRAINT personal_data_key_pk PRIMARY KEY (subject_id),
    CONSTRAINT personal_data_key_erased_has_no_key CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);

-- A key is made once, and only ever destroyed.
CREATE FUNCTION signpost_key_only_destroyed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.wrapped_key IS NULL OR NEW.wrapped_key IS NOT NULL OR NEW.subject_id <> OLD.subject_id THEN
        RAISE EXCEPTION 'a personal data key can only be destroyed';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER personal_data_key_only_destroyed BEFORE UPDATE ON personal_data_key
    FOR EACH ROW EXECUTE FUNCTION signpost_key_only_destroyed();
CREATE TRIGGER personal_data_key_no_delete BEFORE DELETE ON personal_data_key
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();

-- The read models keep personal data sealed as the events do (see SealedJson): the caseload's
-- names become one sealed value, and every read model is rebuilt at the next start so that no
-- row keeps a personal value in clear.
ALTER TABLE participant_name DROP COLUMN first_name, DROP COLUMN last_name, DROP COLUMN date_of_birth,
    ADD COLUMN young_person TEXT;
TRUNCATE referral_view, participant_view, participant_name, audit_event, metric_referral, metric_participant,
    metric_session, metric_signpost, metric_uptake, metric_measure;
DELETE FROM projection_generation;
DELETE FROM token_entry WHERE processor_name IN ('referrals', 'caseload', 'audit-trail', 'evaluation-metrics');
DELETE FROM dead_letter_entry WHERE processing_group IN ('referrals', 'caseload', 'audit-trail', 'evaluation-metrics');
