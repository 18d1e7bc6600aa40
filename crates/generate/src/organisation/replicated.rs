//! Units a city has many of, whose number grows with the instansi while
//! their size stays fixed: schools, puskesmas, hospitals, kecamatan and
//! kelurahan, UPTD. Shares of the staff follow the make-up of a regency/city
//! civil service (teachers about half, health about a fifth: BKN, Statistik
//! ASN Desember 2023, by jabatan).

use talenta_domain::Jenjang;

use super::position::{Position, Profile};
use crate::catalogue::{self as c};

/// Which unit a replica hangs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parent {
    /// None: an OPD of its own.
    Top,
    /// A fixed unit.
    Unit(&'static str),
    /// Its kecamatan, kelurahan spread evenly over the kecamatan.
    Kecamatan,
}

/// A kind of replicated unit.
#[derive(Debug, Clone)]
pub struct Kind {
    /// Code prefix: replica `n` is `{prefix}-{n:04}`.
    pub prefix: &'static str,
    /// The unit's name, then the first names used (real ones of Kota
    /// Serang) before numbered ones.
    pub nama: &'static str,
    pub names: &'static [&'static str],
    pub parent: Parent,
    /// Per mille of the replicated seats.
    pub share: u32,
    pub positions: Vec<Position>,
}

impl Kind {
    pub fn seats(&self) -> u64 {
        self.positions.iter().map(|p| u64::from(p.seats)).sum()
    }

    pub fn code(&self, replica: u64) -> String {
        format!("{}-{:04}", self.prefix, replica + 1)
    }

    pub fn name(&self, replica: u64) -> String {
        match usize::try_from(replica)
            .ok()
            .and_then(|r| self.names.get(r))
        {
            Some(name) => format!("{} {name}", self.nama),
            None => format!("{} {}", self.nama, replica + 1),
        }
    }
}

pub const KECAMATAN: &str = "KEC";

const PUSKESMAS: &[&str] = &[
    "Serang Kota",
    "Ciracas",
    "Singandaru",
    "Unyur",
    "Kalodran",
    "Walantaka",
    "Curug",
    "Rau",
    "Kasemen",
    "Banten Girang",
    "Taktakan",
    "Cipocok Jaya",
    "Sawah Luhur",
    "Kilasah",
    "Pancur",
    "Karundang",
];
const KECAMATAN_NAMES: &[&str] = &[
    "Serang",
    "Cipocok Jaya",
    "Curug",
    "Kasemen",
    "Taktakan",
    "Walantaka",
];
const KELURAHAN: &[&str] = &[
    "Cimuncang",
    "Kagungan",
    "Lontarbaru",
    "Serang",
    "Kotabaru",
    "Sumurpecung",
    "Cipare",
    "Unyur",
    "Lopang",
    "Kaligandu",
    "Terondol",
    "Sukawana",
    "Cipocok Jaya",
    "Dalung",
    "Gelam",
    "Banjarsari",
    "Banjaragung",
    "Karundang",
    "Panancangan",
    "Tembong",
    "Curug",
    "Cilaku",
    "Kemanisan",
    "Sukajaya",
    "Kasemen",
    "Banten",
    "Margaluyu",
    "Kilasah",
    "Sawah Luhur",
    "Taktakan",
    "Drangong",
    "Kalang Anyar",
    "Walantaka",
    "Kalodran",
    "Pancur",
];

/// Every kind, in file order (kecamatan before their kelurahan).
pub fn kinds() -> Vec<Kind> {
    use Jenjang::*;
    use Profile::{
        Analis, Apoteker, Bidan, Dokter, DokterGigi, Guru, Kesehatan, Lapangan, Leader, Perawat,
    };
    let jf = Position::jf;
    vec![
        Kind {
            prefix: "SDN",
            nama: "SD Negeri",
            names: &[],
            parent: Parent::Unit("DINDIKBUD"),
            share: 360,
            positions: vec![
                jf("KEPSEK", "Guru", AhliMuda, Guru, c::PENDIDIKAN, 1)
                    .renamed("Kepala")
                    .of_unit(),
                jf("GURU1", "Guru Kelas", AhliPertama, Guru, c::PGSD, 3),
                jf("GURU2", "Guru Kelas", AhliMuda, Guru, c::PGSD, 2),
                jf("GURU3", "Guru Kelas", AhliMadya, Guru, c::PGSD, 1),
                jf(
                    "GURUPAI",
                    "Guru Pendidikan Agama Islam",
                    AhliPertama,
                    Guru,
                    c::PAI,
                    1,
                ),
                jf(
                    "GURUPJOK",
                    "Guru Pendidikan Jasmani",
                    AhliPertama,
                    Guru,
                    c::PJOK,
                    1,
                ),
                Position::new(
                    "OPERATOR",
                    "Pengelola Data Satuan Pendidikan",
                    Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    1,
                ),
            ],
        },
        Kind {
            prefix: "SMPN",
            nama: "SMP Negeri",
            names: &[],
            parent: Parent::Unit("DINDIKBUD"),
            share: 200,
            positions: vec![
                jf("KEPSEK", "Guru", AhliMadya, Guru, c::PENDIDIKAN, 1)
                    .renamed("Kepala")
                    .of_unit(),
                jf(
                    "MTK1",
                    "Guru Matematika",
                    AhliPertama,
                    Guru,
                    c::MATEMATIKA,
                    2,
                ),
                jf("MTK2", "Guru Matematika", AhliMuda, Guru, c::MATEMATIKA, 1),
                jf(
                    "BIND1",
                    "Guru Bahasa Indonesia",
                    AhliPertama,
                    Guru,
                    c::BAHASA_INDONESIA,
                    2,
                ),
                jf(
                    "BIND2",
                    "Guru Bahasa Indonesia",
                    AhliMuda,
                    Guru,
                    c::BAHASA_INDONESIA,
                    1,
                ),
                jf(
                    "BING",
                    "Guru Bahasa Inggris",
                    AhliPertama,
                    Guru,
                    c::BAHASA_INGGRIS,
                    2,
                ),
                jf("IPA1", "Guru IPA", AhliPertama, Guru, c::IPA, 2),
                jf("IPA2", "Guru IPA", AhliMadya, Guru, c::IPA, 1),
                jf("IPS", "Guru IPS", AhliMuda, Guru, c::IPS, 2),
                jf(
                    "PAI",
                    "Guru Pendidikan Agama Islam",
                    AhliPertama,
                    Guru,
                    c::PAI,
                    2,
                ),
                jf(
                    "PJOK",
                    "Guru Pendidikan Jasmani",
                    AhliPertama,
                    Guru,
                    c::PJOK,
                    1,
                ),
                jf(
                    "PPKN",
                    "Guru Pendidikan Pancasila",
                    AhliMuda,
                    Guru,
                    c::PPKN,
                    1,
                ),
                jf("SENI", "Guru Seni Budaya", AhliPertama, Guru, c::SENI, 1),
                jf(
                    "BK",
                    "Guru Bimbingan dan Konseling",
                    AhliPertama,
                    Guru,
                    c::BK,
                    1,
                ),
                Position::new(
                    "KATU",
                    "Kepala Tata Usaha",
                    Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    1,
                ),
                Position::new(
                    "PENGADMINISTRASI",
                    "Pengadministrasi Perkantoran",
                    Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    2,
                ),
            ],
        },
        Kind {
            prefix: "PKM",
            nama: "Puskesmas",
            names: PUSKESMAS,
            parent: Parent::Unit("DINKES"),
            share: 140,
            positions: vec![
                Position::new("KAPUS", "Kepala", Pengawas, Leader, c::KESEHATAN, 1).of_unit(),
                Position::new(
                    "KASUBBAGTU",
                    "Kepala Subbagian Tata Usaha",
                    Pengawas,
                    Leader,
                    c::KESMAS,
                    1,
                ),
                jf("DOKTER1", "Dokter", AhliPertama, Dokter, c::KEDOKTERAN, 2),
                jf("DOKTER2", "Dokter", AhliMuda, Dokter, c::KEDOKTERAN, 1),
                jf(
                    "DRG",
                    "Dokter Gigi",
                    AhliPertama,
                    DokterGigi,
                    c::KEDOKTERAN_GIGI,
                    1,
                ),
                jf("PERAWAT1", "Perawat", Terampil, Perawat, c::KEPERAWATAN, 3),
                jf("PERAWAT2", "Perawat", Mahir, Perawat, c::KEPERAWATAN, 2),
                jf(
                    "PERAWAT3",
                    "Perawat",
                    AhliPertama,
                    Perawat,
                    c::KEPERAWATAN,
                    2,
                ),
                jf("BIDAN1", "Bidan", Terampil, Bidan, c::KEBIDANAN, 3),
                jf("BIDAN2", "Bidan", Mahir, Bidan, c::KEBIDANAN, 2),
                jf("BIDAN3", "Bidan", AhliPertama, Bidan, c::KEBIDANAN, 1),
                jf("APOTEKER", "Apoteker", AhliPertama, Apoteker, c::FARMASI, 1),
                jf(
                    "TTK",
                    "Asisten Apoteker",
                    Terampil,
                    Kesehatan,
                    c::FARMASI,
                    1,
                ),
                jf(
                    "NUTRISIONIS",
                    "Nutrisionis",
                    Terampil,
                    Kesehatan,
                    c::GIZI,
                    1,
                ),
                jf(
                    "SANITARIAN",
                    "Sanitarian",
                    Terampil,
                    Kesehatan,
                    c::KESLING,
                    1,
                ),
                jf(
                    "LAB",
                    "Pranata Laboratorium Kesehatan",
                    Terampil,
                    Kesehatan,
                    c::LABORATORIUM,
                    1,
                ),
                jf(
                    "EPID",
                    "Epidemiolog Kesehatan",
                    AhliPertama,
                    Kesehatan,
                    c::KESMAS,
                    1,
                ),
                jf(
                    "PROMKES",
                    "Penyuluh Kesehatan Masyarakat",
                    AhliPertama,
                    Kesehatan,
                    c::KESMAS,
                    1,
                ),
                Position::new(
                    "PENGADMINISTRASI",
                    "Pengadministrasi Perkantoran",
                    Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    3,
                ),
            ],
        },
        Kind {
            prefix: "RSUD",
            nama: "RSUD",
            names: &["Kota Serang Sintetis"],
            parent: Parent::Unit("DINKES"),
            share: 70,
            positions: vec![
                Position::new(
                    "DIREKTUR",
                    "Direktur",
                    Administrator,
                    Leader,
                    c::KEDOKTERAN,
                    1,
                )
                .of_unit()
                .key_position(),
                Position::new(
                    "KABAGTU",
                    "Kepala Bagian Tata Usaha",
                    Pengawas,
                    Leader,
                    c::ADMINISTRASI,
                    1,
                ),
                Position::new(
                    "KABIDYAN",
                    "Kepala Bidang Pelayanan Medis",
                    Pengawas,
                    Leader,
                    c::KEDOKTERAN,
                    1,
                ),
                Position::new(
                    "KABIDKEP",
                    "Kepala Bidang Keperawatan",
                    Pengawas,
                    Leader,
                    c::KEPERAWATAN,
                    1,
                ),
                jf(
                    "SPESIALIS2",
                    "Dokter Spesialis",
                    AhliMadya,
                    Dokter,
                    c::KEDOKTERAN,
                    6,
                ),
                jf(
                    "SPESIALIS1",
                    "Dokter Spesialis",
                    AhliMuda,
                    Dokter,
                    c::KEDOKTERAN,
                    6,
                ),
                jf("DOKTER", "Dokter", AhliPertama, Dokter, c::KEDOKTERAN, 10),
                jf("PERAWAT1", "Perawat", Terampil, Perawat, c::KEPERAWATAN, 35),
                jf("PERAWAT2", "Perawat", Mahir, Perawat, c::KEPERAWATAN, 25),
                jf(
                    "PERAWAT3",
                    "Perawat",
                    AhliPertama,
                    Perawat,
                    c::KEPERAWATAN,
                    35,
                ),
                jf("PERAWAT4", "Perawat", AhliMuda, Perawat, c::KEPERAWATAN, 10),
                jf("BIDAN", "Bidan", Terampil, Bidan, c::KEBIDANAN, 15),
                jf("APOTEKER", "Apoteker", AhliPertama, Apoteker, c::FARMASI, 5),
                jf(
                    "TTK",
                    "Asisten Apoteker",
                    Terampil,
                    Kesehatan,
                    c::FARMASI,
                    8,
                ),
                jf(
                    "LAB",
                    "Pranata Laboratorium Kesehatan",
                    Terampil,
                    Kesehatan,
                    c::LABORATORIUM,
                    8,
                ),
                jf(
                    "RADIOGRAFER",
                    "Radiografer",
                    Terampil,
                    Kesehatan,
                    c::RADIOLOGI,
                    4,
                ),
                jf(
                    "NUTRISIONIS",
                    "Nutrisionis",
                    Terampil,
                    Kesehatan,
                    c::GIZI,
                    4,
                ),
                jf(
                    "FISIOTERAPIS",
                    "Fisioterapis",
                    Terampil,
                    Kesehatan,
                    c::FISIOTERAPI,
                    3,
                ),
                jf(
                    "PEREKAM",
                    "Perekam Medis",
                    Terampil,
                    Kesehatan,
                    c::REKAM_MEDIS,
                    6,
                ),
                Position::new(
                    "PENGADMINISTRASI",
                    "Pengadministrasi Perkantoran",
                    Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    25,
                ),
            ],
        },
        Kind {
            prefix: KECAMATAN,
            nama: "Kecamatan",
            names: KECAMATAN_NAMES,
            parent: Parent::Top,
            share: 0,
            positions: vec![
                Position::new("CAMAT", "Camat", Administrator, Leader, c::PEMERINTAHAN, 1)
                    .of_unit()
                    .key_position(),
                Position::new(
                    "SEKCAM",
                    "Sekretaris Camat",
                    Administrator,
                    Leader,
                    c::PEMERINTAHAN,
                    1,
                ),
                Position::new(
                    "KASUBBAGUMUM",
                    "Kepala Subbagian Umum dan Kepegawaian",
                    Pengawas,
                    Leader,
                    c::ADMINISTRASI,
                    1,
                ),
                Position::new(
                    "KASIPEM",
                    "Kepala Seksi Pemerintahan",
                    Pengawas,
                    Leader,
                    c::PEMERINTAHAN,
                    1,
                ),
                Position::new(
                    "KASITRANTIB",
                    "Kepala Seksi Ketenteraman dan Ketertiban Umum",
                    Pengawas,
                    Leader,
                    c::KETERTIBAN,
                    1,
                ),
                Position::new(
                    "KASIPM",
                    "Kepala Seksi Pemberdayaan Masyarakat",
                    Pengawas,
                    Leader,
                    c::SOSIAL,
                    1,
                ),
                Position::new(
                    "KASIYANUM",
                    "Kepala Seksi Pelayanan Umum",
                    Pengawas,
                    Leader,
                    c::ADMINISTRASI,
                    1,
                ),
                Position::new(
                    "PELAKSANA",
                    "Pengadministrasi Perkantoran",
                    Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    6,
                ),
            ],
        },
        Kind {
            prefix: "KEL",
            nama: "Kelurahan",
            names: KELURAHAN,
            parent: Parent::Kecamatan,
            share: 90,
            positions: vec![
                Position::new("LURAH", "Lurah", Pengawas, Leader, c::PEMERINTAHAN, 1).of_unit(),
                Position::new(
                    "SEKLUR",
                    "Sekretaris Kelurahan",
                    Pengawas,
                    Leader,
                    c::PEMERINTAHAN,
                    1,
                ),
                Position::new(
                    "KASIPEM",
                    "Kepala Seksi Pemerintahan dan Ketenteraman",
                    Pengawas,
                    Leader,
                    c::PEMERINTAHAN,
                    1,
                ),
                Position::new(
                    "KASIPM",
                    "Kepala Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial",
                    Pengawas,
                    Leader,
                    c::SOSIAL,
                    1,
                ),
                Position::new(
                    "PELAKSANA",
                    "Pengadministrasi Perkantoran",
                    Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    4,
                ),
            ],
        },
        Kind {
            prefix: "BPP",
            nama: "Balai Penyuluhan Pertanian",
            names: &[],
            parent: Parent::Unit("DKP3"),
            share: 40,
            positions: vec![
                Position::new("KEPALA", "Kepala", Pengawas, Leader, c::PERTANIAN, 1).of_unit(),
                jf(
                    "PPL1",
                    "Penyuluh Pertanian",
                    AhliPertama,
                    Analis,
                    c::PERTANIAN,
                    2,
                ),
                jf(
                    "PPL2",
                    "Penyuluh Pertanian",
                    Terampil,
                    Profile::Terampil,
                    c::PERTANIAN,
                    3,
                ),
                Position::new(
                    "PELAKSANA",
                    "Pengadministrasi Perkantoran",
                    Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    1,
                ),
            ],
        },
        Kind {
            prefix: "POSDAMKAR",
            nama: "Pos Pemadam Kebakaran",
            names: &[],
            parent: Parent::Unit("DAMKAR"),
            share: 40,
            positions: vec![
                Position::new("KEPALA", "Kepala", Pengawas, Leader, c::KEBENCANAAN, 1).of_unit(),
                jf("DAMKAR1", "Analis Kebakaran", Terampil, Lapangan, c::ANY, 8),
                jf("DAMKAR2", "Analis Kebakaran", Mahir, Lapangan, c::ANY, 3),
                Position::new(
                    "PENGEMUDI",
                    "Pengemudi Mobil Pemadam",
                    Pelaksana,
                    Lapangan,
                    c::ANY,
                    2,
                ),
            ],
        },
        Kind {
            prefix: "UPTDLH",
            nama: "UPTD Pengelolaan Sampah",
            names: &[],
            parent: Parent::Unit("DLH"),
            share: 60,
            positions: vec![
                Position::new(
                    "KEPALA",
                    "Kepala",
                    Pengawas,
                    Leader,
                    c::TEKNIK_LINGKUNGAN,
                    1,
                )
                .of_unit(),
                Position::new(
                    "KASUBBAGTU",
                    "Kepala Subbagian Tata Usaha",
                    Pengawas,
                    Leader,
                    c::ADMINISTRASI,
                    1,
                ),
                jf(
                    "PDL",
                    "Pengendali Dampak Lingkungan",
                    AhliPertama,
                    Analis,
                    c::TEKNIK_LINGKUNGAN,
                    1,
                ),
                Position::new(
                    "PENGAWAS",
                    "Pengawas Lapangan Kebersihan",
                    Pelaksana,
                    Lapangan,
                    c::ANY,
                    6,
                ),
                Position::new(
                    "PENGEMUDI",
                    "Pengemudi Truk Sampah",
                    Pelaksana,
                    Lapangan,
                    c::ANY,
                    4,
                ),
            ],
        },
    ]
}

impl Position {
    /// Gives a head-of-unit position its own name ("Kepala") while it keeps
    /// the JF it is held as.
    fn renamed(mut self, nama: &str) -> Position {
        nama.clone_into(&mut self.nama);
        self
    }
}
