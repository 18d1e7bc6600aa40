//! The talent cycle over HTTP: only the committee calibrates, never its
//! own box, always with a reason; a calibration shows on the profile.

use talenta_app::cycle::final_map;
use talenta_domain::{Kotak, Periode};

use crate::app::{START, TestApp, Who};
use crate::on_both_engines;

on_both_engines!(
    calibration_is_the_committees_alone,
    a_key_position_shows_its_plan,
);

/// A box other than `kotak`.
pub fn another_box(kotak: Kotak) -> Kotak {
    Kotak::new(if kotak.number() == 9 {
        8
    } else {
        kotak.number() + 1
    })
    .unwrap()
}

async fn calibration_is_the_committees_alone(app: TestApp) {
    let periode = Periode::containing(START.date()).unwrap();
    let colleague = app.people.colleague.nip.clone();
    let map = final_map(&app.db, app.instansi, periode).await.unwrap();
    let row = map.iter().find(|r| r.nip == colleague).unwrap();
    let computed = row.computed.expect("the colleague is placed");
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
    let map = final_map(&app.db, app.instansi, periode).await.unwrap();
    let row = map.iter().find(|r| r.nip == colleague).unwrap();
    assert_eq!(row.computed, Some(computed), "the computed box stays");
    assert_eq!(
        row.final_box.map(Kotak::number).map(|k| k.to_string()),
        Some(to)
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
    assert_eq!(
        committee.get("/jabatan/TIDAK-ADA/suksesi").await.status,
        404
    );
}
