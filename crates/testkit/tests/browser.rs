//! The browser harness against real Chromium: pages come from a small HTTP
//! server in the test, under the same kind of strict CSP the application
//! sends (scripts from the page's own origin only, no inline scripts).

// Test code (the server helper too): a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use talenta_testkit::TempDir;
use talenta_testkit::browser::Browser;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const CSP: &str = "default-src 'self'";

const FORM_PAGE: &str = r#"<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Uji</title>
<script src="/app.js" defer></script></head>
<body>
<input id="name"><button id="greet" type="button">Sapa</button>
<p id="out"></p>
<input id="file" type="file" hidden><p id="chosen"></p>
</body></html>"#;

const APP_JS: &str = r#"
const $ = (id) => document.getElementById(id);
$('greet').addEventListener('click', () => {
  $('out').textContent = 'Halo, ' + $('name').value;
});
$('file').addEventListener('change', (event) => {
  $('chosen').textContent = event.target.files[0].name;
});
"#;

const BROKEN_PAGE: &str = r#"<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Rusak</title></head>
<body><p id="ready">rusak</p>
<script>document.title = 'the CSP let an inline script run';</script>
<script src="/error.js"></script>
<script src="/missing.js"></script>
</body></html>"#;

const ERROR_JS: &str = r#"
console.error('deliberate console error');
throw new Error('deliberate uncaught error');
"#;

/// Serves the pages above on a free loopback port; returns the base URL.
async fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let request = String::from_utf8_lossy(&request);
                let path = request.split(' ').nth(1).unwrap_or("/");
                let (status, kind, body) = match path {
                    "/" => ("200 OK", "text/html; charset=utf-8", FORM_PAGE),
                    "/app.js" => ("200 OK", "text/javascript", APP_JS),
                    "/broken" => ("200 OK", "text/html; charset=utf-8", BROKEN_PAGE),
                    "/error.js" => ("200 OK", "text/javascript", ERROR_JS),
                    // Chromium asks for it, and a 404 would be a reported error.
                    "/favicon.ico" => ("204 No Content", "image/x-icon", ""),
                    _ => ("404 Not Found", "text/plain", "tidak ditemukan"),
                };
                let response = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\n\
                     Content-Security-Policy: {CSP}\r\nContent-Length: {}\r\n\
                     Connection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
            });
        }
    });
    base
}

#[tokio::test]
async fn fills_clicks_reads_uploads_resizes_and_screenshots() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let base = serve().await;

    browser.goto(&format!("{base}/")).await;
    browser.fill("#name", "Siti Rahayu").await;
    browser.click("#greet").await;
    assert_eq!(browser.text("#out").await, "Halo, Siti Rahayu");

    // Filling replaces what was there.
    browser.fill("#name", "Budi").await;
    browser.click("#greet").await;
    assert_eq!(browser.text("#out").await, "Halo, Budi");

    let dir = TempDir::new("talenta_upload");
    let file = dir.path().join("pegawai.csv");
    std::fs::write(&file, "nip,nama\n").unwrap();
    browser.upload("#file", &file).await;
    assert_eq!(browser.text("#chosen").await, "pegawai.csv");

    browser.set_window_size(390, 844).await;
    let width = browser
        .client()
        .execute("return window.innerWidth", vec![])
        .await
        .unwrap();
    assert_eq!(width, 390, "the viewport takes the phone width");

    let shot = browser.screenshot("harness.png").await;
    assert!(shot.ends_with("e2e/harness.png"), "{}", shot.display());
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is a PNG",
        shot.display()
    );

    // A clean page under the CSP logs nothing: no false alarms.
    assert_eq!(browser.js_errors().await, []);
    browser.close().await;
}

#[tokio::test]
async fn js_errors_reports_console_errors_exceptions_and_csp_violations() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let base = serve().await;

    browser.goto(&format!("{base}/broken")).await;
    browser.wait_for("#ready").await;
    let errors = browser.js_errors().await;
    // The failed fetch of missing.js races the scripts, so compare as a set.
    let mut sources: Vec<&str> = errors.iter().map(|e| e.source.as_str()).collect();
    sources.sort_unstable();
    assert_eq!(
        sources,
        ["console-api", "javascript", "network", "security"],
        "{errors:#?}"
    );
    let reported = |needle: &str| errors.iter().any(|e| e.message.contains(needle));
    assert!(reported("Content Security Policy"), "{errors:#?}");
    assert!(reported("deliberate console error"), "{errors:#?}");
    assert!(
        reported("Uncaught Error: deliberate uncaught error"),
        "{errors:#?}"
    );
    assert!(reported("/missing.js"), "{errors:#?}");
    assert_ne!(
        browser.client().title().await.unwrap(),
        "the CSP let an inline script run"
    );

    // Each entry is handed out once.
    assert_eq!(browser.js_errors().await, []);
    // Dropped, not closed: Drop must end Chromium too.
}
