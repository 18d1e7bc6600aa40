//! Key positions and the succession plan of each: ranked candidates and
//! everyone excluded with the rules they fail (`talenta_app::succession`).

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use talenta_app::succession::{SuccessionError, positions, succession};
use talenta_domain::access::Action;
use talenta_domain::succession::RankBy;
use talenta_views::pages::{LinkRow, LinkTable, Siklus};

use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render};
use crate::format::{nilai, tanggal};

use super::cycle::{cycle_error, reasons};
use super::{person_row, ranked_row};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/jabatan", get(positions_page))
        .route("/jabatan/{kode}/suksesi", get(succession_page))
}

async fn positions_page(caller: Caller) -> Reply {
    caller.require(Action::ListPeople)?;
    let list = positions(&caller.ctx(), true).await.map_err(cycle_error)?;
    render(&Siklus {
        chrome: super::chrome(&caller, "/talenta"),
        judul: "Jabatan kunci".to_owned(),
        keterangan: vec!["Pilih jabatan untuk melihat rencana suksesinya: kandidat berperingkat dan setiap pegawai yang tidak memenuhi syarat beserta alasannya.".to_owned()],
        tautan: super::cycle::up(&caller),
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

async fn succession_page(caller: Caller, Path(jabatan): Path<String>) -> Reply {
    caller.require(Action::ListPeople)?;
    let plan = match succession(&caller.ctx(), &jabatan, None).await {
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
    let policy = caller.rules().succession.of(plan.position.jenjang);
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
            .map(|c| {
                let more = [
                    nilai(Some(c.nilai_talenta)),
                    c.jpm.map_or_else(
                        || "—".to_owned(),
                        |j| format!("{},{:02}%", j / 100, j % 100),
                    ),
                    c.kotak.number().to_string(),
                    c.readiness.label().to_owned(),
                    c.eligible_until.map_or_else(|| "—".to_owned(), tanggal),
                ];
                ranked_row(c.rank, &c.nip, &c.nama, more)
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
            .map(|e| {
                let more = [
                    nilai(Some(e.nilai_talenta)),
                    reasons(&e.failures),
                    e.eligible_from.map_or_else(|| "—".to_owned(), tanggal),
                    e.eligible_until.map_or_else(|| "—".to_owned(), tanggal),
                ];
                person_row(&e.nip, &e.nama, more)
            })
            .collect(),
        empty: "Semua pegawai yang diperiksa memenuhi syarat.",
    };
    render(&Siklus {
        chrome: super::chrome(&caller, "/talenta"),
        judul: format!("Suksesi {}", plan.position.nama),
        keterangan,
        tautan: vec![("/jabatan".to_owned(), "Jabatan kunci".to_owned())],
        tables: vec![candidates, excluded],
    })
}
