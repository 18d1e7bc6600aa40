//! The movement of final boxes between two periods, for the instansi or
//! one unit and its sub-units (`talenta_app::cycle::movement`).

use axum::Router;
use axum::routing::get;
use serde::Deserialize;
use talenta_app::cycle::{mapped, movement};
use talenta_app::units;
use talenta_domain::access::Action;
use talenta_domain::{Kotak, Periode};
use talenta_views::charts;
use talenta_views::pages::{LinkRow, LinkTable, Perpindahan};

use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render};
use crate::extract::Query;

use super::cycle::{cycle_error, parse_periode};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/talenta/perpindahan", get(movement_page))
}

/// The periods compared, each optional: without them the page compares
/// the two latest mapped periods.
#[derive(Deserialize)]
struct Between {
    #[serde(default)]
    dari: String,
    #[serde(default)]
    ke: String,
    /// One unit and its sub-units; empty or absent: the instansi.
    #[serde(default)]
    opd: String,
}

/// The movement of final boxes between two periods, for the instansi or
/// one unit and its sub-units: the transition matrix as a chart and as a
/// table (the table stays for screen readers and for copying).
async fn movement_page(caller: Caller, Query(between): Query<Between>) -> Reply {
    let scope = caller
        .unit(Some(between.opd.trim()), Action::ReadAggregates)
        .await?;
    let opd = scope.as_deref();
    let ctx = caller.ctx();
    // A period without a map is not found, rather than a matrix of zeros.
    let mut periods: Vec<Periode> = mapped(&ctx)
        .await?
        .iter()
        .filter_map(|p| p.parse().ok())
        .collect();
    periods.sort_unstable_by(|a, b| b.cmp(a));
    let latest = |i: usize| periods.get(i).or(periods.last()).copied();
    let chosen = |text: &str, default: Option<Periode>| match text.trim() {
        "" => default.ok_or(WebError::NotFound),
        text => parse_periode(text).and_then(|p| {
            if periods.contains(&p) {
                Ok(p)
            } else {
                Err(WebError::NotFound)
            }
        }),
    };
    let from = chosen(&between.dari, latest(1))?;
    let to = chosen(&between.ke, latest(0))?;
    let period_choices = |shown: Periode| {
        super::choices(
            None,
            periods.iter().map(|p| (p.to_string(), p.to_string())),
            Some(&shown.to_string()),
        )
    };
    let moved = movement(&ctx, from, to, opd).await.map_err(cycle_error)?;
    let whole = caller.may_instansi(Action::ReadAggregates);
    let units: Vec<(String, String)> = units::all(&ctx)
        .await?
        .into_iter()
        .filter(|(kode, _)| whole || caller.actor().units.contains(kode))
        .collect();
    let scope_name = match opd {
        Some(unit) => units
            .iter()
            .find(|(kode, _)| kode == unit)
            .map_or_else(|| unit.to_owned(), |(_, nama)| nama.clone()),
        None => "seluruh instansi".to_owned(),
    };
    let choices = super::choices(
        whole.then_some("Seluruh instansi"),
        units
            .iter()
            .map(|(kode, nama)| (kode.clone(), format!("{nama} ({kode})"))),
        opd,
    );
    let privasi = caller.privasi(caller.target(opd));
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
        chrome: super::chrome(&caller, "/talenta"),
        judul: format!("Perpindahan kotak {from} → {to}"),
        keterangan,
        tautan: super::cycle::up(&caller),
        dari: period_choices(from),
        ke: period_choices(to),
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

const KOTAK_COLUMNS: [&str; 9] = [
    "Kotak 1", "Kotak 2", "Kotak 3", "Kotak 4", "Kotak 5", "Kotak 6", "Kotak 7", "Kotak 8",
    "Kotak 9",
];
