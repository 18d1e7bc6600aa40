//! Golongan/ruang and pangkat of PNS (I/a–IV/e, with BKN codes), and the
//! golongan of PPPK (I–XVII). Source: domain.md §7.3; BKN referensi golongan
//! (`golRuangAkhirId` uses the BKN code).

use std::str::FromStr;

/// Golongan/ruang of a PNS, ordered from I/a (lowest) to IV/e.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Golongan {
    IA,
    IB,
    IC,
    ID,
    IIA,
    IIB,
    IIC,
    IID,
    IIIA,
    IIIB,
    IIIC,
    IIID,
    IVA,
    IVB,
    IVC,
    IVD,
    IVE,
}

struct Row {
    golongan: Golongan,
    bkn_code: u8,
    ruang: &'static str,
    pangkat: &'static str,
}

const fn row(golongan: Golongan, bkn_code: u8, ruang: &'static str, pangkat: &'static str) -> Row {
    Row {
        golongan,
        bkn_code,
        ruang,
        pangkat,
    }
}

/// The reference table, in order.
const TABLE: [Row; 17] = [
    row(Golongan::IA, 11, "I/a", "Juru Muda"),
    row(Golongan::IB, 12, "I/b", "Juru Muda Tingkat I"),
    row(Golongan::IC, 13, "I/c", "Juru"),
    row(Golongan::ID, 14, "I/d", "Juru Tingkat I"),
    row(Golongan::IIA, 21, "II/a", "Pengatur Muda"),
    row(Golongan::IIB, 22, "II/b", "Pengatur Muda Tingkat I"),
    row(Golongan::IIC, 23, "II/c", "Pengatur"),
    row(Golongan::IID, 24, "II/d", "Pengatur Tingkat I"),
    row(Golongan::IIIA, 31, "III/a", "Penata Muda"),
    row(Golongan::IIIB, 32, "III/b", "Penata Muda Tingkat I"),
    row(Golongan::IIIC, 33, "III/c", "Penata"),
    row(Golongan::IIID, 34, "III/d", "Penata Tingkat I"),
    row(Golongan::IVA, 41, "IV/a", "Pembina"),
    row(Golongan::IVB, 42, "IV/b", "Pembina Tingkat I"),
    row(Golongan::IVC, 43, "IV/c", "Pembina Utama Muda"),
    row(Golongan::IVD, 44, "IV/d", "Pembina Utama Madya"),
    row(Golongan::IVE, 45, "IV/e", "Pembina Utama"),
];

impl Golongan {
    pub const ALL: [Golongan; 17] = [
        Golongan::IA,
        Golongan::IB,
        Golongan::IC,
        Golongan::ID,
        Golongan::IIA,
        Golongan::IIB,
        Golongan::IIC,
        Golongan::IID,
        Golongan::IIIA,
        Golongan::IIIB,
        Golongan::IIIC,
        Golongan::IIID,
        Golongan::IVA,
        Golongan::IVB,
        Golongan::IVC,
        Golongan::IVD,
        Golongan::IVE,
    ];

    fn row(self) -> &'static Row {
        // TABLE is indexed by discriminant; the test `table_is_in_order` holds it.
        TABLE.get(self as usize).unwrap_or(&TABLE[0])
    }

    /// BKN code, e.g. 32 for III/b.
    pub fn bkn_code(self) -> u8 {
        self.row().bkn_code
    }

    /// Golongan/ruang as written, e.g. `III/b`.
    pub fn ruang(self) -> &'static str {
        self.row().ruang
    }

    /// Pangkat, e.g. `Penata Muda Tingkat I`.
    pub fn pangkat(self) -> &'static str {
        self.row().pangkat
    }

    pub fn from_bkn_code(code: u8) -> Option<Golongan> {
        TABLE
            .iter()
            .find(|r| r.bkn_code == code)
            .map(|r| r.golongan)
    }
}

/// Why a text is not a golongan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a golongan/ruang (expected I/a to IV/e, or a BKN code 11 to 45)")]
pub struct GolonganError(pub String);

impl FromStr for Golongan {
    type Err = GolonganError;

    /// Accepts `III/b`, `iii/b`, `III b`, `IIIb`, `3b`, `3/b` and the BKN code `32`.
    fn from_str(text: &str) -> Result<Golongan, GolonganError> {
        let error = || GolonganError(text.to_owned());
        let compact: String = text
            .chars()
            .filter(|c| !matches!(c, '/' | ' ' | '.' | '-'))
            .flat_map(char::to_lowercase)
            .collect();
        if let Ok(code) = compact.parse::<u8>() {
            return Golongan::from_bkn_code(code).ok_or_else(error);
        }
        let ruang = compact.chars().last().ok_or_else(error)?;
        let head = compact
            .get(..compact.len() - ruang.len_utf8())
            .ok_or_else(error)?;
        let level = match head {
            "i" | "1" => 1,
            "ii" | "2" => 2,
            "iii" | "3" => 3,
            "iv" | "4" => 4,
            _ => return Err(error()),
        };
        let ruang_offset = match ruang {
            'a'..='e' => u8::try_from(u32::from(ruang) - u32::from('a')).map_err(|_| error())?,
            _ => return Err(error()),
        };
        Golongan::from_bkn_code(level * 10 + ruang_offset + 1).ok_or_else(error)
    }
}

display_as!(Golongan, ruang);

serde_as_text!(Golongan, ruang);

/// Golongan of a PPPK, I to XVII (Perpres 98/2020), ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GolonganPppk(u8);

const ROMAN: [&str; 17] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

impl GolonganPppk {
    pub const fn new(level: u8) -> Option<GolonganPppk> {
        if level >= 1 && level <= 17 {
            Some(GolonganPppk(level))
        } else {
            None
        }
    }

    pub const fn level(self) -> u8 {
        self.0
    }

    pub fn roman(self) -> &'static str {
        ROMAN.get(usize::from(self.0) - 1).copied().unwrap_or("?")
    }
}

/// Why a text is not a PPPK golongan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a PPPK golongan (expected I to XVII, or 1 to 17)")]
pub struct GolonganPppkError(pub String);

impl FromStr for GolonganPppk {
    type Err = GolonganPppkError;

    fn from_str(text: &str) -> Result<GolonganPppk, GolonganPppkError> {
        let trimmed = text.trim();
        let level = match trimmed.parse::<u8>() {
            Ok(n) => Some(n),
            Err(_) => ROMAN
                .iter()
                .position(|r| r.eq_ignore_ascii_case(trimmed))
                .and_then(|i| u8::try_from(i + 1).ok()),
        };
        level
            .and_then(GolonganPppk::new)
            .ok_or_else(|| GolonganPppkError(text.to_owned()))
    }
}

display_as!(GolonganPppk, roman);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_order() {
        for (i, g) in Golongan::ALL.iter().enumerate() {
            assert_eq!(TABLE[i].golongan, *g);
            assert_eq!(*g as usize, i);
        }
        assert!(Golongan::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    /// Every row of domain.md §7.3.
    #[test]
    fn reproduces_the_reference_table() {
        let expected = [
            (11, "I/a", "Juru Muda"),
            (12, "I/b", "Juru Muda Tingkat I"),
            (13, "I/c", "Juru"),
            (14, "I/d", "Juru Tingkat I"),
            (21, "II/a", "Pengatur Muda"),
            (22, "II/b", "Pengatur Muda Tingkat I"),
            (23, "II/c", "Pengatur"),
            (24, "II/d", "Pengatur Tingkat I"),
            (31, "III/a", "Penata Muda"),
            (32, "III/b", "Penata Muda Tingkat I"),
            (33, "III/c", "Penata"),
            (34, "III/d", "Penata Tingkat I"),
            (41, "IV/a", "Pembina"),
            (42, "IV/b", "Pembina Tingkat I"),
            (43, "IV/c", "Pembina Utama Muda"),
            (44, "IV/d", "Pembina Utama Madya"),
            (45, "IV/e", "Pembina Utama"),
        ];
        for (g, (code, ruang, pangkat)) in Golongan::ALL.iter().zip(expected) {
            assert_eq!(
                (g.bkn_code(), g.ruang(), g.pangkat()),
                (code, ruang, pangkat)
            );
            assert_eq!(Golongan::from_bkn_code(code), Some(*g));
            assert_eq!(ruang.parse::<Golongan>(), Ok(*g));
        }
    }

    #[test]
    fn parses_common_spellings() {
        for text in [
            "III/b", "iii/b", "III b", "IIIb", "3b", "3/b", "32", " III/B ",
        ] {
            assert_eq!(text.parse::<Golongan>(), Ok(Golongan::IIIB), "{text:?}");
        }
        for bad in [
            "", "V/a", "III/f", "IIII/a", "15", "46", "III/", "/a", "ⅲ/a",
        ] {
            assert!(bad.parse::<Golongan>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn pppk_golongan_one_to_seventeen() {
        assert_eq!("IX".parse::<GolonganPppk>().map(GolonganPppk::level), Ok(9));
        assert_eq!(
            "xvii".parse::<GolonganPppk>().map(GolonganPppk::level),
            Ok(17)
        );
        assert_eq!(
            "5".parse::<GolonganPppk>().map(|g| g.to_string()),
            Ok("V".into())
        );
        assert!("XVIII".parse::<GolonganPppk>().is_err());
        assert!("0".parse::<GolonganPppk>().is_err());
        assert!(GolonganPppk::new(3) < GolonganPppk::new(4));
    }
}
