-- The records of each employee's career (issue 6: the people in line for a
-- key position are tens of thousands, read by NIP): each history table
-- keeps its rows in its primary key's B-tree (WITHOUT ROWID), so reading a
-- person's rows is one walk down one tree, not a walk down the key index
-- and one more into the rowid table for every row. Nothing references these
-- tables, so each is rebuilt in place. PostgreSQL has no rowid tables;
-- there this migration changes nothing. Written in lockstep with the other
-- engine.

CREATE TABLE riwayat_jabatan_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    tmt TEXT NOT NULL,
    jabatan TEXT,
    nama_jabatan TEXT NOT NULL,
    opd TEXT,
    jenjang TEXT NOT NULL,
    nomor_sk TEXT,
    tanggal_sk TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, tmt),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip),
    FOREIGN KEY (instansi_id, jabatan) REFERENCES jabatan (instansi_id, kode),
    FOREIGN KEY (instansi_id, opd) REFERENCES opd (instansi_id, kode)
) STRICT, WITHOUT ROWID;
INSERT INTO riwayat_jabatan_baru (instansi_id, nip, tmt, jabatan, nama_jabatan, opd, jenjang, nomor_sk, tanggal_sk, perubahan_id)
    SELECT instansi_id, nip, tmt, jabatan, nama_jabatan, opd, jenjang, nomor_sk, tanggal_sk, perubahan_id FROM riwayat_jabatan;
DROP TABLE riwayat_jabatan;
ALTER TABLE riwayat_jabatan_baru RENAME TO riwayat_jabatan;

CREATE TABLE riwayat_golongan_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    tmt TEXT NOT NULL,
    golongan TEXT NOT NULL,
    jenis_kp TEXT,
    nomor_sk TEXT,
    tanggal_sk TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, tmt),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT, WITHOUT ROWID;
INSERT INTO riwayat_golongan_baru (instansi_id, nip, tmt, golongan, jenis_kp, nomor_sk, tanggal_sk, perubahan_id)
    SELECT instansi_id, nip, tmt, golongan, jenis_kp, nomor_sk, tanggal_sk, perubahan_id FROM riwayat_golongan;
DROP TABLE riwayat_golongan;
ALTER TABLE riwayat_golongan_baru RENAME TO riwayat_golongan;

CREATE TABLE riwayat_pendidikan_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    tingkat TEXT NOT NULL,
    tahun_lulus INTEGER NOT NULL,
    bidang_ilmu TEXT,
    nama_sekolah TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, tingkat, tahun_lulus),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT, WITHOUT ROWID;
INSERT INTO riwayat_pendidikan_baru (instansi_id, nip, tingkat, tahun_lulus, bidang_ilmu, nama_sekolah, perubahan_id)
    SELECT instansi_id, nip, tingkat, tahun_lulus, bidang_ilmu, nama_sekolah, perubahan_id FROM riwayat_pendidikan;
DROP TABLE riwayat_pendidikan;
ALTER TABLE riwayat_pendidikan_baru RENAME TO riwayat_pendidikan;

CREATE TABLE riwayat_diklat_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    mulai TEXT NOT NULL,
    selesai TEXT,
    jenis TEXT,
    jam INTEGER,
    penyelenggara TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, nama, mulai),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT, WITHOUT ROWID;
INSERT INTO riwayat_diklat_baru (instansi_id, nip, nama, mulai, selesai, jenis, jam, penyelenggara, perubahan_id)
    SELECT instansi_id, nip, nama, mulai, selesai, jenis, jam, penyelenggara, perubahan_id FROM riwayat_diklat;
DROP TABLE riwayat_diklat;
ALTER TABLE riwayat_diklat_baru RENAME TO riwayat_diklat;

CREATE TABLE riwayat_penghargaan_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    nomor_sk TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, nama, tanggal),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT, WITHOUT ROWID;
INSERT INTO riwayat_penghargaan_baru (instansi_id, nip, nama, tanggal, nomor_sk, perubahan_id)
    SELECT instansi_id, nip, nama, tanggal, nomor_sk, perubahan_id FROM riwayat_penghargaan;
DROP TABLE riwayat_penghargaan;
ALTER TABLE riwayat_penghargaan_baru RENAME TO riwayat_penghargaan;

CREATE TABLE riwayat_hukdis_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    jenis TEXT NOT NULL,
    mulai TEXT NOT NULL,
    akhir TEXT,
    nomor_sk TEXT,
    tanggal_sk TEXT,
    alasan TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, jenis, mulai),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT, WITHOUT ROWID;
INSERT INTO riwayat_hukdis_baru (instansi_id, nip, jenis, mulai, akhir, nomor_sk, tanggal_sk, alasan, perubahan_id)
    SELECT instansi_id, nip, jenis, mulai, akhir, nomor_sk, tanggal_sk, alasan, perubahan_id FROM riwayat_hukdis;
DROP TABLE riwayat_hukdis;
ALTER TABLE riwayat_hukdis_baru RENAME TO riwayat_hukdis;

CREATE TABLE skp_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    hasil_kerja TEXT NOT NULL,
    perilaku_kerja TEXT NOT NULL,
    predikat TEXT NOT NULL,
    nilai_penguat INTEGER,
    penilai_nip TEXT,
    penilai_nama TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, tahun),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT, WITHOUT ROWID;
INSERT INTO skp_baru (instansi_id, nip, tahun, hasil_kerja, perilaku_kerja, predikat, nilai_penguat, penilai_nip, penilai_nama, perubahan_id)
    SELECT instansi_id, nip, tahun, hasil_kerja, perilaku_kerja, predikat, nilai_penguat, penilai_nip, penilai_nama, perubahan_id FROM skp;
DROP TABLE skp;
ALTER TABLE skp_baru RENAME TO skp;

CREATE TABLE asesmen_baru (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    sumber TEXT NOT NULL,
    potensi INTEGER,
    k_integritas INTEGER,
    k_kerja_sama INTEGER,
    k_komunikasi INTEGER,
    k_orientasi_pada_hasil INTEGER,
    k_pelayanan_publik INTEGER,
    k_pengembangan_diri INTEGER,
    k_mengelola_perubahan INTEGER,
    k_pengambilan_keputusan INTEGER,
    k_perekat_bangsa INTEGER,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, tanggal, sumber),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT, WITHOUT ROWID;
INSERT INTO asesmen_baru (instansi_id, nip, tanggal, sumber, potensi, k_integritas, k_kerja_sama, k_komunikasi, k_orientasi_pada_hasil, k_pelayanan_publik, k_pengembangan_diri, k_mengelola_perubahan, k_pengambilan_keputusan, k_perekat_bangsa, perubahan_id)
    SELECT instansi_id, nip, tanggal, sumber, potensi, k_integritas, k_kerja_sama, k_komunikasi, k_orientasi_pada_hasil, k_pelayanan_publik, k_pengembangan_diri, k_mengelola_perubahan, k_pengambilan_keputusan, k_perekat_bangsa, perubahan_id FROM asesmen;
DROP TABLE asesmen;
ALTER TABLE asesmen_baru RENAME TO asesmen;
