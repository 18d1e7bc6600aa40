//! The server beside an import (issue 21): while `talenta import` holds
//! the database's write lock, every page reads, signing in and out works
//! and sessions stay alive (they are written to the sign-in store), and a
//! write answers within about a second with a 503 page that says nothing
//! was saved and when to try again, never a 500. On PostgreSQL, whose
//! import locks only the rows it writes, the write simply proceeds.

use std::time::Duration as StdDuration;

use talenta_app::import::import;
use talenta_testkit::browser::Browser;
use time::Duration;

use crate::app::{PASSWORD, START, TestApp, Who, city_files, import_options, write_city};
use crate::client::{Client, Page};
use crate::on_both_engines;

on_both_engines!(
    pages_and_sign_in_go_on_while_an_import_holds_the_database,
    every_request_answers_while_a_real_import_runs,
);

/// Generous: a request that takes longer has hung.
const HUNG: StdDuration = StdDuration::from_secs(60);

/// Employees of the city imported beside the server: enough that the
/// import holds the lock for several seconds in a debug build.
const BIG: u64 = 20_000;

/// `request`, failing the test if it has not answered within [`HUNG`].
async fn answered(what: &str, request: impl Future<Output = Page>) -> Page {
    tokio::time::timeout(HUNG, request)
        .await
        .unwrap_or_else(|_| panic!("{what} did not answer within {HUNG:?}"))
}

/// The employee's own profile.
fn profile(app: &TestApp) -> String {
    format!("/pegawai/{}", app.people.pegawai.nip)
}

/// The employee posts `text` as their statement from their profile, as its
/// form does: a write, answered within [`HUNG`].
async fn write_statement(app: &TestApp, employee: &Client, text: &str) -> Page {
    let own = profile(app);
    let branding = format!("{own}/branding");
    answered(
        "a write",
        employee.submit(&own, &branding, &[("pernyataan", text)]),
    )
    .await
}

/// `client` gets the page at `path`, 200 within [`HUNG`].
async fn shown(engine: &str, client: &Client, path: &str) {
    let page = answered(path, client.get(path)).await;
    assert_eq!(page.status, 200, "[{engine}] GET {path}: {}", page.body);
}

/// Holds the write lock as an import does (`Db::begin_import`), one minute
/// into it with a quarter of its 4,000 bytes read, as the importer reports.
async fn hold_as_an_import(app: &TestApp) -> (talenta_storage::WriteTx, i64) {
    let mut import = app.db.begin_import().await.unwrap();
    let perubahan = import
        .record_change(START, "uji", "import", "uji")
        .await
        .unwrap();
    app.db
        .import_begins(perubahan, START.unix_timestamp() - 60, 4000)
        .await
        .unwrap();
    app.db.import_reads(perubahan, 1000).await.unwrap();
    (import, perubahan)
}

async fn pages_and_sign_in_go_on_while_an_import_holds_the_database(app: TestApp) {
    let engine = app.engine;
    let admin = app.signed_in(Who::AdminBkpsdm).await;
    let employee = app.signed_in(Who::Pegawai).await;
    let own = profile(&app);
    let (import, perubahan) = hold_as_an_import(&app).await;

    // Signing in writes a session; a wrong password is counted.
    let committee = app.signed_in(Who::TimPenilai).await;
    let wrong = app
        .client()
        .login(&app.people.pimpinan.nip, "bukan-sandinya")
        .await;
    assert_eq!(wrong.status, 401, "[{engine}] {}", wrong.body);
    assert_eq!(app.attempts(Who::Pimpinan).await.failures, 1);

    // Two minutes on, every session's next request marks it active again.
    app.clock.advance(Duration::minutes(2));
    for (client, path) in [
        (&admin, "/dasbor"),
        (&admin, "/pegawai"),
        (&admin, own.as_str()),
        (&employee, own.as_str()),
        (&committee, "/dasbor"),
    ] {
        shown(engine, client, path).await;
    }

    // A write: three minutes in with a quarter read, nine minutes to go.
    let page = write_statement(&app, &employee, "Ditulis saat impor.").await;
    if engine == "sqlite" {
        assert_eq!(page.status, 503, "{}", page.body);
        assert!(
            page.body.contains("tidak ada yang disimpan"),
            "{}",
            page.body
        );
        // Issue 24: with the signed-in employee's menu, to go on reading.
        assert!(page.body.contains("Menu utama"), "{}", page.body);
        assert!(
            page.body.contains("Coba lagi dalam sekitar 9 menit"),
            "{}",
            page.body
        );
        assert_eq!(page.header("retry-after"), "540");
        assert_eq!(page.header("content-type"), "text/html; charset=utf-8");
    } else {
        assert_eq!(page.status, 303, "[{engine}] {}", page.body);
    }

    let out = answered("sign-out", committee.submit("/dasbor", "/keluar", &[])).await;
    assert_eq!(out.status, 303, "[{engine}] {}", out.body);
    assert_eq!(committee.get("/dasbor").await.status, 303);

    import.rollback().await.unwrap();
    app.db.import_ends(perubahan).await.unwrap();
    let page = write_statement(&app, &employee, "Ditulis sesudah impor.").await;
    assert_eq!(page.status, 303, "[{engine}] {}", page.body);
}

/// What the server answered, by request kind, while the import ran.
#[derive(Debug, Default)]
struct Answers {
    rounds: u32,
    refused_writes: u32,
}

async fn every_request_answers_while_a_real_import_runs(app: TestApp) {
    let engine = app.engine;
    let city = write_city(BIG);
    let db = app.db.clone();
    let files = city_files(&city);
    let importing = tokio::spawn(async move { import(&db, files, &import_options()).await });
    // The import announces itself once it holds the write lock.
    while app.db.running_import().await.unwrap().is_none() {
        assert!(
            !importing.is_finished(),
            "[{engine}] the import ended unseen"
        );
        tokio::time::sleep(StdDuration::from_millis(10)).await;
    }
    let employee = app.signed_in(Who::Pegawai).await;
    let own = profile(&app);
    let mut answers = Answers::default();
    while !importing.is_finished() {
        answers.rounds += 1;
        let visitor = app.client();
        let page = answered(
            "sign-in",
            visitor.login(&app.people.admin_bkpsdm.nip, PASSWORD),
        )
        .await;
        assert_eq!(page.status, 303, "[{engine}] sign-in: {}", page.body);
        for path in ["/dasbor", own.as_str()] {
            shown(engine, &visitor, path).await;
        }
        let page = write_statement(&app, &employee, "Ditulis saat impor.").await;
        match page.status {
            303 => {}
            503 if engine == "sqlite" => {
                assert!(page.body.contains("Coba lagi dalam"), "{}", page.body);
                answers.refused_writes += 1;
            }
            other => panic!("[{engine}] a write answered {other}: {}", page.body),
        }
        let out = answered("sign-out", visitor.submit("/dasbor", "/keluar", &[])).await;
        assert_eq!(out.status, 303, "[{engine}] sign-out: {}", out.body);
    }
    importing.await.unwrap().unwrap();
    assert_eq!(app.db.running_import().await.unwrap(), None);
    eprintln!("[{engine}] beside the import: {answers:?}");
    assert!(answers.rounds > 0);
    let page = write_statement(&app, &employee, "Ditulis sesudah impor.").await;
    assert_eq!(page.status, 303, "[{engine}] {}", page.body);
}

/// Waits until the browser has loaded the page at `path` (a click that
/// submits a form returns before the next page is there).
async fn on_page(browser: &Browser, path: &str) {
    let start = std::time::Instant::now();
    loop {
        let url = browser.client().current_url().await.unwrap();
        if url.path() == path {
            break;
        }
        assert!(start.elapsed() < HUNG, "still at {url} after {HUNG:?}");
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    browser.wait_for("footer.bawah").await;
}

/// The 503 page as the employee sees it in a browser: what was not saved,
/// when to try again, and after the import the same form saves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_shows_when_to_try_again_during_an_import() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let own = profile(&app);
    browser
        .goto(&app.url(&format!("/masuk?lanjut={own}")))
        .await;
    browser.fill("#nip", &app.people.pegawai.nip).await;
    browser.fill("#sandi", PASSWORD).await;
    browser.click("button[type=submit]").await;
    on_page(&browser, &own).await;

    let (import, perubahan) = hold_as_an_import(&app).await;
    browser.click("#branding summary").await;
    browser.fill("#pernyataan", "Ditulis saat impor.").await;
    browser.click("form[action$='/branding'] button").await;
    browser.wait_for("#sibuk").await;
    assert_eq!(browser.text("h1").await, "Data sedang diperbarui");
    let text = browser.text("#sibuk").await;
    assert!(text.contains("tidak ada yang disimpan"), "{text}");
    assert_eq!(
        browser.text("#sibuk-tunggu").await,
        "Coba lagi dalam sekitar 3 menit: gunakan tombol Kembali pada peramban, lalu kirim ulang isian Anda."
    );
    browser.screenshot("sibuk.png").await;
    // The 503 itself is logged as a failed load; nothing else may be.
    let errors = browser.js_errors().await;
    assert!(
        errors.iter().all(|e| e.to_string().contains("503")),
        "{errors:?}"
    );

    import.rollback().await.unwrap();
    app.db.import_ends(perubahan).await.unwrap();
    browser.goto(&app.url(&own)).await;
    browser.click("#branding summary").await;
    browser.fill("#pernyataan", "Ditulis sesudah impor.").await;
    browser.click("form[action$='/branding'] button").await;
    browser.wait_for(".pesan.sukses").await;
    assert_eq!(
        browser.text(".pesan.sukses").await,
        "Pernyataan diri disimpan."
    );
    browser.close().await;
}
