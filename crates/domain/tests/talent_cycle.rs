//! The talent cycle on a hand-built instansi: pools and a succession plan
//! whose correct answers are worked out by hand below, with the bundled
//! rule set.
//!
//! Dinas Kesehatan has a key position, Kepala Bidang Pelayanan Kesehatan
//! (administrator; accepts Kesehatan Masyarakat or Kedokteran; golongan at
//! least III/d; five competencies at level 3, 15 levels in all). The period
//! is 2026-S1, checked on its last day, 30 June 2026. Everyone below holds a
//! pengawas position (the jenjang that feeds administrator) unless noted,
//! is a PNS with golongan IV/a, an S1 in Kesehatan Masyarakat, SKP Baik in
//! 2024 and 2025, no sanction, and pengawas since 1 January 2019.
//!
//! | who   | box | nilai | kinerja | JPM           | what is different                  |
//! |-------|-----|-------|---------|---------------|------------------------------------|
//! | Budi  | 9   | 95    | 95      | 100%          | S1 Ilmu Pemerintahan (wrong field) |
//! | Ayu   | 9   | 92    | 92      | 15/15 = 100%  |                                    |
//! | Fajar | 9   | 90    | 90      | 100%          | pengawas only since 15 July 2023   |
//! | Hadi  | 9   | 88    | 88      | 100%          | hukuman sedang in force to 2026-12-31 |
//! | Indah | 8   | 87    | 87      | 100%          | golongan III/c                     |
//! | Kiki  | 9   | 86    | 86      | 100%          | SKP 2024 Butuh Perbaikan           |
//! | Dewi  | 8   | 85    | 90      | 11/15 = 73.33%|                                    |
//! | Citra | 8   | 85    | 80      | 12/15 = 80%   |                                    |
//! | Eko   | 7   | 80    | 80      | 13/15 = 86.67%| NIP ...003                          |
//! | Lina  | 7   | 80    | 80      | 13/15 = 86.67%| NIP ...002: ties Eko on everything  |
//! | Gita  | 5   | 70    | 70      | 100%          | box 5: not in line                 |
//! | Joko  | 9   | 93    | 93      | 100%          | pelaksana: feeds pengawas, not administrator |
//!
//! KRS Instansi for administrator (boxes 7-9, SKP ≥ Baik 2024-2025, no
//! sedang/berat sanction in force; field, golongan and experience are not
//! pool gates): Budi 95, Ayu 92, Fajar 90, Indah 87, Dewi 85 (kinerja 90
//! beats Citra's 80), Citra 85, Lina 80 (NIP ...002 before Eko's ...003),
//! Eko 80. Left out: Hadi (disiplin), Kiki (skp). KRS Nasional (box 9):
//! Budi, Ayu, Fajar; Hadi and Kiki left out.
//!
//! Succession: the eligible are Ayu, Citra, Dewi, Lina and Eko. Readiness:
//! Ayu (box 9, 100%) and Citra (box 8, 80% = MS exactly) siap sekarang;
//! Dewi (box 8, 73.33%) 1-2 tahun; Lina and Eko (box 7) 1-2 tahun. Ranked:
//! 1 Ayu, 2 Citra (siap sekarang, by nilai), 3 Dewi 85, 4 Lina, 5 Eko (1-2
//! tahun; Lina and Eko tie on nilai, kinerja and potensial, so the NIP
//! decides). Two ready now, fewer than 3: flagged. Excluded, in talent
//! order: Budi (bidang_ilmu, never by waiting), Fajar (pengalaman: 2 years
//! 11 months, eligible from 15 July 2026, next month), Hadi (disiplin,
//! eligible from 1 January 2027), Indah (golongan, never by waiting), Kiki
//! (skp, never by waiting).

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use talenta_domain::cycle::Talent;
use talenta_domain::disiplin::{Hukuman, TingkatHukuman};
use talenta_domain::eligibility::{Candidate, MasaJabatan, Position, RuleKind, StatusKepegawaian};
use talenta_domain::kompetensi::{Kompetensi, Level, Levels, Manajerial};
use talenta_domain::pool::{PoolKind, pools};
use talenta_domain::readiness::Readiness;
use talenta_domain::skp::SkpTahunan;
use talenta_domain::succession::{KeyPosition, plan, ready_now_up_to};
use talenta_domain::{
    BidangIlmu, Golongan, Jenjang, Kotak, Pendidikan, Predikat, RuleSet, Score, TingkatPendidikan,
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

fn levels(each: [u8; 5]) -> Levels {
    standard_keys()
        .into_iter()
        .zip(each)
        .map(|(k, l)| (k, Level::new(l).unwrap()))
        .collect()
}

/// One person's owned records.
struct Person {
    nip: String,
    nama: &'static str,
    jenjang: Jenjang,
    kotak: u8,
    nilai: u8,
    kinerja: u8,
    golongan: Golongan,
    pendidikan: Vec<Pendidikan>,
    jabatan: Vec<MasaJabatan>,
    skp: Vec<SkpTahunan>,
    hukuman: Vec<Hukuman>,
    kompetensi: Levels,
}

fn person(seq: u32, nama: &'static str, kotak: u8, nilai: u8) -> Person {
    Person {
        nip: format!("19800101200501{seq:04}"),
        nama,
        jenjang: Jenjang::Pengawas,
        kotak,
        nilai,
        kinerja: nilai,
        golongan: Golongan::IVA,
        pendidikan: vec![Pendidikan {
            tingkat: TingkatPendidikan::S1,
            bidang: Some(BidangIlmu::new("Kesehatan Masyarakat")),
        }],
        jabatan: vec![
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
        kompetensi: levels([3; 5]),
    }
}

fn instansi() -> Vec<Person> {
    let mut budi = person(1, "Budi", 9, 95);
    budi.pendidikan[0].bidang = Some(BidangIlmu::new("Ilmu Pemerintahan"));
    let ayu = person(4, "Ayu", 9, 92);
    let mut fajar = person(5, "Fajar", 9, 90);
    fajar.jabatan[0].selesai = Some(date!(2023 - 07 - 15));
    fajar.jabatan[1].mulai = date!(2023 - 07 - 15);
    let mut hadi = person(6, "Hadi", 9, 88);
    hadi.hukuman.push(Hukuman {
        tingkat: TingkatHukuman::Sedang,
        jenis: None,
        mulai: date!(2026 - 01 - 01),
        akhir: Some(date!(2026 - 12 - 31)),
    });
    let mut indah = person(7, "Indah", 8, 87);
    indah.golongan = Golongan::IIIC;
    let mut kiki = person(8, "Kiki", 9, 86);
    kiki.skp[0].predikat = Predikat::ButuhPerbaikan;
    let mut dewi = person(9, "Dewi", 8, 85);
    dewi.kinerja = 90;
    dewi.kompetensi = levels([3, 2, 2, 2, 2]);
    let mut citra = person(10, "Citra", 8, 85);
    citra.kinerja = 80;
    citra.kompetensi = levels([3, 3, 2, 2, 2]);
    let mut eko = person(3, "Eko", 7, 80);
    eko.kompetensi = levels([3, 3, 3, 2, 2]);
    let mut lina = person(2, "Lina", 7, 80);
    lina.kompetensi = levels([3, 3, 3, 2, 2]);
    let gita = person(11, "Gita", 5, 70);
    let mut joko = person(12, "Joko", 9, 93);
    joko.jenjang = Jenjang::Pelaksana;
    joko.jabatan.truncate(1);
    joko.jabatan[0].selesai = None;
    vec![
        budi, ayu, fajar, hadi, indah, kiki, dewi, citra, eko, lina, gita, joko,
    ]
}

fn score(n: u8) -> Score {
    Score::whole(n).unwrap()
}

fn talents(people: &[Person]) -> Vec<Talent<'_>> {
    people
        .iter()
        .map(|p| Talent {
            nip: &p.nip,
            nama: p.nama,
            opd: "DINKES",
            jenjang: Some(p.jenjang),
            kotak: Kotak::new(p.kotak).unwrap(),
            nilai_talenta: score(p.nilai),
            kinerja: score(p.kinerja),
            // Potensial such that the ties above are ties.
            potensial: score(p.nilai),
            kompetensi: Some(&p.kompetensi),
            candidate: Candidate {
                status: StatusKepegawaian::Pns,
                birth_date: date!(1980 - 01 - 01),
                golongan: Some(p.golongan),
                pendidikan: &p.pendidikan,
                riwayat_jabatan: &p.jabatan,
                skp: &p.skp,
                hukuman: &p.hukuman,
            },
        })
        .collect()
}

fn names<'a>(nips: impl Iterator<Item = &'a str>, people: &[Person]) -> Vec<&'static str> {
    nips.map(|nip| people.iter().find(|p| p.nip == nip).unwrap().nama)
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
        names(krs.members.iter().map(|m| m.nip.as_str()), &people),
        [
            "Budi", "Ayu", "Fajar", "Indah", "Dewi", "Citra", "Lina", "Eko"
        ]
    );
    assert_eq!(
        krs.members.iter().map(|m| m.rank).collect::<Vec<_>>(),
        (1..=8).collect::<Vec<_>>()
    );
    let left: Vec<(&str, Vec<RuleKind>)> = krs
        .left_out
        .iter()
        .map(|l| {
            (
                names(std::iter::once(l.nip.as_str()), &people)[0],
                l.failures.iter().map(|c| c.rule).collect(),
            )
        })
        .collect();
    assert_eq!(
        left,
        [
            ("Hadi", vec![RuleKind::Disiplin]),
            ("Kiki", vec![RuleKind::Skp])
        ]
    );
    assert_eq!(krs.left_out[0].eligible_from, Some(date!(2027 - 01 - 01)));

    let nasional = pool(Jenjang::Administrator, PoolKind::Nasional);
    assert_eq!(
        names(nasional.members.iter().map(|m| m.nip.as_str()), &people),
        ["Budi", "Ayu", "Fajar"]
    );
    assert_eq!(nasional.left_out.len(), 2);

    // Joko (pelaksana, box 9) is in line for pengawas, alone.
    let pengawas = pool(Jenjang::Pengawas, PoolKind::Instansi);
    assert_eq!(
        names(pengawas.members.iter().map(|m| m.nip.as_str()), &people),
        ["Joko"]
    );
    assert!(
        pool(Jenjang::JptPratama, PoolKind::Instansi)
            .members
            .is_empty()
    );
    assert_eq!(all.len(), 6);
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

    let ranked: Vec<(u32, &str, u8, Option<u32>, Readiness)> = plan
        .candidates
        .iter()
        .map(|c| {
            (
                c.rank,
                names(std::iter::once(c.nip.as_str()), &people)[0],
                c.kotak.number(),
                c.jpm,
                c.readiness,
            )
        })
        .collect();
    use Readiness::*;
    assert_eq!(
        ranked,
        [
            (1, "Ayu", 9, Some(10_000), SiapSekarang),
            (2, "Citra", 8, Some(8_000), SiapSekarang),
            (3, "Dewi", 8, Some(7_333), SatuDuaTahun),
            (4, "Lina", 7, Some(8_667), SatuDuaTahun),
            (5, "Eko", 7, Some(8_667), SatuDuaTahun),
        ]
    );
    assert_eq!(plan.ready_now, 2);
    assert!(plan.kurang_suksesor);
    // The dashboards' count: the plan's two, never more than asked, and
    // without the holder (Ayu) one.
    let all = talents(&people);
    assert_eq!(ready_now_up_to(&rules, &position, &all, ON, usize::MAX), 2);
    assert_eq!(ready_now_up_to(&rules, &position, &all, ON, 1), 1);
    let others = all.iter().filter(|t| t.nip != people[1].nip.as_str());
    assert_eq!(ready_now_up_to(&rules, &position, others, ON, 3), 1);

    let excluded: Vec<(&str, Vec<RuleKind>, Option<Date>)> = plan
        .excluded
        .iter()
        .map(|e| {
            (
                names(std::iter::once(e.nip.as_str()), &people)[0],
                e.failures.iter().map(|c| c.rule).collect(),
                e.eligible_from,
            )
        })
        .collect();
    assert_eq!(
        excluded,
        [
            ("Budi", vec![RuleKind::BidangIlmu], None),
            (
                "Fajar",
                vec![RuleKind::Pengalaman],
                Some(date!(2026 - 07 - 15))
            ),
            (
                "Hadi",
                vec![RuleKind::Disiplin],
                Some(date!(2027 - 01 - 01))
            ),
            ("Indah", vec![RuleKind::Golongan], None),
            ("Kiki", vec![RuleKind::Skp], None),
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
    let fajar = &plan.excluded[1].failures[0];
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
        Some(people[1].nip.as_str()),
    );
    assert_eq!(without_ayu.candidates[0].nip, people[7].nip);
    assert_eq!(without_ayu.candidates[0].rank, 1);
}

#[test]
fn the_fingerprint_changes_with_any_value() {
    let rules = RuleSet::bundled().unwrap();
    let mut other = rules.clone();
    assert_eq!(rules.fingerprint(), other.fingerprint());
    assert_eq!(rules.fingerprint().len(), 16);
    other.succession.min_ready = 2;
    assert_ne!(rules.fingerprint(), other.fingerprint());
}
