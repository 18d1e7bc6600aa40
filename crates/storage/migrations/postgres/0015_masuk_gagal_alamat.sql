-- Failed sign-ins by client address, beside those by account: a flood from
-- one address slows that address, not the account's owner elsewhere. An
-- address is nobody's record, so the table is not instansi-owned. gagal
-- counts the failures since the count last restarted (a day without one),
-- terakhir is the last (unix seconds), and terkunci_sampai (here and in
-- masuk_gagal) is the time before which the next attempt is refused
-- unchecked: a growing delay, no longer a lock. Written in lockstep with
-- the SQLite sign-in store (migrations/sqlite_sesi/0002); the SQLite
-- database file itself has nothing to change.
CREATE TABLE masuk_gagal_alamat (
    alamat TEXT NOT NULL PRIMARY KEY,
    gagal BIGINT NOT NULL,
    terakhir BIGINT NOT NULL,
    terkunci_sampai BIGINT
);
