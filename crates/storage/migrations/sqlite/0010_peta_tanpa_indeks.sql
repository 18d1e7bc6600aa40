-- The rows of a talent map keep only their primary key (instansi_id,
-- periode, nip): every period's map writes a row per employee, and each
-- secondary index costs a random B-tree insert per row (1.5 s of the 3 s
-- SQLite spends inserting a million rows). A person's rows in every period
-- are found by a primary-key seek per period (`Db::talent_history`); a
-- unit's rows of a period were never read through the index by unit: both
-- planners read the period's rows by primary key and join the unit tree.
-- Written in lockstep with the other engine.
DROP INDEX peta_talenta_pegawai_nip;
DROP INDEX peta_talenta_pegawai_opd;
