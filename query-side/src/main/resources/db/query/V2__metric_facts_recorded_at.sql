-- When the event that made each fact of the evaluation metrics was recorded (its time stamp in the
-- event store, to the millisecond), so that figures "as of" a past instant can be read from the live
-- projection's facts recorded up to it instead of folding the whole store again (StampedFacts).
-- A referral's row holds two facts, made by two events: its receipt and its triage.
-- Rows written before this migration have none: while any fact of the active generation has none,
-- "as of" folds the store, as before; a replay of the evaluation metrics stamps every fact.
ALTER TABLE metric_referral ADD COLUMN received_at timestamptz, ADD COLUMN triaged_at timestamptz;
ALTER TABLE metric_participant ADD COLUMN recorded_at timestamptz;
ALTER TABLE metric_session ADD COLUMN recorded_at timestamptz;
ALTER TABLE metric_signpost ADD COLUMN recorded_at timestamptz;
ALTER TABLE metric_uptake ADD COLUMN recorded_at timestamptz;
ALTER TABLE metric_measure ADD COLUMN recorded_at timestamptz;
