//! Lists of people: the employee list (`/pegawai`) and the talent-map
//! drill-down (`/peta`), filtered, searched by NIP prefix or name,
//! paginated, scoped to what the viewer may list, and exported whole to
//! XLSX with `format=xlsx` (same filters, same scope, every row).

use axum::Router;
use axum::routing::get;
use serde::Deserialize;
use talenta_app::cycle::mapped;
use talenta_app::lists::{self, EmployeeFilter, EmployeeItem, MapFilter, Page, Search, Window};
use talenta_app::units;
use talenta_domain::access::Action;
use talenta_domain::teks::{self, Lines};
use talenta_domain::{Jenjang, Kotak};
use talenta_ingest::record::shown;
use talenta_views::pages::{Daftar, Halaman, PersonRow, Pilihan};

use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render};
use crate::extract::Query;
use crate::format::nilai;
use crate::xlsx;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/pegawai", get(employees))
        .route("/peta", get(map))
}

/// Rows per page.
const PAGE: i64 = 50;
/// The longest search text, in characters: a name, the longest thing
/// searched for, has at most 100 (docs/formats.md).
const MAX_CARI: usize = 100;
/// Rows of an export: a worksheet's rows less the header.
const EXPORT_ROWS: i64 = 1_048_575;

/// The rows of an export: every row a sheet holds, from the first.
const EXPORT: Window = Window {
    limit: EXPORT_ROWS,
    offset: 0,
};

/// The query of either list; every value is text, so a bad one gets a
/// message on the page rather than a bare 400.
#[derive(Debug, Default, Deserialize)]
struct ListQuery {
    q: Option<String>,
    opd: Option<String>,
    hal: Option<String>,
    periode: Option<String>,
    kotak: Option<String>,
    jenjang: Option<String>,
    format: Option<String>,
}

impl ListQuery {
    fn text(value: &Option<String>) -> Option<&str> {
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }

    /// The search text, or a message: at most [`MAX_CARI`] characters on
    /// one line.
    fn search(&self) -> Result<&str, String> {
        let q = Self::text(&self.q).unwrap_or_default();
        teks::check(q, MAX_CARI, Lines::One)
            .map(|_| q)
            .map_err(|e| format!("Kata pencarian {e}; pencarian tidak dijalankan."))
    }

    fn xlsx(&self) -> bool {
        Self::text(&self.format) == Some("xlsx")
    }

    /// The page number, from 1, or a message.
    fn page(&self) -> Result<i64, String> {
        match Self::text(&self.hal) {
            None => Ok(1),
            Some(text) => text
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=i64::MAX / PAGE).contains(n))
                .ok_or_else(|| {
                    format!(
                        "Nomor halaman “{}” tidak sah; ditampilkan halaman 1.",
                        shown(text)
                    )
                }),
        }
    }
}

/// What the viewer may list and the units to choose from.
struct Scope {
    /// The unit to list under; `None`: the whole instansi.
    root: Option<String>,
    units: Vec<(String, String)>,
    /// The viewer may list the whole instansi.
    whole: bool,
}

/// The scope of a list: the requested unit (404 if the viewer may not list
/// it), else everything the viewer may list: the instansi, or an OPD
/// admin's own unit and its sub-units.
async fn scope(caller: &Caller, requested: Option<&str>) -> Result<Scope, WebError> {
    let whole = caller.may_instansi(Action::ListPeople);
    let all = units::all(&caller.ctx()).await?;
    // A unit that does not exist is answered like one out of scope.
    let known = requested.is_none_or(|unit| all.iter().any(|(kode, _)| kode == unit));
    let units: Vec<(String, String)> = if whole {
        all
    } else {
        all.into_iter()
            .filter(|(kode, _)| caller.actor().units.contains(kode))
            .collect()
    };
    let root = match requested {
        Some(unit) => {
            if !known || !caller.may(Action::ListPeople, caller.target(Some(unit))) {
                return Err(WebError::NotFound);
            }
            Some(unit.to_owned())
        }
        None if whole => None,
        None => Some(
            caller
                .own_unit(Action::ListPeople)
                .await?
                .ok_or(WebError::NotFound)?,
        ),
    };
    Ok(Scope { root, units, whole })
}

fn unit_choices(scope: &Scope, chosen: Option<&str>) -> Vec<Pilihan> {
    let all = if scope.whole {
        "Semua unit"
    } else {
        "Semua unit saya"
    };
    super::choices(
        Some(all),
        scope
            .units
            .iter()
            .map(|(kode, nama)| (kode.clone(), format!("{nama} ({kode})"))),
        chosen,
    )
}

/// A path with its query, without empty values.
fn link(path: &str, pairs: &[(&str, Option<&str>)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            query.append_pair(name, value);
        }
    }
    let query = query.finish();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

fn paging(
    path: &str,
    pairs: &[(&str, Option<&str>)],
    page: i64,
    shown: usize,
    total: i64,
) -> Halaman {
    let first = (page - 1) * PAGE + 1;
    let last = (page - 1) * PAGE + i64::try_from(shown).unwrap_or(0);
    let at = |p: i64| {
        let number = p.to_string();
        let mut all = pairs.to_vec();
        all.push(("hal", (p > 1).then_some(number.as_str())));
        link(path, &all)
    };
    Halaman {
        info: if shown == 0 {
            format!("{total} pegawai.")
        } else {
            format!("Menampilkan {first}–{last} dari {total} pegawai.")
        },
        prev: (page > 1).then(|| at(page - 1)),
        next: (last < total).then(|| at(page + 1)),
    }
}

fn export_link(path: &str, pairs: &[(&str, Option<&str>)]) -> String {
    let mut all = pairs.to_vec();
    all.push(("format", Some("xlsx")));
    link(path, &all)
}

/// The headings of [`export_row`]'s first cells.
const PERSON_EXPORT: [&str; 6] = [
    "NIP",
    "Nama",
    "Kode unit",
    "Unit kerja",
    "Jabatan",
    "Jenjang",
];

/// A person's row of either list: the NIP linking to the profile, name,
/// unit, position and jenjang, then `more`.
fn person_row(e: EmployeeItem, more: impl IntoIterator<Item = String>) -> PersonRow {
    let mut cells = vec![
        e.nama,
        e.opd_nama,
        e.jabatan.unwrap_or_else(|| "—".to_owned()),
        e.jenjang.map_or("—", Jenjang::label).to_owned(),
    ];
    cells.extend(more);
    PersonRow {
        href: format!("/pegawai/{}", e.nip.as_str()),
        nip: e.nip.as_str().to_owned(),
        cells,
    }
}

/// A person's row of either export, under [`PERSON_EXPORT`], then `more`.
fn export_row(e: EmployeeItem, more: impl IntoIterator<Item = String>) -> Vec<String> {
    let jenjang = e.jenjang.map(Jenjang::label).unwrap_or_default().to_owned();
    let mut cells = vec![
        e.nip.as_str().to_owned(),
        e.nama,
        e.opd,
        e.opd_nama,
        e.jabatan.unwrap_or_default(),
        jenjang,
    ];
    cells.extend(more);
    cells
}

async fn employees(caller: Caller, Query(query): Query<ListQuery>) -> Reply {
    let opd = ListQuery::text(&query.opd);
    let scope = scope(&caller, opd).await?;
    let (q, bad_search) = match query.search() {
        Ok(q) => (q, None),
        Err(message) => ("", Some(message)),
    };
    let filter = EmployeeFilter {
        root: scope.root.as_deref(),
        search: Search::parse(q),
    };
    let pairs = [("q", Some(q)), ("opd", opd)];
    if query.xlsx() {
        let all = lists::employees(&caller.ctx(), &filter, EXPORT).await?;
        return xlsx::attachment(
            "pegawai.xlsx",
            &PERSON_EXPORT,
            all.rows.into_iter().map(|e| export_row(e, [])),
        );
    }
    let (page, bad_page) = match query.page() {
        Ok(page) => (page, None),
        Err(message) => (1, Some(message)),
    };
    let problems: Vec<String> = bad_search.into_iter().chain(bad_page).collect();
    let galat = (!problems.is_empty()).then(|| problems.join(" "));
    let list = lists::employees(
        &caller.ctx(),
        &filter,
        Window {
            limit: PAGE,
            offset: (page - 1) * PAGE,
        },
    )
    .await?;
    let rows: Vec<PersonRow> = list.rows.into_iter().map(|e| person_row(e, [])).collect();
    let halaman = paging("/pegawai", &pairs, page, rows.len(), list.total);
    render(&Daftar {
        chrome: super::chrome(&caller, "/pegawai"),
        judul: "Daftar pegawai".into(),
        keterangan:
            "Cari dengan awal NIP (angka) atau bagian nama (huruf besar/kecil tidak dibedakan)."
                .into(),
        action: "/pegawai",
        q: q.to_owned(),
        filters: vec![("opd", "Unit kerja", unit_choices(&scope, opd))],
        galat,
        columns: vec!["NIP", "Nama", "Unit kerja", "Jabatan", "Jenjang"],
        rows,
        halaman,
        export_href: export_link("/pegawai", &pairs),
    })
}

/// The filters of the talent map as asked for; each that cannot be read
/// is named in `problems` and filters nothing.
struct MapQuery<'q> {
    /// The period asked for if it has a map, else the latest mapped.
    periode: Option<String>,
    kotak: Option<Kotak>,
    jenjang: Option<Jenjang>,
    page: i64,
    q: &'q str,
    /// Every filter asked for was read: a bad one shows the message and no
    /// rows, never a wider list.
    usable: bool,
    problems: Vec<String>,
}

impl<'q> MapQuery<'q> {
    fn read(query: &'q ListQuery, periodes: &[String]) -> MapQuery<'q> {
        let mut problems: Vec<String> = Vec::new();
        let periode = match ListQuery::text(&query.periode) {
            Some(p) if periodes.iter().any(|known| known == p) => Some(p.to_owned()),
            Some(p) => {
                problems.push(format!("Peta talenta periode “{}” belum ada.", shown(p)));
                None
            }
            None => periodes.first().cloned(),
        };
        let kotak_text = ListQuery::text(&query.kotak);
        let kotak = match kotak_text {
            None => None,
            Some(text) => match text.parse::<u8>().ok().and_then(Kotak::new) {
                Some(k) => Some(k),
                None => {
                    problems.push(format!(
                        "Kotak “{}” tidak sah: kotak talenta bernomor 1 sampai 9.",
                        shown(text)
                    ));
                    None
                }
            },
        };
        let jenjang_text = ListQuery::text(&query.jenjang);
        let jenjang = match jenjang_text {
            None => None,
            Some(text) => match text.parse::<Jenjang>() {
                Ok(j) => Some(j),
                Err(_) => {
                    problems.push(format!("Jenjang “{}” tidak dikenal.", shown(text)));
                    None
                }
            },
        };
        let page = match query.page() {
            Ok(page) => page,
            Err(message) => {
                problems.push(message);
                1
            }
        };
        let q = query.search().unwrap_or_else(|message| {
            problems.push(message);
            ""
        });
        let usable = periode.is_some()
            && query.search().is_ok()
            && kotak_text.is_none_or(|_| kotak.is_some())
            && jenjang_text.is_none_or(|_| jenjang.is_some());
        MapQuery {
            periode,
            kotak,
            jenjang,
            page,
            q,
            usable,
            problems,
        }
    }

    fn periode(&self) -> &str {
        self.periode.as_deref().unwrap_or_default()
    }

    /// The choices of the period, box and jenjang filters.
    fn choices(&self, periodes: &[String]) -> [Vec<Pilihan>; 3] {
        let periode = super::choices(
            None,
            periodes.iter().map(|p| (p.clone(), p.clone())),
            self.periode.as_deref(),
        );
        let kotak = super::choices(
            Some("Semua kotak"),
            Kotak::ALL
                .iter()
                .rev()
                .map(|k| (k.to_string(), format!("{k} · {}", k.label()))),
            self.kotak.map(|k| k.to_string()).as_deref(),
        );
        let jenjang = super::choices(
            Some("Semua jenjang"),
            Jenjang::ALL
                .iter()
                .map(|j| (j.code().to_owned(), j.label().to_owned())),
            self.jenjang.map(Jenjang::code),
        );
        [periode, kotak, jenjang]
    }
}

/// The talent map of a period as an XLSX attachment, every row `filter`
/// selects.
async fn map_export(caller: &Caller, filter: &MapFilter<'_>, kotak: Option<Kotak>) -> Reply {
    let all = lists::map(&caller.ctx(), filter, EXPORT).await?;
    let periode = filter.periode;
    let name = match kotak {
        Some(k) => format!("peta-talenta-{periode}-kotak-{k}.xlsx"),
        None => format!("peta-talenta-{periode}.xlsx"),
    };
    let headings: Vec<&str> = PERSON_EXPORT
        .into_iter()
        .chain(["Kotak", "Kinerja", "Potensial", "Nilai talenta"])
        .collect();
    let text = |value: Option<String>| value.unwrap_or_default();
    xlsx::attachment(
        &name,
        &headings,
        all.rows.into_iter().map(|r| {
            let scores = [r.kinerja, r.potensial, r.nilai_talenta];
            let more = std::iter::once(text(r.kotak.map(|k| k.to_string())))
                .chain(scores.map(|s| text(s.map(|s| s.to_string()))));
            export_row(r.pegawai, more)
        }),
    )
}

async fn map(caller: Caller, Query(query): Query<ListQuery>) -> Reply {
    let opd = ListQuery::text(&query.opd);
    let scope = scope(&caller, opd).await?;
    let periodes = mapped(&caller.ctx()).await?;
    let asked = MapQuery::read(&query, &periodes);
    let kotak_code = asked.kotak.map(|k| k.to_string());
    let pairs = [
        ("periode", asked.periode.as_deref()),
        ("kotak", kotak_code.as_deref()),
        ("opd", opd),
        ("jenjang", asked.jenjang.map(Jenjang::code)),
        ("q", Some(asked.q)),
    ];
    let filter = MapFilter {
        periode: asked.periode(),
        root: scope.root.as_deref(),
        kotak: asked.kotak,
        jenjang: asked.jenjang,
        search: Search::parse(asked.q),
    };
    if query.xlsx() && asked.usable {
        return map_export(&caller, &filter, asked.kotak).await;
    }
    let list = if asked.usable {
        lists::map(
            &caller.ctx(),
            &filter,
            Window {
                limit: PAGE,
                offset: (asked.page - 1) * PAGE,
            },
        )
        .await?
    } else {
        Page {
            rows: Vec::new(),
            total: 0,
        }
    };
    let rows: Vec<PersonRow> = list
        .rows
        .into_iter()
        .map(|r| {
            let scores = [r.kinerja, r.potensial, r.nilai_talenta];
            let kotak = r
                .kotak
                .map_or_else(|| "belum dipetakan".to_owned(), |k| k.to_string());
            person_row(r.pegawai, std::iter::once(kotak).chain(scores.map(nilai)))
        })
        .collect();
    let halaman = paging("/peta", &pairs, asked.page, rows.len(), list.total);
    let [periode_choices, kotak_choices, jenjang_choices] = asked.choices(&periodes);
    let judul = match asked.kotak {
        Some(k) => format!("Peta talenta {}: kotak {k}", asked.periode()),
        None => format!("Peta talenta {}", asked.periode()),
    };
    render(&Daftar {
        chrome: super::chrome(&caller, "/peta"),
        judul,
        keterangan: asked
            .kotak
            .map_or_else(String::new, |k| k.label().to_owned()),
        action: "/peta",
        q: asked.q.to_owned(),
        filters: vec![
            ("periode", "Periode", periode_choices),
            ("kotak", "Kotak talenta", kotak_choices),
            ("opd", "Unit kerja", unit_choices(&scope, opd)),
            ("jenjang", "Jenjang jabatan", jenjang_choices),
        ],
        galat: (!asked.problems.is_empty()).then(|| asked.problems.join(" ")),
        columns: vec![
            "NIP",
            "Nama",
            "Unit kerja",
            "Jabatan",
            "Jenjang",
            "Kotak",
            "Kinerja",
            "Potensial",
            "Nilai talenta",
        ],
        rows,
        halaman,
        export_href: export_link("/peta", &pairs),
    })
}
