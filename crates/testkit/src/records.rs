//! Domain records for fixtures: the base a test changes the fields it is
//! about in.

use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::personnel::Pegawai;
use talenta_domain::{Gender, Nip};
use time::Date;

/// A man, PNS of `opd`, with only what every employee has: every optional
/// field empty (no golongan, position, education or contact).
pub fn pegawai(nip: Nip, nama: impl Into<String>, tanggal_lahir: Date, opd: &str) -> Pegawai {
    Pegawai {
        nip,
        nama: nama.into(),
        gelar_depan: None,
        gelar_belakang: None,
        jenis_kelamin: Gender::L,
        tempat_lahir: None,
        tanggal_lahir,
        status: StatusKepegawaian::Pns,
        golongan: None,
        tmt_golongan: None,
        jabatan: None,
        tmt_jabatan: None,
        opd: opd.into(),
        pendidikan: None,
        bidang_ilmu: None,
        tmt_cpns: None,
        tmt_pns: None,
        agama: None,
        daerah_asal: None,
        email: None,
        no_hp: None,
    }
}
