//! Readiness (kesiapan) of an eligible successor for a key position: siap
//! sekarang, 1-2 tahun, or lebih dari 2 tahun.
//!
//! The rule, as data in the rule set's `[[succession.target.readiness]]`
//! levels of the position's jenjang: a person is at the first level whose
//! boxes include their final box and whose minimum JPM (against the target
//! position's competency standard, inclusive) they reach; otherwise lebih
//! dari 2 tahun. With the bundled rules, for administrator and pengawas:
//! siap sekarang = box 8 or 9 and JPM ≥ 80% (MS); 1-2 tahun = box 7, 8 or
//! 9 and JPM ≥ 68% (MMS); for JPT, whose successors come from box 9 only:
//! siap sekarang = JPM ≥ 80%, 1-2 tahun = JPM ≥ 68%; everyone else, and
//! anyone without a JPM (no assessment or no standard), lebih dari 2 tahun. Readiness is only given
//! to people who pass every hard eligibility rule: someone who is not yet
//! eligible is excluded with the date they will be, not called "1-2 tahun".

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

display_as!(Readiness, label);

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
    use crate::{Jenjang, RuleSet};

    // The cells of the tables below, short so that a row of the table is a
    // line.
    const NOW: Readiness = Readiness::SiapSekarang;
    const SOON: Readiness = Readiness::SatuDuaTahun;
    const LATER: Readiness = Readiness::LebihDariDuaTahun;

    /// The bundled rule for administrator and pengawas, cell by cell: box ×
    /// JPM band.
    #[test]
    fn bundled_levels_by_box_and_jpm() {
        let rules = RuleSet::bundled().unwrap();
        for jenjang in [Jenjang::Administrator, Jenjang::Pengawas] {
            let levels = &rules.succession.of(jenjang).unwrap().readiness;
            assert_levels(levels, &administrator_table());
        }
    }

    /// For JPT only box 9 is in line; its readiness is by JPM band.
    #[test]
    fn bundled_levels_of_jpt() {
        let rules = RuleSet::bundled().unwrap();
        let table: [(u8, [Readiness; 6]); 3] = [
            (9, [LATER, LATER, SOON, SOON, NOW, NOW]),
            (8, [LATER; 6]),
            (7, [LATER; 6]),
        ];
        for jenjang in [Jenjang::JptPratama, Jenjang::JptMadya, Jenjang::JptUtama] {
            assert_levels(&rules.succession.of(jenjang).unwrap().readiness, &table);
        }
    }

    // JPM: unknown, 67.99, 68.00, 79.99, 80.00, 100.
    const JPMS: [Option<u32>; 6] = [
        None,
        Some(6799),
        Some(6800),
        Some(7999),
        Some(8000),
        Some(10_000),
    ];

    fn assert_levels(levels: &[ReadinessLevel], table: &[(u8, [Readiness; 6])]) {
        for (kotak, expected) in table {
            for (jpm, want) in JPMS.iter().zip(expected) {
                assert_eq!(
                    readiness(levels, Kotak::new(*kotak).unwrap(), *jpm),
                    *want,
                    "box {kotak}, jpm {jpm:?}"
                );
            }
        }
    }

    fn administrator_table() -> [(u8, [Readiness; 6]); 5] {
        [
            (9, [LATER, LATER, SOON, SOON, NOW, NOW]),
            (8, [LATER, LATER, SOON, SOON, NOW, NOW]),
            (7, [LATER, LATER, SOON, SOON, SOON, SOON]),
            (5, [LATER; 6]),
            (1, [LATER; 6]),
        ]
    }

    #[test]
    fn readiest_sorts_first() {
        assert!(Readiness::SiapSekarang < Readiness::SatuDuaTahun);
        assert!(Readiness::SatuDuaTahun < Readiness::LebihDariDuaTahun);
    }
}
