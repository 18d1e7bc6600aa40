//! One employee and every record about them, from their seat and their own
//! random stream: identity and NIP, status, education, appointment, and
//! the histories that lead to the current state.

use rand::Rng;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::personnel::{GolonganAsn, Pegawai, RiwayatGolongan};
use talenta_domain::{Jenjang, Nip, TingkatPendidikan};
use time::{Date, Month};

use crate::bias::{self, Bias, Group, Sensitive};
use crate::career::{self, JenisKp};
use crate::catalogue::{self, weighted};
use crate::history;
use crate::nip_code::{NipCode, ymd};
use crate::organisation::Seat;
use crate::organisation::position::Profile;
use crate::performance;
use crate::{AS_OF, Batch};

/// Who an employee is, before the records are written.
#[derive(Debug, Clone)]
pub struct Person {
    pub nip: Nip,
    pub birth: Date,
    pub status: StatusKepegawaian,
    pub education: TingkatPendidikan,
    pub field: Option<&'static str>,
    /// Education on appointment, and when (months after TMT) and to what it
    /// rose during service.
    pub entry_education: TingkatPendidikan,
    pub upgrade: Option<(u32, TingkatPendidikan)>,
    /// TMT CPNS, or the PPPK's first appointment.
    pub appointed: Date,
    pub profile: Profile,
    pub jenjang: Jenjang,
}

/// Share of PNS among holders of non-managerial positions, and of CPNS
/// among entry-level ones, tuned so the instansi comes out near PNS 75%,
/// PPPK 22%, CPNS 3% (BKN, ASN by status, Desember 2024, daerah).
const PPPK_PERCENT: u32 = 25;
const CPNS_PERCENT: u32 = 6;

/// Writes employee `index` into `out`; the caller gives the seat and the
/// NIP code derived from the index.
pub fn generate<R: Rng>(
    rng: &mut R,
    seat: &Seat<'_>,
    code: NipCode,
    sensitive: &Sensitive,
    biases: &[Bias],
    out: &mut Batch,
) -> Option<()> {
    let position = seat.position;
    let status = status(rng, position.jenjang, position.profile);
    let male = rng.random_range(0..100) < male_percent(position.profile, position.jenjang);
    let education = career::education(rng, position.profile, position.jenjang);
    let field = field(rng, education, position.fields);
    let age = age(rng, status, position.jenjang, education);
    let birth_year = match status {
        // A PPPK's number has no month: its lap is in the birth year.
        StatusKepegawaian::Pppk => code.align(AS_OF.year() - 1 - age, AS_OF.year() - 58),
        _ => AS_OF.year() - 1 - age,
    };
    let birth = code.birth_date(birth_year);
    let (entry_education, upgrade_level) = entry_education(rng, education, position.profile);
    let appointed = appointment(rng, status, birth, entry_education, code)?;
    let service = talenta_domain::calendar::months_between(appointed, AS_OF);
    let upgrade = upgrade_level.map(|level| (rng.random_range(12..=service.max(13)), level));
    let nip_text = match status {
        StatusKepegawaian::Pppk => format!(
            "{}{:04}21{}{:03}",
            ymd(birth),
            appointed.year(),
            if male { 1 } else { 2 },
            code.sequence
        ),
        _ => format!(
            "{}{:04}{:02}{}{:03}",
            ymd(birth),
            appointed.year(),
            appointed.month() as u8,
            if male { 1 } else { 2 },
            code.sequence
        ),
    };
    let nip = Nip::parse(&nip_text).ok()?;
    let person = Person {
        nip,
        birth,
        status,
        education,
        field,
        entry_education,
        upgrade,
        appointed,
        profile: position.profile,
        jenjang: position.jenjang,
    };

    let golongan = golongan_history(rng, &person, service);
    let current_golongan = golongan.last().map(|g| (g.golongan, g.tmt));
    out.riwayat_golongan.extend(golongan);
    let tmt_jabatan = history::jabatan(rng, &person, seat, out)?;
    history::pendidikan(rng, &person, out);
    history::diklat(rng, &person, out);
    history::penghargaan(rng, &person, out);
    let shift = bias::shift(
        biases,
        &Group {
            gender: nip.gender(),
            birth,
            status,
            sensitive,
        },
    );
    let sanctioned = performance::hukdis(rng, &person, out);
    performance::skp(rng, &person, sanctioned, shift.kinerja, out);
    performance::asesmen(rng, &person, shift.potensial, out);

    let nama = catalogue::name(rng, male);
    let old = birth.year() < 1968;
    let (mut gelar_depan, gelar_belakang) =
        crate::titles::gelar(education, field, position.profile, old, male);
    // The hajj title in front, for some older Muslims.
    let agama = sensitive.agama;
    if gelar_depan.is_none() && agama == "Islam" && age > 40 && sensitive.hajj_roll < 8 {
        gelar_depan = Some(if male { "H." } else { "Hj." }.to_owned());
    }
    let email = (rng.random_range(0..100) < 65).then(|| {
        let first = nama.split(' ').next().unwrap_or("asn").to_lowercase();
        format!(
            "{first}.{}@sintetis.example",
            nip.as_str().get(14..).unwrap_or("0")
        )
    });
    let no_hp = (rng.random_range(0..100) < 70).then(|| {
        format!(
            "08{}{:09}",
            rng.random_range(1..=9),
            rng.random_range(0..1_000_000_000u32)
        )
    });
    out.pegawai.push(Pegawai {
        nip,
        nama,
        gelar_depan,
        gelar_belakang,
        jenis_kelamin: nip.gender(),
        tempat_lahir: Some(sensitive.tempat_lahir.to_owned()),
        tanggal_lahir: birth,
        status,
        golongan: current_golongan.map(|(g, _)| g),
        tmt_golongan: current_golongan.map(|(_, t)| t),
        jabatan: Some(seat.jabatan_code()),
        tmt_jabatan: Some(tmt_jabatan),
        opd: seat.unit_code.clone(),
        pendidikan: Some(education),
        bidang_ilmu: field.map(talenta_domain::BidangIlmu::new),
        tmt_cpns: (status != StatusKepegawaian::Pppk).then_some(appointed),
        tmt_pns: (status == StatusKepegawaian::Pns)
            .then(|| talenta_domain::calendar::add_months(appointed, 12))
            .flatten(),
        agama: Some(agama.to_owned()),
        daerah_asal: sensitive.daerah_asal.map(str::to_owned),
        email,
        no_hp,
    });
    Some(())
}

fn status<R: Rng>(rng: &mut R, jenjang: Jenjang, profile: Profile) -> StatusKepegawaian {
    use talenta_domain::jabatan::KelompokJabatan;
    // Managerial positions are for PNS only (UU 20/2023 Pasal 14); heads of
    // schools and units likewise.
    if jenjang.kelompok() == KelompokJabatan::Manajerial || profile == Profile::Leader {
        return StatusKepegawaian::Pns;
    }
    let roll = rng.random_range(0..100);
    let entry_level = matches!(
        jenjang,
        Jenjang::AhliPertama | Jenjang::Terampil | Jenjang::Pemula | Jenjang::Pelaksana
    );
    if roll < PPPK_PERCENT {
        StatusKepegawaian::Pppk
    } else if entry_level && roll < PPPK_PERCENT + CPNS_PERCENT {
        StatusKepegawaian::Cpns
    } else {
        StatusKepegawaian::Pns
    }
}

/// Percent of men by profile: teachers, nurses and midwives are mostly
/// women, field staff and leaders mostly men (BKN: 53% of PNS are women).
fn male_percent(profile: Profile, jenjang: Jenjang) -> u32 {
    match profile {
        Profile::Bidan => 0,
        Profile::Guru | Profile::Perawat => 30,
        Profile::Dokter | Profile::DokterGigi | Profile::Apoteker | Profile::Kesehatan => 38,
        Profile::Leader if jenjang == Jenjang::JptPratama => 80,
        Profile::Leader => 65,
        Profile::Lapangan => 90,
        Profile::Analis | Profile::Terampil => 50,
        Profile::Pelaksana => 55,
    }
}

/// The field of study: one the position accepts for most, another for
/// about one in eight (the mismatch talent management is meant to find).
fn field<R: Rng>(
    rng: &mut R,
    education: TingkatPendidikan,
    accepted: &[&'static str],
) -> Option<&'static str> {
    if education.rank() < TingkatPendidikan::D1.rank() {
        return None;
    }
    if !accepted.is_empty() && rng.random_range(0..100) < 88 {
        return Some(catalogue::one_of(rng, accepted, "Administrasi Negara"));
    }
    let others: Vec<&'static str> = catalogue::GENERAL
        .iter()
        .copied()
        .filter(|f| !accepted.contains(f))
        .collect();
    Some(catalogue::one_of(rng, &others, "Administrasi Negara"))
}

/// Age on the reference date, by status and position: PNS in senior
/// positions are older, CPNS young, PPPK anywhere from 24 (many were
/// long-serving honorer).
fn age<R: Rng>(
    rng: &mut R,
    status: StatusKepegawaian,
    jenjang: Jenjang,
    education: TingkatPendidikan,
) -> i32 {
    let (low, high) = match status {
        StatusKepegawaian::Cpns => (19, 35),
        StatusKepegawaian::Pppk => (24, 56),
        StatusKepegawaian::Pns => match jenjang {
            Jenjang::JptUtama | Jenjang::JptMadya | Jenjang::JptPratama => (46, 57),
            Jenjang::Administrator => (40, 57),
            Jenjang::AhliMadya | Jenjang::AhliUtama => (44, 57),
            Jenjang::Penyelia => (40, 57),
            Jenjang::Pengawas | Jenjang::Mahir => (32, 57),
            Jenjang::AhliMuda => (34, 57),
            Jenjang::AhliPertama => (24, 50),
            Jenjang::Terampil => (24, 52),
            Jenjang::Pemula => (20, 40),
            Jenjang::Pelaksana => (22, 57),
        },
    };
    let low = low.max(career::graduation_age(education) + 1);
    let high = high.max(low);
    // Mean of two draws: more people in the middle of the range.
    (rng.random_range(low..=high) + rng.random_range(low..=high) + 1) / 2
}

/// Education on appointment: a master's degree is often earned during
/// service, and some older staff rose from SLTA to S1 (penyesuaian ijazah).
fn entry_education<R: Rng>(
    rng: &mut R,
    education: TingkatPendidikan,
    profile: Profile,
) -> (TingkatPendidikan, Option<TingkatPendidikan>) {
    let roll = rng.random_range(0..100);
    match education {
        TingkatPendidikan::S2 if roll < 55 && profile != Profile::Dokter => {
            (TingkatPendidikan::S1, Some(education))
        }
        TingkatPendidikan::S1
            if roll < 20 && matches!(profile, Profile::Pelaksana | Profile::Leader) =>
        {
            (TingkatPendidikan::Slta, Some(education))
        }
        _ => (education, None),
    }
}

/// TMT CPNS (PNS, CPNS) or first PPPK appointment, consistent with the
/// birth date and the NIP code's lap.
fn appointment<R: Rng>(
    rng: &mut R,
    status: StatusKepegawaian,
    birth: Date,
    entry: TingkatPendidikan,
    code: NipCode,
) -> Option<Date> {
    let (year, month) = match status {
        StatusKepegawaian::Pppk => {
            let year = weighted(
                rng,
                &[(2021, 10), (2022, 15), (2023, 20), (2024, 25), (2025, 30)],
            )?;
            let month = weighted(rng, &[(1u8, 3), (3, 3), (4, 2), (7, 1), (10, 1)])?;
            (year, month)
        }
        _ => {
            let year = if status == StatusKepegawaian::Cpns {
                AS_OF.year() - 1
            } else {
                let entry_age = career::graduation_age(entry) + 1 + rng.random_range(0..=6);
                (birth.year() + entry_age.min(35))
                    .min(AS_OF.year() - 2)
                    .max(birth.year() + 19)
            };
            // CPNS are mostly appointed on 1 January, 1 March or 1 April.
            let wanted = weighted(
                rng,
                &[
                    (0, 35),
                    (2, 25),
                    (3, 10),
                    (1, 5),
                    (4, 5),
                    (5, 5),
                    (6, 5),
                    (9, 5),
                    (11, 5),
                ],
            )?;
            let month = code.align(wanted, 0);
            (year, u8::try_from(month + 1).ok()?)
        }
    };
    Date::from_calendar_date(year, Month::try_from(month).ok()?, 1).ok()
}

/// The golongan rows: a PNS's promotions since TMT CPNS on the April and
/// October promotion dates, a PPPK's one golongan.
fn golongan_history<R: Rng>(rng: &mut R, person: &Person, service: u32) -> Vec<RiwayatGolongan> {
    if person.status == StatusKepegawaian::Pppk {
        return career::pppk_golongan(person.education)
            .map(|g| RiwayatGolongan {
                nip: person.nip,
                tmt: person.appointed,
                golongan: GolonganAsn::Pppk(g),
                jenis_kp: Some("Pengangkatan PPPK".to_owned()),
                nomor_sk: Some(format!(
                    "800/{}/BKPSDM/{}",
                    rng.random_range(100..9999),
                    person.appointed.year()
                )),
                tanggal_sk: Some(person.appointed),
            })
            .into_iter()
            .collect();
    }
    let jenjang = if person.status == StatusKepegawaian::Cpns {
        Jenjang::Pelaksana
    } else {
        person.jenjang
    };
    let mut rows: Vec<RiwayatGolongan> = Vec::new();
    for step in career::golongan_steps(
        rng,
        person.entry_education,
        person.upgrade,
        jenjang,
        service,
    ) {
        let tmt = if step.jenis == JenisKp::Pengangkatan {
            Some(person.appointed)
        } else {
            talenta_domain::calendar::add_months(person.appointed, step.after_months)
                .and_then(promotion_date)
        };
        let Some(tmt) = tmt.filter(|t| *t <= AS_OF) else {
            break;
        };
        if rows.last().is_some_and(|r| r.tmt >= tmt) {
            continue;
        }
        rows.push(RiwayatGolongan {
            nip: person.nip,
            tmt,
            golongan: GolonganAsn::Pns(step.golongan),
            jenis_kp: Some(step.jenis.label().to_owned()),
            nomor_sk: Some(format!(
                "823.3/{}/BKPSDM/{}",
                rng.random_range(100..9999),
                tmt.year()
            )),
            tanggal_sk: talenta_domain::calendar::add_months(tmt, 0),
        });
    }
    rows
}

/// The next promotion date (1 April or 1 October) on or after `date`.
fn promotion_date(date: Date) -> Option<Date> {
    let year = date.year();
    let april = Date::from_calendar_date(year, Month::April, 1).ok()?;
    let october = Date::from_calendar_date(year, Month::October, 1).ok()?;
    if date <= april {
        Some(april)
    } else if date <= october {
        Some(october)
    } else {
        Date::from_calendar_date(year + 1, Month::April, 1).ok()
    }
}
