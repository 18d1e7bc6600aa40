-- The rows of a talent map (issue 4: a map of a million employees is
-- written in one go, and read by period and NIP): the table keeps its rows
-- in its primary key's B-tree (WITHOUT ROWID), one tree fewer to write per
-- row. The index by computed box goes on both engines: every reader asks
-- for the final box (a calibration, else the computed one), which that
-- index cannot answer. Nothing references this table, so it is rebuilt in
-- place. Written in lockstep with the other engine.

CREATE TABLE peta_talenta_pegawai_baru (
    instansi_id INTEGER NOT NULL,
    periode TEXT NOT NULL,
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    opd TEXT NOT NULL,
    kinerja INTEGER,
    potensial INTEGER,
    kotak INTEGER,
    nilai_talenta INTEGER,
    kurang TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, periode, nip),
    FOREIGN KEY (instansi_id, periode) REFERENCES peta_talenta (instansi_id, periode)
) STRICT, WITHOUT ROWID;
INSERT INTO peta_talenta_pegawai_baru (instansi_id, periode, nip, nama, opd, kinerja, potensial, kotak, nilai_talenta, kurang, perubahan_id)
    SELECT instansi_id, periode, nip, nama, opd, kinerja, potensial, kotak, nilai_talenta, kurang, perubahan_id FROM peta_talenta_pegawai;
DROP TABLE peta_talenta_pegawai;
ALTER TABLE peta_talenta_pegawai_baru RENAME TO peta_talenta_pegawai;
CREATE INDEX peta_talenta_pegawai_opd ON peta_talenta_pegawai (instansi_id, periode, opd);
CREATE INDEX peta_talenta_pegawai_nip ON peta_talenta_pegawai (instansi_id, nip, periode);
