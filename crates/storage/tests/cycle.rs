//! The talent cycle's tables (migration 0005) stored and read back on
//! SQLite and on PostgreSQL (see `common`): period state, calibrations,
//! frozen pools, development plans, and the box filter pools read through.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{migrated, pegawai};
use talenta_domain::cycle::{StatusPeriode, Talent, by_talent};
use talenta_domain::development::{JenisPengembangan, StatusIdp};
use talenta_domain::eligibility::{Candidate, Diklat, StatusKepegawaian};
use talenta_domain::kompetensi::{Kompetensi, Level, Manajerial};
use talenta_domain::personnel::{Jabatan, Pegawai, RiwayatDiklat};
use talenta_domain::pool::PoolKind;
use talenta_domain::talent::Komponen;
use talenta_domain::{Jenjang, Kotak, Nip, Score};
use talenta_storage::{
    Calibrated, Db, Fact, FinalRow, IdpRow, InLine, InLinePerson, KalibrasiRow, KrsRow, MapFilter,
    PeriodeRow, Search, Snapshot, SnapshotRow, Stored, Window,
};
use talenta_testkit::{TestDb, each_engine, records};
use time::OffsetDateTime;
use time::macros::{date, datetime};

const AT: OffsetDateTime = datetime!(2026-06-30 09:00 UTC);
const NIPS: [&str; 3] = [
    "198001012005011001",
    "198503152010012003",
    "199001012015031002",
];

/// A NIP of the fixture as storage takes it.
fn nip_of(digits: &str) -> Nip {
    Nip::parse(digits).unwrap()
}

fn kotak(n: u8) -> Kotak {
    Kotak::new(n).unwrap()
}

/// The set-up of every test here: a fresh database of one engine, seeded.
struct Seeded {
    db: Db,
    /// The seeded instansi.
    id: i64,
}

async fn seeded(database: &TestDb) -> Seeded {
    let db = migrated(database).await;
    let id = seed(&db).await;
    Seeded { db, id }
}

/// An instansi with three employees mapped in 2026-S1 to boxes 9, 6 and 5.
async fn seed(db: &Db) -> i64 {
    let mut tx = db.begin_write().await.unwrap();
    let (id, _) = tx.upsert_instansi("9999", "Kota Uji").await.unwrap();
    let change = tx.record_change(AT, "uji", "seed", "").await.unwrap();
    tx.upsert(id, change, &[records::opd("DINKES", "Dinas Kesehatan")])
        .await
        .unwrap();
    let kabid = Jabatan {
        nama: "Kepala Bidang".into(),
        kunci: true,
        ..records::jabatan("KABID", "DINKES", Jenjang::Administrator)
    };
    tx.upsert(id, change, &[kabid]).await.unwrap();
    let people: Vec<Pegawai> = NIPS.iter().map(|n| pegawai(n)).collect();
    tx.upsert(id, change, &people).await.unwrap();
    let had_rows = tx.replace_snapshot(id, change, &header()).await.unwrap();
    assert!(
        !had_rows,
        "a period mapped for the first time holds no rows"
    );
    let rows: Vec<SnapshotRow> = NIPS
        .iter()
        .zip([9, 6, 5])
        .map(|(nip, k)| SnapshotRow {
            periode: "2026-S1".parse().unwrap(),
            nip: nip_of(nip),
            nama: "x".into(),
            opd: "DINKES".into(),
            kinerja: Some(Score::whole(80).unwrap()),
            potensial: Some(Score::whole(80).unwrap()),
            kotak: Some(kotak(k)),
            nilai_talenta: Some(Score::whole(80).unwrap()),
            kurang: Vec::new(),
        })
        .collect();
    tx.upsert(id, change, &rows).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// The committee's move of `nip` in `periode` from one box to another, at
/// [`AT`].
fn calibration(periode: &str, nip: &str, (from, to): (u8, u8), alasan: &str) -> KalibrasiRow {
    KalibrasiRow {
        periode: periode.parse().unwrap(),
        nip: nip.parse().unwrap(),
        kotak_awal: kotak(from),
        kotak_akhir: kotak(to),
        alasan: alasan.into(),
        oleh: "ketua tim".into(),
        at: AT,
    }
}

fn periode_row(status: StatusPeriode) -> PeriodeRow {
    PeriodeRow {
        periode: "2026-S1".parse().unwrap(),
        status,
        dibuka_at: AT,
        dibuka_oleh: "admin".into(),
        ditutup_at: (status == StatusPeriode::Ditutup).then_some(AT),
        ditutup_oleh: (status == StatusPeriode::Ditutup).then(|| "ketua tim".to_owned()),
        rule_set: Some("talenta-default-2026".into()),
        rule_set_fingerprint: Some("0123456789abcdef".into()),
    }
}

async fn cycle_tables_round_trip_on_both_engines(seeded: &Seeded) {
    let (db, id) = (&seeded.db, seeded.id);
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(AT, "admin", "periode", "").await.unwrap();
    tx.upsert(id, change, &[periode_row(StatusPeriode::Terbuka)])
        .await
        .unwrap();
    assert_eq!(
        tx.periode_state(id, "2026-S1").await.unwrap(),
        Some(periode_row(StatusPeriode::Terbuka))
    );
    let calibrated = calibration(
        "2026-S1",
        NIPS[1],
        (6, 7),
        "Kinerja 2026 membaik nyata setelah rotasi",
    );
    tx.upsert(id, change, std::slice::from_ref(&calibrated))
        .await
        .unwrap();
    let krs = KrsRow {
        periode: "2026-S1".parse().unwrap(),
        target: Jenjang::Administrator,
        jenis: PoolKind::Nasional,
        peringkat: 1,
        nip: nip_of(NIPS[0]),
        nama: "x".into(),
        opd: "DINKES".into(),
        kotak: kotak(9),
        nilai_talenta: Score::from_hundredths(9_123).unwrap(),
    };
    tx.upsert(id, change, std::slice::from_ref(&krs))
        .await
        .unwrap();
    let idp = IdpRow {
        nip: nip_of(NIPS[0]),
        jabatan_target: "KABID".into(),
        nomor: 1,
        kompetensi: Kompetensi::Manajerial(Manajerial::KerjaSama),
        level_saat_ini: Level::new(2),
        level_target: Level::new(3).unwrap(),
        jenis: JenisPengembangan::Coaching,
        kegiatan: "Coaching oleh Sekretaris Dinas".into(),
        target_selesai: Some(date!(2026 - 12 - 31)),
        status: StatusIdp::Rencana,
        catatan: None,
        diubah_oleh: "admin".into(),
        diubah_at: AT,
    };
    let teknis = IdpRow {
        nomor: 2,
        kompetensi: Kompetensi::Teknis("Surveilans".into()),
        level_saat_ini: None,
        jenis: JenisPengembangan::Diklat,
        target_selesai: None,
        status: StatusIdp::Berjalan,
        catatan: Some("Angkatan II".into()),
        ..idp.clone()
    };
    tx.upsert(id, change, &[idp.clone(), teknis.clone()])
        .await
        .unwrap();
    // Closing: the same row, updated in place.
    tx.upsert(id, change, &[periode_row(StatusPeriode::Ditutup)])
        .await
        .unwrap();
    tx.commit().await.unwrap();

    assert_eq!(
        db.periode_state(id, "2026-S1").await.unwrap(),
        Some(periode_row(StatusPeriode::Ditutup))
    );
    assert_eq!(db.periode_states(id).await.unwrap().len(), 1);
    assert_eq!(db.periode_state(id, "2026-S2").await.unwrap(), None);
    assert_eq!(
        db.range_of::<KalibrasiRow>(id, "2026-S1", "2026-S1")
            .await
            .unwrap(),
        std::slice::from_ref(&calibrated)
    );
    // A person's history carries the calibration of each period.
    let history = db.final_history(id, &nip_of(NIPS[1])).await.unwrap();
    let calibrated_row = |r: &FinalRow| (r.map.kotak, r.final_box, r.calibration.clone());
    assert_eq!(
        history.iter().map(calibrated_row).collect::<Vec<_>>(),
        [(
            Some(kotak(6)),
            Some(kotak(7)),
            Some(Calibrated {
                kotak_awal: calibrated.kotak_awal,
                alasan: calibrated.alasan.clone(),
                oleh: calibrated.oleh.clone(),
                at: calibrated.at,
            })
        )],
        "{:?}",
        db.engine()
    );
    assert_eq!(
        db.range_of::<KrsRow>(id, "2026-S1", "2026-S1")
            .await
            .unwrap(),
        [krs]
    );
    assert_eq!(
        db.records_of::<IdpRow>(id, &nip_of(NIPS[0])).await.unwrap(),
        [idp, teknis]
    );

    // Boxes 7-9: the box-9 person, and the box-6 person calibrated to 7.
    let boxes = [kotak(7), kotak(8), kotak(9)];
    let in_line = |jenjang| InLine {
        periode: "2026-S1",
        boxes: &boxes,
        jenjang,
    };
    let nips = |people: &[InLinePerson]| -> Vec<String> {
        people.iter().map(|p| p.nip.as_str().to_owned()).collect()
    };
    let pool = db.in_line(id, &in_line(None)).await.unwrap();
    assert_eq!(nips(&pool), [NIPS[0], NIPS[1]], "{:?}", db.engine());
    // The final box: calibrated, else computed.
    let finals: Vec<Kotak> = pool.iter().map(|p| p.kotak).collect();
    assert_eq!(finals, [kotak(9), kotak(7)], "{:?}", db.engine());
    let pool = nips(&pool);
    let pegawai: Vec<Pegawai> = db.records_among(id, "2026-S1", &pool).await.unwrap();
    let read: Vec<&str> = pegawai.iter().map(|p| p.nip.as_str()).collect();
    assert_eq!(read, [NIPS[0], NIPS[1]], "{:?}", db.engine());
    // A table keyed by period reads the period asked for only.
    let rows: Vec<SnapshotRow> = db.records_among(id, "2025-S2", &pool).await.unwrap();
    assert!(rows.is_empty(), "{:?}", db.engine());

    // Training hours as the competency-development gate reads them: in
    // the year each training ended (began, without an end), `None`
    // where no jumlahJam was recorded; only the people asked for.
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(AT, "uji", "diklat", "").await.unwrap();
    let diklat = |nip: &str, nama: &str, mulai, selesai, jam| RiwayatDiklat {
        nip: nip.parse().unwrap(),
        nama: nama.into(),
        mulai,
        selesai,
        jenis: None,
        jam,
        penyelenggara: None,
    };
    tx.upsert(
        id,
        change,
        &[
            diklat(
                NIPS[0],
                "Latsar",
                date!(2024 - 12 - 20),
                Some(date!(2025 - 01 - 10)),
                Some(40),
            ),
            diklat(NIPS[0], "Webinar", date!(2025 - 03 - 01), None, None),
            diklat(NIPS[2], "Kursus", date!(2025 - 04 - 01), None, Some(8)),
        ],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let hours: Vec<Fact<Diklat>> = db.records_among(id, "2026-S1", &pool).await.unwrap();
    let mut hours: Vec<(&str, Diklat)> = hours.iter().map(|f| (f.nip.as_str(), f.fact)).collect();
    hours.sort_by_key(|(nip, d)| (*nip, d.tanggal));
    assert_eq!(
        hours,
        [
            (
                NIPS[0],
                Diklat {
                    tanggal: date!(2025 - 01 - 10),
                    jam: Some(40)
                }
            ),
            (
                NIPS[0],
                Diklat {
                    tanggal: date!(2025 - 03 - 01),
                    jam: None
                }
            ),
        ],
        "{:?}",
        db.engine()
    );

    // Narrowed by the jenjang of the current position: the box-6-to-7
    // person now holds an administrator position; the box-9 person
    // holds none and stays in (the domain reads the history).
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(AT, "uji", "jabatan", "").await.unwrap();
    let mut kabid = pegawai[1].clone();
    kabid.jabatan = Some("KABID".into());
    tx.upsert(id, change, &[kabid]).await.unwrap();
    tx.commit().await.unwrap();
    let pengawas = db
        .in_line(id, &in_line(Some(&[Jenjang::Pengawas][..])))
        .await
        .unwrap();
    assert_eq!(nips(&pengawas), [NIPS[0]], "{:?}", db.engine());
    let administrator = db
        .in_line(
            id,
            &in_line(Some(&[Jenjang::Pengawas, Jenjang::Administrator][..])),
        )
        .await
        .unwrap();
    assert_eq!(
        nips(&administrator),
        [NIPS[0], NIPS[1]],
        "{:?}",
        db.engine()
    );
    // With the jenjang of the position each holds, none without one.
    let jenjang: Vec<Option<Jenjang>> = administrator.iter().map(|p| p.jenjang).collect();
    assert_eq!(
        jenjang,
        [None, Some(Jenjang::Administrator)],
        "{:?}",
        db.engine()
    );

    // Lists and dashboards show the final box.
    let filter = MapFilter {
        periode: "2026-S1",
        root: None,
        kotak: Kotak::new(7),
        jenjang: None,
        search: Search::All,
    };
    let page = db
        .map_list(
            id,
            &filter,
            Window {
                limit: 10,
                offset: 0,
            },
        )
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(
        (page.rows[0].pegawai.nip.as_str(), page.rows[0].kotak),
        (NIPS[1], Kotak::new(7))
    );
    let counts = db
        .dashboard_counts(id, None, date!(2020 - 01 - 01), date!(2026 - 07 - 01))
        .await
        .unwrap();
    let mut boxes: Vec<Option<u8>> = counts.boxes.iter().map(|b| b.kotak).collect();
    boxes.sort_unstable();
    assert_eq!(boxes, [Some(5), Some(7), Some(9)], "{:?}", db.engine());

    let mut tx = db.begin_write().await.unwrap();
    assert_eq!(
        tx.delete::<KalibrasiRow>(id, &["2026-S1", NIPS[1]])
            .await
            .unwrap(),
        1
    );
    tx.delete::<KrsRow>(id, &["2026-S1"]).await.unwrap();
    tx.delete::<IdpRow>(id, &[NIPS[0], "KABID"]).await.unwrap();
    tx.commit().await.unwrap();
    let history = db.final_history(id, &nip_of(NIPS[1])).await.unwrap();
    assert_eq!(
        history.iter().map(calibrated_row).collect::<Vec<_>>(),
        [(Some(kotak(6)), Some(kotak(6)), None)],
        "{:?}: back to the computed box",
        db.engine()
    );
    assert!(
        db.records_of::<IdpRow>(id, &nip_of(NIPS[0]))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(KrsRow::TABLE, "krs");
}

async fn a_calibration_needs_its_period(seeded: &Seeded) {
    let (db, id) = (&seeded.db, seeded.id);
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(AT, "admin", "x", "").await.unwrap();
    let orphan = calibration("2030-S1", NIPS[0], (6, 7), "x");
    let result = tx.upsert(id, change, &[orphan]).await;
    let committed = match result {
        Ok(_) => tx.commit().await.is_ok(),
        Err(_) => false,
    };
    assert!(
        !committed,
        "{:?} accepted a calibration of an unknown period",
        db.engine()
    );
}

/// Re-mapping a period upserts one row per employee and prunes the rows of
/// anyone else: here a row left from someone who is no longer an employee.
async fn a_snapshot_keeps_only_the_rows_of_employees(seeded: &Seeded) {
    let (db, id) = (&seeded.db, seeded.id);
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(AT, "uji", "map", "").await.unwrap();
    let had_rows = tx.replace_snapshot(id, change, &header()).await.unwrap();
    assert!(
        had_rows,
        "{:?}: the period holds the rows seeded",
        db.engine()
    );
    let gone = SnapshotRow {
        periode: "2026-S1".parse().unwrap(),
        nip: nip_of("199912312020121001"),
        nama: "Pindah ke instansi lain".into(),
        opd: "DINKES".into(),
        kinerja: None,
        potensial: None,
        kotak: None,
        nilai_talenta: None,
        kurang: vec![Komponen::Potensi],
    };
    tx.upsert(id, change, &[gone]).await.unwrap();
    // As a map of the three employees ends: their rows were upserted.
    assert_eq!(tx.prune_snapshot(id, "2026-S1", 3).await.unwrap(), 1);
    assert_eq!(tx.prune_snapshot(id, "2026-S1", 3).await.unwrap(), 0);
    tx.commit().await.unwrap();
    let mut nips = Vec::new();
    db.read_all_of::<SnapshotRow>(id, "2026-S1", |row| {
        nips.push(row.nip.as_str().to_owned());
        Ok(())
    })
    .await
    .unwrap();
    assert_eq!(nips, NIPS, "{:?}", db.engine());
}

fn header() -> Snapshot {
    Snapshot {
        periode: "2026-S1".parse().unwrap(),
        rule_set: "r".into(),
        cutoffs: "c".into(),
        dihitung_at: AT,
        rule_set_toml: Some("id = \"r\"".into()),
    }
}

/// The positions of some jenjang, by code, without the others: the
/// structural positions whose holders the six-monthly evaluation reads.
async fn positions_of_some_jenjang_on_both_engines(seeded: &Seeded) {
    let (db, id) = (&seeded.db, seeded.id);
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(AT, "uji", "jabatan", "").await.unwrap();
    let position = |kode: &str, jenjang| records::jabatan(kode, "DINKES", jenjang);
    tx.upsert(
        id,
        change,
        &[
            position("KADIS", Jenjang::JptPratama),
            position("KASI", Jenjang::Pengawas),
            position("PERAWAT", Jenjang::AhliMuda),
            position("STAF", Jenjang::Pelaksana),
        ],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let codes = |positions: Vec<Jabatan>| -> Vec<String> {
        positions.into_iter().map(|j| j.kode).collect()
    };
    let structural = [
        Jenjang::JptPratama,
        Jenjang::Administrator,
        Jenjang::Pengawas,
    ];
    assert_eq!(
        codes(db.positions_of(id, &structural).await.unwrap()),
        ["KABID", "KADIS", "KASI"],
        "{:?}",
        db.engine()
    );
    assert_eq!(
        codes(db.positions_of(id, &[Jenjang::AhliMuda]).await.unwrap()),
        ["PERAWAT"],
        "{:?}",
        db.engine()
    );
    assert!(db.positions_of(id, &[]).await.unwrap().is_empty());
    assert!(
        db.positions_of(id + 1, &structural)
            .await
            .unwrap()
            .is_empty()
    );
}

/// Nilai Talenta, kinerja and potensial.
type Scores = (Score, Score, Score);

/// One placed person as `cycle::by_talent` reads them; the record the
/// eligibility rules check plays no part in the order.
fn talent<'a>(nip: &'a str, scores: Scores) -> Talent<'a> {
    let (nilai_talenta, kinerja, potensial) = scores;
    Talent {
        nip: nip_of(nip),
        nama: "x",
        opd: "DINKES",
        jenjang: None,
        kotak: kotak(5),
        nilai_talenta,
        kinerja,
        potensial,
        candidate: Candidate {
            status: StatusKepegawaian::Pns,
            birth_date: date!(1980 - 01 - 01),
            golongan: None,
            pendidikan: &[],
            riwayat_jabatan: &[],
            skp: &[],
            hukuman: &[],
            kompetensi: None,
            diklat: &[],
        },
    }
}

/// The `/peta` list and the final map (the calibration list's order) in
/// the order of `cycle::by_talent`, computed in SQL on both engines: ties
/// on Nilai Talenta go to kinerja, then potensial, then the NIP; people
/// not placed come last, by NIP.
async fn talent_lists_are_in_the_order_of_by_talent(seeded: &Seeded) {
    let h = |n| Score::from_hundredths(n).unwrap();
    // The three seeded rows score 80.00 on all three.
    let extra: [(&str, Option<Scores>); 7] = [
        ("197001012000011001", Some((h(8_000), h(8_500), h(7_000)))),
        ("197001012000011002", Some((h(8_000), h(8_500), h(7_500)))),
        ("197001012000011003", Some((h(9_000), h(6_000), h(6_000)))),
        ("197001012000011004", None),
        ("199901012020011001", Some((h(8_000), h(8_000), h(8_000)))),
        ("197001012000011005", Some((h(8_000), h(7_900), h(9_900)))),
        ("196001012000011001", None),
    ];
    let (db, id) = (&seeded.db, seeded.id);
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(AT, "uji", "map", "").await.unwrap();
    let rows: Vec<SnapshotRow> = extra
        .iter()
        .map(|(nip, scores)| SnapshotRow {
            periode: "2026-S1".parse().unwrap(),
            nip: nip_of(nip),
            nama: "x".into(),
            opd: "DINKES".into(),
            kinerja: scores.map(|s| s.1),
            potensial: scores.map(|s| s.2),
            kotak: scores.map(|_| kotak(5)),
            nilai_talenta: scores.map(|s| s.0),
            kurang: if scores.is_some() {
                Vec::new()
            } else {
                vec![Komponen::Potensi, Komponen::Kompetensi]
            },
        })
        .collect();
    tx.upsert(id, change, &rows).await.unwrap();
    tx.commit().await.unwrap();

    let seeded_scores = (h(8_000), h(8_000), h(8_000));
    let mut placed: Vec<Talent<'_>> = NIPS
        .iter()
        .map(|nip| talent(nip, seeded_scores))
        .chain(
            extra
                .iter()
                .filter_map(|(nip, s)| s.map(|s| talent(nip, s))),
        )
        .collect();
    placed.sort_by(by_talent);
    let mut left_out: Vec<&str> = extra
        .iter()
        .filter(|(_, s)| s.is_none())
        .map(|(nip, _)| *nip)
        .collect();
    left_out.sort_unstable();
    let expected: Vec<&str> = placed
        .iter()
        .map(|t| t.nip.as_str())
        .chain(left_out)
        .collect();

    let filter = MapFilter {
        periode: "2026-S1",
        root: None,
        kotak: None,
        jenjang: None,
        search: Search::All,
    };
    let window = Window {
        limit: 100,
        offset: 0,
    };
    let listed = db.map_list(id, &filter, window).await.unwrap();
    let listed: Vec<&str> = listed.rows.iter().map(|r| r.pegawai.nip.as_str()).collect();
    assert_eq!(listed, expected, "{:?}: /peta", db.engine());
    let finals = db.final_map(id, "2026-S1".parse().unwrap()).await.unwrap();
    let finals: Vec<&str> = finals.iter().map(|r| r.map.nip.as_str()).collect();
    assert_eq!(finals, expected, "{:?}: the final map", db.engine());
}

/// The final rows read back as typed values: the period, the boxes, the
/// components a row lacks; a few people's rows by NIP; and the one row a
/// calibration checks, read inside its transaction.
async fn final_rows_are_typed_and_read_by_nip(seeded: &Seeded) {
    let (db, id) = (&seeded.db, seeded.id);
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(AT, "uji", "map", "").await.unwrap();
    tx.upsert(id, change, &[periode_row(StatusPeriode::Terbuka)])
        .await
        .unwrap();
    let left_out = SnapshotRow {
        periode: "2026-S1".parse().unwrap(),
        nip: nip_of("199912312020121001"),
        nama: "Belum diases".into(),
        opd: "DINKES".into(),
        kinerja: Some(Score::whole(70).unwrap()),
        potensial: None,
        kotak: None,
        nilai_talenta: None,
        kurang: vec![Komponen::Kompetensi, Komponen::Potensi],
    };
    tx.upsert(id, change, std::slice::from_ref(&left_out))
        .await
        .unwrap();
    tx.upsert(
        id,
        change,
        &[calibration("2026-S1", NIPS[2], (5, 8), "Penilaian ulang")],
    )
    .await
    .unwrap();
    assert_eq!(
        tx.snapshot_row(id, "2026-S1", &left_out.nip).await.unwrap(),
        Some(left_out.clone()),
        "{:?}",
        db.engine()
    );
    assert_eq!(
        tx.snapshot_row(id, "2026-S1", &nip_of("197001012000011009"))
            .await
            .unwrap(),
        None
    );
    tx.commit().await.unwrap();

    let among: Vec<FinalRow> = db
        .records_among(id, "2026-S1", &[NIPS[2], left_out.nip.as_str()])
        .await
        .unwrap();
    let seen: Vec<_> = among
        .iter()
        .map(|r| {
            (
                r.map.periode.to_string(),
                r.map.nip.as_str(),
                r.map.kotak,
                r.final_box,
                r.map.kurang.clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "2026-S1".to_owned(),
                NIPS[2],
                Some(kotak(5)),
                Some(kotak(8)),
                vec![]
            ),
            (
                "2026-S1".to_owned(),
                left_out.nip.as_str(),
                None,
                None,
                vec![Komponen::Kompetensi, Komponen::Potensi]
            ),
        ],
        "{:?}",
        db.engine()
    );
}

each_engine!(seeded => cycle_tables_round_trip_on_both_engines, a_calibration_needs_its_period, a_snapshot_keeps_only_the_rows_of_employees, positions_of_some_jenjang_on_both_engines, talent_lists_are_in_the_order_of_by_talent, final_rows_are_typed_and_read_by_nip);
