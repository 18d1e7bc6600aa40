//! The one-time setup link for the first administrator. `talenta serve`
//! prints it when no Admin BKPSDM account exists; it is valid for 24 hours
//! and for one use, and there is never a default password.

use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;
use talenta_app::accounts::{NewAccount, complete_setup, setup_token_valid};
use talenta_app::context;
use talenta_domain::Nip;
use talenta_domain::access::Role;
use talenta_views::pages::Penyiapan;

use crate::AppState;
use crate::auth::{Secret, hash_password, token_hash};
use crate::error::{WebError, render};
use crate::extract::{Form, Query};
use crate::password::{self, MIN_CHARS, Owner};
use crate::session::CsrfToken;

/// How long a setup link stays valid.
pub const SETUP_SECONDS: i64 = 24 * 60 * 60;
/// The fewest letters of the administrator's name: a real name, not `x`.
const MIN_NAME_LETTERS: usize = 3;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/penyiapan", get(form).post(complete))
}

#[derive(Debug, Deserialize)]
struct Token {
    token: String,
}

async fn page(
    state: &AppState,
    csrf: &CsrfToken,
    token: String,
    error: Option<String>,
) -> Result<Response, WebError> {
    let instansi = context::all(state.db())
        .await?
        .into_iter()
        .map(|(id, i)| (id.get(), format!("{} ({})", i.nama, i.kode)))
        .collect();
    render(&Penyiapan {
        chrome: super::anonymous(csrf),
        error,
        token,
        instansi,
        min_password: MIN_CHARS,
    })
}

async fn valid(state: &AppState, token: &str) -> Result<bool, WebError> {
    let not_before = state.now().unix_timestamp() - SETUP_SECONDS;
    Ok(setup_token_valid(state.db(), &token_hash(token), not_before).await?)
}

async fn form(
    State(state): State<AppState>,
    csrf: CsrfToken,
    Query(Token { token }): Query<Token>,
) -> Result<Response, WebError> {
    if !valid(&state, &token).await? {
        return Err(WebError::NotFound);
    }
    page(&state, &csrf, token, None).await
}

#[derive(Debug, Deserialize)]
struct Setup {
    token: Secret,
    instansi: i64,
    nip: String,
    nama: String,
    sandi: Secret,
}

async fn complete(
    State(state): State<AppState>,
    csrf: CsrfToken,
    Form(input): Form<Setup>,
) -> Result<Response, WebError> {
    if !valid(&state, &input.token.0).await? {
        return Err(WebError::NotFound);
    }
    let nip = input.nip.trim();
    let nama = input.nama.trim();
    let owner = Owner { nip, nama };
    const BAD_NIP: &str = "NIP tidak sah: NIP terdiri dari 18 angka (tanggal lahir, TMT CPNS, jenis kelamin, nomor urut).";
    let parsed = Nip::parse(nip).ok();
    let problem = if parsed.is_none() {
        Some(BAD_NIP.to_owned())
    } else if nama.chars().filter(|c| c.is_alphabetic()).count() < MIN_NAME_LETTERS {
        Some(format!(
            "Nama terlalu pendek: tulis nama lengkap (paling sedikit {MIN_NAME_LETTERS} huruf)."
        ))
    } else if let Err(weak) = password::check(&input.sandi.0, owner) {
        Some(weak.message())
    } else if !context::all(state.db())
        .await?
        .iter()
        .any(|(id, _)| id.get() == input.instansi)
    {
        Some("Instansi tidak dikenal.".to_owned())
    } else {
        None
    };
    let nip = match (parsed, problem) {
        (Some(nip), None) => nip,
        (_, problem) => {
            let problem = problem.unwrap_or_else(|| BAD_NIP.to_owned());
            return page(&state, &csrf, input.token.0, Some(problem)).await;
        }
    };
    let hash = hash_password(input.sandi.0).await?;
    let now = state.now().unix_timestamp();
    let admin = NewAccount {
        instansi: input.instansi,
        nip,
        nama,
        role: Role::AdminBkpsdm,
        opd: None,
        password_hash: &hash,
    };
    if !complete_setup(
        state.db(),
        &token_hash(&input.token.0),
        now - SETUP_SECONDS,
        &admin,
        now,
    )
    .await?
    {
        return Err(WebError::NotFound);
    }
    Ok(Redirect::to("/masuk").into_response())
}
