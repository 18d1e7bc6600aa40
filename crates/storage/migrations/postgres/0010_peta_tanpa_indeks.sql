-- The rows of a talent map keep only their primary key (instansi_id,
-- periode, nip): every period's map writes a row per employee into each
-- index, and no plan read through them. A person's rows in every period
-- are found by a primary-key seek per period (`Db::talent_history`); a
-- unit's rows of a period are read with the period's rows (the unit tree
-- is joined). Written in lockstep with the other engine.
DROP INDEX peta_talenta_pegawai_nip;
DROP INDEX peta_talenta_pegawai_opd;
