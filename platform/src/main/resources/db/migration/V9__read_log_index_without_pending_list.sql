-- The GIN index of the read log's people kept new entries in a pending list (fastupdate) and merged
-- it into the index whenever it passed 4 MB, inside whichever insert passed it: every few hundred
-- answers one of them waited 120 ms for that merge (measured: 600 inserts of 80 people, p50
-- 0.43 ms and max 122 ms with the list, 0.72 ms and 2.8 ms without). A steady 0.3 ms on each
-- answer is better than a stall on some.
ALTER INDEX personal_data_read_subjects_idx SET (fastupdate = off);
-- Whatever is in the list now is merged by the next vacuum of the table.
