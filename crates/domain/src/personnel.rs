//! Personnel records: the facts of an ASN's career as they are imported,
//! stored and exported. One struct per kind of record; `talenta-ingest`
//! parses files into them, `talenta-storage` stores them, and the talent map
//! reads them. Codes (`opd`, `jabatan`) are the instansi's own identifiers
//! (SIASN `unorId`, `jabatanId`), unique within the instansi.
//!
//! Religion and region of origin are kept for reporting only: no rule in
//! this crate takes them as input.

use time::Date;

use crate::disiplin::JenisHukuman;
use crate::eligibility::StatusKepegawaian;
use crate::golongan::{Golongan, GolonganPppk};
use crate::jabatan::Jenjang;
use crate::kompetensi::Levels;
use crate::nip::{Gender, Nip};
use crate::pendidikan::{BidangIlmu, TingkatPendidikan};
use crate::score::Score;
use crate::skp::{Predikat, Rating};

/// An instansi: a ministry, a province, a city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instansi {
    pub kode: String,
    pub nama: String,
}

/// An OPD or any unit in the instansi's unit tree (unit kerja / unor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opd {
    pub kode: String,
    pub nama: String,
    /// The parent unit; `None` for a top-level OPD.
    pub induk: Option<String>,
}

/// A position (jabatan) in an OPD, with what it requires of its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jabatan {
    pub kode: String,
    pub nama: String,
    pub opd: String,
    pub jenjang: Jenjang,
    pub min_pendidikan: Option<TingkatPendidikan>,
    /// Accepted fields of study; empty means any.
    pub bidang_ilmu: Vec<BidangIlmu>,
    pub min_golongan: Option<Golongan>,
    /// Standar kompetensi jabatan: required level per competency; empty
    /// when the instansi has not set one.
    pub standar: Levels,
    /// A key (critical) position that needs a succession plan.
    pub kunci: bool,
    /// Seats of this position (formasi).
    pub kebutuhan: u16,
}

/// A golongan of either kind of ASN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GolonganAsn {
    Pns(Golongan),
    Pppk(GolonganPppk),
}

/// An employee as of now: identity and current state. History lives in the
/// `Riwayat*` records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pegawai {
    pub nip: Nip,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub jenis_kelamin: Gender,
    pub tempat_lahir: Option<String>,
    pub tanggal_lahir: Date,
    pub status: StatusKepegawaian,
    pub golongan: Option<GolonganAsn>,
    pub tmt_golongan: Option<Date>,
    /// Current position (a [`Jabatan::kode`]).
    pub jabatan: Option<String>,
    pub tmt_jabatan: Option<Date>,
    /// Current unit (an [`Opd::kode`]).
    pub opd: String,
    pub pendidikan: Option<TingkatPendidikan>,
    pub bidang_ilmu: Option<BidangIlmu>,
    pub tmt_cpns: Option<Date>,
    pub tmt_pns: Option<Date>,
    /// Sensitive (UU 27/2022): never an input to any rule.
    pub agama: Option<String>,
    /// Sensitive: never an input to any rule.
    pub daerah_asal: Option<String>,
    pub email: Option<String>,
    pub no_hp: Option<String>,
}

/// A position held (SIASN `rw-jabatan`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiwayatJabatan {
    pub nip: Nip,
    pub tmt: Date,
    /// The position's code, when it is one of this instansi's positions.
    pub jabatan: Option<String>,
    pub nama_jabatan: String,
    pub opd: Option<String>,
    pub jenjang: Jenjang,
    pub nomor_sk: Option<String>,
    pub tanggal_sk: Option<Date>,
}

/// A golongan held (SIASN `rw-golongan`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiwayatGolongan {
    pub nip: Nip,
    pub tmt: Date,
    pub golongan: GolonganAsn,
    pub jenis_kp: Option<String>,
    pub nomor_sk: Option<String>,
    pub tanggal_sk: Option<Date>,
}

/// A completed formal education (SIASN `rw-pendidikan`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiwayatPendidikan {
    pub nip: Nip,
    pub tingkat: TingkatPendidikan,
    pub tahun_lulus: i32,
    pub bidang_ilmu: Option<BidangIlmu>,
    pub nama_sekolah: Option<String>,
}

/// Training (diklat / pengembangan kompetensi).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiwayatDiklat {
    pub nip: Nip,
    pub nama: String,
    pub mulai: Date,
    pub selesai: Option<Date>,
    pub jenis: Option<String>,
    pub jam: Option<u16>,
    pub penyelenggara: Option<String>,
}

/// An award (penghargaan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiwayatPenghargaan {
    pub nip: Nip,
    pub nama: String,
    pub tanggal: Date,
    pub nomor_sk: Option<String>,
}

/// A disciplinary sanction (SIASN `rw-hukdis`, PP 94/2021).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiwayatHukdis {
    pub nip: Nip,
    pub jenis: JenisHukuman,
    /// TMT hukuman.
    pub mulai: Date,
    /// Last day in force; `None` for a sanction that does not end.
    pub akhir: Option<Date>,
    pub nomor_sk: Option<String>,
    pub tanggal_sk: Option<Date>,
    pub alasan: Option<String>,
}

/// The annual SKP result of one year (SIASN `rw-skp22`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skp {
    pub nip: Nip,
    pub tahun: i32,
    pub hasil_kerja: Rating,
    pub perilaku_kerja: Rating,
    /// Always the matrix's predikat of the two ratings (checked on import).
    pub predikat: Predikat,
    /// Kinerja penguat (awards, team assignments, 360° feedback) as scored by
    /// the instansi for the year, 0-100.
    pub nilai_penguat: Option<Score>,
    pub penilai_nip: Option<Nip>,
    pub penilai_nama: Option<String>,
}

/// Who assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SumberAsesmen {
    /// BKN's Computer Assisted Competency Test.
    Cact,
    /// BKN's Profiling ASN.
    Proasn,
    /// An assessment centre (Peraturan BKN 26/2019).
    AssessmentCenter,
    Lainnya,
}

impl SumberAsesmen {
    pub const ALL: [SumberAsesmen; 4] = [
        SumberAsesmen::Cact,
        SumberAsesmen::Proasn,
        SumberAsesmen::AssessmentCenter,
        SumberAsesmen::Lainnya,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            SumberAsesmen::Cact => "cact",
            SumberAsesmen::Proasn => "proasn",
            SumberAsesmen::AssessmentCenter => "assessment_center",
            SumberAsesmen::Lainnya => "lainnya",
        }
    }
}

/// An assessment result: a potential score, competency levels, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asesmen {
    pub nip: Nip,
    pub tanggal: Date,
    pub sumber: SumberAsesmen,
    /// Potensi (0-100).
    pub potensi: Option<Score>,
    /// Attained level per competency; empty when the assessment gave none.
    pub kompetensi: Levels,
}
