-- On SQLite, employees and positions move into their primary key's B-tree
-- (WITHOUT ROWID). PostgreSQL has no rowid tables, and its heap with the
-- primary key's index serves the same reads; nothing changes here. Written
-- in lockstep with the other engine.
SELECT 1;
