//! A headless Chromium driven through chromedriver, for end-to-end tests.
//!
//! [`Browser::start`] finds `/usr/bin/chromium` and `/usr/bin/chromedriver`
//! (or `TALENTA_CHROMIUM` / `TALENTA_CHROMEDRIVER`). When either is missing
//! it prints a loud "skipped" message and returns `None`, so a laptop without
//! Chromium still runs the rest of the suite; `TALENTA_REQUIRE_BROWSER=1`
//! (CI) turns that into a failure.
//!
//! ```no_run
//! # async fn example() {
//! use talenta_testkit::browser::Browser;
//!
//! let Some(browser) = Browser::start().await else { return };
//! browser.goto("http://127.0.0.1:8080/login").await;
//! browser.fill("#nip", "198501012010011001").await;
//! browser.click("button[type=submit]").await;
//! assert_eq!(browser.text("h1").await, "Beranda");
//! assert_eq!(browser.js_errors().await, []);
//! browser.close().await;
//! # }
//! ```
//!
//! Every helper panics with the selector and the WebDriver error when it
//! fails, after saving a screenshot of the page to
//! `target/e2e/failure-<test name>.png`.

use std::fmt::Display;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tokio::process::{Child, Command};

use crate::{TempDir, unique};

/// How long helpers wait for an element to appear: long enough for an htmx
/// swap or a page load on a busy CI machine, short enough to fail usefully.
pub const WAIT: Duration = Duration::from_secs(10);

/// How long chromedriver may take to listen on its port.
const DRIVER_START: Duration = Duration::from_secs(20);

/// A Chromium session of its own: own chromedriver process, own profile.
///
/// Dropping it ends the session and the browser; [`Browser::close`] does the
/// same without blocking the runtime.
#[derive(Debug)]
pub struct Browser {
    /// `None` once [`Browser::close`] has ended the session.
    client: Option<Client>,
    session_id: String,
    port: u16,
    driver: Child,
    /// The `--user-data-dir`, removed after the browser has quit.
    _profile: TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium (1280×900).
    ///
    /// `None`, after a loud message, when Chromium or chromedriver is not
    /// installed and `TALENTA_REQUIRE_BROWSER` is not `1`; panics when it is,
    /// or when they are installed but do not start.
    pub async fn start() -> Option<Browser> {
        let chromium = installed("TALENTA_CHROMIUM", "/usr/bin/chromium", "chromium")?;
        let chromedriver = installed(
            "TALENTA_CHROMEDRIVER",
            "/usr/bin/chromedriver",
            "chromedriver",
        )?;

        let port = free_port();
        let mut driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            // Only its start banner goes to stdout; errors go to stderr,
            // which the test runner shows when a test fails.
            .stdout(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", chromedriver.display()));
        wait_for_port(&mut driver, port).await;

        let profile = TempDir::new("talenta_chromium");
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities(&chromium, profile.path()))
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| panic!("starting {} via chromedriver: {e}", chromium.display()));
        let session_id = client
            .session_id()
            .await
            .ok()
            .flatten()
            .expect("a new WebDriver session has an id");
        Some(Browser {
            client: Some(client),
            session_id,
            port,
            driver,
            _profile: profile,
        })
    }

    /// The underlying fantoccini client, for what the helpers do not cover
    /// (`find_all`, `execute`, `current_url`, cookies, ...).
    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("the client lives until close() consumes the browser")
    }

    /// Navigates to `url` and waits for the page to load.
    pub async fn goto(&self, url: &str) {
        let result = self.client().goto(url).await;
        self.check(format_args!("goto {url}"), result).await;
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        let result = self
            .client()
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await;
        self.check(format_args!("waiting up to {WAIT:?} for {css}"), result)
            .await
    }

    /// Replaces the value of the input or textarea matching `css` with `text`,
    /// typed as a user would (input events fire).
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        let result = async {
            field.clear().await?;
            field.send_keys(text).await
        }
        .await;
        self.check(format_args!("filling {css}"), result).await;
    }

    /// Clicks the element matching `css`; when that navigates, waits for the
    /// new page.
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        let result = element.click().await;
        self.check(format_args!("clicking {css}"), result).await;
    }

    /// The rendered text of the element matching `css` (as a user sees it:
    /// hidden parts left out, whitespace collapsed).
    pub async fn text(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        let result = element.text().await;
        self.check(format_args!("reading the text of {css}"), result)
            .await
    }

    /// Chooses `file` in the `<input type="file">` matching `css`. The input
    /// may be hidden, as styled upload buttons often hide it.
    pub async fn upload(&self, css: &str, file: &Path) {
        let file = std::fs::canonicalize(file)
            .unwrap_or_else(|e| panic!("upload of {}: {e}", file.display()));
        let input = self.wait_for(css).await;
        // WebDriver takes a file input's value as typed text: the path.
        let result = input.send_keys(&file.to_string_lossy()).await;
        self.check(format_args!("choosing {} in {css}", file.display()), result)
            .await;
    }

    /// Resizes the window, e.g. to 390×844 to check the phone layout. In
    /// headless Chromium the viewport gets exactly this size.
    pub async fn set_window_size(&self, width: u32, height: u32) {
        let result = self.client().set_window_size(width, height).await;
        self.check(
            format_args!("resizing the window to {width}x{height}"),
            result,
        )
        .await;
    }

    /// Saves a PNG of the viewport as `target/e2e/<file_name>` and returns
    /// its path.
    pub async fn screenshot(&self, file_name: &str) -> PathBuf {
        let result = self.client().screenshot().await;
        let png = self
            .check(format_args!("taking screenshot {file_name}"), result)
            .await;
        let path = artifact_dir().join(file_name);
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        path
    }

    /// The errors the page reported since the session started or since the
    /// previous call (chromedriver hands each log entry out once): uncaught
    /// exceptions, `console.error`, Content-Security-Policy violations and
    /// failed loads (a 404 favicon too).
    ///
    /// Read from the browser log rather than a `window.onerror` hook, which
    /// would need an inline script the application's CSP forbids.
    pub async fn js_errors(&self) -> Vec<PageError> {
        let result = self.client().issue_cmd(BrowserLog).await;
        let log = self.check("reading the browser log", result).await;
        let Value::Array(entries) = log else {
            panic!("the browser log is not a list: {log}");
        };
        let text = |value: &Value| match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        entries
            .iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| PageError {
                source: text(&entry["source"]),
                message: text(&entry["message"]),
            })
            .collect()
    }

    /// Ends the session and the browser, then chromedriver. Dropping the
    /// browser does the same, but blocks the thread while Chromium quits.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take()
            && let Err(e) = client.close().await
        {
            eprintln!("closing the browser session: {e}");
        }
        if let Err(e) = self.driver.kill().await {
            eprintln!("stopping chromedriver: {e}");
        }
    }

    /// The value of `result`, or a panic naming `what` after a screenshot of
    /// the page that shows why.
    async fn check<T>(&self, what: impl Display, result: Result<T, CmdError>) -> T {
        match result {
            Ok(value) => value,
            Err(e) => {
                let shot = match self.client().screenshot().await {
                    Ok(png) => {
                        let path = artifact_dir().join(failure_name());
                        match std::fs::write(&path, png) {
                            Ok(()) => format!(" (screenshot: {})", path.display()),
                            Err(_) => String::new(),
                        }
                    }
                    Err(_) => String::new(),
                };
                panic!("browser: {what}: {e}{shot}")
            }
        }
    }
}

impl Drop for Browser {
    /// Ends the WebDriver session by hand. Chromium outlives a killed
    /// chromedriver, and fantoccini's own shutdown runs as a task that dies
    /// with the test's runtime, so neither can be relied on here.
    fn drop(&mut self) {
        if self.client.is_some() {
            end_session_blocking(self.port, &self.session_id);
        }
        // `driver` is killed (kill_on_drop) and the profile removed as the
        // fields drop.
    }
}

/// One error a page reported, from Chromium's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    /// What reported it: `javascript` (an uncaught exception), `console-api`
    /// (`console.error`), `security` (a CSP violation), `network` (a failed
    /// load, including an expected 403 or 422 answer to a fetch or htmx
    /// request, which a test may filter out).
    pub source: String,
    /// Chromium's text, starting with the URL and line:column.
    pub message: String,
}

impl Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

/// `target/e2e/` of the workspace (under `CARGO_TARGET_DIR` when set),
/// created if missing: where screenshots go, so CI can keep them.
pub fn artifact_dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| workspace.join(dir))
        .unwrap_or_else(|| workspace.join("target"));
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    dir
}

/// The program at `var` or else `default`, or `None` (with a loud message)
/// when it does not exist and the browser is not required.
fn installed(var: &str, default: &str, name: &str) -> Option<PathBuf> {
    let path = std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from);
    if path.is_file() {
        return Some(path);
    }
    let required = std::env::var("TALENTA_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let message = format!(
        "{name} not found at {} (set {var}, or apt-get install chromium chromium-driver)",
        path.display()
    );
    if required {
        panic!("TALENTA_REQUIRE_BROWSER=1 but {message}");
    }
    eprintln!("SKIPPED: browser test: {message}");
    None
}

/// The headless settings of stack.md §4.4: `--no-sandbox` because tests run
/// as root, the background-networking flags because otherwise Chromium keeps
/// calling home on a machine without network, and a profile of its own so
/// parallel tests do not fight over a profile lock.
fn capabilities(chromium: &Path, profile: &Path) -> Capabilities {
    let mut capabilities = Capabilities::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": chromium,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,900",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    // Console messages, uncaught errors and CSP violations, for js_errors().
    capabilities.insert("goog:loggingPrefs".to_owned(), json!({ "browser": "ALL" }));
    capabilities
}

/// A port nobody listens on right now. Another process could take it before
/// chromedriver does; the port wait then fails loudly rather than hanging.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("binding a free loopback port")
        .port()
}

async fn wait_for_port(driver: &mut Child, port: u16) {
    let start = Instant::now();
    loop {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return;
        }
        if let Ok(Some(status)) = driver.try_wait() {
            panic!("chromedriver exited before listening on port {port}: {status}");
        }
        if start.elapsed() > DRIVER_START {
            panic!("chromedriver did not listen on port {port} within {DRIVER_START:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// `DELETE /session/{id}` in plain blocking HTTP, for `Drop`, which cannot
/// await. Chromedriver answers once the browser has quit; it keeps the
/// connection open even when asked to close it, so the end of the response
/// headers is where to stop reading.
fn end_session_blocking(port: u16, session_id: &str) {
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(WAIT));
    let request = format!(
        "DELETE /session/{session_id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return;
    }
    let mut response: Vec<u8> = Vec::new();
    let mut buf = [0u8; 512];
    while !response.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => response.extend(buf.iter().take(n)),
        }
    }
}

/// `failure-<test name>.png`: libtest names each test's thread after the test.
fn failure_name() -> String {
    let test = std::thread::current()
        .name()
        .filter(|name| *name != "main")
        .map_or_else(|| unique("test"), str::to_owned);
    let safe: String = test
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("failure-{safe}.png")
}

/// Chromedriver's log endpoint (not in W3C WebDriver, so fantoccini has no
/// command for it): returns and clears the entries collected under
/// `goog:loggingPrefs`.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        // Commands are only issued within a session; an empty id would make
        // chromedriver answer "invalid session id", which surfaces as a
        // CmdError.
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}
