//! What the talent cycle adds to the dashboards and the movement page:
//! the notice of key positions short of ready successors, an OPD's
//! retention count, and the movement matrix as a chart per unit. Each
//! checked against the app layer's own answer over the same city.

use talenta_app::cycle::movement;
use talenta_app::retention::retention;
use talenta_app::succession::{positions, short_of_successors, succession};
use talenta_domain::{Kotak, Periode, RuleSet};

use crate::app::{OPD, OPD_LAIN, START, TestApp, Who};
use crate::client::section;
use crate::on_both_engines;

on_both_engines!(
    the_dashboards_name_key_positions_short_of_successors,
    an_opd_dashboard_counts_its_retention_flags,
    the_movement_matrix_is_drawn_per_unit,
);

/// The `data-jabatan` codes of the notice, in page order.
fn notice(body: &str) -> Vec<String> {
    body.split("data-jabatan=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

async fn the_dashboards_name_key_positions_short_of_successors(app: TestApp) {
    let engine = app.engine;
    let rules = RuleSet::bundled().unwrap();
    let short = short_of_successors(&app.ctx()).await.unwrap();
    assert!(!short.is_empty(), "[{engine}] the city has no shortfall");
    // Every key position: listed exactly when its full plan (holders and
    // all) is short, with the plan's count.
    for position in positions(&app.ctx(), true).await.unwrap() {
        let plan = succession(&app.ctx(), &position.kode, None).await.unwrap();
        let listed = short.iter().find(|s| s.kode == position.kode);
        assert_eq!(
            listed.map(|s| (s.ready_now, s.min_ready)),
            plan.plan
                .kurang_suksesor
                .then_some((plan.plan.ready_now, plan.plan.min_ready)),
            "[{engine}] {}",
            position.kode
        );
        assert_eq!(
            plan.plan.min_ready,
            rules.succession.min_ready(position.jenjang),
            "[{engine}] {}",
            position.kode
        );
    }

    let bkpsdm = app.signed_in(Who::AdminBkpsdm).await;
    let page = bkpsdm.get("/dasbor").await;
    assert_eq!(page.status, 200);
    // The minimum of each jenjang, as the rule set gives it, not a fixed 3.
    assert!(page.body.contains(&format!(
        "{} jabatan kunci memiliki kandidat siap sekarang kurang dari jumlah minimal jenjangnya (JPT Pratama, JPT Madya, JPT Utama: 1; Administrator, Pengawas: 3)",
        short.len()
    )), "[{engine}]");
    let shown = notice(&page.body);
    assert_eq!(shown.len(), short.len().min(10), "[{engine}]");
    let fewest = short.iter().map(|s| s.ready_now).min().unwrap();
    let top = short.iter().find(|s| s.kode == shown[0]).unwrap();
    assert_eq!(top.ready_now, fewest, "[{engine}] fewest first");
    assert!(
        page.body.contains(&format!(
            "{} siap sekarang dari minimal {}</li>",
            top.ready_now, top.min_ready
        )),
        "[{engine}]"
    );
    for kode in &shown {
        assert!(
            page.body
                .contains(&format!("href=\"/jabatan/{kode}/suksesi\"")),
            "[{engine}] {kode} links to its plan"
        );
    }

    // An OPD admin sees their units' positions only, and no link to a
    // plan they may not open.
    let units = app.db.unit_subtree(app.instansi, OPD).await.unwrap();
    let admin = app.signed_in(Who::AdminOpd).await;
    let page = admin.get(&format!("/dasbor/opd/{OPD}")).await;
    assert_eq!(page.status, 200);
    let in_opd: Vec<&str> = short
        .iter()
        .filter(|s| units.contains(&s.opd))
        .map(|s| s.kode.as_str())
        .collect();
    let shown = notice(&page.body);
    assert_eq!(shown.len(), in_opd.len().min(10), "[{engine}] {shown:?}");
    assert!(shown.iter().all(|k| in_opd.contains(&k.as_str())));
    assert!(!page.body.contains("/suksesi\""));

    // Oversight reads the notice without links.
    let pengawas = app.signed_in(Who::Pengawas).await;
    let page = pengawas.get("/dasbor").await;
    assert_eq!(notice(&page.body).len(), short.len().min(10));
    assert!(!page.body.contains("/suksesi\""));
}

async fn an_opd_dashboard_counts_its_retention_flags(app: TestApp) {
    let engine = app.engine;
    let periode = Periode::containing(START.date()).unwrap();
    let flagged = retention(&app.ctx(), periode, Some(OPD)).await.unwrap();
    let admin = app.signed_in(Who::AdminOpd).await;
    let page = admin.get(&format!("/dasbor/opd/{OPD}")).await;
    assert_eq!(page.status, 200);
    let block = section(&page.body, "retensi");
    assert!(
        block.contains(&format!("data-jumlah=\"{}\"", flagged.len())),
        "[{engine}] {} flagged:\n{block}",
        flagged.len()
    );
    let href = format!("/talenta/{periode}/retensi?opd={OPD}");
    assert!(page.body.contains(&format!("href=\"{href}\"")));
    let list = admin.get(&href).await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains(&format!("{} pegawai", flagged.len())));

    // Oversight counts, never lists; the instansi's dashboard has no block.
    let pengawas = app.signed_in(Who::Pengawas).await;
    let page = pengawas.get(&format!("/dasbor/opd/{OPD}")).await;
    assert!(page.body.contains("id=\"retensi\""));
    assert!(!page.body.contains(&href));
    assert!(
        !pengawas
            .get("/dasbor")
            .await
            .body
            .contains("id=\"retensi\"")
    );
}

async fn the_movement_matrix_is_drawn_per_unit(app: TestApp) {
    let engine = app.engine;
    let (before, now) = app.map_previous().await;
    let committee = app.signed_in(Who::TimPenilai).await;
    for unit in [None, Some(OPD)] {
        let moved = movement(&app.ctx(), before, now, unit).await.unwrap();
        assert!(moved.matrix.stayed_placed() > 0, "[{engine}] {unit:?}");
        let path = format!(
            "/talenta/perpindahan?dari={before}&ke={now}&opd={}",
            unit.unwrap_or_default()
        );
        let page = committee.get(&path).await;
        assert_eq!(page.status, 200, "[{engine}] {path}");
        assert!(page.body.contains("<svg id=\"grafik-matriks\""));
        assert!(page.body.contains("<title id=\"grafik-matriks-judul\">"));
        assert!(page.body.contains("<table id=\"matriks\">"));
        for b in Kotak::ALL {
            for a in Kotak::ALL {
                let cell = format!(
                    "data-dari=\"{}\" data-ke=\"{}\" data-jumlah=\"{}\"",
                    b.number(),
                    a.number(),
                    moved.matrix.get(b, a)
                );
                assert!(page.body.contains(&cell), "[{engine}] {path}: {cell}");
            }
        }
        if let Some(unit) = unit {
            assert!(
                page.body
                    .contains(&format!("<option value=\"{unit}\" selected>"))
            );
        }
    }
    // An OPD admin: their unit's movement, nobody else's.
    let admin = app.signed_in(Who::AdminOpd).await;
    let mine = format!("/talenta/perpindahan?dari={before}&ke={now}&opd={OPD}");
    assert_eq!(admin.get(&mine).await.status, 200);
    let other = format!("/talenta/perpindahan?dari={before}&ke={now}&opd={OPD_LAIN}");
    assert_eq!(admin.get(&other).await.status, 404);
}
