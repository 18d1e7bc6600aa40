-- The sign-in store of a SQLite database: a file of its own beside it
-- (`talenta.db` → `talenta.sesi.db`), so that signing in, a session's
-- last-active time and failed sign-ins are written while an import holds
-- the database's write lock. What it holds is transient: losing the file
-- signs everyone out and nothing else. Its columns are those of the
-- PostgreSQL tables of migration 0014 (sesi from 0003), where the store is
-- the database itself; there is no foreign key to akun across files.

-- Sessions: the SHA-256 of a random token (the cookie carries the token),
-- the per-session CSRF token, the SHA-256 of the account's password hash
-- at sign-in (a password change ends the session) and the times of the
-- idle and absolute timeouts (unix seconds).
CREATE TABLE sesi (
    instansi_id INTEGER NOT NULL,
    token_hash TEXT NOT NULL,
    nip TEXT NOT NULL,
    csrf TEXT NOT NULL,
    dibuat INTEGER NOT NULL,
    aktif INTEGER NOT NULL,
    sandi TEXT NOT NULL,
    PRIMARY KEY (instansi_id, token_hash)
) STRICT;
CREATE INDEX sesi_akun ON sesi (instansi_id, nip);

-- Consecutive failed sign-ins of an account; terkunci_sampai (unix seconds)
-- ends a lockout. No row: no failure.
CREATE TABLE masuk_gagal (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    gagal INTEGER NOT NULL,
    terkunci_sampai INTEGER,
    PRIMARY KEY (instansi_id, nip)
) STRICT;

-- An import under way: the change-log entry it writes under, when it
-- started (unix seconds), and the bytes of its files read so far of all.
CREATE TABLE impor_berjalan (
    perubahan INTEGER NOT NULL PRIMARY KEY,
    mulai INTEGER NOT NULL,
    dibaca INTEGER NOT NULL,
    ukuran INTEGER NOT NULL
) STRICT;
