-- Accounts, sessions and self-service (issue 5). Written in lockstep with
-- the other engine; instansi_id first in every instansi-owned key.

-- Accounts: who may log in, by NIP and password (argon2id PHC string).
-- peran is an access::Role code; opd is the unit an admin_opd administers.
-- gagal counts consecutive failed logins; terkunci_sampai (unix seconds)
-- ends a lockout. Times that are compared are unix seconds on both engines.
CREATE TABLE akun (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    peran TEXT NOT NULL,
    opd TEXT,
    password_hash TEXT NOT NULL,
    gagal INTEGER NOT NULL,
    terkunci_sampai INTEGER,
    dibuat INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip),
    FOREIGN KEY (instansi_id, opd) REFERENCES opd (instansi_id, kode)
) STRICT;
CREATE INDEX akun_nip ON akun (nip);

-- Sessions: the SHA-256 of a random token (the cookie carries the token),
-- with the per-session CSRF token and the times of the idle and absolute
-- timeouts (unix seconds).
CREATE TABLE sesi (
    instansi_id INTEGER NOT NULL,
    token_hash TEXT NOT NULL,
    nip TEXT NOT NULL,
    csrf TEXT NOT NULL,
    dibuat INTEGER NOT NULL,
    aktif INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, token_hash),
    FOREIGN KEY (instansi_id, nip) REFERENCES akun (instansi_id, nip) ON DELETE CASCADE
) STRICT;
CREATE INDEX sesi_akun ON sesi (instansi_id, nip);

-- One-time setup links: the SHA-256 of the token printed by `talenta serve`
-- on a database with no administrator. Not instansi-owned: it creates one.
CREATE TABLE penyiapan (
    token_hash TEXT NOT NULL PRIMARY KEY,
    dibuat INTEGER NOT NULL
) STRICT;

-- Personal branding: a short statement of an employee, shown on the profile.
CREATE TABLE branding (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    pernyataan TEXT NOT NULL,
    diubah INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT;

-- Items of personal branding: achievements, certificates, publications and
-- portfolio links (jenis), numbered per employee.
CREATE TABLE branding_item (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    nomor INTEGER NOT NULL,
    jenis TEXT NOT NULL,
    judul TEXT NOT NULL,
    tahun INTEGER,
    tautan TEXT,
    PRIMARY KEY (instansi_id, nip, nomor),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT;

-- Proposed changes to personnel data, pending until an admin of the
-- employee's OPD verifies them. status: menunggu, disetujui, ditolak.
CREATE TABLE usulan (
    instansi_id INTEGER NOT NULL,
    nomor INTEGER NOT NULL,
    nip TEXT NOT NULL,
    kolom TEXT NOT NULL,
    nilai_lama TEXT,
    nilai_baru TEXT NOT NULL,
    status TEXT NOT NULL,
    diajukan INTEGER NOT NULL,
    diputuskan_oleh TEXT,
    diputuskan INTEGER,
    catatan TEXT,
    PRIMARY KEY (instansi_id, nomor),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip)
) STRICT;
CREATE INDEX usulan_status ON usulan (instansi_id, status, nip);

-- Uploaded files, by content (sha256 hex); dokumen rows point at them.
CREATE TABLE berkas (
    instansi_id INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    isi BLOB NOT NULL,
    PRIMARY KEY (instansi_id, sha256)
) STRICT;

-- Documents: pending while diverifikasi_at is NULL; a rejection sets it
-- with the reason in catatan (an approval leaves catatan NULL).
ALTER TABLE dokumen ADD COLUMN catatan TEXT;
CREATE INDEX dokumen_menunggu ON dokumen (instansi_id, nip) WHERE diverifikasi_at IS NULL;
