//! # talenta-web
//!
//! The web application: an axum router over [`talenta_app`] use cases and
//! [`talenta_views`] pages. Only this crate knows HTTP.
//!
//! Every request passes, in order: security headers ([`security`]), the
//! session ([`session`]: who is signed in, with idle and absolute
//! timeouts), and the CSRF check ([`csrf`]: same origin and a per-session
//! token on every unsafe method). A handler of a signed-in page takes the
//! request's [`caller::Caller`], which gives the use cases' context,
//! resolved once, and asks the domain's one access policy
//! ([`talenta_domain::access::authorize`]); it answers 404 for
//! anything out of scope ([`error::WebError::NotFound`]). A write the
//! database cannot take now (an import holds it) answers 503 with the
//! expected wait ([`busy`]).

mod assets;
pub mod auth;
mod busy;
mod cache;
pub mod caller;
pub mod csrf;
pub mod demo;
pub mod error;
mod extract;
mod format;
mod pages;
pub mod password;
pub mod security;
pub mod session;
pub mod throttle;
mod xlsx;

use std::sync::Arc;

use axum::Router;
use talenta_app::Db;
use talenta_domain::RuleSet;
use time::OffsetDateTime;

/// Where the time comes from: the real clock in the binary, a settable one
/// in tests (session expiry, lockout).
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> OffsetDateTime;
}

/// How the server presents itself.
#[derive(Debug, Clone)]
pub struct Config {
    /// The origin browsers reach the server at (`http://127.0.0.1:8080`),
    /// which unsafe requests must come from, and the base of printed links.
    pub public_url: String,
    /// Demo mode: the login page lists nothing, but the server allows the
    /// generated demo accounts. Never set by `talenta serve`.
    pub demo: bool,
    /// The largest document an employee may upload, in bytes: an
    /// operational cap of this server, not a rule (the rule set's
    /// fingerprint does not change with it).
    pub upload_max_bytes: u32,
    /// Upload caps of this server, like `upload_max_bytes` operational, not
    /// rules: documents one employee may have waiting for verification,
    /// documents one unit (OPD) may have waiting, and uploads one employee
    /// may make in a minute.
    pub upload_pending_per_person: u32,
    pub upload_pending_per_unit: u32,
    pub uploads_per_minute: u32,
    /// The TLS proxy in front of the server, if any: only from this peer
    /// is `X-Forwarded-For` believed, for the client address that failed
    /// sign-ins are counted by ([`throttle`]).
    pub trusted_proxy: Option<std::net::IpAddr>,
}

impl Default for Config {
    /// `http://127.0.0.1:8080`, not in demo mode, uploads up to 5 MiB, 20
    /// waiting per employee, 2,000 per unit, 10 a minute per employee, no
    /// proxy.
    fn default() -> Config {
        Config {
            public_url: "http://127.0.0.1:8080".into(),
            demo: false,
            upload_max_bytes: 5 * 1024 * 1024,
            upload_pending_per_person: 20,
            upload_pending_per_unit: 2000,
            uploads_per_minute: 10,
            trusted_proxy: None,
        }
    }
}

impl Config {
    /// Cookies get `Secure` (and the `__Host-` prefix) when the server is
    /// reached over HTTPS.
    pub fn secure(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The public URL's origin (scheme, host and port), as browsers send it
    /// in `Origin`.
    pub fn origin(&self) -> &str {
        let url = self.public_url.as_str();
        let after_scheme = url.find("://").map_or(0, |i| i + 3);
        match url.get(after_scheme..).and_then(|rest| rest.find('/')) {
            Some(slash) => url.get(..after_scheme + slash).unwrap_or(url),
            None => url,
        }
    }

    /// Whether a browser's `Origin` is this server: the public origin, or,
    /// when that is this machine's loopback address (`talenta demo`,
    /// `talenta serve` without a proxy), the same scheme and port under
    /// another name of this machine (`http://localhost:8080` for
    /// `http://127.0.0.1:8080`).
    pub fn is_own_origin(&self, origin: &str) -> bool {
        const LOOPBACK: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];
        let split = |origin: &str| -> Option<(String, String)> {
            let (scheme, rest) = origin.split_once("://")?;
            let (host, port) = match rest.rsplit_once(':') {
                Some((host, port)) if !port.contains(']') => (host, port),
                _ => (rest, ""),
            };
            LOOPBACK
                .contains(&host.to_ascii_lowercase().as_str())
                .then(|| (scheme.to_owned(), port.to_owned()))
        };
        origin == self.origin()
            || matches!((split(self.origin()), split(origin)), (Some(ours), Some(theirs)) if ours == theirs)
    }
}

/// What every handler shares.
#[derive(Debug, Clone)]
pub struct AppState(Arc<Inner>);

#[derive(Debug)]
pub struct Inner {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub config: Config,
    pub rules: RuleSet,
    dashboards: cache::DashboardCache,
    successions: cache::SuccessionCache,
    retentions: cache::RetentionCache,
    evaluations: cache::EvaluationCache,
}

impl AppState {
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: Config, rules: RuleSet) -> AppState {
        AppState(Arc::new(Inner {
            db,
            clock,
            config,
            rules,
            dashboards: cache::DashboardCache::new(cache::TTL),
            successions: cache::SuccessionCache::new(cache::SUCCESSION_TTL),
            retentions: cache::RetentionCache::new(cache::SUCCESSION_TTL),
            evaluations: cache::EvaluationCache::new(cache::SUCCESSION_TTL),
        }))
    }

    pub fn db(&self) -> &Db {
        &self.0.db
    }

    pub fn now(&self) -> OffsetDateTime {
        self.0.clock.now()
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn rules(&self) -> &RuleSet {
        &self.0.rules
    }

    pub(crate) fn dashboards(&self) -> &cache::DashboardCache {
        &self.0.dashboards
    }

    pub(crate) fn successions(&self) -> &cache::SuccessionCache {
        &self.0.successions
    }

    pub(crate) fn retentions(&self) -> &cache::RetentionCache {
        &self.0.retentions
    }

    pub(crate) fn evaluations(&self) -> &cache::EvaluationCache {
        &self.0.evaluations
    }
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let layered = axum::middleware::from_fn_with_state(state.clone(), csrf::check);
    let sessions = axum::middleware::from_fn_with_state(state.clone(), session::resolve);
    let invalidate =
        axum::middleware::from_fn_with_state(state.clone(), cache::invalidate_on_write);
    let busy = axum::middleware::from_fn_with_state(state.clone(), busy::explain);
    let menu = axum::middleware::from_fn_with_state(state.clone(), error::with_menu);
    pages::routes()
        .merge(assets::routes())
        // An unknown path or a wrong method gets the same page as an id out
        // of scope (with the headers and `lang`), not axum's empty answer.
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .layer(invalidate)
        .layer(layered)
        .layer(menu)
        .layer(sessions)
        .layer(busy)
        .layer(axum::middleware::map_response_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(axum::middleware::from_fn(error::log_failures))
        .with_state(state)
}

async fn not_found() -> error::WebError {
    error::WebError::NotFound
}

/// Serves the application on `listener` until the process ends, telling
/// handlers each request's TCP peer ([`throttle::ClientAddress`]).
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loopback_server_is_its_own_origin_under_any_loopback_name() {
        let demo = Config {
            public_url: "http://127.0.0.1:8080".into(),
            demo: true,
            ..Config::default()
        };
        for origin in [
            "http://127.0.0.1:8080",
            "http://localhost:8080",
            "http://LocalHost:8080",
            "http://[::1]:8080",
        ] {
            assert!(demo.is_own_origin(origin), "{origin}");
        }
        for origin in [
            "http://localhost:8081",
            "https://localhost:8080",
            "http://localhost",
            "http://localhost.evil.example:8080",
            "http://evil.example:8080",
            "null",
        ] {
            assert!(!demo.is_own_origin(origin), "{origin}");
        }
        let public = Config {
            public_url: "https://talenta.example.go.id/".into(),
            ..Config::default()
        };
        assert!(public.is_own_origin("https://talenta.example.go.id"));
        assert!(!public.is_own_origin("https://localhost"));
        assert!(!public.is_own_origin("http://talenta.example.go.id"));
    }
}
