//! The synthetic instansi looks like a real city's civil service: each test
//! checks one regulatory or published fact on a generated Kota Serang-sized
//! population (9,000 ASN, seeds/003).

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
use talenta_domain::{BidangIlmu, Golongan, Jenjang, Predikat, TingkatPendidikan};
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
    let of = |p| {
        share(
            b.skp.iter().filter(|s| s.predikat == p).count(),
            b.skp.len(),
        )
    };
    assert!(of(Predikat::Baik) > 0.7, "{}", of(Predikat::Baik));
    assert!((0.05..0.2).contains(&of(Predikat::SangatBaik)));
    assert!(of(Predikat::SangatKurang) > 0.0 && of(Predikat::SangatKurang) < 0.02);
    let penguat = share(
        b.skp.iter().filter(|s| s.nilai_penguat.is_some()).count(),
        b.skp.len(),
    );
    assert!((0.75..0.95).contains(&penguat), "{penguat}");
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
