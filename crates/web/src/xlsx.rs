//! Lists as XLSX downloads, written by the importer crate's `XlsxSink`
//! (every cell text, so NIPs keep their 18 digits).

use std::borrow::Cow;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use talenta_ingest::Column;
use talenta_ingest::xlsx_write::{XlsxSink, fit};

use crate::error::{WebError, with_sources};

const MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A workbook of `rows` under `headings`, as a download named `filename`
/// (ASCII letters, digits, `-`, `_` and `.` only). A list is read, not
/// imported back, so a value longer than a cell holds is cut ([`fit`])
/// rather than failing the download.
pub fn attachment(
    filename: &str,
    headings: &[&'static str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Response, WebError> {
    let columns: Vec<Column> = headings.iter().map(|h| Column::required(h)).collect();
    let fail = |e: talenta_ingest::xlsx_write::XlsxWriteError| {
        WebError::Internal(format!("xlsx: {}", with_sources(&e)))
    };
    let mut sink = XlsxSink::new(&columns).map_err(fail)?;
    for mut row in rows {
        for value in &mut row {
            if let Cow::Owned(cut) = fit(value) {
                *value = cut;
            }
        }
        sink.push(&row).map_err(fail)?;
    }
    let bytes = sink.finish().map_err(fail)?;
    let safe: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, MIME.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{safe}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
