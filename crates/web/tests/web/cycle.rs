//! The talent cycle over HTTP: only the committee calibrates, never its
//! own box, always with a reason; a calibration shows on the profile; a
//! key position's plan and the pools explain who is out and why.

use talenta_app::cycle::final_map;
use talenta_app::pools::talent_pools;
use talenta_app::succession::succession;
use talenta_domain::nine_box::{KinerjaBand, PotensialBand};
use talenta_domain::{Kotak, Periode};

use crate::app::{START, TestApp, Who};
use crate::on_both_engines;

on_both_engines!(
    calibration_is_the_committees_alone,
    a_reason_over_500_characters_or_with_a_nul_is_refused_and_not_stored,
    a_move_across_the_grid_is_saved_only_when_confirmed,
    a_key_position_shows_its_plan,
    the_pools_page_lists_who_is_left_out_and_why,
);

/// A neighbour of `kotak`, one step away on the kinerja axis: a move
/// the committee need not confirm.
pub fn another_box(kotak: Kotak) -> Kotak {
    let band = kotak.kinerja_band() as usize;
    let kinerja = KinerjaBand::ALL
        .into_iter()
        .find(|k| (*k as usize).abs_diff(band) == 1)
        .unwrap();
    Kotak::of(kinerja, kotak.potensial_band())
}

/// A box two steps from `kotak` on an axis (a move across the grid), if
/// any: box 5, in the middle, has none.
pub fn across(kotak: Kotak) -> Option<Kotak> {
    let far = |band: usize| 2 - band;
    let (kinerja, potensial) = (kotak.kinerja_band(), kotak.potensial_band());
    if kinerja != KinerjaBand::Sesuai {
        Some(Kotak::of(
            KinerjaBand::ALL[far(kinerja as usize)],
            potensial,
        ))
    } else if potensial != PotensialBand::Menengah {
        Some(Kotak::of(
            kinerja,
            PotensialBand::ALL[far(potensial as usize)],
        ))
    } else {
        None
    }
}

async fn calibration_is_the_committees_alone(app: TestApp) {
    let periode = Periode::containing(START.date()).unwrap();
    let colleague = app.people.colleague.nip.clone();
    let map = final_map(&app.ctx(), periode).await.unwrap();
    let row = map
        .iter()
        .find(|r| r.map.nip.as_str() == colleague)
        .unwrap();
    let computed = row.map.kotak.expect("the colleague is placed");
    let to = another_box(computed).number().to_string();
    let path = format!("/talenta/{periode}/kalibrasi/{colleague}");
    let reason = "Kinerja lapangan selama wabah melampaui catatan SKP-nya.";
    let fields = [("kotak", to.as_str()), ("alasan", reason)];

    for who in Who::ROLES.into_iter().filter(|w| *w != Who::TimPenilai) {
        let client = app.signed_in(who).await;
        let page = client.submit("/akun/sandi", &path, &fields).await;
        assert_eq!(page.status, 404, "[{}] {who:?} calibrates", app.engine);
    }
    let committee = app.signed_in(Who::TimPenilai).await;
    let own = format!(
        "/talenta/{periode}/kalibrasi/{}",
        app.people.tim_penilai.nip
    );
    let page = committee.submit("/akun/sandi", &own, &fields).await;
    assert_eq!(
        page.status, 404,
        "[{}] the committee calibrates itself",
        app.engine
    );

    let no_reason = committee
        .submit(
            "/akun/sandi",
            &path,
            &[("kotak", to.as_str()), ("alasan", "karena")],
        )
        .await;
    assert_eq!(no_reason.status, 422, "[{}] {}", app.engine, no_reason.body);
    assert!(
        no_reason
            .body
            .contains("Kalibrasi tidak disimpan: alasan kalibrasi wajib diisi")
    );

    let done = committee.submit("/akun/sandi", &path, &fields).await;
    assert_eq!(done.status, 303, "[{}] {}", app.engine, done.body);
    let list = committee.get(done.location()).await;
    assert!(list.body.contains("Kalibrasi disimpan."));
    assert!(list.body.contains(reason));
    let profile = committee.get(&format!("/pegawai/{colleague}")).await;
    assert!(profile.body.contains(&format!(
        "Dikalibrasi tim penilai talenta dari kotak {} ke kotak {to}: {reason}",
        computed.number()
    )));
    let map = final_map(&app.ctx(), periode).await.unwrap();
    let row = map
        .iter()
        .find(|r| r.map.nip.as_str() == colleague)
        .unwrap();
    assert_eq!(row.map.kotak, Some(computed), "the computed box stays");
    assert_eq!(
        row.final_box.map(Kotak::number).map(|k| k.to_string()),
        Some(to)
    );
}

/// Issue 21: a 260,000-character reason was stored though the form says
/// 500.
async fn a_reason_over_500_characters_or_with_a_nul_is_refused_and_not_stored(app: TestApp) {
    let periode = Periode::containing(START.date()).unwrap();
    let colleague = app.people.colleague.nip.clone();
    let computed = || async {
        let map = final_map(&app.ctx(), periode).await.unwrap();
        let row = map
            .iter()
            .find(|r| r.map.nip.as_str() == colleague)
            .unwrap()
            .clone();
        (row.map.kotak, row.final_box)
    };
    let (before, _) = computed().await;
    let to = another_box(before.unwrap()).number().to_string();
    let path = format!("/talenta/{periode}/kalibrasi/{colleague}");
    let committee = app.signed_in(Who::TimPenilai).await;
    let long = "a".repeat(260_000);
    let nul = "Kinerja lapangan melampaui\u{0} catatan SKP-nya.".to_owned();
    for (alasan, message) in [
        (long, "alasan kalibrasi paling panjang 500 karakter"),
        (nul, "alasan kalibrasi berisi karakter kendali"),
    ] {
        let page = committee
            .submit(
                "/akun/sandi",
                &path,
                &[("kotak", to.as_str()), ("alasan", alasan.as_str())],
            )
            .await;
        assert_eq!(page.status, 422, "[{}] {message}", app.engine);
        assert!(
            page.body
                .contains(&format!("Kalibrasi tidak disimpan: {message}")),
            "[{}] {message}",
            app.engine
        );
        assert!(
            page.body.len() < 200_000,
            "[{}] the reason is echoed",
            app.engine
        );
        assert_eq!(
            computed().await,
            (before, before),
            "[{}] nothing is stored",
            app.engine
        );
    }
}

/// Issue 24: a move of more than one step on an axis of the grid is
/// refused without the confirmation, which the server requires (so it
/// holds without a script), and saved with it.
async fn a_move_across_the_grid_is_saved_only_when_confirmed(app: TestApp) {
    let periode = Periode::containing(START.date()).unwrap();
    let map = final_map(&app.ctx(), periode).await.unwrap();
    let committee = &app.people.tim_penilai.nip;
    let (row, to) = map
        .iter()
        .filter(|r| r.map.nip.as_str() != committee)
        .find_map(|r| Some((r, across(r.final_box?)?)))
        .expect("someone is placed off the middle box");
    let path = format!("/talenta/{periode}/kalibrasi/{}", row.map.nip.as_str());
    let to = to.number().to_string();
    let reason = "Penilaian ulang tim: data SKP tahun lalu salah input.";
    let client = app.signed_in(Who::TimPenilai).await;
    let fields = [("kotak", to.as_str()), ("alasan", reason)];

    let unconfirmed = client.submit("/akun/sandi", &path, &fields).await;
    assert_eq!(unconfirmed.status, 422, "[{}]", app.engine);
    assert!(
        unconfirmed
            .body
            .contains("lebih dari satu langkah: centang untuk mengonfirmasi"),
        "[{}]",
        app.engine
    );
    // What was typed is in the form again.
    assert!(unconfirmed.body.contains(&format!("value=\"{reason}\"")));
    assert!(
        unconfirmed
            .body
            .contains(&format!("value=\"{to}\" selected"))
    );
    let after = final_map(&app.ctx(), periode).await.unwrap();
    let same = after.iter().find(|r| r.map.nip == row.map.nip).unwrap();
    assert_eq!(
        same.final_box, row.final_box,
        "[{}] nothing stored",
        app.engine
    );

    let confirmed = [fields[0], fields[1], ("yakin", "true")];
    let done = client.submit("/akun/sandi", &path, &confirmed).await;
    assert_eq!(done.status, 303, "[{}] {}", app.engine, done.body);
    let after = final_map(&app.ctx(), periode).await.unwrap();
    let moved = after.iter().find(|r| r.map.nip == row.map.nip).unwrap();
    assert_eq!(
        moved.final_box.map(|k| k.number().to_string()),
        Some(to),
        "[{}]",
        app.engine
    );
}

async fn a_key_position_shows_its_plan(app: TestApp) {
    let committee = app.signed_in(Who::TimPenilai).await;
    let list = committee.get("/jabatan").await;
    assert_eq!(list.status, 200);
    let href = list
        .body
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|h| h.ends_with("/suksesi"))
        .unwrap_or_else(|| panic!("[{}] no key position listed", app.engine))
        .to_owned();
    let plan = committee.get(&href).await;
    assert_eq!(plan.status, 200, "[{}] {href}", app.engine);
    assert!(plan.body.contains("Kandidat ("));
    assert!(plan.body.contains("Tidak memenuhi syarat ("));
    let kode = href
        .trim_start_matches("/jabatan/")
        .trim_end_matches("/suksesi");
    let expected = succession(&app.ctx(), kode, None).await.unwrap();
    // The last day of eligibility by age, for candidates and excluded.
    let tables = usize::from(!expected.plan.candidates.is_empty())
        + usize::from(!expected.plan.excluded.is_empty());
    assert_eq!(
        plan.body
            .matches("<th scope=\"col\">Memenuhi syarat sampai</th>")
            .count(),
        tables,
        "[{}]",
        app.engine
    );
    // The minimum of the position's jenjang, as the app's plan has it.
    assert!(
        plan.body.contains(&format!(
            "paling sedikit {} kandidat siap sekarang",
            expected.plan.min_ready
        )),
        "[{}] {}",
        app.engine,
        plan.body
    );
    assert_eq!(
        plan.body
            .contains(&format!("(kurang dari {}).", expected.plan.min_ready)),
        expected.plan.kurang_suksesor
    );
    assert_eq!(
        committee.get("/jabatan/TIDAK-ADA/suksesi").await.status,
        404
    );
}

async fn the_pools_page_lists_who_is_left_out_and_why(app: TestApp) {
    let periode = Periode::containing(START.date()).unwrap();
    let pools = talent_pools(&app.ctx(), periode).await.unwrap();
    let committee = app.signed_in(Who::TimPenilai).await;
    let page = committee.get(&format!("/talenta/{periode}/kelompok")).await;
    assert_eq!(page.status, 200, "[{}]", app.engine);
    assert!(
        page.body
            .contains("PP 11/2017 Pasal 199 ayat (2) jo. PP 17/2020"),
        "[{}] the gates and their source",
        app.engine
    );
    assert!(page.body.contains("paling sedikit 20 JP setiap tahun"));
    for pool in &pools.pools {
        let caption = format!(
            "{} menuju {}: tidak memenuhi syarat ({})",
            pool.kind.label(),
            pool.target.label(),
            pool.left_out.len()
        );
        assert!(page.body.contains(&caption), "[{}] {caption}", app.engine);
    }
    // A PNS-only pool: everyone left out for status is named with the rule.
    if let Some(left) = pools.pools.iter().flat_map(|p| &p.left_out).find(|l| {
        l.failures
            .iter()
            .any(|f| f.source.contains("Pasal 199 ayat (2)"))
    }) {
        assert!(page.body.contains(left.nip.as_str()), "[{}]", app.engine);
    }
}
