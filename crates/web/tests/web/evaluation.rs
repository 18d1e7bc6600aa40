//! The six-monthly evaluation of officeholders in the browser: the page of
//! a period against the app layer's answer, its link from the period page,
//! and the dashboards' count, which follows a calibration made through the
//! server.

use talenta_app::Ctx;
use talenta_app::cycle::{Calibration, calibrate};
use talenta_app::evaluation::evaluation;
use talenta_domain::{Kotak, Nip, Periode, RuleSet};

use crate::app::{OPD, START, TestApp, Who};
use crate::client::section;
use crate::on_both_engines;

on_both_engines!(the_evaluation_page_and_the_dashboards_count,);

async fn the_evaluation_page_and_the_dashboards_count(app: TestApp) {
    let engine = app.engine;
    let rules = RuleSet::bundled().unwrap();
    let periode = Periode::containing(START.date()).unwrap();
    let page_path = format!("/talenta/{periode}/evaluasi");

    // A mapped officeholder not listed yet (not the committee member, who
    // may not calibrate themself): every box listed finds the mapped ones.
    let mut every_box = rules.clone();
    every_box.evaluasi.boxes = Kotak::ALL.to_vec();
    let mapped = evaluation(
        &Ctx {
            rules: &every_box,
            ..app.ctx()
        },
        periode,
        None,
    )
    .await
    .unwrap();
    let before = evaluation(&app.ctx(), periode, None).await.unwrap();
    let chosen = mapped
        .holders
        .iter()
        .find(|h| {
            h.holder.nip.as_str() != app.people.tim_penilai.nip
                && before.holders.iter().all(|b| b.holder.nip != h.holder.nip)
        })
        .unwrap_or_else(|| panic!("[{engine}] the city has an officeholder not listed"))
        .holder
        .clone();

    // The dashboard counts before the calibration, and caches the count.
    let bkpsdm = app.signed_in(Who::AdminBkpsdm).await;
    let dashboard = bkpsdm.get("/dasbor").await;
    assert_eq!(dashboard.status, 200);
    let block = section(&dashboard.body, "evaluasi-pejabat");
    assert!(
        block.contains(&format!("data-jumlah=\"{}\"", before.holders.len())),
        "[{engine}] {} listed:\n{block}",
        before.holders.len()
    );
    assert!(block.contains(&format!("data-belum=\"{}\"", before.unmapped.len())));
    assert!(block.contains(&format!("href=\"{page_path}\"")), "{block}");

    // Signing in writes only the sign-in store: the cached count stays,
    // even when the records changed beside the server (as the CLI does).
    let beside = mapped
        .holders
        .iter()
        .find(|h| {
            h.holder.nip.as_str() != app.people.tim_penilai.nip
                && h.holder.nip != chosen.nip
                && before.holders.iter().all(|b| b.holder.nip != h.holder.nip)
        })
        .unwrap_or_else(|| panic!("[{engine}] a second officeholder not listed"));
    let nip: Nip = beside.holder.nip;
    let calibrate_beside = async |to: Kotak| {
        let decision = Calibration {
            periode,
            nip: &nip,
            to,
            alasan: "Kalibrasi lewat CLI di samping server web",
        };
        calibrate(
            &Ctx {
                actor: "cli:uji",
                ..app.ctx()
            },
            &decision,
        )
        .await
    };
    calibrate_beside(Kotak::new(1).unwrap()).await.unwrap();
    let committee = app.signed_in(Who::TimPenilai).await;
    let cached = bkpsdm.get("/dasbor").await;
    assert!(
        section(&cached.body, "evaluasi-pejabat")
            .contains(&format!("data-jumlah=\"{}\"", before.holders.len())),
        "[{engine}] a sign-in dropped the cached count"
    );
    calibrate_beside(beside.kotak).await.unwrap();

    // The committee moves the officeholder to box 1, through the server.
    let done = committee
        .submit(
            "/akun/sandi",
            &format!("/talenta/{periode}/kalibrasi/{}", chosen.nip.as_str()),
            &[
                ("kotak", "1"),
                ("alasan", "Hasil evaluasi kinerja semester oleh tim penilai"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "[{engine}] {}", done.body);
    let after = evaluation(&app.ctx(), periode, None).await.unwrap();
    assert_eq!(after.holders.len(), before.holders.len() + 1, "[{engine}]");
    let moved = after
        .holders
        .iter()
        .find(|h| h.holder.nip == chosen.nip)
        .unwrap();
    assert_eq!(moved.kotak.number(), 1);
    assert_eq!(after.holders[0].kotak.number(), 1, "box 1 comes first");

    // The page, for the BKPSDM, the committee and the PPK alike.
    for who in [Who::AdminBkpsdm, Who::TimPenilai, Who::Pimpinan] {
        let client = app.signed_in(who).await;
        let page = client.get(&page_path).await;
        assert_eq!(page.status, 200, "[{engine}] {who:?}");
        let listed = section(&page.body, "perlu-evaluasi");
        assert!(
            page.body
                .contains(&format!("Perlu dievaluasi ({})", after.holders.len())),
            "[{engine}] {who:?}"
        );
        for h in &after.holders {
            assert!(
                listed.contains(&format!("href=\"/pegawai/{}\"", h.holder.nip.as_str())),
                "[{engine}] {} listed",
                h.holder.nip.as_str()
            );
        }
        assert!(listed.contains(
            "Kotak talenta: kotak 1: Kinerja di bawah ekspektasi dan potensial rendah \
             (syarat di luar kotak 1, 2, 3)"
        ));
        // Each rule's source once, above the table.
        assert!(
            page.body
                .contains("Dasar hukum. Kotak talenta: PermenPANRB 3/2020")
        );
        assert!(page.body.contains(&format!(
            "Tidak ada di peta talenta ({})",
            after.unmapped.len()
        )));
        assert!(page.body.contains("aturan talenta-default-2026"));
        let cycle = client.get("/talenta").await;
        assert!(
            cycle.body.contains(&format!("href=\"{page_path}\"")),
            "[{engine}] {who:?}: the period page links to the evaluation"
        );
        assert!(
            cycle
                .body
                .contains(&format!("href=\"/talenta/{periode}/kelompok\"")),
            "[{engine}] {who:?}: the period page links to the talent pools"
        );
    }

    // The dashboards' count followed the calibration (the server dropped
    // its cached count on the write).
    let dashboard = bkpsdm.get("/dasbor").await;
    let block = section(&dashboard.body, "evaluasi-pejabat");
    assert!(
        block.contains(&format!("data-jumlah=\"{}\"", after.holders.len())),
        "[{engine}] {block}"
    );
    assert!(block.contains("Kotak talenta: "));

    // An OPD's dashboard counts its own officeholders; its admin sees the
    // count, not the link, and may not open the page.
    let in_opd = evaluation(&app.ctx(), periode, Some(OPD)).await.unwrap();
    let admin = app.signed_in(Who::AdminOpd).await;
    let dashboard = admin.get(&format!("/dasbor/opd/{OPD}")).await;
    let block = section(&dashboard.body, "evaluasi-pejabat");
    assert!(
        block.contains(&format!("data-jumlah=\"{}\"", in_opd.holders.len())),
        "[{engine}] {block}"
    );
    assert!(!block.contains("href="), "[{engine}] {block}");
    assert_eq!(
        admin.get(&format!("{page_path}?opd={OPD}")).await.status,
        404
    );
    let scoped = bkpsdm.get(&format!("/dasbor/opd/{OPD}")).await;
    assert!(
        section(&scoped.body, "evaluasi-pejabat")
            .contains(&format!("href=\"{page_path}?opd={OPD}\""))
    );
    let page = bkpsdm.get(&format!("{page_path}?opd={OPD}")).await;
    assert!(
        page.body
            .contains(&format!("Perlu dievaluasi ({})", in_opd.holders.len()))
    );

    // Oversight counts, never opens; nor does an employee. Officeholders
    // are few and known by name: oversight reads no count below
    // `[privasi] min_cell` of them (the OPD's count is small).
    let pengawas = app.signed_in(Who::Pengawas).await;
    let dashboard = pengawas.get("/dasbor").await;
    assert!(!section(&dashboard.body, "evaluasi-pejabat").contains("href="));
    let min_cell = usize::try_from(rules.privasi.min_cell).unwrap();
    assert!(
        in_opd.holders.len() < min_cell,
        "[{engine}] a small count to hide"
    );
    let dashboard = pengawas.get(&format!("/dasbor/opd/{OPD}")).await;
    let block = section(&dashboard.body, "evaluasi-pejabat");
    assert!(
        !block.contains(&format!("data-jumlah=\"{}\"", in_opd.holders.len())),
        "[{engine}] {block}"
    );
    for (at, _) in block.match_indices("data-jumlah=\"") {
        let value = &block[at + 13..];
        let value = &value[..value.find('"').unwrap()];
        assert!(
            value.parse::<usize>().is_err_and(|_| !value.is_empty())
                || value.parse::<usize>().is_ok_and(|n| n >= min_cell),
            "[{engine}] {value} shown to oversight"
        );
    }
    let cycle = pengawas.get("/talenta").await;
    assert!(!cycle.body.contains(&page_path));
    assert!(
        !cycle.body.contains("/kelompok"),
        "[{engine}] oversight is not linked to the pools it may not open"
    );
    assert_eq!(pengawas.get(&page_path).await.status, 404);
    let pegawai = app.signed_in(Who::Pegawai).await;
    assert_eq!(pegawai.get(&page_path).await.status, 404);
    // A period without a map, and a period that is not one.
    assert_eq!(bkpsdm.get("/talenta/2019-S1/evaluasi").await.status, 404);
    assert_eq!(bkpsdm.get("/talenta/2026-S3/evaluasi").await.status, 404);
}
