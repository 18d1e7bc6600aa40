-- The talent cycle (issue 6): period state, calibration, talent pools frozen
-- at closing, and individual development plans. Written in lockstep with
-- the other engine; instansi_id first in every key. Times are unix seconds
-- on both engines.

-- A period of the talent cycle: open (terbuka) until the committee closes
-- it (ditutup); a closed period's snapshot is never replaced. rule_set and
-- rule_set_fingerprint are those of the latest map of the period.
CREATE TABLE periode_talenta (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    periode TEXT NOT NULL,
    status TEXT NOT NULL,
    dibuka_at INTEGER NOT NULL,
    dibuka_oleh TEXT NOT NULL,
    ditutup_at INTEGER,
    ditutup_oleh TEXT,
    rule_set TEXT,
    rule_set_fingerprint TEXT,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, periode)
) STRICT;

-- The committee's calibration of one person in one period: the computed
-- box, the final box, the written reason, who and when. One row per person
-- and period (the latest decision); every decision is also in perubahan.
-- No FK to the snapshot rows: re-mapping an open period replaces them and
-- the calibration stands.
CREATE TABLE kalibrasi (
    instansi_id INTEGER NOT NULL,
    periode TEXT NOT NULL,
    nip TEXT NOT NULL,
    kotak_awal INTEGER NOT NULL,
    kotak_akhir INTEGER NOT NULL,
    alasan TEXT NOT NULL,
    oleh TEXT NOT NULL,
    at INTEGER NOT NULL,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, periode, nip),
    FOREIGN KEY (instansi_id, periode) REFERENCES periode_talenta (instansi_id, periode)
) STRICT;
CREATE INDEX kalibrasi_nip ON kalibrasi (instansi_id, nip);

-- Talent pools (KRS) of a closed period, as they were when it closed:
-- target jenjang, instansi or nasional, rank from 1.
CREATE TABLE krs (
    instansi_id INTEGER NOT NULL,
    periode TEXT NOT NULL,
    target TEXT NOT NULL,
    jenis TEXT NOT NULL,
    peringkat INTEGER NOT NULL,
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    opd TEXT NOT NULL,
    kotak INTEGER NOT NULL,
    nilai_talenta INTEGER NOT NULL,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, periode, target, jenis, peringkat),
    FOREIGN KEY (instansi_id, periode) REFERENCES periode_talenta (instansi_id, periode)
) STRICT;

-- Individual development plans: one row per activity of a person towards
-- a target position. kompetensi is a competency code, jenis a
-- development type (diklat, coaching, mentoring, penugasan), status one of
-- rencana, berjalan, selesai, batal.
CREATE TABLE idp (
    instansi_id INTEGER NOT NULL,
    nip TEXT NOT NULL,
    jabatan_target TEXT NOT NULL,
    nomor INTEGER NOT NULL,
    kompetensi TEXT NOT NULL,
    level_saat_ini INTEGER,
    level_target INTEGER NOT NULL,
    jenis TEXT NOT NULL,
    kegiatan TEXT NOT NULL,
    target_selesai TEXT,
    status TEXT NOT NULL,
    catatan TEXT,
    diubah_oleh TEXT NOT NULL,
    diubah_at INTEGER NOT NULL,
    perubahan_id INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, nip, jabatan_target, nomor),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip),
    FOREIGN KEY (instansi_id, jabatan_target) REFERENCES jabatan (instansi_id, kode)
) STRICT;
