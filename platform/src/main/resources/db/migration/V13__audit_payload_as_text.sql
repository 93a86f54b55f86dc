-- The audit trail's payload is the event's payload as the event store holds it: JSON written by
-- the event serializer, shown to auditors and never queried inside. As type json, PostgreSQL
-- checked its syntax again on every insert: 0.9 s of the database's CPU in a replay of a million
-- events (docs/benchmarks.md). As text it is stored as it comes. json and text share their
-- storage, so the column changes type without the table being rewritten.
ALTER TABLE audit_event ALTER COLUMN payload TYPE text;
