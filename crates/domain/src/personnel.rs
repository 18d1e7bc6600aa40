//! Personnel records: the facts of an ASN's career as they are imported,
//! stored and exported. One struct per kind of record; `talenta-ingest`
//! parses files into them, `talenta-storage` stores them, and the talent map
//! reads them. Codes (`opd`, `jabatan`) are the instansi's own identifiers
//! (SIASN `unorId`, `jabatanId`), unique within the instansi.
//!
//! Religion and region of origin are kept for reporting only: no rule in
//! this crate takes them as input.

use std::str::FromStr;

use time::Date;

use crate::disiplin::{Hukuman, JenisHukuman};
use crate::eligibility::StatusKepegawaian;
use crate::golongan::{Golongan, GolonganPppk};
use crate::jabatan::Jenjang;
use crate::kompetensi::Levels;
use crate::nip::{Gender, Nip};
use crate::pendidikan::{BidangIlmu, TingkatPendidikan};
use crate::score::Score;
use crate::skp::{Predikat, Rating};

/// The identity of an instansi in the system of record: the key every
/// instansi-owned row starts with. A type of its own so that an instansi
/// is never confused with another number, nor looked up by its kode twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct InstansiId(pub i64);

impl InstansiId {
    pub fn get(self) -> i64 {
        self.0
    }
}

impl std::fmt::Display for InstansiId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

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
    /// Batas usia pensiun of its holder in years, where the instansi records
    /// one for the position itself (a jabatan fungsional whose BUP a law sets,
    /// PP 11/2017 Pasal 240); `None`: the rule set's default
    /// ([`crate::ruleset::BupTable::pensiun`]).
    pub bup: Option<u8>,
}

#[cfg(test)]
impl Jabatan {
    /// The crate's test position: `nama` at `jenjang`, requiring nothing of
    /// its own (no minima, any field, no competency standard), one seat, the
    /// rule set's BUP.
    pub(crate) fn named(nama: &str, jenjang: Jenjang) -> Jabatan {
        Jabatan {
            kode: "J".into(),
            nama: nama.into(),
            opd: "OPD".into(),
            jenjang,
            min_pendidikan: None,
            bidang_ilmu: Vec::new(),
            min_golongan: None,
            standar: Levels::new(),
            kunci: false,
            kebutuhan: 1,
            bup: None,
        }
    }
}

/// A golongan of either kind of ASN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GolonganAsn {
    Pns(Golongan),
    Pppk(GolonganPppk),
}

impl GolonganAsn {
    /// As written: `III/a` for a PNS, the roman numeral `IX` for a PPPK.
    pub fn code(self) -> &'static str {
        match self {
            GolonganAsn::Pns(g) => g.ruang(),
            GolonganAsn::Pppk(g) => g.roman(),
        }
    }
}

display_as!(GolonganAsn, code);

/// Why a text is neither kind of golongan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a golongan (expected I/a to IV/e for a PNS, or I to XVII for a PPPK)")]
pub struct GolonganAsnError(pub String);

impl FromStr for GolonganAsn {
    type Err = GolonganAsnError;

    /// Tries a PNS golongan/ruang first (`III/a`, `3a`, BKN code `31`), then
    /// a PPPK roman numeral (`IX`). A bare number is always a BKN code: PPPK
    /// numbers 1 to 17 would be ambiguous with it (`11` is I/a).
    fn from_str(text: &str) -> Result<GolonganAsn, GolonganAsnError> {
        if let Ok(golongan) = text.parse::<Golongan>() {
            return Ok(GolonganAsn::Pns(golongan));
        }
        let trimmed = text.trim();
        if trimmed.bytes().any(|b| !b.is_ascii_digit())
            && let Ok(golongan) = trimmed.parse::<GolonganPppk>()
        {
            return Ok(GolonganAsn::Pppk(golongan));
        }
        Err(GolonganAsnError(text.to_owned()))
    }
}

serde_as_text!(GolonganAsn, code);

/// A name as written with its academic titles: `dr. Siti Aminah, M.Kes.`
/// (the title before the name, then the name, then a comma and the title
/// after it).
pub fn full_name(gelar_depan: Option<&str>, nama: &str, gelar_belakang: Option<&str>) -> String {
    let mut name = String::new();
    if let Some(gelar) = gelar_depan {
        name.push_str(gelar);
        name.push(' ');
    }
    name.push_str(nama);
    if let Some(gelar) = gelar_belakang {
        name.push_str(", ");
        name.push_str(gelar);
    }
    name
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

impl RiwayatHukdis {
    /// The sanction as the disciplinary rules read it; the tingkat follows
    /// from the jenis (PP 94/2021 Pasal 8).
    pub fn hukuman(&self) -> Hukuman {
        Hukuman {
            tingkat: self.jenis.tingkat(),
            jenis: Some(self.jenis),
            mulai: self.mulai,
            akhir: self.akhir,
        }
    }
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

/// Why a text is not an assessment source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a sumber asesmen (expected cact, proasn, assessment_center or lainnya)")]
pub struct SumberAsesmenError(pub String);

// Accepts the code in any case, with spaces or hyphens for the underscore
// (`Assessment Center`).
parse_by_code!(
    SumberAsesmen,
    SumberAsesmenError,
    crate::kode::snake_key_with_hyphens
);

display_as!(SumberAsesmen, code);

serde_as_text!(SumberAsesmen, code);

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_name_carries_its_titles_where_they_are_written() {
        assert_eq!(
            full_name(Some("dr."), "Siti Aminah", Some("M.Kes.")),
            "dr. Siti Aminah, M.Kes."
        );
        assert_eq!(full_name(None, "Budi", Some("S.E.")), "Budi, S.E.");
        assert_eq!(full_name(Some("Ir."), "Budi", None), "Ir. Budi");
        assert_eq!(full_name(None, "Budi", None), "Budi");
    }

    #[test]
    fn golongan_of_either_kind_reads_back_as_written() {
        for g in Golongan::ALL {
            let asn = GolonganAsn::Pns(g);
            assert_eq!(asn.to_string(), g.ruang());
            assert_eq!(asn.to_string().parse(), Ok(asn));
        }
        for level in 1..=17 {
            let asn = GolonganAsn::Pppk(GolonganPppk::new(level).unwrap());
            assert_eq!(asn.to_string().parse(), Ok(asn), "{asn}");
        }
        assert_eq!(
            "ix".parse(),
            Ok(GolonganAsn::Pppk(GolonganPppk::new(9).unwrap()))
        );
        assert_eq!("3b".parse(), Ok(GolonganAsn::Pns(Golongan::IIIB)));
        // A number is a BKN code, never a PPPK level.
        assert_eq!("11".parse(), Ok(GolonganAsn::Pns(Golongan::IA)));
        assert_eq!(
            "9".parse::<GolonganAsn>(),
            Err(GolonganAsnError("9".into()))
        );
        assert_eq!(
            "III/f".parse::<GolonganAsn>().unwrap_err().to_string(),
            "\"III/f\" is not a golongan (expected I/a to IV/e for a PNS, or I to XVII for a PPPK)"
        );
    }

    #[test]
    fn sumber_asesmen_reads_codes_in_any_spelling() {
        for s in SumberAsesmen::ALL {
            assert_eq!(s.code().parse(), Ok(s));
            assert_eq!(s.to_string(), s.code());
        }
        assert_eq!(
            "Assessment Center".parse(),
            Ok(SumberAsesmen::AssessmentCenter)
        );
        assert_eq!(" CACT ".parse(), Ok(SumberAsesmen::Cact));
        assert_eq!(
            "ujian".parse::<SumberAsesmen>().unwrap_err().to_string(),
            "\"ujian\" is not a sumber asesmen (expected cact, proasn, assessment_center or lainnya)"
        );
    }
}
