//! Changing one's own password: it needs the current one, and ends every
//! session of the account (the current one is replaced by a new session).
//! A wrong current password counts as a failed sign-in, of the account and
//! the address ([`crate::throttle`]); from the fifth in a row on it also
//! ends this session, so a session left open or stolen cannot be used to
//! guess the password. The new password must pass
//! [`crate::password::check`].

use axum::Router;
use axum::http::header;
use axum::routing::get;
use serde::Deserialize;
use talenta_app::accounts::{account, set_own_password};
use talenta_app::sign_in;
use talenta_views::Flash;
use talenta_views::pages::Sandi;

use crate::AppState;
use crate::auth::{Secret, hash_password, random_token, token_hash, verify_password};
use crate::caller::Caller;
use crate::error::{Reply, WebError, render};
use crate::extract::Form;
use crate::password::{self, MIN_CHARS, Owner};
use crate::session::{password_stamp, session_clear_cookie, session_set_cookie};
use crate::throttle::{self, ClientAddress, FREE_FAILURES};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/akun/sandi", get(form).post(change))
}

const HERE: &str = "/akun/sandi";

async fn form(caller: Caller) -> Reply {
    render(&Sandi {
        chrome: super::chrome(&caller, HERE),
        error: None,
        min_password: MIN_CHARS,
    })
}

#[derive(Debug, Deserialize)]
struct Change {
    lama: Secret,
    baru: Secret,
}

async fn change(caller: Caller, address: ClientAddress, Form(input): Form<Change>) -> Reply {
    let (state, user) = (caller.state(), caller.user());
    let refuse = |message: String| {
        render(&Sandi {
            chrome: super::chrome(&caller, HERE),
            error: Some(message),
            min_password: MIN_CHARS,
        })
    };
    let db = state.db();
    let instansi = user.actor.instansi;
    let Some(account) = account(db, instansi, &user.actor.nip).await? else {
        return Err(WebError::NotFound);
    };
    let known = Some(throttle::Account {
        instansi,
        nip: &account.nip,
    });
    const WRONG: &str =
        "Kata sandi sekarang salah, atau terlalu banyak percobaan yang salah: coba lagi nanti.";
    let waits = throttle::must_wait(state, known, &address).await?;
    let hash = (!waits).then(|| account.password_hash.clone());
    if !verify_password(input.lama.0, hash).await {
        let failures = match waits {
            true => None,
            false => throttle::failed(state, known, &address).await?,
        };
        if failures.is_none_or(|a| a.failures < FREE_FAILURES) {
            return refuse(WRONG.to_owned());
        }
        sign_in::end(db, instansi, &user.token_hash).await?;
        let mut response =
            refuse("Kata sandi sekarang salah terlalu sering: sesi ini diakhiri.".to_owned())?;
        if let Some(cookie) = session_clear_cookie(state) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
        return Ok(response);
    }
    let owner = Owner {
        nip: account.nip.as_str(),
        nama: &account.nama,
    };
    if let Err(weak) = password::check(&input.baru.0, owner) {
        return refuse(weak.message());
    }
    let hash = hash_password(input.baru.0).await?;
    set_own_password(&caller.ctx(), &caller.actor().nip, &hash).await?;
    // Every session ended with the change (each remembers the password it
    // was opened under); this browser continues in a new one.
    let token = random_token()?;
    let now = state.now().unix_timestamp();
    let signed = sign_in::SignedIn {
        instansi,
        nip: user.actor.nip,
        old_token_hash: None,
        token_hash: &token_hash(&token),
        csrf: &random_token()?,
        sandi: &password_stamp(&hash),
    };
    sign_in::succeeded(db, &signed, now).await?;
    let mut response = render(&Sandi {
        chrome: super::chrome_with(
            &caller,
            HERE,
            Some(Flash::success(
                "Kata sandi diganti. Sesi lain akun ini telah diakhiri.",
            )),
        ),
        error: None,
        min_password: MIN_CHARS,
    })?;
    if let Some(cookie) = session_set_cookie(state, instansi.get(), &token) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}
