//! Issue 24: every page a role may open has a way in, and no link leads a
//! role where it may not go. Each demo role signs in and follows the
//! links of the menu, of the buttons under each page's heading and of
//! the dashboards' buttons, page after page: each must answer 200.

use std::collections::{BTreeSet, VecDeque};

use crate::app::{TestApp, Who};

/// The paths the links of `body` lead to: the menu's, the buttons'.
fn links(body: &str) -> Vec<String> {
    let menu = body
        .split_once("<nav aria-label=\"Menu utama\">")
        .and_then(|(_, rest)| rest.split_once("</nav>"))
        .map_or("", |(menu, _)| menu);
    let buttons = body
        .match_indices("<a class=\"tombol")
        .map(|(at, _)| &body[at..])
        .map(|a| a.split_once('>').map_or(a, |(open, _)| open));
    std::iter::once(menu)
        .chain(buttons)
        .flat_map(|html| html.split("href=\"").skip(1))
        .filter_map(|rest| rest.split_once('"').map(|(href, _)| href))
        .filter(|href| href.starts_with('/'))
        .map(|href| href.replace("&#38;", "&").replace("&amp;", "&"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_link_a_role_is_shown_opens() {
    let app = TestApp::sqlite().await;
    // Two mapped periods, so the cycle page links their movement.
    app.map_previous().await;
    for who in Who::ROLES {
        let client = app.signed_in(who).await;
        let mut seen = BTreeSet::from(["/akun/sandi".to_owned()]);
        let mut queue = VecDeque::from(["/akun/sandi".to_owned()]);
        while let Some(path) = queue.pop_front() {
            let mut page = client.get(&path).await;
            // An OPD admin's dashboard is their unit's.
            if page.status == 303 {
                let next = page.location().to_owned();
                page = client.get(&next).await;
            }
            assert_eq!(page.status, 200, "{who:?} follows a link to {path}");
            for link in links(&page.body) {
                if seen.insert(link.clone()) {
                    queue.push_back(link);
                }
            }
        }
        assert!(seen.len() > 1, "{who:?} has no menu");
        // What each role reaches, beyond its menu: the pages of the
        // cycle, for whoever may open them.
        let reached = |prefix: &str| seen.iter().any(|p| p.starts_with(prefix));
        if matches!(who, Who::AdminBkpsdm | Who::TimPenilai | Who::Pimpinan) {
            for page in ["/talenta/perpindahan", "/jabatan"] {
                assert!(reached(page), "{who:?} has no way to {page}: {seen:?}");
            }
            for page in ["/kelompok", "/retensi"] {
                assert!(
                    seen.iter().any(|p| p.ends_with(page)),
                    "{who:?} has no way to {page}: {seen:?}"
                );
            }
        }
        if who == Who::AdminOpd {
            assert!(reached("/talenta/perpindahan?opd="), "{seen:?}");
        }
        if who == Who::Pengawas {
            assert!(reached("/talenta/perpindahan"), "{seen:?}");
        }
    }
}

/// The movement matrix without periods compares the two latest mapped
/// ones; a period without a map is not found, not a matrix of zeros.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_movement_matrix_defaults_to_the_latest_periods() {
    let app = TestApp::sqlite().await;
    let (before, now) = app.map_previous().await;
    let client = app.signed_in(Who::AdminBkpsdm).await;
    let page = client.get("/talenta/perpindahan").await;
    page.assert_shows(
        200,
        &format!("Perpindahan kotak {before} → {now}"),
        "no periods",
    );
    assert!(
        page.body
            .contains(&format!("<option value=\"{before}\" selected>"))
    );
    let only_to = client
        .get(&format!("/talenta/perpindahan?ke={before}"))
        .await;
    only_to.assert_shows(
        200,
        &format!("Perpindahan kotak {before} → {before}"),
        "only ke",
    );
    for query in [
        format!("dari=2019-S1&ke={now}"),
        format!("dari={before}&ke=2030-S2"),
        "dari=kemarin".to_owned(),
    ] {
        let page = client.get(&format!("/talenta/perpindahan?{query}")).await;
        page.assert_shows(404, "Tidak ditemukan", &query);
    }
}

/// Issue 24: an error answered to a signed-in user is a page in Bahasa
/// Indonesia with their menu, so they can go on from it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_page_keeps_the_menu() {
    let app = TestApp::sqlite().await;
    let client = app.signed_in(Who::TimPenilai).await;
    let nip = &app.people.colleague.nip;
    let calibrate = format!("/talenta/2026-S1/kalibrasi/{nip}");
    let not_found = client.get("/tidak-ada").await;
    let invalid = client
        .submit(
            "/akun/sandi",
            &calibrate,
            &[("kotak", "10"), ("alasan", "")],
        )
        .await;
    let foreign = client.post_raw(&calibrate, &[("kotak", "1")]).await;
    for (page, status, heading) in [
        (not_found, 404, "Tidak ditemukan"),
        (invalid, 400, "Isian tidak sah"),
        (foreign, 403, "Permintaan ditolak"),
    ] {
        page.assert_shows(status, heading, status);
        assert!(page.body.contains("lang=\"id\""), "{status}");
        assert!(
            page.body.contains("<nav aria-label=\"Menu utama\">")
                && page.body.contains("href=\"/talenta\""),
            "{status}: no menu: {}",
            page.body
        );
    }
    // A visitor's error page has no menu.
    let visitor = app.client();
    let page = visitor.get("/tidak-ada").await;
    page.assert_shows(404, "Tidak ditemukan", "visitor");
    assert!(!page.body.contains("Menu utama"));
}
