//! The talent pools (KRS) of a period, each member and everyone left out
//! with the rules they fail (`talenta_app::pools`).

use axum::Router;
use axum::routing::get;
use talenta_app::pools::talent_pools;
use talenta_domain::Periode;
use talenta_domain::access::Action;
use talenta_views::pages::{LinkTable, Siklus};

use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, render};
use crate::extract::InPath;
use crate::format::{nilai, tanggal};

use super::cycle::{cycle_error, reasons};
use super::{person_row, ranked_row};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/talenta/{periode}/kelompok", get(pools_page))
}

async fn pools_page(caller: Caller, InPath(periode): InPath<Periode>) -> Reply {
    caller.require(Action::ListPeople)?;
    let pools = talent_pools(&caller.ctx(), periode)
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
                .map(|m| {
                    let more = [m.kotak.number().to_string(), nilai(Some(m.nilai_talenta))];
                    ranked_row(m.rank, &m.nip, &m.nama, more)
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
                    .map(|l| {
                        let more = [
                            l.kotak.number().to_string(),
                            nilai(Some(l.nilai_talenta)),
                            reasons(&l.failures),
                            l.eligible_from.map_or_else(|| "—".to_owned(), tanggal),
                        ];
                        person_row(&l.nip, &l.nama, more)
                    })
                    .collect(),
                empty: "Semua pegawai yang diperiksa memenuhi syarat.",
            });
        }
    }
    let gates = &caller.rules().pool;
    render(&Siklus {
        chrome: super::chrome(&caller, "/talenta"),
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
        tautan: super::cycle::up(&caller),
        tables,
    })
}
