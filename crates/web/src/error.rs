//! How failures reach the browser: an out-of-scope or unknown id is 404
//! with no data, whatever the reason; a field that cannot be read is 400,
//! naming it as its page labels it; anything unexpected is a plain 500 with
//! no detail. Every error response carries its [`Cause`], which
//! [`log_failures`] writes to the log with the request.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use talenta_views::pages::Galat;
use talenta_views::{Chrome, Template};

use crate::AppState;
use crate::caller::Caller;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Not found, or not in the actor's scope: the same answer for both.
    #[error("not found")]
    NotFound,
    /// The request is not this site's own (a cross-site request, a wrong
    /// CSRF token): 403.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// A form or query field (by its name) that is missing or not a value
    /// of its kind: 400, naming it as its page labels it.
    #[error("invalid field {0:?}")]
    Invalid(String),
    /// An upload beyond the limit, refused before it is read whole.
    #[error("upload too large")]
    TooLarge,
    /// A write found the database locked by another (an import on SQLite)
    /// and gave up waiting: nothing was written. [`crate::busy`] tells the
    /// user how long to wait.
    #[error("the database is busy")]
    Busy,
    #[error("internal error: {0}")]
    Internal(String),
}

/// `error` and its sources, `a: b: c`, for the log.
pub(crate) fn with_sources(error: &dyn std::error::Error) -> String {
    std::iter::successors(Some(error), |e| e.source())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ")
}

impl From<talenta_app::StorageError> for WebError {
    fn from(error: talenta_app::StorageError) -> Self {
        if error.is_busy() {
            WebError::Busy
        } else {
            WebError::Internal(error.to_string())
        }
    }
}

impl From<talenta_views::RenderError> for WebError {
    fn from(error: talenta_views::RenderError) -> Self {
        WebError::Internal(format!("template: {error}"))
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, heading, message) = match &self {
            WebError::Busy => return crate::busy::marked(),
            WebError::NotFound => (
                StatusCode::NOT_FOUND,
                "Tidak ditemukan",
                "Halaman atau data yang Anda minta tidak ada, atau di luar kewenangan Anda.".into(),
            ),
            WebError::BadRequest(_) => (
                StatusCode::FORBIDDEN,
                "Permintaan ditolak",
                "Permintaan tidak sah atau formulir sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.".into(),
            ),
            WebError::Invalid(field) => (
                StatusCode::BAD_REQUEST,
                "Isian tidak sah",
                format!(
                    "Isian \u{201c}{}\u{201d} kosong atau tidak sah. Kembali ke halaman sebelumnya, periksa isian itu, lalu kirim lagi.",
                    crate::extract::label(field)
                ),
            ),
            WebError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "Berkas terlalu besar",
                "Berkas melebihi batas unggah. Perkecil berkas (misalnya pindai ulang dengan resolusi lebih rendah) lalu unggah lagi dari halaman profil.".into(),
            ),
            WebError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Terjadi kesalahan",
                "Permintaan tidak dapat diproses. Coba lagi nanti atau hubungi admin BKPSDM.".into(),
            ),
        };
        let page = ErrorPage { heading, message };
        let mut response = page.render(status, Chrome::default());
        response.extensions_mut().insert(page);
        response.extensions_mut().insert(Cause(self.to_string()));
        response
    }
}

/// What an error page says, kept with its response so that [`with_menu`]
/// can draw it again inside the signed-in user's menu.
#[derive(Debug, Clone)]
pub(crate) struct ErrorPage {
    heading: &'static str,
    message: String,
}

impl ErrorPage {
    fn render(&self, status: StatusCode, chrome: Chrome) -> Response {
        let page = Galat {
            chrome,
            heading: self.heading,
            message: self.message.clone(),
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => status.into_response(),
        }
    }
}

/// The signed-in user's frame (menu, name, CSRF token) of a failed
/// request, for the busy page, which is drawn outside the session layer.
#[derive(Debug, Clone)]
pub(crate) struct Menu(pub(crate) Chrome);

/// Middleware inside the session layer: an error page answered to a
/// signed-in user is drawn with their menu, so they can go on from it;
/// a visitor's keeps the bare frame. The [`Caller`] it resolves is kept in
/// the request's extensions, where the handler's own `Caller` finds it:
/// one resolution (and one reading of the clock) per request.
pub(crate) async fn with_menu(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let caller = Caller::from_request_parts(&mut parts, &state).await.ok();
    if let Some(caller) = &caller {
        parts.extensions.insert(caller.clone());
    }
    let path = parts.uri.path().to_owned();
    let mut response = next.run(Request::from_parts(parts, body)).await;
    let Some(caller) = caller
        .filter(|_| response.status().is_client_error() || response.status().is_server_error())
    else {
        return response;
    };
    let chrome = crate::pages::chrome(&caller, &path);
    if let Some(page) = response.extensions().get::<ErrorPage>().cloned() {
        let mut again = page.render(response.status(), chrome.clone());
        // The status's own headers and the cause stay.
        std::mem::swap(again.extensions_mut(), response.extensions_mut());
        for (name, value) in response.headers() {
            if name != axum::http::header::CONTENT_TYPE
                && name != axum::http::header::CONTENT_LENGTH
            {
                again.headers_mut().insert(name.clone(), value.clone());
            }
        }
        response = again;
    }
    response.extensions_mut().insert(Menu(chrome));
    response
}

/// Why a request failed, for the log only.
#[derive(Debug, Clone)]
pub(crate) struct Cause(String);

/// Logs every request that failed, with its method, path (never the query,
/// which may hold a setup token), status and cause: a server error as an
/// error, a refusal (4xx) as a warning, a page not found as information
/// (scanners ask for many).
pub(crate) async fn log_failures(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let cause = response
        .extensions()
        .get::<Cause>()
        .map_or("", |c| c.0.as_str());
    if status.is_server_error() {
        tracing::error!(%method, path, %status, cause, "request failed");
    } else if status == StatusCode::NOT_FOUND {
        tracing::info!(%method, path, %status, cause, "request failed");
    } else if status.is_client_error() {
        tracing::warn!(%method, path, %status, cause, "request refused");
    }
    response
}

/// What a handler answers: a page, a redirect or a file, or why not.
pub type Reply = Result<Response, WebError>;

/// Renders a page as an HTML response.
pub fn render(page: &impl Template) -> Reply {
    Ok(Html(page.render()?).into_response())
}

/// Renders a page as an HTML response with `status` (a form shown again
/// with why it was refused).
pub fn render_as(status: StatusCode, page: &impl Template) -> Reply {
    Ok((status, Html(page.render()?)).into_response())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::sync::{Arc, Mutex};

    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    /// The log's lines, kept in memory.
    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Lines {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Every failed request is logged with its method, path, status and
    /// cause, and never its query; a success is not.
    #[tokio::test]
    async fn every_failed_request_is_logged_with_its_cause() {
        let lines = Lines::default();
        let writer = lines.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::INFO)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let app = Router::new()
            .route(
                "/masuk",
                get(|| async { WebError::Invalid("lanjut".into()) }),
            )
            .route(
                "/rusak",
                get(|| async { WebError::Internal("disk full".into()) }),
            )
            .route("/ada", get(|| async { "ok" }))
            .layer(axum::middleware::from_fn(log_failures));
        for uri in [
            "/masuk?lanjut=//evil.example",
            "/rusak",
            "/ada",
            "/tidak-ada",
        ] {
            app.clone()
                .oneshot(axum::http::Request::get(uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
        }
        let log = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
        let expected = [
            "WARN",
            "request refused method=GET path=\"/masuk\" status=400 Bad Request cause=\"invalid field \\\"lanjut\\\"\"",
        ];
        assert!(expected.iter().all(|e| log.contains(e)), "{log}");
        assert!(log.contains("ERROR"), "{log}");
        assert!(log.contains("path=\"/rusak\" status=500 Internal Server Error cause=\"internal error: disk full\""), "{log}");
        assert!(log.contains("path=\"/tidak-ada\" status=404"), "{log}");
        assert!(
            !log.contains("/ada\"") && !log.contains("evil.example"),
            "{log}"
        );
    }
}
