//! An employee's profile: personal data, career, SKP, assessments and
//! their place in the talent map with the numbers behind it.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use talenta_app::profile::{Profile, load};
use talenta_domain::access::{Action, Target};
use talenta_domain::talent::Komponen;
use talenta_domain::{Kotak, RuleSet};
use talenta_views::Table;
use talenta_views::pages::{Profil, TalentPosition};

use crate::AppState;
use crate::error::{WebError, render};
use crate::format::{nilai, opt, opt_tanggal, tanggal};
use crate::session::SignedIn;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/pegawai/{nip}", get(show))
}

/// The profile of `nip`, if the user may read it. Answers 404 for an
/// unknown NIP and for one out of the user's scope alike.
pub(crate) async fn visible(
    state: &AppState,
    user: &SignedIn,
    nip: &str,
) -> Result<Profile, WebError> {
    let instansi = user.actor.instansi;
    let profile = load(state.db(), state.rules(), instansi, nip)
        .await?
        .ok_or(WebError::NotFound)?;
    let target = Target::Person {
        instansi,
        nip,
        unit: &profile.pegawai.opd,
    };
    if !user.may(Action::ReadProfile, target) {
        return Err(WebError::NotFound);
    }
    Ok(profile)
}

async fn show(
    State(state): State<AppState>,
    user: SignedIn,
    Path(nip): Path<String>,
) -> Result<Response, WebError> {
    let profile = visible(&state, &user, &nip).await?;
    let here = format!("/pegawai/{nip}");
    let sensitive_target = Target::Person {
        instansi: user.actor.instansi,
        nip: &nip,
        unit: &profile.pegawai.opd,
    };
    let sensitive = if user.may(Action::ReadSensitive, sensitive_target) {
        vec![
            ("Agama", opt(profile.pegawai.agama.as_ref())),
            ("Daerah asal", opt(profile.pegawai.daerah_asal.as_ref())),
        ]
    } else {
        Vec::new()
    };
    render(&page(
        state.rules(),
        super::chrome(&user, &here),
        &profile,
        sensitive,
    ))
}

fn full_name(p: &talenta_domain::personnel::Pegawai) -> String {
    let mut name = String::new();
    if let Some(gelar) = &p.gelar_depan {
        name.push_str(gelar);
        name.push(' ');
    }
    name.push_str(&p.nama);
    if let Some(gelar) = &p.gelar_belakang {
        name.push_str(", ");
        name.push_str(gelar);
    }
    name
}

fn page(
    rules: &RuleSet,
    chrome: talenta_views::Chrome,
    profile: &Profile,
    sensitive: Vec<(&'static str, String)>,
) -> Profil {
    let p = &profile.pegawai;
    let jabatan = profile
        .jabatan
        .as_ref()
        .map_or_else(|| "tanpa jabatan".to_owned(), |j| j.nama.clone());
    let opd = profile
        .opd
        .as_ref()
        .map_or_else(|| p.opd.clone(), |o| o.nama.clone());
    let facts = vec![
        ("Status", p.status.label().to_owned()),
        ("Golongan", opt(p.golongan)),
        ("TMT golongan", opt_tanggal(p.tmt_golongan)),
        ("Jabatan", jabatan.clone()),
        (
            "Jenjang",
            profile
                .jabatan
                .as_ref()
                .map_or_else(|| "—".to_owned(), |j| j.jenjang.label().to_owned()),
        ),
        ("TMT jabatan", opt_tanggal(p.tmt_jabatan)),
        ("Unit kerja", opd.clone()),
        ("Pendidikan", opt(p.pendidikan.map(|t| t.label()))),
        (
            "Bidang ilmu",
            opt(p.bidang_ilmu.as_ref().map(|b| b.as_str())),
        ),
        ("Jenis kelamin", p.jenis_kelamin.label().to_owned()),
        (
            "Tempat, tanggal lahir",
            format!(
                "{}, {}",
                p.tempat_lahir.as_deref().unwrap_or("—"),
                tanggal(p.tanggal_lahir)
            ),
        ),
        ("TMT CPNS", opt_tanggal(p.tmt_cpns)),
        ("Surel", opt(p.email.as_ref())),
        ("Nomor HP", opt(p.no_hp.as_ref())),
    ];
    Profil {
        chrome,
        nip: p.nip.to_string(),
        nama: full_name(p),
        subtitle: format!("{jabatan} · {opd}"),
        facts,
        sensitive,
        talent: talent_position(rules, profile),
        sections: sections(profile),
    }
}

fn talent_position(rules: &RuleSet, profile: &Profile) -> Option<TalentPosition> {
    let row = profile.talent.last()?;
    let weights = &rules.weights;
    let components = profile.latest_components.as_ref().map(|(_, c)| *c);
    let k = components.map(|c| c.kinerja).unwrap_or_default();
    let pt = components.map(|c| c.potensial).unwrap_or_default();
    let percent = |w: u8| format!("{w}%");
    let components = vec![
        (
            "Kinerja utama (predikat SKP)",
            nilai(k.utama),
            percent(weights.kinerja.utama),
        ),
        (
            "Kinerja penguat",
            nilai(k.penguat),
            percent(weights.kinerja.penguat),
        ),
        (
            "Kompetensi (JPM)",
            nilai(pt.kompetensi),
            percent(weights.potensial.kompetensi),
        ),
        (
            "Potensi (tes potensi)",
            nilai(pt.potensi),
            percent(weights.potensial.potensi),
        ),
        (
            "Kualifikasi",
            nilai(pt.kualifikasi),
            percent(weights.potensial.kualifikasi),
        ),
        (
            "Integritas (hukuman disiplin)",
            nilai(pt.integritas),
            percent(weights.potensial.integritas),
        ),
    ];
    let missing = row
        .kurang
        .as_deref()
        .map(|codes| {
            codes
                .split('|')
                .filter(|c| !c.is_empty())
                .map(|c| komponen_label(c).to_owned())
                .collect()
        })
        .unwrap_or_default();
    Some(TalentPosition {
        periode: row.periode.clone(),
        kotak: row.kotak.map(Kotak::number),
        label: row.kotak.map_or("", Kotak::label),
        kinerja: nilai(row.kinerja),
        potensial: nilai(row.potensial),
        nilai_talenta: nilai(row.nilai_talenta),
        missing,
        components,
        rules: format!(
            "Bobot sumbu: kinerja {}% dan potensial {}% dari nilai talenta; aturan {}.",
            weights.nilai_talenta.kinerja, weights.nilai_talenta.potensial, rules.id
        ),
    })
}

fn komponen_label(code: &str) -> &str {
    [
        (Komponen::KinerjaUtama, "kinerja utama (SKP)"),
        (Komponen::KinerjaPenguat, "kinerja penguat"),
        (Komponen::Kompetensi, "kompetensi (asesmen)"),
        (Komponen::Potensi, "potensi (tes potensi)"),
        (Komponen::Kualifikasi, "kualifikasi (pendidikan)"),
        (Komponen::Integritas, "integritas"),
    ]
    .into_iter()
    .find(|(k, _)| k.code() == code)
    .map_or(code, |(_, label)| label)
}

fn sections(p: &Profile) -> Vec<Table> {
    let table = |caption: &str, columns: Vec<&'static str>, rows: Vec<Vec<String>>| Table {
        caption: caption.to_owned(),
        columns,
        rows,
        empty: "Belum ada data.",
    };
    vec![
        table(
            "Riwayat kotak talenta",
            vec!["Periode", "Kotak", "Kinerja", "Potensial", "Nilai talenta"],
            p.talent
                .iter()
                .rev()
                .map(|r| {
                    vec![
                        r.periode.clone(),
                        r.kotak.map_or_else(
                            || "belum dipetakan".to_owned(),
                            |k| format!("{} · {}", k.number(), k.label()),
                        ),
                        nilai(r.kinerja),
                        nilai(r.potensial),
                        nilai(r.nilai_talenta),
                    ]
                })
                .collect(),
        ),
        table(
            "Riwayat jabatan",
            vec!["TMT", "Jabatan", "Jenjang", "Unit", "Nomor SK"],
            p.riwayat_jabatan
                .iter()
                .map(|r| {
                    vec![
                        tanggal(r.tmt),
                        r.nama_jabatan.clone(),
                        r.jenjang.label().to_owned(),
                        opt(r.opd.as_ref()),
                        opt(r.nomor_sk.as_ref()),
                    ]
                })
                .collect(),
        ),
        table(
            "Riwayat golongan",
            vec!["TMT", "Golongan", "Jenis kenaikan", "Nomor SK"],
            p.riwayat_golongan
                .iter()
                .map(|r| {
                    vec![
                        tanggal(r.tmt),
                        r.golongan.to_string(),
                        opt(r.jenis_kp.as_ref()),
                        opt(r.nomor_sk.as_ref()),
                    ]
                })
                .collect(),
        ),
        table(
            "Riwayat pendidikan",
            vec!["Tingkat", "Tahun lulus", "Bidang ilmu", "Sekolah"],
            p.riwayat_pendidikan
                .iter()
                .map(|r| {
                    vec![
                        r.tingkat.label().to_owned(),
                        r.tahun_lulus.to_string(),
                        opt(r.bidang_ilmu.as_ref().map(|b| b.as_str())),
                        opt(r.nama_sekolah.as_ref()),
                    ]
                })
                .collect(),
        ),
        table(
            "Diklat",
            vec!["Mulai", "Nama", "Jenis", "Jam", "Penyelenggara"],
            p.riwayat_diklat
                .iter()
                .map(|r| {
                    vec![
                        tanggal(r.mulai),
                        r.nama.clone(),
                        opt(r.jenis.as_ref()),
                        opt(r.jam),
                        opt(r.penyelenggara.as_ref()),
                    ]
                })
                .collect(),
        ),
        table(
            "Penghargaan",
            vec!["Tanggal", "Nama", "Nomor SK"],
            p.riwayat_penghargaan
                .iter()
                .map(|r| vec![tanggal(r.tanggal), r.nama.clone(), opt(r.nomor_sk.as_ref())])
                .collect(),
        ),
        table(
            "Hukuman disiplin",
            vec!["Mulai", "Jenis", "Berakhir", "Nomor SK"],
            p.riwayat_hukdis
                .iter()
                .map(|r| {
                    vec![
                        tanggal(r.mulai),
                        r.jenis.label().to_owned(),
                        opt_tanggal(r.akhir),
                        opt(r.nomor_sk.as_ref()),
                    ]
                })
                .collect(),
        ),
        table(
            "SKP",
            vec![
                "Tahun",
                "Hasil kerja",
                "Perilaku kerja",
                "Predikat",
                "Nilai penguat",
                "Penilai",
            ],
            p.skp
                .iter()
                .map(|r| {
                    vec![
                        r.tahun.to_string(),
                        r.hasil_kerja.label().to_owned(),
                        r.perilaku_kerja.label().to_owned(),
                        r.predikat.label().to_owned(),
                        nilai(r.nilai_penguat),
                        opt(r.penilai_nama.as_ref()),
                    ]
                })
                .collect(),
        ),
        table(
            "Asesmen",
            vec!["Tanggal", "Sumber", "Nilai potensi"],
            p.asesmen
                .iter()
                .map(|r| vec![tanggal(r.tanggal), r.sumber.to_string(), nilai(r.potensi)])
                .collect(),
        ),
    ]
}
