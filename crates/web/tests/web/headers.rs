//! The security headers on every response (pages, redirects, errors,
//! assets), and `<html lang="id">` on every page.

use reqwest::Method;

use crate::app::{MISSING_NIP, TestApp, Who};
use crate::client::{Client, Page};
use crate::on_both_engines;

on_both_engines!(every_response_carries_the_security_headers);

fn check(app: &TestApp, what: &str, page: &Page) {
    let csp = page.header("content-security-policy");
    for directive in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    ] {
        assert!(
            csp.contains(directive),
            "[{}] {what}: CSP {csp:?} lacks {directive}",
            app.engine
        );
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "[{}] {what}: {csp}",
        app.engine
    );
    assert_eq!(page.header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(page.header("x-frame-options"), "DENY", "{what}");
    assert_eq!(page.header("referrer-policy"), "same-origin", "{what}");
    assert!(!page.header("permissions-policy").is_empty(), "{what}");
    // Assets are the only answers that are not pages; a redirect has no
    // body to show.
    let asset = what.starts_with("/aset/") || what == "/favicon.ico";
    let html = page.header("content-type").starts_with("text/html");
    assert!(
        asset || page.status == 303 || html,
        "[{}] {what}: a {} answer that is not a page ({:?}): {:?}",
        app.engine,
        page.status,
        page.header("content-type"),
        page.body
    );
    if html {
        assert!(
            page.body.contains(r#"<html lang="id">"#),
            "[{}] {what}: no <html lang=\"id\">:\n{}",
            app.engine,
            page.body
        );
        // Pages hold personal data: never cached.
        assert_eq!(page.header("cache-control"), "no-store", "{what}");
        // No inline script or style for the CSP to block.
        assert!(!page.body.contains("<script>"), "{what}: inline script");
        assert!(!page.body.contains(" style=\""), "{what}: inline style");
        assert!(!page.body.contains("<style"), "{what}: style element");
    }
}

async fn every_response_carries_the_security_headers(app: TestApp) {
    let visitor = app.client();
    let anonymous = [
        ("/masuk", 200),
        ("/", 303),
        ("/akun/sandi", 303),
        ("/tidak-ada", 404),
        ("/aset/talenta.css", 200),
        ("/aset/htmx.min.js", 200),
        ("/aset/favicon.svg", 200),
        ("/aset/tidak-ada.js", 404),
        ("/pegawai", 303),
        ("/dasbor", 303),
        ("/favicon.ico", 200),
        ("/penyiapan?token=salah", 404),
    ];
    for (path, status) in anonymous {
        let page = visitor.get(path).await;
        assert_eq!(page.status, status, "[{}] GET {path}", app.engine);
        check(&app, path, &page);
    }
    let page = visitor
        .login(&app.people.pegawai.nip, "salah-salah-salah")
        .await;
    assert_eq!(page.status, 401);
    check(&app, "failed login", &page);
    let page = visitor.post_raw("/masuk", &[]).await;
    assert_eq!(page.status, 403);
    check(&app, "refused POST", &page);

    for who in Who::ROLES {
        let client = app.signed_in(who).await;
        let own = format!("/pegawai/{}", app.people.of(who).nip);
        for (path, status) in [
            (own.as_str(), 200),
            ("/akun/sandi", 200),
            ("/", 303),
            ("/masuk", 303),
            ("/tidak-ada", 404),
        ] {
            let page = client.get(path).await;
            assert_eq!(page.status, status, "[{}] {who:?} GET {path}", app.engine);
            check(&app, &format!("{who:?} {path}"), &page);
        }
        let missing = client.get(&format!("/pegawai/{MISSING_NIP}")).await;
        assert_eq!(missing.status, 404);
        check(&app, "unknown NIP", &missing);
    }

    let client = app.signed_in(Who::Pegawai).await;
    let out_of_scope = client
        .get(&format!("/pegawai/{}", app.people.outsider.nip))
        .await;
    assert_eq!(out_of_scope.status, 404);
    check(&app, "out of scope", &out_of_scope);
    let wrong_method = Client::send(client.request(Method::GET, "/keluar")).await;
    assert_eq!(wrong_method.status, 404);
    check(&app, "GET /keluar", &wrong_method);
}
