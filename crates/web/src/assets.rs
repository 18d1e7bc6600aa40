//! The vendored front-end assets, embedded in the binary: pages load
//! nothing from another origin (intranets are often offline, and the CSP
//! allows only 'self').

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use crate::error::WebError;

/// htmx 2.0.11 (npm `htmx.org@2.0.11`, `dist/htmx.min.js`).
const HTMX: &[u8] = include_bytes!("../assets/htmx.min.js");
const CSS: &[u8] = include_bytes!("../assets/talenta.css");
const ICON: &[u8] = include_bytes!("../assets/favicon.svg");

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/aset/{file}", get(asset))
        // Browsers ask for /favicon.ico whatever the page links.
        .route(
            "/favicon.ico",
            get(|| async { asset(Path("favicon.svg".to_owned())).await }),
        )
}

async fn asset(Path(file): Path<String>) -> Result<Response, WebError> {
    let (body, kind) = match file.as_str() {
        "htmx.min.js" => (HTMX, "text/javascript; charset=utf-8"),
        "talenta.css" => (CSS, "text/css; charset=utf-8"),
        "favicon.svg" => (ICON, "image/svg+xml"),
        _ => return Err(WebError::NotFound),
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // Assets change only with the binary; an hour keeps a deploy visible.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(response)
}
