//! A write the database cannot take now. On SQLite an import holds the
//! write lock for minutes; the server's writes wait for it only briefly
//! (a second) and then answer 503 with a page that says nothing was saved
//! and when to try again, from the import's progress in the sign-in store
//! (`talenta_app::progress`). Reading, signing in and sessions go on
//! meanwhile.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use talenta_app::progress::{RunningImport, running};
use talenta_views::pages::Sibuk;
use talenta_views::{Chrome, Template};

use crate::AppState;

/// Marks a 503 response as [`crate::error::WebError::Busy`], for [`explain`].
#[derive(Debug, Clone, Copy)]
struct Busy;

/// The response of [`crate::error::WebError::Busy`], which [`explain`]
/// fills in.
pub(crate) fn marked() -> Response {
    let mut response = StatusCode::SERVICE_UNAVAILABLE.into_response();
    response.extensions_mut().insert(Busy);
    response
}

/// Middleware: writes the page of a busy answer, with the expected wait.
pub async fn explain(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.extensions().get::<Busy>().is_none() {
        return response;
    }
    tracing::warn!("a write found the database busy; answered 503");
    let import = running(state.db()).await.ok().flatten();
    let wait = import.and_then(|i| expected_wait(i, state.now().unix_timestamp()));
    // The signed-in user's menu, when the request came that far.
    let chrome = response
        .extensions()
        .get::<crate::error::Menu>()
        .map_or_else(Chrome::default, |menu| menu.0.clone());
    let page = Sibuk {
        chrome,
        tunggu: wait.map_or_else(|| "dalam beberapa saat".to_owned(), wait_text),
        impor: import.is_some(),
    };
    let mut response = match page.render() {
        Ok(html) => (StatusCode::SERVICE_UNAVAILABLE, Html(html)).into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    if let Some(seconds) = wait {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(seconds.max(MIN_RETRY)),
        );
    }
    response
}

/// The shortest `Retry-After`: the import's last steps (indexes, commit,
/// statistics) come after its files are read.
const MIN_RETRY: u64 = 10;

/// Seconds the import has left, at the pace it has read its files so far
/// (`None` before it has read any).
fn expected_wait(import: RunningImport, now: i64) -> Option<u64> {
    let elapsed = u64::try_from(now.saturating_sub(import.started)).unwrap_or(0);
    let left = import.size.saturating_sub(import.read);
    (import.read > 0).then(|| {
        u64::try_from(u128::from(elapsed) * u128::from(left) / u128::from(import.read))
            .unwrap_or(u64::MAX)
    })
}

/// "dalam sekitar 3 menit", in whole minutes rounded up.
fn wait_text(seconds: u64) -> String {
    match seconds.div_ceil(60) {
        0 | 1 => "dalam sekitar satu menit".to_owned(),
        minutes => format!("dalam sekitar {minutes} menit"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_is_the_time_left_at_the_pace_so_far() {
        let import = |read, size| RunningImport {
            started: 1000,
            read,
            size,
        };
        // A quarter read in 60 s: three quarters take 180 s more.
        assert_eq!(expected_wait(import(250, 1000), 1060), Some(180));
        assert_eq!(expected_wait(import(1000, 1000), 1060), Some(0));
        assert_eq!(expected_wait(import(0, 1000), 1060), None);
        // A clock behind the importer's does not go negative.
        assert_eq!(expected_wait(import(250, 1000), 900), Some(0));
        assert_eq!(wait_text(0), "dalam sekitar satu menit");
        assert_eq!(wait_text(60), "dalam sekitar satu menit");
        assert_eq!(wait_text(61), "dalam sekitar 2 menit");
        assert_eq!(wait_text(180), "dalam sekitar 3 menit");
    }
}
