//! The talent cycle on a hand-built instansi: pools and succession plans
//! whose correct answers are worked out by hand below, with the bundled
//! rule set.
//!
//! Dinas Kesehatan has a key position, Kepala Bidang Pelayanan Kesehatan
//! (administrator; accepts Kesehatan Masyarakat or Kedokteran; golongan at
//! least III/d; five competencies at level 3, 15 levels in all). The period
//! is 2026-S1, checked on its last day, 30 June 2026. Everyone below holds a
//! pengawas position (the jenjang that feeds administrator) unless noted,
//! is a PNS with golongan IV/a, an S1 in Kesehatan Masyarakat, SKP Baik in
//! 2024 and 2025, no sanction, pengawas since 1 January 2019, 24 JP of
//! training in 2024 and in 2025, and a latest assessment of all nine
//! competencies (eight managerial and Perekat Bangsa) at level 3 except the
//! standard's five as listed (JPM against the position's standard).
//!
//! | who   | box | nilai | kinerja | JPM           | what is different                  |
//! |-------|-----|-------|---------|---------------|------------------------------------|
//! | Budi  | 9   | 95    | 95      | 100%          | S1 Ilmu Pemerintahan (wrong field) |
//! | Mira  | 9   | 94    | 94      | 100%          | PPPK Ahli Muda since 2019, no golongan PNS |
//! | Ayu   | 9   | 92    | 92      | 15/15 = 100%  |                                    |
//! | Fajar | 9   | 90    | 90      | 100%          | pengawas only since 15 July 2023   |
//! | Hadi  | 9   | 88    | 88      | 100%          | hukuman sedang in force to 2026-12-31 |
//! | Indah | 8   | 87    | 87      | 100%          | golongan III/c                     |
//! | Kiki  | 9   | 86    | 86      | 100%          | SKP 2024 Butuh Perbaikan           |
//! | Dewi  | 8   | 85    | 90      | 11/15 = 73.33%| levels 3, 2, 2, 2, 2               |
//! | Citra | 8   | 85    | 80      | 12/15 = 80%   | levels 3, 3, 2, 2, 2               |
//! | Eko   | 7   | 80    | 80      | 13/15 = 86.67%| levels 3, 3, 3, 2, 2, the other four at 1; NIP ...003 |
//! | Lina  | 7   | 80    | 80      | 13/15 = 86.67%| levels 3, 3, 3, 2, 2; NIP ...002   |
//! | Gita  | 5   | 70    | 70      | 100%          | box 5: not in line                 |
//! | Joko  | 9   | 93    | 93      | 100%          | pelaksana: feeds pengawas, not administrator |
//! | Nanda | 9   | 91    | 91      | 100%          | CPNS pelaksana                     |
//! | Oki   | 8   | 84    | 84      | 100%          | pelaksana; 16 JP in 2025           |
//! | Putri | 7   | 83    | 83      | 100%          | pelaksana; 2024: 12 JP and a training without hours |
//!
//! KRS Instansi for administrator (boxes 7-9; PP 11/2017 Pasal 199 ayat
//! (2): PNS, every competency at least level 2 (the bundled [R] level of
//! the pengawas held), 20 JP in 2024 and 2025, SKP ≥ Baik 2024-2025; no
//! sedang/berat sanction in force; field, golongan and experience are not
//! pool gates): Budi 95, Ayu 92, Fajar 90, Indah 87, Dewi 85 (kinerja 90
//! beats Citra's 80), Citra 85, Lina 80. Left out, in talent order: Mira
//! (status: a PPPK), Hadi (disiplin), Kiki (skp), Eko (kompetensi: four at
//! level 1; before issue 20's gates Mira was not there and Eko was a
//! member, tied with Lina but for the NIP). KRS Nasional (box 9): Budi,
//! Ayu, Fajar; Mira, Hadi and Kiki left out. KRS for pengawas (fed by pelaksana):
//! Joko; Nanda (status: a CPNS is not yet a PNS), Oki (16 JP in 2025) and
//! Putri (2024 unknown until the training's hours are filled) left out.
//!
//! Succession (administrator: boxes 7-9, readiness first, 3 ready wanted):
//! the eligible are Ayu, Citra, Dewi, Lina and Eko. Readiness: Ayu (box 9,
//! 100%) and Citra (box 8, 80% = MS exactly) siap sekarang; Dewi (box 8,
//! 73.33%) 1-2 tahun; Lina and Eko (box 7) 1-2 tahun. Ranked: 1 Ayu, 2
//! Citra (siap sekarang, by nilai), 3 Dewi 85, 4 Lina, 5 Eko (1-2 tahun;
//! Lina and Eko tie on nilai, kinerja and potensial, so the NIP decides).
//! Two ready now, fewer than 3: flagged. Excluded, in talent order: Budi
//! (bidang_ilmu, never by waiting), Mira (status, and golongan unknown),
//! Fajar (pengalaman: 2 years 11 months, eligible from 15 July 2026, next
//! month), Hadi (disiplin, eligible from 1 January 2027), Indah (golongan,
//! never by waiting), Kiki (skp, never by waiting).
//!
//! The JPT plan (Kepala Dinas Kesehatan, JPT pratama; five competencies at
//! level 4) is worked out at [`jpt_candidates`].

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::type_complexity
)]

use talenta_domain::cycle::Talent;
use talenta_domain::disiplin::{Hukuman, TingkatHukuman};
use talenta_domain::eligibility::{
    CandidateRecords, Diklat, MasaJabatan, Outcome, Position, RuleKind, StatusKepegawaian,
};
use talenta_domain::kompetensi::{Kompetensi, Level, Levels, Manajerial};
use talenta_domain::pool::{PoolKind, pools};
use talenta_domain::readiness::Readiness;
use talenta_domain::skp::SkpTahunan;
use talenta_domain::succession::{KeyPosition, Plan, RankBy, plan, ready_now_up_to};
use talenta_domain::{
    BidangIlmu, Golongan, Jenjang, Kotak, Nip, Pendidikan, Predikat, RuleSet, Score,
    TingkatPendidikan,
};
use time::Date;
use time::macros::date;

const ON: Date = date!(2026 - 06 - 30);

fn standard_keys() -> [Kompetensi; 5] {
    [
        Kompetensi::Manajerial(Manajerial::Integritas),
        Kompetensi::Manajerial(Manajerial::KerjaSama),
        Kompetensi::Manajerial(Manajerial::Komunikasi),
        Kompetensi::Manajerial(Manajerial::PelayananPublik),
        Kompetensi::PerekatBangsa,
    ]
}

/// A standard of the five competencies at these levels.
fn levels(each: [u8; 5]) -> Levels {
    standard_keys()
        .into_iter()
        .zip(each)
        .map(|(k, l)| (k, Level::new(l).unwrap()))
        .collect()
}

/// An assessment of all nine competencies: the standard's five at these
/// levels, the other four at `rest`.
fn assessed(each: [u8; 5], rest: u8) -> Levels {
    let mut all = levels(each);
    for m in [
        Manajerial::OrientasiPadaHasil,
        Manajerial::PengembanganDiriDanOrangLain,
        Manajerial::MengelolaPerubahan,
        Manajerial::PengambilanKeputusan,
    ] {
        all.insert(Kompetensi::Manajerial(m), Level::new(rest).unwrap());
    }
    all
}

fn diklat(tanggal: Date, jam: Option<u16>) -> Diklat {
    Diklat { tanggal, jam }
}

/// One person's owned records.
struct Person {
    nip: Nip,
    nama: &'static str,
    jenjang: Jenjang,
    kotak: u8,
    nilai: u8,
    kinerja: u8,
    records: CandidateRecords,
}

fn person(seq: u32, nama: &'static str, kotak: u8, nilai: u8) -> Person {
    Person {
        nip: Nip::parse(&format!("198001012005011{seq:03}")).unwrap(),
        nama,
        jenjang: Jenjang::Pengawas,
        kotak,
        nilai,
        kinerja: nilai,
        records: CandidateRecords {
            status: StatusKepegawaian::Pns,
            birth_date: date!(1980 - 01 - 01),
            golongan: Some(Golongan::IVA),
            pendidikan: vec![Pendidikan {
                tingkat: TingkatPendidikan::S1,
                bidang: Some(BidangIlmu::new("Kesehatan Masyarakat")),
            }],
            riwayat_jabatan: vec![
                MasaJabatan {
                    jenjang: Jenjang::Pelaksana,
                    mulai: date!(2005 - 01 - 01),
                    selesai: Some(date!(2019 - 01 - 01)),
                },
                MasaJabatan {
                    jenjang: Jenjang::Pengawas,
                    mulai: date!(2019 - 01 - 01),
                    selesai: None,
                },
            ],
            skp: vec![
                SkpTahunan {
                    tahun: 2024,
                    predikat: Predikat::Baik,
                },
                SkpTahunan {
                    tahun: 2025,
                    predikat: Predikat::Baik,
                },
            ],
            hukuman: vec![],
            kompetensi: Some(assessed([3; 5], 3)),
            diklat: vec![
                diklat(date!(2024 - 05 - 10), Some(24)),
                diklat(date!(2025 - 05 - 10), Some(24)),
            ],
        },
    }
}

/// A pelaksana since 2005: in line for pengawas.
fn pelaksana(seq: u32, nama: &'static str, kotak: u8, nilai: u8) -> Person {
    let mut p = person(seq, nama, kotak, nilai);
    p.jenjang = Jenjang::Pelaksana;
    p.records.riwayat_jabatan.truncate(1);
    p.records.riwayat_jabatan[0].selesai = None;
    p
}

fn instansi() -> Vec<Person> {
    let mut budi = person(1, "Budi", 9, 95);
    budi.records.pendidikan[0].bidang = Some(BidangIlmu::new("Ilmu Pemerintahan"));
    let ayu = person(4, "Ayu", 9, 92);
    let mut fajar = person(5, "Fajar", 9, 90);
    fajar.records.riwayat_jabatan[0].selesai = Some(date!(2023 - 07 - 15));
    fajar.records.riwayat_jabatan[1].mulai = date!(2023 - 07 - 15);
    let mut hadi = person(6, "Hadi", 9, 88);
    hadi.records.hukuman.push(Hukuman {
        tingkat: TingkatHukuman::Sedang,
        jenis: None,
        mulai: date!(2026 - 01 - 01),
        akhir: Some(date!(2026 - 12 - 31)),
    });
    let mut indah = person(7, "Indah", 8, 87);
    indah.records.golongan = Some(Golongan::IIIC);
    let mut kiki = person(8, "Kiki", 9, 86);
    kiki.records.skp[0].predikat = Predikat::ButuhPerbaikan;
    let mut dewi = person(9, "Dewi", 8, 85);
    dewi.kinerja = 90;
    dewi.records.kompetensi = Some(assessed([3, 2, 2, 2, 2], 3));
    let mut citra = person(10, "Citra", 8, 85);
    citra.kinerja = 80;
    citra.records.kompetensi = Some(assessed([3, 3, 2, 2, 2], 3));
    let mut eko = person(3, "Eko", 7, 80);
    eko.records.kompetensi = Some(assessed([3, 3, 3, 2, 2], 1));
    let mut lina = person(2, "Lina", 7, 80);
    lina.records.kompetensi = Some(assessed([3, 3, 3, 2, 2], 3));
    let gita = person(11, "Gita", 5, 70);
    let joko = pelaksana(12, "Joko", 9, 93);
    let mut mira = person(13, "Mira", 9, 94);
    mira.records.status = StatusKepegawaian::Pppk;
    mira.records.golongan = None;
    mira.jenjang = Jenjang::AhliMuda;
    mira.records.riwayat_jabatan = vec![MasaJabatan {
        jenjang: Jenjang::AhliMuda,
        mulai: date!(2019 - 01 - 01),
        selesai: None,
    }];
    let mut nanda = pelaksana(14, "Nanda", 9, 91);
    nanda.records.status = StatusKepegawaian::Cpns;
    let mut oki = pelaksana(15, "Oki", 8, 84);
    oki.records.diklat[1].jam = Some(16);
    let mut putri = pelaksana(16, "Putri", 7, 83);
    putri.records.diklat = vec![
        diklat(date!(2024 - 03 - 01), Some(12)),
        diklat(date!(2024 - 09 - 01), None),
        diklat(date!(2025 - 05 - 10), Some(24)),
    ];
    vec![
        budi, ayu, fajar, hadi, indah, kiki, dewi, citra, eko, lina, gita, joko, mira, nanda, oki,
        putri,
    ]
}

fn score(n: u8) -> Score {
    Score::whole(n).unwrap()
}

fn talents(people: &[Person]) -> Vec<Talent<'_>> {
    people
        .iter()
        .map(|p| Talent {
            nip: p.nip,
            nama: p.nama,
            opd: "DINKES",
            jenjang: Some(p.jenjang),
            kotak: Kotak::new(p.kotak).unwrap(),
            nilai_talenta: score(p.nilai),
            kinerja: score(p.kinerja),
            // Potensial such that the ties above are ties.
            potensial: score(p.nilai),
            candidate: p.records.candidate(),
        })
        .collect()
}

fn name(nip: &Nip, people: &[Person]) -> &'static str {
    people.iter().find(|p| p.nip == *nip).unwrap().nama
}

fn names(nips: impl Iterator<Item = Nip>, people: &[Person]) -> Vec<&'static str> {
    nips.map(|nip| name(&nip, people)).collect()
}

/// Each left-out person of a pool with the rules they fail.
fn left_out<'a>(
    pool: &talenta_domain::pool::Pool,
    people: &'a [Person],
) -> Vec<(&'a str, Vec<RuleKind>)> {
    pool.left_out
        .iter()
        .map(|l| {
            (
                name(&l.nip, people),
                l.failures.iter().map(|c| c.rule).collect(),
            )
        })
        .collect()
}

/// A succession plan's candidates: rank, name, box, JPM, readiness and
/// the last day of eligibility.
type Candidates = Vec<(u32, &'static str, u8, Option<u32>, Readiness, Option<Date>)>;

fn candidates(plan: &Plan, people: &[Person]) -> Candidates {
    plan.candidates
        .iter()
        .map(|c| {
            (
                c.rank,
                name(&c.nip, people),
                c.kotak.number(),
                c.jpm,
                c.readiness,
                c.eligible_until,
            )
        })
        .collect()
}

/// A succession plan's excluded: name, the rules failed, and the first and
/// the last day of eligibility.
type Excluded = Vec<(&'static str, Vec<RuleKind>, Option<Date>, Option<Date>)>;

fn excluded(plan: &Plan, people: &[Person]) -> Excluded {
    plan.excluded
        .iter()
        .map(|e| {
            (
                name(&e.nip, people),
                e.failures.iter().map(|c| c.rule).collect(),
                e.eligible_from,
                e.eligible_until,
            )
        })
        .collect()
}

#[test]
fn pools_are_ranked_by_talent_with_gates_checked() {
    let rules = RuleSet::bundled().unwrap();
    let people = instansi();
    let all = pools(&rules, &talents(&people), ON);
    let pool = |target, kind| {
        all.iter()
            .find(|p| p.target == target && p.kind == kind)
            .unwrap()
    };

    let krs = pool(Jenjang::Administrator, PoolKind::Instansi);
    assert_eq!(
        names(krs.members.iter().map(|m| m.nip), &people),
        ["Budi", "Ayu", "Fajar", "Indah", "Dewi", "Citra", "Lina"]
    );
    assert_eq!(
        krs.members.iter().map(|m| m.rank).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );
    assert_eq!(
        left_out(krs, &people),
        [
            ("Mira", vec![RuleKind::Status]),
            ("Hadi", vec![RuleKind::Disiplin]),
            ("Kiki", vec![RuleKind::Skp]),
            ("Eko", vec![RuleKind::Kompetensi]),
        ]
    );
    assert_eq!(krs.left_out[1].eligible_from, Some(date!(2027 - 01 - 01)));
    let eko = &krs.left_out[3].failures[0];
    assert_eq!(
        eko.actual,
        "Orientasi pada Hasil level 1, Pengembangan Diri dan Orang Lain level 1, Mengelola Perubahan level 1, Pengambilan Keputusan level 1"
    );
    assert_eq!(
        eko.required,
        "level 2 pada setiap kompetensi manajerial dan level 2 Perekat Bangsa (asesmen terakhir)"
    );
    assert!(
        eko.source.contains("Pasal 199 ayat (2) huruf a"),
        "{}",
        eko.source
    );

    let nasional = pool(Jenjang::Administrator, PoolKind::Nasional);
    assert_eq!(
        names(nasional.members.iter().map(|m| m.nip), &people),
        ["Budi", "Ayu", "Fajar"]
    );
    assert_eq!(nasional.left_out.len(), 3);

    // Joko (pelaksana, box 9) is in line for pengawas, and the only one
    // of the pelaksana who meets every gate.
    let pengawas = pool(Jenjang::Pengawas, PoolKind::Instansi);
    assert_eq!(
        names(pengawas.members.iter().map(|m| m.nip), &people),
        ["Joko"]
    );
    assert_eq!(
        left_out(pengawas, &people),
        [
            ("Nanda", vec![RuleKind::Status]),
            ("Oki", vec![RuleKind::Pengembangan]),
            ("Putri", vec![RuleKind::Pengembangan]),
        ]
    );
    assert!(
        pool(Jenjang::JptPratama, PoolKind::Instansi)
            .members
            .is_empty()
    );
    assert_eq!(all.len(), 6);
}

/// PP 11/2017 Pasal 199 ayat (2): the KRS is a group of PNS. A PPPK and a
/// CPNS in box 9 are in no pool, and the reason names their status and the
/// article; a PNS short of 20 JP in a year fails with the year and hours; a
/// training without hours leaves the year unknown.
#[test]
fn the_krs_takes_pns_who_meet_the_competency_and_training_gates() {
    let rules = RuleSet::bundled().unwrap();
    let people = instansi();
    let all = pools(&rules, &talents(&people), ON);
    let left = |nama: &str| {
        let nip = &people.iter().find(|p| p.nama == nama).unwrap().nip;
        assert!(
            all.iter().all(|p| p.members.iter().all(|m| &m.nip != nip)),
            "{nama} is in a pool"
        );
        all.iter()
            .flat_map(|p| &p.left_out)
            .find(|l| &l.nip == nip)
            .unwrap()
    };

    for (nama, status) in [("Mira", "PPPK"), ("Nanda", "CPNS")] {
        let c = &left(nama).failures[0];
        assert_eq!((c.rule, c.outcome), (RuleKind::Status, Outcome::Failed));
        assert_eq!((c.actual.as_str(), c.required.as_str()), (status, "PNS"));
        assert!(
            c.source.starts_with("PP 11/2017 Pasal 199 ayat (2)"),
            "{}",
            c.source
        );
        assert!(c.source.contains("PP 49/2018"), "{}", c.source);
        assert_eq!(left(nama).eligible_from, None);
    }

    let oki = &left("Oki").failures[0];
    assert_eq!(oki.outcome, Outcome::Failed);
    assert_eq!(oki.actual, "2024: 24 JP, 2025: 16 JP");
    assert_eq!(
        oki.required,
        "paling sedikit 20 JP setiap tahun pada tahun 2024 dan 2025"
    );
    assert!(oki.source.contains("Pasal 203"), "{}", oki.source);

    let putri = &left("Putri").failures[0];
    assert_eq!(putri.outcome, Outcome::Unknown);
    assert_eq!(
        putri.actual,
        "2024: 12 JP dan 1 diklat tanpa jumlah jam pelajaran, 2025: 24 JP"
    );
}

#[test]
fn the_succession_plan_of_a_dinas_kesehatan_key_position() {
    let rules = RuleSet::bundled().unwrap();
    let people = instansi();
    let fields = [
        BidangIlmu::new("Kesehatan Masyarakat"),
        BidangIlmu::new("Kedokteran"),
    ];
    let standar = levels([3; 5]);
    let position = KeyPosition {
        kode: "DINKES-KABID-YANKES",
        nama: "Kepala Bidang Pelayanan Kesehatan",
        opd: "DINKES",
        requirements: Position {
            jenjang: Jenjang::Administrator,
            bidang_ilmu: &fields,
            min_pendidikan: None,
            min_golongan: None,
        },
        standar: &standar,
    };
    let plan = plan(&rules, &position, &talents(&people), ON, None);

    use Readiness::*;
    // No age limit for administrator: nothing ends (the last column).
    assert_eq!(
        candidates(&plan, &people),
        [
            (1, "Ayu", 9, Some(10_000), SiapSekarang, None),
            (2, "Citra", 8, Some(8_000), SiapSekarang, None),
            (3, "Dewi", 8, Some(7_333), SatuDuaTahun, None),
            (4, "Lina", 7, Some(8_667), SatuDuaTahun, None),
            (5, "Eko", 7, Some(8_667), SatuDuaTahun, None),
        ]
    );
    assert_eq!((plan.ready_now, plan.min_ready), (2, 3));
    assert!(plan.kurang_suksesor);
    // The dashboards' count: the plan's two, never more than asked, and
    // without the holder (Ayu) one.
    let all = talents(&people);
    assert_eq!(ready_now_up_to(&rules, &position, &all, ON, usize::MAX), 2);
    assert_eq!(ready_now_up_to(&rules, &position, &all, ON, 1), 1);
    let others = all.iter().filter(|t| t.nip != people[1].nip);
    assert_eq!(ready_now_up_to(&rules, &position, others, ON, 3), 1);

    assert_eq!(
        excluded(&plan, &people),
        [
            ("Budi", vec![RuleKind::BidangIlmu], None, None),
            (
                "Mira",
                vec![RuleKind::Status, RuleKind::Golongan],
                None,
                None
            ),
            (
                "Fajar",
                vec![RuleKind::Pengalaman],
                Some(date!(2026 - 07 - 15)),
                None
            ),
            (
                "Hadi",
                vec![RuleKind::Disiplin],
                Some(date!(2027 - 01 - 01)),
                None
            ),
            ("Indah", vec![RuleKind::Golongan], None, None),
            ("Kiki", vec![RuleKind::Skp], None, None),
        ]
    );
    // Budi, the highest score of all, is out for his field, with the rule's
    // source and the fields the position accepts.
    let budi = &plan.excluded[0].failures[0];
    assert_eq!(budi.actual, "Ilmu Pemerintahan");
    assert_eq!(budi.required, "Kesehatan Masyarakat, Kedokteran");
    assert!(
        budi.source.starts_with("PP 11/2017 Pasal 54"),
        "{}",
        budi.source
    );
    let fajar = &plan.excluded[2].failures[0];
    assert_eq!(
        fajar.actual,
        "2 tahun 11 bulan di Pengawas / Fungsional Ahli Muda"
    );

    // The holder of the position is not their own successor.
    let without_ayu = talenta_domain::succession::plan(
        &rules,
        &position,
        &talents(&people),
        ON,
        Some(people[1].nip),
    );
    assert_eq!(without_ayu.candidates[0].nip, people[7].nip);
    assert_eq!(without_ayu.candidates[0].rank, 1);
}

/// Administrators in line for Kepala Dinas Kesehatan (JPT pratama; five
/// competencies at level 4, 20 levels), each with golongan IV/b,
/// administrator since 1 January 2019 (pelaksana before, from 2005), and
/// the records of [`person`] otherwise:
///
/// | who  | box | nilai | JPM          | born       | what is different         |
/// |------|-----|-------|--------------|------------|---------------------------|
/// | Rudi | 8   | 96    | 100%         | 1975-01-01 | box 8                     |
/// | Sari | 9   | 90    | 15/20 = 75%  | 1970-03-10 | 56 on the plan's date     |
/// | Tono | 9   | 88    | 100%         | 1975-01-01 |                           |
/// | Umar | 9   | 87    | 100%         | 1970-09-01 | administrator since 2025-01-01 |
/// | Vina | 9   | 86    | 100%         | 1970-01-15 | administrator since 2025-06-01 |
///
/// KASN: the successor to a JPT is the top-ranked person in box 9, so the
/// bundled JPT policy takes box 9 only, ranks by talent, and wants one
/// ready successor. Rudi (box 8, the highest score) is not in line at all.
/// Eligible: Sari (1-2 tahun, 75%) ranks first by talent, Tono (siap
/// sekarang) second; one ready now, enough. Sari is 56 and stays eligible
/// to 9 March 2027, the day before she turns 57 (PP 11/2017 Pasal 107: at
/// most 56 at appointment); Tono to 31 December 2031. Excluded: Umar
/// (pengalaman: 2 years as administrator on 1 January 2027, and eligible
/// to 31 August 2027), Vina (2 years on 1 June 2027, but she turns 57 on
/// 15 January 2027: never by waiting).
fn jpt_candidates() -> Vec<Person> {
    let administrator = |(seq, nama, kotak, nilai, birth, since): (u32, _, _, _, _, Date)| {
        let mut p = person(seq, nama, kotak, nilai);
        p.jenjang = Jenjang::Administrator;
        p.records.golongan = Some(Golongan::IVB);
        p.records.birth_date = birth;
        p.records.riwayat_jabatan[0].selesai = Some(since);
        p.records.riwayat_jabatan[1] = MasaJabatan {
            jenjang: Jenjang::Administrator,
            mulai: since,
            selesai: None,
        };
        p.records.kompetensi = Some(assessed([4; 5], 4));
        p
    };
    let [rudi, mut sari, tono, umar, vina] = [
        (
            21,
            "Rudi",
            8,
            96,
            date!(1975 - 01 - 01),
            date!(2019 - 01 - 01),
        ),
        (
            22,
            "Sari",
            9,
            90,
            date!(1970 - 03 - 10),
            date!(2019 - 01 - 01),
        ),
        (
            23,
            "Tono",
            9,
            88,
            date!(1975 - 01 - 01),
            date!(2019 - 01 - 01),
        ),
        (
            24,
            "Umar",
            9,
            87,
            date!(1970 - 09 - 01),
            date!(2025 - 01 - 01),
        ),
        (
            25,
            "Vina",
            9,
            86,
            date!(1970 - 01 - 15),
            date!(2025 - 06 - 01),
        ),
    ]
    .map(administrator);
    sari.records.kompetensi = Some(assessed([3; 5], 4));
    vec![rudi, sari, tono, umar, vina]
}

#[test]
fn a_jpt_plan_holds_only_box_9_ranked_by_talent() {
    let rules = RuleSet::bundled().unwrap();
    let people = jpt_candidates();
    let standar = levels([4; 5]);
    let position = KeyPosition {
        kode: "DINKES-KADIS",
        nama: "Kepala Dinas Kesehatan",
        opd: "DINKES",
        requirements: Position {
            jenjang: Jenjang::JptPratama,
            bidang_ilmu: &[],
            min_pendidikan: None,
            min_golongan: None,
        },
        standar: &standar,
    };
    let all = talents(&people);
    let plan = plan(&rules, &position, &all, ON, None);
    assert_eq!(
        candidates(&plan, &people),
        [
            (
                1,
                "Sari",
                9,
                Some(7_500),
                Readiness::SatuDuaTahun,
                Some(date!(2027 - 03 - 09))
            ),
            (
                2,
                "Tono",
                9,
                Some(10_000),
                Readiness::SiapSekarang,
                Some(date!(2031 - 12 - 31))
            ),
        ]
    );
    assert_eq!((plan.ready_now, plan.min_ready), (1, 1));
    assert!(!plan.kurang_suksesor);
    assert_eq!(
        excluded(&plan, &people),
        [
            (
                "Umar",
                vec![RuleKind::Pengalaman],
                Some(date!(2027 - 01 - 01)),
                Some(date!(2027 - 08 - 31))
            ),
            (
                "Vina",
                vec![RuleKind::Pengalaman],
                None,
                Some(date!(2027 - 01 - 14))
            ),
        ]
    );
    // The dashboards' count stops at the JPT minimum of one.
    assert_eq!(ready_now_up_to(&rules, &position, &all, ON, 1), 1);
    let without_tono = all.iter().filter(|t| t.nip != people[2].nip);
    assert_eq!(ready_now_up_to(&rules, &position, without_tono, ON, 1), 0);

    // Under the policy of administrator (boxes 7-9, readiness first), the
    // box-8 Rudi would rank first for this JPT post: what KASN rules out.
    let mut old = rules.clone();
    let jpt = old
        .succession
        .targets
        .iter_mut()
        .find(|t| t.jenjang.contains(&Jenjang::JptPratama))
        .unwrap();
    jpt.population_boxes = [7, 8, 9].map(|n| Kotak::new(n).unwrap()).to_vec();
    jpt.ranking = RankBy::Kesiapan;
    jpt.readiness = rules
        .succession
        .of(Jenjang::Administrator)
        .unwrap()
        .readiness
        .clone();
    let before = talenta_domain::succession::plan(&old, &position, &all, ON, None);
    assert_eq!(name(&before.candidates[0].nip, &people), "Rudi");
}

#[test]
fn the_fingerprint_changes_with_any_value() {
    let rules = RuleSet::bundled().unwrap();
    let mut other = rules.clone();
    assert_eq!(rules.fingerprint(), other.fingerprint());
    assert_eq!(rules.fingerprint().len(), 16);
    other.succession.targets[0].min_ready = 2;
    assert_ne!(rules.fingerprint(), other.fingerprint());
}
