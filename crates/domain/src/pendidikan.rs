//! Tingkat pendidikan (education level) with BKN `tkPendidikan` codes
//! (domain.md §7.5), and the field of study a position may require.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An education level. Variants are ordered by BKN code; compare levels for
/// requirements with [`TingkatPendidikan::rank`], which puts vocational
/// variants beside their general level and D-IV beside S-1 ("S1/D-IV").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TingkatPendidikan {
    Sd,
    Sltp,
    SltpKejuruan,
    Slta,
    SltaKejuruan,
    SltaKeguruan,
    D1,
    D2,
    D3,
    D4,
    S1,
    S2,
    S3,
}

struct Row {
    level: TingkatPendidikan,
    bkn_code: u8,
    code: &'static str,
    label: &'static str,
    rank: u8,
}

const fn row(
    level: TingkatPendidikan,
    bkn_code: u8,
    code: &'static str,
    label: &'static str,
    rank: u8,
) -> Row {
    Row {
        level,
        bkn_code,
        code,
        label,
        rank,
    }
}

const TABLE: [Row; 13] = {
    use TingkatPendidikan as T;
    [
        row(T::Sd, 5, "SD", "SD", 1),
        row(T::Sltp, 10, "SLTP", "SLTP", 2),
        row(T::SltpKejuruan, 12, "SLTP_KEJURUAN", "SLTP Kejuruan", 2),
        row(T::Slta, 15, "SLTA", "SLTA", 3),
        row(T::SltaKejuruan, 17, "SLTA_KEJURUAN", "SLTA Kejuruan", 3),
        row(T::SltaKeguruan, 18, "SLTA_KEGURUAN", "SLTA Keguruan", 3),
        row(T::D1, 20, "D1", "Diploma I", 4),
        row(T::D2, 25, "D2", "Diploma II", 5),
        row(T::D3, 30, "D3", "Diploma III / Sarjana Muda", 6),
        row(T::D4, 35, "D4", "Diploma IV", 7),
        row(T::S1, 40, "S1", "S-1 / Sarjana", 7),
        row(T::S2, 45, "S2", "S-2", 8),
        row(T::S3, 50, "S3", "S-3 / Doktor", 9),
    ]
};

impl TingkatPendidikan {
    pub const ALL: [TingkatPendidikan; 13] = [
        TingkatPendidikan::Sd,
        TingkatPendidikan::Sltp,
        TingkatPendidikan::SltpKejuruan,
        TingkatPendidikan::Slta,
        TingkatPendidikan::SltaKejuruan,
        TingkatPendidikan::SltaKeguruan,
        TingkatPendidikan::D1,
        TingkatPendidikan::D2,
        TingkatPendidikan::D3,
        TingkatPendidikan::D4,
        TingkatPendidikan::S1,
        TingkatPendidikan::S2,
        TingkatPendidikan::S3,
    ];

    fn row(self) -> &'static Row {
        TABLE.get(self as usize).unwrap_or(&TABLE[0])
    }

    /// BKN `tkPendidikan` code, e.g. 40 for S-1.
    pub fn bkn_code(self) -> u8 {
        self.row().bkn_code
    }

    /// Short code used in files and configuration, e.g. `S1`, `D3`.
    pub fn code(self) -> &'static str {
        self.row().code
    }

    pub fn label(self) -> &'static str {
        self.row().label
    }

    /// Level for requirement comparisons: equal ranks satisfy each other.
    pub fn rank(self) -> u8 {
        self.row().rank
    }

    /// Whether this level meets a requirement of `minimum`.
    pub fn meets(self, minimum: TingkatPendidikan) -> bool {
        self.rank() >= minimum.rank()
    }

    pub fn from_bkn_code(code: u8) -> Option<TingkatPendidikan> {
        TABLE.iter().find(|r| r.bkn_code == code).map(|r| r.level)
    }
}

/// Why a text is not an education level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a tingkat pendidikan (expected SD, SLTP, SLTA, D1, D2, D3, D4, S1, S2, S3 or a BKN code)"
)]
pub struct PendidikanError(pub String);

impl FromStr for TingkatPendidikan {
    type Err = PendidikanError;

    /// Accepts codes (`S1`, `s-1`, `D-IV`, `DIII`), common names (`SMA`,
    /// `SMP`, `SMK`) and BKN codes (`40`).
    fn from_str(text: &str) -> Result<TingkatPendidikan, PendidikanError> {
        let key: String = text
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' ' | '.' | '/'))
            .flat_map(char::to_uppercase)
            .collect();
        if let Ok(code) = key.parse::<u8>() {
            return TingkatPendidikan::from_bkn_code(code)
                .ok_or_else(|| PendidikanError(text.to_owned()));
        }
        let level = match key.as_str() {
            "SD" => TingkatPendidikan::Sd,
            "SLTP" | "SMP" => TingkatPendidikan::Sltp,
            "SLTPKEJURUAN" => TingkatPendidikan::SltpKejuruan,
            "SLTA" | "SMA" | "SMU" => TingkatPendidikan::Slta,
            "SLTAKEJURUAN" | "SMK" => TingkatPendidikan::SltaKejuruan,
            "SLTAKEGURUAN" => TingkatPendidikan::SltaKeguruan,
            "D1" | "DI" => TingkatPendidikan::D1,
            "D2" | "DII" => TingkatPendidikan::D2,
            "D3" | "DIII" => TingkatPendidikan::D3,
            "D4" | "DIV" => TingkatPendidikan::D4,
            "S1" => TingkatPendidikan::S1,
            "S2" => TingkatPendidikan::S2,
            "S3" => TingkatPendidikan::S3,
            _ => return Err(PendidikanError(text.to_owned())),
        };
        Ok(level)
    }
}

display_as!(TingkatPendidikan, code);

serde_as_text!(TingkatPendidikan, code);

/// A field of study (bidang ilmu / rumpun), compared case- and
/// space-insensitively: "Kesehatan Masyarakat" matches "kesehatan  masyarakat".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct BidangIlmu(String);

impl BidangIlmu {
    pub fn new(name: &str) -> BidangIlmu {
        // Most names are already words joined by single spaces (every
        // stored one is): kept as they are, without splitting.
        let normal = name
            .split(' ')
            .all(|word| !word.is_empty() && !word.contains(char::is_whitespace));
        if normal {
            return BidangIlmu(name.to_owned());
        }
        BidangIlmu(name.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Equal ignoring case (Unicode lowercase, compared without
    /// allocating: succession checks it for every candidate).
    pub fn matches(&self, other: &BidangIlmu) -> bool {
        if self.0.is_ascii() && other.0.is_ascii() {
            return self.0.eq_ignore_ascii_case(&other.0);
        }
        self.0
            .chars()
            .flat_map(char::to_lowercase)
            .eq(other.0.chars().flat_map(char::to_lowercase))
    }
}

impl From<String> for BidangIlmu {
    fn from(name: String) -> BidangIlmu {
        BidangIlmu::new(&name)
    }
}

impl From<BidangIlmu> for String {
    fn from(bidang: BidangIlmu) -> String {
        bidang.0
    }
}

impl fmt::Display for BidangIlmu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One completed degree or school level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pendidikan {
    pub tingkat: TingkatPendidikan,
    /// Field of study; `None` for school levels without one.
    pub bidang: Option<BidangIlmu>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of domain.md §7.5.
    #[test]
    fn reproduces_the_bkn_code_table() {
        let expected = [
            (5, "SD"),
            (10, "SLTP"),
            (12, "SLTP Kejuruan"),
            (15, "SLTA"),
            (17, "SLTA Kejuruan"),
            (18, "SLTA Keguruan"),
            (20, "Diploma I"),
            (25, "Diploma II"),
            (30, "Diploma III / Sarjana Muda"),
            (35, "Diploma IV"),
            (40, "S-1 / Sarjana"),
            (45, "S-2"),
            (50, "S-3 / Doktor"),
        ];
        for (level, (code, label)) in TingkatPendidikan::ALL.iter().zip(expected) {
            assert_eq!(TABLE[*level as usize].level, *level);
            assert_eq!((level.bkn_code(), level.label()), (code, label));
            assert_eq!(TingkatPendidikan::from_bkn_code(code), Some(*level));
            assert_eq!(level.code().parse::<TingkatPendidikan>(), Ok(*level));
        }
    }

    #[test]
    fn d4_meets_s1_and_vocational_meets_general() {
        use TingkatPendidikan::*;
        assert!(D4.meets(S1));
        assert!(S1.meets(D4));
        assert!(!D3.meets(S1));
        assert!(SltaKejuruan.meets(Slta));
        assert!(S3.meets(D3));
        assert!(!Slta.meets(D3));
    }

    #[test]
    fn parses_common_spellings() {
        assert_eq!("S-1".parse(), Ok(TingkatPendidikan::S1));
        assert_eq!("D-IV".parse(), Ok(TingkatPendidikan::D4));
        assert_eq!("diii".parse(), Ok(TingkatPendidikan::D3));
        assert_eq!("SMA".parse(), Ok(TingkatPendidikan::Slta));
        assert_eq!("40".parse(), Ok(TingkatPendidikan::S1));
        assert!("S4".parse::<TingkatPendidikan>().is_err());
        assert!("41".parse::<TingkatPendidikan>().is_err());
    }

    #[test]
    fn fields_of_study_compare_loosely() {
        assert!(
            BidangIlmu::new("Kesehatan Masyarakat")
                .matches(&BidangIlmu::new(" kesehatan  MASYARAKAT "))
        );
        assert!(!BidangIlmu::new("Kesehatan").matches(&BidangIlmu::new("Ekonomi")));
        assert!(!BidangIlmu::new("Hukum").matches(&BidangIlmu::new("Hukum Tata Negara")));
        // Beyond ASCII, compared by Unicode lowercase.
        assert!(BidangIlmu::new("ÉKONOMI Ünggul").matches(&BidangIlmu::new("ékonomi ünggul")));
        assert!(!BidangIlmu::new("Ékonomi").matches(&BidangIlmu::new("Ekonomi")));
    }

    #[test]
    fn a_field_of_study_is_kept_with_single_spaces() {
        assert_eq!(BidangIlmu::new("Teknik Sipil").as_str(), "Teknik Sipil");
        for loose in [
            " Teknik Sipil",
            "Teknik Sipil ",
            "Teknik  Sipil",
            "Teknik\tSipil",
        ] {
            assert_eq!(BidangIlmu::new(loose).as_str(), "Teknik Sipil", "{loose:?}");
        }
        assert_eq!(BidangIlmu::new("").as_str(), "");
        assert_eq!(BidangIlmu::new(" \u{a0}").as_str(), "");
    }
}
