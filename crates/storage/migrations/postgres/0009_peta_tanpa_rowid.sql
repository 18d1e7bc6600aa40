-- The rows of a talent map: on SQLite the table moves into its primary
-- key's B-tree (WITHOUT ROWID). On both engines the index by computed box
-- goes: every reader asks for the final box (a calibration, else the
-- computed one), which that index cannot answer. Written in lockstep with
-- the other engine.
DROP INDEX peta_talenta_pegawai_kotak;
