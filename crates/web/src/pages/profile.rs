//! An employee's profile: personal data, career, SKP, assessments and
//! their place in the talent map with the numbers behind it.

use axum::Router;
use axum::routing::get;
use talenta_app::profile::{Profile, load};
use talenta_app::self_service::{Keadaan, checklist};
use talenta_app::verification::{Usulan, Verifikasi};
use talenta_domain::access::{Action, Target};
use talenta_domain::talent::Komponen;
use talenta_domain::{Kotak, Nip, RuleSet, branding, usulan};
use talenta_views::Table;
use talenta_views::pages::{
    BerkasRow, BrandingRow, BrandingView, DokumenView, EditForms, Profil, TalentPosition, UsulanRow,
};

use super::{Done, Outcome};
use crate::AppState;
use crate::caller::Caller;
use crate::error::{Reply, WebError, render_as};
use crate::extract::{InPath, Query};
use crate::format::{nilai, opt, opt_tanggal, tanggal, tanggal_unix, ukuran};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/pegawai/{nip}", get(show))
}

/// The messages a form's redirect may ask the profile to show, by code
/// (never text from the URL).
const DONE: [(&str, &str); 5] = [
    ("pernyataan", "Pernyataan diri disimpan."),
    ("butir", "Butir personal branding ditambahkan."),
    ("hapus", "Butir personal branding dihapus."),
    (
        "usulan",
        "Usulan perubahan diajukan dan menunggu verifikasi admin OPD.",
    ),
    (
        "dokumen",
        "Dokumen diunggah dan menunggu verifikasi admin OPD.",
    ),
];

async fn show(caller: Caller, InPath(nip): InPath<Nip>, Query(done): Query<Done>) -> Reply {
    respond(&caller, &nip, done.outcome(&DONE)).await
}

/// The profile page of `nip` with `outcome` on top (a form refused, or
/// what was done).
pub(crate) async fn respond(caller: &Caller, nip: &Nip, outcome: Outcome) -> Reply {
    let profile = load(&caller.ctx(), nip).await?.ok_or(WebError::NotFound)?;
    let target = Target::Person {
        instansi: caller.instansi(),
        nip: *nip,
        unit: &profile.pegawai.opd,
    };
    if !caller.may(Action::ReadProfile, target) {
        return Err(WebError::NotFound);
    }
    let here = format!("/pegawai/{}", nip.as_str());
    let sensitive = if caller.may(Action::ReadSensitive, target) {
        vec![
            ("Agama", opt(profile.pegawai.agama.as_ref())),
            ("Daerah asal", opt(profile.pegawai.daerah_asal.as_ref())),
        ]
    } else {
        Vec::new()
    };
    let rules = caller.rules();
    let upload_max_bytes = caller.state().config().upload_max_bytes;
    let edit = caller
        .may(Action::EditOwnProfile, target)
        .then(|| edit_forms(rules, upload_max_bytes, &here));
    let files = caller.may(Action::ReadDocuments, target);
    let chrome = super::chrome_with(caller, &here, outcome.flash);
    let page = page(rules, chrome, &profile, sensitive, files, edit);
    render_as(outcome.status, &page)
}

fn edit_forms(rules: &RuleSet, upload_max_bytes: u32, base: &str) -> EditForms {
    EditForms {
        base: base.to_owned(),
        kolom: usulan::Kolom::ALL
            .into_iter()
            .map(|k| (k.code(), k.label()))
            .collect(),
        jenis_item: branding::Jenis::ALL
            .into_iter()
            .map(|j| (j.code(), j.label()))
            .collect(),
        jenis_dokumen: rules
            .dokumen
            .wajib
            .iter()
            .map(|d| (d.kode.clone(), d.nama.clone()))
            .collect(),
        batas: ukuran(i64::from(upload_max_bytes)),
    }
}

fn full_name(p: &talenta_domain::personnel::Pegawai) -> String {
    talenta_domain::personnel::full_name(
        p.gelar_depan.as_deref(),
        &p.nama,
        p.gelar_belakang.as_deref(),
    )
}

fn page(
    rules: &RuleSet,
    chrome: talenta_views::Chrome,
    profile: &Profile,
    sensitive: Vec<(&'static str, String)>,
    files: bool,
    edit: Option<EditForms>,
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
        idp_href: format!("/pegawai/{}/idp", p.nip.as_str()),
        nama: full_name(p),
        subtitle: format!("{jabatan} · {opd}"),
        facts,
        sensitive,
        talent: talent_position(rules, profile),
        branding: branding_view(profile),
        dokumen: dokumen_view(rules, profile, files),
        usulan: profile.usulan.iter().map(usulan_row).collect(),
        edit,
        sections: sections(profile),
    }
}

fn branding_view(profile: &Profile) -> BrandingView {
    BrandingView {
        pernyataan: profile.branding.pernyataan.clone(),
        items: profile
            .branding
            .items
            .iter()
            .map(|b| BrandingRow {
                nomor: b.nomor,
                jenis: b.item.jenis.label(),
                judul: b.item.judul.clone(),
                tahun: b.item.tahun.map(|y| y.to_string()).unwrap_or_default(),
                tautan: b.item.tautan.clone(),
            })
            .collect(),
    }
}

/// The checklist, and the files themselves only when `files` (the person
/// and the admins who keep the records).
fn dokumen_view(rules: &RuleSet, profile: &Profile, files: bool) -> DokumenView {
    let policy = &rules.dokumen;
    let list = checklist(policy, profile.pegawai.status, &profile.documents);
    let nip = profile.pegawai.nip.as_str();
    DokumenView {
        percent: list.completeness.percent(),
        have: list.completeness.have,
        need: list.completeness.need,
        target: tanggal(policy.target),
        checklist: list
            .rows
            .into_iter()
            .map(|(_, nama, keadaan)| {
                let class = match keadaan {
                    Keadaan::Lengkap => "lengkap",
                    Keadaan::Ditolak => "ditolak",
                    Keadaan::Menunggu | Keadaan::Belum => "",
                };
                (nama, keadaan.label(), class)
            })
            .collect(),
        files: profile
            .documents
            .iter()
            .filter(|_| files)
            .map(|d| BerkasRow {
                jenis: policy
                    .kind(&d.jenis)
                    .map_or_else(|| d.jenis.clone(), |k| k.nama.clone()),
                nama_file: d.nama_file.clone(),
                ukuran: ukuran(d.ukuran),
                status: match &d.verifikasi {
                    Verifikasi::Menunggu => "Menunggu verifikasi".to_owned(),
                    Verifikasi::Disetujui { .. } => "Terverifikasi".to_owned(),
                    Verifikasi::Ditolak { alasan, .. } => format!("Ditolak: {alasan}"),
                },
                href: format!("/pegawai/{nip}/dokumen/{}", d.sha256),
            })
            .collect(),
    }
}

fn usulan_row(u: &Usulan) -> UsulanRow {
    UsulanRow {
        kolom: u.kolom.label(),
        lama: opt(u.nilai_lama.as_ref()),
        baru: u.nilai_baru.clone(),
        status: u.status.label(),
        catatan: u.catatan.clone().unwrap_or_default(),
        diajukan: tanggal_unix(u.diajukan),
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
        // The kinerja axis has no weights: the predikat of each year decides
        // its range, the penguat places it within (talent::KinerjaAxis).
        (
            "Kinerja utama (predikat SKP)",
            nilai(k.utama),
            "menentukan rentang; nilai tanpa penguat".to_owned(),
        ),
        (
            "Kinerja penguat",
            nilai(k.penguat),
            format!(
                "menaikkan dalam rentang; tanpa nilai dianggap {}",
                nilai(Some(rules.kinerja.missing_penguat))
            ),
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
        .map
        .kurang
        .iter()
        .map(|k| komponen_label(k.code()).to_owned())
        .collect();
    let kotak = row.final_box;
    Some(TalentPosition {
        periode: row.map.periode.to_string(),
        kotak: kotak.map(Kotak::number),
        label: kotak.map_or("", Kotak::label),
        // A calibration keeps the box it moved the person from.
        kalibrasi: row.calibration.as_ref().zip(kotak).map(|(c, to)| {
            format!(
                "Dikalibrasi tim penilai talenta dari kotak {} ke kotak {}: {}",
                c.kotak_awal.number(),
                to.number(),
                c.alasan
            )
        }),
        kinerja: nilai(row.map.kinerja),
        potensial: nilai(row.map.potensial),
        nilai_talenta: nilai(row.map.nilai_talenta),
        missing,
        components,
        rules: format!(
            "Bobot sumbu: kinerja {}% dan potensial {}% dari nilai talenta; aturan {}.",
            weights.nilai_talenta.kinerja, weights.nilai_talenta.potensial, rules.id
        ),
    })
}

pub(super) fn komponen_label(code: &str) -> &str {
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
            vec![
                "Periode",
                "Kotak akhir",
                "Kotak hasil perhitungan",
                "Alasan kalibrasi",
                "Kinerja",
                "Potensial",
                "Nilai talenta",
            ],
            p.talent
                .iter()
                .rev()
                .map(|r| {
                    let kotak = |k: Option<Kotak>| {
                        k.map_or_else(
                            || "belum dipetakan".to_owned(),
                            |k| format!("{} · {}", k.number(), k.label()),
                        )
                    };
                    vec![
                        r.map.periode.to_string(),
                        kotak(r.final_box),
                        kotak(r.map.kotak),
                        r.calibration.as_ref().map_or_else(String::new, |c| {
                            format!("{} ({}, {})", c.alasan, c.oleh, tanggal(c.at.date()))
                        }),
                        nilai(r.map.kinerja),
                        nilai(r.map.potensial),
                        nilai(r.map.nilai_talenta),
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
