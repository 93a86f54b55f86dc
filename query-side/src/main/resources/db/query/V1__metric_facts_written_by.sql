-- Which transaction wrote each row of the evaluation metrics' facts, so that the live figures
-- read only the facts written since they last read them (LiveFacts) instead of every fact again.
-- A row written by a transaction not visible in the snapshot of the last read is new or changed
-- since; rows written before this migration have none and count as old.
-- An update (a referral's row takes its triage) stamps the row too.
CREATE FUNCTION signpost_fact_written() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    NEW.written_by := pg_current_xact_id();
    RETURN NEW;
END $f$;

-- Added without a default first, so that the existing rows are not rewritten.
DO $$ DECLARE fact text; BEGIN
    FOREACH fact IN ARRAY ARRAY['metric_referral', 'metric_participant', 'metric_session', 'metric_signpost',
                                'metric_uptake', 'metric_measure'] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN written_by xid8', fact);
        EXECUTE format('ALTER TABLE %I ALTER COLUMN written_by SET DEFAULT pg_current_xact_id()', fact);
        -- A replay's rebuilt tables are made LIKE the parent INCLUDING DEFAULTS, and take this
        -- trigger and index when attached: so every generation stamps its rows the same way.
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION signpost_fact_written()',
                       fact || '_written', fact);
        EXECUTE format('CREATE INDEX %I ON %I (generation, written_by)', fact || '_written_by', fact);
    END LOOP;
END $$;
