//! Login by NIP and password, logout, and the landing page.
//!
//! Failed logins slow the account and the client address ([`throttle`]).
//! An unknown NIP, a wrong password and an attempt that must wait get the
//! same page, status and argon2 work, so the answer does not tell who has
//! an account. A successful login always starts a new session (the token
//! the browser came with, if any, is ended: no session fixation).

use axum::Router;
use axum::extract::State;
use axum::http::uri::PathAndQuery;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use talenta_app::accounts::accounts_by_nip;
use talenta_app::sign_in;
use talenta_domain::access::View;
use talenta_domain::{InstansiId, Nip};
use talenta_views::pages::Masuk;

use crate::AppState;
use crate::auth::{Secret, random_token, token_hash, verify_password};
use crate::error::{WebError, render};
use crate::extract::{Form, Query};
use crate::session::{
    CsrfToken, SignedIn, password_stamp, presented_token_hash, session_clear_cookie,
    session_set_cookie,
};
use crate::throttle::{self, ClientAddress};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/masuk", get(form).post(login))
        .route("/keluar", post(logout))
}

/// The landing page of each role.
async fn home(user: Option<SignedIn>) -> Redirect {
    match user {
        None => Redirect::to("/masuk"),
        Some(user) if user.sees(View::DashboardHome) => Redirect::to("/dasbor"),
        Some(user) => Redirect::to(&format!("/pegawai/{}", user.actor.nip.as_str())),
    }
}

#[derive(Debug, Deserialize)]
struct Next {
    lanjut: Option<String>,
}

/// Where to go after login: home when `lanjut` is absent or blank, else
/// `lanjut` when it is a path on this site; anything else is refused (400),
/// never followed.
fn next_path(lanjut: Option<&str>) -> Result<String, WebError> {
    match lanjut {
        None | Some("") => Ok("/".to_owned()),
        Some(path) if same_origin_path(path) => Ok(path.to_owned()),
        Some(_) => Err(WebError::Invalid("lanjut".into())),
    }
}

/// Whether `path` stays on this site whatever a browser does with it: one
/// `/` not followed by `/` or `\` (`//host` and `/\host` are another host),
/// no backslash, control character or white space anywhere (browsers drop
/// tabs and line breaks, so `/\t/host` is `//host`), and a valid path and
/// query.
fn same_origin_path(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !path
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace())
        && path.parse::<PathAndQuery>().is_ok()
}

async fn form(
    user: Option<SignedIn>,
    csrf: CsrfToken,
    Query(next): Query<Next>,
) -> Result<Response, WebError> {
    if user.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    render(&Masuk {
        chrome: super::anonymous(&csrf),
        error: None,
        next: next_path(next.lanjut.as_deref())?,
        nip: String::new(),
    })
}

#[derive(Debug, Deserialize)]
struct Login {
    nip: String,
    sandi: Secret,
    lanjut: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    csrf: CsrfToken,
    headers: HeaderMap,
    address: ClientAddress,
    Form(input): Form<Login>,
) -> Result<Response, WebError> {
    let next = next_path(input.lanjut.as_deref())?;
    let nip = input.nip.trim().to_owned();
    let refuse = |message: &str| {
        render(&Masuk {
            chrome: super::anonymous(&csrf),
            error: Some(message.to_owned()),
            next: next.clone(),
            nip: nip.clone(),
        })
        .map(|page| (axum::http::StatusCode::UNAUTHORIZED, page).into_response())
    };
    const WRONG: &str = "NIP atau kata sandi salah.";
    let db = state.db();
    let now = state.now().unix_timestamp();
    // A login that is not a NIP has no account, as an unknown NIP has none.
    let mut accounts = match Nip::parse(&nip) {
        Ok(parsed) => accounts_by_nip(db, &parsed).await?,
        Err(_) => Vec::new(),
    };
    // A NIP with accounts in two instansi cannot say which to enter.
    let account = if accounts.len() == 1 {
        accounts.pop()
    } else {
        None
    };
    let known = account.as_ref().map(|a| throttle::Account {
        instansi: InstansiId(a.instansi),
        nip: &a.nip,
    });
    // An attempt that must wait does the work of a check against no
    // account, so it takes as long as any other answer, and does not count.
    let waits = throttle::must_wait(&state, known, &address).await?;
    let hash = account
        .as_ref()
        .filter(|_| !waits)
        .map(|a| a.password_hash.clone());
    if !verify_password(input.sandi.0, hash).await {
        if !waits {
            throttle::failed(&state, known, &address).await?;
        }
        return refuse(WRONG);
    }
    let Some(account) = account else {
        return refuse(WRONG);
    };
    let token = random_token()?;
    let old = presented_token_hash(&state, &headers).map(|(_, hash)| hash);
    let signed = sign_in::SignedIn {
        instansi: InstansiId(account.instansi),
        nip: account.nip,
        old_token_hash: old.as_deref(),
        token_hash: &token_hash(&token),
        csrf: &random_token()?,
        sandi: &password_stamp(&account.password_hash),
    };
    sign_in::succeeded(db, &signed, now).await?;
    let mut response = Redirect::to(&next).into_response();
    if let Some(cookie) = session_set_cookie(&state, account.instansi, &token) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

async fn logout(
    State(state): State<AppState>,
    user: Option<SignedIn>,
) -> Result<Response, WebError> {
    if let Some(user) = user {
        sign_in::end(state.db(), user.actor.instansi, &user.token_hash).await?;
    }
    let mut response = Redirect::to("/masuk").into_response();
    if let Some(cookie) = session_clear_cookie(&state) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_a_path_on_this_site_is_followed() {
        for path in [
            "/",
            "/pegawai/198503152010012003",
            "/daftar?q=siti&hal=2",
            "/a/b//c",
            "/%2F/evil.example",
            "/%09/evil.example",
        ] {
            assert_eq!(next_path(Some(path)).unwrap(), path);
        }
        assert_eq!(next_path(None).unwrap(), "/");
        assert_eq!(next_path(Some("")).unwrap(), "/");
        for path in [
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r//evil.example",
            "\t//evil.example",
            "/ /evil.example",
            "/a\\b",
            "/a\u{0}b",
            "/a\u{7f}b",
            "/a\u{85}b",
            "/a\u{3000}b",
            "https://evil.example/",
            "evil.example",
            "javascript:alert(1)",
            ".//evil.example",
            " /x",
        ] {
            assert!(
                matches!(next_path(Some(path)), Err(WebError::Invalid(f)) if f == "lanjut"),
                "{path:?}"
            );
        }
    }
}
