-- A person's rows of the talent maps are found by a primary-key seek per
-- period (`Db::talent_history`), so the index by NIP goes: every period's
-- map writes a row per employee into each index. The index by unit stays
-- here: PostgreSQL's planner reads a unit's rows of a period through it.
-- SQLite's never did, and drops both (migration 0010 there).
DROP INDEX peta_talenta_pegawai_nip;
