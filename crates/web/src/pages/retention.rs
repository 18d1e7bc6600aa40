//! Retention: pool members and key-position holders who need action
//! (`talenta_app::retention`).

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use talenta_app::retention::retention;
use talenta_domain::Periode;
use talenta_domain::access::Action;
use talenta_views::pages::{LinkRow, LinkTable, Siklus};

use crate::AppState;
use crate::error::{WebError, render};
use crate::extract::{InPath, Query};
use crate::session::SignedIn;

use super::cycle::{Unit, cycle_error};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/talenta/{periode}/retensi", get(retention_page))
}

/// Pool members and key-position holders who need action (retention),
/// for the instansi or one OPD and its sub-units.
async fn retention_page(
    State(state): State<AppState>,
    user: SignedIn,
    InPath(periode): InPath<Periode>,
    Query(unit): Query<Unit>,
) -> Result<Response, WebError> {
    let opd = unit.scope(&state, &user, Action::ListPeople).await?;
    let rows = retention(&state.ctx(&user), periode, opd.as_deref())
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
