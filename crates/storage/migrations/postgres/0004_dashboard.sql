-- Dashboards and lists (issue 5): the employees of a unit and its
-- sub-units, and a snapshot's rows of a unit, are read by unit code.
-- Written in lockstep with the other engine.
CREATE INDEX pegawai_opd ON pegawai (instansi_id, opd);
CREATE INDEX peta_talenta_pegawai_opd ON peta_talenta_pegawai (instansi_id, periode, opd);
-- Walks of the unit tree (a dashboard's groups, an OPD admin's scope) go
-- from a unit to its children.
CREATE INDEX opd_induk ON opd (instansi_id, induk);
-- A profile reads one person's box in every period and their proposals.
CREATE INDEX peta_talenta_pegawai_nip ON peta_talenta_pegawai (instansi_id, nip, periode);
CREATE INDEX usulan_nip ON usulan (instansi_id, nip, nomor);
