//! Reference lists the generator draws from: fields of study grouped as
//! positions require them, Bantenese/Sundanese/Javanese names, places and
//! religions. Religion follows BPS's Banten figures (about 97% Muslim) and is
//! drawn independently of everything else: it is data, never a signal.

use rand::Rng;

/// Fields accepted for a head of health services (the DPRD's "no head of
/// Dinas Kesehatan without a health background", seeds/001).
pub const KESEHATAN: &[&str] = &[
    "Kedokteran",
    "Kesehatan Masyarakat",
    "Keperawatan",
    "Farmasi",
];
pub const KEDOKTERAN: &[&str] = &["Kedokteran"];
pub const KEDOKTERAN_GIGI: &[&str] = &["Kedokteran Gigi"];
pub const KEPERAWATAN: &[&str] = &["Keperawatan"];
pub const KEBIDANAN: &[&str] = &["Kebidanan"];
pub const FARMASI: &[&str] = &["Farmasi"];
pub const GIZI: &[&str] = &["Gizi"];
pub const KESLING: &[&str] = &["Kesehatan Lingkungan"];
pub const LABORATORIUM: &[&str] = &["Analis Kesehatan", "Teknologi Laboratorium Medis"];
pub const RADIOLOGI: &[&str] = &["Radiologi"];
pub const FISIOTERAPI: &[&str] = &["Fisioterapi"];
pub const REKAM_MEDIS: &[&str] = &["Rekam Medis dan Informasi Kesehatan"];
pub const KESMAS: &[&str] = &["Kesehatan Masyarakat"];
pub const PENDIDIKAN: &[&str] = &[
    "Pendidikan Guru Sekolah Dasar",
    "Pendidikan Matematika",
    "Pendidikan Bahasa Indonesia",
    "Pendidikan Bahasa Inggris",
    "Pendidikan IPA",
    "Pendidikan IPS",
    "Pendidikan Agama Islam",
    "Pendidikan Jasmani",
    "Bimbingan dan Konseling",
    "Manajemen Pendidikan",
];
pub const PGSD: &[&str] = &["Pendidikan Guru Sekolah Dasar"];
pub const PAI: &[&str] = &["Pendidikan Agama Islam"];
pub const PJOK: &[&str] = &["Pendidikan Jasmani"];
pub const MATEMATIKA: &[&str] = &["Pendidikan Matematika"];
pub const BAHASA_INDONESIA: &[&str] = &["Pendidikan Bahasa Indonesia"];
pub const BAHASA_INGGRIS: &[&str] = &["Pendidikan Bahasa Inggris"];
pub const IPA: &[&str] = &["Pendidikan IPA", "Pendidikan Biologi", "Pendidikan Fisika"];
pub const IPS: &[&str] = &[
    "Pendidikan IPS",
    "Pendidikan Geografi",
    "Pendidikan Sejarah",
];
pub const BK: &[&str] = &["Bimbingan dan Konseling"];
pub const PPKN: &[&str] = &["Pendidikan Kewarganegaraan"];
pub const SENI: &[&str] = &["Pendidikan Seni"];
pub const TEKNIK_SIPIL: &[&str] = &["Teknik Sipil", "Arsitektur", "Perencanaan Wilayah dan Kota"];
pub const TEKNIK_LINGKUNGAN: &[&str] = &["Teknik Lingkungan", "Kesehatan Lingkungan", "Biologi"];
pub const PEMERINTAHAN: &[&str] = &[
    "Ilmu Pemerintahan",
    "Administrasi Negara",
    "Ilmu Hukum",
    "Ilmu Politik",
];
pub const HUKUM: &[&str] = &["Ilmu Hukum"];
pub const KEUANGAN: &[&str] = &["Akuntansi", "Manajemen", "Ekonomi Pembangunan"];
pub const PERENCANAAN: &[&str] = &[
    "Perencanaan Wilayah dan Kota",
    "Ekonomi Pembangunan",
    "Statistika",
    "Administrasi Negara",
];
pub const KEPEGAWAIAN: &[&str] = &[
    "Administrasi Negara",
    "Psikologi",
    "Manajemen",
    "Ilmu Hukum",
];
pub const INFORMATIKA: &[&str] = &["Teknik Informatika", "Sistem Informasi", "Ilmu Komputer"];
pub const KOMUNIKASI: &[&str] = &["Ilmu Komunikasi", "Teknik Informatika", "Statistika"];
pub const SOSIAL: &[&str] = &["Kesejahteraan Sosial", "Sosiologi", "Psikologi"];
pub const TRANSPORTASI: &[&str] = &["Teknik Sipil", "Manajemen Transportasi", "Teknik Mesin"];
pub const PERTANIAN: &[&str] = &["Agribisnis", "Agroteknologi", "Peternakan", "Perikanan"];
pub const EKONOMI: &[&str] = &["Ekonomi Pembangunan", "Manajemen", "Akuntansi"];
pub const AUDIT: &[&str] = &["Akuntansi", "Ilmu Hukum", "Manajemen", "Teknik Sipil"];
pub const PERPUSTAKAAN: &[&str] = &["Ilmu Perpustakaan", "Kearsipan"];
pub const KEBENCANAAN: &[&str] = &["Teknik Sipil", "Geografi", "Kesehatan Masyarakat"];
pub const KETERTIBAN: &[&str] = &["Ilmu Hukum", "Ilmu Pemerintahan"];
pub const PARIWISATA: &[&str] = &["Pariwisata", "Pendidikan Jasmani", "Manajemen"];
pub const KEPENDUDUKAN: &[&str] = &["Administrasi Negara", "Statistika", "Teknik Informatika"];
pub const ANY: &[&str] = &[];

/// Fields people hold when they do not fit their position's list: the
/// common degrees of a regional civil service.
pub const GENERAL: &[&str] = &[
    "Administrasi Negara",
    "Ilmu Hukum",
    "Manajemen",
    "Akuntansi",
    "Ilmu Pemerintahan",
    "Ekonomi Pembangunan",
    "Ilmu Komunikasi",
    "Sosiologi",
    "Teknik Informatika",
    "Agribisnis",
    "Pendidikan Agama Islam",
    "Kesehatan Masyarakat",
];

const MALE: &[&str] = &[
    "Ahmad",
    "Agus",
    "Asep",
    "Budi",
    "Dedi",
    "Deden",
    "Dadang",
    "Eko",
    "Fajar",
    "Hendra",
    "Iwan",
    "Jajang",
    "Mulyadi",
    "Nana",
    "Rudi",
    "Saepul",
    "Ujang",
    "Wawan",
    "Yusuf",
    "Rizki",
    "Muhammad",
    "Hasan",
    "Ikhsan",
    "Taufik",
    "Bambang",
    "Heri",
    "Imam",
    "Arif",
    "Dimas",
    "Andi",
    "Ade",
    "Entis",
    "Furqon",
    "Hilman",
    "Komarudin",
    "Lukman",
    "Maman",
    "Rohmat",
    "Sutisna",
    "Tubagus",
];
const FEMALE: &[&str] = &[
    "Siti",
    "Dewi",
    "Euis",
    "Eneng",
    "Fitri",
    "Nurul",
    "Rina",
    "Sri",
    "Tuti",
    "Wulan",
    "Yuli",
    "Ratna",
    "Lilis",
    "Neneng",
    "Iis",
    "Ani",
    "Dian",
    "Evi",
    "Hani",
    "Indah",
    "Kartika",
    "Lina",
    "Mega",
    "Nia",
    "Popon",
    "Rani",
    "Santi",
    "Tati",
    "Umi",
    "Yayah",
    "Ratu",
    "Aisyah",
    "Nadia",
    "Putri",
    "Ayu",
    "Rohmah",
    "Heni",
    "Mulyani",
    "Nurhayati",
    "Ida",
];
const FAMILY: &[&str] = &[
    "Hidayat",
    "Rahmawati",
    "Suryana",
    "Permana",
    "Kurniawan",
    "Setiawan",
    "Saputra",
    "Wijaya",
    "Sulaeman",
    "Rohman",
    "Fauzi",
    "Hakim",
    "Maulana",
    "Nurjanah",
    "Susanti",
    "Rachman",
    "Supriatna",
    "Hermawan",
    "Gunawan",
    "Firmansyah",
    "Ramdani",
    "Hasanah",
    "Fitriani",
    "Kusuma",
    "Syahputra",
    "Pratama",
    "Sholihin",
    "Mubarok",
    "Jaelani",
    "Sumarni",
];

/// Where people were born and come from: mostly Banten, then its
/// neighbours.
const PLACES: &[(&str, u32)] = &[
    ("Serang", 40),
    ("Kabupaten Serang", 14),
    ("Pandeglang", 9),
    ("Lebak", 7),
    ("Cilegon", 5),
    ("Tangerang", 5),
    ("Jakarta", 5),
    ("Bandung", 3),
    ("Bogor", 2),
    ("Sukabumi", 2),
    ("Cirebon", 2),
    ("Tegal", 1),
    ("Yogyakarta", 1),
    ("Semarang", 1),
    ("Lampung", 2),
    ("Palembang", 1),
];

/// Banten, BPS 2023: Islam 96.7%, Kristen 1.7%, Katolik 0.8%, Buddha 0.6%,
/// Hindu 0.1%, Konghucu under 0.1% (per mille).
const RELIGIONS: &[(&str, u32)] = &[
    ("Islam", 967),
    ("Kristen", 17),
    ("Katolik", 8),
    ("Buddha", 6),
    ("Hindu", 1),
    ("Konghucu", 1),
];

/// One value of a weighted list.
pub fn weighted<T: Copy, R: Rng>(rng: &mut R, items: &[(T, u32)]) -> Option<T> {
    let total: u32 = items.iter().map(|(_, w)| *w).sum();
    let mut pick = rng.random_range(0..total.max(1));
    for (item, weight) in items {
        if pick < *weight {
            return Some(*item);
        }
        pick -= weight;
    }
    None
}

/// One value of a list, `fallback` when it is empty.
pub fn one_of<R: Rng>(rng: &mut R, items: &[&'static str], fallback: &'static str) -> &'static str {
    if items.is_empty() {
        return fallback;
    }
    items
        .get(rng.random_range(0..items.len()))
        .copied()
        .unwrap_or(fallback)
}

/// A full name: a given name, often a second given or family name.
pub fn name<R: Rng>(rng: &mut R, male: bool) -> String {
    let given = one_of(rng, if male { MALE } else { FEMALE }, "Ahmad");
    match rng.random_range(0..10) {
        0..=1 => given.to_owned(),
        2..=3 => {
            let second = one_of(rng, if male { MALE } else { FEMALE }, "Ahmad");
            format!("{given} {second}")
        }
        _ => format!("{given} {}", one_of(rng, FAMILY, "Hidayat")),
    }
}

pub fn place<R: Rng>(rng: &mut R) -> &'static str {
    weighted(rng, PLACES).unwrap_or("Serang")
}

pub fn religion<R: Rng>(rng: &mut R) -> &'static str {
    weighted(rng, RELIGIONS).unwrap_or("Islam")
}

/// Fields accepted for the general administration of an OPD (sekretaris,
/// kepala subbagian).
pub const ADMINISTRASI: &[&str] = &[
    "Administrasi Negara",
    "Ilmu Pemerintahan",
    "Manajemen",
    "Ilmu Hukum",
    "Akuntansi",
    "Ekonomi Pembangunan",
];
