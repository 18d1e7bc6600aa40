//! Performance and integrity records: annual SKP (PermenPANRB 6/2022),
//! assessments, and disciplinary sanctions (PP 94/2021). Each employee has a
//! latent performance and potential that their ratings and scores scatter
//! around; religion, region and gender never enter. The shares aimed at,
//! with their sources, are the README's realism target (`talenta
//! generate`); `tests/realism.rs` holds the generator to them, up to the
//! boxes of the talent map.

use rand::Rng;
use talenta_domain::disiplin::JenisHukuman;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::kompetensi::{Level, UMUM};
use talenta_domain::personnel::{Asesmen, RiwayatHukdis, Skp, SumberAsesmen};
use talenta_domain::skp::predikat;
use talenta_domain::{Jenjang, Predikat, Rating, Score};
use time::{Date, Duration, Month};

use crate::calendar::{add_months, date_in};
use crate::catalogue::weighted;
use crate::employee::Person;
use crate::organisation::position::standard_level;
use crate::{AS_OF, Batch};

/// The years of annual SKP and of yearly competency development generated:
/// those a talent map of 2026 and its pools read.
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

/// Predikat of a year by a score in 0..1, `0.6 × latent + 0.4 × noise` of
/// the person's latent performance and the year's luck: the thresholds are
/// that score's quantiles for Sangat Baik 16%, Baik 70%, Butuh Perbaikan
/// 9%, Kurang 4% and Sangat Kurang 1% of the years. PermenPANRB 6/2022's
/// pola distribusi asks, of an organisation rated Baik, at most 70% of its
/// employees Baik and some Butuh Perbaikan or Kurang, the others Sangat
/// Baik or Sangat Kurang [S]; the split of the rest is [R].
const PREDIKAT_FROM: [(f64, Predikat); 4] = [
    (0.7229, Predikat::SangatBaik),
    (0.2592, Predikat::Baik),
    (0.1549, Predikat::ButuhPerbaikan),
    (0.0693, Predikat::Kurang),
];

/// Percent of employees whose SKP carry a kinerja penguat: the instansi
/// scores it for those who brought evidence (awards, team assignments,
/// 360-degree feedback); SIASN's SKP records have none [R].
const PENGUAT_PERCENT: u32 = 35;

fn predikat_of(score: f64) -> Predikat {
    PREDIKAT_FROM
        .iter()
        .find(|(from, _)| score >= *from)
        .map_or(Predikat::SangatKurang, |(_, p)| *p)
}

/// A year's performance score in 0..1: the person's latent performance and
/// the year's luck, moved by a planted bias.
fn score(latent: f64, luck: f64, shift: f64) -> f64 {
    (0.6 * latent + 0.4 * luck + shift).clamp(0.0, 1.0)
}

/// Ratings that give `predikat` in the PermenPANRB 6/2022 matrix, the
/// common cells most often: Baik is mostly as expected on both.
fn ratings<R: Rng>(rng: &mut R, predikat: Predikat) -> (Rating, Rating) {
    use Rating::{
        DiAtasEkspektasi as Atas, DiBawahEkspektasi as Bawah, SesuaiEkspektasi as Sesuai,
    };
    let roll = rng.random_range(0..100);
    match predikat {
        Predikat::SangatBaik => (Atas, Atas),
        Predikat::Baik if roll < 70 => (Sesuai, Sesuai),
        Predikat::Baik if roll < 85 => (Atas, Sesuai),
        Predikat::Baik => (Sesuai, Atas),
        Predikat::ButuhPerbaikan if roll < 85 => (Bawah, Sesuai),
        Predikat::ButuhPerbaikan => (Bawah, Atas),
        Predikat::Kurang if roll < 90 => (Sesuai, Bawah),
        Predikat::Kurang => (Atas, Bawah),
        Predikat::SangatKurang => (Bawah, Bawah),
    }
}

/// Annual SKP for every year the employee was appointed before, except for
/// a few who lack one (missing data the talent map must list). A sanction
/// in a year often brings behaviour below expectations. `shift` moves the
/// yearly score (0-1) of a planted bias, before the predikat and the
/// penguat are read from it.
pub fn skp<R: Rng>(
    rng: &mut R,
    person: &Person,
    sanctioned: Option<i32>,
    shift: f64,
    out: &mut Batch,
) {
    let latent: f64 = rng.random();
    let with_penguat = rng.random_range(0..100) < PENGUAT_PERCENT;
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
        let year = predikat_of(score(latent, rng.random(), shift));
        let (hasil, mut perilaku) = ratings(rng, year);
        if sanctioned == Some(tahun) && rng.random_bool(0.5) {
            perilaku = Rating::DiBawahEkspektasi;
        }
        let penguat = (with_penguat && rng.random_range(0..100) < 90).then(|| {
            let value = 10_000.0 * score(latent, rng.random(), shift);
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
/// assessment centre for most managers. The person's latent ability sets
/// both scores:
/// * potensi, the CACT/ProASN potential score (0-100): BKN sets no pass
///   mark [V] and publishes no distribution; here it is skewed low, `5 + 75
///   x²` of a mean of the latent and noise (median about 24, a tenth above
///   50, none above 80) [R], so that about a third of the mapped reach
///   potensial tinggi. JPM against a level-1 standard (pelaksana, ahli
///   pertama, terampil) is always 100%, so for most employees the potensial
///   axis is kompetensi 40 + integritas 15 + kualifikasi 16-18 = 71-73
///   before potensi: any potensi above about 32 makes them "tinggi";
/// * competency levels: the position's standard shifted by
///   `round(2.4 latent - 1.4 + noise)`, so that of those assessed against
///   a standard of level 2 or more about 57% meet it (JPM at least 80%), as
///   BMKG reported of its assessed staff [V].
///
/// A planted bias's `shift` (0-1) moves the potensi score by as many
/// points of its 0-100 scale, and the latent ability behind the levels.
pub fn asesmen<R: Rng>(rng: &mut R, person: &Person, shift: f64, out: &mut Batch) {
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
    let x = 0.5 * latent + 0.5 * rng.random::<f64>();
    let potensi = (500.0 + 7500.0 * x * x + 10_000.0 * shift).clamp(0.0, 10_000.0);
    let standard = i32::from(standard_level(person.jenjang));
    let kompetensi = UMUM
        .iter()
        .cloned()
        .filter_map(|k| {
            let ability = (latent + shift).clamp(0.0, 1.0);
            let step = (ability * 2.4 - 1.4 + rng.random_range(-0.8..0.8)).round() as i32;
            let level = u8::try_from((standard + step).clamp(1, 5)).ok()?;
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
