-- Every read-model table is partitioned by generation, one partition per generation: a replay
-- fills a table of its own with COPY and no index (PostgreSQL then builds each index in one
-- sort instead of updating it row by row), attaches it as the new generation's partition, and a
-- replaced generation goes with DROP TABLE instead of deleting its rows one by one.
-- The audit trail keeps each event's payload as JSON text: it is shown, never queried inside,
-- and storing it as jsonb cost a parse and a conversion per event.
-- Read models are derived data: the tables are made anew and every projection rebuilds from
-- the first event at the next start (its tokens and dead letters go with the old rows).

DROP TABLE referral_view, participant_view, participant_name, audit_event, metric_referral, metric_participant,
    metric_session, metric_signpost, metric_uptake, metric_measure;
DELETE FROM projection_generation;
DELETE FROM token_entry WHERE processor_name IN ('referrals', 'caseload', 'audit-trail', 'evaluation-metrics');
DELETE FROM dead_letter_entry WHERE processing_group IN ('referrals', 'caseload', 'audit-trail', 'evaluation-metrics');

-- "referrals": each referral's current state; the triage queue is its referrals awaiting triage.
CREATE TABLE referral_view (
    generation        INTEGER      NOT NULL,
    referral_id       UUID         NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    source            VARCHAR(40)  NOT NULL,
    channel           VARCHAR(40)  NOT NULL,
    received_on       DATE         NOT NULL,
    reasons           VARCHAR(200) NOT NULL,
    needs             VARCHAR(100) NOT NULL,
    consent_given_by  VARCHAR(20)  NOT NULL,
    age_on_receipt    INTEGER      NOT NULL,
    postcode_district VARCHAR(10),
    failed_criteria   VARCHAR(100) NOT NULL,
    young_person      JSONB,
    referrer          JSONB,
    notes             TEXT,
    triage_outcome    VARCHAR(20),
    triaged_on        DATE,
    triage_reason     TEXT,
    redirected_to     VARCHAR(200),
    override_reason   TEXT,
    participant_id    UUID,
    link_worker_id    VARCHAR(64),
    assigned_on       DATE,
    withdrawn_on      DATE,
    withdrawal_reason TEXT,
    version           BIGINT       NOT NULL,
    CONSTRAINT referral_view_pk PRIMARY KEY (generation, referral_id)
) PARTITION BY LIST (generation);
CREATE INDEX referral_view_triage_queue_idx ON referral_view (generation, received_on) WHERE status = 'AWAITING_TRIAGE';

-- "caseload": each participant's support episode, and the young person's name from the referral.
CREATE TABLE participant_view (
    generation                 INTEGER     NOT NULL,
    participant_id             UUID        NOT NULL,
    referral_id                UUID        NOT NULL,
    link_worker_id             VARCHAR(64) NOT NULL,
    enrolled_on                DATE        NOT NULL,
    referral_received_on       DATE        NOT NULL,
    first_session_on           DATE,
    last_session_on            DATE,
    sessions_held              INTEGER     NOT NULL DEFAULT 0,
    sessions_beyond_entitlement INTEGER    NOT NULL DEFAULT 0,
    missed_sessions            INTEGER     NOT NULL DEFAULT 0,
    last_contact_on            DATE,
    signposts                  INTEGER     NOT NULL DEFAULT 0,
    extension_weeks            INTEGER     NOT NULL DEFAULT 0,
    sessions_over_30_walk      INTEGER     NOT NULL DEFAULT 0,
    safeguarding_concerns      INTEGER     NOT NULL DEFAULT 0,
    discharged_on              DATE,
    discharge_reason           VARCHAR(20),
    version                    BIGINT      NOT NULL,
    CONSTRAINT participant_view_pk PRIMARY KEY (generation, participant_id)
) PARTITION BY LIST (generation);
CREATE INDEX participant_view_caseload_idx ON participant_view (generation, link_worker_id) WHERE discharged_on IS NULL;

CREATE TABLE participant_name (
    generation    INTEGER      NOT NULL,
    referral_id   UUID         NOT NULL,
    first_name    VARCHAR(100),
    last_name     VARCHAR(100),
    date_of_birth DATE,
    CONSTRAINT participant_name_pk PRIMARY KEY (generation, referral_id)
) PARTITION BY LIST (generation);

-- "audit-trail": every event with who recorded it, when, and why (correlation id).
CREATE TABLE audit_event (
    generation     INTEGER      NOT NULL,
    position       BIGINT       NOT NULL,
    aggregate_id   VARCHAR(255) NOT NULL,
    aggregate_type VARCHAR(64)  NOT NULL,
    sequence       BIGINT       NOT NULL,
    type           VARCHAR(100) NOT NULL,
    occurred_on    DATE,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(200),
    role           VARCHAR(40),
    correlation_id VARCHAR(100),
    payload        JSON         NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (generation, position)
) PARTITION BY LIST (generation);
CREATE INDEX audit_event_aggregate_idx ON audit_event (generation, aggregate_id, sequence);
CREATE INDEX audit_event_actor_idx ON audit_event (generation, actor, position);
CREATE INDEX audit_event_type_idx ON audit_event (generation, type, position);
CREATE INDEX audit_event_recorded_idx ON audit_event (generation, recorded_at);

-- "evaluation-metrics": the facts the metrics are computed from (no personal data).
CREATE TABLE metric_referral (
    generation      INTEGER      NOT NULL,
    referral_id     UUID         NOT NULL,
    received_on     DATE         NOT NULL,
    source          VARCHAR(40)  NOT NULL,
    channel         VARCHAR(40)  NOT NULL,
    reasons         VARCHAR(200) NOT NULL,
    age_on_receipt  INTEGER      NOT NULL,
    triage_outcome  VARCHAR(20),
    triaged_on      DATE,
    failed_criteria VARCHAR(100),
    CONSTRAINT metric_referral_pk PRIMARY KEY (generation, referral_id)
) PARTITION BY LIST (generation);

CREATE TABLE metric_participant (
    generation           INTEGER     NOT NULL,
    participant_id       UUID        NOT NULL,
    referral_id          UUID        NOT NULL,
    referral_received_on DATE        NOT NULL,
    source               VARCHAR(40) NOT NULL,
    link_worker_id       VARCHAR(64) NOT NULL,
    CONSTRAINT metric_participant_pk PRIMARY KEY (generation, participant_id)
) PARTITION BY LIST (generation);

CREATE TABLE metric_session (
    generation       INTEGER     NOT NULL,
    session_id       UUID        NOT NULL,
    participant_id   UUID        NOT NULL,
    held_on          DATE        NOT NULL,
    duration_minutes INTEGER     NOT NULL,
    walk_minutes     INTEGER,
    link_worker_id   VARCHAR(64),
    position         BIGINT      NOT NULL,
    CONSTRAINT metric_session_pk PRIMARY KEY (generation, session_id)
) PARTITION BY LIST (generation);

CREATE TABLE metric_signpost (
    generation     INTEGER NOT NULL,
    signpost_id    UUID    NOT NULL,
    participant_id UUID    NOT NULL,
    signposted_on  DATE    NOT NULL,
    CONSTRAINT metric_signpost_pk PRIMARY KEY (generation, signpost_id)
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
    generation     INTEGER       NOT NULL,
    participant_id UUID          NOT NULL,
    sequence       BIGINT        NOT NULL,
    instrument     VARCHAR(20)   NOT NULL,
    timepoint      VARCHAR(20)   NOT NULL,
    recorded_on    DATE          NOT NULL,
    item_scores    VARCHAR(100)  NOT NULL,
    score          VARCHAR(20),
    CONSTRAINT metric_measure_pk PRIMARY KEY (generation, participant_id, sequence)
) PARTITION BY LIST (generation);

-- Generation 1 of every projection, the one a new installation reads and writes first.
CREATE TABLE referral_view_g1 PARTITION OF referral_view FOR VALUES IN (1);
CREATE TABLE participant_view_g1 PARTITION OF participant_view FOR VALUES IN (1);
CREATE TABLE participant_name_g1 PARTITION OF participant_name FOR VALUES IN (1);
CREATE TABLE audit_event_g1 PARTITION OF audit_event FOR VALUES IN (1);
CREATE TABLE metric_referral_g1 PARTITION OF metric_referral FOR VALUES IN (1);
CREATE TABLE metric_participant_g1 PARTITION OF metric_participant FOR VALUES IN (1);
CREATE TABLE metric_session_g1 PARTITION OF metric_session FOR VALUES IN (1);
CREATE TABLE metric_signpost_g1 PARTITION OF metric_signpost FOR VALUES IN (1);
CREATE TABLE metric_uptake_g1 PARTITION OF metric_uptake FOR VALUES IN (1);
CREATE TABLE metric_measure_g1 PARTITION OF metric_measure FOR VALUES IN (1);
