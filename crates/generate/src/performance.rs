//! Performance and integrity records: annual SKP (PermenPANRB 6/2022),
//! assessments, and disciplinary sanctions (PP 94/2021). Each employee has a
//! latent performance and potential that their ratings and scores scatter
//! around; religion, region and gender never enter.

use rand::Rng;
use talenta_domain::disiplin::JenisHukuman;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::kompetensi::{Level, UMUM};
use talenta_domain::personnel::{Asesmen, RiwayatHukdis, Skp, SumberAsesmen};
use talenta_domain::skp::predikat;
use talenta_domain::{Jenjang, Rating, Score};
use time::{Date, Duration, Month};

use crate::calendar::{add_months, date_in};
use crate::catalogue::weighted;
use crate::employee::Person;
use crate::organisation::position::standard_level;
use crate::{AS_OF, Batch};

/// The SKP years generated.
pub const SKP_YEARS: [i32; 3] = [2023, 2024, 2025];

/// Percent of PNS with a sanction: about 2% of all employees once PPPK
/// (not generated with sanctions) are counted.
const HUKDIS_PERCENT: u32 = 3;

/// Sanctions by kind (per mille): mostly light, as BKN's yearly reports of
/// hukuman disiplin show (ringan about 60%, sedang 30%, berat 10%).
/// Dismissal is left out: a dismissed person is no longer an employee.
const HUKDIS_MIX: &[(JenisHukuman, u32)] = &[
    (JenisHukuman::TeguranLisan, 220),
    (JenisHukuman::TeguranTertulis, 200),
    (JenisHukuman::PernyataanTidakPuasTertulis, 160),
    (JenisHukuman::PemotonganTukin6Bulan, 130),
    (JenisHukuman::PemotonganTukin9Bulan, 100),
    (JenisHukuman::PemotonganTukin12Bulan, 80),
    (JenisHukuman::PenurunanJabatan12Bulan, 60),
    (JenisHukuman::PembebasanJabatan12Bulan, 50),
];

const REASONS: &[&str] = &[
    "Tidak masuk kerja tanpa alasan yang sah",
    "Tidak menaati ketentuan jam kerja",
    "Tidak mencapai target kinerja",
    "Menyalahgunakan wewenang",
    "Tidak melaksanakan tugas kedinasan yang dipercayakan",
];

/// Writes a sanction for some PNS; returns its year.
pub fn hukdis<R: Rng>(rng: &mut R, person: &Person, out: &mut Batch) -> Option<i32> {
    if person.status != StatusKepegawaian::Pns || rng.random_range(0..100) >= HUKDIS_PERCENT {
        return None;
    }
    let jenis = weighted(rng, HUKDIS_MIX)?;
    let year = rng
        .random_range(2021..=2025)
        .max(person.appointed.year() + 1);
    let month = Month::try_from(rng.random_range(1..=11u8)).ok()?;
    let mulai = date_in(rng, year, month);
    let akhir = match jenis.months() {
        Some(months) => add_months(mulai, u32::from(months)).and_then(|d| d.previous_day()),
        None => Some(mulai),
    };
    out.riwayat_hukdis.push(RiwayatHukdis {
        nip: person.nip,
        jenis,
        mulai,
        akhir,
        nomor_sk: Some(format!("800/{}/BKPSDM/{year}", rng.random_range(100..9999))),
        tanggal_sk: mulai.checked_sub(Duration::days(rng.random_range(1..=20))),
        alasan: Some(
            crate::catalogue::one_of(rng, REASONS, "Tidak menaati ketentuan jam kerja").to_owned(),
        ),
    });
    Some(year)
}

/// A rating from a score in 0..1: the top `above` and bottom `below`
/// fractions (of a mean of two uniforms) leave "sesuai ekspektasi".
fn rating(score: f64, above: f64, below: f64) -> Rating {
    if score > above {
        Rating::DiAtasEkspektasi
    } else if score < below {
        Rating::DiBawahEkspektasi
    } else {
        Rating::SesuaiEkspektasi
    }
}

/// Annual SKP for every year the employee was appointed before, except for
/// a few who lack one (missing data the talent map must list).
pub fn skp<R: Rng>(rng: &mut R, person: &Person, sanctioned: Option<i32>, out: &mut Batch) {
    let latent: f64 = rng.random();
    if rng.random_range(0..100) < 4 {
        return;
    }
    for tahun in SKP_YEARS {
        let Ok(start) = Date::from_calendar_date(tahun, Month::January, 1) else {
            continue;
        };
        if person.appointed >= start || rng.random_range(0..100) < 2 {
            continue;
        }
        // Thresholds on a mean of two uniforms: about 23% above and 3%
        // below expectations for results, 20% and 2% for behaviour, so
        // Baik dominates as in published e-Kinerja recaps.
        let hasil = rating(0.5 * latent + 0.5 * rng.random::<f64>(), 0.66, 0.122);
        let mut perilaku = rating(0.5 * latent + 0.5 * rng.random::<f64>(), 0.68, 0.10);
        if sanctioned == Some(tahun) && rng.random_bool(0.5) {
            perilaku = Rating::DiBawahEkspektasi;
        }
        let penguat = (rng.random_range(0..100) < 85).then(|| {
            let value = 5000.0 + 3000.0 * latent + 1500.0 * rng.random::<f64>();
            Score::from_hundredths(value as u16).ok()
        });
        out.skp.push(Skp {
            nip: person.nip,
            tahun,
            hasil_kerja: hasil,
            perilaku_kerja: perilaku,
            predikat: predikat(hasil, perilaku),
            nilai_penguat: penguat.flatten(),
            penilai_nip: None,
            penilai_nama: None,
        });
    }
}

/// An assessment for about 85% (fewer among new CPNS): CACT for most,
/// assessment centre for most managers.
pub fn asesmen<R: Rng>(rng: &mut R, person: &Person, out: &mut Batch) {
    let missing = if person.status == StatusKepegawaian::Cpns {
        50
    } else {
        14
    };
    if rng.random_range(0..100) < missing {
        return;
    }
    let managerial = matches!(
        person.jenjang,
        Jenjang::JptPratama | Jenjang::JptMadya | Jenjang::JptUtama | Jenjang::Administrator
    );
    let sumber = if managerial && rng.random_range(0..100) < 70 {
        SumberAsesmen::AssessmentCenter
    } else {
        SumberAsesmen::Cact
    };
    let latent: f64 = rng.random();
    let earliest = person
        .appointed
        .max(Date::from_calendar_date(2024, Month::January, 1).unwrap_or(AS_OF));
    let span = (AS_OF - earliest).whole_days().max(1);
    let Some(tanggal) = earliest.checked_add(Duration::days(rng.random_range(0..span))) else {
        return;
    };
    let potensi = 4000.0 + 5500.0 * (0.6 * latent + 0.4 * rng.random::<f64>());
    let standard = i32::from(standard_level(person.jenjang));
    let kompetensi = UMUM
        .iter()
        .cloned()
        .filter_map(|k| {
            let shift = (latent * 2.0 - 1.0 + rng.random_range(-0.8..0.8)).round() as i32;
            let level = u8::try_from((standard + shift).clamp(1, 5)).ok()?;
            Level::new(level).map(|l| (k, l))
        })
        .collect();
    out.asesmen.push(Asesmen {
        nip: person.nip,
        tanggal: tanggal.min(AS_OF),
        sumber,
        potensi: Score::from_hundredths(potensi as u16).ok(),
        kompetensi,
    });
}
