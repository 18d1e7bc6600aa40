//! The talent cycle in the browser (issue 6): the periods and their state,
//! calibration of a period's map by the talent committee, the movement of
//! final boxes between two periods, talent pools, and succession plans for
//! key positions. The rules are the domain's and the reads `talenta-app`'s
//! (`cycle`, `talent`); these handlers only choose, check access and show.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use talenta_app::cycle::{CycleError, FinalRow, calibrate, final_map, movement};
use talenta_app::talent::{SuccessionError, positions, retention, succession, talent_pools};
use talenta_domain::access::{Action, Target};
use talenta_domain::cycle::StatusPeriode;
use talenta_domain::succession::RankBy;
use talenta_domain::{Kotak, Periode};
use talenta_views::Flash;
use talenta_views::charts;
use talenta_views::pages::{
    Kalibrasi, KalibrasiBaris, LinkRow, LinkTable, Perpindahan, Pilihan, Siklus,
};

use super::profile::person;
use crate::AppState;
use crate::error::{WebError, render};
use crate::extract::{Form, Query};
use crate::format::{nilai, tanggal};
use crate::session::SignedIn;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/talenta", get(index))
        .route("/talenta/perpindahan", get(movement_page))
        .route("/talenta/{periode}/kalibrasi", get(calibration_page))
        .route("/talenta/{periode}/kalibrasi/{nip}", post(calibrate_one))
        .route("/talenta/{periode}/kelompok", get(pools_page))
        .route("/talenta/{periode}/retensi", get(retention_page))
        .route("/jabatan", get(positions_page))
        .route("/jabatan/{kode}/suksesi", get(succession_page))
}

/// Rows of a calibration list shown at once.
const SHOWN: usize = 200;

/// The instansi of the user, by code, as the app layer takes it.
pub(super) async fn instansi_kode(state: &AppState, user: &SignedIn) -> Result<String, WebError> {
    state
        .db()
        .instansi_all()
        .await?
        .into_iter()
        .find(|(id, _)| *id == user.actor.instansi)
        .map(|(_, i)| i.kode)
        .ok_or(WebError::NotFound)
}

/// 404 unless the user may do `action` across the instansi.
fn require(user: &SignedIn, action: Action) -> Result<(), WebError> {
    if user.may(action, Target::Instansi(user.actor.instansi)) {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

fn parse_periode(text: &str) -> Result<Periode, WebError> {
    text.parse().map_err(|_| WebError::NotFound)
}

pub(super) fn cycle_error(error: CycleError) -> WebError {
    match error {
        CycleError::Storage(e) => e.into(),
        CycleError::NoSnapshot(_) | CycleError::Instansi(_) | CycleError::NotInMap { .. } => {
            WebError::NotFound
        }
        other => WebError::Internal(other.to_string()),
    }
}

fn kotak_text(kotak: Option<Kotak>) -> String {
    kotak.map_or_else(
        || "belum dipetakan".to_owned(),
        |k| format!("{} · {}", k.number(), k.label()),
    )
}

async fn index(State(state): State<AppState>, user: SignedIn) -> Result<Response, WebError> {
    require(&user, Action::ReadAggregates)?;
    let states = state.db().periode_states(user.actor.instansi).await?;
    let may_list = user.may(Action::ListPeople, Target::Instansi(user.actor.instansi));
    let mut tautan = Vec::new();
    let mut sorted: Vec<&talenta_storage::PeriodeRow> = states.iter().collect();
    sorted.sort_by(|a, b| b.periode.cmp(&a.periode));
    if let (Some(to), Some(from)) = (sorted.first(), sorted.get(1)) {
        tautan.push((
            format!(
                "/talenta/perpindahan?dari={}&ke={}",
                from.periode, to.periode
            ),
            format!("Perpindahan {} → {}", from.periode, to.periode),
        ));
    }
    if may_list {
        tautan.push((
            "/jabatan".to_owned(),
            "Jabatan kunci dan suksesi".to_owned(),
        ));
    }
    // The latest mapped period (a period may be opened before its map).
    let latest = sorted.iter().find(|p| p.rule_set.is_some());
    if let Some(latest) = latest
        && may_list
    {
        tautan.push((
            format!("/talenta/{}/kelompok", latest.periode),
            format!("Kelompok rencana suksesi {}", latest.periode),
        ));
    }
    if let Some(latest) = latest
        && user.may(
            Action::ReadEvaluation,
            Target::Instansi(user.actor.instansi),
        )
    {
        tautan.push((
            super::evaluation::href(&latest.periode, None),
            format!("Evaluasi pejabat {}", latest.periode),
        ));
    }
    let rows = sorted
        .iter()
        .map(|p| LinkRow {
            href: may_list.then(|| format!("/talenta/{}/kalibrasi", p.periode)),
            cells: vec![
                p.periode.clone(),
                match p.status {
                    StatusPeriode::Terbuka => "Terbuka".to_owned(),
                    StatusPeriode::Ditutup => format!(
                        "Ditutup {}",
                        p.ditutup_at.map(|t| tanggal(t.date())).unwrap_or_default()
                    ),
                },
                p.rule_set.clone().unwrap_or_default(),
            ],
        })
        .collect();
    render(&Siklus {
        chrome: super::chrome(&user, "/talenta"),
        judul: "Siklus talenta".to_owned(),
        keterangan: vec![
            "Setiap semester seluruh ASN dipetakan ke sembilan kotak, dikalibrasi oleh tim penilai talenta, lalu periodenya ditutup: peta yang ditutup tidak berubah lagi oleh data yang datang kemudian.".to_owned(),
        ],
        tautan,
        tables: vec![LinkTable {
            id: "periode",
            caption: "Periode".to_owned(),
            note: String::new(),
            columns: vec!["Periode", "Status", "Aturan"],
            rows,
            empty: "Belum ada periode yang dipetakan.",
        }],
    })
}

#[derive(Deserialize)]
struct CalibrationQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kotak: String,
    ok: Option<String>,
}

async fn calibration_page(
    State(state): State<AppState>,
    user: SignedIn,
    Path(periode): Path<String>,
    Query(query): Query<CalibrationQuery>,
) -> Result<Response, WebError> {
    let flash = query
        .ok
        .as_deref()
        .filter(|ok| *ok == "kalibrasi")
        .map(|_| Flash::success("Kalibrasi disimpan."));
    calibration_list(&state, &user, &periode, &query, flash, StatusCode::OK).await
}

async fn calibration_list(
    state: &AppState,
    user: &SignedIn,
    periode_text: &str,
    query: &CalibrationQuery,
    flash: Option<Flash>,
    status: StatusCode,
) -> Result<Response, WebError> {
    require(user, Action::ListPeople)?;
    let periode = parse_periode(periode_text)?;
    let instansi = user.actor.instansi;
    let rows = final_map(state.db(), instansi, periode)
        .await
        .map_err(cycle_error)?;
    if rows.is_empty() {
        return Err(WebError::NotFound);
    }
    let state_row = state
        .db()
        .periode_state(instansi, &periode.to_string())
        .await?;
    let open = state_row
        .as_ref()
        .is_some_and(|s| s.status == StatusPeriode::Terbuka);
    // The committee calibrates anyone but themself; each row's form is
    // checked again when posted.
    let committee = user.role() == talenta_domain::access::Role::TimPenilai;
    let wanted_box: Option<u8> = query.kotak.trim().parse().ok();
    let needle = query.q.trim().to_lowercase();
    // In the order of talent, as the final map is read.
    let matching: Vec<&FinalRow> = rows
        .iter()
        .filter(|r| wanted_box.is_none_or(|k| r.final_box.map(Kotak::number) == Some(k)))
        .filter(|r| {
            needle.is_empty() || r.nip.contains(&needle) || r.nama.to_lowercase().contains(&needle)
        })
        .collect();
    let total = matching.len();
    let base = format!("/talenta/{periode}/kalibrasi");
    let page = Kalibrasi {
        chrome: super::chrome_with(user, "/talenta", flash),
        periode: periode.to_string(),
        action: base.clone(),
        boleh: open && committee,
        status: if open { "terbuka" } else { "sudah ditutup" }.to_owned(),
        q: query.q.clone(),
        kotak: query.kotak.clone(),
        info: if total > SHOWN {
            format!(
                "{SHOWN} dari {total} pegawai, urut nilai talenta; persempit dengan pencarian atau kotak."
            )
        } else {
            format!("{total} pegawai, urut nilai talenta.")
        },
        rows: matching
            .into_iter()
            .take(SHOWN)
            .map(|r| KalibrasiBaris {
                nip: r.nip.clone(),
                nama: r.nama.clone(),
                opd: r.opd.clone(),
                nilai_talenta: nilai(r.nilai_talenta),
                hasil: kotak_text(r.computed),
                akhir: kotak_text(r.final_box),
                alasan: r.alasan.clone().unwrap_or_default(),
                action: format!("{base}/{}", r.nip),
            })
            .collect(),
    };
    let mut response = render(&page)?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Deserialize)]
struct Move {
    kotak: u8,
    #[serde(default)]
    alasan: String,
}

async fn calibrate_one(
    State(state): State<AppState>,
    user: SignedIn,
    Path((periode_text, nip)): Path<(String, String)>,
    Form(input): Form<Move>,
) -> Result<Response, WebError> {
    person(&state, &user, &nip, Action::Calibrate).await?;
    let periode = parse_periode(&periode_text)?;
    let to = Kotak::new(input.kotak).ok_or(WebError::Invalid("kotak".into()))?;
    let kode = instansi_kode(&state, &user).await?;
    match calibrate(
        state.db(),
        Some(&kode),
        periode,
        &nip,
        to,
        &input.alasan,
        &user.actor.nip,
        state.now(),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/talenta/{periode}/kalibrasi?q={nip}&ok=kalibrasi"
        ))
        .into_response()),
        Err(CycleError::Calibration(reason)) => {
            refused(&state, &user, &periode_text, &nip, &reason.to_string()).await
        }
        Err(CycleError::NotOpen(_) | CycleError::AlreadyClosed(_)) => {
            refused(&state, &user, &periode_text, &nip, "periode tidak terbuka").await
        }
        Err(other) => Err(cycle_error(other)),
    }
}

/// The calibration list again, at the refused person, with the reason.
async fn refused(
    state: &AppState,
    user: &SignedIn,
    periode: &str,
    nip: &str,
    reason: &str,
) -> Result<Response, WebError> {
    let query = CalibrationQuery {
        q: nip.to_owned(),
        kotak: String::new(),
        ok: None,
    };
    let flash = Flash::error(format!("Kalibrasi tidak disimpan: {reason}."));
    calibration_list(
        state,
        user,
        periode,
        &query,
        Some(flash),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Deserialize)]
struct Between {
    dari: String,
    ke: String,
    /// One unit and its sub-units; empty or absent: the instansi.
    #[serde(default)]
    opd: String,
}

/// The movement of final boxes between two periods, for the instansi or
/// one unit and its sub-units: the transition matrix as a chart and as a
/// table (the table stays for screen readers and for copying).
async fn movement_page(
    State(state): State<AppState>,
    user: SignedIn,
    Query(between): Query<Between>,
) -> Result<Response, WebError> {
    let instansi = user.actor.instansi;
    let opd = Some(between.opd.trim()).filter(|o| !o.is_empty());
    match opd {
        Some(unit) => {
            if !user.may(Action::ReadAggregates, Target::Unit { instansi, unit })
                || !state.db().unit_exists(instansi, unit).await?
            {
                return Err(WebError::NotFound);
            }
        }
        None => require(&user, Action::ReadAggregates)?,
    }
    let from = parse_periode(&between.dari)?;
    let to = parse_periode(&between.ke)?;
    let moved = movement(state.db(), instansi, from, to, opd)
        .await
        .map_err(cycle_error)?;
    let whole = user.may(Action::ReadAggregates, Target::Instansi(instansi));
    let units: Vec<(String, String)> = state
        .db()
        .units(instansi)
        .await?
        .into_iter()
        .filter(|(kode, _)| whole || user.actor.units.contains(kode))
        .collect();
    let scope_name = match opd {
        Some(unit) => units
            .iter()
            .find(|(kode, _)| kode == unit)
            .map_or_else(|| unit.to_owned(), |(_, nama)| nama.clone()),
        None => "seluruh instansi".to_owned(),
    };
    let mut choices = Vec::new();
    if whole {
        choices.push(Pilihan {
            value: String::new(),
            label: "Seluruh instansi".to_owned(),
            selected: opd.is_none(),
        });
    }
    choices.extend(units.iter().map(|(kode, nama)| Pilihan {
        value: kode.clone(),
        label: format!("{nama} ({kode})"),
        selected: opd == Some(kode.as_str()),
    }));
    let target = opd.map_or(Target::Instansi(instansi), |unit| Target::Unit {
        instansi,
        unit,
    });
    let privasi = super::privasi(&state, &user, target);
    let matrix = moved.matrix.shown(privasi);
    let count = |n: Option<u32>| charts::angka(n.map(u64::from));
    let mut columns = vec!["Kotak sebelumnya"];
    columns.extend(KOTAK_COLUMNS);
    columns.push("Keluar");
    let mut rows: Vec<LinkRow> = Kotak::ALL
        .iter()
        .rev()
        .map(|&before| {
            let mut cells = vec![format!("{} · {}", before.number(), before.label())];
            let row = usize::from(before.number() - 1);
            let counts = matrix.counts.get(row).copied().unwrap_or_default();
            cells.extend(counts.iter().map(|n| count(*n)));
            cells.push(count(matrix.left.get(row).copied().flatten()));
            LinkRow { href: None, cells }
        })
        .collect();
    let mut entered = vec!["Masuk (baru dipetakan)".to_owned()];
    entered.extend(matrix.entered.iter().map(|n| count(*n)));
    entered.push(String::new());
    rows.push(LinkRow {
        href: None,
        cells: entered,
    });
    let (naik, tetap, turun) = (count(matrix.up), count(matrix.same), count(matrix.down));
    let summary = format!(
        "{naik} pegawai naik ke kotak bernomor lebih tinggi, {tetap} tetap, {turun} turun."
    );
    let mut keterangan = vec![format!(
        "Cakupan: {scope_name}. Baris: kotak akhir {from}; kolom: kotak akhir {to} (setelah kalibrasi). {summary}"
    )];
    keterangan.extend(privasi.map(super::privasi_note));
    render(&Perpindahan {
        chrome: super::chrome(&user, "/talenta"),
        judul: format!("Perpindahan kotak {from} → {to}"),
        keterangan,
        tautan: vec![("/talenta".to_owned(), "Siklus talenta".to_owned())],
        dari: from.to_string(),
        ke: to.to_string(),
        opd: choices,
        grafik: charts::transition_matrix(
            "grafik-matriks",
            &format!("Perpindahan kotak {from} ke {to}, {scope_name}"),
            &format!(
                "Peta panas 9 × 9: baris kotak {from} (kotak 9 di atas), kolom kotak {to}; makin gelap makin banyak pegawai, diagonal bergaris tepi adalah yang tetap. {summary}"
            ),
            &from.to_string(),
            &to.to_string(),
            &matrix.counts,
        ),
        table: LinkTable {
            id: "matriks",
            caption: "Matriks perpindahan".to_owned(),
            note: String::new(),
            columns,
            rows,
            empty: "Tidak ada data.",
        },
    })
}

/// A hard rule as the page names it.
fn rule_label(rule: talenta_domain::eligibility::RuleKind) -> &'static str {
    use talenta_domain::eligibility::RuleKind;
    match rule {
        RuleKind::Status => "Status kepegawaian",
        RuleKind::Pendidikan => "Tingkat pendidikan",
        RuleKind::BidangIlmu => "Bidang ilmu",
        RuleKind::Golongan => "Golongan",
        RuleKind::Pengalaman => "Pengalaman jabatan",
        RuleKind::Skp => "SKP",
        RuleKind::Disiplin => "Hukuman disiplin",
        RuleKind::Usia => "Usia",
        RuleKind::Kompetensi => "Kompetensi",
        RuleKind::Pengembangan => "Pengembangan kompetensi",
    }
}

/// Every rule a person fails: what they have, what the rule asks, and its
/// source.
fn reasons(failures: &[talenta_domain::eligibility::Check]) -> String {
    failures
        .iter()
        .map(|f| {
            format!(
                "{}: {} (syarat {}; {})",
                rule_label(f.rule),
                f.actual,
                f.required,
                f.source
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

const KOTAK_COLUMNS: [&str; 9] = [
    "Kotak 1", "Kotak 2", "Kotak 3", "Kotak 4", "Kotak 5", "Kotak 6", "Kotak 7", "Kotak 8",
    "Kotak 9",
];

async fn pools_page(
    State(state): State<AppState>,
    user: SignedIn,
    Path(periode): Path<String>,
) -> Result<Response, WebError> {
    require(&user, Action::ListPeople)?;
    let periode = parse_periode(&periode)?;
    let kode = instansi_kode(&state, &user).await?;
    let pools = talent_pools(state.db(), Some(&kode), periode, state.rules())
        .await
        .map_err(cycle_error)?;
    let mut tables = Vec::new();
    for pool in &pools.pools {
        let menuju = format!("{} menuju {}", pool.kind.label(), pool.target.label());
        tables.push(LinkTable {
            id: "kelompok",
            caption: menuju.clone(),
            note: format!("{} anggota, urut nilai talenta.", pool.members.len()),
            columns: vec!["Peringkat", "Pegawai", "NIP", "Kotak", "Nilai talenta"],
            rows: pool
                .members
                .iter()
                .map(|m| LinkRow {
                    href: Some(format!("/pegawai/{}", m.nip)),
                    cells: vec![
                        m.rank.to_string(),
                        m.nama.clone(),
                        m.nip.clone(),
                        m.kotak.number().to_string(),
                        nilai(Some(m.nilai_talenta)),
                    ],
                })
                .collect(),
            empty: "Belum ada anggota.",
        });
        // A closed period keeps its members only.
        if !pools.frozen {
            tables.push(LinkTable {
                id: "tidak-memenuhi",
                caption: format!("{menuju}: tidak memenuhi syarat ({})", pool.left_out.len()),
                note: "Pegawai dengan kotak yang memenuhi, tetapi tidak memenuhi syarat kelompok: setiap aturan, dasar hukumnya, dan kapan memenuhi syarat bila waktu saja yang kurang.".to_owned(),
                columns: vec!["Pegawai", "NIP", "Kotak", "Nilai talenta", "Aturan tidak terpenuhi", "Memenuhi syarat mulai"],
                rows: pool
                    .left_out
                    .iter()
                    .map(|l| LinkRow {
                        href: Some(format!("/pegawai/{}", l.nip)),
                        cells: vec![
                            l.nama.clone(),
                            l.nip.clone(),
                            l.kotak.number().to_string(),
                            nilai(Some(l.nilai_talenta)),
                            reasons(&l.failures),
                            l.eligible_from.map_or_else(|| "—".to_owned(), tanggal),
                        ],
                    })
                    .collect(),
                empty: "Semua pegawai yang diperiksa memenuhi syarat.",
            });
        }
    }
    let gates = &state.rules().pool;
    render(&Siklus {
        chrome: super::chrome(&user, "/talenta"),
        judul: format!("Kelompok rencana suksesi {periode}"),
        keterangan: vec![if pools.frozen {
            "Periode ditutup: kelompok seperti pada saat penutupan.".to_owned()
        } else {
            format!(
                "Periode terbuka: kelompok dihitung dari kotak akhir saat ini. Syarat ({}): {}; kompetensi asesmen terakhir paling rendah level jenjang tujuan; pengembangan kompetensi paling sedikit {} JP setiap tahun dalam {} tahun terakhir; SKP paling rendah {} {} tahun terakhir; tidak sedang menjalani hukuman disiplin tingkat sedang atau berat.",
                gates.status.source,
                gates
                    .status
                    .allowed
                    .iter()
                    .map(|s| s.label())
                    .collect::<Vec<_>>()
                    .join(" atau "),
                gates.pengembangan.jam,
                gates.pengembangan.years,
                gates.skp.minimum.label(),
                gates.skp.years,
            )
        }],
        tautan: vec![("/talenta".to_owned(), "Siklus talenta".to_owned())],
        tables,
    })
}

/// The unit a page is scoped to (`?opd=`), the instansi when absent.
#[derive(Deserialize)]
pub(super) struct Unit {
    pub(super) opd: Option<String>,
}

/// Pool members and key-position holders who need action (retention),
/// for the instansi or one OPD and its sub-units.
async fn retention_page(
    State(state): State<AppState>,
    user: SignedIn,
    Path(periode): Path<String>,
    Query(unit): Query<Unit>,
) -> Result<Response, WebError> {
    let instansi = user.actor.instansi;
    let opd = unit.opd.filter(|o| !o.is_empty());
    let allowed = match &opd {
        Some(unit) => user.may(Action::ListPeople, Target::Unit { instansi, unit }),
        None => user.may(Action::ListPeople, Target::Instansi(instansi)),
    };
    let exists = match &opd {
        Some(unit) => state.db().unit_exists(instansi, unit).await?,
        None => true,
    };
    if !allowed || !exists {
        return Err(WebError::NotFound);
    }
    let periode = parse_periode(&periode)?;
    let kode = instansi_kode(&state, &user).await?;
    let rows = retention(
        state.db(),
        Some(&kode),
        periode,
        opd.as_deref(),
        state.rules(),
    )
    .await
    .map_err(cycle_error)?;
    render(&Siklus {
        chrome: super::chrome(&user, "/talenta"),
        judul: format!("Retensi talenta {periode}"),
        keterangan: vec![format!(
            "Anggota kelompok rencana suksesi dan pemegang jabatan kunci{} yang perlu tindakan, masing-masing dengan alasannya.",
            opd.as_deref()
                .map(|o| format!(" di {o}"))
                .unwrap_or_default()
        )],
        tautan: vec![("/talenta".to_owned(), "Siklus talenta".to_owned())],
        tables: vec![LinkTable {
            id: "retensi",
            caption: format!("{} pegawai", rows.len()),
            note: String::new(),
            columns: vec![
                "Pegawai",
                "NIP",
                "Unit",
                "Dipantau sebagai",
                "Perlu tindakan",
            ],
            rows: rows
                .iter()
                .map(|r| LinkRow {
                    href: Some(format!("/pegawai/{}", r.nip)),
                    cells: vec![
                        r.nama.clone(),
                        r.nip.clone(),
                        r.opd.clone(),
                        r.watched
                            .iter()
                            .map(|w| match *w {
                                "krs" => "anggota KRS",
                                "jabatan_kunci" => "pemegang jabatan kunci",
                                other => other,
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                        r.flags
                            .iter()
                            .map(|f| format!("{} ({})", f.reason, f.source))
                            .collect::<Vec<_>>()
                            .join(" · "),
                    ],
                })
                .collect(),
            empty: "Tidak ada yang perlu tindakan.",
        }],
    })
}

async fn positions_page(
    State(state): State<AppState>,
    user: SignedIn,
) -> Result<Response, WebError> {
    require(&user, Action::ListPeople)?;
    let kode = instansi_kode(&state, &user).await?;
    let list = positions(state.db(), Some(&kode), true)
        .await
        .map_err(cycle_error)?;
    render(&Siklus {
        chrome: super::chrome(&user, "/talenta"),
        judul: "Jabatan kunci".to_owned(),
        keterangan: vec!["Pilih jabatan untuk melihat rencana suksesinya: kandidat berperingkat dan setiap pegawai yang tidak memenuhi syarat beserta alasannya.".to_owned()],
        tautan: vec![("/talenta".to_owned(), "Siklus talenta".to_owned())],
        tables: vec![LinkTable {
            id: "jabatan",
            caption: format!("{} jabatan kunci", list.len()),
            note: String::new(),
            columns: vec!["Jabatan", "Kode", "Unit", "Jenjang"],
            rows: list
                .iter()
                .map(|p| LinkRow {
                    href: Some(format!("/jabatan/{}/suksesi", super::dashboard::path_segment(&p.kode))),
                    cells: vec![
                        p.nama.clone(),
                        p.kode.clone(),
                        p.opd.clone(),
                        p.jenjang.label().to_owned(),
                    ],
                })
                .collect(),
            empty: "Belum ada jabatan yang ditandai kunci.",
        }],
    })
}

async fn succession_page(
    State(state): State<AppState>,
    user: SignedIn,
    Path(jabatan): Path<String>,
) -> Result<Response, WebError> {
    require(&user, Action::ListPeople)?;
    let kode = instansi_kode(&state, &user).await?;
    let today = state.now().date();
    let plan = match succession(
        state.db(),
        Some(&kode),
        &jabatan,
        None,
        state.rules(),
        today,
    )
    .await
    {
        Ok(plan) => plan,
        Err(SuccessionError::UnknownPosition(_) | SuccessionError::NoMap) => {
            return Err(WebError::NotFound);
        }
        Err(SuccessionError::Cycle(e)) => return Err(cycle_error(e)),
    };
    let mut keterangan = vec![format!(
        "{} · {} · peta {} · diperiksa {}.",
        plan.position.opd,
        plan.position.jenjang.label(),
        plan.periode,
        tanggal(plan.on)
    )];
    let policy = state.rules().succession.of(plan.position.jenjang);
    match policy {
        Some(policy) => keterangan.push(format!(
            "Kandidat dari kotak {} jenjang di bawahnya; paling sedikit {} kandidat siap sekarang ({}).",
            policy
                .population_boxes
                .iter()
                .map(|k| k.number().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            plan.plan.min_ready,
            policy.source
        )),
        None => keterangan.push(format!(
            "Aturan suksesi tidak mengatur jenjang {}: tidak ada rencana suksesi.",
            plan.position.jenjang.label()
        )),
    }
    if plan.plan.kurang_suksesor {
        keterangan.push(format!(
            "Perhatian: hanya {} kandidat siap sekarang (kurang dari {}).",
            plan.plan.ready_now, plan.plan.min_ready
        ));
    }
    let urutan = match policy.map(|p| p.ranking) {
        Some(RankBy::Talenta) => "Urut nilai talenta",
        _ => "Urut kesiapan, lalu nilai talenta",
    };
    let candidates = LinkTable {
        id: "kandidat",
        caption: format!("Kandidat ({})", plan.plan.candidates.len()),
        note: format!(
            "{urutan}; JPM terhadap standar kompetensi jabatan ini; usia diperiksa pada tanggal pelantikan, memenuhi syarat sampai hari terakhir sebelum melewati batas usia."
        ),
        columns: vec![
            "Peringkat",
            "Pegawai",
            "NIP",
            "Nilai talenta",
            "JPM",
            "Kotak",
            "Kesiapan",
            "Memenuhi syarat sampai",
        ],
        rows: plan
            .plan
            .candidates
            .iter()
            .map(|c| LinkRow {
                href: Some(format!("/pegawai/{}", c.nip)),
                cells: vec![
                    c.rank.to_string(),
                    c.nama.clone(),
                    c.nip.clone(),
                    nilai(Some(c.nilai_talenta)),
                    c.jpm.map_or_else(
                        || "—".to_owned(),
                        |j| format!("{},{:02}%", j / 100, j % 100),
                    ),
                    c.kotak.number().to_string(),
                    c.readiness.label().to_owned(),
                    c.eligible_until.map_or_else(|| "—".to_owned(), tanggal),
                ],
            })
            .collect(),
        empty: "Tidak ada kandidat yang memenuhi syarat.",
    };
    let excluded = LinkTable {
        id: "tidak-memenuhi",
        caption: format!("Tidak memenuhi syarat ({})", plan.plan.excluded.len()),
        note: "Setiap aturan yang tidak terpenuhi, dasar hukumnya, dan kapan pegawai memenuhi syarat bila waktu saja yang kurang.".to_owned(),
        columns: vec!["Pegawai", "NIP", "Nilai talenta", "Aturan tidak terpenuhi", "Memenuhi syarat mulai", "Memenuhi syarat sampai"],
        rows: plan
            .plan
            .excluded
            .iter()
            .map(|e| LinkRow {
                href: Some(format!("/pegawai/{}", e.nip)),
                cells: vec![
                    e.nama.clone(),
                    e.nip.clone(),
                    nilai(Some(e.nilai_talenta)),
                    reasons(&e.failures),
                    e.eligible_from.map_or_else(|| "—".to_owned(), tanggal),
                    e.eligible_until.map_or_else(|| "—".to_owned(), tanggal),
                ],
            })
            .collect(),
        empty: "Semua pegawai yang diperiksa memenuhi syarat.",
    };
    render(&Siklus {
        chrome: super::chrome(&user, "/talenta"),
        judul: format!("Suksesi {}", plan.position.nama),
        keterangan,
        tautan: vec![("/jabatan".to_owned(), "Jabatan kunci".to_owned())],
        tables: vec![candidates, excluded],
    })
}
