//! The histories behind an employee's current state: positions held,
//! schooling, training and awards. Each leads to what the `pegawai` row
//! says now.

use rand::Rng;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::personnel::{
    RiwayatDiklat, RiwayatJabatan, RiwayatPendidikan, RiwayatPenghargaan,
};
use talenta_domain::{BidangIlmu, Jenjang, TingkatPendidikan};
use time::{Date, Duration, Month};

use crate::calendar::{add_months, date_in, months_between};
use crate::career;
use crate::catalogue;
use crate::employee::Person;
use crate::organisation::Seat;
use crate::organisation::position::{Profile, jf_name};
use crate::performance::SKP_YEARS;
use crate::{AS_OF, Batch};

/// The career path to a position: the jenjang held before it, in order.
fn path(jenjang: Jenjang) -> &'static [Jenjang] {
    use Jenjang::*;
    match jenjang {
        JptUtama | JptMadya | JptPratama => &[Pelaksana, Pengawas, Administrator, JptPratama],
        Administrator => &[Pelaksana, Pengawas, Administrator],
        Pengawas => &[Pelaksana, Pengawas],
        AhliUtama => &[AhliPertama, AhliMuda, AhliMadya, AhliUtama],
        AhliMadya => &[AhliPertama, AhliMuda, AhliMadya],
        AhliMuda => &[AhliPertama, AhliMuda],
        Penyelia => &[Terampil, Mahir, Penyelia],
        Mahir => &[Terampil, Mahir],
        AhliPertama => &[AhliPertama],
        Terampil => &[Terampil],
        Pemula => &[Pemula],
        Pelaksana => &[Pelaksana],
    }
}

/// Writes the positions held, the current one last, and returns the TMT of
/// the current one.
pub fn jabatan<R: Rng>(
    rng: &mut R,
    person: &Person,
    seat: &Seat<'_>,
    out: &mut crate::Batch,
) -> Option<Date> {
    let service = months_between(person.appointed, AS_OF);
    let full = if person.status == StatusKepegawaian::Pns {
        path(seat.position.jenjang)
    } else {
        path(seat.position.jenjang).get(path(seat.position.jenjang).len().saturating_sub(1)..)?
    };
    // At least two years in each earlier position; drop the earliest when
    // the service is too short for all of them.
    let fits = usize::try_from(service / 24).unwrap_or(0) + 1;
    let steps = full.get(full.len().saturating_sub(fits.max(1))..)?;
    let count = u32::try_from(steps.len()).ok()?;
    let current_at = if count == 1 && person.status != StatusKepegawaian::Pns {
        0
    } else {
        let earliest = (count - 1) * 24;
        let latest = service.saturating_sub(3).max(earliest);
        let recent = latest
            .saturating_sub(rng.random_range(3..=72))
            .max(earliest);
        if count == 1 {
            rng.random_range(0..=recent)
        } else {
            recent
        }
    };
    let current_tmt = match add_months(person.appointed, current_at)? {
        tmt if current_at == 0 => tmt,
        tmt => date_in(rng, tmt.year(), tmt.month()).max(tmt),
    }
    .min(AS_OF);
    let mut previous: Option<Date> = None;
    for (k, jenjang) in steps.iter().enumerate() {
        let k = u32::try_from(k).ok()?;
        let last = k + 1 == count;
        let tmt = if last {
            current_tmt
        } else {
            let start = add_months(person.appointed, current_at * k / count.max(1))?;
            if k == 0 {
                start
            } else {
                date_in(rng, start.year(), start.month()).max(start)
            }
        };
        if !last && (previous.is_some_and(|p| tmt <= p) || tmt >= current_tmt) {
            continue;
        }
        previous = Some(tmt);
        let (jabatan, nama, opd) = if last {
            (
                Some(seat.jabatan_code()),
                seat.jabatan_nama(),
                Some(seat.unit_code.clone()),
            )
        } else {
            (None, earlier_name(*jenjang, seat.position.jf), None)
        };
        out.riwayat_jabatan.push(RiwayatJabatan {
            nip: person.nip,
            tmt,
            jabatan,
            nama_jabatan: nama,
            opd,
            jenjang: *jenjang,
            nomor_sk: Some(format!(
                "821.2/{}/BKPSDM/{}",
                rng.random_range(100..9999),
                tmt.year()
            )),
            tanggal_sk: tmt.checked_sub(Duration::days(rng.random_range(1..=14))),
        });
    }
    Some(current_tmt)
}

fn earlier_name(jenjang: Jenjang, jf: Option<&str>) -> String {
    match (jenjang, jf) {
        (Jenjang::Pelaksana, _) => "Pengadministrasi Perkantoran".to_owned(),
        (Jenjang::Pengawas, _) => "Kepala Subbagian Umum dan Kepegawaian".to_owned(),
        (Jenjang::Administrator, _) => "Kepala Bidang".to_owned(),
        (Jenjang::JptPratama, _) => "Kepala Badan".to_owned(),
        (_, Some(base)) => jf_name(base, jenjang),
        (_, None) => jenjang.label().to_owned(),
    }
}

const UNIVERSITIES: &[&str] = &[
    "Universitas Sultan Ageng Tirtayasa",
    "UIN Sultan Maulana Hasanuddin Banten",
    "Universitas Serang Raya",
    "Universitas Terbuka",
    "Universitas Pendidikan Indonesia",
    "Universitas Padjadjaran",
    "Universitas Indonesia",
    "Universitas Mathla'ul Anwar",
    "Institut Pemerintahan Dalam Negeri",
];
const HEALTH_SCHOOLS: &[&str] = &[
    "Poltekkes Kemenkes Banten",
    "STIKes Faletehan",
    "Poltekkes Kemenkes Jakarta I",
    "Universitas Sultan Ageng Tirtayasa",
];

/// Schooling from SLTA (or the highest, when lower) to the highest
/// level, each finished once.
pub fn pendidikan<R: Rng>(rng: &mut R, person: &Person, out: &mut Batch) {
    use TingkatPendidikan as T;
    let born = person.birth.year();
    let place = catalogue::place(rng);
    let health = matches!(
        person.profile,
        Profile::Perawat | Profile::Bidan | Profile::Kesehatan | Profile::Apoteker
    );
    let mut push = |level: T, year: i32, bidang: Option<&str>, school: String| {
        out.riwayat_pendidikan.push(RiwayatPendidikan {
            nip: person.nip,
            tingkat: level,
            tahun_lulus: year.min(AS_OF.year() - 1),
            bidang_ilmu: bidang.map(BidangIlmu::new),
            nama_sekolah: Some(school),
        });
    };
    let highest = person.education;
    // SIASN's riwayat pendidikan usually starts at the diploma that
    // qualified for appointment; SD and SLTP appear only as the highest.
    if highest.rank() < T::Slta.rank() {
        let school = if highest == T::Sd {
            "SD Negeri"
        } else {
            "SMP Negeri"
        };
        let age = career::graduation_age(highest);
        push(
            highest,
            born + age,
            None,
            format!("{school} {} {place}", rng.random_range(1..=20)),
        );
    }
    if highest.rank() >= T::Slta.rank() {
        let level = match highest {
            T::SltaKejuruan => T::SltaKejuruan,
            // A vocational school before a degree, for some.
            _ if highest.rank() > T::Slta.rank() && rng.random_range(0..100) < 15 => {
                T::SltaKejuruan
            }
            _ => T::Slta,
        };
        let school = if level == T::SltaKejuruan {
            "SMK Negeri"
        } else {
            "SMA Negeri"
        };
        push(
            level,
            born + 18,
            None,
            format!("{school} {} {place}", rng.random_range(1..=8)),
        );
    }
    // The degree held on appointment, then any earned in service.
    let entered = person.entry_education;
    let service_year =
        |months: u32| person.appointed.year() + i32::try_from(months / 12).unwrap_or(0);
    let mut degree = |level: T, year: i32, rng: &mut R| {
        let list = if health && level.rank() <= T::S1.rank() {
            HEALTH_SCHOOLS
        } else {
            UNIVERSITIES
        };
        push(
            level,
            year,
            person.field,
            catalogue::one_of(rng, list, "Universitas Terbuka").to_owned(),
        );
    };
    if entered.rank() > T::Slta.rank() {
        let first = if entered == T::S2 || entered == T::S3 {
            T::S1
        } else {
            entered
        };
        degree(
            first,
            born + career::graduation_age(first) + rng.random_range(0..=1),
            rng,
        );
        if entered == T::S2 || entered == T::S3 {
            degree(
                T::S2,
                born + career::graduation_age(T::S2) + rng.random_range(0..=2),
                rng,
            );
        }
        if entered == T::S3 {
            degree(
                T::S3,
                born + career::graduation_age(T::S3) + rng.random_range(0..=3),
                rng,
            );
        }
    }
    if let Some((months, level)) = person.upgrade {
        let year = service_year(months);
        if level == T::S2 && entered == T::Slta {
            degree(T::S1, year - 3, rng);
        }
        degree(level, year, rng);
    }
}

/// Training: the basic training of new civil servants (Latsar since 2018,
/// Prajabatan before), leadership training after each managerial step,
/// functional training for some, and each SKP year's competency
/// development ([`yearly_development`]).
pub fn diklat<R: Rng>(rng: &mut R, person: &Person, out: &mut Batch) {
    let mut push = |nama: String,
                    mulai: Date,
                    days: i64,
                    jenis: &str,
                    jam: Option<u16>,
                    penyelenggara: &str| {
        // The key is (NIP, name, start): one row per training.
        if mulai > AS_OF
            || out
                .riwayat_diklat
                .iter()
                .rev()
                .take_while(|d| d.nip == person.nip)
                .any(|d| d.nama == nama && d.mulai == mulai)
        {
            return;
        }
        out.riwayat_diklat.push(RiwayatDiklat {
            nip: person.nip,
            nama,
            mulai,
            selesai: mulai
                .checked_add(Duration::days(days))
                .filter(|d| *d <= AS_OF),
            jenis: Some(jenis.to_owned()),
            jam,
            penyelenggara: Some(penyelenggara.to_owned()),
        });
    };
    if person.status == StatusKepegawaian::Pppk {
        if rng.random_range(0..100) < 40 {
            let start =
                add_months(person.appointed, rng.random_range(1..=6)).unwrap_or(person.appointed);
            push(
                "Orientasi PPPK".to_owned(),
                start,
                4,
                "orientasi",
                Some(30),
                "BKPSDM Kota Serang Sintetis",
            );
        }
    } else {
        let golongan = if person.entry_education.rank() >= TingkatPendidikan::S1.rank() {
            "III"
        } else {
            "II"
        };
        let start =
            add_months(person.appointed, rng.random_range(3..=9)).unwrap_or(person.appointed);
        let nama = if person.appointed.year() >= 2018 {
            format!("Pelatihan Dasar CPNS Golongan {golongan}")
        } else {
            format!("Diklat Prajabatan Golongan {golongan}")
        };
        push(
            nama,
            start,
            50,
            "prajabatan",
            Some(241),
            "BPSDM Provinsi Banten",
        );
    }
    let leadership: &[(Jenjang, &str, &str)] = &[
        (
            Jenjang::Pengawas,
            "Pelatihan Kepemimpinan Pengawas",
            "Diklat Kepemimpinan Tingkat IV",
        ),
        (
            Jenjang::Administrator,
            "Pelatihan Kepemimpinan Administrator",
            "Diklat Kepemimpinan Tingkat III",
        ),
        (
            Jenjang::JptPratama,
            "Pelatihan Kepemimpinan Nasional Tingkat II",
            "Diklat Kepemimpinan Tingkat II",
        ),
    ];
    let held: Vec<(Jenjang, Date)> = out
        .riwayat_jabatan
        .iter()
        .rev()
        .take_while(|r| r.nip == person.nip)
        .map(|r| (r.jenjang, r.tmt))
        .collect();
    for (jenjang, since_2019, before) in leadership {
        if let Some((_, tmt)) = held.iter().find(|(j, _)| j == jenjang) {
            let start = add_months(*tmt, rng.random_range(2..=11)).unwrap_or(*tmt);
            let nama = if start.year() >= 2019 {
                since_2019
            } else {
                before
            };
            push(
                (*nama).to_owned(),
                start,
                90,
                "struktural",
                Some(400),
                "BPSDM Provinsi Banten",
            );
        }
    }
    if let Some(base) = person_jf(person)
        && rng.random_range(0..100) < 30
    {
        let year = rng.random_range(2021..=2025).max(person.appointed.year());
        let start = date_in(rng, year, Month::June);
        push(
            format!("Pelatihan Fungsional {base}"),
            start,
            10,
            "fungsional",
            Some(60),
            "Instansi Pembina",
        );
    }
    let engagement: f64 = rng.random();
    for year in SKP_YEARS {
        for (nama, jenis, jam, days) in yearly_development(rng, person, engagement) {
            let month = Month::try_from(rng.random_range(1..=11u8)).unwrap_or(Month::June);
            let mulai = date_in(rng, year, month);
            if mulai > person.appointed {
                push(nama, mulai, days, jenis, jam, "BPSDM Provinsi Banten");
            }
        }
    }
}

/// Topics of technical training and e-learning.
const TOPICS: &[&str] = &[
    "Penyusunan SKP",
    "Pengadaan Barang/Jasa Pemerintah",
    "Penatausahaan Keuangan Daerah",
    "Pelayanan Prima",
    "Literasi Digital",
    "Manajemen Risiko",
    "Penyusunan Analisis Jabatan",
    "Kearsipan",
    "Keterbukaan Informasi Publik",
    "Sistem Pemerintahan Berbasis Elektronik",
];

/// Percent of trainings recorded without their hours (`jumlahJam` empty),
/// as happens in SIASN [R]: the 20 JP a year is then unknown.
const JAM_MISSING_PERCENT: u32 = 4;

/// The competency development of one year (PP 11/2017 Pasal 203: at
/// least 20 JP a year for a PNS; PPPK at most 24 JP, LAN 15/2020 [S]):
/// `(name, jenis, hours, days)` of each training. Of the PNS years about 8%
/// have none and 20% some under 20 JP (thresholds on the quantiles of
/// `0.6 × engagement + 0.4 × noise`), the rest 20 JP or more [R]; a
/// person's own engagement makes their years alike.
fn yearly_development<R: Rng>(
    rng: &mut R,
    person: &Person,
    engagement: f64,
) -> Vec<(String, &'static str, Option<u16>, i64)> {
    let engagement = 0.6 * engagement + 0.4 * rng.random::<f64>();
    let mut trainings = Vec::new();
    let mut course = |rng: &mut R, hours: &[u16], kind: &'static str, jenis: &'static str| {
        let topic = catalogue::one_of(rng, TOPICS, "Pelayanan Prima");
        let jam = *hours.get(rng.random_range(0..hours.len())).unwrap_or(&8);
        let jam = (rng.random_range(0..100) >= JAM_MISSING_PERCENT).then_some(jam);
        let days = i64::from(jam.unwrap_or(8) / 8).max(1);
        trainings.push((format!("{kind} {topic}"), jenis, jam, days));
    };
    if engagement < 0.196 {
        return trainings;
    }
    if engagement < 0.367 {
        for _ in 0..rng.random_range(1..=2) {
            course(rng, &[2, 4, 6, 8], "E-learning", "e-learning");
        }
        return trainings;
    }
    if person.status == StatusKepegawaian::Pppk {
        course(rng, &[20, 24], "Pelatihan Teknis", "teknis");
        return trainings;
    }
    match rng.random_range(0..100) {
        0..50 => course(rng, &[24, 32], "Bimbingan Teknis", "teknis"),
        50..70 => course(rng, &[40], "Pelatihan Teknis", "teknis"),
        _ => course(rng, &[20], "E-learning", "e-learning"),
    }
    if rng.random_range(0..100) < 35 {
        course(rng, &[2, 4, 6, 8], "Workshop", "seminar");
    }
    trainings
}

fn person_jf(person: &Person) -> Option<&'static str> {
    match person.profile {
        Profile::Guru => Some("Guru"),
        Profile::Perawat => Some("Perawat"),
        Profile::Bidan => Some("Bidan"),
        Profile::Analis => Some("Analis Kebijakan"),
        _ => None,
    }
}

/// Satyalancana Karya Satya after 10, 20 and 30 years of service, for
/// most of those who served them; awarded around 17 August.
pub fn penghargaan<R: Rng>(rng: &mut R, person: &Person, out: &mut Batch) {
    if person.status == StatusKepegawaian::Pppk {
        return;
    }
    for (years, roman) in [(10, "X"), (20, "XX"), (30, "XXX")] {
        let year = person.appointed.year() + years + rng.random_range(0..=2);
        if year >= AS_OF.year() || rng.random_range(0..100) >= 70 {
            continue;
        }
        let Ok(tanggal) = Date::from_calendar_date(year, Month::August, 13) else {
            continue;
        };
        out.riwayat_penghargaan.push(RiwayatPenghargaan {
            nip: person.nip,
            nama: format!("Satyalancana Karya Satya {roman} Tahun"),
            tanggal,
            nomor_sk: Some(format!("{}/TK/Tahun {year}", rng.random_range(10..99))),
        });
    }
}
