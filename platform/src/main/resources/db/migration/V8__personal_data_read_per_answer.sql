-- The read log becomes one row per answer, with everyone the answer showed in an array, instead
-- of one row per person: a caseload of a hundred young people was a hundred-row insert before
-- its answer could go out, the largest part of the request's time. Auditors still see one line
-- per person (the search unnests the array); a GIN index finds a person's reads.
-- Rows already logged are carried over, each as an answer of one person, with their ids.
ALTER TABLE personal_data_read RENAME TO personal_data_read_per_person;
ALTER SEQUENCE personal_data_read_id_seq OWNED BY NONE;

CREATE TABLE personal_data_read (
    id             BIGINT        NOT NULL DEFAULT nextval('personal_data_read_id_seq'),
    read_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    actor          VARCHAR(200)  NOT NULL,
    role           VARCHAR(40)   NOT NULL,
    subject_type   VARCHAR(20)   NOT NULL,
    subject_ids    VARCHAR(64)[] NOT NULL,
    endpoint       VARCHAR(200)  NOT NULL,
    correlation_id VARCHAR(100),
    CONSTRAINT personal_data_read_someone CHECK (cardinality(subject_ids) > 0)
);
ALTER SEQUENCE personal_data_read_id_seq OWNED BY personal_data_read.id;

INSERT INTO personal_data_read (id, read_at, actor, role, subject_type, subject_ids, endpoint, correlation_id)
SELECT id, read_at, actor, role, subject_type, ARRAY[subject_id], endpoint, correlation_id
FROM personal_data_read_per_person ORDER BY id;

-- Its indexes and triggers go with it; the names are then free for the new table's.
DROP TABLE personal_data_read_per_person;

ALTER TABLE personal_data_read ADD CONSTRAINT personal_data_read_pk PRIMARY KEY (id);
CREATE INDEX personal_data_read_subjects_idx ON personal_data_read USING gin (subject_ids);
CREATE INDEX personal_data_read_actor_idx ON personal_data_read (actor, id);
CREATE INDEX personal_data_read_at_idx ON personal_data_read (read_at);

CREATE TRIGGER personal_data_read_append_only BEFORE UPDATE OR DELETE ON personal_data_read
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER personal_data_read_no_truncate BEFORE TRUNCATE ON personal_data_read
    FOR EACH STATEMENT EXECUTE FUNCTION signpost_refuse_change();
