//! Hostile text in the data: an employee named [`XSS_NAME`] (a script
//! element and an attribute breakout) is shown, escaped, on every page that
//! shows names.

use crate::app::{TestApp, Who, XSS_NAME};
use crate::on_both_engines;

on_both_engines!(a_hostile_name_is_escaped_on_every_page_that_shows_names);

/// Every page that shows the hostile employee's name, and who looks at it.
/// A page that lists or shows people gets a line here.
fn pages(app: &TestApp) -> Vec<(Who, String)> {
    let xss = &app.people.xss.nip;
    vec![
        // Their own profile: the name in the heading and the header bar.
        (Who::Xss, format!("/pegawai/{xss}")),
        // Any page of theirs shows their name in the header bar.
        (Who::Xss, "/akun/sandi".to_owned()),
        (Who::AdminOpd, format!("/pegawai/{xss}")),
        (Who::AdminBkpsdm, format!("/pegawai/{xss}")),
        (Who::Pimpinan, format!("/pegawai/{xss}")),
        // The lists, found by NIP.
        (Who::AdminOpd, format!("/pegawai?q={xss}")),
        (Who::AdminBkpsdm, format!("/pegawai?q={xss}")),
        (Who::AdminOpd, format!("/peta?q={xss}")),
        (Who::TimPenilai, format!("/peta?q={xss}")),
    ]
}

/// The raw pieces that would run or break out of an attribute.
const RAW: [&str; 4] = [
    "<script>alert",
    "<img src=x",
    "\"><img",
    "onerror=alert(1)>",
];

pub fn assert_escaped(engine: &str, what: &str, body: &str) {
    for raw in RAW {
        assert!(
            !body.contains(raw),
            "[{engine}] {what}: unescaped {raw:?} in\n{body}"
        );
    }
    assert!(
        body.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "[{engine}] {what}: the name is not shown, escaped:\n{body}"
    );
}

async fn a_hostile_name_is_escaped_on_every_page_that_shows_names(app: TestApp) {
    assert!(XSS_NAME.contains("<script>"));
    for (who, path) in pages(&app) {
        let client = app.signed_in(who).await;
        let page = client.get(&path).await;
        assert_eq!(page.status, 200, "[{}] {who:?} GET {path}", app.engine);
        assert_escaped(app.engine, &format!("{who:?} {path}"), &page.body);
    }
}
