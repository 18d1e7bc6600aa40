//! End to end in headless Chromium (the testkit's harness) against the real
//! server over SQLite: the HTTP tests cover both engines, these cover what
//! only a browser shows (scripts, CSP violations, layout). Every page
//! visited must log no error.

use talenta_app::cycle::final_map;
use talenta_domain::{Kotak, Periode};
use talenta_testkit::browser::{Browser, WAIT};

use crate::app::{PASSWORD, TestApp, Who};

/// The shared fixture: a headless Chromium and a server over the seeded
/// city on SQLite, or `None` (the testkit says so loudly) without Chromium.
async fn browser_over_a_city() -> Option<(Browser, TestApp)> {
    let browser = Browser::start().await?;
    Some((browser, TestApp::sqlite().await))
}

/// Asserts the page reported no error (script, console, CSP, failed load).
async fn clean(browser: &Browser, what: &str) {
    let errors = browser.js_errors().await;
    assert!(
        errors.is_empty(),
        "{what}: the page reported errors:\n{}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Signs in through the login form, going on to `next`.
async fn sign_in(browser: &Browser, app: &TestApp, who: Who, next: &str) {
    submit_login(browser, app, who, next, PASSWORD).await;
}

async fn submit_login(browser: &Browser, app: &TestApp, who: Who, next: &str, password: &str) {
    browser
        .goto(&app.url(&format!("/masuk?lanjut={next}")))
        .await;
    assert_eq!(browser.text("h1").await, "Masuk");
    clean(browser, "the login page").await;
    browser.fill("#nip", &app.people.of(who).nip).await;
    browser.fill("#sandi", password).await;
    browser.click("button[type=submit]").await;
}

async fn current_path(browser: &Browser) -> String {
    let url = browser.client().current_url().await.unwrap();
    url.path().to_owned()
}

/// Waits until the browser shows `path` (a click that submits a form
/// returns before the next page has loaded), then for that page to load.
async fn arrive(browser: &Browser, path: &str) {
    let start = std::time::Instant::now();
    while current_path(browser).await != path {
        assert!(
            start.elapsed() < WAIT,
            "still at {} after {WAIT:?}, expected {path}",
            current_path(browser).await
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    browser.wait_for("footer.bawah").await;
}

/// Clicks `css`, a form's button, and waits for the page the form leads
/// to at `path`. A form that redirects back to the page it is on (the
/// profile's) would otherwise be read before the new page has loaded: the
/// page is marked before the click and the mark must be gone.
async fn submit(browser: &Browser, css: &str, path: &str) {
    browser
        .client()
        .execute("window.halamanLama = true;", vec![])
        .await
        .unwrap();
    browser.click(css).await;
    let start = std::time::Instant::now();
    loop {
        let old = browser
            .client()
            .execute("return window.halamanLama === true;", vec![])
            .await;
        // An error is a page being replaced: look again.
        if old.is_ok_and(|old| old == false) {
            break;
        }
        assert!(start.elapsed() < WAIT, "{css} did not load a new page");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    arrive(browser, path).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_signs_in_and_out_in_a_browser() {
    let Some((browser, app)) = browser_over_a_city().await else {
        return;
    };
    for who in Who::ROLES {
        sign_in(&browser, &app, who, "/akun/sandi").await;
        arrive(&browser, "/akun/sandi").await;
        assert_eq!(browser.text("h1").await, "Ganti kata sandi", "{who:?}");
        let bar = browser.text(".pengguna").await;
        assert!(bar.contains(&app.people.of(who).nama), "{who:?}: {bar}");
        clean(&browser, &format!("{who:?} /akun/sandi")).await;

        browser.click(".pengguna button[type=submit]").await;
        arrive(&browser, "/masuk").await;
        assert_eq!(browser.text("h1").await, "Masuk", "{who:?} signed out");
        clean(&browser, &format!("{who:?} after logout")).await;
    }

    // A wrong password shows the message on the form.
    submit_login(&browser, &app, Who::Pegawai, "/", "bukan-sandi-ini").await;
    let alert = browser.text("[role=alert]").await;
    assert_eq!(alert, "NIP atau kata sandi salah.");
    browser.js_errors().await; // the 401 of the refused login

    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_reads_on_a_phone_and_a_hostile_name_stays_text() {
    let Some((browser, app)) = browser_over_a_city().await else {
        return;
    };
    let own = format!("/pegawai/{}", app.people.pegawai.nip);
    sign_in(&browser, &app, Who::Pegawai, &own).await;
    arrive(&browser, &own).await;
    assert!(browser.text("h1").await.contains(&app.people.pegawai.nama));
    clean(&browser, "own profile").await;

    browser.set_window_size(390, 844).await;
    browser.goto(&app.url(&own)).await;
    let overflow = browser
        .client()
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(overflow, false, "the profile scrolls sideways on a phone");
    browser.screenshot("profil-ponsel.png").await;
    clean(&browser, "profile on a phone").await;
    browser.set_window_size(1280, 900).await;

    // The admin opens the hostile employee's profile: the name is text,
    // nothing runs (an alert would fail every later WebDriver command).
    browser.click(".pengguna button[type=submit]").await;
    arrive(&browser, "/masuk").await;
    let xss = format!("/pegawai/{}", app.people.xss.nip);
    sign_in(&browser, &app, Who::AdminOpd, &xss).await;
    arrive(&browser, &xss).await;
    let heading = browser.text("h1").await;
    assert!(heading.contains("<script>alert(1)</script>"), "{heading}");
    let images = browser
        .client()
        .execute(
            "return document.querySelectorAll('main img').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(images, 0, "the name's <img> became an element");
    clean(&browser, "hostile name").await;

    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_drills_down_from_the_nine_box() {
    let Some((browser, app)) = browser_over_a_city().await else {
        return;
    };
    // The OPD admin's /dasbor is their unit's dashboard.
    sign_in(&browser, &app, Who::AdminOpd, "/dasbor").await;
    let dashboard = format!("/dasbor/opd/{}", crate::app::OPD);
    arrive(&browser, &dashboard).await;
    assert!(browser.text("h1").await.starts_with("Dasbor"));
    browser.wait_for("#peta-talenta svg").await;
    browser.screenshot("dasbor.png").await;
    clean(&browser, "the OPD dashboard").await;

    // The fullest box of the grid, by the count the chart shows.
    let fullest = browser
        .client()
        .execute(
            "const cells = [...document.querySelectorAll('#peta-talenta g.kotak-sel')];\
             cells.sort((a, b) => b.dataset.jumlah - a.dataset.jumlah);\
             return [Number(cells[0].dataset.kotak), Number(cells[0].dataset.jumlah)];",
            vec![],
        )
        .await
        .unwrap();
    let (kotak, count) = (fullest[0].as_u64().unwrap(), fullest[1].as_u64().unwrap());
    assert!(count > 0, "an empty nine-box");
    browser
        .click(&format!("#peta-talenta a[data-kotak=\"{kotak}\"]"))
        .await;
    arrive(&browser, "/peta").await;
    let url = browser.client().current_url().await.unwrap();
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(
        query.contains(&("kotak".into(), kotak.to_string())),
        "{url}"
    );
    let shown = browser.text("#jumlah").await;
    assert!(
        shown.contains(&format!("dari {count} pegawai")) || shown == format!("{count} pegawai."),
        "box {kotak} counts {count} on the dashboard, the list says {shown:?}"
    );
    browser.screenshot("kotak-talenta.png").await;
    clean(&browser, "the nine-box drill-down").await;

    browser.close().await;
}

/// The first whole number in `text` ("1.234 dari …" reads 1234).
fn first_number(text: &str) -> u64 {
    text.split_whitespace()
        .next()
        .and_then(|word| word.replace('.', "").parse().ok())
        .unwrap_or_else(|| panic!("no number at the start of {text:?}"))
}

async fn sign_out(browser: &Browser) {
    browser.click(".pengguna button[type=submit]").await;
    arrive(browser, "/masuk").await;
}

/// The OPD's verified documents, as its dashboard counts them.
async fn verified_documents_of_the_opd(browser: &Browser, app: &TestApp) -> u64 {
    let dashboard = format!("/dasbor/opd/{}", crate::app::OPD);
    sign_in(browser, app, Who::AdminOpd, "/dasbor").await;
    arrive(browser, &dashboard).await;
    let count = first_number(&browser.text("#dokumen-teks").await);
    sign_out(browser).await;
    count
}

/// The employee, on their profile, keeps their personal branding: a
/// statement and an achievement.
async fn an_employee_keeps_their_branding(browser: &Browser, app: &TestApp, profile: &str) {
    sign_in(browser, app, Who::Pegawai, profile).await;
    arrive(browser, profile).await;
    browser.click("#branding summary").await;
    browser
        .fill("#pernyataan", "Perawat yang belajar analisis data.")
        .await;
    submit(browser, "form[action$='/branding'] button", profile).await;
    assert_eq!(
        browser.text(".pesan.sukses").await,
        "Pernyataan diri disimpan."
    );
    browser.click("#branding summary").await;
    browser.fill("#judul", "Juara 1 Inovasi Pelayanan").await;
    browser.fill("#tahun", "2025").await;
    submit(browser, "form[action$='/branding/item'] button", profile).await;
    assert!(
        browser
            .text("#branding")
            .await
            .contains("Juara 1 Inovasi Pelayanan")
    );
    clean(browser, "personal branding").await;
}

/// The employee uploads their missing ijazah: pending, it counts for
/// nothing yet. The file, and the completeness shown before.
async fn an_employee_uploads_a_missing_document(
    browser: &Browser,
    profile: &str,
) -> (Vec<u8>, String) {
    let percent = browser.text("#persen-dokumen").await;
    let dir = talenta_testkit::TempDir::new("talenta_e2e_upload");
    let pdf = talenta_generate::documents::placeholder_pdf("Ijazah S1 Keperawatan");
    let file = dir.path().join("ijazah.pdf");
    std::fs::write(&file, &pdf).unwrap();
    browser.click("#jenis-dokumen option[value='ijazah']").await;
    browser.upload("#berkas-baru", &file).await;
    submit(browser, "form[action$='/dokumen'] button", profile).await;
    assert!(
        browser
            .text("#berkas")
            .await
            .contains("Menunggu verifikasi")
    );
    assert_eq!(
        browser.text("#persen-dokumen").await,
        percent,
        "pending counts for nothing yet"
    );
    browser.screenshot("profil-pegawai.png").await;
    clean(browser, "the upload").await;
    sign_out(browser).await;
    (pdf, percent)
}

/// The OPD admin approves the document in the verification queue.
async fn the_opd_admin_verifies_it(browser: &Browser, app: &TestApp, nip: &str, pdf: &[u8]) {
    sign_in(browser, app, Who::AdminOpd, "/verifikasi").await;
    arrive(browser, "/verifikasi").await;
    let sha = talenta_web::auth::sha256_hex(pdf);
    let form = format!("form[action='/verifikasi/dokumen/{nip}/{sha}']");
    browser.screenshot("verifikasi.png").await;
    browser
        .click(&format!("{form} button[value='setujui']"))
        .await;
    arrive(browser, "/verifikasi").await;
    assert_eq!(browser.text(".pesan.sukses").await, "Disetujui.");
    clean(browser, "the verification queue").await;
}

/// The OPD's verified documents on the dashboard move by one, and the
/// profile's checklist and completeness show the verified document.
async fn the_dashboard_counts_it(
    browser: &Browser,
    app: &TestApp,
    before: u64,
    profile: &str,
    percent: &str,
) {
    let dashboard = format!("/dasbor/opd/{}", crate::app::OPD);
    browser.goto(&app.url(&dashboard)).await;
    let after = first_number(&browser.text("#dokumen-teks").await);
    assert_eq!(after, before + 1, "the OPD's verified documents");
    browser.goto(&app.url(profile)).await;
    assert!(
        browser
            .text("#daftar-wajib")
            .await
            .contains("Ijazah pendidikan terakhir: Terverifikasi")
    );
    assert_ne!(browser.text("#persen-dokumen").await, percent);
    clean(browser, "the dashboard after verification").await;
}

/// The journey of the seed articles: an employee keeps their personal
/// branding and uploads a missing document; their OPD admin verifies it;
/// the OPD's document completeness on the dashboard moves by one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_travels_from_the_profile_to_the_dashboard() {
    let Some((browser, app)) = browser_over_a_city().await else {
        return;
    };
    let before = verified_documents_of_the_opd(&browser, &app).await;
    let nip = app.people.pegawai.nip.clone();
    let profile = format!("/pegawai/{nip}");
    an_employee_keeps_their_branding(&browser, &app, &profile).await;
    let (pdf, percent) = an_employee_uploads_a_missing_document(&browser, &profile).await;
    the_opd_admin_verifies_it(&browser, &app, &nip, &pdf).await;
    the_dashboard_counts_it(&browser, &app, before, &profile, &percent).await;
    browser.close().await;
}

/// The committee member moves `nip` to box `to` of period `now` on the
/// calibration page, with a written reason: saved, and shown in the row.
/// The reason.
async fn a_committee_member_calibrates_in_the_browser(
    browser: &Browser,
    app: &TestApp,
    now: Periode,
    nip: &str,
    to: Kotak,
) -> &'static str {
    // Straight to the search's result: filling the search form raced with
    // the unfiltered list, whose row for the same NIP the result replaced
    // under the click (a stale element under load).
    browser
        .goto(&app.url(&format!("/talenta/{now}/kalibrasi?q={nip}")))
        .await;
    browser
        .wait_for(&format!("tr[data-nip='{nip}'] select"))
        .await;
    let row = format!("tr[data-nip='{nip}']");
    browser
        .click(&format!("{row} option[value='{}']", to.number()))
        .await;
    let reason = "Memimpin penanganan wabah; kinerja lapangan melampaui SKP.";
    browser
        .fill(&format!("{row} input[name=alasan]"), reason)
        .await;
    submit(
        browser,
        &format!("{row} button"),
        &format!("/talenta/{now}/kalibrasi"),
    )
    .await;
    assert_eq!(browser.text(".pesan.sukses").await, "Kalibrasi disimpan.");
    assert!(browser.text(&row).await.contains(reason));
    browser.screenshot("kalibrasi.png").await;
    clean(browser, "the calibration").await;
    reason
}

/// The profile notes the calibration: its reason and the box it moved to.
async fn the_profile_shows_the_calibration(
    browser: &Browser,
    app: &TestApp,
    nip: &str,
    to: Kotak,
    reason: &str,
) {
    browser.goto(&app.url(&format!("/pegawai/{nip}"))).await;
    let note = browser.text("#kalibrasi").await;
    assert!(note.contains(reason), "{note}");
    assert!(
        note.contains(&format!("ke kotak {}", to.number())),
        "{note}"
    );
}

/// The talent committee calibrates a box with a written reason in the
/// browser; the profile and the movement matrix show the final box.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_calibration_shows_on_the_profile_and_in_the_movement_matrix() {
    let Some((browser, app)) = browser_over_a_city().await else {
        return;
    };
    let (before, now) = app.map_previous().await;
    let nip = app.people.colleague.nip.clone();
    let box_of = |rows: &[talenta_app::cycle::FinalRow]| {
        rows.iter()
            .find(|r| r.map.nip.as_str() == nip)
            .and_then(|r| r.final_box)
            .unwrap()
    };
    let earlier = box_of(&final_map(&app.ctx(), before).await.unwrap());
    let computed = box_of(&final_map(&app.ctx(), now).await.unwrap());
    let to = crate::cycle::another_box(computed);
    let matrix = format!("/talenta/perpindahan?dari={before}&ke={now}");
    // Rows run from box 9 down to box 1; the first cell names the row.
    let cell = |after: Kotak| {
        format!(
            "#matriks tbody tr:nth-child({}) td:nth-child({})",
            10 - earlier.number(),
            after.number() + 1
        )
    };

    sign_in(&browser, &app, Who::TimPenilai, "/talenta").await;
    arrive(&browser, "/talenta").await;
    clean(&browser, "the cycle page").await;
    browser.goto(&app.url(&matrix)).await;
    let count_before: u32 = browser.text(&cell(to)).await.parse().unwrap();
    clean(&browser, "the movement matrix").await;

    let reason = a_committee_member_calibrates_in_the_browser(&browser, &app, now, &nip, to).await;
    the_profile_shows_the_calibration(&browser, &app, &nip, to, reason).await;

    browser.goto(&app.url(&matrix)).await;
    let count_after: u32 = browser.text(&cell(to)).await.parse().unwrap();
    assert_eq!(count_after, count_before + 1, "{earlier:?} → {to:?}");
    // The chart beside the table counts the same move.
    let drawn = browser
        .text(&format!(
            "#grafik-matriks g[data-dari='{}'][data-ke='{}'] text",
            earlier.number(),
            to.number()
        ))
        .await;
    assert_eq!(drawn, count_after.to_string());
    browser.screenshot("perpindahan.png").await;
    clean(&browser, "the movement matrix after calibration").await;
    browser.close().await;
}

/// The value of the form control matching `css` as it stands (a
/// checkbox's: whether it is checked).
async fn value(browser: &Browser, css: &str) -> String {
    browser.wait_for(css).await;
    let value = browser
        .client()
        .execute(
            "const e = document.querySelector(arguments[0]); return String(e.type === 'checkbox' ? e.checked : e.value);",
            vec![css.into()],
        )
        .await
        .unwrap();
    value.as_str().unwrap().to_owned()
}

/// Issue 24: a calibration cannot demote by accident. Each row's select
/// starts at the person's final box and the reason's rule shows before
/// anything is typed; a move across the grid is refused until confirmed,
/// a short reason is refused, and each refused form keeps the box, the
/// reason and the confirmation, with why next to the field.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_calibration_starts_at_the_final_box_and_a_large_move_is_confirmed() {
    let Some((browser, app)) = browser_over_a_city().await else {
        return;
    };
    let now = Periode::containing(crate::app::START.date()).unwrap();
    let map = final_map(&app.ctx(), now).await.unwrap();
    let committee = &app.people.tim_penilai.nip;
    let (nip, from, to) = map
        .iter()
        .filter(|r| r.map.nip.as_str() != committee)
        .find_map(|r| {
            let from = r.final_box?;
            Some((
                r.map.nip.as_str().to_owned(),
                from,
                crate::cycle::across(from)?,
            ))
        })
        .expect("someone is placed off the middle box");
    let page = format!("/talenta/{now}/kalibrasi");
    let post = format!("{page}/{nip}");
    let row = format!("tr[data-nip='{nip}']");
    let select = format!("{row} select[name=kotak]");
    let reason = format!("{row} input[name=alasan]");
    let confirm = format!("{row} input[name=yakin]");
    let send = format!("{row} button[type=submit]");
    sign_in(&browser, &app, Who::TimPenilai, &format!("{page}?q={nip}")).await;
    arrive(&browser, &page).await;
    assert_eq!(value(&browser, &select).await, from.number().to_string());
    let rule = browser.text(&format!("{row} .aturan")).await;
    assert!(
        rule.contains(&format!(
            "paling sedikit {} ",
            talenta_domain::cycle::MIN_ALASAN
        )),
        "{rule}"
    );
    assert!(
        browser
            .text(&format!("{row} label.pilihan"))
            .await
            .contains("Pindah lebih dari satu langkah: centang untuk mengonfirmasi")
    );
    clean(&browser, "the calibration list").await;

    // Across the grid, unconfirmed.
    browser
        .click(&format!("{select} option[value='{}']", to.number()))
        .await;
    let why = "Penilaian ulang tim: data SKP tahun lalu salah input.";
    browser.fill(&reason, why).await;
    submit(&browser, &send, &post).await;
    let next_to = browser.text(&format!("#galat-yakin-{nip}")).await;
    assert!(next_to.contains("centang untuk mengonfirmasi"), "{next_to}");
    assert_eq!(value(&browser, &select).await, to.number().to_string());
    assert_eq!(value(&browser, &reason).await, why);

    // Confirmed, with a reason too short.
    browser.click(&confirm).await;
    browser.fill(&reason, "salah input").await;
    submit(&browser, &send, &post).await;
    let next_to = browser.text(&format!("#galat-alasan-{nip}")).await;
    assert!(next_to.contains("paling sedikit"), "{next_to}");
    assert_eq!(value(&browser, &select).await, to.number().to_string());
    assert_eq!(value(&browser, &reason).await, "salah input");
    assert_eq!(value(&browser, &confirm).await, "true");
    browser.screenshot("kalibrasi-ditolak.png").await;
    // (A refused form answers 422, which the browser logs as a failed
    // load: the pages are not checked with `clean` until it is saved.)

    browser.fill(&reason, why).await;
    submit(&browser, &send, &page).await;
    assert_eq!(browser.text(".pesan.sukses").await, "Kalibrasi disimpan.");
    // The row starts again at the box it now has.
    assert_eq!(value(&browser, &select).await, to.number().to_string());
    assert_eq!(value(&browser, &reason).await, "");
    browser.close().await;
}

/// An OPD admin drafts a colleague's development plan in the browser,
/// changes an activity and saves it; the plan shows with its progress.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idp_is_drafted_and_saved_in_the_browser() {
    let Some((browser, app)) = browser_over_a_city().await else {
        return;
    };
    let jabatan = crate::app::key_position(&app).await;
    let nip = app.people.colleague.nip.clone();
    let plans = format!("/pegawai/{nip}/idp");
    sign_in(&browser, &app, Who::AdminOpd, &format!("/pegawai/{nip}")).await;
    arrive(&browser, &format!("/pegawai/{nip}")).await;
    browser.click("#ke-idp").await;
    arrive(&browser, &plans).await;
    clean(&browser, "the plans page").await;

    browser.fill("#jabatan", &jabatan).await;
    browser.click("#pilih-jabatan button").await;
    arrive(&browser, &format!("{plans}/ubah")).await;
    clean(&browser, "the draft").await;
    let activity = "Penugasan memimpin tim percepatan imunisasi";
    browser.fill("#kegiatan-0", activity).await;
    browser.click("#status-0 option[value='berjalan']").await;
    browser.fill("#catatan-0", "Dipantau kepala dinas").await;
    browser.screenshot("idp.png").await;
    browser.click("#simpan-idp").await;
    arrive(&browser, &plans).await;
    assert_eq!(
        browser.text(".pesan.sukses").await,
        "Rencana pengembangan disimpan."
    );
    let plan = browser.text(".idp").await;
    assert!(plan.contains(activity), "{plan}");
    assert!(plan.contains("Berjalan"), "{plan}");
    clean(&browser, "the saved plan").await;
    browser.close().await;
}

/// The page's origin as the browser sees it.
async fn current_origin(browser: &Browser) -> String {
    let url = browser.client().current_url().await.unwrap();
    url.origin().ascii_serialization()
}

/// Waits until the page's heading is `heading`. Read by a script, which
/// holds no element that the page loading meanwhile could make stale.
async fn heading(browser: &Browser, heading: &str) {
    let start = std::time::Instant::now();
    loop {
        let shown = browser
            .client()
            .execute(
                "return document.querySelector('h1')?.textContent ?? ''",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        if shown == heading {
            return;
        }
        assert!(
            start.elapsed() < WAIT,
            "the page shows {shown:?}, expected {heading:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// A `lanjut` that a URL parser resolves to another origin (a tab or line
/// break is dropped, so `/\t/host` is `//host`) is refused with a 400
/// page, from a link and from a tampered form alike, and the browser stays
/// on this site, signed out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_after_login_never_leaves_the_site_in_a_browser() {
    let Some((browser, app)) = browser_over_a_city().await else {
        return;
    };
    let person = app.people.of(Who::Pegawai);
    for lanjut in ["/\t/evil.example", "//evil.example", "/\\evil.example"] {
        let encoded: String = form_urlencoded::byte_serialize(lanjut.as_bytes()).collect();
        browser
            .goto(&app.url(&format!("/masuk?lanjut={encoded}")))
            .await;
        heading(&browser, "Isian tidak sah").await;
        assert_eq!(current_origin(&browser).await, app.base, "{lanjut:?}");
        browser.js_errors().await; // the 400 itself

        browser.goto(&app.url("/masuk")).await;
        browser
            .client()
            .execute(
                // A Rust string literal of these is a JavaScript one too.
                &format!("document.querySelector('input[name=lanjut]').value = {lanjut:?}"),
                vec![],
            )
            .await
            .unwrap();
        browser.fill("#nip", &person.nip).await;
        browser.fill("#sandi", PASSWORD).await;
        browser.click("button[type=submit]").await;
        heading(&browser, "Isian tidak sah").await;
        assert_eq!(current_origin(&browser).await, app.base, "{lanjut:?}");
        browser.js_errors().await;

        // Not signed in: home is the login page.
        browser.goto(&app.url("/")).await;
        arrive(&browser, "/masuk").await;
    }
    // A path on this site is followed.
    let own = format!("/pegawai/{}", person.nip);
    sign_in(&browser, &app, Who::Pegawai, &own).await;
    arrive(&browser, &own).await;
    assert_eq!(current_origin(&browser).await, app.base);
    clean(&browser, "after a sign-in to a path of this site").await;
    browser.close().await;
}
