//! The talent cycle in the browser (issue 6): the periods and their state
//! and calibration of a period's map by the talent committee, with what
//! the cycle's other pages share (`movement`, `pools`, `retention`,
//! `succession`). The rules are the domain's and the reads `talenta-app`'s;
//! these handlers only choose, check access and show.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use talenta_app::cycle::{
    Calibration, CycleError, FinalRow, PeriodeRow, calibrate, final_map, period, periods,
};
use talenta_app::units;
use talenta_domain::access::{Action, Target};
use talenta_domain::cycle::StatusPeriode;
use talenta_domain::{Kotak, Nip, Periode};
use talenta_views::Flash;
use talenta_views::pages::{Kalibrasi, KalibrasiBaris, LinkRow, LinkTable, Siklus};

use super::profile::person;
use crate::AppState;
use crate::error::{WebError, render};
use crate::extract::{Form, InPath, Query};
use crate::format::{nilai, tanggal};
use crate::session::SignedIn;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/talenta", get(index))
        .route("/talenta/{periode}/kalibrasi", get(calibration_page))
        .route("/talenta/{periode}/kalibrasi/{nip}", post(calibrate_one))
}

/// Rows of a calibration list shown at once.
const SHOWN: usize = 200;

/// 404 unless the user may do `action` across the instansi.
pub(super) fn require(user: &SignedIn, action: Action) -> Result<(), WebError> {
    if user.may(action, Target::Instansi(user.actor.instansi)) {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

pub(super) fn parse_periode(text: &str) -> Result<Periode, WebError> {
    text.parse().map_err(|_| WebError::NotFound)
}

pub(super) fn cycle_error(error: CycleError) -> WebError {
    match error {
        CycleError::Storage(e) => e.into(),
        CycleError::NoSnapshot(_) | CycleError::NotInMap { .. } => WebError::NotFound,
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
    let states = periods(&state.ctx(&user)).await.map_err(cycle_error)?;
    let may_list = user.may(Action::ListPeople, Target::Instansi(user.actor.instansi));
    let mut tautan = Vec::new();
    let mut sorted: Vec<&PeriodeRow> = states.iter().collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.periode));
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
            super::evaluation::href(&latest.periode.to_string(), None),
            format!("Evaluasi pejabat {}", latest.periode),
        ));
    }
    let rows = sorted
        .iter()
        .map(|p| LinkRow {
            href: may_list.then(|| format!("/talenta/{}/kalibrasi", p.periode)),
            cells: vec![
                p.periode.to_string(),
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
    InPath(periode): InPath<Periode>,
    Query(query): Query<CalibrationQuery>,
) -> Result<Response, WebError> {
    let flash = query
        .ok
        .as_deref()
        .filter(|ok| *ok == "kalibrasi")
        .map(|_| Flash::success("Kalibrasi disimpan."));
    calibration_list(&state, &user, periode, &query, flash, StatusCode::OK).await
}

async fn calibration_list(
    state: &AppState,
    user: &SignedIn,
    periode: Periode,
    query: &CalibrationQuery,
    flash: Option<Flash>,
    status: StatusCode,
) -> Result<Response, WebError> {
    require(user, Action::ListPeople)?;
    let ctx = state.ctx(user);
    let rows = final_map(&ctx, periode).await.map_err(cycle_error)?;
    if rows.is_empty() {
        return Err(WebError::NotFound);
    }
    let state_row = period(&ctx, periode).await?;
    let open = state_row
        .as_ref()
        .is_some_and(|s| s.status == StatusPeriode::Terbuka);
    // The committee calibrates anyone but themself; each row's form is
    // checked again when posted.
    let committee = user.may(Action::Calibrate, Target::Instansi(user.actor.instansi));
    let wanted_box: Option<u8> = query.kotak.trim().parse().ok();
    let needle = query.q.trim().to_lowercase();
    // In the order of talent, as the final map is read.
    let matching: Vec<&FinalRow> = rows
        .iter()
        .filter(|r| wanted_box.is_none_or(|k| r.final_box.map(Kotak::number) == Some(k)))
        .filter(|r| {
            needle.is_empty()
                || r.map.nip.contains(&needle)
                || r.map.nama.to_lowercase().contains(&needle)
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
                nip: r.map.nip.clone(),
                nama: r.map.nama.clone(),
                opd: r.map.opd.clone(),
                nilai_talenta: nilai(r.map.nilai_talenta),
                hasil: kotak_text(r.map.kotak),
                akhir: kotak_text(r.final_box),
                alasan: r
                    .calibration
                    .as_ref()
                    .map(|c| c.alasan.clone())
                    .unwrap_or_default(),
                action: format!("{base}/{}", r.map.nip),
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
    Path((periode, nip)): Path<(String, String)>,
    Form(input): Form<Move>,
) -> Result<Response, WebError> {
    person(&state, &user, &nip, Action::Calibrate).await?;
    let periode = parse_periode(&periode)?;
    let to = Kotak::new(input.kotak).ok_or(WebError::Invalid("kotak".into()))?;
    let parsed: Nip = nip.parse().map_err(|_| WebError::NotFound)?;
    let decision = Calibration {
        periode,
        nip: &parsed,
        to,
        alasan: &input.alasan,
    };
    match calibrate(&state.ctx(&user), &decision).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/talenta/{periode}/kalibrasi?q={nip}&ok=kalibrasi"
        ))
        .into_response()),
        Err(CycleError::Calibration(reason)) => {
            refused(&state, &user, periode, &nip, &reason.to_string()).await
        }
        Err(CycleError::NotOpen(_) | CycleError::AlreadyClosed(_)) => {
            refused(&state, &user, periode, &nip, "periode tidak terbuka").await
        }
        Err(other) => Err(cycle_error(other)),
    }
}

/// The calibration list again, at the refused person, with the reason.
async fn refused(
    state: &AppState,
    user: &SignedIn,
    periode: Periode,
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
pub(super) fn reasons(failures: &[talenta_domain::eligibility::Check]) -> String {
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

/// The unit a page is scoped to (`?opd=`), the instansi when absent.
#[derive(Deserialize)]
pub(super) struct Unit {
    pub(super) opd: Option<String>,
}

impl Unit {
    /// The unit asked for (`None`: the whole instansi; an empty `?opd=`
    /// counts as absent), once the user may do `action` there and the unit
    /// exists; not found otherwise, so a page does not tell which units exist.
    pub(super) async fn scope(
        self,
        state: &AppState,
        user: &SignedIn,
        action: Action,
    ) -> Result<Option<String>, WebError> {
        let instansi = user.actor.instansi;
        let opd = self.opd.filter(|o| !o.is_empty());
        let target = match &opd {
            Some(unit) => Target::Unit { instansi, unit },
            None => Target::Instansi(instansi),
        };
        if !user.may(action, target) {
            return Err(WebError::NotFound);
        }
        if let Some(unit) = &opd
            && !units::exists(&state.ctx(user), unit).await?
        {
            return Err(WebError::NotFound);
        }
        Ok(opd)
    }
}
