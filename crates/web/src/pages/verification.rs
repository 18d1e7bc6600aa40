//! The verification queue (`/verifikasi`): an OPD admin decides the
//! pending proposals and documents of the employees of their unit and its
//! sub-units, the BKPSDM admin those of the whole instansi. A rejection
//! needs a reason, which the employee reads on their profile.

use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use talenta_app::self_service::{SelfServiceError, decide_usulan};
use talenta_app::units;
use talenta_app::verification::{
    self, Verifikasi as Keadaan, documents_of, pending_documents, pending_usulan, usulan,
};
use talenta_domain::Nip;
use talenta_domain::access::{Action, Target};
use talenta_domain::usulan::Keputusan;
use talenta_views::pages::{AntrianDokumen, AntrianUsulan, Verifikasi};

use super::{Done, Outcome};
use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render_as};
use crate::extract::{Form, InPath, Query};
use crate::format::{opt, tanggal_unix, ukuran};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/verifikasi", get(queue))
        .route("/verifikasi/usulan/{nomor}", post(decide_proposal))
        .route("/verifikasi/dokumen/{nip}/{sha256}", post(decide_document))
}

const HERE: &str = "/verifikasi";
/// Rows shown per queue, oldest first.
const SHOWN: i64 = 100;

const DONE: [(&str, &str); 3] = [
    ("disetujui", "Disetujui."),
    (
        "ditolak",
        "Ditolak; pegawai melihat alasannya di profilnya.",
    ),
    (
        "lewat",
        "Sudah diputuskan sebelumnya; tidak ada yang diubah.",
    ),
];

async fn queue(caller: Caller, Query(done): Query<Done>) -> Reply {
    page(&caller, done.outcome(&DONE)).await
}

/// The unit whose queue the user sees: `None` for the whole instansi.
async fn scope(caller: &Caller) -> Result<Option<String>, WebError> {
    if caller.may_instansi(Action::Verify) {
        return Ok(None);
    }
    caller
        .own_unit(Action::Verify)
        .await?
        .map(Some)
        .ok_or(WebError::NotFound)
}

async fn page(caller: &Caller, outcome: Outcome) -> Reply {
    let root = scope(caller).await?;
    let ctx = caller.ctx();
    let policy = &caller.rules().dokumen;
    let (usulan, usulan_total) = pending_usulan(&ctx, root.as_deref(), SHOWN).await?;
    let (dokumen, dokumen_total) = pending_documents(&ctx, root.as_deref(), SHOWN).await?;
    let lingkup = match &root {
        Some(unit) => {
            let nama = units::unit(&ctx, unit)
                .await?
                .map_or_else(|| unit.clone(), |o| o.nama);
            format!("pegawai {nama} dan unit di bawahnya")
        }
        None => "seluruh instansi".to_owned(),
    };
    render_as(
        outcome.status,
        &Verifikasi {
            chrome: super::chrome_with(caller, HERE, outcome.flash),
            lingkup,
            usulan: usulan
                .into_iter()
                .map(|u| AntrianUsulan {
                    nomor: u.nomor,
                    kolom: u.kolom.label(),
                    lama: opt(u.nilai_lama.as_ref()),
                    baru: u.nilai_baru,
                    diajukan: tanggal_unix(u.diajukan),
                    nip: u.nip.as_str().to_owned(),
                    nama: u.nama,
                    opd: u.opd,
                })
                .collect(),
            usulan_total,
            dokumen: dokumen
                .into_iter()
                .map(|d| AntrianDokumen {
                    jenis: policy
                        .kind(&d.jenis)
                        .map_or_else(|| d.jenis.clone(), |k| k.nama.clone()),
                    ukuran: ukuran(d.ukuran),
                    href: format!("/pegawai/{}/dokumen/{}", d.nip.as_str(), d.sha256),
                    action: format!("/verifikasi/dokumen/{}/{}", d.nip.as_str(), d.sha256),
                    nama_file: d.nama_file,
                    nip: d.nip.as_str().to_owned(),
                    nama: d.nama,
                    opd: d.opd,
                })
                .collect(),
            dokumen_total,
        },
    )
}

#[derive(Deserialize)]
struct Decision {
    keputusan: String,
    #[serde(default)]
    alasan: String,
}

fn decided(keputusan: &Keputusan, changed: bool) -> Response {
    let code = match (changed, keputusan) {
        (false, _) => "lewat",
        (true, Keputusan::Setujui) => "disetujui",
        (true, Keputusan::Tolak(_)) => "ditolak",
    };
    Redirect::to(&format!("{HERE}?ok={code}")).into_response()
}

async fn decide_proposal(
    caller: Caller,
    Path(nomor): Path<i64>,
    Form(input): Form<Decision>,
) -> Reply {
    let ctx = caller.ctx();
    let usulan = usulan(&ctx, nomor).await?.ok_or(WebError::NotFound)?;
    let target = Target::Person {
        instansi: caller.instansi(),
        nip: usulan.nip,
        unit: &usulan.opd,
    };
    if !caller.may(Action::Verify, target) {
        return Err(WebError::NotFound);
    }
    let keputusan = match Keputusan::from_form(&input.keputusan, &input.alasan) {
        Ok(keputusan) => keputusan,
        Err(reason) => return refused(&caller, reason).await,
    };
    match decide_usulan(&ctx, &usulan, &keputusan).await {
        Ok(changed) => Ok(decided(&keputusan, changed)),
        Err(SelfServiceError::Storage(e)) => Err(e.into()),
        Err(reason) => refused(&caller, reason).await,
    }
}

async fn decide_document(
    caller: Caller,
    InPath(nip): InPath<Nip>,
    Path((_, sha256)): Path<(String, String)>,
    Form(input): Form<Decision>,
) -> Reply {
    caller.person(&nip, Action::Verify).await?;
    let ctx = caller.ctx();
    let document = documents_of(&ctx, &nip)
        .await?
        .into_iter()
        .find(|d| d.sha256 == sha256)
        .ok_or(WebError::NotFound)?;
    let keputusan = match Keputusan::from_form(&input.keputusan, &input.alasan) {
        Ok(keputusan) => keputusan,
        Err(reason) => return refused(&caller, reason).await,
    };
    if document.verifikasi != Keadaan::Menunggu {
        return Ok(decided(&keputusan, false));
    }
    let alasan = match &keputusan {
        Keputusan::Setujui => None,
        Keputusan::Tolak(alasan) => Some(alasan.as_str()),
    };
    let changed = verification::decide_document(&ctx, &nip, &sha256, alasan).await?;
    Ok(decided(&keputusan, changed))
}

async fn refused(caller: &Caller, reason: impl std::fmt::Display) -> Reply {
    page(
        caller,
        Outcome::refused(format!("Keputusan tidak disimpan: {reason}.")),
    )
    .await
}
