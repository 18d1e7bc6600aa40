//! Issue 21's findings, each refused as a browser would meet it: a
//! post-login redirect to another site, fields that cannot be read, weak
//! new passwords, guessing the current password from an open session, the
//! first administrator's setup, documents shown to those who assess, the
//! demo reached as `localhost`, and HSTS over HTTPS.

use reqwest::Method;
use talenta_domain::RuleSet;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_web::{AppState, Config};
use tower::ServiceExt;

use crate::app::{MISSING_NIP, PASSWORD, START, TestApp, Who};
use crate::client::{Client, Page};
use crate::on_both_engines;

on_both_engines!(
    a_redirect_after_login_never_leaves_the_site,
    a_field_that_cannot_be_read_is_named_on_a_400_page,
    a_new_password_follows_nist_800_63b,
    wrong_current_passwords_count_as_failed_sign_ins,
    the_first_administrator_needs_a_valid_nip_and_name,
    documents_are_shown_only_to_the_person_and_record_keepers,
    the_demo_reached_as_localhost_accepts_its_forms,
    hsts_is_sent_when_the_public_url_is_https,
);

/// A 400 page in Bahasa Indonesia naming `label`, with none of the code's
/// words.
fn invalid(app: &TestApp, what: &str, page: &Page, label: &str) {
    assert_eq!(page.status, 400, "[{}] {what}: {}", app.engine, page.body);
    assert!(
        page.header("content-type").starts_with("text/html"),
        "[{}] {what}",
        app.engine
    );
    assert!(
        page.body.contains("Isian tidak sah")
            && page.body.contains(&format!("\u{201c}{label}\u{201d}")),
        "[{}] {what}: {}",
        app.engine,
        page.body
    );
    for internal in ["missing field", "deserialize", "invalid digit"] {
        assert!(!page.body.contains(internal), "[{}] {what}", app.engine);
    }
}

async fn a_redirect_after_login_never_leaves_the_site(app: TestApp) {
    let visitor = app.client();
    for lanjut in [
        "%2F%2Fevil.example",
        "%2F%09%2Fevil.example",
        "%2F%5Cevil.example",
        "https%3A%2F%2Fevil.example%2F",
        "%2Fa%0D%0ALocation%3A%20http%3A%2F%2Fevil.example",
    ] {
        let page = visitor.get(&format!("/masuk?lanjut={lanjut}")).await;
        invalid(&app, lanjut, &page, "Alamat tujuan setelah masuk");
    }

    // Refused before the password is looked at: no session.
    let nip = &app.people.pegawai.nip;
    for lanjut in ["/\t/evil.example", "//evil.example", "/\\evil.example"] {
        let page = visitor
            .submit(
                "/masuk",
                "/masuk",
                &[("nip", nip), ("sandi", PASSWORD), ("lanjut", lanjut)],
            )
            .await;
        invalid(&app, lanjut, &page, "Alamat tujuan setelah masuk");
        assert!(visitor.session().is_none(), "[{}] {lanjut:?}", app.engine);
    }
    let own = format!("/pegawai/{nip}?ok=1");
    let page = visitor
        .submit(
            "/masuk",
            "/masuk",
            &[("nip", nip), ("sandi", PASSWORD), ("lanjut", &own)],
        )
        .await;
    assert_eq!(page.status, 303, "[{}] {}", app.engine, page.body);
    assert_eq!(page.location(), own);
}

async fn a_field_that_cannot_be_read_is_named_on_a_400_page(app: TestApp) {
    let visitor = app.client();
    // A missing query field.
    let page = visitor.get("/penyiapan").await;
    invalid(&app, "setup without a token", &page, "Tautan penyiapan");
    // A missing form field.
    let form = visitor.get("/masuk").await;
    let page = visitor
        .post_raw("/masuk", &[("_csrf", &form.csrf()), ("sandi", PASSWORD)])
        .await;
    invalid(&app, "login without a NIP", &page, "NIP");

    // Values not of their kind.
    let committee = app.signed_in(Who::TimPenilai).await;
    let path = format!("/talenta/2026-S1/kalibrasi/{}", app.people.pegawai.nip);
    for kotak in ["tujuh", "300", "10", "0"] {
        let page = committee
            .submit("/akun/sandi", &path, &[("kotak", kotak), ("alasan", "uji")])
            .await;
        invalid(&app, kotak, &page, "Kotak akhir");
    }
}

async fn change_password(client: &Client, old: &str, new: &str) -> Page {
    client
        .submit(
            "/akun/sandi",
            "/akun/sandi",
            &[("lama", old), ("baru", new)],
        )
        .await
}

async fn a_new_password_follows_nist_800_63b(app: TestApp) {
    let me = app.signed_in(Who::Pegawai).await;
    let person = &app.people.pegawai;
    let born = &person.nip[..8];
    let ddmmyyyy = format!("{}{}{}", &born[6..8], &born[4..6], &born[..4]);
    let refused = [
        (person.nip.clone(), "memuat NIP"),
        (
            format!("lahir {ddmmyyyy} di kota"),
            "memuat NIP, tanggal lahir",
        ),
        (format!("{} {ddmmyyyy}", person.nama), "memuat NIP"),
        (
            format!("{}  ~~~~~ 1234", person.nama.to_uppercase()),
            "sebagian besar nama",
        ),
        ("a".repeat(15), "diulang"),
        ("sandi".repeat(3), "diulang"),
        ("123456789012345".to_owned(), "berurutan"),
        ("zyxwvutsrqponml".to_owned(), "berurutan"),
        ("\u{a0}".repeat(12), "hanya berisi spasi"),
        ("\u{a0}".repeat(20), "hanya berisi spasi"),
        ("1QAZ2wsx3edc4rfv".to_owned(), "paling banyak dipakai"),
        ("kopi hitam 12".to_owned(), "paling sedikit 15 karakter"),
    ];
    for (new, message) in &refused {
        let page = change_password(&me, PASSWORD, new).await;
        page.assert_shows(200, message, format!("[{}] {new:?}", app.engine));
        assert!(!page.body.contains("Kata sandi diganti"));
    }

    // Any characters in any mix; hashed in NFKC, so the same password
    // typed with a non-breaking space, a ligature or full-width digits
    // signs in.
    let page = change_password(&me, PASSWORD, "kopi\u{a0}hitam ﬁlter １２ pagi").await;
    assert!(
        page.body.contains("Kata sandi diganti"),
        "[{}] {}",
        app.engine,
        page.body
    );
    let page = app
        .client()
        .login(&person.nip, "kopi hitam filter 12 pagi")
        .await;
    assert_eq!(page.status, 303, "[{}] {}", app.engine, page.body);
}

/// A stolen session guessing the current password: each wrong guess
/// counts as a failed sign-in of the account and the address, the fifth
/// ends the session; the owner, elsewhere, still changes the password.
async fn wrong_current_passwords_count_as_failed_sign_ins(app: TestApp) {
    let stolen = Client::from_address(&app.base, [127, 0, 0, 2].into(), Default::default());
    assert_eq!(
        stolen.login(&app.people.pegawai.nip, PASSWORD).await.status,
        303
    );
    let owner = app.signed_in(Who::Pegawai).await;
    const NEW: &str = "sandi-baru-yang-panjang-2";
    for attempt in 1..=4 {
        let page = change_password(&stolen, "tebakan-yang-salah-1", NEW).await;
        assert!(
            page.body
                .contains("Kata sandi sekarang salah, atau terlalu banyak percobaan"),
            "[{}] {attempt}",
            app.engine
        );
        assert_eq!(app.attempts(Who::Pegawai).await.failures, attempt);
    }
    let page = change_password(&stolen, "tebakan-yang-salah-1", NEW).await;
    assert!(
        page.body
            .contains("salah terlalu sering: sesi ini diakhiri"),
        "[{}] {}",
        app.engine,
        page.body
    );
    let profile = format!("/pegawai/{}", app.people.pegawai.nip);
    assert_eq!(stolen.get(&profile).await.status, 303, "[{}]", app.engine);
    // The thief's address now waits, even with the right password.
    let page = stolen.login(&app.people.pegawai.nip, PASSWORD).await;
    assert_eq!(page.status, 401, "[{}]", app.engine);
    // The owner's session, at another address, changes the password while
    // the account waits.
    let page = change_password(&owner, PASSWORD, NEW).await;
    assert!(
        page.body.contains("Kata sandi diganti"),
        "[{}] {}",
        app.engine,
        page.body
    );
    assert_eq!(app.attempts(Who::Pegawai).await.failures, 0);
}

async fn the_first_administrator_needs_a_valid_nip_and_name(app: TestApp) {
    let token = "a".repeat(64);
    app.db
        .add_setup_token(
            &talenta_web::auth::token_hash(&token),
            START.unix_timestamp(),
        )
        .await
        .unwrap();
    let form = format!("/penyiapan?token={token}");
    let instansi = app.instansi.to_string();
    let visitor = app.client();
    let setup = async |nip: &str, nama: &str, sandi: &str, instansi: &str| {
        visitor
            .submit(
                &form,
                "/penyiapan",
                &[
                    ("token", &token),
                    ("instansi", instansi),
                    ("nip", nip),
                    ("nama", nama),
                    ("sandi", sandi),
                ],
            )
            .await
    };
    const NAME: &str = "Siti Rahmawati";
    const GOOD: &str = "kopi hitam tanpa gula di pagi hari";
    for (nip, nama, sandi, message) in [
        ("123", NAME, GOOD, "NIP tidak sah"),
        ("199901012020011000", NAME, GOOD, "NIP tidak sah"),
        (MISSING_NIP, "x", GOOD, "Nama terlalu pendek"),
        (MISSING_NIP, "A. B", GOOD, "Nama terlalu pendek"),
        (
            MISSING_NIP,
            NAME,
            "pendek sekali",
            "paling sedikit 15 karakter",
        ),
        (MISSING_NIP, NAME, MISSING_NIP, "memuat NIP"),
        (MISSING_NIP, NAME, "siti rahmawati 1", "sebagian besar nama"),
    ] {
        let page = setup(nip, nama, sandi, &instansi).await;
        let case = format!("[{}] {nip} {nama} {sandi}", app.engine);
        page.assert_shows(200, message, case);
    }
    let page = setup(MISSING_NIP, NAME, GOOD, "satu").await;
    invalid(&app, "instansi not a number", &page, "Instansi");
    // A valid form goes on to the one-time setup, which this city (with
    // an Admin BKPSDM already) refuses.
    assert_eq!(setup(MISSING_NIP, NAME, GOOD, &instansi).await.status, 404);
}

async fn documents_are_shown_only_to_the_person_and_record_keepers(app: TestApp) {
    let nip = app.people.pegawai.nip.clone();
    let id = crate::app::id(&nip);
    let profile = format!("/pegawai/{nip}");
    let pegawai = app.db.pegawai(app.instansi, &id).await.unwrap().unwrap();
    let jenis = if pegawai.status == StatusKepegawaian::Pppk {
        "perjanjian_kerja"
    } else {
        "sk_cpns"
    };
    let me = app.signed_in(Who::Pegawai).await;
    let sent = me
        .upload(
            &profile,
            &format!("{profile}/dokumen"),
            &[("jenis", jenis)],
            "surat pribadi.pdf",
            talenta_generate::documents::placeholder_pdf("uji"),
        )
        .await;
    assert_eq!(sent.status, 303, "[{}] {}", app.engine, sent.body);
    let sha = app.db.documents_of(app.instansi, &id).await.unwrap()[0]
        .sha256
        .clone();
    let file = format!("{profile}/dokumen/{sha}");
    for (who, sees) in [
        (Who::Pegawai, true),
        (Who::AdminOpd, true),
        (Who::AdminBkpsdm, true),
        (Who::TimPenilai, false),
        (Who::Pimpinan, false),
    ] {
        let client = app.signed_in(who).await;
        let page = client.get(&profile).await;
        assert_eq!(page.status, 200, "[{}] {who:?}", app.engine);
        assert_eq!(
            page.body.contains("surat pribadi.pdf") && page.body.contains(&file),
            sees,
            "[{}] {who:?}",
            app.engine
        );
        // The completeness of the checklist is no secret.
        assert!(page.body.contains("Kelengkapan dokumen"), "{who:?}");
        let expected = if sees { 200 } else { 404 };
        assert_eq!(client.get_bytes(&file).await.0, expected, "{who:?}");
    }
}

async fn the_demo_reached_as_localhost_accepts_its_forms(app: TestApp) {
    let port = app.base.rsplit(':').next().unwrap().to_owned();
    let login = async |origin: &str| {
        let visitor = app.client();
        let form = visitor.get("/masuk").await;
        Client::send(
            visitor
                .request(Method::POST, "/masuk")
                .header("origin", origin)
                .form(&[
                    ("_csrf", form.csrf().as_str()),
                    ("nip", &app.people.pegawai.nip),
                    ("sandi", PASSWORD),
                ]),
        )
        .await
        .status
    };
    for origin in [
        format!("http://localhost:{port}"),
        format!("http://LOCALHOST:{port}"),
        format!("http://127.0.0.1:{port}"),
        format!("http://[::1]:{port}"),
    ] {
        assert_eq!(login(&origin).await, 303, "[{}] {origin}", app.engine);
    }
    let other = if port == "1" { "2" } else { "1" };
    for origin in [
        format!("http://localhost:{other}"),
        format!("https://localhost:{port}"),
        format!("http://evil.example:{port}"),
        format!("http://localhost.evil.example:{port}"),
        "null".to_owned(),
    ] {
        assert_eq!(login(&origin).await, 403, "[{}] {origin}", app.engine);
    }
}

async fn hsts_is_sent_when_the_public_url_is_https(app: TestApp) {
    // Over plain HTTP (the test server): no HSTS, which a browser would
    // ignore anyway.
    let page = app.client().get("/masuk").await;
    assert_eq!(page.header("strict-transport-security"), "");

    let behind_proxy = talenta_web::router(AppState::new(
        app.db.clone(),
        app.clock.clone(),
        Config {
            public_url: "https://talenta.example.go.id".into(),
            ..Config::default()
        },
        RuleSet::bundled().unwrap(),
    ));
    for path in ["/masuk", "/", "/aset/talenta.css", "/tidak-ada"] {
        let response = behind_proxy
            .clone()
            .oneshot(
                axum::http::Request::get(path)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(
            response.headers()["strict-transport-security"],
            "max-age=31536000; includeSubDomains",
            "[{}] {path}",
            app.engine
        );
    }
}
