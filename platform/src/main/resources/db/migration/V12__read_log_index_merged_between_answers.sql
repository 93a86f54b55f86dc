-- V9 turned the GIN index's pending list off, so that no answer would wait for a merge of the
-- list. But then every answer rewrites, in the index, the list of reads of each person it shows,
-- and those lists grow with every read: once people had been read a few hundred times each, a
-- caseload of 90 people wrote 72 KB of WAL (measured: 3,000 caseloads of 2,000 participants,
-- benchmarks read-side --referrals 2000 --link-workers 20), and the log was a third of the answer.
-- With the list, an answer adds its people to the list (about 9 KB of WAL for the same caseload,
-- merges included) and the query side merges the list into the index every two seconds
-- (ReadLogIndex), outside any answer, many reads of a person at once. The list may hold 16 MB, far
-- more than two seconds of answers, so that no answer is left to merge it.
ALTER INDEX personal_data_read_subjects_idx SET (fastupdate = on, gin_pending_list_limit = 16384);
