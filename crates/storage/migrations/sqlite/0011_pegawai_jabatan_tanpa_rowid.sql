-- no-transaction
-- Employees and positions move into their primary key's B-tree (WITHOUT
-- ROWID), as the history tables did in 0008: the talent map reads every
-- employee in NIP order and each page's positions by code, and through a
-- rowid table each of those rows was a walk down the key's index and
-- another down the table (a tenth of the map's time over a million
-- employees). PostgreSQL has no rowid tables; there this migration changes
-- nothing. Written in lockstep with the other engine.
--
-- Fourteen tables reference these two, so each is rebuilt by SQLite's own
-- recipe (https://sqlite.org/lang_altertable.html#otheralter): with
-- foreign-key enforcement off, which SQLite allows only outside a
-- transaction, hence `no-transaction` above and the explicit transaction
-- here. Dropping the old table then leaves the references alone, and they
-- name the new one once it takes the name. Run again after a crash between
-- the commit and sqlx's bookkeeping, it rebuilds the tables once more.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE jabatan_baru (
    instansi_id INTEGER NOT NULL,
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    opd TEXT NOT NULL,
    jenjang TEXT NOT NULL,
    min_pendidikan TEXT,
    bidang_ilmu TEXT NOT NULL,
    min_golongan TEXT,
    k_integritas INTEGER,
    k_kerja_sama INTEGER,
    k_komunikasi INTEGER,
    k_orientasi_pada_hasil INTEGER,
    k_pelayanan_publik INTEGER,
    k_pengembangan_diri INTEGER,
    k_mengelola_perubahan INTEGER,
    k_pengambilan_keputusan INTEGER,
    k_perekat_bangsa INTEGER,
    kunci INTEGER NOT NULL,
    kebutuhan INTEGER NOT NULL,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, kode),
    FOREIGN KEY (instansi_id, opd) REFERENCES opd (instansi_id, kode)
) STRICT, WITHOUT ROWID;
INSERT INTO jabatan_baru (instansi_id, kode, nama, opd, jenjang, min_pendidikan, bidang_ilmu, min_golongan, k_integritas, k_kerja_sama, k_komunikasi, k_orientasi_pada_hasil, k_pelayanan_publik, k_pengembangan_diri, k_mengelola_perubahan, k_pengambilan_keputusan, k_perekat_bangsa, kunci, kebutuhan, perubahan_id)
    SELECT instansi_id, kode, nama, opd, jenjang, min_pendidikan, bidang_ilmu, min_golongan, k_integritas, k_kerja_sama, k_komunikasi, k_orientasi_pada_hasil, k_pelayanan_publik, k_pengembangan_diri, k_mengelola_perubahan, k_pengambilan_keputusan, k_perekat_bangsa, kunci, kebutuhan, perubahan_id FROM jabatan
    ORDER BY instansi_id, kode;
DROP TABLE jabatan;
ALTER TABLE jabatan_baru RENAME TO jabatan;
CREATE INDEX jabatan_jenjang ON jabatan (instansi_id, jenjang, kode);
CREATE INDEX jabatan_opd ON jabatan (instansi_id, opd);

CREATE TABLE pegawai_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    gelar_depan TEXT,
    gelar_belakang TEXT,
    jenis_kelamin TEXT NOT NULL,
    tempat_lahir TEXT,
    tanggal_lahir TEXT NOT NULL,
    status TEXT NOT NULL,
    golongan TEXT,
    tmt_golongan TEXT,
    jabatan TEXT,
    tmt_jabatan TEXT,
    opd TEXT NOT NULL,
    pendidikan TEXT,
    bidang_ilmu TEXT,
    tmt_cpns TEXT,
    tmt_pns TEXT,
    agama TEXT,
    daerah_asal TEXT,
    email TEXT,
    no_hp TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip),
    FOREIGN KEY (instansi_id, opd) REFERENCES opd (instansi_id, kode),
    FOREIGN KEY (instansi_id, jabatan) REFERENCES jabatan (instansi_id, kode)
) STRICT, WITHOUT ROWID;
INSERT INTO pegawai_baru (instansi_id, nip, nama, gelar_depan, gelar_belakang, jenis_kelamin, tempat_lahir, tanggal_lahir, status, golongan, tmt_golongan, jabatan, tmt_jabatan, opd, pendidikan, bidang_ilmu, tmt_cpns, tmt_pns, agama, daerah_asal, email, no_hp, perubahan_id)
    SELECT instansi_id, nip, nama, gelar_depan, gelar_belakang, jenis_kelamin, tempat_lahir, tanggal_lahir, status, golongan, tmt_golongan, jabatan, tmt_jabatan, opd, pendidikan, bidang_ilmu, tmt_cpns, tmt_pns, agama, daerah_asal, email, no_hp, perubahan_id FROM pegawai
    ORDER BY instansi_id, nip;
DROP TABLE pegawai;
ALTER TABLE pegawai_baru RENAME TO pegawai;
CREATE INDEX pegawai_jabatan ON pegawai (instansi_id, jabatan, nip);
CREATE INDEX pegawai_opd ON pegawai (instansi_id, opd);

COMMIT;
PRAGMA foreign_keys = ON;
