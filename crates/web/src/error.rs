//! How failures reach the browser: an out-of-scope or unknown id is 404
//! with no data, whatever the reason; anything unexpected is logged and
//! shown as a plain 500 with no detail.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use talenta_views::pages::Galat;
use talenta_views::{Chrome, Template};

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Not found, or not in the actor's scope: the same answer for both.
    #[error("not found")]
    NotFound,
    /// The request itself is wrong (a CSRF token, a malformed form).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
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

impl From<talenta_storage::StorageError> for WebError {
    fn from(error: talenta_storage::StorageError) -> Self {
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
                "Halaman atau data yang Anda minta tidak ada, atau di luar kewenangan Anda.",
            ),
            WebError::BadRequest(_) => (
                StatusCode::FORBIDDEN,
                "Permintaan ditolak",
                "Permintaan tidak sah atau formulir sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.",
            ),
            WebError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "Berkas terlalu besar",
                "Berkas melebihi batas unggah. Perkecil berkas (misalnya pindai ulang dengan resolusi lebih rendah) lalu unggah lagi dari halaman profil.",
            ),
            WebError::Internal(detail) => {
                tracing::error!(%detail, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Terjadi kesalahan",
                    "Permintaan tidak dapat diproses. Coba lagi nanti atau hubungi admin BKPSDM.",
                )
            }
        };
        let page = Galat {
            chrome: Chrome::default(),
            heading,
            message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => status.into_response(),
        }
    }
}

/// Renders a page as an HTML response.
pub fn render(page: &impl Template) -> Result<Response, WebError> {
    Ok(Html(page.render()?).into_response())
}
