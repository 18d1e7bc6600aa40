//! Domain records for fixtures: the base a test changes the fields it is
//! about in, each with every optional field empty.

use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::kompetensi::Levels;
use talenta_domain::personnel::{Jabatan, Opd, Pegawai, RiwayatJabatan};
use talenta_domain::{BidangIlmu, Gender, Golongan, Jenjang, Nip, TingkatPendidikan};
use time::Date;

/// A unit at the top of its instansi (no parent unit).
pub fn opd(kode: &str, nama: &str) -> Opd {
    Opd {
        kode: kode.into(),
        nama: nama.into(),
        induk: None,
    }
}

/// The position `kode` of `opd` at `jenjang`, named "Jabatan {kode}", with
/// only what every position has: no minimum education or golongan, any
/// field of study, no competency standard, no BUP of its own; not a key
/// position; one seat.
pub fn jabatan(kode: &str, opd: &str, jenjang: Jenjang) -> Jabatan {
    Jabatan {
        kode: kode.into(),
        nama: format!("Jabatan {kode}"),
        opd: opd.into(),
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

/// A position with every field set: the Kepala Dinas Kesehatan, JPT
/// pratama of `DINKES`, asking an S1 in Kedokteran or Kesehatan Masyarakat
/// and golongan IV/c, a key position, with no competency standard (a test
/// sets the levels it is about).
pub fn kepala_dinas() -> Jabatan {
    Jabatan {
        nama: "Kepala Dinas Kesehatan".into(),
        min_pendidikan: Some(TingkatPendidikan::S1),
        bidang_ilmu: vec![
            BidangIlmu::new("Kedokteran"),
            BidangIlmu::new("Kesehatan Masyarakat"),
        ],
        min_golongan: Some(Golongan::IVC),
        kunci: true,
        ..jabatan("DINKES-KADIS", "DINKES", Jenjang::JptPratama)
    }
}

/// A step of `nip`'s position history from `tmt`: `nama_jabatan` at
/// `jenjang`, without a position code, a unit or an SK.
pub fn riwayat_jabatan(
    nip: Nip,
    tmt: Date,
    nama_jabatan: &str,
    jenjang: Jenjang,
) -> RiwayatJabatan {
    RiwayatJabatan {
        nip,
        tmt,
        jabatan: None,
        nama_jabatan: nama_jabatan.into(),
        opd: None,
        jenjang,
        nomor_sk: None,
        tanggal_sk: None,
    }
}

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
