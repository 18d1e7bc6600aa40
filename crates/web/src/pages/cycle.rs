//! The talent cycle in the browser (issue 6): the periods and their state
//! and calibration of a period's map by the talent committee, with what
//! the cycle's other pages share (`movement`, `pools`, `retention`,
//! `succession`). The rules are the domain's and the reads `talenta-app`'s;
//! these handlers only choose, check access and show.

use axum::Router;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use serde::Deserialize;
use talenta_app::cycle::{
    Calibration, CycleError, FinalRow, PeriodeRow, calibrate, final_among, final_map, period,
    periods,
};
use talenta_domain::access::Action;
use talenta_domain::cycle::{CalibrationError, MAX_ALASAN, MIN_ALASAN, StatusPeriode};
use talenta_domain::{Kotak, Nip, Periode};
use talenta_views::pages::{GalatKalibrasi, Kalibrasi, KalibrasiBaris, LinkRow, LinkTable, Siklus};

use super::{Done, Outcome, choices};
use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render, render_as};
use crate::extract::{Form, InPath, Query};
use crate::format::{nilai, tanggal};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/talenta", get(index))
        .route("/talenta/{periode}/kalibrasi", get(calibration_page))
        .route("/talenta/{periode}/kalibrasi/{nip}", post(calibrate_one))
}

/// Rows of a calibration list shown at once.
const SHOWN: usize = 200;

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

/// The link back to the cycle page from the pages under it, for whoever
/// may open it: an OPD admin opens their unit's retention and movement but
/// not the instansi's cycle.
pub(super) fn up(caller: &Caller) -> Vec<(String, String)> {
    caller
        .may_instansi(Action::ReadAggregates)
        .then(|| ("/talenta".to_owned(), "Siklus talenta".to_owned()))
        .into_iter()
        .collect()
}

async fn index(caller: Caller) -> Reply {
    caller.require(Action::ReadAggregates)?;
    let states = periods(&caller.ctx()).await.map_err(cycle_error)?;
    let may_list = caller.may_instansi(Action::ListPeople);
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
        tautan.push((
            format!("/talenta/{}/retensi", latest.periode),
            format!("Retensi talenta {}", latest.periode),
        ));
    }
    if let Some(latest) = latest
        && caller.may_instansi(Action::ReadEvaluation)
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
        chrome: super::chrome(&caller, "/talenta"),
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
}

const DONE: [(&str, &str); 1] = [("kalibrasi", "Kalibrasi disimpan.")];

async fn calibration_page(
    caller: Caller,
    InPath(periode): InPath<Periode>,
    Query(query): Query<CalibrationQuery>,
    Query(done): Query<Done>,
) -> Reply {
    calibration_list(&caller, periode, &query, done.outcome(&DONE), None).await
}

/// A calibration form the server refused: what was typed, shown again in
/// the person's row, and why, next to the field it is about.
struct Refused {
    nip: Nip,
    input: Move,
    galat: GalatKalibrasi,
}

async fn calibration_list(
    caller: &Caller,
    periode: Periode,
    query: &CalibrationQuery,
    outcome: Outcome,
    refused: Option<Refused>,
) -> Reply {
    caller.require(Action::ListPeople)?;
    let ctx = caller.ctx();
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
    let committee = caller.may_instansi(Action::Calibrate);
    let wanted_box: Option<u8> = query.kotak.trim().parse().ok();
    let needle = query.q.trim().to_lowercase();
    // In the order of talent, as the final map is read.
    let matching: Vec<&FinalRow> = rows
        .iter()
        .filter(|r| wanted_box.is_none_or(|k| r.final_box.map(Kotak::number) == Some(k)))
        .filter(|r| {
            needle.is_empty()
                || r.map.nip.as_str().contains(&needle)
                || r.map.nama.to_lowercase().contains(&needle)
        })
        .collect();
    let total = matching.len();
    let base = format!("/talenta/{periode}/kalibrasi");
    let row = |r: &FinalRow| {
        let again = refused.as_ref().filter(|f| f.nip == r.map.nip);
        // A row starts at the person's final box: sending it unchanged
        // moves no one.
        let chosen = again.map_or(r.final_box.map(Kotak::number), |f| Some(f.input.kotak));
        KalibrasiBaris {
            nip: r.map.nip.as_str().to_owned(),
            nama: r.map.nama.clone(),
            opd: r.map.opd.clone(),
            nilai_talenta: nilai(r.map.nilai_talenta),
            hasil: kotak_text(r.map.kotak),
            akhir: kotak_text(r.final_box),
            alasan: (r.calibration.as_ref())
                .map(|c| c.alasan.clone())
                .unwrap_or_default(),
            action: format!("{base}/{}", r.map.nip.as_str()),
            pilihan: choices(
                None,
                Kotak::ALL.iter().map(|k| {
                    (
                        k.number().to_string(),
                        format!("Kotak {}", kotak_text(Some(*k))),
                    )
                }),
                chosen.map(|k| k.to_string()).as_deref(),
            ),
            isian_alasan: again.map(|f| f.input.alasan.clone()).unwrap_or_default(),
            yakin: again.is_some_and(|f| f.input.yakin),
            galat: again.map(|f| f.galat.clone()).unwrap_or_default(),
        }
    };
    let page = Kalibrasi {
        chrome: super::chrome_with(caller, "/talenta", outcome.flash),
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
        aturan_alasan: format!(
            "Alasan paling sedikit {MIN_ALASAN} dan paling banyak {MAX_ALASAN} karakter, satu baris."
        ),
        max_alasan: MAX_ALASAN,
        rows: matching.into_iter().take(SHOWN).map(row).collect(),
    };
    render_as(outcome.status, &page)
}

#[derive(Deserialize)]
struct Move {
    kotak: u8,
    #[serde(default)]
    alasan: String,
    /// The committee confirmed a move of more than one step.
    #[serde(default)]
    yakin: bool,
}

async fn calibrate_one(
    caller: Caller,
    InPath(periode): InPath<Periode>,
    InPath(nip): InPath<Nip>,
    Form(input): Form<Move>,
) -> Reply {
    caller.person(&nip, Action::Calibrate).await?;
    let to = Kotak::new(input.kotak).ok_or(WebError::Invalid("kotak".into()))?;
    let ctx = caller.ctx();
    let row = final_among(&ctx, periode, &[nip])
        .await
        .map_err(cycle_error)?
        .into_iter()
        .next()
        .ok_or(WebError::NotFound)?;
    let current = row.final_box;
    let galat = match current {
        // The row's form sent as it started: nothing to calibrate nor
        // undo, so nothing is written or logged.
        Some(from) if from == to && row.map.kotak == Some(to) => GalatKalibrasi {
            kotak: Some(format!(
                "kotak {} sudah kotak akhirnya: pilih kotak lain",
                to.number()
            )),
            ..GalatKalibrasi::default()
        },
        Some(from) if from.steps_to(to) > 1 && !input.yakin => {
            let text = format!(
                "pindah dari kotak {} ke kotak {} lebih dari satu langkah: centang untuk mengonfirmasi",
                from.number(),
                to.number()
            );
            GalatKalibrasi {
                yakin: Some(text),
                ..GalatKalibrasi::default()
            }
        }
        _ => {
            let decision = Calibration {
                periode,
                nip: &nip,
                to,
                alasan: &input.alasan,
            };
            match calibrate(&ctx, &decision).await {
                Ok(_) => {
                    // The NIP's digits, which the list searches (not its
                    // display form).
                    let to = format!(
                        "/talenta/{periode}/kalibrasi?q={}&ok=kalibrasi",
                        nip.as_str()
                    );
                    return Ok(Redirect::to(&to).into_response());
                }
                Err(CycleError::Calibration(reason)) => refusal(&reason),
                Err(CycleError::NotOpen(_) | CycleError::AlreadyClosed(_)) => GalatKalibrasi {
                    kotak: Some("periode tidak terbuka".to_owned()),
                    ..GalatKalibrasi::default()
                },
                Err(other) => return Err(cycle_error(other)),
            }
        }
    };
    let reason = [&galat.kotak, &galat.alasan, &galat.yakin]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    // The calibration list again, at the refused person, with what was
    // typed and why it was refused.
    let query = CalibrationQuery {
        q: nip.as_str().to_owned(),
        kotak: String::new(),
    };
    let outcome = Outcome::refused(format!("Kalibrasi tidak disimpan: {reason}."));
    // A browser sends at most the form's maximum; a longer reason is not
    // echoed whole.
    let input = Move {
        alasan: input.alasan.chars().take(MAX_ALASAN).collect(),
        ..input
    };
    let refused = Refused { nip, input, galat };
    calibration_list(&caller, periode, &query, outcome, Some(refused)).await
}

/// A refusal of the domain's rules, next to the field it is about.
fn refusal(reason: &CalibrationError) -> GalatKalibrasi {
    let text = Some(reason.to_string());
    match reason {
        CalibrationError::NoReason | CalibrationError::Alasan(_) => GalatKalibrasi {
            alasan: text,
            ..GalatKalibrasi::default()
        },
        CalibrationError::Closed | CalibrationError::NotPlaced | CalibrationError::Unchanged(_) => {
            GalatKalibrasi {
                kotak: text,
                ..GalatKalibrasi::default()
            }
        }
    }
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

/// The unit a page is scoped to (`?opd=`), the instansi when absent
/// ([`Caller::unit`]).
#[derive(Deserialize)]
pub(super) struct Unit {
    pub(super) opd: Option<String>,
}
