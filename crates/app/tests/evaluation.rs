//! The six-monthly evaluation of officeholders through the app layer, on
//! SQLite and on PostgreSQL, over a hand-built Dinas Kesehatan.
//!
//! Positions (standard: the nine SKJ competencies at level 3, 27 levels):
//! KADIS (JPT pratama), KABID (administrator), KASI (pengawas, in the
//! Puskesmas below the Dinas), STAF (pelaksana), PERAWAT (ahli muda).
//!
//! | who     | holds   | SKP 2024, 2025   | assessment, JPM       | final box (committee) | listed          |
//! |---------|---------|------------------|-----------------------|-----------------------|-----------------|
//! | Andi    | KADIS   | Baik, Baik       | all at 3: 100%        | 2                     | kotak           |
//! | Bambang | KABID   | Baik, Butuh Perb.| all at 3: 100%        | 4                     | skp             |
//! | Citra   | KASI    | Baik, Baik       | 18 of 27: 66.67% KMS  | 5                     | jpm             |
//! | Dedi    | KASI    | Baik, Baik       | 19 of 27: 70.37% MMS  | 5                     | no              |
//! | Eka     | KASI    | Baik, Baik       | none                  | left out              | unmapped        |
//! | Fajar   | STAF    | Sangat Kurang    | all at 3              | 1                     | no: pelaksana   |
//! | Gita    | PERAWAT | Baik, Baik       | none                  | left out              | no: JF          |
//! | Hadi    | KASI    | (employed after the map)  |              | not in the map        | unmapped        |
//!
//! Every final box is set by calibration, so the list does not depend on
//! how the axes score the records.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{T0, nip, s1};
use talenta_app::Ctx;
use talenta_app::cycle::{Calibration, CycleError, calibrate};
use talenta_app::evaluation::{Evaluation, evaluation};
use talenta_app::map::compute;
use talenta_domain::evaluasi::{NOT_IN_MAP, Rule};
use talenta_domain::kompetensi::{Level, Levels, UMUM};
use talenta_domain::personnel::{Asesmen, Jabatan, Opd, Pegawai, Skp, SumberAsesmen};
use talenta_domain::{
    InstansiId, Jenjang, Kotak, Predikat, Rating, RuleSet, Score, TingkatPendidikan,
};
use talenta_storage::Db;
use talenta_testkit::{TestDb, each_engine};
use time::macros::date;

const ANDI: &str = "197501012000011001";
const BAMBANG: &str = "197602022000011002";
const CITRA: &str = "198003032005012003";
const DEDI: &str = "198104042005011004";
const EKA: &str = "198205052005012005";
const FAJAR: &str = "198506062010011006";
const GITA: &str = "198707072010012007";
const HADI: &str = "198808082010011008";

const REASON: &str = "Keputusan rapat tim penilai talenta Juni 2026";

/// The nine SKJ competencies at `first` for the first `n` and 3 after.
fn levels(n: usize, first: u8) -> Levels {
    UMUM.iter()
        .cloned()
        .enumerate()
        .map(|(i, k)| (k, Level::new(if i < n { first } else { 3 }).unwrap()))
        .collect()
}

fn jabatan(kode: &str, jenjang: Jenjang, opd: &str) -> Jabatan {
    common::jabatan(kode, jenjang, opd, levels(0, 3))
}

/// Holding `jabatan` since 2 January 2020, with an S1.
fn pegawai(text: &str, nama: &str, jabatan: &str, opd: &str) -> Pegawai {
    Pegawai {
        tmt_jabatan: Some(date!(2020 - 01 - 02)),
        pendidikan: Some(TingkatPendidikan::S1),
        ..common::pegawai(text, nama, jabatan, opd)
    }
}

fn skp(text: &str, tahun: i32, predikat: Predikat) -> Skp {
    let (hasil, perilaku) = match predikat {
        Predikat::ButuhPerbaikan => (Rating::DiBawahEkspektasi, Rating::SesuaiEkspektasi),
        Predikat::SangatKurang => (Rating::DiBawahEkspektasi, Rating::DiBawahEkspektasi),
        _ => (Rating::SesuaiEkspektasi, Rating::SesuaiEkspektasi),
    };
    Skp {
        nip: nip(text),
        tahun,
        hasil_kerja: hasil,
        perilaku_kerja: perilaku,
        predikat,
        nilai_penguat: Score::whole(80),
        penilai_nip: None,
        penilai_nama: None,
    }
}

/// NIP, name, position, unit, SKP 2025, and the assessed levels (the
/// first n competencies at this level, the others at 3), if assessed.
type Person = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Predikat,
    Option<(usize, u8)>,
);

/// The shared fixture: the Dinas Kesehatan above, migrated and seeded.
async fn seeded(database: &TestDb) -> Db {
    let db = common::migrated(database).await;
    let (mut tx, id, c) = common::seeding(&db).await;
    tx.upsert(
        id,
        c,
        &[
            talenta_testkit::records::opd("DINKES", "Dinas Kesehatan"),
            Opd {
                kode: "PKM".into(),
                nama: "Puskesmas Kota".into(),
                induk: Some("DINKES".into()),
            },
        ],
    )
    .await
    .unwrap();
    tx.upsert(
        id,
        c,
        &[
            jabatan("KADIS", Jenjang::JptPratama, "DINKES"),
            jabatan("KABID", Jenjang::Administrator, "DINKES"),
            jabatan("KASI", Jenjang::Pengawas, "PKM"),
            jabatan("STAF", Jenjang::Pelaksana, "DINKES"),
            jabatan("PERAWAT", Jenjang::AhliMuda, "PKM"),
        ],
    )
    .await
    .unwrap();
    use Predikat::{Baik, ButuhPerbaikan, SangatKurang};
    let people: [Person; 7] = [
        (ANDI, "Andi", "KADIS", "DINKES", Baik, Some((0, 3))),
        (
            BAMBANG,
            "Bambang",
            "KABID",
            "DINKES",
            ButuhPerbaikan,
            Some((0, 3)),
        ),
        // 9 of 27 short: 18 of 27.
        (CITRA, "Citra", "KASI", "PKM", Baik, Some((9, 2))),
        // 8 short: 19 of 27.
        (DEDI, "Dedi", "KASI", "PKM", Baik, Some((8, 2))),
        (EKA, "Eka", "KASI", "PKM", Baik, None),
        (FAJAR, "Fajar", "STAF", "DINKES", SangatKurang, Some((0, 3))),
        (GITA, "Gita", "PERAWAT", "PKM", Baik, None),
    ];
    for (text, nama, kode, opd, last, assessed) in people {
        tx.upsert(id, c, &[pegawai(text, nama, kode, opd)])
            .await
            .unwrap();
        let first = if last == SangatKurang { last } else { Baik };
        tx.upsert(id, c, &[skp(text, 2024, first), skp(text, 2025, last)])
            .await
            .unwrap();
        if let Some((n, level)) = assessed {
            tx.upsert(
                id,
                c,
                &[Asesmen {
                    nip: nip(text),
                    tanggal: date!(2025 - 10 - 01),
                    sumber: SumberAsesmen::AssessmentCenter,
                    potensi: Score::whole(70),
                    kompetensi: levels(n, level),
                }],
            )
            .await
            .unwrap();
        }
    }
    tx.commit().await.unwrap();
    db
}

/// (NIP, final box, rules) of the listed, and (NIP, missing) of the
/// unmapped.
type Listed = (Vec<(String, u8, Vec<Rule>)>, Vec<(String, Vec<String>)>);

fn listed(e: &Evaluation) -> Listed {
    (
        e.holders
            .iter()
            .map(|h| {
                (
                    h.holder.nip.as_str().to_owned(),
                    h.kotak.number(),
                    h.reasons.iter().map(|r| r.rule).collect(),
                )
            })
            .collect(),
        e.unmapped
            .iter()
            .map(|u| (u.holder.nip.as_str().to_owned(), u.missing.clone()))
            .collect(),
    )
}

fn owned(items: &[(&str, u8, &[Rule])]) -> Vec<(String, u8, Vec<Rule>)> {
    items
        .iter()
        .map(|(n, k, r)| ((*n).to_owned(), *k, r.to_vec()))
        .collect()
}

fn missing(items: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    items
        .iter()
        .map(|(n, m)| ((*n).to_owned(), m.iter().map(|c| (*c).to_owned()).collect()))
        .collect()
}

async fn the_evaluation_of_a_dinas_kesehatan(db: &Db) {
    let rules = RuleSet::bundled().unwrap();
    let ctx = &Ctx::new(db, InstansiId(1), "ketua", T0, &rules);
    let engine = db.engine();
    // Before any map there is nothing to evaluate.
    assert!(matches!(
        evaluation(ctx, s1(), None).await,
        Err(CycleError::NoSnapshot(_))
    ));

    let summary = compute(
        &Ctx {
            actor: "admin",
            ..*ctx
        },
        s1(),
    )
    .await
    .unwrap();
    assert_eq!(summary.missing, 2, "{engine:?}: Eka and Gita, unassessed");
    for (who, to) in [(ANDI, 2), (BAMBANG, 4), (CITRA, 5), (DEDI, 5), (FAJAR, 1)] {
        let who = nip(who);
        let to = Kotak::new(to).unwrap();
        calibrate(
            ctx,
            &Calibration {
                periode: s1(),
                nip: &who,
                to,
                alasan: REASON,
            },
        )
        .await
        .unwrap();
    }
    // Hadi takes a KASI post after the map was computed.
    common::write(db, "import", &[pegawai(HADI, "Hadi", "KASI", "PKM")]).await;

    let all = evaluation(ctx, s1(), None).await.unwrap();
    assert_eq!(all.periode.to_string(), "2026-S1");
    let unmapped = missing(&[(EKA, &["kompetensi", "potensi"]), (HADI, &[NOT_IN_MAP])]);
    assert_eq!(
        listed(&all),
        (
            owned(&[
                (ANDI, 2, &[Rule::Kotak]),
                (BAMBANG, 4, &[Rule::Skp]),
                (CITRA, 5, &[Rule::Jpm]),
            ]),
            unmapped.clone()
        ),
        "{engine:?}"
    );
    let andi = &all.holders[0];
    assert_eq!(
        (
            andi.holder.nama.as_str(),
            andi.holder.jabatan.as_str(),
            andi.holder.jabatan_nama.as_str(),
            andi.holder.jenjang,
            andi.holder.opd.as_str()
        ),
        (
            "Andi",
            "KADIS",
            "Jabatan KADIS",
            Jenjang::JptPratama,
            "DINKES"
        )
    );
    let texts = |i: usize| {
        let r = &all.holders[i].reasons[0];
        (r.actual.clone(), r.required.clone(), r.source.clone())
    };
    assert_eq!(
        texts(1),
        (
            "Butuh Perbaikan (2025)".to_owned(),
            "paling rendah Baik".to_owned(),
            rules.evaluasi.skp.source.clone()
        )
    );
    assert_eq!(
        texts(2),
        (
            "66,67%: Kurang Memenuhi Syarat (KMS)".to_owned(),
            "paling rendah 68%: Masih Memenuhi Syarat (MMS)".to_owned(),
            rules.evaluasi.jpm.source.clone()
        )
    );

    // One unit and its sub-units, by where each works now.
    let pkm = evaluation(ctx, s1(), Some("PKM")).await.unwrap();
    assert_eq!(
        listed(&pkm),
        (owned(&[(CITRA, 5, &[Rule::Jpm])]), unmapped.clone()),
        "{engine:?}"
    );
    let dinkes = evaluation(ctx, s1(), Some("DINKES")).await.unwrap();
    assert_eq!(dinkes, all);

    // The committee moves Andi from box 2 to box 5: no longer listed.
    let andi = nip(ANDI);
    let to = Kotak::new(5).unwrap();
    calibrate(
        ctx,
        &Calibration {
            periode: s1(),
            nip: &andi,
            to,
            alasan: REASON,
        },
    )
    .await
    .unwrap();
    let after = evaluation(ctx, s1(), None).await.unwrap();
    assert_eq!(
        listed(&after),
        (
            owned(&[(BAMBANG, 4, &[Rule::Skp]), (CITRA, 5, &[Rule::Jpm])]),
            unmapped.clone()
        ),
        "{engine:?}"
    );

    // Stricter rules, same records: box 4 and a JPM below MS (80%)
    // list Dedi (70.37%) too; in box 5, Citra's lower JPM puts her
    // lower on Nilai Talenta, so first.
    let mut strict = rules.clone();
    strict.evaluasi.boxes.push(Kotak::new(4).unwrap());
    strict.evaluasi.jpm.minimum = talenta_domain::kompetensi::JpmCategory::MemenuhiSyarat;
    let stricter = evaluation(
        &Ctx {
            rules: &strict,
            ..*ctx
        },
        s1(),
        None,
    )
    .await
    .unwrap();
    assert_eq!(
        listed(&stricter).0,
        owned(&[
            (BAMBANG, 4, &[Rule::Kotak, Rule::Skp]),
            (CITRA, 5, &[Rule::Jpm]),
            (DEDI, 5, &[Rule::Jpm]),
        ]),
        "{engine:?}"
    );
    db.close().await;
}

each_engine!(seeded => the_evaluation_of_a_dinas_kesehatan);
