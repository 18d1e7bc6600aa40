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
/// Prajabatan before), leadership training after each managerial step, and
/// technical training for some.
pub fn diklat<R: Rng>(rng: &mut R, person: &Person, out: &mut Batch) {
    let mut push =
        |nama: String, mulai: Date, days: i64, jenis: &str, jam: u16, penyelenggara: &str| {
            if mulai > AS_OF
                || out
                    .riwayat_diklat
                    .last()
                    .is_some_and(|d| d.nip == person.nip && d.nama == nama && d.mulai == mulai)
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
                jam: Some(jam),
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
                30,
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
        push(nama, start, 50, "prajabatan", 241, "BPSDM Provinsi Banten");
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
                400,
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
            60,
            "Instansi Pembina",
        );
    }
    const TOPICS: &[&str] = &[
        "Bimbingan Teknis Penyusunan SKP",
        "Pelatihan Pengadaan Barang/Jasa Pemerintah",
        "Bimbingan Teknis Penatausahaan Keuangan Daerah",
        "Pelatihan Pelayanan Prima",
        "Pelatihan Literasi Digital",
        "Bimbingan Teknis Manajemen Risiko",
        "Pelatihan Penyusunan Analisis Jabatan",
    ];
    for _ in 0..2 {
        if rng.random_range(0..100) < 45 {
            let year = rng.random_range(2021..=2025).max(person.appointed.year());
            let topic = catalogue::one_of(rng, TOPICS, "Pelatihan Pelayanan Prima");
            let month = Month::try_from(rng.random_range(1..=11u8)).unwrap_or(Month::June);
            push(
                topic.to_owned(),
                date_in(rng, year, month),
                3,
                "teknis",
                32,
                "BPSDM Provinsi Banten",
            );
        }
    }
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
