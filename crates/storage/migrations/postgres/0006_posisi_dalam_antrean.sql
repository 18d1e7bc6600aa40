-- Who is in line for a position (issue 6): the people holding positions of
-- the feeding jenjang, found from the jenjang rather than by reading every
-- employee; and a position's holders. Covering (the code, the NIP), so
-- neither walk reads a table row. Written in lockstep with the other engine.
CREATE INDEX jabatan_jenjang ON jabatan (instansi_id, jenjang, kode);
CREATE INDEX pegawai_jabatan ON pegawai (instansi_id, jabatan, nip);
