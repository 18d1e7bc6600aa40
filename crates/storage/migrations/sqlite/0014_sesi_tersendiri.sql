-- Sessions and failed sign-ins move to the sign-in store, a SQLite file of
-- their own beside this one (migrations/sqlite_sesi): SQLite locks a whole
-- file for a write, and an import holds that lock for minutes, during
-- which nobody could sign in or keep a session alive. Open sessions end
-- and failure counts restart once, with this migration. Written in
-- lockstep with the other engine, where the store is the database itself.
DROP TABLE sesi;
ALTER TABLE akun DROP COLUMN gagal;
ALTER TABLE akun DROP COLUMN terkunci_sampai;
