-- The audit trail's search indexes are built anew at every replay, over every event (4.2 of the
-- 6 s it took to attach a replay's rebuilt tables, with a million events). Two things made them
-- slower to build than they need be:
-- * each began with the generation, the same in every entry of a partition (there is one index
--   per partition); a search's generation picks the partition, and the index does the rest;
-- * identifiers, actors and event types were compared by the database locale's rules rather
--   than byte by byte, which is all that equality and our ordering by position need.
-- Measured with psql on a million events: 4.2 s -> 3.1 s for the four indexes.
DROP INDEX audit_event_aggregate_idx;
DROP INDEX audit_event_actor_idx;
DROP INDEX audit_event_type_idx;
DROP INDEX audit_event_recorded_idx;

ALTER TABLE audit_event
    ALTER COLUMN aggregate_id TYPE varchar(255) COLLATE "C",
    ALTER COLUMN actor TYPE varchar(200) COLLATE "C",
    ALTER COLUMN type TYPE varchar(100) COLLATE "C";

CREATE INDEX audit_event_aggregate_idx ON audit_event (aggregate_id, sequence);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, position);
CREATE INDEX audit_event_type_idx ON audit_event (type, position);
CREATE INDEX audit_event_recorded_idx ON audit_event (recorded_at);
