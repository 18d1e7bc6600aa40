//! Lists of people for the web pages: the employee list and the talent-map
//! drill-down, each filtered, searched, scoped to a unit and its sub-units,
//! and paginated, with the total of matching rows. An export reads the same
//! query with a larger limit, so a file holds exactly the rows of the list.

use talenta_domain::jabatan::Jenjang;
use talenta_domain::{Kotak, Nip, Score};

use crate::records::stored;
use crate::scope::with_bawah;
use crate::stored::View;
use crate::value::{Value, bind_all};
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
    "SELECT p.nip AS nip, p.nama AS nama, p.opd AS opd, o.nama AS opd_nama, \
       j.nama AS jabatan, j.jenjang AS jenjang ",
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
/// A list's query ends with its window, `LIMIT` and `OFFSET` the next two
/// parameters.
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
    "SELECT t.nip AS nip, t.nama AS nama, t.opd AS opd, COALESCE(o.nama, t.opd) AS opd_nama, \
       j.nama AS jabatan, j.jenjang AS jenjang, t.kinerja AS kinerja, \
       t.potensial AS potensial, t.nilai_talenta AS nilai_talenta, t.kotak_final AS kotak_final ",
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
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    pub opd_nama: String,
    pub jabatan: Option<String>,
    /// The jenjang of the position.
    pub jenjang: Option<Jenjang>,
}

stored! {
    // Not one table: `EMPLOYEES` selects these columns by name from the
    // employee, their unit and their position.
    view EmployeeItem in "pegawai", key 1 {
        nip: "nip" Text,
        nama: "nama" Text,
        opd: "opd" Text,
        opd_nama: "opd_nama" Text,
        jabatan: "jabatan" Text,
        jenjang: "jenjang" Text,
    }
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

stored! {
    // `MAP` selects these columns by name from the final map, the unit,
    // the employee and their position.
    view MapItem in "peta_talenta_final", key 1 {
        ..pegawai: EmployeeItem,
        kinerja: "kinerja" Int,
        potensial: "potensial" Int,
        nilai_talenta: "nilai_talenta" Int,
        kotak: "kotak_final" Int,
    }
}

/// `$1` the instansi, `$2` the unit and `$3..=$5` the search (NULL when
/// unused), as `people_where!` reads them.
fn people_binds(instansi: i64, root: Option<&str>, search: &Search) -> Vec<Value> {
    let (first, last, name) = search.binds();
    vec![
        Value::int(instansi),
        Value::opt_text(root),
        Value::opt_text(first),
        Value::opt_text(last),
        Value::opt_text(name),
    ]
}

impl Db {
    /// A page of employees, by NIP.
    pub async fn employee_list(
        &self,
        instansi: i64,
        filter: &EmployeeFilter<'_>,
        window: Window,
    ) -> Result<Page<EmployeeItem>, StorageError> {
        let binds = people_binds(instansi, filter.root, &filter.search);
        self.page(EMPLOYEES, EMPLOYEES_COUNT, binds, window).await
    }

    /// A page of a talent-map snapshot, in the order of talent (`by_talent!`).
    pub async fn map_list(
        &self,
        instansi: i64,
        filter: &MapFilter<'_>,
        window: Window,
    ) -> Result<Page<MapItem>, StorageError> {
        let mut binds = people_binds(instansi, filter.root, &filter.search);
        binds.extend([
            Value::text(filter.periode),
            Value::opt_int(filter.kotak.map(Kotak::number)),
            Value::opt_text(filter.jenjang.map(Jenjang::code)),
        ]);
        self.page(MAP, MAP_COUNT, binds, window).await
    }

    /// The `window` of the rows `list` selects with `binds`, and the number
    /// `count` finds with the same binds.
    async fn page<T: View>(
        &self,
        list: &'static str,
        count: &'static str,
        mut binds: Vec<Value>,
        window: Window,
    ) -> Result<Page<T>, StorageError> {
        let total: i64 = on_read!(self, pool =>
            bind_all!(sqlx::query_scalar(count), binds.clone()).fetch_one(pool).await?);
        binds.extend([Value::int(window.limit), Value::int(window.offset)]);
        let rows = self.fetch_records(list.to_owned(), binds).await?;
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
