-- Who read whose personal data, through which endpoint, when: one row per person per read,
-- written in the request before the answer goes out. Auditors read it; nobody changes it.
CREATE TABLE personal_data_read (
    id             BIGSERIAL    NOT NULL,
    read_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor          VARCHAR(200) NOT NULL,
    role           VARCHAR(40)  NOT NULL,
    subject_type   VARCHAR(20)  NOT NULL,
    subject_id     VARCHAR(64)  NOT NULL,
    endpoint       VARCHAR(200) NOT NULL,
    correlation_id VARCHAR(100),
    CONSTRAINT personal_data_read_pk PRIMARY KEY (id)
);
CREATE INDEX personal_data_read_subject_idx ON personal_data_read (subject_id, id);
CREATE INDEX personal_data_read_actor_idx ON personal_data_read (actor, id);
CREATE INDEX personal_data_read_at_idx ON personal_data_read (read_at);

CREATE TRIGGER personal_data_read_append_only BEFORE UPDATE OR DELETE ON personal_data_read
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER personal_data_read_no_truncate BEFORE TRUNCATE ON personal_data_read
    FOR EACH STATEMENT EXECUTE FUNCTION signpost_refuse_change();
