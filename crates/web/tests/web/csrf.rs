//! Cross-site request forgery: every unsafe request without the page's
//! token, with another token, or from another origin is refused with 403
//! before the handler runs, and changes nothing.

use reqwest::Method;

use crate::app::{PASSWORD, TestApp, Who};
use crate::client::{Client, Page};
use crate::on_both_engines;

on_both_engines!(
    a_password_change_without_the_right_token_is_refused,
    a_cross_site_origin_is_refused_even_with_the_token,
    logout_and_login_need_the_token,
);

const NEW: &str = "sandi-penyerang-panjang-9";

fn refused(app: &TestApp, what: &str, page: &Page) {
    assert_eq!(page.status, 403, "[{}] {what}: {}", app.engine, page.body);
    assert!(
        page.body.contains("Permintaan ditolak"),
        "[{}] {what}: {}",
        app.engine,
        page.body
    );
}

/// The password is still [`PASSWORD`], and the account's other sessions
/// (which a change would end) still live.
async fn password_unchanged(app: &TestApp, witness: &Client) {
    let hash = app.account(Who::Pegawai).await.password_hash;
    assert!(talenta_web::auth::verify_password(PASSWORD.into(), Some(hash)).await);
    let profile = format!("/pegawai/{}", app.people.pegawai.nip);
    assert_eq!(witness.get(&profile).await.status, 200);
}

async fn a_password_change_without_the_right_token_is_refused(app: TestApp) {
    let client = app.signed_in(Who::Pegawai).await;
    let witness = app.signed_in(Who::Pegawai).await;
    let fields = [("lama", PASSWORD), ("baru", NEW)];

    let page = client.post_raw("/akun/sandi", &fields).await;
    refused(&app, "no token", &page);
    password_unchanged(&app, &witness).await;

    let wrong = "0".repeat(64);
    let mut with_wrong = vec![("_csrf", wrong.as_str())];
    with_wrong.extend(fields);
    let page = client.post_raw("/akun/sandi", &with_wrong).await;
    refused(&app, "wrong token", &page);
    let page = Client::send(
        client
            .request(Method::POST, "/akun/sandi")
            .header("x-csrf-token", &wrong)
            .form(&fields),
    )
    .await;
    refused(&app, "wrong header token", &page);
    password_unchanged(&app, &witness).await;

    // Another session's token (here: another user's) is as wrong.
    let other = app.signed_in(Who::AdminOpd).await;
    let theirs = other.get("/akun/sandi").await.csrf();
    let mut with_theirs = vec![("_csrf", theirs.as_str())];
    with_theirs.extend(fields);
    let page = client.post_raw("/akun/sandi", &with_theirs).await;
    refused(&app, "another session's token", &page);
    password_unchanged(&app, &witness).await;

    // The same request with the page's token, as a form field or as the
    // header htmx sends, goes through.
    let own = client.get("/akun/sandi").await.csrf();
    let page = Client::send(
        client
            .request(Method::POST, "/akun/sandi")
            .header("x-csrf-token", &own)
            .form(&[("lama", PASSWORD), ("baru", PASSWORD)]),
    )
    .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Kata sandi diganti."));
}

async fn a_cross_site_origin_is_refused_even_with_the_token(app: TestApp) {
    let client = app.signed_in(Who::Pegawai).await;
    let witness = app.signed_in(Who::Pegawai).await;
    let token = client.get("/akun/sandi").await.csrf();
    let fields = [("_csrf", token.as_str()), ("lama", PASSWORD), ("baru", NEW)];

    for (header, value, what) in [
        ("origin", "http://evil.example", "cross-site Origin"),
        // The same host on another port is another origin.
        ("origin", "http://127.0.0.1:1", "another port"),
        ("sec-fetch-site", "cross-site", "Sec-Fetch-Site: cross-site"),
    ] {
        let page = Client::send(
            client
                .request(Method::POST, "/akun/sandi")
                .header(header, value)
                .form(&fields),
        )
        .await;
        refused(&app, what, &page);
    }
    password_unchanged(&app, &witness).await;

    // From the server's own origin it goes through.
    let page = Client::send(
        client
            .request(Method::POST, "/akun/sandi")
            .header("origin", &app.base)
            .header("sec-fetch-site", "same-origin")
            .form(&[
                ("_csrf", token.as_str()),
                ("lama", PASSWORD),
                ("baru", PASSWORD),
            ]),
    )
    .await;
    assert_eq!(page.status, 200, "{}", page.body);
}

async fn logout_and_login_need_the_token(app: TestApp) {
    let client = app.signed_in(Who::Pegawai).await;
    let page = client.post_raw("/keluar", &[]).await;
    refused(&app, "logout without token", &page);
    let profile = format!("/pegawai/{}", app.people.pegawai.nip);
    assert_eq!(client.get(&profile).await.status, 200, "still signed in");

    // A forged login (login CSRF) would sign the victim into the
    // attacker's account.
    let visitor = app.client();
    visitor.get("/masuk").await;
    let page = visitor
        .post_raw(
            "/masuk",
            &[("nip", &app.people.pegawai.nip), ("sandi", PASSWORD)],
        )
        .await;
    refused(&app, "login without token", &page);
    assert!(visitor.session().is_none());
    let page = Client::send(
        visitor
            .request(Method::POST, "/masuk")
            .header("origin", "http://evil.example")
            .form(&[
                ("_csrf", visitor.get("/masuk").await.csrf().as_str()),
                ("nip", &app.people.pegawai.nip),
                ("sandi", PASSWORD),
            ]),
    )
    .await;
    refused(&app, "cross-site login", &page);
    assert!(visitor.session().is_none());
    // Refused requests are not counted as failed logins.
    assert_eq!(app.attempts(Who::Pegawai).await.failures, 0);
}
