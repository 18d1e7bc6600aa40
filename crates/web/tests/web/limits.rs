//! Issue 21 item 4: no value outgrows a page or a spreadsheet. A name
//! stored before the limits (longer than a cell holds) still downloads as
//! XLSX, and a search longer than any name gets a message, not a query.

use talenta_domain::personnel::Pegawai;

use crate::app::{START, TestApp, Who};
use crate::on_both_engines;

on_both_engines!(
    a_name_longer_than_a_cell_still_downloads_as_xlsx,
    a_search_over_100_characters_or_a_long_filter_gets_a_short_message,
);

async fn a_name_longer_than_a_cell_still_downloads_as_xlsx(app: TestApp) {
    // Written past the import's checks, as a database from before them.
    let nip = app.people.colleague.nip.clone();
    let id = crate::app::id(&nip);
    let mut pegawai: Pegawai = app.db.pegawai(app.instansi, &id).await.unwrap().unwrap();
    pegawai.nama = "N".repeat(40_000);
    let mut tx = app.db.begin_write().await.unwrap();
    let change = tx
        .record_change(START, "uji", "ubah", "nama panjang")
        .await
        .unwrap();
    tx.upsert(app.instansi, change, &[pegawai]).await.unwrap();
    tx.commit().await.unwrap();

    let admin = app.signed_in(Who::AdminBkpsdm).await;
    let (status, _, bytes) = admin.get_bytes("/pegawai?format=xlsx").await;
    assert_eq!(status, 200, "[{}]", app.engine);
    assert!(bytes.starts_with(b"PK"), "[{}]", app.engine);
}

async fn a_search_over_100_characters_or_a_long_filter_gets_a_short_message(app: TestApp) {
    let admin = app.signed_in(Who::AdminBkpsdm).await;
    let longest = admin.get(&format!("/pegawai?q={}", "a".repeat(100))).await;
    assert_eq!(longest.status, 200, "[{}]", app.engine);
    assert!(!longest.body.contains("Kata pencarian"), "[{}]", app.engine);
    for q in ["a".repeat(101), "Siti%00".to_owned()] {
        for list in ["/pegawai", "/peta"] {
            let page = admin.get(&format!("{list}?q={q}")).await;
            assert_eq!(page.status, 200, "[{}] {list}", app.engine);
            assert!(
                page.body
                    .contains("Kata pencarian paling panjang 100 karakter")
                    || page.body.contains("Kata pencarian berisi karakter kendali"),
                "[{}] {list} {q}",
                app.engine
            );
        }
    }
    // A bad filter is named, cut short, however long it is.
    let page = admin
        .get(&format!("/peta?jenjang={}", "x".repeat(50_000)))
        .await;
    assert_eq!(page.status, 200, "[{}]", app.engine);
    assert!(
        page.body
            .contains(&format!("Jenjang “{}…” tidak dikenal.", "x".repeat(60))),
        "[{}]",
        app.engine
    );
    assert!(!page.body.contains(&"x".repeat(61)), "[{}]", app.engine);
}
