-- The final box of every row of a talent map, defined once (issue 22): the
-- computed box unless a calibration of the committee overrides it. Every
-- reader of a final box (lists, dashboards, pools and succession, the
-- calibration page, a person's history) reads this view, so when
-- calibrations come to wait for approval only this definition changes.
-- A plain view: each engine inlines it into the query that reads it, and a
-- query that reads no calibration column drops the join (the calibration is
-- found by its whole primary key). Written in lockstep with the other
-- engine.
CREATE VIEW peta_talenta_final AS
SELECT t.instansi_id AS instansi_id, t.periode AS periode, t.nip AS nip,
       t.nama AS nama, t.opd AS opd, t.kinerja AS kinerja, t.potensial AS potensial,
       t.kotak AS kotak, COALESCE(k.kotak_akhir, t.kotak) AS kotak_final,
       t.nilai_talenta AS nilai_talenta, t.kurang AS kurang,
       k.kotak_awal AS kotak_awal, k.alasan AS alasan, k.oleh AS oleh, k.at AS at
FROM peta_talenta_pegawai t
LEFT JOIN kalibrasi k ON k.instansi_id = t.instansi_id AND k.periode = t.periode AND k.nip = t.nip;
