//! Lists of people for the web pages: the employee list and the talent-map
//! drill-down, each filtered, searched, scoped to a unit and its sub-units,
//! and paginated, with the total of matching rows. An export reads the same
//! query with a larger limit, so a file holds exactly the rows of the list.

use talenta_domain::jabatan::Jenjang;
use talenta_domain::{Kotak, Score};

use crate::dashboard::small_kotak;
use crate::scope::with_bawah;
use crate::{Db, StorageError, on_read};

/// What a search box asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Search {
    #[default]
    All,
    /// NIPs starting with these digits, as the inclusive key range
    /// `first..=last`, so the primary key serves it on both engines.
    NipPrefix { first: String, last: String },
    /// Names containing the text, case-insensitively: a `LIKE` pattern of
    /// the lower-cased text with `%`, `_` and `\` escaped.
    Name(String),
}

/// The length of a NIP (and of an NI PPPK).
const NIP_DIGITS: usize = 18;

impl Search {
    /// Digits (spaces allowed, as NIPs are often written in groups) search
    /// NIPs by prefix; any other text searches names.
    pub fn parse(q: &str) -> Search {
        let q = q.trim();
        if q.is_empty() {
            return Search::All;
        }
        let digits: String = q.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= NIP_DIGITS {
            let last = format!("{digits:9<NIP_DIGITS$}");
            return Search::NipPrefix {
                first: digits,
                last,
            };
        }
        let mut pattern = String::from("%");
        for c in q.to_lowercase().chars() {
            if matches!(c, '%' | '_' | '\\') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
        pattern.push('%');
        Search::Name(pattern)
    }

    fn binds(&self) -> (Option<&str>, Option<&str>, Option<&str>) {
        match self {
            Search::All => (None, None, None),
            Search::NipPrefix { first, last } => (Some(first), Some(last), None),
            Search::Name(pattern) => (None, None, Some(pattern)),
        }
    }
}

/// `$3..=$4` a NIP range, `$5` a name pattern (each NULL when unused).
macro_rules! people_where {
    ($alias:literal) => {
        concat!(
            "WHERE ",
            $alias,
            ".instansi_id = $1 AND ($2 IS NULL OR ",
            $alias,
            ".opd IN (SELECT kode FROM bawah)) \
             AND ($3 IS NULL OR (",
            $alias,
            ".nip >= $3 AND ",
            $alias,
            ".nip <= $4)) \
             AND ($5 IS NULL OR LOWER(",
            $alias,
            ".nama) LIKE $5 ESCAPE '\\') "
        )
    };
}

macro_rules! employees_from {
    () => {
        "FROM pegawai p JOIN opd o ON o.instansi_id = p.instansi_id AND o.kode = p.opd \
         LEFT JOIN jabatan j ON j.instansi_id = p.instansi_id AND j.kode = p.jabatan "
    };
}

const EMPLOYEES: &str = with_bawah!(concat!(
    "SELECT p.nip, p.nama, p.opd, o.nama, j.nama, j.jenjang ",
    employees_from!(),
    people_where!("p"),
    "ORDER BY p.nip LIMIT $6 OFFSET $7"
));

const EMPLOYEES_COUNT: &str = with_bawah!(concat!(
    "SELECT COUNT(*) ",
    employees_from!(),
    people_where!("p")
));

/// `$6` the period, `$7` a box, `$8` a jenjang code (NULL when unused).
/// The box is the final one (`peta_talenta_final`, migration 0016).
macro_rules! map_from {
    () => {
        concat!(
            "FROM peta_talenta_final t LEFT JOIN opd o ON o.instansi_id = t.instansi_id AND o.kode = t.opd \
             LEFT JOIN pegawai p ON p.instansi_id = t.instansi_id AND p.nip = t.nip \
             LEFT JOIN jabatan j ON j.instansi_id = p.instansi_id AND j.kode = p.jabatan ",
            people_where!("t"),
            "AND t.periode = $6 AND ($7 IS NULL OR t.kotak_final = $7) AND ($8 IS NULL OR j.jenjang = $8) "
        )
    };
}

/// The order of talent (`talenta_domain::cycle::by_talent`) over the
/// final rows `t`: Nilai Talenta, kinerja, potensial, highest first, then
/// NIP; a missing score (a person not placed) below every score on both
/// engines, which order NULLs differently, as `None` is below `Some` in
/// Rust.
macro_rules! by_talent {
    () => {
        "COALESCE(t.nilai_talenta, -1) DESC, COALESCE(t.kinerja, -1) DESC, \
         COALESCE(t.potensial, -1) DESC, t.nip"
    };
}
pub(crate) use by_talent;

const MAP: &str = with_bawah!(concat!(
    "SELECT t.nip, t.nama, t.opd, COALESCE(o.nama, t.opd), j.nama, j.jenjang, \
       t.kinerja, t.potensial, t.nilai_talenta, t.kotak_final ",
    map_from!(),
    "ORDER BY ",
    by_talent!(),
    " LIMIT $9 OFFSET $10"
));

const MAP_COUNT: &str = with_bawah!(concat!("SELECT COUNT(*) ", map_from!()));

/// One page of a list and the number of rows of the whole list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: i64,
}

/// Which rows of a list: `limit` rows after skipping `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub limit: i64,
    pub offset: i64,
}

/// The employees to list.
#[derive(Debug, Clone, Default)]
pub struct EmployeeFilter<'a> {
    /// A unit with its sub-units; `None` for the whole instansi.
    pub root: Option<&'a str>,
    pub search: Search,
}

/// An employee in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeItem {
    pub nip: String,
    pub nama: String,
    pub opd: String,
    pub opd_nama: String,
    pub jabatan: Option<String>,
    /// The jenjang of the position.
    pub jenjang: Option<Jenjang>,
}

/// The snapshot rows to list.
#[derive(Debug, Clone)]
pub struct MapFilter<'a> {
    pub periode: &'a str,
    pub root: Option<&'a str>,
    /// The final box.
    pub kotak: Option<Kotak>,
    pub jenjang: Option<Jenjang>,
    pub search: Search,
}

/// An employee in a talent-map snapshot: the person as the employee list
/// shows them (name and unit as the snapshot recorded them), the scores
/// and the final box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapItem {
    pub pegawai: EmployeeItem,
    pub kinerja: Option<Score>,
    pub potensial: Option<Score>,
    pub nilai_talenta: Option<Score>,
    pub kotak: Option<Kotak>,
}

/// NIP, name, unit code and name, position name and jenjang.
type EmployeeRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

type MapRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

/// A position's jenjang as stored (`Jenjang::code`).
fn jenjang(code: Option<String>) -> Result<Option<Jenjang>, StorageError> {
    code.map(|code| {
        code.parse().map_err(|_| StorageError::Corrupt {
            table: "jabatan",
            column: "jenjang",
            value: code,
            reason: "not a jenjang code".into(),
        })
    })
    .transpose()
}

fn score(column: &'static str, value: Option<i64>) -> Result<Option<Score>, StorageError> {
    value
        .map(|v| {
            u16::try_from(v)
                .ok()
                .and_then(|h| Score::from_hundredths(h).ok())
                .ok_or_else(|| StorageError::Corrupt {
                    table: "peta_talenta_pegawai",
                    column,
                    value: v.to_string(),
                    reason: "a score is 0 to 100.00".into(),
                })
        })
        .transpose()
}

fn employee(
    (nip, nama, opd, opd_nama, jabatan, code): EmployeeRow,
) -> Result<EmployeeItem, StorageError> {
    Ok(EmployeeItem {
        nip,
        nama,
        opd,
        opd_nama,
        jabatan,
        jenjang: jenjang(code)?,
    })
}

impl Db {
    /// A page of employees, by NIP.
    pub async fn employee_list(
        &self,
        instansi: i64,
        filter: &EmployeeFilter<'_>,
        window: Window,
    ) -> Result<Page<EmployeeItem>, StorageError> {
        let (first, last, name) = filter.search.binds();
        let rows: Vec<EmployeeRow> = on_read!(self, pool => sqlx::query_as(EMPLOYEES)
                .bind(instansi).bind(filter.root).bind(first).bind(last).bind(name)
                .bind(window.limit).bind(window.offset)
                .fetch_all(pool).await?);
        let total: i64 = on_read!(self, pool => sqlx::query_scalar(EMPLOYEES_COUNT)
            .bind(instansi).bind(filter.root).bind(first).bind(last).bind(name)
            .fetch_one(pool).await?);
        let rows = rows
            .into_iter()
            .map(employee)
            .collect::<Result<_, StorageError>>()?;
        Ok(Page { rows, total })
    }

    /// A page of a talent-map snapshot, in the order of talent (`by_talent!`).
    pub async fn map_list(
        &self,
        instansi: i64,
        filter: &MapFilter<'_>,
        window: Window,
    ) -> Result<Page<MapItem>, StorageError> {
        let (first, last, name) = filter.search.binds();
        let kotak = filter.kotak.map(|k| i64::from(k.number()));
        let jenjang = filter.jenjang.map(Jenjang::code);
        let rows: Vec<MapRow> = on_read!(self, pool => sqlx::query_as(MAP)
            .bind(instansi).bind(filter.root).bind(first).bind(last).bind(name)
            .bind(filter.periode).bind(kotak).bind(jenjang)
            .bind(window.limit).bind(window.offset)
            .fetch_all(pool).await?);
        let total: i64 = on_read!(self, pool => sqlx::query_scalar(MAP_COUNT)
            .bind(instansi).bind(filter.root).bind(first).bind(last).bind(name)
            .bind(filter.periode).bind(kotak).bind(jenjang)
            .fetch_one(pool).await?);
        let rows = rows
            .into_iter()
            .map(
                |(nip, nama, opd, opd_nama, jabatan, jenjang, kinerja, potensial, nilai, kotak)| {
                    Ok(MapItem {
                        pegawai: employee((nip, nama, opd, opd_nama, jabatan, jenjang))?,
                        kinerja: score("kinerja", kinerja)?,
                        potensial: score("potensial", potensial)?,
                        nilai_talenta: score("nilai_talenta", nilai)?,
                        kotak: kotak
                            .map(|k| small_kotak(k).map(Kotak::new))
                            .transpose()?
                            .flatten(),
                    })
                },
            )
            .collect::<Result<_, StorageError>>()?;
        Ok(Page { rows, total })
    }

    /// The talent-map periods of an instansi, newest first.
    pub async fn periodes(&self, instansi: i64) -> Result<Vec<String>, StorageError> {
        const SQL: &str =
            "SELECT periode FROM peta_talenta WHERE instansi_id = $1 ORDER BY periode DESC";
        let periodes: Vec<String> =
            on_read!(self, pool => sqlx::query_scalar(SQL).bind(instansi).fetch_all(pool).await?);
        Ok(periodes)
    }

    /// Every unit of an instansi: (code, name), by code; for filters.
    pub async fn units(&self, instansi: i64) -> Result<Vec<(String, String)>, StorageError> {
        const SQL: &str = "SELECT kode, nama FROM opd WHERE instansi_id = $1 ORDER BY kode";
        let units: Vec<(String, String)> =
            on_read!(self, pool => sqlx::query_as(SQL).bind(instansi).fetch_all(pool).await?);
        Ok(units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_search_nip_prefixes_and_text_searches_names() {
        assert_eq!(Search::parse("  "), Search::All);
        assert_eq!(
            Search::parse("19900101 2015"),
            Search::NipPrefix {
                first: "199001012015".into(),
                last: "199001012015999999".into()
            }
        );
        assert_eq!(Search::parse("Siti"), Search::Name("%siti%".into()));
        assert_eq!(
            Search::parse("50%_a\\"),
            Search::Name("%50\\%\\_a\\\\%".into())
        );
        // Longer than a NIP: no NIP matches, so it is taken as text.
        assert!(matches!(
            Search::parse("1234567890123456789"),
            Search::Name(_)
        ));
    }
}
