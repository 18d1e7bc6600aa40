//! A position template: what a jabatan of a unit is, and what it requires
//! of its holder. Requirements follow the regulations cited on each
//! function; the competency standard reproduces domain.md §4.4.

use talenta_domain::kompetensi::{Level, Levels, UMUM};
use talenta_domain::{Golongan, Jenjang, TingkatPendidikan};

/// The kind of person who holds a position: drives education, titles, age
/// and whether a PPPK may hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// Structural leadership (JPT, administrator, pengawas).
    Leader,
    Guru,
    Dokter,
    DokterGigi,
    Perawat,
    Bidan,
    Apoteker,
    /// Other health professions (nutrisionis, sanitarian, laboratory...).
    Kesehatan,
    /// JF keahlian in an office (analis, perencana, auditor...).
    Analis,
    /// JF keterampilan in an office (pranata komputer, arsiparis...).
    Terampil,
    /// Jabatan pelaksana: administration, operators, drivers.
    Pelaksana,
    /// Polisi Pamong Praja and fire fighters: field staff.
    Lapangan,
}

/// A position of a unit (one jabatan row per unit).
#[derive(Debug, Clone)]
pub struct Position {
    /// Suffix of the jabatan code (`KADIS` in `DINKES-KADIS`).
    pub key: &'static str,
    pub nama: String,
    /// Whether the unit's name completes the position's name ("Kepala" +
    /// "Puskesmas Ciracas").
    pub with_unit: bool,
    pub jenjang: Jenjang,
    pub fields: &'static [&'static str],
    pub kunci: bool,
    pub seats: u32,
    pub profile: Profile,
    /// The functional position's name without its level ("Perawat"), to
    /// name the lower levels held before.
    pub jf: Option<&'static str>,
}

impl Position {
    pub fn new(
        key: &'static str,
        nama: impl Into<String>,
        jenjang: Jenjang,
        profile: Profile,
        fields: &'static [&'static str],
        seats: u32,
    ) -> Position {
        Position {
            key,
            nama: nama.into(),
            with_unit: false,
            jenjang,
            fields,
            kunci: false,
            seats,
            profile,
            jf: None,
        }
    }

    /// A functional position: `base` and the level's name ("Perawat Mahir").
    pub fn jf(
        key: &'static str,
        base: &'static str,
        jenjang: Jenjang,
        profile: Profile,
        fields: &'static [&'static str],
        seats: u32,
    ) -> Position {
        Position {
            jf: Some(base),
            ..Position::new(key, jf_name(base, jenjang), jenjang, profile, fields, seats)
        }
    }

    pub fn key_position(mut self) -> Position {
        self.kunci = true;
        self
    }

    pub fn of_unit(mut self) -> Position {
        self.with_unit = true;
        self
    }

    /// The name for a unit.
    pub fn name_in(&self, unit: &str) -> String {
        if self.with_unit {
            format!("{} {unit}", self.nama)
        } else {
            self.nama.clone()
        }
    }

    /// Minimum education: S1/D-IV for JPT and administrator (PP 11/2017
    /// Pasal 107 and 54), D-III for pengawas (Pasal 54) and JF
    /// keterampilan, S1/D-IV for JF keahlian, SLTA for pelaksana.
    pub fn min_pendidikan(&self) -> TingkatPendidikan {
        match self.jenjang {
            Jenjang::Pengawas | Jenjang::Penyelia | Jenjang::Mahir | Jenjang::Terampil => {
                TingkatPendidikan::D3
            }
            Jenjang::Pemula | Jenjang::Pelaksana => TingkatPendidikan::Slta,
            _ => TingkatPendidikan::S1,
        }
    }

    /// Minimum golongan: one grade below the lowest pangkat of the legacy
    /// eselon range for structural positions (domain.md §8.2: pengawas
    /// III/b, administrator III/d, JPT pratama IV/b), and the lowest pangkat
    /// of the JF level's range (§7.4).
    pub fn min_golongan(&self) -> Option<Golongan> {
        match self.jenjang {
            Jenjang::JptUtama | Jenjang::JptMadya => Some(Golongan::IVC),
            Jenjang::JptPratama => Some(Golongan::IVB),
            Jenjang::Administrator => Some(Golongan::IIID),
            Jenjang::Pengawas => Some(Golongan::IIIB),
            Jenjang::AhliUtama => Some(Golongan::IVD),
            Jenjang::AhliMadya => Some(Golongan::IVA),
            Jenjang::AhliMuda | Jenjang::Penyelia => Some(Golongan::IIIC),
            Jenjang::AhliPertama | Jenjang::Mahir => Some(Golongan::IIIA),
            Jenjang::Terampil => Some(Golongan::IIB),
            Jenjang::Pemula => Some(Golongan::IIA),
            Jenjang::Pelaksana => None,
        }
    }

    /// The standar kompetensi: every one of the nine competencies at the
    /// level of domain.md §4.4's table for the jenjang.
    pub fn standar(&self) -> Levels {
        let level = Level::new(standard_level(self.jenjang));
        UMUM.iter()
            .cloned()
            .filter_map(|k| level.map(|l| (k, l)))
            .collect()
    }
}

/// domain.md §4.4 (PermenPANRB 38/2017 as anjab documents apply it).
pub fn standard_level(jenjang: Jenjang) -> u8 {
    match jenjang {
        Jenjang::JptUtama | Jenjang::JptMadya => 5,
        Jenjang::JptPratama | Jenjang::AhliUtama => 4,
        Jenjang::Administrator | Jenjang::AhliMadya => 3,
        Jenjang::Pengawas | Jenjang::AhliMuda | Jenjang::Penyelia => 2,
        Jenjang::Pelaksana
        | Jenjang::AhliPertama
        | Jenjang::Mahir
        | Jenjang::Terampil
        | Jenjang::Pemula => 1,
    }
}

/// "Perawat" at Mahir: "Perawat Mahir".
pub fn jf_name(base: &str, jenjang: Jenjang) -> String {
    let level = match jenjang {
        Jenjang::AhliUtama => "Ahli Utama",
        Jenjang::AhliMadya => "Ahli Madya",
        Jenjang::AhliMuda => "Ahli Muda",
        Jenjang::AhliPertama => "Ahli Pertama",
        Jenjang::Penyelia => "Penyelia",
        Jenjang::Mahir => "Mahir",
        Jenjang::Terampil => "Terampil",
        Jenjang::Pemula => "Pemula",
        _ => return base.to_owned(),
    };
    format!("{base} {level}")
}
