//! Changing one's own password: it needs the current one, and ends every
//! session of the account (the current one is replaced by a new session).

use axum::extract::State;
use axum::http::header;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use talenta_views::Flash;
use talenta_views::pages::Sandi;

use crate::AppState;
use crate::auth::{MIN_PASSWORD, hash_password, random_token, token_hash, verify_password};
use crate::error::{WebError, render};
use crate::session::{SignedIn, password_stamp, session_set_cookie};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/akun/sandi", get(form).post(change))
}

const HERE: &str = "/akun/sandi";

async fn form(user: SignedIn) -> Result<Response, WebError> {
    render(&Sandi {
        chrome: super::chrome(&user, HERE),
        error: None,
        min_password: MIN_PASSWORD,
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
    let refuse = |message: &str| {
        render(&Sandi {
            chrome: super::chrome(&user, HERE),
            error: Some(message.to_owned()),
            min_password: MIN_PASSWORD,
        })
    };
    let db = state.db();
    let instansi = user.actor.instansi;
    let Some(account) = db.account(instansi, &user.actor.nip).await? else {
        return Err(WebError::NotFound);
    };
    if !verify_password(input.lama, Some(account.password_hash)).await {
        return refuse("Kata sandi sekarang salah.");
    }
    if input.baru.chars().count() < MIN_PASSWORD {
        return refuse("Kata sandi baru terlalu pendek.");
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
        min_password: MIN_PASSWORD,
    })?;
    if let Some(cookie) = session_set_cookie(&state, instansi, &token) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}
