-- The rows of a talent map keep only their primary key (instansi_id,
-- periode, nip): every period's map writes a row per employee, and each
-- secondary index costs a random B-tree insert per row (1.5 s of the 3 s
-- SQLite spends inserting a million rows). A person's row in every period
-- is found by a primary-key seek per period (`Db::talent_history`); a
-- unit's rows of a period were never read through the index by unit: the
-- planner reads the period's rows by primary key and joins the unit tree.
-- PostgreSQL keeps the index by unit (migration 0010 there).
DROP INDEX peta_talenta_pegawai_nip;
DROP INDEX peta_talenta_pegawai_opd;
