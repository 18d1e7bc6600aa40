-- Failed sign-ins by client address, beside those by account: a flood from
-- one address slows that address, not the account's owner elsewhere. An
-- address is nobody's record, so the table is not instansi-owned. gagal
-- counts the failures since the count last restarted (a day without one),
-- terakhir is the last (unix seconds), and terkunci_sampai (here and in
-- masuk_gagal) is the time before which the next attempt is refused
-- unchecked: a growing delay, no longer a lock. Columns as in PostgreSQL
-- migration 0015.
CREATE TABLE masuk_gagal_alamat (
    alamat TEXT NOT NULL PRIMARY KEY,
    gagal INTEGER NOT NULL,
    terakhir INTEGER NOT NULL,
    terkunci_sampai INTEGER
) STRICT;
