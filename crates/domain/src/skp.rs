//! SKP: the predikat kinerja of PermenPANRB 6/2022, from the rating of work
//! results (hasil kerja) and the rating of work behaviour (perilaku kerja).

use crate::kode::snake_key;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A rating against the leader's expectations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    DiBawahEkspektasi,
    SesuaiEkspektasi,
    DiAtasEkspektasi,
}

impl Rating {
    pub const ALL: [Rating; 3] = [
        Rating::DiBawahEkspektasi,
        Rating::SesuaiEkspektasi,
        Rating::DiAtasEkspektasi,
    ];

    /// Machine code for files and configuration.
    pub const fn code(self) -> &'static str {
        match self {
            Rating::DiBawahEkspektasi => "di_bawah_ekspektasi",
            Rating::SesuaiEkspektasi => "sesuai_ekspektasi",
            Rating::DiAtasEkspektasi => "di_atas_ekspektasi",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Rating::DiBawahEkspektasi => "Di bawah ekspektasi",
            Rating::SesuaiEkspektasi => "Sesuai ekspektasi",
            Rating::DiAtasEkspektasi => "Di atas ekspektasi",
        }
    }
}

/// Why a text is not a rating.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a rating (expected di_atas_ekspektasi, sesuai_ekspektasi or di_bawah_ekspektasi, or their labels)"
)]
pub struct RatingError(pub String);

// Accepts the code (`sesuai_ekspektasi`) or the label in any case and
// spacing (`SESUAI EKSPEKTASI`, `Di  atas ekspektasi`).
parse_by_code!(Rating, RatingError, snake_key);

display_as!(Rating, label);

serde_as_text!(Rating, code);

/// Predikat kinerja, ordered from worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Predikat {
    SangatKurang,
    /// "Kurang/Misconduct" in the regulation; SIASN writes "KURANG".
    Kurang,
    ButuhPerbaikan,
    Baik,
    SangatBaik,
}

impl Predikat {
    pub const ALL: [Predikat; 5] = [
        Predikat::SangatKurang,
        Predikat::Kurang,
        Predikat::ButuhPerbaikan,
        Predikat::Baik,
        Predikat::SangatBaik,
    ];

    /// Machine code for files and configuration.
    pub const fn code(self) -> &'static str {
        match self {
            Predikat::SangatKurang => "sangat_kurang",
            Predikat::Kurang => "kurang",
            Predikat::ButuhPerbaikan => "butuh_perbaikan",
            Predikat::Baik => "baik",
            Predikat::SangatBaik => "sangat_baik",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Predikat::SangatKurang => "Sangat Kurang",
            Predikat::Kurang => "Kurang/Misconduct",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Baik => "Baik",
            Predikat::SangatBaik => "Sangat Baik",
        }
    }
}

/// The predikat matrix of PermenPANRB 6/2022 (domain.md §5.1):
///
/// | hasil kerja \ perilaku | di bawah        | sesuai          | di atas         |
/// |------------------------|-----------------|-----------------|-----------------|
/// | di atas                | Kurang          | Baik            | Sangat Baik     |
/// | sesuai                 | Kurang          | Baik            | Baik            |
/// | di bawah               | Sangat Kurang   | Butuh Perbaikan | Butuh Perbaikan |
pub const fn predikat(hasil_kerja: Rating, perilaku_kerja: Rating) -> Predikat {
    use Rating::*;
    match (hasil_kerja, perilaku_kerja) {
        (DiAtasEkspektasi, DiAtasEkspektasi) => Predikat::SangatBaik,
        (DiAtasEkspektasi | SesuaiEkspektasi, SesuaiEkspektasi | DiAtasEkspektasi) => {
            Predikat::Baik
        }
        (DiAtasEkspektasi | SesuaiEkspektasi, DiBawahEkspektasi) => Predikat::Kurang,
        (DiBawahEkspektasi, DiBawahEkspektasi) => Predikat::SangatKurang,
        (DiBawahEkspektasi, SesuaiEkspektasi | DiAtasEkspektasi) => Predikat::ButuhPerbaikan,
    }
}

/// Why a text is not a predikat.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a predikat kinerja (expected Sangat Baik, Baik, Butuh Perbaikan, Kurang or Sangat Kurang)"
)]
pub struct PredikatError(pub String);

impl FromStr for Predikat {
    type Err = PredikatError;

    /// Accepts the label in any case (`SANGAT BAIK`), the code
    /// (`sangat_baik`), and `Kurang/Misconduct` or `Misconduct` for Kurang.
    fn from_str(text: &str) -> Result<Predikat, PredikatError> {
        let key = snake_key(text);
        match key.as_str() {
            "kurang/misconduct" | "misconduct" => return Ok(Predikat::Kurang),
            _ => {}
        }
        Predikat::ALL
            .into_iter()
            .find(|p| p.code() == key)
            .ok_or_else(|| PredikatError(text.to_owned()))
    }
}

display_as!(Predikat, label);

serde_as_text!(Predikat, code);

/// The annual SKP result of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkpTahunan {
    pub tahun: i32,
    pub predikat: Predikat,
}

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat::*;
    use Rating::*;

    /// Every cell of the PermenPANRB 6/2022 matrix, row by row as printed.
    #[test]
    fn reproduces_the_predikat_matrix_cell_by_cell() {
        let columns = [DiBawahEkspektasi, SesuaiEkspektasi, DiAtasEkspektasi];
        let table = [
            (DiAtasEkspektasi, [Kurang, Baik, SangatBaik]),
            (SesuaiEkspektasi, [Kurang, Baik, Baik]),
            (
                DiBawahEkspektasi,
                [SangatKurang, ButuhPerbaikan, ButuhPerbaikan],
            ),
        ];
        for (hasil, row) in table {
            for (perilaku, expected) in columns.into_iter().zip(row) {
                assert_eq!(
                    predikat(hasil, perilaku),
                    expected,
                    "{hasil:?} x {perilaku:?}"
                );
            }
        }
    }

    #[test]
    fn parses_siasn_and_regulation_spellings() {
        assert_eq!("SANGAT BAIK".parse(), Ok(SangatBaik));
        assert_eq!("Kurang/Misconduct".parse(), Ok(Kurang));
        assert_eq!("KURANG".parse(), Ok(Kurang));
        assert_eq!("butuh_perbaikan".parse(), Ok(ButuhPerbaikan));
        assert_eq!(" Butuh  Perbaikan ".parse(), Ok(ButuhPerbaikan));
        assert!("Cukup".parse::<Predikat>().is_err());
        for p in Predikat::ALL {
            assert_eq!(p.label().parse(), Ok(p));
            assert_eq!(p.code().parse(), Ok(p));
        }
    }

    #[test]
    fn parses_rating_codes_and_labels() {
        assert_eq!("di_atas_ekspektasi".parse(), Ok(DiAtasEkspektasi));
        assert_eq!("SESUAI EKSPEKTASI".parse(), Ok(SesuaiEkspektasi));
        assert_eq!(" Di  bawah ekspektasi ".parse(), Ok(DiBawahEkspektasi));
        for r in Rating::ALL {
            assert_eq!(r.label().parse(), Ok(r));
            assert_eq!(r.code().parse(), Ok(r));
        }
        assert_eq!(
            "baik".parse::<Rating>().unwrap_err().to_string(),
            "\"baik\" is not a rating (expected di_atas_ekspektasi, sesuai_ekspektasi or di_bawah_ekspektasi, or their labels)"
        );
    }

    #[test]
    fn order_is_worst_to_best() {
        assert!(SangatKurang < Kurang && Kurang < ButuhPerbaikan);
        assert!(ButuhPerbaikan < Baik && Baik < SangatBaik);
    }
}
