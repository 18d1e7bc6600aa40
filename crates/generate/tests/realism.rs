//! The synthetic instansi looks like a real city's civil service: each test
//! checks one regulatory or published fact, or the generator's documented
//! target, on a generated Kota Serang-sized population (9,000 ASN,
//! seeds/003), up to its talent map.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use talenta_domain::calendar::age_on;
use talenta_domain::disiplin::TingkatHukuman;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::jabatan::KelompokJabatan;
use talenta_domain::nip::Appointment;
use talenta_domain::personnel::{GolonganAsn, Jabatan, Pegawai};
use talenta_domain::talent::Komponen;
use talenta_domain::talent_map::{NilaiSkp, Rekam, Syarat, score};
use talenta_domain::{
    BidangIlmu, Golongan, Jenjang, Nip, Periode, Predikat, RuleSet, TingkatPendidikan,
};
use talenta_generate::{AS_OF, Batch, Config, Generator, Problem};

const N: u64 = 9_000;

fn generator(employees: u64, seed: u64, dirty: bool) -> Generator {
    Generator::new(Config {
        employees,
        seed,
        dirty,
    })
    .unwrap()
}

struct City {
    batch: Batch,
    jabatan: HashMap<String, Jabatan>,
    units: HashMap<String, Option<String>>,
}

fn city() -> &'static City {
    static CITY: OnceLock<City> = OnceLock::new();
    CITY.get_or_init(|| {
        let g = generator(N, 1, false);
        City {
            batch: g.batch(0..N),
            jabatan: g.jabatan().map(|j| (j.kode.clone(), j)).collect(),
            units: g.opd().map(|o| (o.kode, o.induk)).collect(),
        }
    })
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

fn pegawai() -> &'static [Pegawai] {
    &city().batch.pegawai
}

fn count(f: impl Fn(&Pegawai) -> bool) -> f64 {
    share(pegawai().iter().filter(|p| f(p)).count(), pegawai().len())
}

#[test]
fn has_exactly_the_employees_asked_for() {
    assert_eq!(pegawai().len(), 9_000);
    for n in [1, 7, 150] {
        assert_eq!(generator(n, 3, false).batch(0..n).pegawai.len() as u64, n);
    }
}

#[test]
fn opds_are_those_of_a_real_city() {
    let names: HashSet<String> = generator(N, 1, false).opd().map(|o| o.nama).collect();
    for expected in [
        "Sekretariat Daerah",
        "Bagian Hukum",
        "Sekretariat DPRD",
        "Inspektorat",
        "Badan Perencanaan Pembangunan Daerah",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "Dinas Kesehatan",
        "Puskesmas Ciracas",
        "RSUD Kota Serang Sintetis",
        "Dinas Pendidikan dan Kebudayaan",
        "SD Negeri 1",
        "SMP Negeri 1",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Dinas Sosial",
        "Dinas Perhubungan",
        "Satuan Polisi Pamong Praja",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Kecamatan Serang",
        "Kelurahan Cimuncang",
    ] {
        assert!(names.contains(expected), "{expected} missing");
    }
    // Parents exist and come first.
    let mut seen = HashSet::new();
    for opd in generator(N, 1, false).opd() {
        if let Some(parent) = &opd.induk {
            assert!(
                seen.contains(parent),
                "{} before its parent {parent}",
                opd.kode
            );
        }
        assert!(seen.insert(opd.kode.clone()), "{} twice", opd.kode);
    }
}

#[test]
fn positions_carry_requirements_by_jenjang_and_field() {
    let jabatan = &city().jabatan;
    let kadinkes = &jabatan["DINKES-KEPALA"];
    assert_eq!(kadinkes.nama, "Kepala Dinas Kesehatan");
    assert_eq!(kadinkes.jenjang, Jenjang::JptPratama);
    assert!(kadinkes.kunci);
    assert_eq!(kadinkes.kebutuhan, 1);
    assert_eq!(kadinkes.min_pendidikan, Some(TingkatPendidikan::S1));
    assert_eq!(kadinkes.min_golongan, Some(Golongan::IVB));
    for field in [
        "Kedokteran",
        "Kesehatan Masyarakat",
        "Keperawatan",
        "Farmasi",
    ] {
        assert!(kadinkes.bidang_ilmu.contains(&BidangIlmu::new(field)));
    }
    assert!(
        jabatan["DPUPR-KEPALA"]
            .bidang_ilmu
            .contains(&BidangIlmu::new("Teknik Sipil"))
    );
    let guru = jabatan
        .values()
        .find(|j| j.nama == "Guru Kelas Ahli Pertama")
        .unwrap();
    assert!(
        guru.bidang_ilmu
            .iter()
            .all(|f| f.as_str().starts_with("Pendidikan"))
    );
    // domain.md §4.4: JPT pratama 4, administrator 3, pengawas 2, pelaksana 1.
    for (jenjang, level) in [
        (Jenjang::JptPratama, 4),
        (Jenjang::Administrator, 3),
        (Jenjang::Pengawas, 2),
        (Jenjang::Pelaksana, 1),
        (Jenjang::AhliMadya, 3),
        (Jenjang::AhliMuda, 2),
    ] {
        let j = jabatan.values().find(|j| j.jenjang == jenjang).unwrap();
        assert_eq!(j.standar.len(), 9);
        assert!(j.standar.values().all(|l| l.get() == level), "{jenjang:?}");
    }
    let kunci: Vec<_> = jabatan.values().filter(|j| j.kunci).collect();
    assert!(kunci.iter().any(|j| j.jenjang == Jenjang::Administrator));
    assert!(kunci.len() > 40);
    // Every jabatan is in a unit that exists.
    assert!(jabatan.values().all(|j| city().units.contains_key(&j.opd)));
}

#[test]
fn occupants_mostly_fit_their_position() {
    let fits: Vec<bool> = pegawai()
        .iter()
        .filter_map(|p| {
            let j = &city().jabatan[p.jabatan.as_ref()?];
            let field = p.bidang_ilmu.as_ref()?;
            (!j.bidang_ilmu.is_empty()).then(|| j.bidang_ilmu.iter().any(|f| f.matches(field)))
        })
        .collect();
    let fit = share(fits.iter().filter(|f| **f).count(), fits.len());
    assert!((0.80..0.95).contains(&fit), "{fit}");
    // Every occupant holds a real position of a real unit.
    for p in pegawai() {
        let j = &city().jabatan[p.jabatan.as_ref().unwrap()];
        assert_eq!(j.opd, p.opd);
    }
}

#[test]
fn nips_are_valid_unique_and_consistent() {
    let mut seen = HashSet::new();
    for p in pegawai() {
        assert!(seen.insert(p.nip), "{} twice", p.nip);
        assert_eq!(p.nip.birth_date(), p.tanggal_lahir);
        assert_eq!(p.nip.gender(), p.jenis_kelamin);
        match (p.status, p.nip.appointment()) {
            (StatusKepegawaian::Pppk, Appointment::Pppk { year, code }) => {
                assert_eq!(code, 21);
                assert_eq!(Some(year), p.tmt_golongan.map(|d| d.year()));
            }
            (_, Appointment::Cpns { year, month }) => {
                let tmt = p.tmt_cpns.unwrap();
                assert_eq!((year, month), (tmt.year(), tmt.month()));
            }
            other => panic!("{other:?}"),
        }
        let age = age_on(p.tanggal_lahir, AS_OF);
        assert!((19..=58).contains(&age), "{age}");
    }
    // The NIPs of a 4.3 million instansi: a spread sample is unique too.
    let big = generator(4_300_000, 1, false);
    let mut nips = HashSet::new();
    for i in (0..4_300_000).step_by(211) {
        let b = big.batch(i..i + 1);
        assert!(nips.insert(b.pegawai[0].nip));
    }
}

#[test]
fn status_mix_is_that_of_a_regional_civil_service() {
    let pns = count(|p| p.status == StatusKepegawaian::Pns);
    let pppk = count(|p| p.status == StatusKepegawaian::Pppk);
    let cpns = count(|p| p.status == StatusKepegawaian::Cpns);
    assert!((0.70..0.80).contains(&pns), "{pns}");
    assert!((0.18..0.26).contains(&pppk), "{pppk}");
    assert!((0.015..0.05).contains(&cpns), "{cpns}");
    // Managerial positions are for PNS only (UU 20/2023).
    for p in pegawai() {
        let j = &city().jabatan[p.jabatan.as_ref().unwrap()];
        if j.jenjang.kelompok() == KelompokJabatan::Manajerial {
            assert_eq!(p.status, StatusKepegawaian::Pns);
        }
    }
}

/// BKN, Statistik ASN: golongan III is the largest group of PNS, then IV,
/// then II; golongan I has nearly gone.
#[test]
fn golongan_distribution_is_mostly_iii_then_iv_and_ii() {
    let pns: Vec<Golongan> = pegawai()
        .iter()
        .filter_map(|p| match p.golongan {
            Some(GolonganAsn::Pns(g)) => Some(g),
            _ => None,
        })
        .collect();
    let group = |low: Golongan, high: Golongan| {
        share(
            pns.iter().filter(|g| (low..=high).contains(*g)).count(),
            pns.len(),
        )
    };
    let (i, ii, iii, iv) = (
        group(Golongan::IA, Golongan::ID),
        group(Golongan::IIA, Golongan::IID),
        group(Golongan::IIIA, Golongan::IIID),
        group(Golongan::IVA, Golongan::IVE),
    );
    assert!((0.50..0.70).contains(&iii), "{iii}");
    assert!((0.18..0.35).contains(&iv), "{iv}");
    assert!((0.07..0.20).contains(&ii), "{ii}");
    assert!(i < 0.02, "{i}");
}

/// BKN, Statistik ASN: S1/D-IV about 60%, then SLTA, D-III, S2; few S3.
#[test]
fn education_distribution_follows_bkn_statistics() {
    let level = |f: &dyn Fn(TingkatPendidikan) -> bool| count(|p| f(p.pendidikan.unwrap()));
    let s1 = level(&|l| l.rank() == TingkatPendidikan::S1.rank());
    let slta = level(&|l| l.rank() == TingkatPendidikan::Slta.rank());
    let d3 = level(&|l| l == TingkatPendidikan::D3);
    let s2 = level(&|l| l == TingkatPendidikan::S2);
    let s3 = level(&|l| l == TingkatPendidikan::S3);
    assert!((0.50..0.70).contains(&s1), "{s1}");
    assert!(
        s1 > slta && slta > 0.08 && d3 > 0.08 && s2 > 0.05,
        "{slta} {d3} {s2}"
    );
    assert!(s2 < 0.15 && s3 < 0.01, "{s2} {s3}");
}

#[test]
fn histories_lead_to_the_current_state() {
    let b = &city().batch;
    let by_nip = |nip| move |r: &&talenta_domain::personnel::RiwayatGolongan| r.nip == nip;
    let mut golongan: HashMap<_, Vec<_>> = HashMap::new();
    for r in &b.riwayat_golongan {
        golongan.entry(r.nip).or_default().push(r);
    }
    let mut jabatan: HashMap<_, Vec<_>> = HashMap::new();
    for r in &b.riwayat_jabatan {
        jabatan.entry(r.nip).or_default().push(r);
    }
    let mut pendidikan: HashMap<_, Vec<_>> = HashMap::new();
    for r in &b.riwayat_pendidikan {
        pendidikan.entry(r.nip).or_default().push(r);
    }
    for p in pegawai() {
        let g = &golongan[&p.nip];
        assert!(g.windows(2).all(|w| w[0].tmt < w[1].tmt));
        let last = g.last().unwrap();
        assert_eq!(
            (Some(last.golongan), Some(last.tmt)),
            (p.golongan, p.tmt_golongan)
        );
        assert!(g.iter().all(by_nip(p.nip)));
        let j = &jabatan[&p.nip];
        assert!(j.windows(2).all(|w| w[0].tmt < w[1].tmt));
        let current = j.last().unwrap();
        assert_eq!(
            (current.jabatan.as_ref(), Some(current.tmt)),
            (p.jabatan.as_ref(), p.tmt_jabatan)
        );
        assert!(current.tmt <= AS_OF);
        let schooling = &pendidikan[&p.nip];
        assert!(schooling.iter().any(|r| r.tingkat == p.pendidikan.unwrap()));
        assert!(
            schooling
                .iter()
                .all(|r| r.tingkat.rank() <= p.pendidikan.unwrap().rank())
        );
    }
    // Managers rose through the ranks.
    let kepala = pegawai()
        .iter()
        .find(|p| p.jabatan.as_deref() == Some("DINKES-KEPALA"));
    if let Some(k) = kepala {
        assert!(jabatan[&k.nip].len() >= 2);
    }
}

#[test]
fn some_have_training_and_awards() {
    let b = &city().batch;
    let with = |nips: HashSet<_>| share(nips.len(), pegawai().len());
    let diklat = with(b.riwayat_diklat.iter().map(|d| d.nip).collect());
    let awards = with(b.riwayat_penghargaan.iter().map(|d| d.nip).collect());
    assert!((0.5..1.0).contains(&diklat), "{diklat}");
    assert!((0.2..0.8).contains(&awards), "{awards}");
}

/// About 2% sanctioned, light sanctions the most and heavy the fewest.
#[test]
fn hukdis_for_about_two_percent_mostly_light() {
    let b = &city().batch;
    let people: HashSet<_> = b.riwayat_hukdis.iter().map(|h| h.nip).collect();
    let rate = share(people.len(), pegawai().len());
    assert!((0.01..0.03).contains(&rate), "{rate}");
    let of = |t| {
        b.riwayat_hukdis
            .iter()
            .filter(|h| h.jenis.tingkat() == t)
            .count()
    };
    let (ringan, sedang, berat) = (
        of(TingkatHukuman::Ringan),
        of(TingkatHukuman::Sedang),
        of(TingkatHukuman::Berat),
    );
    assert!(
        ringan > sedang && sedang > berat && berat > 0,
        "{ringan} {sedang} {berat}"
    );
    assert!(
        b.riwayat_hukdis
            .iter()
            .all(|h| h.akhir.is_some_and(|a| a >= h.mulai))
    );
}

#[test]
fn skp_for_every_year_served_mostly_baik_with_some_missing() {
    let b = &city().batch;
    let mut years: HashMap<_, Vec<i32>> = HashMap::new();
    for s in &b.skp {
        assert_eq!(
            s.predikat,
            talenta_domain::skp::predikat(s.hasil_kerja, s.perilaku_kerja)
        );
        years.entry(s.nip).or_default().push(s.tahun);
    }
    let appointed = |p: &Pegawai| {
        p.tmt_cpns.or(p
            .tmt_golongan
            .filter(|_| p.status == StatusKepegawaian::Pppk))
    };
    let mut due = 0;
    let mut found = 0;
    for p in pegawai() {
        let start = appointed(p).unwrap();
        for year in [2023, 2024, 2025] {
            let has = years.get(&p.nip).is_some_and(|y| y.contains(&year));
            if start.year() < year {
                due += 1;
                found += usize::from(has);
            } else {
                assert!(!has, "SKP {year} before appointment {start}");
            }
        }
    }
    let complete = share(found, due);
    assert!((0.90..0.99).contains(&complete), "{complete}");
    // The target of performance.rs: Sangat Baik 16%, Baik 70%, Butuh
    // Perbaikan 9%, Kurang 4%, Sangat Kurang 1% (PermenPANRB 6/2022's pola
    // distribusi: at most 70% Baik, some below).
    let of = |p| {
        share(
            b.skp.iter().filter(|s| s.predikat == p).count(),
            b.skp.len(),
        )
    };
    let target = [
        (Predikat::SangatBaik, 0.13..0.19),
        (Predikat::Baik, 0.66..0.72),
        (Predikat::ButuhPerbaikan, 0.07..0.11),
        (Predikat::Kurang, 0.03..0.06),
        (Predikat::SangatKurang, 0.005..0.02),
    ];
    for (predikat, range) in target {
        assert!(
            range.contains(&of(predikat)),
            "{predikat}: {}",
            of(predikat)
        );
    }
}

/// SIASN's SKP records carry no kinerja penguat: only the third of the
/// employees whose instansi scored one have it, on most of their years.
#[test]
fn kinerja_penguat_for_about_a_third() {
    let b = &city().batch;
    let mut with: HashMap<_, (usize, usize)> = HashMap::new();
    for s in &b.skp {
        let e = with.entry(s.nip).or_default();
        e.0 += usize::from(s.nilai_penguat.is_some());
        e.1 += 1;
    }
    let people = share(with.values().filter(|(p, _)| *p > 0).count(), with.len());
    assert!((0.28..0.42).contains(&people), "{people}");
    let rows = share(
        b.skp.iter().filter(|s| s.nilai_penguat.is_some()).count(),
        b.skp.len(),
    );
    assert!((0.25..0.4).contains(&rows), "{rows}");
}

/// The 20 JP a year of PP 11/2017 Pasal 203, as the PNS's riwayat_diklat
/// adds up per year (by start date) over the SKP years: most reach it, a
/// real share do not, and a few years hold a training without hours.
#[test]
fn most_pns_train_20_jp_a_year_some_less_some_unknown() {
    let b = &city().batch;
    let mut years: HashMap<_, (u32, bool)> = HashMap::new();
    for d in &b.riwayat_diklat {
        let e = years.entry((d.nip, d.mulai.year())).or_default();
        e.0 += u32::from(d.jam.unwrap_or(0));
        e.1 |= d.jam.is_none();
    }
    let (mut enough, mut less, mut none, mut unknown, mut due) = (0, 0, 0, 0, 0);
    for p in pegawai()
        .iter()
        .filter(|p| p.status == StatusKepegawaian::Pns)
    {
        for year in [2023, 2024, 2025] {
            if p.tmt_cpns.unwrap().year() >= year {
                continue;
            }
            due += 1;
            match years.get(&(p.nip, year)) {
                None => none += 1,
                Some((_, true)) => unknown += 1,
                Some((jam, false)) if *jam >= 20 => enough += 1,
                Some(_) => less += 1,
            }
        }
    }
    let [enough, less, none, unknown] = [enough, less, none, unknown].map(|n| share(n, due));
    assert!((0.62..0.78).contains(&enough), "{enough}");
    assert!((0.12..0.26).contains(&less), "{less}");
    assert!((0.04..0.12).contains(&none), "{none}");
    assert!((0.02..0.08).contains(&unknown), "{unknown}");
}

#[test]
fn asesmen_for_about_85_percent_with_nine_levels() {
    let b = &city().batch;
    let rate = share(b.asesmen.len(), pegawai().len());
    assert!((0.80..0.90).contains(&rate), "{rate}");
    assert!(
        b.asesmen
            .iter()
            .all(|a| a.kompetensi.len() == 9 && a.potensi.is_some())
    );
    assert!(b.asesmen.iter().all(|a| a.tanggal <= AS_OF));
    let sources: HashSet<_> = b.asesmen.iter().map(|a| a.sumber).collect();
    assert_eq!(sources.len(), 2);
}

#[test]
fn same_seed_same_records_however_chunked() {
    let g = generator(3_000, 7, true);
    let whole = g.batch(0..3_000);
    let mut pieces = Vec::new();
    g.employees(257, 2, Batch::clone, |b| {
        pieces.push(b);
        Ok::<(), ()>(())
    })
    .unwrap();
    let joined: Vec<Pegawai> = pieces.iter().flat_map(|b| b.pegawai.clone()).collect();
    assert_eq!(joined, whole.pegawai);
    assert_eq!(generator(3_000, 7, true).batch(0..3_000), whole);
    assert_ne!(
        generator(3_000, 8, true).batch(0..3_000).pegawai,
        whole.pegawai
    );
}

#[test]
fn units_stay_plausible_at_national_scale() {
    let g = generator(4_300_000, 1, false);
    let mut seats: HashMap<String, u32> = HashMap::new();
    for j in g.jabatan() {
        *seats.entry(j.opd).or_default() += u32::from(j.kebutuhan);
    }
    let largest = seats.values().max().copied().unwrap();
    assert!(largest <= 400, "{largest}");
    let schools = seats.keys().filter(|k| k.starts_with("SDN-")).count();
    assert!(schools > 100_000, "{schools}");
    let total: u64 = seats.values().map(|s| u64::from(*s)).sum();
    assert!(total >= 4_300_000);
}

#[test]
fn dirty_plants_each_problem_in_about_a_thousandth_of_rows() {
    let b = generator(N, 1, true).batch(0..N);
    let kinds: HashSet<Problem> = b.defects.iter().map(|d| d.problem).collect();
    assert_eq!(kinds.len(), Problem::ALL.len());
    let rows = b.pegawai.len()
        + b.riwayat_jabatan.len()
        + b.riwayat_golongan.len()
        + b.riwayat_pendidikan.len()
        + b.riwayat_diklat.len()
        + b.riwayat_penghargaan.len()
        + b.riwayat_hukdis.len()
        + b.skp.len()
        + b.asesmen.len();
    let rate = share(b.defects.len(), rows);
    assert!((0.0004..0.003).contains(&rate), "{rate}");
}

/// A generated city's talent map of 2026-S1, computed in memory with the
/// bundled rule set as `talenta map` does: people per box, and what each
/// person left out lacks.
struct Map {
    boxes: [usize; 9],
    missing: Vec<Vec<Komponen>>,
    /// Mapped people with no penguat on any SKP of the window.
    mapped_without_penguat: usize,
}

fn map_of(g: &Generator, b: &Batch) -> Map {
    let rules = RuleSet::bundled().unwrap();
    let periode: Periode = "2026-S1".parse().unwrap();
    let jabatan: HashMap<String, Jabatan> = g.jabatan().map(|j| (j.kode.clone(), j)).collect();
    let mut skp: HashMap<Nip, Vec<NilaiSkp>> = HashMap::new();
    for s in &b.skp {
        skp.entry(s.nip).or_default().push(NilaiSkp::from(s));
    }
    let mut asesmen: HashMap<Nip, Vec<_>> = HashMap::new();
    for a in &b.asesmen {
        asesmen.entry(a.nip).or_default().push(a.clone());
    }
    let mut hukdis: HashMap<Nip, Vec<_>> = HashMap::new();
    for h in &b.riwayat_hukdis {
        hukdis.entry(h.nip).or_default().push(h.clone());
    }
    let mut map = Map {
        boxes: [0; 9],
        missing: Vec::new(),
        mapped_without_penguat: 0,
    };
    for p in &b.pegawai {
        let skp = skp.get(&p.nip).map_or(&[][..], Vec::as_slice);
        let rekam = Rekam {
            jabatan: p
                .jabatan
                .as_ref()
                .and_then(|k| jabatan.get(k))
                .map(Syarat::from),
            pendidikan: p.pendidikan,
            bidang_ilmu: p.bidang_ilmu.as_ref(),
            skp,
            asesmen: asesmen.get(&p.nip).map_or(&[][..], Vec::as_slice),
            hukdis: hukdis.get(&p.nip).map_or(&[][..], Vec::as_slice),
        };
        match score(&rules, periode, &rekam) {
            Ok(nilai) => {
                map.boxes[usize::from(nilai.placement.kotak.number()) - 1] += 1;
                map.mapped_without_penguat +=
                    usize::from(nilai.components.kinerja.penguat.is_none());
            }
            Err(missing) => map.missing.push(missing.0),
        }
    }
    map
}

/// Issue 20: generated cities of 9,000 with seeds 1 to 5 each have every
/// box occupied, at most 40% of the mapped in boxes 7-9 (the target is
/// about a third, box 9 about 4% as Kabupaten Halmahera Barat's 47 of
/// 1,450, box 5 the largest), and nobody left out for lack of a kinerja
/// penguat, though most of the mapped have none.
#[test]
fn the_map_of_a_city_spreads_over_every_box() {
    for seed in 1..=5 {
        let g = generator(N, seed, false);
        let map = map_of(&g, &g.batch(0..N));
        let mapped: usize = map.boxes.iter().sum();
        let shares = map.boxes.map(|n| share(n, mapped));
        let top = shares[6] + shares[7] + shares[8];
        let boxes = format!("seed {seed}: {:?}", map.boxes);
        assert!(map.boxes.iter().all(|n| *n > 0), "{boxes}");
        assert!(top <= 0.40, "{boxes}: {top}");
        assert!((0.25..0.38).contains(&top), "{boxes}: {top}");
        assert!((0.02..0.07).contains(&shares[8]), "{boxes}");
        assert!(shares.iter().all(|s| *s <= shares[4]), "{boxes}");
        assert!(
            map.missing
                .iter()
                .all(|m| !m.contains(&Komponen::KinerjaPenguat)),
            "{seed}"
        );
        let without = share(map.mapped_without_penguat, mapped);
        assert!(without > 0.5, "{seed}: {without}");
        // Those left out lack an SKP in the window (new PPPK and CPNS) or an
        // assessment: about a quarter.
        let left_out = share(map.missing.len(), N as usize);
        assert!((0.15..0.35).contains(&left_out), "{seed}: {left_out}");
    }
}
