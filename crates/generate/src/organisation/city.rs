//! The fixed OPDs of a city government (PP 18/2016 perangkat daerah, as in
//! Kota Serang): Sekretariat Daerah with its bagian, Sekretariat DPRD,
//! Inspektorat, the badan and the dinas, each with a sekretariat and
//! bidang. Their staff grows with the instansi's size up to three times the
//! base; beyond that, the replicated units (schools, puskesmas, kelurahan,
//! UPTD) take the growth, so unit sizes stay plausible.

use talenta_domain::Jenjang;

use super::Unit;
use super::position::{Position, Profile};
use crate::catalogue::{self as c};

/// The size the base staffing is written for: Kota Serang's ~9,000 ASN.
pub const BASE_EMPLOYEES: u64 = 9_000;

/// Staffing of `base` seats for an instansi of `employees`: proportional,
/// at least one, at most three times the base.
pub fn staff(base: u32, employees: u64) -> u32 {
    let scaled = (u64::from(base) * employees + BASE_EMPLOYEES / 2) / BASE_EMPLOYEES;
    u32::try_from(scaled.clamp(1, u64::from(base) * 3)).unwrap_or(base)
}

/// A functional position of a dinas's bidang staff.
#[derive(Clone, Copy)]
struct Jf {
    base: &'static str,
    profile: Profile,
    fields: &'static [&'static str],
}

const fn jf(base: &'static str, profile: Profile, fields: &'static [&'static str]) -> Jf {
    Jf {
        base,
        profile,
        fields,
    }
}

/// An OPD: code, name, head's title, fields its leaders need, its bidang
/// (name, unit-code suffix) and the JF of its staff.
struct OpdSpec {
    code: &'static str,
    nama: &'static str,
    head: &'static str,
    fields: &'static [&'static str],
    bidang: &'static [(&'static str, &'static str)],
    jf: &'static [Jf],
}

const ANALIS: Jf = jf("Analis Kebijakan", Profile::Analis, c::ADMINISTRASI);

const OPDS: &[OpdSpec] = &[
    OpdSpec {
        code: "SETWAN",
        nama: "Sekretariat DPRD",
        head: "Sekretaris DPRD",
        fields: c::PEMERINTAHAN,
        bidang: &[
            ("UMUM", "Bagian Umum dan Keuangan"),
            ("SIDANG", "Bagian Persidangan dan Perundang-undangan"),
            ("ANGGARAN", "Bagian Fasilitasi Penganggaran dan Pengawasan"),
        ],
        jf: &[jf("Analis Hukum", Profile::Analis, c::HUKUM), ANALIS],
    },
    OpdSpec {
        code: "INSPEKTORAT",
        nama: "Inspektorat",
        head: "Inspektur",
        fields: c::AUDIT,
        bidang: &[
            ("IRBAN1", "Inspektur Pembantu Wilayah I"),
            ("IRBAN2", "Inspektur Pembantu Wilayah II"),
            ("IRBAN3", "Inspektur Pembantu Wilayah III"),
            ("IRBANKHUSUS", "Inspektur Pembantu Khusus"),
        ],
        jf: &[
            jf("Auditor", Profile::Analis, c::AUDIT),
            jf(
                "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah",
                Profile::Analis,
                c::PEMERINTAHAN,
            ),
        ],
    },
    OpdSpec {
        code: "BAPPEDA",
        nama: "Badan Perencanaan Pembangunan Daerah",
        head: "Kepala",
        fields: c::PERENCANAAN,
        bidang: &[
            ("PEREKONOMIAN", "Bidang Perekonomian dan Sumber Daya Alam"),
            ("INFRASTRUKTUR", "Bidang Infrastruktur dan Kewilayahan"),
            ("PEMBANGUNAN", "Bidang Pemerintahan dan Pembangunan Manusia"),
            ("LITBANG", "Bidang Penelitian dan Pengembangan"),
        ],
        jf: &[
            jf("Perencana", Profile::Analis, c::PERENCANAAN),
            jf("Statistisi", Profile::Analis, c::KOMUNIKASI),
        ],
    },
    OpdSpec {
        code: "BKPSDM",
        nama: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        head: "Kepala",
        fields: c::KEPEGAWAIAN,
        bidang: &[
            ("MUTASI", "Bidang Mutasi dan Promosi"),
            ("PENGEMBANGAN", "Bidang Pengembangan Kompetensi Aparatur"),
            (
                "PENILAIAN",
                "Bidang Penilaian Kinerja Aparatur dan Penghargaan",
            ),
            ("PENGADAAN", "Bidang Pengadaan, Pemberhentian dan Informasi"),
        ],
        jf: &[
            jf(
                "Analis Sumber Daya Manusia Aparatur",
                Profile::Analis,
                c::KEPEGAWAIAN,
            ),
            jf(
                "Asesor Sumber Daya Manusia Aparatur",
                Profile::Analis,
                c::KEPEGAWAIAN,
            ),
        ],
    },
    OpdSpec {
        code: "BPKAD",
        nama: "Badan Pengelolaan Keuangan dan Aset Daerah",
        head: "Kepala",
        fields: c::KEUANGAN,
        bidang: &[
            ("ANGGARAN", "Bidang Anggaran"),
            ("PERBENDAHARAAN", "Bidang Perbendaharaan"),
            ("AKUNTANSI", "Bidang Akuntansi"),
            ("ASET", "Bidang Aset"),
        ],
        jf: &[jf(
            "Analis Keuangan Pusat dan Daerah",
            Profile::Analis,
            c::KEUANGAN,
        )],
    },
    OpdSpec {
        code: "BAPENDA",
        nama: "Badan Pendapatan Daerah",
        head: "Kepala",
        fields: c::KEUANGAN,
        bidang: &[
            ("PENDATAAN", "Bidang Pendataan dan Penetapan"),
            ("PENAGIHAN", "Bidang Penagihan dan Keberatan"),
            ("PBB", "Bidang Pajak Bumi dan Bangunan"),
        ],
        jf: &[jf(
            "Analis Keuangan Pusat dan Daerah",
            Profile::Analis,
            c::KEUANGAN,
        )],
    },
    OpdSpec {
        code: "DINKES",
        nama: "Dinas Kesehatan",
        head: "Kepala",
        fields: c::KESEHATAN,
        bidang: &[
            ("KESMAS", "Bidang Kesehatan Masyarakat"),
            ("P2P", "Bidang Pencegahan dan Pengendalian Penyakit"),
            ("YANKES", "Bidang Pelayanan dan Sumber Daya Kesehatan"),
        ],
        jf: &[
            jf("Epidemiolog Kesehatan", Profile::Kesehatan, c::KESMAS),
            jf("Administrator Kesehatan", Profile::Kesehatan, c::KESMAS),
            jf(
                "Penyuluh Kesehatan Masyarakat",
                Profile::Kesehatan,
                c::KESMAS,
            ),
        ],
    },
    OpdSpec {
        code: "DINDIKBUD",
        nama: "Dinas Pendidikan dan Kebudayaan",
        head: "Kepala",
        fields: c::PENDIDIKAN,
        bidang: &[
            ("SD", "Bidang Pembinaan Sekolah Dasar"),
            ("SMP", "Bidang Pembinaan Sekolah Menengah Pertama"),
            (
                "PAUD",
                "Bidang Pendidikan Anak Usia Dini dan Pendidikan Nonformal",
            ),
            ("GTK", "Bidang Guru dan Tenaga Kependidikan"),
            ("BUDAYA", "Bidang Kebudayaan"),
        ],
        jf: &[
            jf("Pengawas Sekolah", Profile::Guru, c::PENDIDIKAN),
            jf("Pamong Belajar", Profile::Guru, c::PENDIDIKAN),
        ],
    },
    OpdSpec {
        code: "DPUPR",
        nama: "Dinas Pekerjaan Umum dan Penataan Ruang",
        head: "Kepala",
        fields: c::TEKNIK_SIPIL,
        bidang: &[
            ("BM", "Bidang Bina Marga"),
            ("SDA", "Bidang Sumber Daya Air"),
            ("TARU", "Bidang Penataan Ruang"),
            ("BANGUNAN", "Bidang Bangunan Gedung dan Jasa Konstruksi"),
        ],
        jf: &[
            jf(
                "Teknik Jalan dan Jembatan",
                Profile::Analis,
                c::TEKNIK_SIPIL,
            ),
            jf("Teknik Pengairan", Profile::Analis, c::TEKNIK_SIPIL),
            jf("Penata Ruang", Profile::Analis, c::TEKNIK_SIPIL),
        ],
    },
    OpdSpec {
        code: "DPRKP",
        nama: "Dinas Perumahan dan Kawasan Permukiman",
        head: "Kepala",
        fields: c::TEKNIK_SIPIL,
        bidang: &[
            ("PERUMAHAN", "Bidang Perumahan"),
            ("PERMUKIMAN", "Bidang Kawasan Permukiman"),
            ("PSU", "Bidang Prasarana, Sarana dan Utilitas"),
        ],
        jf: &[jf(
            "Penata Kelola Sistem dan Teknologi Informasi",
            Profile::Analis,
            c::TEKNIK_SIPIL,
        )],
    },
    OpdSpec {
        code: "DINSOS",
        nama: "Dinas Sosial",
        head: "Kepala",
        fields: c::SOSIAL,
        bidang: &[
            ("REHSOS", "Bidang Rehabilitasi Sosial"),
            ("LINJAMSOS", "Bidang Perlindungan dan Jaminan Sosial"),
            (
                "DAYASOS",
                "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
            ),
        ],
        jf: &[
            jf("Pekerja Sosial", Profile::Analis, c::SOSIAL),
            jf("Penyuluh Sosial", Profile::Analis, c::SOSIAL),
        ],
    },
    OpdSpec {
        code: "DISHUB",
        nama: "Dinas Perhubungan",
        head: "Kepala",
        fields: c::TRANSPORTASI,
        bidang: &[
            ("LLAJ", "Bidang Lalu Lintas dan Angkutan Jalan"),
            ("SARPRAS", "Bidang Sarana dan Prasarana"),
            ("PARKIR", "Bidang Perparkiran"),
        ],
        jf: &[
            jf(
                "Penguji Kendaraan Bermotor",
                Profile::Terampil,
                c::TRANSPORTASI,
            ),
            jf("Analis Transportasi", Profile::Analis, c::TRANSPORTASI),
        ],
    },
    OpdSpec {
        code: "SATPOLPP",
        nama: "Satuan Polisi Pamong Praja",
        head: "Kepala",
        fields: c::KETERTIBAN,
        bidang: &[
            (
                "TIBUM",
                "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
            ),
            ("GAKDA", "Bidang Penegakan Peraturan Daerah"),
            ("LINMAS", "Bidang Perlindungan Masyarakat"),
        ],
        jf: &[jf("Polisi Pamong Praja", Profile::Lapangan, c::KETERTIBAN)],
    },
    OpdSpec {
        code: "DISDUKCAPIL",
        nama: "Dinas Kependudukan dan Pencatatan Sipil",
        head: "Kepala",
        fields: c::KEPENDUDUKAN,
        bidang: &[
            ("DAFDUK", "Bidang Pelayanan Pendaftaran Penduduk"),
            ("CAPIL", "Bidang Pelayanan Pencatatan Sipil"),
            (
                "PIAK",
                "Bidang Pengelolaan Informasi Administrasi Kependudukan",
            ),
        ],
        jf: &[jf(
            "Administrator Database Kependudukan",
            Profile::Terampil,
            c::KEPENDUDUKAN,
        )],
    },
    OpdSpec {
        code: "DPMPTSP",
        nama: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        head: "Kepala",
        fields: c::EKONOMI,
        bidang: &[
            ("PM", "Bidang Penanaman Modal"),
            ("PERIZINAN", "Bidang Pelayanan Perizinan"),
            ("DALAK", "Bidang Pengendalian Pelaksanaan"),
        ],
        jf: &[jf("Analis Kebijakan", Profile::Analis, c::EKONOMI)],
    },
    OpdSpec {
        code: "DLH",
        nama: "Dinas Lingkungan Hidup",
        head: "Kepala",
        fields: c::TEKNIK_LINGKUNGAN,
        bidang: &[
            ("TATA", "Bidang Tata Lingkungan"),
            (
                "PPKL",
                "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan",
            ),
            ("SAMPAH", "Bidang Pengelolaan Sampah"),
        ],
        jf: &[jf(
            "Pengendali Dampak Lingkungan",
            Profile::Analis,
            c::TEKNIK_LINGKUNGAN,
        )],
    },
    OpdSpec {
        code: "DISKOMINFO",
        nama: "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        head: "Kepala",
        fields: c::KOMUNIKASI,
        bidang: &[
            ("IKP", "Bidang Informasi dan Komunikasi Publik"),
            ("APTIKA", "Bidang Aplikasi Informatika"),
            ("STATISTIK", "Bidang Statistik dan Persandian"),
        ],
        jf: &[
            jf("Pranata Komputer", Profile::Analis, c::INFORMATIKA),
            jf(
                "Pranata Hubungan Masyarakat",
                Profile::Analis,
                c::KOMUNIKASI,
            ),
        ],
    },
    OpdSpec {
        code: "DISNAKER",
        nama: "Dinas Tenaga Kerja",
        head: "Kepala",
        fields: c::ADMINISTRASI,
        bidang: &[
            ("PELATIHAN", "Bidang Pelatihan dan Penempatan Tenaga Kerja"),
            ("HI", "Bidang Hubungan Industrial"),
        ],
        jf: &[jf(
            "Mediator Hubungan Industrial",
            Profile::Analis,
            c::HUKUM,
        )],
    },
    OpdSpec {
        code: "DINKOPERINDAG",
        nama: "Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan",
        head: "Kepala",
        fields: c::EKONOMI,
        bidang: &[
            ("KOPERASI", "Bidang Koperasi dan Usaha Mikro"),
            ("INDUSTRI", "Bidang Perindustrian"),
            ("DAGANG", "Bidang Perdagangan"),
        ],
        jf: &[jf(
            "Penyuluh Perindustrian dan Perdagangan",
            Profile::Analis,
            c::EKONOMI,
        )],
    },
    OpdSpec {
        code: "DISPARPORA",
        nama: "Dinas Pariwisata, Pemuda dan Olahraga",
        head: "Kepala",
        fields: c::PARIWISATA,
        bidang: &[
            ("PARIWISATA", "Bidang Pariwisata"),
            ("PEMUDA", "Bidang Kepemudaan"),
            ("OLAHRAGA", "Bidang Keolahragaan"),
        ],
        jf: &[jf(
            "Adyatama Kepariwisataan dan Ekonomi Kreatif",
            Profile::Analis,
            c::PARIWISATA,
        )],
    },
    OpdSpec {
        code: "DKP3",
        nama: "Dinas Ketahanan Pangan, Pertanian dan Perikanan",
        head: "Kepala",
        fields: c::PERTANIAN,
        bidang: &[
            ("PANGAN", "Bidang Ketahanan Pangan"),
            ("TANI", "Bidang Pertanian"),
            ("IKAN", "Bidang Perikanan"),
        ],
        jf: &[jf("Analis Ketahanan Pangan", Profile::Analis, c::PERTANIAN)],
    },
    OpdSpec {
        code: "DP3AKB",
        nama: "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
        head: "Kepala",
        fields: c::SOSIAL,
        bidang: &[
            ("PP", "Bidang Pemberdayaan Perempuan"),
            ("PA", "Bidang Perlindungan Anak"),
            ("KB", "Bidang Pengendalian Penduduk dan Keluarga Berencana"),
        ],
        jf: &[jf(
            "Penyuluh Keluarga Berencana",
            Profile::Analis,
            c::SOSIAL,
        )],
    },
    OpdSpec {
        code: "DPK",
        nama: "Dinas Perpustakaan dan Kearsipan",
        head: "Kepala",
        fields: c::PERPUSTAKAAN,
        bidang: &[
            ("PERPUS", "Bidang Perpustakaan"),
            ("ARSIP", "Bidang Kearsipan"),
        ],
        jf: &[
            jf("Pustakawan", Profile::Analis, c::PERPUSTAKAAN),
            jf("Arsiparis", Profile::Terampil, c::PERPUSTAKAAN),
        ],
    },
    OpdSpec {
        code: "BPBD",
        nama: "Badan Penanggulangan Bencana Daerah",
        head: "Kepala Pelaksana",
        fields: c::KEBENCANAAN,
        bidang: &[
            ("PK", "Bidang Pencegahan dan Kesiapsiagaan"),
            ("KL", "Bidang Kedaruratan dan Logistik"),
            ("RR", "Bidang Rehabilitasi dan Rekonstruksi"),
        ],
        jf: &[jf("Analis Bencana", Profile::Analis, c::KEBENCANAAN)],
    },
    OpdSpec {
        code: "KESBANGPOL",
        nama: "Badan Kesatuan Bangsa dan Politik",
        head: "Kepala",
        fields: c::PEMERINTAHAN,
        bidang: &[
            (
                "IDEOLOGI",
                "Bidang Ideologi, Wawasan Kebangsaan dan Ketahanan Ekonomi",
            ),
            (
                "POLITIK",
                "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
            ),
        ],
        jf: &[ANALIS],
    },
    OpdSpec {
        code: "DAMKAR",
        nama: "Dinas Pemadam Kebakaran dan Penyelamatan",
        head: "Kepala",
        fields: c::KEBENCANAAN,
        bidang: &[
            ("OPS", "Bidang Operasional Pemadaman dan Penyelamatan"),
            ("CEGAH", "Bidang Pencegahan Kebakaran"),
        ],
        jf: &[jf("Analis Kebakaran", Profile::Lapangan, c::ANY)],
    },
];

/// Sekretariat Daerah: the sekda, three asisten and the bagian.
const BAGIAN: &[(&str, &str, &[&str])] = &[
    ("PEM", "Bagian Pemerintahan", c::PEMERINTAHAN),
    ("HUKUM", "Bagian Hukum", c::HUKUM),
    ("KESRA", "Bagian Kesejahteraan Rakyat", c::SOSIAL),
    (
        "EKONOMI",
        "Bagian Perekonomian dan Sumber Daya Alam",
        c::EKONOMI,
    ),
    ("ADPEM", "Bagian Administrasi Pembangunan", c::PERENCANAAN),
    ("PBJ", "Bagian Pengadaan Barang dan Jasa", c::ADMINISTRASI),
    ("ORGANISASI", "Bagian Organisasi", c::ADMINISTRASI),
    ("UMUM", "Bagian Umum", c::ADMINISTRASI),
    (
        "PROKOPIM",
        "Bagian Protokol dan Komunikasi Pimpinan",
        c::KOMUNIKASI,
    ),
    ("RENKEU", "Bagian Perencanaan dan Keuangan", c::KEUANGAN),
];

/// Every fixed unit with its positions, for an instansi of `employees`.
pub fn units(employees: u64) -> Vec<Unit> {
    let staff = |base| staff(base, employees);
    let mut units = vec![Unit::new(
        "SETDA",
        "Sekretariat Daerah",
        None,
        vec![
            Position::new(
                "SEKDA",
                "Sekretaris Daerah",
                Jenjang::JptPratama,
                Profile::Leader,
                c::PEMERINTAHAN,
                1,
            )
            .key_position(),
            Position::new(
                "ASPEM",
                "Asisten Pemerintahan dan Kesejahteraan Rakyat",
                Jenjang::JptPratama,
                Profile::Leader,
                c::PEMERINTAHAN,
                1,
            )
            .key_position(),
            Position::new(
                "ASEKBANG",
                "Asisten Perekonomian dan Pembangunan",
                Jenjang::JptPratama,
                Profile::Leader,
                c::EKONOMI,
                1,
            )
            .key_position(),
            Position::new(
                "ASADM",
                "Asisten Administrasi Umum",
                Jenjang::JptPratama,
                Profile::Leader,
                c::ADMINISTRASI,
                1,
            )
            .key_position(),
        ],
    )];
    for (index, (key, nama, fields)) in BAGIAN.iter().enumerate() {
        units.push(Unit::new(
            &format!("SETDA-{key}"),
            nama,
            Some("SETDA"),
            vec![
                Position::new(
                    "KABAG",
                    "Kepala",
                    Jenjang::Administrator,
                    Profile::Leader,
                    fields,
                    1,
                )
                .of_unit()
                .key_if(index < 4),
                Position::new(
                    "KASUBBAG1",
                    format!("Kepala Subbagian Perencanaan {}", strip(nama)),
                    Jenjang::Pengawas,
                    Profile::Leader,
                    fields,
                    1,
                ),
                Position::new(
                    "KASUBBAG2",
                    format!("Kepala Subbagian Evaluasi {}", strip(nama)),
                    Jenjang::Pengawas,
                    Profile::Leader,
                    fields,
                    1,
                ),
                Position::jf(
                    "ANALIS",
                    "Analis Kebijakan",
                    Jenjang::AhliPertama,
                    Profile::Analis,
                    fields,
                    staff(2),
                ),
                Position::jf(
                    "ANALISMUDA",
                    "Analis Kebijakan",
                    Jenjang::AhliMuda,
                    Profile::Analis,
                    fields,
                    staff(1),
                ),
                Position::new(
                    "PELAKSANA",
                    "Pengadministrasi Perkantoran",
                    Jenjang::Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    staff(4),
                ),
            ],
        ));
    }
    for opd in OPDS {
        push_opd(&mut units, opd, employees);
    }
    units
}

fn push_opd(units: &mut Vec<Unit>, opd: &OpdSpec, employees: u64) {
    let staff = |base| staff(base, employees);
    let head = if opd.head == "Kepala" {
        format!("Kepala {}", opd.nama)
    } else {
        opd.head.to_owned()
    };
    units.push(Unit::new(
        opd.code,
        opd.nama,
        None,
        vec![
            Position::new(
                "KEPALA",
                head,
                Jenjang::JptPratama,
                Profile::Leader,
                opd.fields,
                1,
            )
            .key_position(),
        ],
    ));
    units.push(Unit::new(
        &format!("{}-SEKRE", opd.code),
        "Sekretariat",
        Some(opd.code),
        vec![
            Position::new(
                "SEKRETARIS",
                format!("Sekretaris {}", opd.nama),
                Jenjang::Administrator,
                Profile::Leader,
                c::ADMINISTRASI,
                1,
            )
            .key_position(),
            Position::new(
                "KASUBBAGUMUM",
                "Kepala Subbagian Umum dan Kepegawaian",
                Jenjang::Pengawas,
                Profile::Leader,
                c::ADMINISTRASI,
                1,
            ),
            Position::new(
                "KASUBBAGKEU",
                "Kepala Subbagian Keuangan dan Aset",
                Jenjang::Pengawas,
                Profile::Leader,
                c::KEUANGAN,
                1,
            ),
            Position::jf(
                "PERENCANA",
                "Perencana",
                Jenjang::AhliPertama,
                Profile::Analis,
                c::PERENCANAAN,
                staff(1),
            ),
            Position::jf(
                "ASN",
                "Analis Sumber Daya Manusia Aparatur",
                Jenjang::AhliPertama,
                Profile::Analis,
                c::KEPEGAWAIAN,
                staff(1),
            ),
            Position::jf(
                "ARSIPARIS",
                "Arsiparis",
                Jenjang::Terampil,
                Profile::Terampil,
                c::ANY,
                staff(1),
            ),
            Position::new(
                "PENGADMINISTRASI",
                "Pengadministrasi Perkantoran",
                Jenjang::Pelaksana,
                Profile::Pelaksana,
                c::ANY,
                staff(3),
            ),
            Position::new(
                "KEUANGAN",
                "Pengelola Keuangan",
                Jenjang::Pelaksana,
                Profile::Pelaksana,
                c::ANY,
                staff(2),
            ),
            Position::new(
                "PENGEMUDI",
                "Pengemudi",
                Jenjang::Pelaksana,
                Profile::Pelaksana,
                c::ANY,
                staff(1),
            ),
        ],
    ));
    for (index, (key, nama)) in opd.bidang.iter().enumerate() {
        let Some(jf) = opd.jf.get(index % opd.jf.len().max(1)).copied() else {
            continue;
        };
        let field_staff = jf.profile == Profile::Lapangan;
        units.push(Unit::new(
            &format!("{}-{key}", opd.code),
            nama,
            Some(opd.code),
            vec![
                Position::new(
                    "KABID",
                    "Kepala",
                    Jenjang::Administrator,
                    Profile::Leader,
                    opd.fields,
                    1,
                )
                .of_unit()
                .key_if(index < 2),
                Position::new(
                    "KASI1",
                    format!("Kepala Seksi Perencanaan {}", strip(nama)),
                    Jenjang::Pengawas,
                    Profile::Leader,
                    opd.fields,
                    1,
                ),
                Position::new(
                    "KASI2",
                    format!("Kepala Seksi Pengendalian {}", strip(nama)),
                    Jenjang::Pengawas,
                    Profile::Leader,
                    opd.fields,
                    1,
                ),
                jf_position(
                    "JF1",
                    jf,
                    if field_staff {
                        Jenjang::Terampil
                    } else {
                        Jenjang::AhliPertama
                    },
                    staff(if field_staff { 12 } else { 2 }),
                ),
                jf_position(
                    "JF2",
                    jf,
                    if field_staff {
                        Jenjang::Mahir
                    } else {
                        Jenjang::AhliMuda
                    },
                    staff(if field_staff { 6 } else { 1 }),
                ),
                Position::new(
                    "PELAKSANA",
                    "Pengadministrasi Perkantoran",
                    Jenjang::Pelaksana,
                    Profile::Pelaksana,
                    c::ANY,
                    staff(3),
                ),
            ],
        ));
    }
}

fn jf_position(key: &'static str, jf: Jf, jenjang: Jenjang, seats: u32) -> Position {
    Position::jf(key, jf.base, jenjang, jf.profile, jf.fields, seats)
}

/// "Bidang Bina Marga" → "Bina Marga", for the names of its seksi.
fn strip(nama: &str) -> &str {
    ["Bidang ", "Bagian ", "Inspektur Pembantu "]
        .iter()
        .find_map(|prefix| nama.strip_prefix(prefix))
        .unwrap_or(nama)
}

impl Position {
    fn key_if(self, key: bool) -> Position {
        if key { self.key_position() } else { self }
    }
}
