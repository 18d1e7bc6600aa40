//! Readiness (kesiapan) of an eligible successor for a key position: siap
//! sekarang, 1-2 tahun, or lebih dari 2 tahun.
//!
//! The rule, as data in the rule set's `[[succession.readiness]]` levels:
//! a person is at the first level whose boxes include their final box and
//! whose minimum JPM (against the target position's competency standard,
//! inclusive) they reach; otherwise lebih dari 2 tahun. With the bundled
//! rules: siap sekarang = box 8 or 9 and JPM ≥ 80% (MS); 1-2 tahun = box 7,
//! 8 or 9 and JPM ≥ 68% (MMS); everyone else, and anyone without a JPM (no
//! assessment or no standard), lebih dari 2 tahun. Readiness is only given
//! to people who pass every hard eligibility rule: someone who is not yet
//! eligible is excluded with the date they will be, not called "1-2 tahun".

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::nine_box::Kotak;

/// A readiness level, readiest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Readiness {
    #[serde(rename = "siap_sekarang")]
    SiapSekarang,
    #[serde(rename = "satu_dua_tahun")]
    SatuDuaTahun,
    #[serde(rename = "lebih_dari_2_tahun")]
    LebihDariDuaTahun,
}

impl Readiness {
    pub const fn code(self) -> &'static str {
        match self {
            Readiness::SiapSekarang => "siap_sekarang",
            Readiness::SatuDuaTahun => "satu_dua_tahun",
            Readiness::LebihDariDuaTahun => "lebih_dari_2_tahun",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Readiness::SiapSekarang => "Siap sekarang",
            Readiness::SatuDuaTahun => "1-2 tahun",
            Readiness::LebihDariDuaTahun => "Lebih dari 2 tahun",
        }
    }
}

impl fmt::Display for Readiness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One level of the rule: the boxes and the minimum JPM in whole percent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessLevel {
    pub level: Readiness,
    pub boxes: Vec<Kotak>,
    pub min_jpm: u8,
}

/// The readiness of an eligible person in `kotak` with a JPM of
/// `jpm_hundredths` (hundredths of a percent; `None` when unknown).
pub fn readiness(
    levels: &[ReadinessLevel],
    kotak: Kotak,
    jpm_hundredths: Option<u32>,
) -> Readiness {
    levels
        .iter()
        .find(|l| {
            l.boxes.contains(&kotak)
                && jpm_hundredths.is_some_and(|j| j >= u32::from(l.min_jpm) * 100)
        })
        .map_or(Readiness::LebihDariDuaTahun, |l| l.level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;

    /// The bundled rule, cell by cell: box × JPM band.
    #[test]
    fn bundled_levels_by_box_and_jpm() {
        let rules = RuleSet::bundled().unwrap();
        let levels = &rules.succession.readiness;
        use Readiness::*;
        // JPM: unknown, 67.99, 68.00, 79.99, 80.00, 100.
        let jpms = [
            None,
            Some(6799),
            Some(6800),
            Some(7999),
            Some(8000),
            Some(10_000),
        ];
        let table: [(u8, [Readiness; 6]); 5] = [
            (
                9,
                [
                    LebihDariDuaTahun,
                    LebihDariDuaTahun,
                    SatuDuaTahun,
                    SatuDuaTahun,
                    SiapSekarang,
                    SiapSekarang,
                ],
            ),
            (
                8,
                [
                    LebihDariDuaTahun,
                    LebihDariDuaTahun,
                    SatuDuaTahun,
                    SatuDuaTahun,
                    SiapSekarang,
                    SiapSekarang,
                ],
            ),
            (
                7,
                [
                    LebihDariDuaTahun,
                    LebihDariDuaTahun,
                    SatuDuaTahun,
                    SatuDuaTahun,
                    SatuDuaTahun,
                    SatuDuaTahun,
                ],
            ),
            (5, [LebihDariDuaTahun; 6]),
            (1, [LebihDariDuaTahun; 6]),
        ];
        for (kotak, expected) in table {
            for (jpm, want) in jpms.iter().zip(expected) {
                assert_eq!(
                    readiness(levels, Kotak::new(kotak).unwrap(), *jpm),
                    want,
                    "box {kotak}, jpm {jpm:?}"
                );
            }
        }
    }

    #[test]
    fn readiest_sorts_first() {
        assert!(Readiness::SiapSekarang < Readiness::SatuDuaTahun);
        assert!(Readiness::SatuDuaTahun < Readiness::LebihDariDuaTahun);
    }
}
