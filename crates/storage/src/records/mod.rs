//! The personnel records of `talenta_domain::personnel` as rows of the
//! tables of migration 0002.
//!
//! Each value is stored in the form files use, so a row reads the same in a
//! database tool as in an export: codes as their stable code text (jenjang
//! `jpt_pratama`, golongan `III/a` or the PPPK roman numeral `IX`,
//! pendidikan `S1`, rating, predikat, jenis hukuman and sumber codes, gender
//! `L`/`P`, status `PNS`), NIPs as their 18 digits, scores as whole
//! hundredths, lists of fields of study `|`-joined.
//!
//! Decoding gives back the stored record, with these limits, none of which
//! a record read from a file reaches:
//! - Competency levels: only the nine the `k_*` columns hold (the eight
//!   managerial ones in [`Manajerial::ALL`] order, then Perekat Bangsa).
//!   Technical competencies (`Kompetensi::Teknis`) are not stored yet.
//! - Fields of study of a jabatan: a name holding `|`, or an empty name,
//!   does not survive the `|`-joined column (the file format has the same
//!   limit).
//! - A NIP is read as the record's context says it was read on import:
//!   a pegawai's NIP as its status's kind of ASN, a golongan history's as
//!   the golongan's kind, every other NIP by its digits alone
//!   ([`Nip::parse`]). Only 18 digits valid as both kinds depend on this.

/// A column list with the nine `k_*` competency-level columns between the
/// columns in the first brackets and those in the second, in
/// [`UMUM`] order (what [`level_values`] writes and
/// [`read_levels`] reads).
macro_rules! with_level_columns {
    ([$($before:expr),* $(,)?], [$($after:expr),* $(,)?]) => {
        &[
            $($before,)*
            ("k_integritas", $crate::Ty::Int),
            ("k_kerja_sama", $crate::Ty::Int),
            ("k_komunikasi", $crate::Ty::Int),
            ("k_orientasi_pada_hasil", $crate::Ty::Int),
            ("k_pelayanan_publik", $crate::Ty::Int),
            ("k_pengembangan_diri", $crate::Ty::Int),
            ("k_mengelola_perubahan", $crate::Ty::Int),
            ("k_pengambilan_keputusan", $crate::Ty::Int),
            ("k_perekat_bangsa", $crate::Ty::Int),
            $($after,)*
        ]
    };
}
pub(crate) use with_level_columns;

#[macro_use]
mod field;
mod facts;
mod organisasi;
mod pegawai;
mod penilaian;
mod riwayat;

pub use facts::{Fact, InLinePerson, MapSubject, Persyaratan, SyaratJabatan};
pub(crate) use field::{Field, stored};

use talenta_domain::kompetensi::{Level, Levels, UMUM};
use talenta_domain::nip::{AsnKind, Nip};
use talenta_domain::{BidangIlmu, Kotak, Score};

use crate::{Columns, StorageError, Value};

/// The nine `k_*` values of `levels`, in the order of [`UMUM`]: NULL for a
/// competency it lacks.
fn level_values(levels: &Levels) -> impl Iterator<Item = Value> + '_ {
    UMUM.iter()
        .map(|k| Value::opt_int(levels.get(k).map(|level| level.get())))
}

/// Reads the nine `k_*` columns.
fn read_levels(row: &mut Columns) -> Result<Levels, StorageError> {
    let mut levels = Levels::new();
    for kompetensi in &UMUM {
        if let Some(level) = row.opt_int_with(level_from)? {
            levels.insert(kompetensi.clone(), level);
        }
    }
    Ok(levels)
}

/// A stored competency level.
fn level_from(n: i64) -> Result<Level, &'static str> {
    u8::try_from(n)
        .ok()
        .and_then(Level::new)
        .ok_or("not a competency level 1-5")
}

/// A stored box of the nine-box.
fn kotak_from(n: i64) -> Result<Kotak, &'static str> {
    u8::try_from(n)
        .ok()
        .and_then(Kotak::new)
        .ok_or("not a box 1-9")
}

/// A stored score, in whole hundredths.
fn score_from(n: i64) -> Result<Score, String> {
    u16::try_from(n)
        .map_err(|_| "not a score in hundredths".to_owned())
        .and_then(|n| Score::from_hundredths(n).map_err(|e| e.to_string()))
}

fn read_bidang(row: &mut Columns) -> Result<Option<BidangIlmu>, StorageError> {
    row.opt_text_with(|text| Ok::<_, std::convert::Infallible>(BidangIlmu::new(text)))
}

/// Reads a `|`-joined list of fields of study (empty: any).
fn read_bidang_list(row: &mut Columns) -> Result<Vec<BidangIlmu>, StorageError> {
    Ok(row
        .text()?
        .split('|')
        .filter(|name| !name.is_empty())
        .map(BidangIlmu::new)
        .collect())
}

/// Reads stored NIP digits: as `kind` when the record says which kind of
/// ASN it belongs to, else by the digits ([`Nip::parse`]); when that reading
/// fails, as either kind.
fn parse_nip(text: &str, kind: Option<AsnKind>) -> Result<Nip, String> {
    match kind {
        Some(kind) => Nip::parse_as(text, kind),
        None => Nip::parse(text),
    }
    .or_else(|errors| {
        Nip::parse_as(text, AsnKind::Pns)
            .or_else(|_| Nip::parse_as(text, AsnKind::Pppk))
            .map_err(|_| errors)
    })
    .map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// Stored NIP digits read outside a `stored!` row (a query's tuple), by
/// the digits alone: one that does not parse is `StorageError::Corrupt`,
/// naming `table`, `column` and the value.
pub(crate) fn stored_nip(
    table: &'static str,
    column: &'static str,
    text: String,
) -> Result<Nip, StorageError> {
    parse_nip(&text, None).map_err(|reason| StorageError::Corrupt {
        table,
        column,
        value: text,
        reason,
    })
}

fn read_nip(row: &mut Columns) -> Result<Nip, StorageError> {
    row.text_with(|text| parse_nip(text, None))
}

/// A NIP read again once the column that tells its kind is read: `text`
/// as `kind`.
fn nip_as(
    row: &Columns,
    column: &'static str,
    text: &str,
    kind: AsnKind,
) -> Result<Nip, StorageError> {
    parse_nip(text, Some(kind)).map_err(|reason| row.corrupt(column, text.to_owned(), reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nips_read_back_as_either_kind() {
        // Digits 13-14 are a month: a PNS NIP by its digits, an NI PPPK when
        // the record says so.
        let text = "199001012020111001";
        let pns = parse_nip(text, None).unwrap();
        assert_eq!(pns.kind(), AsnKind::Pns);
        assert_eq!(
            parse_nip(text, Some(AsnKind::Pppk)).unwrap().kind(),
            AsnKind::Pppk
        );
        // An NI PPPK of before 2019 parses only when read as PPPK.
        let early = Nip::parse_as("199001012018211001", AsnKind::Pppk).unwrap();
        assert_eq!(parse_nip(early.as_str(), None), Ok(early));
        assert_eq!(parse_nip(early.as_str(), Some(AsnKind::Pns)), Ok(early));
        assert!(
            parse_nip("19900101", None)
                .unwrap_err()
                .contains("18 digits")
        );
    }
}
