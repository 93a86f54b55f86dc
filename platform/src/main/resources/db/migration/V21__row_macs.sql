-- A MAC on every row of a chain from the moment it is written. The sealer seals, a second or so
-- after it is stored, whatever row is at the end of a chain's table: a row someone else inserted
-- there (an SQL injection runs as the service's own role, which may insert) was sealed with the
-- service's, and the check called the history intact. Now the service writes each event and each
-- read-log row with an HMAC-SHA256 of its columns under a key derived from the integrity key,
-- which the database never has (RowMac), and the check reports any sealed row whose MAC is missing
-- or wrong. The MAC covers every column but the position, which the database gives at insert;
-- an event's id and a read's position are unique, so a row copied with its MAC cannot be stored.
ALTER TABLE domain_event_entry ADD COLUMN row_mac BYTEA;
ALTER TABLE personal_data_read ADD COLUMN row_mac BYTEA;

-- From which position each chain's rows must carry a MAC: the rows stored before this version
-- have none. The next position each sequence would give: no process of this version has written
-- yet. Append-only, as the record it vouches for (afterMigrate.sql, SchemaGrants.RECORD).
CREATE TABLE chain_row_mac (
    chain         VARCHAR(20) NOT NULL,
    required_from BIGINT      NOT NULL,
    CONSTRAINT chain_row_mac_pk PRIMARY KEY (chain)
);
INSERT INTO chain_row_mac (chain, required_from)
SELECT 'events', CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM domain_event_entry_global_index_seq;
INSERT INTO chain_row_mac (chain, required_from)
SELECT 'read-log', CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM personal_data_read_id_seq;

CREATE TRIGGER chain_row_mac_append_only BEFORE UPDATE OR DELETE ON chain_row_mac
    FOR EACH ROW EXECUTE FUNCTION signpost_refuse_change();
CREATE TRIGGER chain_row_mac_no_truncate BEFORE TRUNCATE ON chain_row_mac
    FOR EACH STATEMENT EXECUTE FUNCTION signpost_refuse_change();
