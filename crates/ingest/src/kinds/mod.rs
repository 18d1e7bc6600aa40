//! The kinds of personnel record a file can hold (docs/formats.md), each a
//! [`RecordKind`]: its columns (SIASN field names where SIASN has the field),
//! how a row becomes a domain record, and how a record becomes a row again,
//! so that an exported file imports back unchanged.

use std::fmt::{self, Write};
use std::hash::Hash;
use std::str::FromStr;

use talenta_domain::Nip;
/// The domain types of the kinds, for [`with_kind!`](crate::with_kind) in
/// crates that do not name the domain crate.
pub use talenta_domain::personnel;
use time::Date;

use crate::record::{Column, Record, RowError};
use crate::values::{IsoDate, parse_nip, parse_text};

/// A kind's columns in file order, each named by the constant of its
/// index, so that an index cannot drift from its column:
/// `columns! { ID: Column::required("unorId"), ... }` declares
/// `const COLUMNS: &[Column]` and `const ID: usize = 0;` and so on. An entry
/// `NAME: ..GROUP` stands for the columns of the slice `GROUP` (the nine
/// competency levels), `NAME` being the index of the first.
macro_rules! columns {
    (@each $n:expr, [$($part:expr,)*], $index:ident: ..$group:expr $(, $($rest:tt)*)?) => {
        const $index: usize = $n;
        columns!(@each $index + $group.len(), [$($part,)* $group,], $($($rest)*)?);
    };
    (@each $n:expr, [$($part:expr,)*], $index:ident: $column:expr $(, $($rest:tt)*)?) => {
        const $index: usize = $n;
        columns!(@each $index + 1, [$($part,)* &[$column],], $($($rest)*)?);
    };
    (@each $n:expr, [$($part:expr,)*], ) => {
        const COLUMNS: &[Column] = &$crate::kinds::concat::<{ $n }>(&[$($part),*]);
    };
    ($($entries:tt)*) => {
        columns!(@each 0, [], $($entries)*);
    };
}

/// The columns of `parts` in order, `N` in all, for [`columns!`].
// Only ever evaluated at compile time, for a constant: an index out of
// bounds fails the build and cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const fn concat<const N: usize>(parts: &[&[Column]]) -> [Column; N] {
    let mut columns = [Column::optional(""); N];
    let mut at = 0;
    let mut part = 0;
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            columns[at] = parts[part][i];
            at += 1;
            i += 1;
        }
        part += 1;
    }
    assert!(at == N, "columns! counted its columns wrong");
    columns
}

mod asesmen;
mod instansi;
mod jabatan;
mod kompetensi;
mod opd;
mod pegawai;
mod riwayat;
mod skp;

/// The one list of record kinds, in dependency order (a kind refers only to
/// kinds before it): each variant names its domain type in
/// `talenta_domain::personnel`, a [`RecordKind`], and the text is its name
/// on the command line and its file stem. The instansi comes first and apart:
/// it is the only kind not stored per instansi. Everything that goes over
/// the kinds follows from this list: [`Kind`], [`Kind::ALL`],
/// [`Kind::name`], [`Kind::columns`] and the dispatch [`with_kind!`](crate::with_kind).
///
/// `kinds!(rule args)` hands the list to the rule `@rule` with `args`.
#[doc(hidden)]
#[macro_export]
macro_rules! kinds {
    ($rule:ident $args:tt) => {
        $crate::kinds! {
            @$rule $args
            [Instansi "instansi"]
            [
                Opd "opd",
                Jabatan "jabatan",
                Pegawai "pegawai",
                RiwayatJabatan "riwayat_jabatan",
                RiwayatGolongan "riwayat_golongan",
                RiwayatPendidikan "riwayat_pendidikan",
                RiwayatDiklat "riwayat_diklat",
                RiwayatPenghargaan "riwayat_penghargaan",
                RiwayatHukdis "riwayat_hukdis",
                Skp "skp",
                Asesmen "asesmen",
            ]
        }
    };
    (@declare () [$first:ident $first_name:literal] [$($kind:ident $name:literal,)*]) => {
        /// A kind of file, in dependency order: a kind refers only to kinds
        /// before it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $first,
            $($kind,)*
        }

        impl Kind {
            /// Every kind, in dependency order.
            pub const ALL: [Kind; 1 + [$(Kind::$kind),*].len()] = [Kind::$first, $(Kind::$kind),*];

            /// The name on the command line and the file stem (`riwayat_jabatan`).
            pub const fn name(self) -> &'static str {
                match self {
                    Kind::$first => $first_name,
                    $(Kind::$kind => $name,)*
                }
            }

            /// The kind's [`RecordKind::COLUMNS`].
            pub const fn columns(self) -> &'static [Column] {
                match self {
                    Kind::$first => <personnel::$first as RecordKind>::COLUMNS,
                    $(Kind::$kind => <personnel::$kind as RecordKind>::COLUMNS,)*
                }
            }
        }
    };
    (@dispatch ($kind:expr, $k:ident, $body:expr $(, $instansi:expr)?)
        [$first:ident $first_name:literal] [$($each:ident $name:literal,)*]) => {
        match $kind {
            $($crate::Kind::$each => {
                type $k = $crate::kinds::personnel::$each;
                $body
            })*
            $crate::Kind::$first => $crate::kinds!(@first $first, $k, $body $(, $instansi)?),
        }
    };
    // The instansi's arm: `body` as for any kind, or what the caller gives.
    (@first $first:ident, $k:ident, $body:expr) => {{
        type $k = $crate::kinds::personnel::$first;
        $body
    }};
    (@first $first:ident, $k:ident, $body:expr, $instansi:expr) => {
        $instansi
    };
}

/// Runs `body` with the type `K` set to the domain type of the kind `kind`
/// (a [`RecordKind`]): one generic function serves every kind, called with
/// a type fixed at compile time in each arm, so nothing is dispatched at
/// run time per row or per value.
///
/// `with_kind!(kind, K => body)` serves every kind;
/// `with_kind!(kind, K => body, Instansi => other)` gives `other` for the
/// instansi, which is not stored per instansi (it has no `Stored` impl),
/// and runs `body` for the others.
#[macro_export]
macro_rules! with_kind {
    ($kind:expr, $k:ident => $body:expr, Instansi => $instansi:expr $(,)?) => {
        $crate::kinds!(dispatch($kind, $k, $body, $instansi))
    };
    ($kind:expr, $k:ident => $body:expr $(,)?) => {
        $crate::kinds!(dispatch($kind, $k, $body))
    };
}

kinds!(declare());

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

impl Reference {
    /// The value in `column` names the record of `target` with `code`.
    pub(crate) fn new(column: usize, target: Target, code: &str) -> Reference {
        Reference {
            column,
            target,
            code: code.to_owned(),
        }
    }
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

    /// Writes the values of [`RecordKind::COLUMNS`] to `row`, blank for an
    /// unknown value, in the syntax [`RecordKind::parse`] reads back.
    fn write_row(&self, row: &mut Row);

    /// The values of [`RecordKind::COLUMNS`], blank for an unknown value.
    fn to_row(&self) -> Vec<String> {
        let mut row = Row::default();
        self.write_row(&mut row);
        row.fields().map(str::to_owned).collect()
    }

    /// The codes of other records this one names.
    fn references(&self) -> Vec<Reference>;

    /// The code this record makes known to the rows that refer to it, for
    /// the kinds others refer to (a unit, a position, an employee).
    fn provides(&self) -> Option<(Target, &str)> {
        None
    }
}

/// The values of one row being written, in one buffer that an exporter
/// clears and reuses, so writing millions of rows allocates only while the
/// longest row grows it.
#[derive(Debug, Default, Clone)]
pub struct Row {
    text: String,
    /// The end of each field in `text`.
    ends: Vec<usize>,
}

impl Row {
    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// The fields written so far, in order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let field = self.text.get(start..end).unwrap_or_default();
            start = end;
            field
        })
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn text(&mut self, value: &str) {
        self.text.push_str(value);
        self.end_field();
    }

    pub fn opt_text(&mut self, value: Option<&str>) {
        self.text(value.unwrap_or_default());
    }

    /// A value through its `Display`, which is the syntax its parser reads.
    pub fn value(&mut self, value: impl fmt::Display) {
        // Writing to a String cannot fail.
        let _ = write!(self.text, "{value}");
        self.end_field();
    }

    pub fn opt_value(&mut self, value: Option<impl fmt::Display>) {
        if let Some(value) = value {
            let _ = write!(self.text, "{value}");
        }
        self.end_field();
    }

    /// `yyyy-mm-dd`.
    pub fn date(&mut self, value: Date) {
        self.value(IsoDate(value));
    }

    pub fn opt_date(&mut self, value: Option<Date>) {
        self.opt_value(value.map(IsoDate));
    }

    /// `|`-separated.
    pub fn list<T: fmt::Display>(&mut self, items: impl IntoIterator<Item = T>) {
        let _ = crate::values::write_list(&mut self.text, items);
        self.end_field();
    }

    fn end_field(&mut self) {
        self.ends.push(self.text.len());
    }
}

/// Reads the values of one row, keeping every error so that a row with
/// several bad values reports them all. Each reader returns `None` for a
/// value it could not read (its error is kept); a kind's parser reads every
/// value first and only then combines them with `?`.
pub(crate) struct RowReader<'a> {
    record: &'a Record,
    errors: Vec<RowError>,
}

impl<'a> RowReader<'a> {
    /// Runs `read` over `record`: its value when no error was kept.
    pub(crate) fn parse<T>(
        record: &'a Record,
        read: impl FnOnce(&mut RowReader<'a>) -> Option<T>,
    ) -> Result<T, Vec<RowError>> {
        let mut reader = RowReader {
            record,
            errors: Vec::new(),
        };
        match read(&mut reader) {
            Some(value) if reader.errors.is_empty() => Ok(value),
            _ => {
                // Checks across values run after the values are read; the
                // user reads a row left to right.
                reader.errors.sort_by_key(|e| e.column);
                Err(reader.errors)
            }
        }
    }

    /// A required value; blank is "missing value".
    pub(crate) fn req<T>(
        &mut self,
        index: usize,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        self.keep(self.record.parse(index, parse))
    }

    /// An optional value: `Some(None)` when blank.
    pub(crate) fn opt<T>(
        &mut self,
        index: usize,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<Option<T>> {
        self.keep(self.record.parse_opt(index, parse))
    }

    /// A NIP or NI PPPK, told apart by its digits: for a row without a
    /// status column to say which.
    pub(crate) fn nip(&mut self, index: usize) -> Option<Nip> {
        self.req(index, |text| parse_nip(text, None))
    }

    pub(crate) fn text(&mut self, index: usize) -> Option<String> {
        self.req(index, parse_text)
    }

    pub(crate) fn opt_text(&mut self, index: usize) -> Option<Option<String>> {
        self.opt(index, parse_text)
    }

    /// Reports a value that is well-formed but wrong in this row, for
    /// checks across values.
    pub(crate) fn fail(&mut self, index: usize, reason: impl Into<String>) {
        let value = self
            .record
            .get_opt(index)
            .ok()
            .flatten()
            .unwrap_or_default();
        self.errors.push(self.record.error(index, value, reason));
    }

    fn keep<T>(&mut self, result: Result<T, RowError>) -> Option<T> {
        result.map_err(|error| self.errors.push(error)).ok()
    }
}
