//! Retention: pool members and key-position holders who need action
//! (`talenta_app::retention`).

use axum::Router;
use axum::routing::get;
use talenta_app::retention::retention;
use talenta_domain::Periode;
use talenta_domain::access::Action;
use talenta_views::pages::{LinkTable, Siklus};

use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, render};
use crate::extract::{InPath, Query};

use super::cycle::{Unit, cycle_error};
use super::person_row;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/talenta/{periode}/retensi", get(retention_page))
}

/// Pool members and key-position holders who need action (retention),
/// for the instansi or one OPD and its sub-units.
async fn retention_page(
    caller: Caller,
    InPath(periode): InPath<Periode>,
    Query(unit): Query<Unit>,
) -> Reply {
    let opd = caller.unit(unit.opd.as_deref(), Action::ListPeople).await?;
    let rows = retention(&caller.ctx(), periode, opd.as_deref())
        .await
        .map_err(cycle_error)?;
    // The movement of the same scope's boxes: the only way in for an OPD
    // admin, who has no cycle page.
    let movement = caller
        .may(Action::ReadAggregates, caller.target(opd.as_deref()))
        .then(|| {
            let scope = opd
                .as_deref()
                .map(|o| format!("?opd={o}"))
                .unwrap_or_default();
            (
                format!("/talenta/perpindahan{scope}"),
                "Perpindahan kotak".to_owned(),
            )
        });
    render(&Siklus {
        chrome: super::chrome(&caller, "/talenta"),
        judul: format!("Retensi talenta {periode}"),
        keterangan: vec![format!(
            "Anggota kelompok rencana suksesi dan pemegang jabatan kunci{} yang perlu tindakan, masing-masing dengan alasannya.",
            opd.as_deref()
                .map(|o| format!(" di {o}"))
                .unwrap_or_default()
        )],
        tautan: super::cycle::up(&caller)
            .into_iter()
            .chain(movement)
            .collect(),
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
                .map(|r| {
                    let more = [
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
                    ];
                    person_row(&r.nip, &r.nama, more)
                })
                .collect(),
            empty: "Tidak ada yang perlu tindakan.",
        }],
    })
}
