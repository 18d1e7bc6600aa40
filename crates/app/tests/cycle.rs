//! The talent cycle end to end through the app layer, on SQLite and on
//! PostgreSQL: map, calibrate, pools, succession, close, new data after
//! closing, what-if, the next period and its movement, retention, IDP.
//!
//! Dinas Kesehatan, four Kepala Seksi (pengawas, since 2 January 2018,
//! golongan IV/a, standard of nine competencies at level 3), worked out
//! with the bundled rules (kinerja: Sangat Baik's range 80-100, the penguat
//! placing each year in it; potensial 40/25/20/15, kualifikasi 50/50):
//!
//! | who  | SKP 2024-25, penguat | kinerja | potensi | field, level         | kompetensi | potensial | nilai |
//! |------|----------------------|---------|---------|----------------------|------------|-----------|-------|
//! | Budi | SB, 100              | 100     | 100     | S2 Ilmu Pemerintahan: (90+50)/2 = 70 | 100 | 40+25+14+15 = 94 | 97 |
//! | Ayu  | SB, 100              | 100     | 80      | S1 Kesmas: (80+100)/2 = 90 | 100  | 40+20+18+15 = 93 | 96.5 |
//! | Citra| SB, 100              | 100     | 60      | S1 Kesmas 90         | 100        | 40+15+18+15 = 88 | 94 |
//! | Dedi | SB, 0                | 80      | 60      | S1 Kesmas 90         | komunikasi 1: 25/27 = 92.59 | 37.04+15+18+15 = 85.04 | 82.52 |
//!
//! Dedi had Baik with penguat 80, kinerja 80 under the old weights (utama
//! 60, penguat 40); Baik now stays below 80 ("sesuai ekspektasi") whatever
//! the penguat, so he has Sangat Baik with penguat 0 to keep kinerja 80.
//!
//! All four land in box 9 (both axes ≥ 80). The committee calibrates Dedi
//! to box 8. Each has 24 JP of training in 2024 and in 2025.
//!
//! The KRS for administrator takes Budi, Ayu and Citra: Dedi's Komunikasi
//! at level 1 is below the level 2 (that of the pengawas he is) which the
//! bundled rules ask of every competency for the administrator pool (PP
//! 11/2017 Pasal 199 ayat (2) huruf a), so since issue 20 he is left out
//! of it (and so watched by retention no more), though he stays a ready
//! successor for KABID: the succession plan checks the promotion rule,
//! which has no competency gate.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{T0, kotak, nip, s1, write};
use talenta_app::Ctx;
use talenta_app::cycle::{
    Calibration, CycleError, box_history, calibrate, close_period, final_map, movement,
    open_period, periods, what_if,
};
use talenta_app::development::{IdpError, idp, idp_draft, idp_save};
use talenta_app::map::{MapError, compute};
use talenta_app::pools::{Pools, talent_pools};
use talenta_app::retention::{RetentionRow, retention};
use talenta_app::succession::{positions, short_of_successors, succession};
use talenta_domain::cycle::{CalibrationError, StatusPeriode};
use talenta_domain::development::{JenisPengembangan, StatusIdp};
use talenta_domain::eligibility::RuleKind;
use talenta_domain::kompetensi::{Kompetensi, Level, Levels, Manajerial, UMUM};
use talenta_domain::personnel::{
    Asesmen, Jabatan, Pegawai, RiwayatDiklat, RiwayatJabatan, RiwayatPendidikan, Skp, SumberAsesmen,
};
use talenta_domain::pool::PoolKind;
use talenta_domain::readiness::Readiness;
use talenta_domain::retention::FlagKind;
use talenta_domain::{
    BidangIlmu, InstansiId, Jenjang, Kotak, Nip, Periode, Predikat, Rating, RuleSet, Score,
    TingkatPendidikan,
};
use talenta_storage::{Db, PeriodeRow};
use talenta_testkit::{TestDb, each_engine, records};
use time::Date;
use time::macros::{date, datetime};

const BUDI: &str = "198001012005011001";
const AYU: &str = "198102022005012002";
const CITRA: &str = "198203032005012003";
const DEDI: &str = "198304042005011004";

/// A NIP of the fixture as the app takes it.
fn id(digits: &str) -> Nip {
    Nip::parse(digits).unwrap()
}
/// Born 1 June 1970: an administrator retires on 1 July 2028.
const EKO: &str = "197006011995031005";

fn s2() -> Periode {
    "2026-S2".parse().unwrap()
}

fn standard(except: Option<(Manajerial, u8)>) -> Levels {
    UMUM.iter()
        .cloned()
        .map(|k| {
            let level = match (&k, except) {
                (Kompetensi::Manajerial(m), Some((e, l))) if *m == e => l,
                _ => 3,
            };
            (k, Level::new(level).unwrap())
        })
        .collect()
}

/// A position of the Dinas for Kesehatan Masyarakat; KABID is the key one.
fn jabatan(kode: &str, jenjang: Jenjang) -> Jabatan {
    Jabatan {
        bidang_ilmu: vec![BidangIlmu::new("Kesehatan Masyarakat")],
        kunci: kode == "KABID",
        ..common::jabatan(kode, jenjang, "DINKES", standard(None))
    }
}

/// A Kepala Seksi since 2 January 2018.
fn pegawai(text: &str, nama: &str, tingkat: TingkatPendidikan, bidang: &str) -> Pegawai {
    Pegawai {
        tmt_jabatan: Some(date!(2018 - 01 - 02)),
        pendidikan: Some(tingkat),
        bidang_ilmu: Some(BidangIlmu::new(bidang)),
        ..common::pegawai(text, nama, "KASI", "DINKES")
    }
}

/// An annual SKP of Sangat Baik (both ratings above expectations).
fn skp(text: &str, tahun: i32, penguat: u8) -> Skp {
    Skp {
        nip: nip(text),
        tahun,
        hasil_kerja: Rating::DiAtasEkspektasi,
        perilaku_kerja: Rating::DiAtasEkspektasi,
        predikat: Predikat::SangatBaik,
        nilai_penguat: Score::whole(penguat),
        penilai_nip: None,
        penilai_nama: None,
    }
}

/// The shared fixture: the Dinas Kesehatan above, migrated and seeded.
async fn seeded(database: &TestDb) -> Db {
    let db = common::migrated(database).await;
    let (mut tx, id, c) = common::seeding(&db).await;
    tx.upsert(id, c, &[records::opd("DINKES", "Dinas Kesehatan")])
        .await
        .unwrap();
    tx.upsert(
        id,
        c,
        &[
            jabatan("KABID", Jenjang::Administrator),
            jabatan("KASI", Jenjang::Pengawas),
        ],
    )
    .await
    .unwrap();
    let people = [
        (
            BUDI,
            "Budi",
            TingkatPendidikan::S2,
            "Ilmu Pemerintahan",
            100,
            100,
            None,
        ),
        (
            AYU,
            "Ayu",
            TingkatPendidikan::S1,
            "Kesehatan Masyarakat",
            100,
            80,
            None,
        ),
        (
            CITRA,
            "Citra",
            TingkatPendidikan::S1,
            "Kesehatan Masyarakat",
            100,
            60,
            None,
        ),
        (
            DEDI,
            "Dedi",
            TingkatPendidikan::S1,
            "Kesehatan Masyarakat",
            0,
            60,
            Some((Manajerial::Komunikasi, 1)),
        ),
    ];
    for (text, nama, tingkat, bidang, penguat, potensi, except) in people {
        let n = nip(text);
        tx.upsert(id, c, &[pegawai(text, nama, tingkat, bidang)])
            .await
            .unwrap();
        tx.upsert(
            id,
            c,
            &[
                records::riwayat_jabatan(n, date!(2005 - 01 - 01), "Pelaksana", Jenjang::Pelaksana),
                RiwayatJabatan {
                    jabatan: Some("KASI".into()),
                    opd: Some("DINKES".into()),
                    ..records::riwayat_jabatan(
                        n,
                        date!(2018 - 01 - 02),
                        "Kepala Seksi",
                        Jenjang::Pengawas,
                    )
                },
            ],
        )
        .await
        .unwrap();
        tx.upsert(
            id,
            c,
            &[RiwayatPendidikan {
                nip: n,
                tingkat,
                tahun_lulus: 2003,
                bidang_ilmu: Some(BidangIlmu::new(bidang)),
                nama_sekolah: None,
            }],
        )
        .await
        .unwrap();
        tx.upsert(id, c, &[skp(text, 2024, penguat), skp(text, 2025, penguat)])
            .await
            .unwrap();
        let training = |year: i32| RiwayatDiklat {
            nip: n,
            nama: format!("Pelatihan Teknis Kesehatan {year}"),
            mulai: Date::from_calendar_date(year, time::Month::May, 6).unwrap(),
            selesai: Some(Date::from_calendar_date(year, time::Month::May, 8).unwrap()),
            jenis: Some("teknis".into()),
            jam: Some(24),
            penyelenggara: None,
        };
        tx.upsert(id, c, &[training(2024), training(2025)])
            .await
            .unwrap();
        tx.upsert(
            id,
            c,
            &[Asesmen {
                nip: n,
                tanggal: date!(2025 - 10 - 01),
                sumber: SumberAsesmen::AssessmentCenter,
                potensi: Score::whole(potensi),
                kompetensi: standard(except),
            }],
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    db
}

fn nips<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    items.collect()
}

const REASON: &str = "Kinerja penguat 2025 belum diverifikasi tim penilai";

/// The members of the administrator pool of `kind`, in rank order.
fn administrator_pool(pools: &Pools, kind: PoolKind) -> Vec<String> {
    pools
        .pools
        .iter()
        .find(|p| p.target == Jenjang::Administrator && p.kind == kind)
        .unwrap()
        .members
        .iter()
        .map(|m| m.nip.as_str().to_owned())
        .collect()
}

/// The same context, acting as the BKPSDM's administrator (maps and IDPs).
fn admin<'a>(ctx: &Ctx<'a>) -> Ctx<'a> {
    Ctx {
        actor: "admin",
        ..*ctx
    }
}

/// A move of `who` to box `to` in the first period.
fn move_to<'a>(who: &'a Nip, to: u8, alasan: &'a str) -> Calibration<'a> {
    Calibration {
        periode: s1(),
        nip: who,
        to: kotak(to),
        alasan,
    }
}

/// Map: the period opens itself, with the rules' fingerprint.
async fn a_map_opens_the_period(ctx: &Ctx<'_>) {
    let summary = compute(&admin(ctx), s1()).await.unwrap();
    assert_eq!(summary.per_box[8], 4);
    let state = &periods(ctx).await.unwrap()[0];
    assert_eq!(state.status, StatusPeriode::Terbuka);
    assert_eq!(state.rule_set_fingerprint, Some(ctx.rules.fingerprint()));
}

/// Calibration: refused without a reason, kept with one, and read back
/// in the final map.
async fn a_calibration_needs_a_reason(ctx: &Ctx<'_>) {
    let refused = calibrate(ctx, &move_to(&nip(DEDI), 8, "turun")).await;
    assert!(matches!(
        refused,
        Err(CycleError::Calibration(CalibrationError::NoReason))
    ));
    let k = calibrate(ctx, &move_to(&nip(DEDI), 8, REASON))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((k.kotak_awal, k.kotak_akhir), (kotak(9), kotak(8)));
    let map = final_map(ctx, s1()).await.unwrap();
    let dedi = map.iter().find(|r| r.map.nip.as_str() == DEDI).unwrap();
    assert_eq!(
        (dedi.map.kotak, dedi.final_box),
        (Some(kotak(9)), Some(kotak(8)))
    );
    let calibration = dedi.calibration.as_ref().unwrap();
    assert_eq!(
        (calibration.alasan.as_str(), calibration.oleh.as_str()),
        (REASON, "ketua")
    );
}

/// Pools of the open period: Dedi is left out for his Komunikasi; the
/// training hours read from riwayat_diklat meet the 20 JP of every year,
/// so nobody fails them.
async fn the_open_pools_leave_out_a_low_competency(ctx: &Ctx<'_>) {
    let pools = talent_pools(ctx, s1()).await.unwrap();
    assert!(!pools.frozen);
    assert_eq!(
        administrator_pool(&pools, PoolKind::Instansi),
        [BUDI, AYU, CITRA]
    );
    assert_eq!(
        administrator_pool(&pools, PoolKind::Nasional),
        [BUDI, AYU, CITRA]
    );
    let krs = pools
        .pools
        .iter()
        .find(|p| p.target == Jenjang::Administrator && p.kind == PoolKind::Instansi)
        .unwrap();
    assert_eq!(krs.left_out.len(), 1);
    assert_eq!(krs.left_out[0].nip.as_str(), DEDI);
    let why = &krs.left_out[0].failures;
    assert_eq!(why.len(), 1, "{why:?}");
    assert_eq!(why[0].rule, RuleKind::Kompetensi);
    assert_eq!(why[0].actual, "Komunikasi level 1");
}

/// Succession for the key position, checked on 1 July 2026: the ready
/// ranked, the dashboards' notice agreeing (three ready meets the rule
/// of 3, not a rule of 4), and a training gate an instansi adds read for
/// the plan too (24 JP a year falls short of 30).
async fn succession_ranks_the_ready_and_the_notice_agrees(ctx: &Ctx<'_>) {
    let rules = ctx.rules;
    assert_eq!(
        nips(
            positions(ctx, true)
                .await
                .unwrap()
                .iter()
                .map(|p| p.kode.as_str())
        ),
        ["KABID"]
    );
    let on_day = Ctx {
        now: datetime!(2026-07-01 0:00 UTC),
        ..*ctx
    };
    let plan = succession(&on_day, "KABID", None).await.unwrap();
    assert_eq!(plan.periode, "2026-S1");
    let ranked: Vec<(&str, u8, Option<u32>, Readiness)> = plan
        .plan
        .candidates
        .iter()
        .map(|c| (c.nip.as_str(), c.kotak.number(), c.jpm, c.readiness))
        .collect();
    assert_eq!(
        ranked,
        [
            (AYU, 9, Some(10_000), Readiness::SiapSekarang),
            (CITRA, 9, Some(10_000), Readiness::SiapSekarang),
            (DEDI, 8, Some(9_259), Readiness::SiapSekarang),
        ]
    );
    assert!(!plan.plan.kurang_suksesor);
    let short = short_of_successors(&on_day).await.unwrap();
    assert_eq!(short, []);
    let mut strict = rules.clone();
    strict
        .succession
        .targets
        .iter_mut()
        .find(|t| t.jenjang.contains(&Jenjang::Administrator))
        .unwrap()
        .min_ready = 4;
    let short = short_of_successors(&Ctx {
        rules: &strict,
        ..on_day
    })
    .await
    .unwrap();
    assert_eq!(
        short
            .iter()
            .map(|s| (s.kode.as_str(), s.ready_now, s.min_ready))
            .collect::<Vec<_>>(),
        [("KABID", 3, 4)]
    );
    assert_eq!(plan.plan.min_ready, 3);
    let mut trained = rules.clone();
    let administrator = trained
        .promotion
        .iter_mut()
        .find(|r| r.target == Jenjang::Administrator)
        .unwrap();
    administrator.pengembangan = Some(talenta_domain::eligibility::PengembanganRule {
        jam: 30,
        years: 2,
        source: "Peraturan instansi".into(),
    });
    let strict_plan = succession(
        &Ctx {
            rules: &trained,
            ..on_day
        },
        "KABID",
        None,
    )
    .await
    .unwrap();
    assert!(strict_plan.plan.candidates.is_empty());
    let why = &strict_plan.plan.excluded[1].failures;
    assert_eq!(why[0].rule, RuleKind::Pengembangan, "{why:?}");
    assert_eq!(why[0].actual, "2024: 24 JP, 2025: 24 JP");
    assert_eq!(plan.plan.excluded.len(), 1);
    assert_eq!(plan.plan.excluded[0].nip.as_str(), BUDI);
    assert_eq!(plan.plan.excluded[0].failures[0].rule, RuleKind::BidangIlmu);
}

/// Close: the pools are frozen, and the period cannot close or open
/// again. The period as closed, and its frozen pools.
async fn closing_freezes_the_pools(ctx: &Ctx<'_>) -> (PeriodeRow, Pools) {
    let closed = close_period(ctx, s1(), Some(ctx.rules)).await.unwrap();
    assert_eq!(closed.period.status, StatusPeriode::Ditutup);
    assert!(closed.stored);
    assert!(matches!(
        close_period(ctx, s1(), None).await,
        Err(CycleError::AlreadyClosed(_))
    ));
    assert!(matches!(
        open_period(ctx, s1()).await,
        Err(CycleError::AlreadyClosed(_))
    ));
    let frozen = talent_pools(ctx, s1()).await.unwrap();
    assert!(frozen.frozen);
    (closed.period, frozen)
}

/// New data after closing (Ayu's 2025 SKP turns out Butuh Perbaikan)
/// changes nothing of the closed period: no map, no calibration, the
/// same final map and pools.
async fn new_data_after_closing_changes_nothing(ctx: &Ctx<'_>, frozen: &Pools) {
    let before_map = final_map(ctx, s1()).await.unwrap();
    let mut late = skp(AYU, 2025, 80);
    late.hasil_kerja = Rating::DiBawahEkspektasi;
    late.perilaku_kerja = Rating::SesuaiEkspektasi;
    late.predikat = Predikat::ButuhPerbaikan;
    write(ctx.db, "import", &[late]).await;
    assert!(matches!(
        compute(&admin(ctx), s1()).await,
        Err(MapError::Closed(_))
    ));
    assert!(matches!(
        calibrate(ctx, &move_to(&nip(AYU), 7, REASON)).await,
        Err(CycleError::Calibration(CalibrationError::Closed))
    ));
    assert_eq!(final_map(ctx, s1()).await.unwrap(), before_map);
    let after = talent_pools(ctx, s1()).await.unwrap();
    assert_eq!(&after, frozen);
    assert_eq!(
        administrator_pool(&after, PoolKind::Instansi),
        [BUDI, AYU, CITRA]
    );
}

/// What-if under stricter cut-offs: computed, nothing stored. Dedi's
/// kinerja 80 is "sesuai" under 95/60: box 8, as calibrated.
async fn a_what_if_stores_nothing(ctx: &Ctx<'_>, closed: &PeriodeRow) {
    let rules = ctx.rules;
    let before_map = final_map(ctx, s1()).await.unwrap();
    let mut strict = rules.clone();
    strict.id = "ketat".into();
    strict.nine_box.kinerja =
        talenta_domain::AxisCutoffs::new(Score::whole(95).unwrap(), Score::whole(60).unwrap())
            .unwrap();
    let w = what_if(
        &Ctx {
            rules: &strict,
            ..*ctx
        },
        s1(),
    )
    .await
    .unwrap();
    let dedi_w = w.rows.iter().find(|r| r.nip.as_str() == DEDI).unwrap();
    assert_eq!(
        (dedi_w.stored, dedi_w.what_if),
        (Some(kotak(8)), Some(kotak(8)))
    );
    assert_ne!(w.fingerprint, rules.fingerprint());
    assert_eq!(final_map(ctx, s1()).await.unwrap(), before_map);
    assert_eq!(&periods(ctx).await.unwrap()[0], closed);
}

/// The next period: Ayu in pool gates now fails (SKP 2025 below Baik),
/// and her kinerja is (100 + 40 + 0.8 × 20) / 2 = 78: box 8 (under the
/// old weights it was 84 and she stayed in box 9). The movement and
/// Dedi's history of boxes follow.
async fn the_next_period_moves_a_late_low_skp(ctx: &Ctx<'_>) {
    compute(&admin(ctx), s2()).await.unwrap();
    let s2_pools = talent_pools(ctx, s2()).await.unwrap();
    assert_eq!(
        administrator_pool(&s2_pools, PoolKind::Instansi),
        [BUDI, CITRA]
    );
    let moved = movement(ctx, s1(), s2(), Some("DINKES")).await.unwrap();
    assert_eq!(moved.matrix.get(kotak(8), kotak(9)), 1);
    assert_eq!(moved.matrix.get(kotak(9), kotak(9)), 2);
    assert_eq!(moved.matrix.get(kotak(9), kotak(8)), 1);
    let history = box_history(ctx, &id(DEDI)).await.unwrap();
    let boxes: Vec<(Option<Kotak>, Option<Kotak>)> =
        history.iter().map(|h| (h.map.kotak, h.final_box)).collect();
    assert_eq!(
        boxes,
        [
            (Some(kotak(9)), Some(kotak(8))),
            (Some(kotak(9)), Some(kotak(9)))
        ]
    );
}

/// The flags of a person in box 9 for years in one position.
const STAGNANT: [FlagKind; 2] = [FlagKind::LamaDiJabatan, FlagKind::Kotak9TanpaPengembangan];

/// Who is watched, why, and the kinds of their flags.
fn flag_kinds(rows: &[RetentionRow]) -> Vec<(String, Vec<&str>, Vec<FlagKind>)> {
    rows.iter()
        .map(|r| {
            let flags = r.flags.iter().map(|f| f.kind).collect();
            (r.nip.as_str().to_owned(), r.watched.clone(), flags)
        })
        .collect()
}

/// The retention flags of the Dinas in the next period.
async fn flagged_in_dinkes(ctx: &Ctx<'_>) -> Vec<RetentionRow> {
    retention(ctx, s2(), Some("DINKES")).await.unwrap()
}

/// Retention: everyone in a pool has been Kepala Seksi since 2018; Budi
/// and Citra sat in box 9 in both periods with no development (the
/// trainings of 2024 and 2025 are before the first period).
async fn retention_flags_the_stagnant(ctx: &Ctx<'_>) {
    let stagnant = STAGNANT.to_vec();
    let flagged = flagged_in_dinkes(ctx).await;
    assert_eq!(
        flag_kinds(&flagged),
        [
            (BUDI.to_owned(), vec!["krs"], stagnant.clone()),
            (CITRA.to_owned(), vec!["krs"], stagnant.clone()),
        ]
    );
}

/// A diklat in the first period counts as development for Citra; the
/// holder of the key position is watched though in no pool, and is 18
/// months from retirement (administrator, BUP 58). A BUP recorded on the
/// position itself (its `bup` column) is the one the flag follows: at 60
/// Eko retires on 1 July 2030, 42 months away, and is no longer near it.
async fn retention_follows_development_and_retirement(ctx: &Ctx<'_>) {
    let db = ctx.db;
    write(
        db,
        "retensi",
        &[RiwayatDiklat {
            nip: nip(CITRA),
            nama: "Pelatihan Kepemimpinan Pengawas".into(),
            mulai: date!(2026 - 03 - 02),
            selesai: Some(date!(2026 - 05 - 29)),
            jenis: None,
            jam: None,
            penyelenggara: None,
        }],
    )
    .await;
    write(
        db,
        "retensi",
        &[Pegawai {
            jabatan: Some("KABID".into()),
            tmt_jabatan: Some(date!(2015 - 01 - 02)),
            ..pegawai(EKO, "Eko", TingkatPendidikan::S2, "Kesehatan Masyarakat")
        }],
    )
    .await;
    let stagnant = STAGNANT.to_vec();
    let flagged = flagged_in_dinkes(ctx).await;
    assert_eq!(
        flag_kinds(&flagged),
        [
            (
                EKO.to_owned(),
                vec!["jabatan_kunci"],
                vec![FlagKind::MendekatiBup, FlagKind::LamaDiJabatan]
            ),
            (BUDI.to_owned(), vec!["krs"], stagnant.clone()),
            (CITRA.to_owned(), vec!["krs"], vec![FlagKind::LamaDiJabatan]),
        ]
    );
    let bup = &flagged[0].flags[0].reason;
    assert!(bup.contains("TMT 2028-07-01"), "{bup}");
    let kabid = Jabatan {
        bup: Some(60),
        ..jabatan("KABID", Jenjang::Administrator)
    };
    write(db, "bup", std::slice::from_ref(&kabid)).await;
    let flagged = flagged_in_dinkes(ctx).await;
    assert_eq!(flag_kinds(&flagged)[0].2, [FlagKind::LamaDiJabatan]);
    write(db, "bup", &[Jabatan { bup: None, ..kabid }]).await;
}

/// IDP: Dedi towards KABID, Komunikasi at 1 of 3: drafted, edited,
/// saved, read back; a blank activity is refused.
async fn an_idp_is_drafted_and_saved(ctx: &Ctx<'_>) {
    let admin = &admin(ctx);
    let draft = idp_draft(admin, &id(DEDI), "KABID").await.unwrap();
    let kinds: Vec<(u32, JenisPengembangan)> = draft.iter().map(|d| (d.nomor, d.jenis)).collect();
    assert_eq!(
        kinds,
        [
            (1, JenisPengembangan::Mentoring),
            (2, JenisPengembangan::Diklat)
        ]
    );
    let mut edited = draft.clone();
    edited[1].kegiatan = "Diklat Komunikasi Publik, BPSDM Provinsi".into();
    edited[1].status = StatusIdp::Berjalan;
    edited.remove(0);
    let saved = idp_save(admin, &id(DEDI), "KABID", &edited).await.unwrap();
    assert_eq!(saved[0].nomor, 1);
    assert_eq!(idp(ctx, &id(DEDI)).await.unwrap(), saved);
    edited[0].kegiatan = " ".into();
    assert!(matches!(
        idp_save(admin, &id(DEDI), "KABID", &edited).await,
        Err(IdpError::Invalid { .. })
    ));
}

/// The talent cycle of a period, step by step over the seeded Dinas.
async fn the_talent_cycle_of_a_period(db: &Db) {
    let rules = RuleSet::bundled().unwrap();
    let ctx = &Ctx::new(db, InstansiId(1), "ketua", T0, &rules);
    a_map_opens_the_period(ctx).await;
    a_calibration_needs_a_reason(ctx).await;
    the_open_pools_leave_out_a_low_competency(ctx).await;
    succession_ranks_the_ready_and_the_notice_agrees(ctx).await;
    let (closed, frozen) = closing_freezes_the_pools(ctx).await;
    new_data_after_closing_changes_nothing(ctx, &frozen).await;
    a_what_if_stores_nothing(ctx, &closed).await;
    the_next_period_moves_a_late_low_skp(ctx).await;
    retention_flags_the_stagnant(ctx).await;
    retention_follows_development_and_retirement(ctx).await;
    an_idp_is_drafted_and_saved(ctx).await;
    db.close().await;
}

/// A period closes under the rule set stored with its map, whatever the
/// rules of today; a map computed before rule sets were stored with it
/// (migration 0013 left its column empty) closes under the rules given.
async fn a_period_closes_under_the_rules_of_its_own_map(db: &Db) {
    let bundled = RuleSet::bundled().unwrap();
    let instansi_rules = RuleSet {
        id: "kota-contoh-2026".into(),
        ..bundled.clone()
    };
    let engine = db.engine();
    let ctx = &Ctx::new(db, InstansiId(1), "ketua", T0, &bundled);
    // Mapped under the instansi's own rules; today's are the bundled.
    compute(
        &Ctx {
            rules: &instansi_rules,
            ..admin(ctx)
        },
        s1(),
    )
    .await
    .unwrap();
    let refused = close_period(ctx, s1(), Some(&bundled)).await;
    assert!(
        matches!(&refused, Err(CycleError::OtherRules { mapped, .. }) if mapped.starts_with("kota-contoh-2026")),
        "{engine:?}: {refused:?}"
    );
    let closed = close_period(ctx, s1(), None).await.unwrap();
    assert!(closed.stored, "{engine:?}");
    assert_eq!(closed.rules, instansi_rules, "{engine:?}");
    assert_eq!(closed.period.status, StatusPeriode::Ditutup);

    // A map from before migration 0013: no rule set beside it, and the
    // fingerprint of rules that no longer load.
    compute(&admin(ctx), s2()).await.unwrap();
    const FORGET: &str = "UPDATE peta_talenta SET rule_set_toml = NULL WHERE periode = '2026-S2'";
    const OLD: &str = "UPDATE periode_talenta SET rule_set = 'talenta-default-2026', \
         rule_set_fingerprint = '5d1f0c2a9e7b3f41' WHERE periode = '2026-S2'";
    match db {
        Db::Sqlite { write, .. } => {
            sqlx::query(FORGET).execute(write).await.unwrap();
            sqlx::query(OLD).execute(write).await.unwrap();
        }
        Db::Postgres(pool) => {
            sqlx::query(FORGET).execute(pool).await.unwrap();
            sqlx::query(OLD).execute(pool).await.unwrap();
        }
    }
    let closed = close_period(ctx, s2(), None).await.unwrap();
    assert!(!closed.stored, "{engine:?}");
    assert_eq!(closed.rules, bundled, "{engine:?}");
    let pools = talent_pools(ctx, s2()).await.unwrap();
    assert!(pools.frozen, "{engine:?}");
    assert!(
        pools.pools.iter().any(|p| !p.members.is_empty()),
        "{engine:?}: the KRS were set at closing"
    );
}

each_engine!(
    seeded => the_talent_cycle_of_a_period,
    a_period_closes_under_the_rules_of_its_own_map,
);
