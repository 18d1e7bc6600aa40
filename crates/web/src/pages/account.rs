//! Changing one's own password: it needs the current one, and ends every
//! session of the account (the current one is replaced by a new session).
//! A wrong current password counts as a failed sign-in: the fifth in a row
//! locks the account as the sign-in does and ends this session, so a
//! session left open or stolen cannot be used to guess the password. The
//! new password must pass [`crate::password::check`].

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use talenta_views::Flash;
use talenta_views::pages::Sandi;

use super::login::{LOCK_SECONDS, MAX_FAILURES};
use crate::AppState;
use crate::auth::{hash_password, random_token, token_hash, verify_password};
use crate::error::{WebError, render};
use crate::extract::Form;
use crate::password::{self, MIN_CHARS, Owner};
use crate::session::{SignedIn, password_stamp, session_clear_cookie, session_set_cookie};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/akun/sandi", get(form).post(change))
}

const HERE: &str = "/akun/sandi";

async fn form(user: SignedIn) -> Result<Response, WebError> {
    render(&Sandi {
        chrome: super::chrome(&user, HERE),
        error: None,
        min_password: MIN_CHARS,
    })
}

#[derive(Deserialize)]
struct Change {
    lama: String,
    baru: String,
}

impl std::fmt::Debug for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Change { .. }")
    }
}

async fn change(
    State(state): State<AppState>,
    user: SignedIn,
    Form(input): Form<Change>,
) -> Result<Response, WebError> {
    let refuse = |message: String| {
        render(&Sandi {
            chrome: super::chrome(&user, HERE),
            error: Some(message),
            min_password: MIN_CHARS,
        })
    };
    let db = state.db();
    let instansi = user.actor.instansi;
    let Some(account) = db.account(instansi, &user.actor.nip).await? else {
        return Err(WebError::NotFound);
    };
    let now = state.now().unix_timestamp();
    let attempts = db.attempts(instansi, &account.nip).await?;
    if let Some(until) = attempts.locked_until.filter(|until| *until > now) {
        let minutes = (until - now + 59) / 60;
        return refuse(format!(
            "Terlalu banyak percobaan kata sandi yang salah. Coba lagi dalam {minutes} menit."
        ));
    }
    if !verify_password(input.lama, Some(account.password_hash)).await {
        let failures = db
            .login_failed(instansi, &account.nip, MAX_FAILURES, now + LOCK_SECONDS)
            .await?;
        if failures < MAX_FAILURES {
            return refuse("Kata sandi sekarang salah.".to_owned());
        }
        db.end_session(instansi, &user.token_hash).await?;
        let mut response = refuse(
            "Kata sandi sekarang salah terlalu sering: akun terkunci 15 menit dan sesi ini diakhiri."
                .to_owned(),
        )?;
        if let Some(cookie) = session_clear_cookie(&state) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
        return Ok(response);
    }
    let owner = Owner {
        nip: &account.nip,
        nama: &account.nama,
    };
    if let Err(weak) = password::check(&input.baru, owner) {
        return refuse(weak.message());
    }
    let hash = hash_password(input.baru).await?;
    db.set_password(instansi, &user.actor.nip, &hash).await?;
    // Every session ended with the change (each remembers the password it
    // was opened under); this browser continues in a new one.
    let token = random_token()?;
    let now = state.now().unix_timestamp();
    db.login_succeeded(
        instansi,
        &user.actor.nip,
        None,
        &token_hash(&token),
        &random_token()?,
        &password_stamp(&hash),
        now,
    )
    .await?;
    let mut response = render(&Sandi {
        chrome: super::chrome_with(
            &user,
            HERE,
            Some(Flash::success(
                "Kata sandi diganti. Sesi lain akun ini telah diakhiri.",
            )),
        ),
        error: None,
        min_password: MIN_CHARS,
    })?;
    if let Some(cookie) = session_set_cookie(&state, instansi, &token) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}
