//! The kinds of personnel record a file can hold (docs/formats.md), each a
//! [`RecordKind`]: its columns (SIASN field names where SIASN has the field),
//! how a row becomes a domain record, and how a record becomes a row again,
//! so that an exported file imports back unchanged.

use std::fmt;
use std::hash::Hash;
use std::str::FromStr;

use crate::record::{Column, Record, RowError};

/// A kind of file, in dependency order: a kind refers only to kinds before
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Instansi,
    Opd,
    Jabatan,
    Pegawai,
    RiwayatJabatan,
    RiwayatGolongan,
    RiwayatPendidikan,
    RiwayatDiklat,
    RiwayatPenghargaan,
    RiwayatHukdis,
    Skp,
    Asesmen,
}

impl Kind {
    /// Every kind, in dependency order.
    pub const ALL: [Kind; 12] = [
        Kind::Instansi,
        Kind::Opd,
        Kind::Jabatan,
        Kind::Pegawai,
        Kind::RiwayatJabatan,
        Kind::RiwayatGolongan,
        Kind::RiwayatPendidikan,
        Kind::RiwayatDiklat,
        Kind::RiwayatPenghargaan,
        Kind::RiwayatHukdis,
        Kind::Skp,
        Kind::Asesmen,
    ];

    /// The name on the command line and the file stem (`riwayat_jabatan`).
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Instansi => "instansi",
            Kind::Opd => "opd",
            Kind::Jabatan => "jabatan",
            Kind::Pegawai => "pegawai",
            Kind::RiwayatJabatan => "riwayat_jabatan",
            Kind::RiwayatGolongan => "riwayat_golongan",
            Kind::RiwayatPendidikan => "riwayat_pendidikan",
            Kind::RiwayatDiklat => "riwayat_diklat",
            Kind::RiwayatPenghargaan => "riwayat_penghargaan",
            Kind::RiwayatHukdis => "riwayat_hukdis",
            Kind::Skp => "skp",
            Kind::Asesmen => "asesmen",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(text: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == text)
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                format!(
                    "unknown kind {text:?}; expected one of {}",
                    names.join(", ")
                )
            })
    }
}

/// What a value in a row points at, to be checked against the database and
/// the other files of the same import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Opd,
    Jabatan,
    Pegawai,
}

/// A reference from one value of a row: the index of its column in
/// [`RecordKind::COLUMNS`], what it points at, and the code it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub column: usize,
    pub target: Target,
    pub code: String,
}

/// A kind of record and its file format.
pub trait RecordKind: Sized {
    const KIND: Kind;
    /// The columns of the file, in the order an export writes them.
    const COLUMNS: &'static [Column];
    /// The natural key: unique within a file and an instansi.
    type Key: Eq + Hash + Clone + fmt::Debug;

    fn key(&self) -> Self::Key;

    /// The row's record, or every bad value in it.
    fn parse(record: &Record) -> Result<Self, Vec<RowError>>;

    /// The values of [`RecordKind::COLUMNS`], blank for an unknown value.
    fn to_row(&self) -> Vec<String>;

    /// The codes of other records this one names.
    fn references(&self) -> Vec<Reference>;
}
