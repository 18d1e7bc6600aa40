-- Dashboards and lists (issue 5): the employees of a unit and its
-- sub-units, and a snapshot's rows of a unit, are read by unit code.
-- Written in lockstep with the other engine.
CREATE INDEX pegawai_opd ON pegawai (instansi_id, opd);
CREATE INDEX peta_talenta_pegawai_opd ON peta_talenta_pegawai (instansi_id, periode, opd);
