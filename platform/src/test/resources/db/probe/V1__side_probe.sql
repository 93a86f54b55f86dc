-- A side's first migration of its own (SideMigrationsTest): a table only that side uses.
CREATE TABLE side_probe (id bigint PRIMARY KEY, note text NOT NULL);
