//! Individual development plans (IDP) in the browser (issue 6): a
//! person's saved plans with their progress, and the edit form of one
//! plan towards a target position, which starts as a draft from the
//! competency gaps (`talenta_app::development::idp_draft`). The committee and
//! the admins who keep the person's records edit (`Action::PlanDevelopment`);
//! whoever may read the profile reads the plans.
//!
//! The form's rows are numbered fields (`jenis.3`, `kegiatan.3`, ...), so a
//! refused submission shows every row again as it was typed. Competency
//! levels never come from the form: they are read again from the
//! position's standard and the person's latest assessment.

use std::collections::BTreeMap;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use serde::Deserialize;
use talenta_app::Ctx;
use talenta_app::development::{IdpBasis, IdpError, IdpRow, idp, idp_basis, idp_draft, idp_save};
use talenta_app::people::position;
use talenta_app::succession::positions;
use talenta_domain::Nip;
use talenta_domain::access::{Action, Target};
use talenta_domain::development::{JenisPengembangan, StatusIdp};
use talenta_domain::kompetensi::{Kompetensi, Level};
use talenta_domain::personnel::Pegawai;
use talenta_domain::teks::{self, Lines};
use talenta_views::pages::{Idp, IdpBaris, IdpIsian, IdpRencana, IdpUbah};
use time::Date;
use time::macros::format_description;

use super::cycle::cycle_error;
use super::dashboard::path_segment;
use super::{Done, Outcome};
use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render_as};
use crate::extract::{Form, InPath, Query};
use crate::format::{opt_tanggal, tanggal};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/pegawai/{nip}/idp", get(plans).post(save))
        .route("/pegawai/{nip}/idp/ubah", get(edit))
}

/// Activities in one plan at most: a standard has a dozen competencies,
/// each with two suggested types; more is a mistake or an abuse.
const MAX_ROWS: usize = 100;
const MAX_KEGIATAN: usize = 200;
const MAX_CATATAN: usize = 500;

const DONE: [(&str, &str); 1] = [("idp", "Rencana pengembangan disimpan.")];

fn status_label(status: StatusIdp) -> &'static str {
    match status {
        StatusIdp::Rencana => "Rencana",
        StatusIdp::Berjalan => "Berjalan",
        StatusIdp::Selesai => "Selesai",
        StatusIdp::Batal => "Batal",
    }
}

fn idp_error(error: IdpError) -> WebError {
    match error {
        IdpError::Cycle(e) => cycle_error(e),
        IdpError::UnknownEmployee(_) | IdpError::UnknownPosition(_) => WebError::NotFound,
        other => WebError::Internal(other.to_string()),
    }
}

/// "2 → 3", or "belum diases → 3".
fn level_text(attained: Option<Level>, target: Level) -> String {
    let from = attained.map_or_else(|| "belum diases".to_owned(), |l| l.get().to_string());
    format!("{from} → {}", target.get())
}

/// The name of position `kode`, for headings.
async fn position_name(ctx: &Ctx<'_>, kode: &str) -> Result<String, WebError> {
    Ok(position(ctx, kode)
        .await?
        .map_or_else(|| kode.to_owned(), |j| format!("{} ({kode})", j.nama)))
}

fn edit_href(nip: &Nip, kode: &str) -> String {
    format!(
        "/pegawai/{}/idp/ubah?jabatan={}",
        nip.as_str(),
        path_segment(kode)
    )
}

async fn plans(caller: Caller, InPath(nip): InPath<Nip>, Query(done): Query<Done>) -> Reply {
    plans_page(&caller, &nip, done.outcome(&DONE)).await
}

async fn plans_page(caller: &Caller, nip: &Nip, outcome: Outcome) -> Reply {
    let pegawai = caller.person(nip, Action::ReadProfile).await?;
    let may_edit = caller.may(
        Action::PlanDevelopment,
        Target::Person {
            instansi: caller.instansi(),
            nip: *nip,
            unit: &pegawai.opd,
        },
    );
    let ctx = caller.ctx();
    let rows = idp(&ctx, nip).await.map_err(idp_error)?;
    let mut by_target: BTreeMap<&str, Vec<&IdpRow>> = BTreeMap::new();
    for row in &rows {
        by_target.entry(&row.jabatan_target).or_default().push(row);
    }
    let mut rencana = Vec::new();
    for (target, items) in by_target {
        let selesai = items
            .iter()
            .filter(|r| r.status == StatusIdp::Selesai)
            .count();
        rencana.push(IdpRencana {
            jabatan: position_name(&ctx, target).await?,
            ubah_href: may_edit.then(|| edit_href(nip, target)),
            kemajuan: format!("{selesai} dari {} kegiatan selesai.", items.len()),
            rows: items
                .iter()
                .map(|r| IdpBaris {
                    nomor: r.nomor,
                    kompetensi: r.kompetensi.to_string(),
                    level: level_text(r.level_saat_ini, r.level_target),
                    jenis: r.jenis.label(),
                    kegiatan: r.kegiatan.clone(),
                    target: opt_tanggal(r.target_selesai),
                    status: status_label(r.status),
                    catatan: r.catatan.clone().unwrap_or_default(),
                    diubah: format!("{} oleh {}", tanggal(r.diubah_at.date()), r.diubah_oleh),
                })
                .collect(),
        });
    }
    let pilihan_jabatan = if may_edit {
        let list = positions(&ctx, true).await.map_err(cycle_error)?;
        Some(
            list.into_iter()
                .map(|p| (p.kode, format!("{} · {}", p.nama, p.opd)))
                .collect(),
        )
    } else {
        None
    };
    let here = format!("/pegawai/{}", nip.as_str());
    let page = Idp {
        chrome: super::chrome_with(caller, &here, outcome.flash),
        nip: nip.as_str().to_owned(),
        nama: pegawai.nama,
        rencana,
        pilihan_jabatan,
    };
    render_as(outcome.status, &page)
}

#[derive(Deserialize)]
struct Towards {
    #[serde(default)]
    jabatan: String,
}

/// The saved plan towards a position, or a draft from the gaps when there
/// is none.
async fn edit(caller: Caller, InPath(nip): InPath<Nip>, Query(target): Query<Towards>) -> Reply {
    let pegawai = caller.person(&nip, Action::PlanDevelopment).await?;
    let jabatan = target.jabatan.trim();
    let ctx = caller.ctx();
    let Some(basis) = basis(&ctx, &nip, jabatan).await? else {
        return no_standard(&caller, &nip, jabatan).await;
    };
    let saved: Vec<IdpRow> = idp(&ctx, &nip)
        .await
        .map_err(idp_error)?
        .into_iter()
        .filter(|r| r.jabatan_target == jabatan)
        .collect();
    let (rows, sumber) = if saved.is_empty() {
        let draft = idp_draft(&ctx, &nip, jabatan).await.map_err(idp_error)?;
        (
            draft,
            "Draf dari kesenjangan kompetensi terhadap standar jabatan (hasil asesmen terakhir), dengan jenis pengembangan yang disarankan aturan. Belum disimpan.",
        )
    } else {
        (
            saved,
            "Rencana tersimpan: ubah kegiatan, tanggal, status dan catatan untuk mencatat kemajuannya.",
        )
    };
    let entered = rows
        .iter()
        .map(|r| Entered {
            kompetensi: r.kompetensi.code(),
            jenis: r.jenis.code().to_owned(),
            kegiatan: r.kegiatan.clone(),
            target: r.target_selesai.map(iso_date).unwrap_or_default(),
            status: r.status.code().to_owned(),
            catatan: r.catatan.clone().unwrap_or_default(),
            hapus: false,
        })
        .collect();
    let page = EditPage {
        pegawai: &pegawai,
        basis: &basis,
        sumber,
        galat: Vec::new(),
        rows: entered,
    };
    page.respond(&caller, StatusCode::OK)
}

/// What a plan of `nip` towards `jabatan` starts from, or `None` when the
/// position has no competency standard to plan for.
async fn basis(ctx: &Ctx<'_>, nip: &Nip, jabatan: &str) -> Result<Option<IdpBasis>, WebError> {
    match idp_basis(ctx, nip, jabatan).await {
        Ok(basis) => Ok(Some(basis)),
        Err(IdpError::NoStandard(_)) => Ok(None),
        Err(other) => Err(idp_error(other)),
    }
}

/// The plans page with the reason a position cannot be planned for.
async fn no_standard(caller: &Caller, nip: &Nip, jabatan: &str) -> Reply {
    let outcome = Outcome::refused(format!(
        "Jabatan {jabatan} belum memiliki standar kompetensi, sehingga tidak ada kesenjangan yang dapat direncanakan."
    ));
    plans_page(caller, nip, outcome).await
}

fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// One row of the form as typed.
#[derive(Debug, Clone, Default)]
struct Entered {
    kompetensi: String,
    jenis: String,
    kegiatan: String,
    target: String,
    status: String,
    catatan: String,
    hapus: bool,
}

/// The form's fields: the target, the action, the competency of a new
/// row, and the numbered rows in their order on the page.
#[derive(Debug, Default)]
struct Submitted {
    jabatan: String,
    add: Option<String>,
    rows: Vec<Entered>,
}

impl Submitted {
    fn parse(fields: Vec<(String, String)>) -> Result<Submitted, WebError> {
        let mut out = Submitted::default();
        let mut adding = false;
        let mut add = String::new();
        let mut rows: BTreeMap<usize, Entered> = BTreeMap::new();
        for (name, value) in fields {
            match name.as_str() {
                "jabatan" => out.jabatan = value.trim().to_owned(),
                "aksi" => adding = value == "tambah",
                "tambah" => add = value,
                "_csrf" => {}
                _ => {
                    let Some((field, index)) = name.split_once('.') else {
                        continue;
                    };
                    let index: usize =
                        index.parse().map_err(|_| WebError::Invalid(field.into()))?;
                    if index >= MAX_ROWS * 2 {
                        return Err(WebError::Invalid(field.into()));
                    }
                    let row = rows.entry(index).or_default();
                    match field {
                        "kompetensi" => row.kompetensi = value,
                        "jenis" => row.jenis = value,
                        "kegiatan" => row.kegiatan = value,
                        "target" => row.target = value,
                        "status" => row.status = value,
                        "catatan" => row.catatan = value,
                        "hapus" => row.hapus = true,
                        _ => {}
                    }
                }
            }
        }
        out.add = adding.then_some(add);
        out.rows = rows.into_values().collect();
        Ok(out)
    }
}

/// The rows to save, or every reason they cannot be, named by the row's
/// place on the page. Levels come from `basis`, never from the form.
fn check(
    rows: &[Entered],
    basis: &IdpBasis,
    actor: &str,
    now: time::OffsetDateTime,
    nip: &Nip,
) -> Result<Vec<IdpRow>, Vec<String>> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let kept: Vec<(usize, &Entered)> = (1..).zip(rows).filter(|(_, r)| !r.hapus).collect();
    if kept.len() > MAX_ROWS {
        errors.push(format!(
            "paling banyak {MAX_ROWS} kegiatan dalam satu rencana"
        ));
    }
    for (n, row) in kept {
        let mut fail = |what: String| errors.push(format!("Baris {n}: {what}"));
        let kompetensi = row
            .kompetensi
            .parse::<Kompetensi>()
            .ok()
            .and_then(|k| basis.standar.get_key_value(&k));
        let Some((kompetensi, required)) = kompetensi else {
            fail("kompetensi tidak ada dalam standar jabatan target".to_owned());
            continue;
        };
        let jenis = row.jenis.parse::<JenisPengembangan>().ok();
        if jenis.is_none() {
            fail("pilih jenis pengembangan: diklat, coaching, mentoring atau penugasan".to_owned());
        }
        let status = row.status.parse::<StatusIdp>().ok();
        if status.is_none() {
            fail("pilih status: rencana, berjalan, selesai atau batal".to_owned());
        }
        let kegiatan = teks::check(&row.kegiatan, MAX_KEGIATAN, Lines::One).unwrap_or_else(|e| {
            fail(format!("kegiatan {e}"));
            String::new()
        });
        if kegiatan.is_empty() && row.kegiatan.trim().is_empty() {
            fail("kegiatan wajib diisi".to_owned());
        }
        let catatan = teks::check(&row.catatan, MAX_CATATAN, Lines::One).unwrap_or_else(|e| {
            fail(format!("catatan {e}"));
            String::new()
        });
        let target = row.target.trim();
        let target_selesai = if target.is_empty() {
            None
        } else {
            match Date::parse(target, format_description!("[year]-[month]-[day]")) {
                Ok(date) => Some(date),
                Err(_) => {
                    // Shown only when short: the field may hold anything.
                    let shown = teks::check(target, 10, Lines::One).unwrap_or_default();
                    fail(format!(
                        "target selesai \"{shown}\" bukan tanggal (TTTT-BB-HH)"
                    ));
                    None
                }
            }
        };
        if let (Some(jenis), Some(status)) = (jenis, status) {
            out.push(IdpRow {
                nip: nip.to_owned(),
                jabatan_target: basis.jabatan.kode.clone(),
                nomor: 0,
                kompetensi: kompetensi.clone(),
                level_saat_ini: basis
                    .attained
                    .as_ref()
                    .and_then(|a| a.get(kompetensi))
                    .copied(),
                level_target: *required,
                jenis,
                kegiatan,
                target_selesai,
                status,
                catatan: (!catatan.is_empty()).then_some(catatan),
                diubah_oleh: actor.to_owned(),
                diubah_at: now,
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

async fn save(
    caller: Caller,
    InPath(nip): InPath<Nip>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Reply {
    let pegawai = caller.person(&nip, Action::PlanDevelopment).await?;
    let mut form = Submitted::parse(fields)?;
    let ctx = caller.ctx();
    let Some(basis) = basis(&ctx, &nip, &form.jabatan).await? else {
        return no_standard(&caller, &nip, &form.jabatan).await;
    };
    if let Some(add) = form.add.take() {
        // A new row for a competency of the standard, with the first type
        // the rules suggest for its gap; nothing is saved yet.
        let kompetensi = add.parse::<Kompetensi>().ok();
        let Some((kompetensi, required)) = kompetensi
            .as_ref()
            .and_then(|k| basis.standar.get_key_value(k))
        else {
            return Err(WebError::Invalid("tambah".into()));
        };
        let attained = basis.attained.as_ref().and_then(|a| a.get(kompetensi));
        let gap = required
            .get()
            .saturating_sub(attained.map_or(0, |l| l.get()));
        let jenis = ctx
            .rules
            .development
            .suggest(gap)
            .first()
            .copied()
            .unwrap_or(JenisPengembangan::Diklat);
        form.rows.push(Entered {
            kompetensi: kompetensi.code(),
            jenis: jenis.code().to_owned(),
            kegiatan: format!("{} {kompetensi}", jenis.label()),
            status: StatusIdp::Rencana.code().to_owned(),
            ..Entered::default()
        });
        let page = EditPage {
            pegawai: &pegawai,
            basis: &basis,
            sumber: "Baris baru ditambahkan; rencana belum disimpan.",
            galat: Vec::new(),
            rows: form.rows,
        };
        return page.respond(&caller, StatusCode::OK);
    }
    match check(&form.rows, &basis, ctx.actor, ctx.now, &nip) {
        Ok(rows) => {
            idp_save(&ctx, &nip, &basis.jabatan.kode, &rows)
                .await
                .map_err(idp_error)?;
            Ok(Redirect::to(&format!("/pegawai/{}/idp?ok=idp", nip.as_str())).into_response())
        }
        Err(galat) => {
            let page = EditPage {
                pegawai: &pegawai,
                basis: &basis,
                sumber: "Periksa isian yang ditandai; semua isian Anda tetap di sini.",
                galat,
                rows: form.rows,
            };
            page.respond(&caller, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// The edit form with rows as entered.
struct EditPage<'a> {
    pegawai: &'a Pegawai,
    basis: &'a IdpBasis,
    sumber: &'static str,
    galat: Vec<String>,
    rows: Vec<Entered>,
}

impl EditPage<'_> {
    fn respond(self, caller: &Caller, status: StatusCode) -> Reply {
        let nip = self.pegawai.nip.as_str();
        let basis = self.basis;
        let rows = (0..)
            .zip(self.rows)
            .map(|(i, r)| {
                let known = r
                    .kompetensi
                    .parse::<Kompetensi>()
                    .ok()
                    .and_then(|k| basis.standar.get_key_value(&k));
                let (label, level) = match known {
                    Some((k, required)) => (
                        k.to_string(),
                        level_text(
                            basis.attained.as_ref().and_then(|a| a.get(k)).copied(),
                            *required,
                        ),
                    ),
                    None => (r.kompetensi.clone(), "—".to_owned()),
                };
                IdpIsian {
                    i,
                    kompetensi_label: label,
                    level,
                    kompetensi: r.kompetensi,
                    jenis: r.jenis,
                    kegiatan: r.kegiatan,
                    target: r.target,
                    status: r.status,
                    catatan: r.catatan,
                    hapus: r.hapus,
                }
            })
            .collect();
        let here = format!("/pegawai/{nip}");
        let page = IdpUbah {
            chrome: super::chrome(caller, &here),
            nip: nip.to_owned(),
            nama: self.pegawai.nama.clone(),
            jabatan_kode: basis.jabatan.kode.clone(),
            jabatan: format!("{} ({})", basis.jabatan.nama, basis.jabatan.kode),
            action: format!("/pegawai/{nip}/idp"),
            kembali: format!("/pegawai/{nip}/idp"),
            sumber: self.sumber.to_owned(),
            galat: self.galat,
            rows,
            jenis: JenisPengembangan::ALL
                .into_iter()
                .map(|j| (j.code(), j.label()))
                .collect(),
            status: StatusIdp::ALL
                .into_iter()
                .map(|s| (s.code(), status_label(s)))
                .collect(),
            kompetensi: basis
                .standar
                .keys()
                .map(|k| (k.code(), k.to_string()))
                .collect(),
        };
        render_as(status, &page)
    }
}
