//! Login, lockout, session timeouts, logout and password change, as a
//! browser sees them, with the server's clock moved by the test.

use time::Duration;

use reqwest::header::HeaderMap;
use talenta_web::Clock;
use talenta_web::throttle::{FORGET_AFTER, delay};

use crate::app::{MISSING_NIP, PASSWORD, PROXY, TestApp, Who};
use crate::client::Client;
use crate::on_both_engines;

on_both_engines!(
    login_starts_a_new_session_each_time,
    a_wrong_password_is_refused,
    a_flood_from_one_address_slows_it_not_the_owner_elsewhere,
    unknown_wrong_and_waiting_sign_ins_answer_alike,
    the_forwarded_address_is_believed_only_from_the_trusted_proxy,
    an_idle_session_ends_after_thirty_minutes,
    a_session_ends_twelve_hours_after_login_even_when_active,
    logout_ends_the_session_on_the_server,
    a_password_change_ends_the_other_sessions,
);

/// Whether `client` is signed in: its own profile page answers 200 rather
/// than sending it to the login page.
async fn signed_in(app: &TestApp, client: &Client, who: Who) -> bool {
    let page = client
        .get(&format!("/pegawai/{}", app.people.of(who).nip))
        .await;
    match page.status {
        200 => true,
        303 if page.location().starts_with("/masuk") => false,
        other => panic!("[{}] unexpected {other}: {}", app.engine, page.body),
    }
}

async fn login_starts_a_new_session_each_time(app: TestApp) {
    let client = app.client();
    assert!(!signed_in(&app, &client, Who::Pegawai).await);
    let page = client.login(&app.people.pegawai.nip, PASSWORD).await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), "/");
    let first = client.session().unwrap();
    assert!(signed_in(&app, &client, Who::Pegawai).await);

    // Logging in again from the same browser replaces the token. Signed
    // in, /masuk sends the visitor home instead of showing a form, so the
    // form is posted with the token of a page of the session.
    assert_eq!(client.get("/masuk").await.location(), "/");
    let profile = format!("/pegawai/{}", app.people.pegawai.nip);
    let page = client
        .submit(
            &profile,
            "/masuk",
            &[("nip", &app.people.pegawai.nip), ("sandi", PASSWORD)],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let second = client.session().unwrap();
    assert_ne!(
        first, second,
        "[{}] the session token must rotate",
        app.engine
    );
    assert!(signed_in(&app, &client, Who::Pegawai).await);

    let stale = Client::with_session(&app.base, &first);
    assert!(
        !signed_in(&app, &stale, Who::Pegawai).await,
        "[{}] the replaced token still works",
        app.engine
    );

    // The landing page of an employee is their profile; of others, the
    // dashboard.
    let home = client.get("/").await;
    assert_eq!(
        home.location(),
        format!("/pegawai/{}", app.people.pegawai.nip)
    );
    let admin = app.signed_in(Who::AdminBkpsdm).await;
    assert_eq!(admin.get("/").await.location(), "/dasbor");

    // A login page reached from a protected page comes back to it.
    let visitor = app.client();
    let wanted = format!("/pegawai/{}", app.people.colleague.nip);
    let page = visitor.get(&wanted).await;
    assert_eq!(page.status, 303);
    let to_login = page.location().to_owned();
    let form = visitor.get(&to_login).await;
    let token = form.csrf();
    let page = visitor
        .post_raw(
            "/masuk",
            &[
                ("_csrf", &token),
                ("nip", &app.people.admin_opd.nip),
                ("sandi", PASSWORD),
                ("lanjut", &wanted),
            ],
        )
        .await;
    assert_eq!(page.location(), wanted);
    // ...but never to another site: refused before the password is checked.
    let other = app.client();
    let form = other.get("/masuk").await;
    let page = other
        .post_raw(
            "/masuk",
            &[
                ("_csrf", &form.csrf()),
                ("nip", &app.people.admin_opd.nip),
                ("sandi", PASSWORD),
                ("lanjut", "//evil.example/x"),
            ],
        )
        .await;
    assert_eq!(page.status, 400);
    assert!(other.session().is_none());
}

async fn a_wrong_password_is_refused(app: TestApp) {
    let client = app.client();
    let page = client
        .login(&app.people.pegawai.nip, "bukan-sandi-yang-benar")
        .await;
    assert_eq!(page.status, 401);
    assert!(
        page.body.contains("NIP atau kata sandi salah."),
        "{}",
        page.body
    );
    assert!(client.session().is_none());
    assert!(!signed_in(&app, &client, Who::Pegawai).await);

    // An unknown NIP gets the same answer.
    let page = client.login(crate::app::MISSING_NIP, PASSWORD).await;
    assert_eq!(page.status, 401);
    assert!(page.body.contains("NIP atau kata sandi salah."));
    assert_eq!(app.attempts(Who::Pegawai).await.failures, 1);
}

const WRONG: &str = "bukan-sandi-yang-benar";

/// A visitor connecting from 127.0.0.`last`, sending `headers`.
fn from(app: &TestApp, last: u8, headers: HeaderMap) -> Client {
    Client::from_address(&app.base, [127, 0, 0, last].into(), headers)
}

/// Asserts the failed sign-ins that count against each address now.
async fn assert_counted(app: &TestApp, expected: &[(&str, i64)]) {
    let since = app.clock.now().unix_timestamp() - FORGET_AFTER;
    for &(address, failures) in expected {
        let counted = app.db.address_attempts(address, since).await.unwrap();
        assert_eq!(counted.failures, failures, "[{}] {address}", app.engine);
    }
}

/// One address floods an account with wrong passwords: after five, each
/// further attempt waits twice as long as the one before, and attempts
/// made while waiting are refused unchecked (even the right password) and
/// do not count. Meanwhile the owner signs in from another address.
async fn a_flood_from_one_address_slows_it_not_the_owner_elsewhere(app: TestApp) {
    let attacker = from(&app, 2, HeaderMap::new());
    let nip = &app.people.pegawai.nip;
    for attempt in 1..=5 {
        let page = attacker.login(nip, WRONG).await;
        assert_eq!(page.status, 401, "[{}] attempt {attempt}", app.engine);
    }
    for failures in 5..=9 {
        assert_counted(&app, &[("127.0.0.2", failures)]).await;
        assert_eq!(app.attempts(Who::Pegawai).await.failures, failures);
        // Until the delay has passed, even the right password is refused
        // and nothing counts.
        let wait = time::Duration::seconds(delay(failures));
        app.clock.advance(wait - Duration::seconds(1));
        let page = attacker.login(nip, PASSWORD).await;
        assert_eq!(page.status, 401, "[{}] after {failures}", app.engine);
        assert!(page.body.contains("NIP atau kata sandi salah."));
        assert_counted(&app, &[("127.0.0.2", failures)]).await;
        app.clock.advance(Duration::seconds(1));
        assert_eq!(attacker.login(nip, WRONG).await.status, 401);
    }
    assert_eq!(delay(10), 32);

    // The owner, at another address, signs in while the account waits.
    assert!(
        app.attempts(Who::Pegawai)
            .await
            .waits(app.clock.now().unix_timestamp())
    );
    let owner = app.client();
    let page = owner.login(nip, PASSWORD).await;
    assert_eq!(
        page.status, 303,
        "[{}] owner locked out: {}",
        app.engine, page.body
    );
    assert!(signed_in(&app, &owner, Who::Pegawai).await);
    assert_eq!(app.attempts(Who::Pegawai).await.failures, 0);

    // The flooding address still waits, for any account.
    let page = attacker.login(&app.people.admin_opd.nip, PASSWORD).await;
    assert_eq!(page.status, 401, "[{}]", app.engine);
    app.clock.advance(Duration::seconds(32));
    assert_eq!(
        attacker
            .login(&app.people.admin_opd.nip, PASSWORD)
            .await
            .status,
        303
    );
}

/// The text of a refused sign-in page with what differs by request (the
/// NIP typed and the CSRF token) taken out.
fn refusal(page: &crate::client::Page, nip: &str) -> String {
    assert_eq!(page.status, 401, "{}", page.body);
    page.body.replace(nip, "NIP").replace(&page.csrf(), "TOKEN")
}

/// An unknown NIP, a wrong password and an attempt that must wait get the
/// same page, so the answer does not tell who has an account.
async fn unknown_wrong_and_waiting_sign_ins_answer_alike(app: TestApp) {
    let client = app.client();
    let nip = &app.people.pegawai.nip;
    let unknown = refusal(&client.login(MISSING_NIP, PASSWORD).await, MISSING_NIP);
    let wrong = refusal(&client.login(nip, WRONG).await, nip);
    assert_eq!(unknown, wrong, "[{}]", app.engine);
    assert!(unknown.contains("NIP atau kata sandi salah."), "{unknown}");
    // The fifth failure from this address earns it a wait of a second.
    for _ in 0..4 {
        app.clock.advance(Duration::seconds(1));
        client.login(nip, WRONG).await;
    }
    assert_eq!(
        refusal(&client.login(MISSING_NIP, WRONG).await, MISSING_NIP),
        unknown
    );
    assert!(
        app.attempts(Who::Pegawai)
            .await
            .waits(app.clock.now().unix_timestamp())
    );
    assert_eq!(refusal(&client.login(nip, PASSWORD).await, nip), unknown);
    assert_eq!(
        refusal(&client.login(MISSING_NIP, PASSWORD).await, MISSING_NIP),
        unknown
    );
}

/// `X-Forwarded-For` names the client only when the trusted proxy sends
/// it; from anyone else it is ignored and the peer's address counts.
async fn the_forwarded_address_is_believed_only_from_the_trusted_proxy(app: TestApp) {
    let mut headers = HeaderMap::new();
    headers.insert("x-forwarded-for", "192.0.2.7".parse().unwrap());
    let forger = from(&app, 4, headers.clone());
    for _ in 0..5 {
        assert_eq!(forger.login(MISSING_NIP, WRONG).await.status, 401);
    }
    assert_counted(&app, &[("127.0.0.4", 5), ("192.0.2.7", 0)]).await;
    // The forger waits, whatever address it claims.
    let page = forger.login(&app.people.pegawai.nip, PASSWORD).await;
    assert_eq!(page.status, 401, "[{}]", app.engine);

    let proxied = Client::from_address(&app.base, PROXY.into(), headers);
    assert_eq!(proxied.login(MISSING_NIP, WRONG).await.status, 401);
    assert_counted(&app, &[("192.0.2.7", 1), ("127.0.0.3", 0)]).await;
    let page = proxied.login(&app.people.pegawai.nip, PASSWORD).await;
    assert_eq!(page.status, 303, "[{}] {}", app.engine, page.body);
}

async fn an_idle_session_ends_after_thirty_minutes(app: TestApp) {
    let client = app.signed_in(Who::Pegawai).await;
    app.clock.advance(Duration::minutes(29));
    assert!(signed_in(&app, &client, Who::Pegawai).await);
    // That request counted as activity: 29 more minutes are fine.
    app.clock.advance(Duration::minutes(29));
    assert!(signed_in(&app, &client, Who::Pegawai).await);
    app.clock
        .advance(Duration::minutes(30) + Duration::seconds(1));
    assert!(
        !signed_in(&app, &client, Who::Pegawai).await,
        "[{}] idle session still alive",
        app.engine
    );
    // Ended on the server, not just refused once.
    let hash = talenta_web::auth::token_hash(client.session().unwrap().split_once('.').unwrap().1);
    assert!(app.db.session(app.instansi, &hash).await.unwrap().is_none());
}

async fn a_session_ends_twelve_hours_after_login_even_when_active(app: TestApp) {
    let client = app.signed_in(Who::AdminOpd).await;
    // A request every 20 minutes for 11 hours 40 minutes.
    for _ in 0..35 {
        app.clock.advance(Duration::minutes(20));
        assert!(signed_in(&app, &client, Who::AdminOpd).await);
    }
    app.clock
        .advance(Duration::minutes(20) + Duration::seconds(1));
    assert!(
        !signed_in(&app, &client, Who::AdminOpd).await,
        "[{}] session outlived 12 hours",
        app.engine
    );
}

async fn logout_ends_the_session_on_the_server(app: TestApp) {
    let client = app.signed_in(Who::Pegawai).await;
    let token = client.session().unwrap();
    let other_device = app.signed_in(Who::Pegawai).await;

    let page = client
        .submit(
            &format!("/pegawai/{}", app.people.pegawai.nip),
            "/keluar",
            &[],
        )
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), "/masuk");
    assert!(!signed_in(&app, &client, Who::Pegawai).await);

    // The token no longer works, even presented again by hand.
    let replay = Client::with_session(&app.base, &token);
    assert!(!signed_in(&app, &replay, Who::Pegawai).await);
    // Logout ends this session only.
    assert!(signed_in(&app, &other_device, Who::Pegawai).await);
}

async fn a_password_change_ends_the_other_sessions(app: TestApp) {
    let laptop = app.signed_in(Who::Pegawai).await;
    let phone = app.signed_in(Who::Pegawai).await;
    let before = laptop.session().unwrap();
    const NEW: &str = "sandi-baru-yang-panjang-2";

    // The current password is checked first, and a short one refused.
    let page = laptop
        .submit(
            "/akun/sandi",
            "/akun/sandi",
            &[("lama", "salah-sandi-lamanya"), ("baru", NEW)],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Kata sandi sekarang salah,"));
    let page = laptop
        .submit(
            "/akun/sandi",
            "/akun/sandi",
            &[("lama", PASSWORD), ("baru", "pendek")],
        )
        .await;
    assert!(page.body.contains("Kata sandi terlalu pendek"));
    assert!(signed_in(&app, &phone, Who::Pegawai).await);

    let page = laptop
        .submit(
            "/akun/sandi",
            "/akun/sandi",
            &[("lama", PASSWORD), ("baru", NEW)],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Kata sandi diganti."), "{}", page.body);

    assert!(
        !signed_in(&app, &phone, Who::Pegawai).await,
        "[{}] the other session survived a password change",
        app.engine
    );
    // The browser that changed it goes on, in a new session.
    assert!(signed_in(&app, &laptop, Who::Pegawai).await);
    assert_ne!(laptop.session().unwrap(), before);
    assert!(
        !signed_in(
            &app,
            &Client::with_session(&app.base, &before),
            Who::Pegawai
        )
        .await
    );

    // The old password is gone, the new one works.
    assert_eq!(
        app.client()
            .login(&app.people.pegawai.nip, PASSWORD)
            .await
            .status,
        401
    );
    assert_eq!(
        app.client()
            .login(&app.people.pegawai.nip, NEW)
            .await
            .status,
        303
    );
}
