-- The talent cycle (issue 6): period state, calibration, talent pools frozen
-- at closing, and individual development plans. Written in lockstep with
-- the other engine; instansi_id first in every key. Times are unix seconds
-- on both engines.

-- A period of the talent cycle: open (terbuka) until the committee closes
-- it (ditutup); a closed period's snapshot is never replaced. rule_set and
-- rule_set_fingerprint are those of the latest map of the period.
CREATE TABLE periode_talenta (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    periode TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    dibuka_at BIGINT NOT NULL,
    dibuka_oleh TEXT COLLATE "C" NOT NULL,
    ditutup_at BIGINT,
    ditutup_oleh TEXT COLLATE "C",
    rule_set TEXT COLLATE "C",
    rule_set_fingerprint TEXT COLLATE "C",
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, periode)
);

-- The committee's calibration of one person in one period: the computed
-- box, the final box, the written reason, who and when. One row per person
-- and period (the latest decision); every decision is also in perubahan.
-- No FK to the snapshot rows: re-mapping an open period replaces them and
-- the calibration stands.
CREATE TABLE kalibrasi (
    instansi_id BIGINT NOT NULL,
    periode TEXT COLLATE "C" NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    kotak_awal BIGINT NOT NULL,
    kotak_akhir BIGINT NOT NULL,
    alasan TEXT COLLATE "C" NOT NULL,
    oleh TEXT COLLATE "C" NOT NULL,
    at BIGINT NOT NULL,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, periode, nip),
    FOREIGN KEY (instansi_id, periode) REFERENCES periode_talenta (instansi_id, periode)
);
CREATE INDEX kalibrasi_nip ON kalibrasi (instansi_id, nip);

-- Talent pools (KRS) of a closed period, as they were when it closed:
-- target jenjang, instansi or nasional, rank from 1.
CREATE TABLE krs (
    instansi_id BIGINT NOT NULL,
    periode TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL,
    jenis TEXT COLLATE "C" NOT NULL,
    peringkat BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    nama TEXT COLLATE "C" NOT NULL,
    opd TEXT COLLATE "C" NOT NULL,
    kotak BIGINT NOT NULL,
    nilai_talenta BIGINT NOT NULL,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, periode, target, jenis, peringkat),
    FOREIGN KEY (instansi_id, periode) REFERENCES periode_talenta (instansi_id, periode)
);

-- Individual development plans: one row per activity of a person towards
-- a target position. kompetensi is a competency code, jenis a
-- development type (diklat, coaching, mentoring, penugasan), status one of
-- rencana, berjalan, selesai, batal.
CREATE TABLE idp (
    instansi_id BIGINT NOT NULL,
    nip TEXT COLLATE "C" NOT NULL,
    jabatan_target TEXT COLLATE "C" NOT NULL,
    nomor BIGINT NOT NULL,
    kompetensi TEXT COLLATE "C" NOT NULL,
    level_saat_ini BIGINT,
    level_target BIGINT NOT NULL,
    jenis TEXT COLLATE "C" NOT NULL,
    kegiatan TEXT COLLATE "C" NOT NULL,
    target_selesai DATE,
    status TEXT COLLATE "C" NOT NULL,
    catatan TEXT COLLATE "C",
    diubah_oleh TEXT COLLATE "C" NOT NULL,
    diubah_at BIGINT NOT NULL,
    perubahan_id BIGINT NOT NULL,
    PRIMARY KEY (instansi_id, nip, jabatan_target, nomor),
    FOREIGN KEY (instansi_id, nip) REFERENCES pegawai (instansi_id, nip),
    FOREIGN KEY (instansi_id, jabatan_target) REFERENCES jabatan (instansi_id, kode)
);
