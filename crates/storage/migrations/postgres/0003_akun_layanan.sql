-- Accounts, sessions and self-service (issue 5). Written in lockstep with
-- the other engine; instansi_id first in every instansi-owned key.

-- Accounts: who may log in, by NIP and password (argon2id PHC string).
-- peran is an access::Role code; opd is the unit an admin_opd administers.
-- gagal counts consecutive failed logins; terkunci_sampai (unix seconds)
-- ends a lockout. Times that are compared are unix seconds on both engines.
CREATE TABLE akun (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    nip TEXT COLLATE "C" NOT NULL,
    nama TEXT COLLATE "C" NOT NULL,
    peran TEXT COLLATE "C" NOT NULL,
    opd TEXT COLLATE "C",
    password_hash TEXT COLLATE "C" NOT NULL,
    gagal BIGINT NOT NULL,
    terkunci_sampai BIGINT,
    dibuat BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip),
    FOREIGN KEY (instansi_id, opd) REFERENCES opd (instansi_id, kode)
);
CREATE INDEX akun_nip ON akun (nip);

-- Sessions: the SHA-256 of a random token (the cookie carries the token),
-- with the per-session CSRF token and the times of the idle and absolute
-- timeouts (unix seconds).
CREATE TABLE sesi (
    instansi_id BIGINT NOT NULL,
    token_hash TEXT COLLATE "C" NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    csrf TEXT COLLATE "C" NOT NULL,
    dibuat BIGINT NOT NULL,
    aktif BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, token_hash),
    FOREIGN KEY (instansi_id, nip) REFERENCES akun (instansi_id, nip) ON DELETE CASCADE
);
CREATE INDEX sesi_akun ON sesi (instansi_id, nip);

-- One-time setup links: the SHA-256 of the token printed by `talenta serve`
-- on a database with no administrator. Not instansi-owned: it creates one.
CREATE TABLE penyiapan (
    token_hash TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    dibuat BIGINT NOT NULL
);

-- Personal branding: a short statement of an employee, shown on the profile.
CREATE TABLE branding (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    pernyataan TEXT COLLATE "C" NOT NULL,
    diubah BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

-- Items of personal branding: achievements, certificates, publications and
-- portfolio links (jenis), numbered per employee.
CREATE TABLE branding_item (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    nomor BIGINT NOT NULL,
    jenis TEXT COLLATE "C" NOT NULL,
    judul TEXT COLLATE "C" NOT NULL,
    tahun BIGINT,
    tautan TEXT COLLATE "C",
    PRIMARY KEY (instansi_id, nip, nomor),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);

-- Proposed changes to personnel data, pending until an admin of the
-- employee's OPD verifies them. status: menunggu, disetujui, ditolak.
CREATE TABLE usulan (
    instansi_id BIGINT NOT NULL,
    nomor BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    kolom TEXT COLLATE "C" NOT NULL,
    nilai_lama TEXT COLLATE "C",
    nilai_baru TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    diajukan BIGINT NOT NULL,
    diputuskan_oleh TEXT COLLATE "C",
    diputuskan BIGINT,
    catatan TEXT COLLATE "C",
    PRIMARY KEY (instansi_id, nomor),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
);
CREATE INDEX usulan_status ON usulan (instansi_id, status, nip);

-- Uploaded files, by content (sha256 hex); dokumen rows point at them.
CREATE TABLE berkas (
    instansi_id BIGINT NOT NULL,
    sha256 TEXT COLLATE "C" NOT NULL,
    mime TEXT COLLATE "C" NOT NULL,
    isi BYTEA NOT NULL,
    PRIMARY KEY (instansi_id, sha256)
);

-- Documents: pending while diverifikasi_at is NULL; a rejection sets it
-- with the reason in catatan (an approval leaves catatan NULL).
ALTER TABLE dokumen ADD COLUMN catatan TEXT COLLATE "C";
CREATE INDEX dokumen_menunggu ON dokumen (instansi_id, nip) WHERE diverifikasi_at IS NULL;
