//! One type per page (or htmx partial), named after its template.

use askama::Template;

use crate::{Chrome, Table};

/// The login form.
#[derive(Debug, Template)]
#[template(path = "masuk.html")]
pub struct Masuk {
    pub chrome: Chrome,
    pub error: Option<String>,
    /// Where to go after logging in (a local path).
    pub next: String,
    pub nip: String,
}

/// An error page: not found, or something went wrong.
#[derive(Debug, Template)]
#[template(path = "galat.html")]
pub struct Galat {
    pub chrome: Chrome,
    pub heading: &'static str,
    pub message: String,
}

/// The one-time setup of the first administrator.
#[derive(Debug, Template)]
#[template(path = "penyiapan.html")]
pub struct Penyiapan {
    pub chrome: Chrome,
    pub error: Option<String>,
    pub token: String,
    /// (id, name) of each instansi in the database.
    pub instansi: Vec<(i64, String)>,
    pub min_password: usize,
}

/// Changing one's password.
#[derive(Debug, Template)]
#[template(path = "sandi.html")]
pub struct Sandi {
    pub chrome: Chrome,
    pub error: Option<String>,
    pub min_password: usize,
}

/// An employee's profile.
#[derive(Debug, Template)]
#[template(path = "profil.html")]
pub struct Profil {
    pub chrome: Chrome,
    pub nip: String,
    /// The name with academic titles.
    pub nama: String,
    /// Jabatan and unit.
    pub subtitle: String,
    pub facts: Vec<(&'static str, String)>,
    /// Religion and region of origin; empty when the viewer may not see them.
    pub sensitive: Vec<(&'static str, String)>,
    pub talent: Option<TalentPosition>,
    pub branding: BrandingView,
    pub dokumen: DokumenView,
    /// The employee's proposed changes, newest first.
    pub usulan: Vec<UsulanRow>,
    /// The forms, when the viewer is the employee.
    pub edit: Option<EditForms>,
    /// The person's development plans.
    pub idp_href: String,
    /// Box history, career histories, SKP and assessments.
    pub sections: Vec<Table>,
}

/// Personal branding as shown on the profile.
#[derive(Debug, Clone, Default)]
pub struct BrandingView {
    pub pernyataan: String,
    pub items: Vec<BrandingRow>,
}

#[derive(Debug, Clone)]
pub struct BrandingRow {
    pub nomor: i64,
    pub jenis: &'static str,
    pub judul: String,
    pub tahun: String,
    /// An http(s) link (checked on entry).
    pub tautan: Option<String>,
}

/// The required-document checklist and the uploaded files.
#[derive(Debug, Clone)]
pub struct DokumenView {
    pub percent: u8,
    pub have: usize,
    pub need: usize,
    /// The instansi's target date for complete files.
    pub target: String,
    /// (document, state, CSS class) per required document.
    pub checklist: Vec<(String, &'static str, &'static str)>,
    pub files: Vec<BerkasRow>,
}

#[derive(Debug, Clone)]
pub struct BerkasRow {
    pub jenis: String,
    pub nama_file: String,
    pub ukuran: String,
    pub status: String,
    pub href: String,
}

#[derive(Debug, Clone)]
pub struct UsulanRow {
    pub kolom: &'static str,
    pub lama: String,
    pub baru: String,
    pub status: &'static str,
    pub catatan: String,
    pub diajukan: String,
}

/// What the employee's own forms need.
#[derive(Debug, Clone)]
pub struct EditForms {
    /// `/pegawai/{nip}`: the forms post below it.
    pub base: String,
    /// (code, label) of the fields one may propose.
    pub kolom: Vec<(&'static str, &'static str)>,
    /// (code, label) of the kinds of branding item.
    pub jenis_item: Vec<(&'static str, &'static str)>,
    /// (code, name) of the kinds of document.
    pub jenis_dokumen: Vec<(String, String)>,
    /// The upload limit, e.g. "5 MB".
    pub batas: String,
}

/// The verification queue of an OPD admin or the BKPSDM.
#[derive(Debug, Template)]
#[template(path = "verifikasi.html")]
pub struct Verifikasi {
    pub chrome: Chrome,
    /// Whose queue: the unit's name, or the instansi.
    pub lingkup: String,
    pub usulan: Vec<AntrianUsulan>,
    pub usulan_total: i64,
    pub dokumen: Vec<AntrianDokumen>,
    pub dokumen_total: i64,
}

#[derive(Debug, Clone)]
pub struct AntrianUsulan {
    pub nomor: i64,
    pub nip: String,
    pub nama: String,
    pub opd: String,
    pub kolom: &'static str,
    pub lama: String,
    pub baru: String,
    pub diajukan: String,
}

#[derive(Debug, Clone)]
pub struct AntrianDokumen {
    pub nip: String,
    pub nama: String,
    pub opd: String,
    pub jenis: String,
    pub nama_file: String,
    pub ukuran: String,
    pub href: String,
    /// Where the decision form posts.
    pub action: String,
}

/// A person's place in the latest talent map and the numbers behind it.
#[derive(Debug, Clone)]
pub struct TalentPosition {
    pub periode: String,
    pub kotak: Option<u8>,
    pub label: &'static str,
    /// The committee's move and its reason, when calibrated.
    pub kalibrasi: Option<String>,
    pub kinerja: String,
    pub potensial: String,
    pub nilai_talenta: String,
    /// Components without data.
    pub missing: Vec<String>,
    /// (component, value, weight) rows.
    pub components: Vec<(&'static str, String, String)>,
    /// Which rule set and cut-offs computed it.
    pub rules: String,
}

/// A table of a dashboard, one row per unit, with a stable id.
#[derive(Debug, Clone, Default)]
pub struct UnitTable {
    /// The element id (`progres-profil`).
    pub id: &'static str,
    pub caption: String,
    /// A sentence under the caption: what the numbers mean.
    pub note: String,
    /// Headings after the unit column.
    pub columns: Vec<String>,
    pub rows: Vec<UnitRow>,
    /// The totals row, if any.
    pub total: Option<Vec<String>>,
}

/// A unit's row: its name (a link to its own dashboard where the viewer
/// may open it) and numbers.
#[derive(Debug, Clone, Default)]
pub struct UnitRow {
    pub nama: String,
    pub href: Option<String>,
    pub cells: Vec<String>,
}

/// The dashboard of the instansi or of one OPD. The chart fields are SVG
/// drawn by [`crate::charts`], which escapes every text it embeds.
#[derive(Debug, Template)]
#[template(path = "dasbor.html")]
pub struct Dasbor {
    pub chrome: Chrome,
    pub judul: String,
    /// The OPD dashboard's unit code (`data-opd`); empty for the instansi.
    pub opd: String,
    /// Where the numbers come from and what they mean.
    pub keterangan: Vec<String>,
    pub progres_svg: String,
    pub progres_teks: String,
    pub progres_opd_svg: String,
    pub dokumen_teks: String,
    pub dokumen_target: String,
    pub periode: Option<String>,
    pub kotak_svg: String,
    pub kotak_teks: String,
    pub tables: Vec<UnitTable>,
    /// The verification queue: proposals and documents, and both (counts
    /// as printed, `×` when hidden).
    pub antrean: String,
    pub antrean_usulan: String,
    pub antrean_dokumen: String,
    /// The verification page, for those who may verify.
    pub verifikasi_href: Option<String>,
    /// Key positions in scope short of ready-now successors (at most a
    /// screenful), and what the notice says above them.
    pub suksesi: Vec<SuksesiKurang>,
    pub suksesi_teks: String,
    /// The OPD dashboard's retention block: the flags counted, and the
    /// retention page filtered to the OPD for those who may list people.
    pub retensi: Option<Retensi>,
    /// The officeholders in scope to evaluate in the latest mapped period.
    pub evaluasi: Option<EvaluasiPejabat>,
}

/// A key position short of ready successors, in the dashboard's notice.
#[derive(Debug, Clone)]
pub struct SuksesiKurang {
    pub nama: String,
    pub kode: String,
    pub opd: String,
    /// Ready-now successors, as printed.
    pub siap: String,
    /// The ready-now successors its jenjang needs.
    pub minimal: u8,
    /// The succession plan, for those who may open it.
    pub href: Option<String>,
}

/// The retention block of an OPD dashboard.
#[derive(Debug, Clone)]
pub struct Retensi {
    pub periode: String,
    /// People flagged, as printed.
    pub jumlah: String,
    /// Flags per reason: (reason, count as printed).
    pub alasan: Vec<(String, String)>,
    pub href: Option<String>,
}

/// The dashboards' count of officeholders to evaluate (the six-monthly
/// evaluation of the latest mapped period).
#[derive(Debug, Clone)]
pub struct EvaluasiPejabat {
    pub periode: String,
    /// Holders to evaluate, as printed (hidden from a reader who may not
    /// see persons when small).
    pub jumlah: String,
    /// Holders per rule: (rule, count as printed).
    pub alasan: Vec<(String, String)>,
    /// The rules in one sentence.
    pub aturan: String,
    /// Holders left out of the map, as printed.
    pub belum_dipetakan: String,
    /// The evaluation page, for those who may open it.
    pub href: Option<String>,
}

/// A person's row in a list: the NIP links to the profile.
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub nip: String,
    pub href: String,
    /// The other columns, after the NIP.
    pub cells: Vec<String>,
}

/// Paging of a list.
#[derive(Debug, Clone, Default)]
pub struct Halaman {
    /// "Menampilkan 51–100 dari 230 pegawai".
    pub info: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// A choice of a filter: value, label, and whether it is chosen.
#[derive(Debug, Clone)]
pub struct Pilihan {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A list of people: the employee list or the talent-map drill-down.
#[derive(Debug, Template)]
#[template(path = "daftar.html")]
pub struct Daftar {
    pub chrome: Chrome,
    pub judul: String,
    pub keterangan: String,
    /// The list's path, where the search form sends its query.
    pub action: &'static str,
    pub q: String,
    /// Filters as selects: (name, label, choices); the first choice is "all".
    pub filters: Vec<(&'static str, &'static str, Vec<Pilihan>)>,
    /// A message about the query (an unknown filter value), if any.
    pub galat: Option<String>,
    /// Headings, the NIP's first.
    pub columns: Vec<&'static str>,
    pub rows: Vec<PersonRow>,
    pub halaman: Halaman,
    pub export_href: String,
}

/// A table whose rows may link from their first cell.
#[derive(Debug, Clone)]
pub struct LinkTable {
    pub id: &'static str,
    pub caption: String,
    pub note: String,
    pub columns: Vec<&'static str>,
    pub rows: Vec<LinkRow>,
    pub empty: &'static str,
}

#[derive(Debug, Clone)]
pub struct LinkRow {
    pub href: Option<String>,
    pub cells: Vec<String>,
}

/// A page of the talent cycle: notes, links to go on, tables.
#[derive(Debug, Template)]
#[template(path = "siklus.html")]
pub struct Siklus {
    pub chrome: Chrome,
    pub judul: String,
    pub keterangan: Vec<String>,
    /// (href, label)
    pub tautan: Vec<(String, String)>,
    pub tables: Vec<LinkTable>,
}

/// The calibration list of a period.
#[derive(Debug, Template)]
#[template(path = "kalibrasi.html")]
pub struct Kalibrasi {
    pub chrome: Chrome,
    pub periode: String,
    pub action: String,
    /// The period is open and the viewer is on the committee.
    pub boleh: bool,
    pub status: String,
    pub q: String,
    pub kotak: String,
    pub info: String,
    /// What a reason must be ("Alasan paling sedikit 20 karakter…"), shown
    /// beside every reason field before anything is typed.
    pub aturan_alasan: String,
    /// The longest reason the form takes.
    pub max_alasan: usize,
    pub rows: Vec<KalibrasiBaris>,
}

impl Kalibrasi {
    /// The headings; the committee's form has the last column.
    pub fn columns(&self) -> Vec<&'static str> {
        let mut columns = vec![
            "Pegawai",
            "Nilai talenta",
            "Kotak hasil",
            "Kotak akhir",
            "Alasan kalibrasi",
        ];
        if self.boleh {
            columns.push("Pindahkan");
        }
        columns
    }
}

#[derive(Debug, Clone)]
pub struct KalibrasiBaris {
    pub nip: String,
    pub nama: String,
    pub opd: String,
    pub nilai_talenta: String,
    pub hasil: String,
    pub akhir: String,
    pub alasan: String,
    /// Where the row's form posts.
    pub action: String,
    /// The target boxes, the current final box (or the one a refused form
    /// chose) selected.
    pub pilihan: Vec<Pilihan>,
    /// The reason as a refused form had it; empty otherwise.
    pub isian_alasan: String,
    /// The large move was confirmed on a refused form.
    pub yakin: bool,
    /// Why a refused form was refused, next to the field it is about.
    pub galat: GalatKalibrasi,
}

/// Why a calibration form was refused, by the field it is about; all empty
/// for a form not yet sent.
#[derive(Debug, Clone, Default)]
pub struct GalatKalibrasi {
    pub kotak: Option<String>,
    pub alasan: Option<String>,
    pub yakin: Option<String>,
}

/// A person's individual development plans (IDP), one per target position.
#[derive(Debug, Template)]
#[template(path = "idp.html")]
pub struct Idp {
    pub chrome: Chrome,
    pub nip: String,
    pub nama: String,
    pub rencana: Vec<IdpRencana>,
    /// The viewer may draft and edit: the key positions offered as targets
    /// (code, label); `None` for a reader.
    pub pilihan_jabatan: Option<Vec<(String, String)>>,
}

/// The plan towards one target position.
#[derive(Debug, Clone)]
pub struct IdpRencana {
    pub jabatan: String,
    /// The edit page, for those who may edit.
    pub ubah_href: Option<String>,
    /// "3 dari 5 kegiatan selesai".
    pub kemajuan: String,
    pub rows: Vec<IdpBaris>,
}

#[derive(Debug, Clone)]
pub struct IdpBaris {
    pub nomor: u32,
    pub kompetensi: String,
    /// "2 → 3", "belum diases → 3".
    pub level: String,
    pub jenis: &'static str,
    pub kegiatan: String,
    pub target: String,
    pub status: &'static str,
    pub catatan: String,
    pub diubah: String,
}

/// The edit form of one IDP: a draft from the gaps, or the saved plan.
#[derive(Debug, Template)]
#[template(path = "idp_ubah.html")]
pub struct IdpUbah {
    pub chrome: Chrome,
    pub nip: String,
    pub nama: String,
    pub jabatan_kode: String,
    pub jabatan: String,
    /// Where the form posts.
    pub action: String,
    /// Where "Batal" goes: the person's plans.
    pub kembali: String,
    pub sumber: String,
    /// What was wrong with the last submission, row by row.
    pub galat: Vec<String>,
    pub rows: Vec<IdpIsian>,
    /// (code, label) of each development type.
    pub jenis: Vec<(&'static str, &'static str)>,
    /// (code, label) of each status.
    pub status: Vec<(&'static str, &'static str)>,
    /// (code, label) of the competencies of the position's standard, for a
    /// new row.
    pub kompetensi: Vec<(String, String)>,
}

/// One editable row, as last entered.
#[derive(Debug, Clone)]
pub struct IdpIsian {
    /// The field-name suffix (`jenis.3`).
    pub i: usize,
    pub kompetensi: String,
    pub kompetensi_label: String,
    pub level: String,
    pub jenis: String,
    pub kegiatan: String,
    pub target: String,
    pub status: String,
    pub catatan: String,
    pub hapus: bool,
}

/// The movement matrix between two periods: the chart beside the table,
/// and the choice of the instansi or one unit.
#[derive(Debug, Template)]
#[template(path = "perpindahan.html")]
pub struct Perpindahan {
    pub chrome: Chrome,
    pub judul: String,
    pub keterangan: Vec<String>,
    /// (href, label)
    pub tautan: Vec<(String, String)>,
    /// The mapped periods to compare, the shown pair selected.
    pub dari: Vec<Pilihan>,
    pub ke: Vec<Pilihan>,
    /// The units to choose from; the first is the whole scope.
    pub opd: Vec<Pilihan>,
    /// SVG drawn by [`crate::charts::transition_matrix`].
    pub grafik: String,
    pub table: LinkTable,
}

/// The answer to a write the database could not take now (an import holds
/// it): what was not saved, when to try again, and that reading goes on.
#[derive(Debug, Template)]
#[template(path = "sibuk.html")]
pub struct Sibuk {
    pub chrome: Chrome,
    /// When to try again: "dalam sekitar 3 menit", "dalam beberapa saat".
    pub tunggu: String,
    /// Whether an import is what holds the database.
    pub impor: bool,
}
