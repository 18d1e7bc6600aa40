//! The dashboards: the instansi's (`/dasbor`) and one OPD's with its
//! sub-units (`/dasbor/opd/{kode}`): profiling progress, document
//! completeness, the nine-box of the latest talent map with its spread per
//! unit and jenjang, the verification queue, a notice of the key positions
//! short of ready successors, the count of officeholders to evaluate (the
//! six-monthly evaluation) and, on an OPD's, its retention count. Counts
//! and positions only, never a person's name; the nine-box, the positions
//! and the retention count link on only for viewers who may list people,
//! the evaluation count for those who may read the evaluation.
//! The others (`pengawas`) see no count below `[privasi] min_cell`, nor
//! one that would give such a count back (`super::privasi`).

use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use std::collections::HashSet;

use talenta_app::Ctx;
use talenta_app::dashboard::{Count, Dashboard, Row, Shown, load};
use talenta_app::retention::{RetentionRow, retention};
use talenta_app::succession::{Shortfall, short_of_successors};
use talenta_domain::access::Action;
use talenta_domain::privasi::Privasi;
use talenta_domain::retention::FlagKind;
use talenta_domain::{Jenjang, KinerjaBand, Kotak, Periode, PotensialBand, RuleSet};
use talenta_views::charts::{self, Bar, NineBox, NineBoxCell, angka, percent};
use talenta_views::pages::{Dasbor, Retensi, SuksesiKurang, UnitRow, UnitTable};
use time::Date;

use super::cycle::cycle_error;
use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render};
use crate::format::tanggal;
use talenta_app::units;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/dasbor", get(instansi))
        .route("/dasbor/opd/{kode}", get(unit))
}

/// The instansi's dashboard; an OPD admin is sent to their unit's.
async fn instansi(caller: Caller) -> Reply {
    if caller.may_instansi(Action::ReadAggregates) {
        return show(&caller, None).await;
    }
    match caller.own_unit(Action::ReadAggregates).await? {
        Some(opd) => {
            Ok(Redirect::to(&format!("/dasbor/opd/{}", path_segment(&opd))).into_response())
        }
        None => Err(WebError::NotFound),
    }
}

async fn unit(caller: Caller, Path(kode): Path<String>) -> Reply {
    // An empty code is no unit: the instansi's page has its own path.
    let root = caller
        .unit(Some(&kode), Action::ReadAggregates)
        .await?
        .ok_or(WebError::NotFound)?;
    show(&caller, Some(&root)).await
}

/// A unit code as one path segment.
pub(crate) fn path_segment(kode: &str) -> String {
    form_urlencoded::byte_serialize(kode.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

async fn show(caller: &Caller, root: Option<&str>) -> Reply {
    let ctx = caller.ctx();
    let today = ctx.today();
    let rules = ctx.rules;
    let dashboard = caller
        .state()
        .dashboards()
        .get_or_load(caller.instansi(), root, today, ctx.now, load(&ctx, root))
        .await?;
    let target = caller.target(root);
    let here = root.map_or_else(
        || "/dasbor".to_owned(),
        |k| format!("/dasbor/opd/{}", path_segment(k)),
    );
    let judul = match root {
        None => "Dasbor instansi".to_owned(),
        Some(kode) => {
            let nama = dashboard
                .groups
                .iter()
                .find(|g| g.kode == kode)
                .map_or(kode, |g| g.nama.as_str());
            format!("Dasbor {nama}")
        }
    };
    let privasi = caller.privasi(target);
    let shown = dashboard.shown(privasi);
    let view = View {
        caller,
        root,
        may_list: caller.may(Action::ListPeople, target),
        dashboard: &dashboard,
        shown: &shown,
        privasi,
        rules,
        today,
    };
    let (suksesi, suksesi_teks) = successor_notice(caller, root, today, privasi).await?;
    let retensi = match root {
        Some(unit) => {
            let periode = dashboard.periode.as_deref();
            retention_block(caller, unit, periode, today, privasi).await?
        }
        None => None,
    };
    let evaluasi = super::evaluation::dashboard_block(caller, root, today, privasi).await?;
    let total = |count| shown.count(Row::Total, count);
    let (pegawai, profiled) = (total(Count::Pegawai), total(Count::Profiled));
    let (wajib, ada) = documents(&shown, Row::Total);
    render(&Dasbor {
        chrome: super::chrome(caller, &here),
        judul,
        opd: root.unwrap_or_default().to_owned(),
        keterangan: view.notes(),
        progres_svg: match (profiled, pegawai) {
            (Some(profiled), Some(pegawai)) => {
                charts::progress("progres-total", "Pegawai terprofil", profiled, pegawai)
            }
            _ => String::new(),
        },
        progres_teks: format!(
            "{} dari {} pegawai terprofil ({}).",
            angka(profiled),
            angka(pegawai),
            persen(profiled, pegawai)
        ),
        progres_opd_svg: view.progress_bars(),
        dokumen_teks: format!(
            "{} dari {} dokumen wajib sudah terverifikasi ({}); kurang {}.",
            angka(ada),
            angka(wajib),
            persen(ada, wajib),
            angka(wajib.zip(ada).map(|(w, a)| w.saturating_sub(a))),
        ),
        dokumen_target: target_text(rules.dokumen.target, today),
        periode: dashboard.periode.clone(),
        kotak_svg: view.nine_box(),
        kotak_teks: format!(
            "{} pegawai dipetakan; {} belum dapat dipetakan karena datanya belum lengkap.",
            angka(total(Count::Dipetakan)),
            angka(total(Count::BelumDipetakan))
        ),
        tables: vec![
            view.progress_table(),
            view.documents_table(),
            view.boxes_by_unit(),
            view.boxes_by_jenjang(),
        ],
        antrean: angka(total(Count::Antrean)),
        antrean_usulan: angka(total(Count::Usulan)),
        antrean_dokumen: angka(total(Count::Dokumen)),
        verifikasi_href: caller
            .may(Action::Verify, target)
            .then(|| "/verifikasi".to_owned()),
        suksesi,
        suksesi_teks,
        retensi,
        evaluasi,
    })
}

/// Key positions listed in the notice at most; the rest are on `/jabatan`.
const NOTICE_SHOWN: usize = 10;

/// The key positions in scope (the instansi, or `root` and its sub-units)
/// with fewer ready-now successors than the rule set asks, fewest first,
/// and the sentence above them. Computed for the whole instansi once a
/// day ([`crate::cache::SUCCESSION_TTL`]) and filtered here.
async fn successor_notice(
    caller: &Caller,
    root: Option<&str>,
    today: Date,
    privasi: Option<&Privasi>,
) -> Result<(Vec<SuksesiKurang>, String), WebError> {
    let ctx = caller.ctx();
    let all = caller
        .state()
        .successions()
        .get_or_load(
            caller.instansi(),
            None,
            today,
            ctx.now,
            short_of_successors(&ctx),
        )
        .await
        .map_err(cycle_error)?;
    let units = subtree_of(&ctx, root).await?;
    let mut short: Vec<&Shortfall> = all
        .iter()
        .filter(|s| units.as_ref().is_none_or(|u| u.contains(&s.opd)))
        .collect();
    short.sort_by(|a, b| (a.ready_now, &a.opd, &a.kode).cmp(&(b.ready_now, &b.opd, &b.kode)));
    let total = short.len();
    let mut text = format!(
        "{total} jabatan kunci memiliki kandidat siap sekarang kurang dari jumlah minimal jenjangnya ({}) menurut peta talenta terakhir (syarat diperiksa hari ini).",
        minimums(ctx.rules)
    );
    if total > NOTICE_SHOWN {
        text.push_str(&format!(
            " Ditampilkan {NOTICE_SHOWN} dengan kandidat paling sedikit; selebihnya di daftar jabatan kunci."
        ));
    }
    let may_open = caller.may_instansi(Action::ListPeople);
    let rows = short
        .into_iter()
        .take(NOTICE_SHOWN)
        .map(|s| SuksesiKurang {
            nama: s.nama.clone(),
            kode: s.kode.clone(),
            opd: s.opd.clone(),
            siap: standalone(s.ready_now, privasi),
            minimal: s.min_ready,
            href: may_open.then(|| format!("/jabatan/{}/suksesi", path_segment(&s.kode))),
        })
        .collect();
    Ok((rows, text))
}

/// The minimum of ready-now successors of each succession target, as the
/// notice names them: "JPT Pratama, JPT Madya, JPT Utama: 1; ...".
fn minimums(rules: &talenta_domain::RuleSet) -> String {
    rules
        .succession
        .targets
        .iter()
        .map(|t| {
            let jenjang: Vec<&str> = t.jenjang.iter().map(|j| j.label()).collect();
            format!("{}: {}", jenjang.join(", "), t.min_ready)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// An OPD's retention block: the people of `unit` and its sub-units
/// flagged in the latest mapped period, counted by reason.
async fn retention_block(
    caller: &Caller,
    unit: &str,
    periode: Option<&str>,
    today: Date,
    privasi: Option<&Privasi>,
) -> Result<Option<Retensi>, WebError> {
    let Some(periode) = periode.and_then(|p| p.parse::<Periode>().ok()) else {
        return Ok(None);
    };
    let ctx = caller.ctx();
    let load = retention(&ctx, periode, Some(unit));
    let rows = caller
        .state()
        .retentions()
        .get_or_load(caller.instansi(), Some(unit), today, ctx.now, load)
        .await
        .map_err(cycle_error)?;
    let flagged = |r: &RetentionRow, kind| r.flags.iter().any(|f| f.kind == kind);
    // A reason left out says none has it: kept from a reader of counts.
    let alasan = by_reason(
        rows.as_slice(),
        FLAG_KINDS,
        flagged,
        flag_label,
        privasi.is_some(),
        privasi,
    );
    Ok(Some(Retensi {
        periode: periode.to_string(),
        jumlah: standalone(rows.len(), privasi),
        alasan,
        href: caller
            .may(Action::ListPeople, caller.target(Some(unit)))
            .then(|| format!("/talenta/{periode}/retensi?opd={}", path_segment(unit))),
    }))
}

/// A count of people shown on its own (no total beside it gives it back),
/// under `privasi` when the reader may not see the persons behind it.
pub(super) fn standalone(n: usize, privasi: Option<&Privasi>) -> String {
    let n = u64::try_from(n).unwrap_or(u64::MAX);
    angka((!privasi.is_some_and(|rule| rule.hides(n))).then_some(n))
}

/// How many of `rows` have each of `reasons` (`has`), each under its
/// `label` and shown as [`standalone`] counts. A reason none has is left
/// out, unless `keep_empty`.
pub(super) fn by_reason<R, K: Copy>(
    rows: &[R],
    reasons: impl IntoIterator<Item = K>,
    has: impl Fn(&R, K) -> bool,
    label: impl Fn(K) -> &'static str,
    keep_empty: bool,
    privasi: Option<&Privasi>,
) -> Vec<(String, String)> {
    reasons
        .into_iter()
        .filter_map(|reason| {
            let n = rows.iter().filter(|r| has(r, reason)).count();
            (n > 0 || keep_empty).then(|| (label(reason).to_owned(), standalone(n, privasi)))
        })
        .collect()
}

/// The units of `root` and its sub-units, to filter an instansi's rows by;
/// `None` (no filter) for the whole instansi.
pub(super) async fn subtree_of(
    ctx: &Ctx<'_>,
    root: Option<&str>,
) -> Result<Option<HashSet<String>>, WebError> {
    Ok(match root {
        Some(unit) => Some(units::subtree(ctx, unit).await?.into_iter().collect()),
        None => None,
    })
}

/// `75%` of two counts, or the mark when either is hidden.
fn persen(value: Option<u64>, of: Option<u64>) -> String {
    match (value, of) {
        (Some(value), Some(of)) => format!("{}%", percent(value, of)),
        _ => angka(None),
    }
}

/// A row's required and verified documents, as shown.
fn documents(shown: &Shown<'_>, row: Row) -> (Option<u64>, Option<u64>) {
    (
        shown.count(row, Count::DokumenWajib),
        shown.count(row, Count::DokumenAda),
    )
}

/// The retention flags, in the order the block lists them.
const FLAG_KINDS: [FlagKind; 3] = [
    FlagKind::MendekatiBup,
    FlagKind::LamaDiJabatan,
    FlagKind::Kotak9TanpaPengembangan,
];

fn flag_label(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::MendekatiBup => "mendekati batas usia pensiun",
        FlagKind::LamaDiJabatan => "lama di jabatan yang sama",
        FlagKind::Kotak9TanpaPengembangan => "kotak 9 tanpa pengembangan atau perpindahan",
    }
}

/// Days to the document target, or days past it.
fn target_text(target: Date, today: Date) -> String {
    let days = (target - today).whole_days();
    let date = tanggal(target);
    match days {
        0 => format!("Batas waktu {date}: hari ini."),
        d if d > 0 => format!("Batas waktu {date}: {d} hari lagi."),
        d => format!("Batas waktu {date}: terlambat {} hari.", -d),
    }
}

struct View<'a> {
    caller: &'a Caller,
    root: Option<&'a str>,
    may_list: bool,
    dashboard: &'a Dashboard,
    /// The counts as this reader sees them.
    shown: &'a Shown<'a>,
    privasi: Option<&'a Privasi>,
    rules: &'a RuleSet,
    today: Date,
}

impl View<'_> {
    fn notes(&self) -> Vec<String> {
        let policy = &self.rules.talent_map;
        let mut notes = vec![
            format!(
                "Terprofil: pegawai yang memiliki hasil asesmen bertanggal {} sampai {} \
                 (masa berlaku asesmen {} tahun pada tanggal hari ini, aturan {}).",
                tanggal(self.dashboard.assessed_from),
                tanggal(self.today),
                policy.asesmen_max_age_years,
                self.rules.id
            ),
            "Kelengkapan dokumen: dokumen wajib menurut status kepegawaian (CPNS, PNS, PPPK) \
             yang sudah diverifikasi, dibagi jumlah dokumen wajib; dokumen yang ditolak atau \
             menunggu verifikasi belum dihitung."
                .to_owned(),
        ];
        if let Some(periode) = &self.dashboard.periode {
            notes.push(format!(
                "Kotak talenta menurut peta talenta periode {periode}: unit kerja sebagaimana \
                 tercatat saat peta dihitung, jenjang menurut jabatan saat ini."
            ));
        }
        if self.root.is_some() {
            notes.push(
                "Baris pertama unit ini memuat pegawai unit itu sendiri; setiap sub-unit memuat \
                 dirinya dan unit di bawahnya."
                    .to_owned(),
            );
        }
        if let Some(rule) = self.privasi {
            notes.push(super::privasi_note(rule));
        }
        notes
    }

    /// A unit's own dashboard, when the viewer may open it and it is not
    /// this page.
    fn unit_href(&self, kode: &str) -> Option<String> {
        (self.root != Some(kode)
            && self
                .caller
                .may(Action::ReadAggregates, self.caller.target(Some(kode))))
        .then(|| format!("/dasbor/opd/{}", path_segment(kode)))
    }

    fn rows(&self, cells: impl Fn(Row) -> Vec<String>) -> Vec<UnitRow> {
        self.dashboard
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| UnitRow {
                nama: g.nama.clone(),
                href: self.unit_href(&g.kode),
                cells: cells(Row::Group(i)),
            })
            .collect()
    }

    fn progress_table(&self) -> UnitTable {
        let cells = |row: Row| {
            let pegawai = self.shown.count(row, Count::Pegawai);
            let profiled = self.shown.count(row, Count::Profiled);
            vec![angka(pegawai), angka(profiled), persen(profiled, pegawai)]
        };
        UnitTable {
            id: "progres-profil",
            caption: "Progres profil per unit".into(),
            note: String::new(),
            columns: vec!["Pegawai".into(), "Terprofil".into(), "Persen".into()],
            rows: self.rows(cells),
            total: Some(cells(Row::Total)),
        }
    }

    fn progress_bars(&self) -> String {
        let bars: Vec<Bar> = self
            .dashboard
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let row = Row::Group(i);
                let pegawai = self.shown.count(row, Count::Pegawai);
                let profiled = self.shown.count(row, Count::Profiled);
                let (value, of) = profiled.zip(pegawai).unwrap_or((0, 0));
                Bar {
                    label: g.nama.clone(),
                    value,
                    of,
                    text: match profiled.zip(pegawai) {
                        Some((p, n)) => format!("{}% ({p}/{n})", percent(p, n)),
                        None => angka(None),
                    },
                }
            })
            .collect();
        charts::bar_chart(
            "progres-profil-grafik",
            "Progres profil per unit",
            "Bagian pegawai setiap unit yang memiliki asesmen yang masih berlaku",
            &bars,
        )
    }

    fn documents_table(&self) -> UnitTable {
        let cells = |row: Row| {
            let (wajib, ada) = documents(self.shown, row);
            vec![
                angka(wajib),
                angka(ada),
                persen(ada, wajib),
                angka(wajib.zip(ada).map(|(w, a)| w.saturating_sub(a))),
            ]
        };
        UnitTable {
            id: "kelengkapan-dokumen",
            caption: "Kelengkapan dokumen per unit".into(),
            note: target_text(self.rules.dokumen.target, self.today),
            columns: vec![
                "Dokumen wajib".into(),
                "Terverifikasi".into(),
                "Persen".into(),
                "Kekurangan".into(),
            ],
            rows: self.rows(cells),
            total: Some(cells(Row::Total)),
        }
    }

    fn box_columns() -> Vec<String> {
        let mut columns: Vec<String> = Kotak::ALL.iter().map(|k| format!("Kotak {k}")).collect();
        columns.push("Belum dipetakan".into());
        columns.push("Jumlah".into());
        columns
    }

    fn box_cells(&self, row: Row) -> Vec<String> {
        (0..9)
            .map(Count::Kotak)
            .chain([Count::BelumDipetakan, Count::Jumlah])
            .map(|count| angka(self.shown.count(row, count)))
            .collect()
    }

    fn boxes_by_unit(&self) -> UnitTable {
        UnitTable {
            id: "sebaran-kotak-opd",
            caption: "Sebaran kotak talenta per unit".into(),
            note: String::new(),
            columns: Self::box_columns(),
            rows: self.rows(|row| self.box_cells(row)),
            total: Some(self.box_cells(Row::Total)),
        }
    }

    fn boxes_by_jenjang(&self) -> UnitTable {
        let rows = self
            .dashboard
            .jenjang
            .iter()
            .enumerate()
            .map(|(i, (code, _))| UnitRow {
                nama: match code {
                    Some(code) => code
                        .parse::<Jenjang>()
                        .map_or_else(|_| code.clone(), |j| j.label().to_owned()),
                    None => "Tanpa jabatan".to_owned(),
                },
                href: None,
                cells: self.box_cells(Row::Jenjang(i)),
            })
            .collect();
        UnitTable {
            id: "sebaran-kotak-jenjang",
            caption: "Sebaran kotak talenta per jenjang jabatan".into(),
            note: String::new(),
            columns: Self::box_columns(),
            rows,
            total: Some(self.box_cells(Row::Total)),
        }
    }

    fn nine_box(&self) -> String {
        let Some(periode) = &self.dashboard.periode else {
            return String::new();
        };
        let cell = |k: KinerjaBand, p: PotensialBand| {
            let kotak = Kotak::of(k, p);
            let href = self.may_list.then(|| {
                let mut query = form_urlencoded::Serializer::new(String::new());
                query.append_pair("periode", periode);
                query.append_pair("kotak", &kotak.to_string());
                if let Some(root) = self.root {
                    query.append_pair("opd", root);
                }
                format!("/peta?{}", query.finish())
            });
            NineBoxCell {
                kotak: kotak.number(),
                label: kotak.label().to_owned(),
                count: self
                    .shown
                    .count(Row::Total, Count::Kotak(usize::from(kotak.number()) - 1)),
                href,
            }
        };
        charts::nine_box(&NineBox {
            title: format!("Kotak talenta periode {periode}"),
            desc: format!(
                "Sembilan kotak: kinerja (sumbu tegak) terhadap potensial (sumbu datar), \
                 dengan jumlah pegawai di setiap kotak; {} pegawai dipetakan.",
                angka(self.shown.count(Row::Total, Count::Dipetakan))
            ),
            grid: KinerjaBand::ALL.map(|k| PotensialBand::ALL.map(|p| cell(k, p))),
        })
    }
}
