//! Cross-site request forgery defence on every unsafe request (anything
//! but GET, HEAD and OPTIONS), before any handler runs:
//!
//! 1. The request must come from this site: an `Origin` header, when sent,
//!    must be the server's public origin (or, for a server on this machine's
//!    loopback address, the same port under `localhost`, `127.0.0.1` or
//!    `[::1]`); otherwise `Sec-Fetch-Site`, when sent, must be `same-origin`
//!    or `none`.
//! 2. It must carry the page's CSRF token (the session's, or before login
//!    the CSRF cookie's): in the `X-CSRF-Token` header (htmx sends it from
//!    `hx-headers` on `<body>`), or as the `_csrf` field of a form,
//!    urlencoded or multipart.
//!
//! A failure answers 403 and the handler never runs. The body is read here
//! (within the size limits) and handed on unchanged.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::auth::same_token;
use crate::error::WebError;
use crate::session::CsrfToken;

/// Room for the fields of an upload form beside the file, whose limit is
/// the server's (`Config::upload_max_bytes`); other forms are small.
const MULTIPART_FIELDS: usize = 64 * 1024;
const MAX_FORM: usize = 256 * 1024;

pub const HEADER: &str = "x-csrf-token";
pub const FIELD: &str = "_csrf";

pub async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    match verified(&state, request).await {
        Ok(request) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

async fn verified(state: &AppState, request: Request) -> Result<Request, WebError> {
    let headers = request.headers();
    let header_text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let same_site = match (header_text("origin"), header_text("sec-fetch-site")) {
        (Some(origin), _) => state.config().is_own_origin(origin),
        (None, Some(site)) => matches!(site, "same-origin" | "none"),
        // Neither header: not a browser request from another site.
        (None, None) => true,
    };
    if !same_site {
        return Err(WebError::BadRequest("cross-site request"));
    }
    let expected = request
        .extensions()
        .get::<CsrfToken>()
        .map(|t| t.0.clone())
        .ok_or(WebError::Internal(
            "no CSRF token: session layer missing".into(),
        ))?;
    if header_text(HEADER).is_some_and(|sent| same_token(sent, &expected)) {
        return Ok(request);
    }
    let content_type = header_text(header::CONTENT_TYPE.as_str())
        .unwrap_or("")
        .to_owned();
    let (parts, body) = request.into_parts();
    let multipart = content_type.starts_with("multipart/form-data");
    let limit = if multipart {
        usize::try_from(state.config().upload_max_bytes).unwrap_or(usize::MAX) + MULTIPART_FIELDS
    } else {
        MAX_FORM
    };
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| {
        if multipart {
            WebError::TooLarge
        } else {
            WebError::BadRequest("body too large")
        }
    })?;
    let sent = if content_type.starts_with("application/x-www-form-urlencoded") {
        form_urlencoded::parse(&bytes)
            .find(|(key, _)| key == FIELD)
            .map(|(_, value)| value.into_owned())
    } else if multipart {
        multipart_field(&content_type, bytes.clone()).await
    } else {
        None
    };
    match sent {
        Some(sent) if same_token(&sent, &expected) => {
            Ok(Request::from_parts(parts, Body::from(bytes)))
        }
        _ => Err(WebError::BadRequest("missing or wrong CSRF token")),
    }
}

/// The `_csrf` field of a multipart body.
async fn multipart_field(content_type: &str, bytes: Bytes) -> Option<String> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream = futures_stream(bytes);
    let mut multipart = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some(FIELD) {
            return field.text().await.ok();
        }
    }
    None
}

fn futures_stream(
    bytes: Bytes,
) -> impl futures_util::Stream<Item = Result<Bytes, std::convert::Infallible>> {
    futures_util::stream::once(async move { Ok(bytes) })
}
