//! What an employee does on their own profile: personal branding, proposed
//! changes to their data, document uploads; and reading a document back.
//! Each form posts below `/pegawai/{nip}`, answers 404 unless the user is
//! that employee, and redirects to the profile (303) with a fixed message
//! code, or shows the profile again with the reason (422).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Multipart, Path};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use talenta_app::self_service::{
    self, SelfServiceError, Upload, add_branding_item, add_document, document_file, propose,
    remove_branding_item, set_pernyataan, upload_load,
};
use talenta_domain::Nip;
use talenta_domain::access::Action;
use talenta_domain::berkas::{self, Mime};
use talenta_domain::branding;

use super::Outcome;
use super::profile::respond;
use crate::AppState;
use crate::auth::sha256_hex;
use crate::caller::Caller;
use crate::error::{Reply, WebError};
use crate::extract::{Form, InPath};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/pegawai/{nip}/branding", post(statement))
        .route("/pegawai/{nip}/branding/item", post(add_item))
        .route(
            "/pegawai/{nip}/branding/item/{nomor}/hapus",
            post(remove_item),
        )
        .route("/pegawai/{nip}/usulan", post(proposal))
        // The CSRF layer has already bounded the body by the rule set's
        // upload limit; axum's own 2 MB default would refuse a 3 MB scan.
        .route(
            "/pegawai/{nip}/dokumen",
            post(upload).layer(DefaultBodyLimit::disable()),
        )
        .route("/pegawai/{nip}/dokumen/{sha256}", get(download))
}

fn done(nip: &Nip, code: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/pegawai/{}?ok={code}#{anchor}", nip.as_str())).into_response()
}

/// The profile again with why the form was refused, answered `status`.
async fn refused_as(
    caller: &Caller,
    nip: &Nip,
    reason: impl std::fmt::Display,
    status: StatusCode,
) -> Reply {
    let outcome = Outcome::refused_as(format!("Tidak disimpan: {reason}."), status);
    respond(caller, nip, outcome).await
}

/// [`refused_as`] with 422.
async fn refused(caller: &Caller, nip: &Nip, reason: impl std::fmt::Display) -> Reply {
    refused_as(caller, nip, reason, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// Why an upload by `nip` now would pass one of the server's caps
/// ([`crate::Config`]), with the status to answer: 429 for the rate (it
/// passes by waiting), 409 for the documents waiting (they pass as they
/// are verified).
async fn over_cap(caller: &Caller, nip: &Nip) -> Result<Option<(StatusCode, String)>, WebError> {
    let config = caller.state().config();
    let ctx = caller.ctx();
    let load = upload_load(&ctx, nip, ctx.now - time::Duration::minutes(1)).await?;
    let over = |count: i64, cap: u32| count >= i64::from(cap);
    Ok(if over(load.recent, config.uploads_per_minute) {
        Some((
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "paling banyak {} unggahan per menit; coba lagi sebentar lagi",
                config.uploads_per_minute
            ),
        ))
    } else if over(load.pending_person, config.upload_pending_per_person) {
        Some((
            StatusCode::CONFLICT,
            format!(
                "dokumen Anda yang menunggu verifikasi sudah mencapai batas {}; tunggu sampai sebagian diverifikasi",
                config.upload_pending_per_person
            ),
        ))
    } else if over(load.pending_unit, config.upload_pending_per_unit) {
        Some((
            StatusCode::CONFLICT,
            format!(
                "dokumen unit kerja Anda yang menunggu verifikasi sudah mencapai batas {}; tunggu sampai sebagian diverifikasi",
                config.upload_pending_per_unit
            ),
        ))
    } else {
        None
    })
}

#[derive(Deserialize)]
struct Statement {
    pernyataan: String,
}

async fn statement(
    caller: Caller,
    InPath(nip): InPath<Nip>,
    Form(input): Form<Statement>,
) -> Reply {
    caller.person(&nip, Action::EditOwnProfile).await?;
    match branding::pernyataan(&input.pernyataan) {
        Ok(text) => {
            set_pernyataan(&caller.ctx(), &nip, &text).await?;
            Ok(done(&nip, "pernyataan", "branding"))
        }
        Err(reason) => refused(&caller, &nip, reason).await,
    }
}

#[derive(Deserialize)]
struct NewItem {
    jenis: String,
    judul: String,
    #[serde(default)]
    tahun: String,
    #[serde(default)]
    tautan: String,
}

async fn add_item(caller: Caller, InPath(nip): InPath<Nip>, Form(input): Form<NewItem>) -> Reply {
    caller.person(&nip, Action::EditOwnProfile).await?;
    let ctx = caller.ctx();
    let existing = self_service::branding(&ctx, &nip).await?.items.len();
    let this_year = ctx.now.year();
    match branding::item(
        &input.jenis,
        &input.judul,
        &input.tahun,
        &input.tautan,
        this_year,
        existing,
    ) {
        Ok(item) => {
            add_branding_item(&ctx, &nip, &item).await?;
            Ok(done(&nip, "butir", "branding"))
        }
        Err(reason) => refused(&caller, &nip, reason).await,
    }
}

async fn remove_item(
    caller: Caller,
    InPath(nip): InPath<Nip>,
    Path((_, nomor)): Path<(String, i64)>,
) -> Reply {
    caller.person(&nip, Action::EditOwnProfile).await?;
    if !remove_branding_item(&caller.ctx(), &nip, nomor).await? {
        return Err(WebError::NotFound);
    }
    Ok(done(&nip, "hapus", "branding"))
}

#[derive(Deserialize)]
struct Proposal {
    kolom: String,
    nilai: String,
}

async fn proposal(caller: Caller, InPath(nip): InPath<Nip>, Form(input): Form<Proposal>) -> Reply {
    let pegawai = caller.person(&nip, Action::EditOwnProfile).await?;
    match propose(&caller.ctx(), &pegawai, &input.kolom, &input.nilai).await {
        Ok(_) => Ok(done(&nip, "usulan", "usulan")),
        Err(SelfServiceError::Storage(e)) => Err(e.into()),
        Err(reason) => refused(&caller, &nip, reason).await,
    }
}

/// The fields of an upload form.
#[derive(Default)]
struct UploadForm {
    jenis: String,
    nama_file: String,
    content: Bytes,
}

async fn read_upload(mut multipart: Multipart) -> Result<UploadForm, WebError> {
    let mut form = UploadForm::default();
    let malformed = |_| WebError::Invalid("berkas".into());
    while let Some(field) = multipart.next_field().await.map_err(malformed)? {
        match field.name() {
            Some("jenis") => form.jenis = field.text().await.map_err(malformed)?,
            Some("berkas") => {
                form.nama_file = field.file_name().unwrap_or("").to_owned();
                form.content = field.bytes().await.map_err(malformed)?;
            }
            _ => {}
        }
    }
    Ok(form)
}

/// A file name as shown back to people: its last path segment, without
/// control characters, at most 120 characters; never empty.
fn display_name(name: &str, mime: Mime) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control()).take(120).collect();
    if clean.trim().is_empty() {
        format!("dokumen.{}", extension(mime))
    } else {
        clean
    }
}

fn extension(mime: Mime) -> &'static str {
    match mime {
        Mime::Pdf => "pdf",
        Mime::Jpeg => "jpg",
        Mime::Png => "png",
    }
}

async fn upload(caller: Caller, InPath(nip): InPath<Nip>, multipart: Multipart) -> Reply {
    caller.person(&nip, Action::EditOwnProfile).await?;
    let form = read_upload(multipart).await?;
    if let Some((status, reason)) = over_cap(&caller, &nip).await? {
        return refused_as(&caller, &nip, reason, status).await;
    }
    let policy = &caller.rules().dokumen;
    let Some(kind) = policy.kind(&form.jenis) else {
        return refused(&caller, &nip, "jenis dokumen tidak dikenal").await;
    };
    let mime = match berkas::check(&form.content, caller.state().config().upload_max_bytes) {
        Ok(mime) => mime,
        Err(reason) => return refused(&caller, &nip, reason).await,
    };
    let upload = Upload {
        nip,
        jenis: &kind.kode,
        nama_file: &display_name(&form.nama_file, mime),
        mime: mime.essence(),
        sha256: &sha256_hex(&form.content),
        content: &form.content,
    };
    add_document(&caller.ctx(), upload).await?;
    Ok(done(&nip, "dokumen", "dokumen"))
}

/// A document's file, to the person and the admins who keep the records
/// (`Action::ReadDocuments`). Served as an attachment with the type it was
/// checked to be, under a generated name.
async fn download(
    caller: Caller,
    InPath(nip): InPath<Nip>,
    Path((_, sha256)): Path<(String, String)>,
) -> Reply {
    caller.person(&nip, Action::ReadDocuments).await?;
    let (document, stored_mime, content) = document_file(&caller.ctx(), &nip, &sha256)
        .await?
        .ok_or(WebError::NotFound)?;
    let mime = Mime::from_essence(&stored_mime).ok_or_else(|| {
        WebError::Internal(format!("document {sha256} has media type {stored_mime:?}"))
    })?;
    let disposition = format!(
        "attachment; filename=\"{}-{}.{}\"",
        document
            .jenis
            .replace(|c: char| !c.is_ascii_alphanumeric() && c != '_', "_"),
        nip.as_str(),
        extension(mime)
    );
    Ok((
        [
            (header::CONTENT_TYPE, mime.essence().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        content,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_shown_safely() {
        assert_eq!(
            display_name("C:\\scan\\ijazah S1.pdf", Mime::Pdf),
            "ijazah S1.pdf"
        );
        assert_eq!(display_name("../../etc/passwd", Mime::Pdf), "passwd");
        assert_eq!(display_name("a\u{0}b\nc.png", Mime::Png), "abc.png");
        assert_eq!(display_name("", Mime::Jpeg), "dokumen.jpg");
        assert_eq!(display_name(&"x".repeat(300), Mime::Pdf).len(), 120);
    }
}
