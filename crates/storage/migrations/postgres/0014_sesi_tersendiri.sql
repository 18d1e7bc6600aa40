-- The sign-in store (sessions, failed sign-ins, the progress of a running
-- import), which SQLite keeps in a file of its own beside the database
-- (migrations/sqlite_sesi) and PostgreSQL in the database itself, its
-- writers locking rows, not the whole database. Written in lockstep with
-- the other engine: the columns are those of sqlite_sesi. Open sessions
-- end and failure counts restart once, with this migration.

-- A session remembers the SHA-256 of its account's password hash at sign-in:
-- a password change (which replaces the hash) ends it on its next request.
DELETE FROM sesi;
ALTER TABLE sesi ADD COLUMN sandi TEXT NOT NULL;

-- Consecutive failed sign-ins of an account; terkunci_sampai (unix seconds)
-- ends a lockout. No row: no failure.
ALTER TABLE akun DROP COLUMN gagal, DROP COLUMN terkunci_sampai;
CREATE TABLE masuk_gagal (
    instansi_id BIGINT NOT NULL,
    nip TEXT NOT NULL,
    gagal BIGINT NOT NULL,
    terkunci_sampai BIGINT,
    PRIMARY KEY (instansi_id, nip),
    FOREIGN KEY (instansi_id, nip) REFERENCES akun (instansi_id, nip) ON DELETE CASCADE
);

-- An import under way, so that a server can tell a write it refuses how
-- long to wait: the change-log entry it writes under (perubahan), when it
-- started (unix seconds), and the bytes of its files read so far of all.
-- Not instansi-owned: it describes the database's writer, like penyiapan.
CREATE TABLE impor_berjalan (
    perubahan BIGINT NOT NULL PRIMARY KEY,
    mulai BIGINT NOT NULL,
    dibaca BIGINT NOT NULL,
    ukuran BIGINT NOT NULL
);
