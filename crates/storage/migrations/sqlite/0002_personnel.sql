-- Personnel records, talent-map snapshots and the change log.
-- Every instansi-owned table has instansi_id first in its keys (stack.md §1.7);
-- every personnel row names the perubahan (who, when, what) that last changed it.
-- Scores are fixed-point hundredths. Written in lockstep with the other engine.

DROP TABLE opd;

-- The change log: who did what and when; personnel rows point at the
-- perubahan that last changed them. It is append-only (no row is ever
-- deleted), so perubahan_id needs no foreign-key check per written row.
CREATE TABLE perubahan (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
) STRICT;

-- Units of an instansi (OPD and sub-units); induk is the parent.
CREATE TABLE opd (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    induk TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, kode),
    FOREIGN KEY (instansi_id, induk) REFERENCES opd (instansi_id, kode) DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- Positions and what they require; k_* is the standar kompetensi (level 1-5, all or none).
CREATE TABLE jabatan (
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
) STRICT;
CREATE INDEX jabatan_opd ON jabatan (instansi_id, opd);

-- Employees as they are now. agama and daerah_asal are sensitive (UU 27/2022) and never read by any rule.
CREATE TABLE pegawai (
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
) STRICT;

CREATE TABLE riwayat_jabatan (
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
) STRICT;

CREATE TABLE riwayat_golongan (
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
) STRICT;

CREATE TABLE riwayat_pendidikan (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    tingkat TEXT NOT NULL,
    tahun_lulus INTEGER NOT NULL,
    bidang_ilmu TEXT,
    nama_sekolah TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, tingkat, tahun_lulus),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT;

CREATE TABLE riwayat_diklat (
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
) STRICT;

CREATE TABLE riwayat_penghargaan (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    nomor_sk TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, nama, tanggal),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT;

-- Disciplinary sanctions (PP 94/2021); akhir NULL = does not end.
CREATE TABLE riwayat_hukdis (
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
) STRICT;

-- Annual SKP (PermenPANRB 6/2022); nilai_penguat in hundredths.
CREATE TABLE skp (
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
) STRICT;

-- Assessment results; potensi in hundredths, k_* attained levels (all or none).
CREATE TABLE asesmen (
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
) STRICT;

-- Documents of an employee, identified by content (sha256 hex).
CREATE TABLE dokumen (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    jenis TEXT NOT NULL,
    nama_file TEXT NOT NULL,
    ukuran INTEGER NOT NULL,
    diverifikasi_oleh TEXT,
    diverifikasi_at TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, sha256),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT;

-- A talent-map snapshot of one period, with the rules it used.
CREATE TABLE peta_talenta (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    periode TEXT NOT NULL,
    rule_set TEXT NOT NULL,
    cutoffs TEXT NOT NULL,
    dihitung_at TEXT NOT NULL,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, periode)
) STRICT;

-- One employee in a snapshot: scores in hundredths and the box, or what was missing (kurang). No FK to pegawai: a snapshot outlives the employee record.
CREATE TABLE peta_talenta_pegawai (
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
) STRICT;
CREATE INDEX peta_talenta_pegawai_kotak ON peta_talenta_pegawai (instansi_id, periode, kotak);
