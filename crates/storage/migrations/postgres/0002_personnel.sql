-- Personnel records, talent-map snapshots and the change log.
-- Every instansi-owned table has instansi_id first in its keys (stack.md §1.7);
-- every personnel row names the perubahan (who, when, what) that last changed it.
-- Scores are fixed-point hundredths. Written in lockstep with the other engine.
-- Text compares byte by byte (COLLATE "C"), as in SQLite, so both engines
-- sort keys alike whatever the server's locale.

DROP TABLE opd;

-- The change log: who did what and when; personnel rows point at the
-- perubahan that last changed them. It is append-only (no row is ever
-- deleted), so perubahan_id needs no foreign-key check per written row.
CREATE TABLE perubahan (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor TEXT COLLATE "C" NOT NULL,
    action TEXT COLLATE "C" NOT NULL,
    detail TEXT COLLATE "C" NOT NULL
);

-- Units of an instansi (OPD and sub-units); induk is the parent.
CREATE TABLE opd (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    kode TEXT COLLATE "C" NOT NULL,
    nama TEXT COLLATE "C" NOT NULL,
    induk TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, kode),
    FOREIGN KEY (instansi_id, induk) REFERENCES opd (instansi_id, kode) DEFERRABLE INITIALLY DEFERRED
);

-- Positions and what they require; k_* is the standar kompetensi (level 1-5, all or none).
CREATE TABLE jabatan (
    instansi_id BIGINT NOT NULL,
    kode TEXT COLLATE "C" NOT NULL,
    nama TEXT COLLATE "C" NOT NULL,
    opd TEXT COLLATE "C" NOT NULL,
    jenjang TEXT COLLATE "C" NOT NULL,
    min_pendidikan TEXT COLLATE "C",
    bidang_ilmu TEXT COLLATE "C" NOT NULL,
    min_golongan TEXT COLLATE "C",
    k_integritas BIGINT,
    k_kerja_sama BIGINT,
    k_komunikasi BIGINT,
    k_orientasi_pada_hasil BIGINT,
    k_pelayanan_publik BIGINT,
    k_pengembangan_diri BIGINT,
    k_mengelola_perubahan BIGINT,
    k_pengambilan_keputusan BIGINT,
    k_perekat_bangsa BIGINT,
    kunci BOOLEAN NOT NULL,
    kebutuhan BIGINT NOT NULL,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, kode),
    FOREIGN KEY (instansi_id, opd) REFERENCES opd (instansi_id, kode)
);
CREATE INDEX jabatan_opd ON jabatan (instansi_id, opd);

-- Employees as they are now. agama and daerah_asal are sensitive (UU 27/2022) and never read by any rule.
CREATE TABLE pegawai (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    nama TEXT COLLATE "C" NOT NULL,
    gelar_depan TEXT COLLATE "C",
    gelar_belakang TEXT COLLATE "C",
    jenis_kelamin TEXT COLLATE "C" NOT NULL,
    tempat_lahir TEXT COLLATE "C",
    tanggal_lahir DATE NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    golongan TEXT COLLATE "C",
    tmt_golongan DATE,
    jabatan TEXT COLLATE "C",
    tmt_jabatan DATE,
    opd TEXT COLLATE "C" NOT NULL,
    pendidikan TEXT COLLATE "C",
    bidang_ilmu TEXT COLLATE "C",
    tmt_cpns DATE,
    tmt_pns DATE,
    agama TEXT COLLATE "C",
    daerah_asal TEXT COLLATE "C",
    email TEXT COLLATE "C",
    no_hp TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip),
    FOREIGN KEY (instansi_id, opd) REFERENCES opd (instansi_id, kode),
    FOREIGN KEY (instansi_id, jabatan) REFERENCES jabatan (instansi_id, kode)
);

CREATE TABLE riwayat_jabatan (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    tmt DATE NOT NULL,
    jabatan TEXT COLLATE "C",
    nama_jabatan TEXT COLLATE "C" NOT NULL,
    opd TEXT COLLATE "C",
    jenjang TEXT COLLATE "C" NOT NULL,
    nomor_sk TEXT COLLATE "C",
    tanggal_sk DATE,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, tmt),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip),
    FOREIGN KEY (instansi_id, jabatan) REFERENCES jabatan (instansi_id, kode),
    FOREIGN KEY (instansi_id, opd) REFERENCES opd (instansi_id, kode)
);

CREATE TABLE riwayat_golongan (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    tmt DATE NOT NULL,
    golongan TEXT COLLATE "C" NOT NULL,
    jenis_kp TEXT COLLATE "C",
    nomor_sk TEXT COLLATE "C",
    tanggal_sk DATE,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, tmt),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

CREATE TABLE riwayat_pendidikan (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    tingkat TEXT COLLATE "C" NOT NULL,
    tahun_lulus BIGINT NOT NULL,
    bidang_ilmu TEXT COLLATE "C",
    nama_sekolah TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, tingkat, tahun_lulus),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

CREATE TABLE riwayat_diklat (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    nama TEXT COLLATE "C" NOT NULL,
    mulai DATE NOT NULL,
    selesai DATE,
    jenis TEXT COLLATE "C",
    jam BIGINT,
    penyelenggara TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, nama, mulai),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

CREATE TABLE riwayat_penghargaan (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    nama TEXT COLLATE "C" NOT NULL,
    tanggal DATE NOT NULL,
    nomor_sk TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, nama, tanggal),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

-- Disciplinary sanctions (PP 94/2021); akhir NULL = does not end.
CREATE TABLE riwayat_hukdis (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    jenis TEXT COLLATE "C" NOT NULL,
    mulai DATE NOT NULL,
    akhir DATE,
    nomor_sk TEXT COLLATE "C",
    tanggal_sk DATE,
    alasan TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, jenis, mulai),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

-- Annual SKP (PermenPANRB 6/2022); nilai_penguat in hundredths.
CREATE TABLE skp (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    tahun BIGINT NOT NULL,
    hasil_kerja TEXT COLLATE "C" NOT NULL,
    perilaku_kerja TEXT COLLATE "C" NOT NULL,
    predikat TEXT COLLATE "C" NOT NULL,
    nilai_penguat BIGINT,
    penilai_nip TEXT COLLATE "C",
    penilai_nama TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, tahun),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

-- Assessment results; potensi in hundredths, k_* attained levels (all or none).
CREATE TABLE asesmen (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    tanggal DATE NOT NULL,
    sumber TEXT COLLATE "C" NOT NULL,
    potensi BIGINT,
    k_integritas BIGINT,
    k_kerja_sama BIGINT,
    k_komunikasi BIGINT,
    k_orientasi_pada_hasil BIGINT,
    k_pelayanan_publik BIGINT,
    k_pengembangan_diri BIGINT,
    k_mengelola_perubahan BIGINT,
    k_pengambilan_keputusan BIGINT,
    k_perekat_bangsa BIGINT,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, tanggal, sumber),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

-- Documents of an employee, identified by content (sha256 hex).
CREATE TABLE dokumen (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    sha256 TEXT COLLATE "C" NOT NULL,
    jenis TEXT COLLATE "C" NOT NULL,
    nama_file TEXT COLLATE "C" NOT NULL,
    ukuran BIGINT NOT NULL,
    diverifikasi_oleh TEXT COLLATE "C",
    diverifikasi_at TIMESTAMPTZ,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, sha256),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

-- A talent-map snapshot of one period, with the rules it used.
CREATE TABLE peta_talenta (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    periode TEXT COLLATE "C" NOT NULL,
    rule_set TEXT COLLATE "C" NOT NULL,
    cutoffs TEXT COLLATE "C" NOT NULL,
    dihitung_at TIMESTAMPTZ NOT NULL,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, periode)
);

-- One employee in a snapshot: scores in hundredths and the box, or what was missing (kurang). No FK to pegawai: a snapshot outlives the employee record.
CREATE TABLE peta_talenta_pegawai (
    instansi_id BIGINT NOT NULL,
    periode TEXT COLLATE "C" NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    nama TEXT COLLATE "C" NOT NULL,
    opd TEXT COLLATE "C" NOT NULL,
    kinerja BIGINT,
    potensial BIGINT,
    kotak BIGINT,
    nilai_talenta BIGINT,
    kurang TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, periode, nip),
    FOREIGN KEY (instansi_id, periode) REFERENCES peta_talenta (instansi_id, periode)
);
CREATE INDEX peta_talenta_pegawai_kotak ON peta_talenta_pegawai (instansi_id, periode, kotak);
