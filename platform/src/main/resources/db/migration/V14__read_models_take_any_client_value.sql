-- A session's or signpost's id is the client's, unique only within its participant: keyed by the
-- id alone, a second participant's session of the same id was dropped from every figure live
-- (the insert skips a row whose key exists) and made every replay of the metrics fail (its COPY
-- skips nothing, and the attachment's unique index refused the copy). They are keyed by
-- participant and id now, and so are the uptakes' signposts when the metrics join them.
-- Columns that hold text a client or an identity provider chose (a link worker's id, a user's
-- name, a redirection) become text: no length they could send is refused by a read model.
-- The evaluation metrics are derived data: their tables are made anew and the projection rebuilds
-- from the first event at the next start (its tokens and dead letters go with the old rows).

-- Every generation's table, attached or left over.
DO $$
DECLARE
    generation_table text;
BEGIN
    FOR generation_table IN
        SELECT relname FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'
          AND relname ~ '^metric_(referral|participant|session|signpost|uptake|measure)_g[0-9]+$'
    LOOP
        EXECUTE format('DROP TABLE %I', generation_table);
    END LOOP;
END
$$;
DROP TABLE metric_referral, metric_participant, metric_session, metric_signpost, metric_uptake, metric_measure;
DELETE FROM projection_generation WHERE projection = 'evaluation-metrics';
DELETE FROM token_entry WHERE processor_name = 'evaluation-metrics';
DELETE FROM dead_letter_entry WHERE processing_group = 'evaluation-metrics';

CREATE TABLE metric_referral (
    generation      INTEGER      NOT NULL,
    referral_id     UUID         NOT NULL,
    received_on     DATE         NOT NULL,
    source          VARCHAR(40)  NOT NULL,
    channel         VARCHAR(40)  NOT NULL,
    reasons         TEXT         NOT NULL,
    age_on_receipt  INTEGER      NOT NULL,
    triage_outcome  VARCHAR(20),
    triaged_on      DATE,
    failed_criteria TEXT,
    CONSTRAINT metric_referral_pk PRIMARY KEY (generation, referral_id)
) PARTITION BY LIST (generation);

CREATE TABLE metric_participant (
    generation           INTEGER     NOT NULL,
    participant_id       UUID        NOT NULL,
    referral_id          UUID        NOT NULL,
    referral_received_on DATE        NOT NULL,
    source               VARCHAR(40) NOT NULL,
    link_worker_id       TEXT        NOT NULL,
    CONSTRAINT metric_participant_pk PRIMARY KEY (generation, participant_id)
) PARTITION BY LIST (generation);

CREATE TABLE metric_session (
    generation       INTEGER NOT NULL,
    participant_id   UUID    NOT NULL,
    session_id       UUID    NOT NULL,
    held_on          DATE    NOT NULL,
    duration_minutes INTEGER NOT NULL,
    walk_minutes     INTEGER,
    link_worker_id   TEXT,
    position         BIGINT  NOT NULL,
    CONSTRAINT metric_session_pk PRIMARY KEY (generation, participant_id, session_id)
) PARTITION BY LIST (generation);

CREATE TABLE metric_signpost (
    generation     INTEGER NOT NULL,
    participant_id UUID    NOT NULL,
    signpost_id    UUID    NOT NULL,
    signposted_on  DATE    NOT NULL,
    CONSTRAINT metric_signpost_pk PRIMARY KEY (generation, participant_id, signpost_id)
) PARTITION BY LIST (generation);

CREATE TABLE metric_uptake (
    generation     INTEGER NOT NULL,
    position       BIGINT  NOT NULL,
    participant_id UUID    NOT NULL,
    signpost_id    UUID    NOT NULL,
    attended       BOOLEAN NOT NULL,
    recorded_on    DATE    NOT NULL,
    CONSTRAINT metric_uptake_pk PRIMARY KEY (generation, position)
) PARTITION BY LIST (generation);

CREATE TABLE metric_measure (
    generation     INTEGER     NOT NULL,
    participant_id UUID        NOT NULL,
    sequence       BIGINT      NOT NULL,
    instrument     VARCHAR(20) NOT NULL,
    timepoint      VARCHAR(20) NOT NULL,
    recorded_on    DATE        NOT NULL,
    item_scores    TEXT        NOT NULL,
    score          TEXT,
    CONSTRAINT metric_measure_pk PRIMARY KEY (generation, participant_id, sequence)
) PARTITION BY LIST (generation);

CREATE TABLE metric_referral_g1 PARTITION OF metric_referral FOR VALUES IN (1);
CREATE TABLE metric_participant_g1 PARTITION OF metric_participant FOR VALUES IN (1);
CREATE TABLE metric_session_g1 PARTITION OF metric_session FOR VALUES IN (1);
CREATE TABLE metric_signpost_g1 PARTITION OF metric_signpost FOR VALUES IN (1);
CREATE TABLE metric_uptake_g1 PARTITION OF metric_uptake FOR VALUES IN (1);
CREATE TABLE metric_measure_g1 PARTITION OF metric_measure FOR VALUES IN (1);

-- The other read models keep their rows: text is the same bytes as varchar, so these columns
-- change type without the tables (or their indexes, the collation kept) being rewritten.
ALTER TABLE referral_view
    ALTER COLUMN postcode_district TYPE text,
    ALTER COLUMN redirected_to TYPE text,
    ALTER COLUMN link_worker_id TYPE text;
ALTER TABLE participant_view ALTER COLUMN link_worker_id TYPE text;
ALTER TABLE audit_event
    ALTER COLUMN actor TYPE text COLLATE "C",
    ALTER COLUMN role TYPE text,
    ALTER COLUMN correlation_id TYPE text;
