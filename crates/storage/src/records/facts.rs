//! Views of records reduced to the columns a computation over many people
//! reads: the people in line for a pool or a succession plan (tens of
//! thousands at a time; the whole records would be four times the data:
//! their history, SKP, sanctions, latest assessment and training hours) and
//! the employees of a talent map (all of them).

use talenta_domain::disiplin::{Hukuman, JenisHukuman};
use talenta_domain::eligibility::{Diklat, MasaJabatan, StatusKepegawaian};
use talenta_domain::jabatan::Jenjang;
use talenta_domain::kompetensi::Levels;
use talenta_domain::personnel::GolonganAsn;
use talenta_domain::skp::SkpTahunan;
use talenta_domain::talent_map::{NilaiSkp, Syarat};
use talenta_domain::{BidangIlmu, Kotak, Nip, Pendidikan, Score, TingkatPendidikan};
use time::Date;

use super::{Field, read_bidang, read_bidang_list, read_levels};
use crate::stored::View;
use crate::{Columns, StorageError, Ty};

/// One record of a person, reduced to what the rules read. The NIP is
/// parsed from the stored digits (checked when the record was imported);
/// digits that do not parse are `StorageError::Corrupt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact<T> {
    pub nip: Nip,
    pub fact: T,
}

/// A person in line: what the rules read of their employee record, the
/// jenjang of the position they hold, and their final box (calibrated,
/// else computed) and scores in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InLinePerson {
    pub nip: Nip,
    /// As in the period's talent map.
    pub nama: String,
    pub opd: String,
    pub jabatan: Option<String>,
    pub jenjang: Option<Jenjang>,
    pub status: StatusKepegawaian,
    pub tanggal_lahir: Date,
    pub golongan: Option<GolonganAsn>,
    pub pendidikan: Option<TingkatPendidikan>,
    pub bidang_ilmu: Option<BidangIlmu>,
    pub kotak: Kotak,
    pub kinerja: Option<Score>,
    pub potensial: Option<Score>,
    pub nilai_talenta: Option<Score>,
}

stored! {
    // Not one table: `Db::in_line` selects these columns by name from the
    // employee, their position, the snapshot and the calibration.
    view InLinePerson in "pegawai", key 1 {
        nip: "nip" Text,
        nama: "nama" Text,
        opd: "opd" Text,
        jabatan: "jabatan" Text,
        jenjang: "jenjang" Text,
        status: "status" Text,
        tanggal_lahir: "tanggal_lahir" Date,
        golongan: "golongan" Text,
        pendidikan: "pendidikan" Text,
        bidang_ilmu: "bidang_ilmu" Text,
        kotak: "kotak" Int,
        kinerja: "kinerja" Int,
        potensial: "potensial" Int,
        nilai_talenta: "nilai_talenta" Int,
    }
}

/// What the talent map reads of an employee record: who they are, where
/// they work, and what their education scores against their position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapSubject {
    pub nip: Nip,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub jabatan: Option<String>,
    pub opd: String,
    pub pendidikan: Option<TingkatPendidikan>,
    pub bidang_ilmu: Option<BidangIlmu>,
}

stored! {
    view MapSubject in "pegawai", key 1 {
        nip: "nip" Text,
        nama: "nama" Text,
        gelar_depan: "gelar_depan" Text,
        gelar_belakang: "gelar_belakang" Text,
        jabatan: "jabatan" Text,
        opd: "opd" Text,
        pendidikan: "pendidikan" Text,
        bidang_ilmu: "bidang_ilmu" Text,
    }
}

/// What the talent map reads of an annual SKP.
impl View for Fact<NilaiSkp> {
    const TABLE: &'static str = "skp";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("tahun", Ty::Int),
        ("predikat", Ty::Text),
        ("nilai_penguat", Ty::Int),
    ];
    const KEY_LEN: usize = 2;

    fn decode(row: &mut Columns) -> Result<Self, StorageError> {
        Ok(Fact {
            nip: Field::read(row)?,
            fact: NilaiSkp {
                tahun: row.int()?,
                predikat: row.parse()?,
                nilai_penguat: Field::read(row)?,
            },
        })
    }
}

/// What the talent map reads of a position: its code and requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyaratJabatan {
    pub kode: String,
    pub persyaratan: Persyaratan,
}

/// The fields of study a position accepts and its competency standard.
/// Positions of one jenjang and family share them (a generated city of a
/// million employees has about a hundred), so a reader of every position
/// can hold each once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Persyaratan {
    pub bidang_ilmu: Vec<BidangIlmu>,
    pub standar: Levels,
}

impl Persyaratan {
    pub fn syarat(&self) -> Syarat<'_> {
        Syarat {
            standar: &self.standar,
            bidang_ilmu: &self.bidang_ilmu,
        }
    }
}

impl View for SyaratJabatan {
    const TABLE: &'static str = "jabatan";
    const COLUMNS: &'static [(&'static str, Ty)] =
        with_level_columns!([("kode", Ty::Text), ("bidang_ilmu", Ty::Text)], []);
    const KEY_LEN: usize = 1;

    fn decode(row: &mut Columns) -> Result<SyaratJabatan, StorageError> {
        Ok(SyaratJabatan {
            kode: row.text()?,
            persyaratan: Persyaratan {
                bidang_ilmu: read_bidang_list(row)?,
                standar: read_levels(row)?,
            },
        })
    }
}

/// A spell in a jabatan as the history records its start; it runs to the
/// next one's start, which the reader of the whole history fills in.
impl View for Fact<MasaJabatan> {
    const TABLE: &'static str = "riwayat_jabatan";
    const COLUMNS: &'static [(&'static str, Ty)] =
        &[("nip", Ty::Text), ("tmt", Ty::Date), ("jenjang", Ty::Text)];
    const KEY_LEN: usize = 2;

    fn decode(row: &mut Columns) -> Result<Self, StorageError> {
        Ok(Fact {
            nip: Field::read(row)?,
            fact: MasaJabatan {
                mulai: row.date()?,
                jenjang: row.parse()?,
                selesai: None,
            },
        })
    }
}

impl View for Fact<Pendidikan> {
    const TABLE: &'static str = "riwayat_pendidikan";
    // The year is read only to keep the order of the whole records.
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("tingkat", Ty::Text),
        ("tahun_lulus", Ty::Int),
        ("bidang_ilmu", Ty::Text),
    ];
    const KEY_LEN: usize = 3;

    fn decode(row: &mut Columns) -> Result<Self, StorageError> {
        let nip: Nip = Field::read(row)?;
        let tingkat = row.parse()?;
        let _tahun_lulus: i64 = row.int()?;
        Ok(Fact {
            nip,
            fact: Pendidikan {
                tingkat,
                bidang: read_bidang(row)?,
            },
        })
    }
}

impl View for Fact<SkpTahunan> {
    const TABLE: &'static str = "skp";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("tahun", Ty::Int),
        ("predikat", Ty::Text),
    ];
    const KEY_LEN: usize = 2;

    fn decode(row: &mut Columns) -> Result<Self, StorageError> {
        Ok(Fact {
            nip: Field::read(row)?,
            fact: SkpTahunan {
                tahun: row.int()?,
                predikat: row.parse()?,
            },
        })
    }
}

impl View for Fact<Hukuman> {
    const TABLE: &'static str = "riwayat_hukdis";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("jenis", Ty::Text),
        ("mulai", Ty::Date),
        ("akhir", Ty::Date),
    ];
    const KEY_LEN: usize = 3;

    fn decode(row: &mut Columns) -> Result<Self, StorageError> {
        let nip: Nip = Field::read(row)?;
        let jenis: JenisHukuman = row.parse()?;
        Ok(Fact {
            nip,
            fact: Hukuman {
                tingkat: jenis.tingkat(),
                jenis: Some(jenis),
                mulai: row.date()?,
                akhir: row.opt_date()?,
            },
        })
    }
}

/// The competency levels of one assessment, in the order of the whole
/// records (date, then source), so the latest is the last.
impl View for Fact<Levels> {
    const TABLE: &'static str = "asesmen";
    const COLUMNS: &'static [(&'static str, Ty)] = with_level_columns!(
        [
            ("nip", Ty::Text),
            ("tanggal", Ty::Date),
            ("sumber", Ty::Text),
        ],
        []
    );
    const KEY_LEN: usize = 3;

    fn decode(row: &mut Columns) -> Result<Self, StorageError> {
        let nip: Nip = Field::read(row)?;
        let _tanggal = row.date()?;
        let _sumber = row.text()?;
        Ok(Fact {
            nip,
            fact: read_levels(row)?,
        })
    }
}

/// A training's hours, in the year it ended (began, without an end): what
/// the competency-development gate of a pool reads.
impl View for Fact<Diklat> {
    const TABLE: &'static str = "riwayat_diklat";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("mulai", Ty::Date),
        ("selesai", Ty::Date),
        ("jam", Ty::Int),
    ];
    const KEY_LEN: usize = 1;

    fn decode(row: &mut Columns) -> Result<Self, StorageError> {
        let nip: Nip = Field::read(row)?;
        let mulai = row.date()?;
        let selesai = row.opt_date()?;
        Ok(Fact {
            nip,
            fact: Diklat {
                tanggal: selesai.unwrap_or(mulai),
                jam: row.opt_small()?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use talenta_domain::personnel::{
        Asesmen, Jabatan, Pegawai, RiwayatDiklat, RiwayatHukdis, RiwayatJabatan, RiwayatPendidikan,
        Skp,
    };

    use super::*;
    use crate::Stored;

    /// `V` reads columns of `S`'s table, each as `S` stores it, in the
    /// table's order, starting with the leading columns of its key.
    fn reads_columns_of<V: View, S: Stored>() {
        assert_eq!(V::TABLE, S::TABLE);
        let at: Vec<usize> = V::COLUMNS
            .iter()
            .map(|c| {
                S::COLUMNS
                    .iter()
                    .position(|s| s == c)
                    .unwrap_or_else(|| panic!("{} has no column {c:?}", S::TABLE))
            })
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{}: {at:?}", S::TABLE);
        assert!(V::KEY_LEN <= S::KEY_LEN, "{}", S::TABLE);
        assert_eq!(
            V::COLUMNS.get(..V::KEY_LEN),
            S::COLUMNS.get(..V::KEY_LEN),
            "{}",
            S::TABLE
        );
    }

    #[test]
    fn each_view_reads_columns_of_its_table_in_key_order() {
        reads_columns_of::<Fact<MasaJabatan>, RiwayatJabatan>();
        reads_columns_of::<Fact<Pendidikan>, RiwayatPendidikan>();
        reads_columns_of::<Fact<SkpTahunan>, Skp>();
        reads_columns_of::<Fact<Hukuman>, RiwayatHukdis>();
        reads_columns_of::<Fact<Levels>, Asesmen>();
        reads_columns_of::<Fact<Diklat>, RiwayatDiklat>();
        reads_columns_of::<MapSubject, Pegawai>();
        reads_columns_of::<Fact<NilaiSkp>, Skp>();
        reads_columns_of::<SyaratJabatan, Jabatan>();
    }
}
