//! Forms, query strings and path segments read into typed values. What
//! cannot be read (a missing field, a value not of its kind) is refused
//! with a 400 page that names the field as its page labels it
//! ([`WebError::Invalid`]), never with axum's plain-text rejection naming a
//! field of the code; a path segment that does not parse is not found.

use std::str::FromStr;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use talenta_domain::{Nip, Periode};

use crate::error::WebError;

/// A urlencoded form body, read as `T`.
#[derive(Debug)]
pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = WebError;

    async fn from_request(request: Request, state: &S) -> Result<Self, WebError> {
        // The CSRF layer has already read the body within its limit.
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| WebError::BadRequest("unreadable form body"))?;
        parse(&bytes).map(Form)
    }
}

/// The query string, read as `T`.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, WebError> {
        parse(parts.uri.query().unwrap_or_default().as_bytes()).map(Query)
    }
}

/// A value a route takes in its path, in the segment named [`Segment::NAME`]
/// (`/talenta/{periode}/...`).
pub trait Segment: FromStr {
    const NAME: &'static str;
}

impl Segment for Periode {
    const NAME: &'static str = "periode";
}

impl Segment for Nip {
    const NAME: &'static str = "nip";
}

/// The path segment of `T`, read as `T`. One that does not parse answers
/// 404, the same answer as a record that does not exist (a period never
/// mapped, an employee never recorded).
#[derive(Debug)]
pub struct InPath<T>(pub T);

impl<T: Segment, S: Send + Sync> FromRequestParts<S> for InPath<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        params
            .iter()
            .find(|(name, _)| *name == T::NAME)
            .and_then(|(_, value)| value.parse().ok())
            .map(InPath)
            .ok_or_else(|| WebError::NotFound.into_response())
    }
}

/// `bytes` (urlencoded) as `T`, or the field that could not be read.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WebError> {
    let fields = serde_urlencoded::Deserializer::new(form_urlencoded::parse(bytes));
    serde_path_to_error::deserialize(fields).map_err(|error| {
        let path = error.path().to_string();
        let field = if path == "." {
            // A missing field is reported at the struct, named in serde's
            // message: "missing field `nip`".
            error
                .inner()
                .to_string()
                .split('`')
                .nth(1)
                .unwrap_or_default()
                .to_owned()
        } else {
            path
        };
        WebError::Invalid(field)
    })
}

/// A form or query field as its page labels it.
pub(crate) fn label(field: &str) -> &'static str {
    match field {
        "nip" => "NIP",
        "sandi" => "Kata sandi",
        "lama" => "Kata sandi sekarang",
        "baru" => "Kata sandi baru",
        "nama" => "Nama",
        "instansi" => "Instansi",
        "token" => "Tautan penyiapan",
        "lanjut" => "Alamat tujuan setelah masuk",
        "kotak" => "Kotak akhir",
        "alasan" => "Alasan",
        "keputusan" => "Keputusan",
        "pernyataan" => "Pernyataan diri",
        "jenis" => "Jenis",
        "judul" => "Judul",
        "tahun" => "Tahun",
        "tautan" => "Tautan",
        "kolom" => "Data",
        "nilai" => "Nilai baru",
        "berkas" => "Berkas",
        "dari" => "Periode awal",
        "ke" => "Periode akhir",
        "opd" => "Unit kerja",
        "jabatan" => "Kode jabatan target",
        "kompetensi" | "tambah" => "Kompetensi",
        "kegiatan" => "Kegiatan",
        "target" => "Target selesai",
        "status" => "Status",
        "catatan" => "Catatan",
        "periode" => "Periode",
        "jenjang" => "Jenjang",
        "hal" => "Halaman",
        "q" => "Cari NIP atau nama",
        "format" => "Format",
        _ => "Isian formulir",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Move {
        kotak: u8,
        #[serde(default)]
        alasan: String,
    }

    fn field(bytes: &[u8]) -> String {
        match parse::<Move>(bytes) {
            Err(WebError::Invalid(field)) => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_field_that_cannot_be_read_is_named() {
        let read = parse::<Move>(b"kotak=7&alasan=a%20b").unwrap();
        assert_eq!((read.kotak, read.alasan.as_str()), (7, "a b"));
        assert_eq!(field(b"kotak=tujuh"), "kotak");
        assert_eq!(field(b"kotak=300"), "kotak");
        assert_eq!(field(b"alasan=x"), "kotak");
        assert_eq!(label("kotak"), "Kotak akhir");
        assert_eq!(label("_csrf"), "Isian formulir");
    }
}
