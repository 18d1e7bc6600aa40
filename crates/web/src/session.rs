//! Who is signed in. The session cookie holds `INSTANSI.TOKEN`; the
//! sign-in store (`talenta_app::sign_in`: on SQLite a file of its own, so
//! none of this waits for an import) holds the token's SHA-256 with the
//! session's CSRF token and times. A session ends after 30 minutes without
//! a request (idle) and 12 hours after login (absolute), on logout, and on
//! a password change.
//!
//! [`resolve`] runs before every handler and puts a [`SignedIn`] (when the
//! cookie names a live session) and the page's [`CsrfToken`] into the
//! request. [`SignedIn`] is an extractor, which sends anyone not signed in
//! to the login page; handlers of signed-in pages take it within a
//! [`crate::caller::Caller`].

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use talenta_app::accounts::account;
use talenta_app::{Ctx, sign_in, units};
use talenta_domain::InstansiId;
use talenta_domain::access::{Action, Actor, Role, Target, View, authorize, may_see};

use crate::AppState;
use crate::auth::{random_token, token_hash};
use crate::error::WebError;

/// Seconds without a request after which a session ends.
pub const IDLE_SECONDS: i64 = 30 * 60;
/// Seconds after login after which a session ends, active or not.
pub const ABSOLUTE_SECONDS: i64 = 12 * 60 * 60;
/// A session's last-active time is written at most this often.
const TOUCH_SECONDS: i64 = 60;

/// The cookie names: with the `__Host-` prefix over HTTPS, which pins the
/// cookie to this host and path `/` with `Secure`.
fn session_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-talenta_sesi"
    } else {
        "talenta_sesi"
    }
}

fn csrf_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-talenta_csrf"
    } else {
        "talenta_csrf"
    }
}

/// The signed-in user of a request.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub actor: Actor,
    pub nama: String,
    pub token_hash: String,
    pub csrf: String,
}

impl SignedIn {
    pub fn may(&self, action: Action, target: Target<'_>) -> bool {
        authorize(&self.actor, action, target)
    }

    /// Whether the user may see the instansi-wide pages of `action`, or
    /// (an OPD admin) those of their unit.
    pub fn may_see_any(&self, action: Action) -> bool {
        let instansi = self.actor.instansi;
        self.may(action, Target::Instansi(instansi))
            || self
                .actor
                .units
                .first()
                .is_some_and(|unit| self.may(action, Target::Unit { instansi, unit }))
    }

    /// Whether the user's role is shown `view` ([`may_see`]).
    pub fn sees(&self, view: View) -> bool {
        may_see(self.actor.role, view)
    }

    pub fn role(&self) -> Role {
        self.actor.role
    }
}

/// The CSRF token the page's forms and htmx requests must send back: the
/// session's, or for a visitor not signed in (the login form) the one in
/// their CSRF cookie.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value. The session cookie is SameSite=Lax so a link from
/// another site to a page still finds the user signed in; unsafe requests
/// are guarded by the CSRF check, not by SameSite alone.
fn set_cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> Option<HeaderValue> {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).ok()
}

/// The `Set-Cookie` that starts a session.
pub fn session_set_cookie(state: &AppState, instansi: i64, token: &str) -> Option<HeaderValue> {
    let secure = state.config().secure();
    set_cookie(
        session_cookie(secure),
        &format!("{instansi}.{token}"),
        Some(ABSOLUTE_SECONDS),
        secure,
    )
}

/// The `Set-Cookie` that removes the session cookie.
pub fn session_clear_cookie(state: &AppState) -> Option<HeaderValue> {
    let secure = state.config().secure();
    set_cookie(session_cookie(secure), "", Some(0), secure)
}

/// The session token hash of the request's cookie (live or not).
pub fn presented_token_hash(state: &AppState, headers: &HeaderMap) -> Option<(i64, String)> {
    let value = cookie(headers, session_cookie(state.config().secure()))?;
    let (instansi, token) = value.split_once('.')?;
    Some((instansi.parse().ok()?, token_hash(token)))
}

/// What a session remembers of its account's password (the SHA-256 of its
/// hash): the session ends when the password changes. Sessions live in the
/// sign-in store, apart from the accounts (on SQLite another file), so a
/// password change cannot delete them in its own transaction.
pub fn password_stamp(password_hash: &str) -> String {
    token_hash(password_hash)
}

/// Middleware: finds the live session of the request, if any, ending it
/// when it has timed out or its account's password has changed, and sets
/// the page's CSRF token.
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let signed = match signed_in(&state, request.headers()).await {
        Ok(signed) => signed,
        Err(error) => return error.into_response(),
    };
    let secure = state.config().secure();
    let mut fresh_csrf = None;
    let csrf = match &signed {
        Some(signed) => signed.csrf.clone(),
        None => match cookie(request.headers(), csrf_cookie(secure)) {
            Some(value) if value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()) => {
                value.to_owned()
            }
            _ => match random_token() {
                Ok(token) => {
                    fresh_csrf = Some(token.clone());
                    token
                }
                Err(error) => return error.into_response(),
            },
        },
    };
    request.extensions_mut().insert(CsrfToken(csrf));
    if let Some(signed) = signed {
        request.extensions_mut().insert(signed);
    }
    let mut response = next.run(request).await;
    if let Some(value) = fresh_csrf.and_then(|t| set_cookie(csrf_cookie(secure), &t, None, secure))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<Option<SignedIn>, WebError> {
    let Some((instansi, hash)) = presented_token_hash(state, headers) else {
        return Ok(None);
    };
    let db = state.db();
    let id = InstansiId(instansi);
    let Some(session) = sign_in::session(db, id, &hash).await? else {
        return Ok(None);
    };
    let now = state.now().unix_timestamp();
    let account = account(db, id, &session.nip).await?;
    let live = account
        .as_ref()
        .is_some_and(|a| password_stamp(&a.password_hash) == session.sandi);
    if !live || now - session.active > IDLE_SECONDS || now - session.created > ABSOLUTE_SECONDS {
        sign_in::end(db, id, &hash).await?;
        return Ok(None);
    }
    let Some(account) = account else {
        return Ok(None);
    };
    if now - session.active > TOUCH_SECONDS {
        sign_in::touch(db, id, &hash, now).await?;
    }
    let units = match &account.opd {
        Some(opd) if may_see(account.role, View::OwnUnit) => {
            let ctx = Ctx::new(db, id, account.nip.as_str(), state.now(), state.rules());
            units::subtree(&ctx, opd).await?
        }
        _ => Vec::new(),
    };
    Ok(Some(SignedIn {
        actor: Actor {
            instansi: id,
            nip: account.nip,
            role: account.role,
            units,
        },
        nama: account.nama,
        token_hash: hash,
        csrf: session.csrf,
    }))
}

/// Not signed in: go to the login page, and come back here afterwards.
#[derive(Debug)]
pub struct LoginRequired(String);

impl IntoResponse for LoginRequired {
    fn into_response(self) -> Response {
        let next: String = form_urlencoded::byte_serialize(self.0.as_bytes()).collect();
        Redirect::to(&format!("/masuk?lanjut={next}")).into_response()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = LoginRequired;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<SignedIn>().cloned().ok_or_else(|| {
            LoginRequired(
                parts
                    .uri
                    .path_and_query()
                    .map_or("/", |p| p.as_str())
                    .to_owned(),
            )
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CsrfToken {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<CsrfToken>()
            .cloned()
            .ok_or(WebError::Internal(
                "no CSRF token: session layer missing".into(),
            ))
    }
}

impl<S: Send + Sync> axum::extract::OptionalFromRequestParts<S> for SignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts.extensions.get::<SignedIn>().cloned())
    }
}
