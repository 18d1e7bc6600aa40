//! The two axes of the nine-box and the talent score (Nilai Talenta), as
//! weighted means of their components (Kepka BKN 411/2025, domain.md §4.6).
//!
//! Weights are configuration ([`crate::RuleSet`]); the defaults are the
//! Kepka's top-level weights. A component with a non-zero weight and no value
//! makes the axis unknown: Talenta never invents a score.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::score::Score;

/// A component of an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Komponen {
    /// Predikat kinerja (SKP / e-kinerja).
    KinerjaUtama,
    /// Awards, team assignments, 360° feedback.
    KinerjaPenguat,
    /// Competency assessment, development and job experience.
    Kompetensi,
    /// Potential test (CACT/ProASN).
    Potensi,
    /// Formal education and field-of-study fit.
    Kualifikasi,
    /// Disciplinary record.
    Integritas,
}

impl Komponen {
    pub const fn code(self) -> &'static str {
        match self {
            Komponen::KinerjaUtama => "kinerja_utama",
            Komponen::KinerjaPenguat => "kinerja_penguat",
            Komponen::Kompetensi => "kompetensi",
            Komponen::Potensi => "potensi",
            Komponen::Kualifikasi => "kualifikasi",
            Komponen::Integritas => "integritas",
        }
    }
}

impl fmt::Display for Komponen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Weights in whole percent; each group sums to 100 (checked when a rule set
/// is loaded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub nilai_talenta: NilaiTalentaWeights,
    pub kinerja: KinerjaWeights,
    pub potensial: PotensialWeights,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NilaiTalentaWeights {
    pub kinerja: u8,
    pub potensial: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KinerjaWeights {
    pub utama: u8,
    pub penguat: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PotensialWeights {
    pub kompetensi: u8,
    pub potensi: u8,
    pub kualifikasi: u8,
    pub integritas: u8,
}

/// Component values of the kinerja axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KinerjaInput {
    pub utama: Option<Score>,
    pub penguat: Option<Score>,
}

/// Component values of the potensial axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PotensialInput {
    pub kompetensi: Option<Score>,
    pub potensi: Option<Score>,
    pub kualifikasi: Option<Score>,
    pub integritas: Option<Score>,
}

/// The components an axis needs and does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("missing: {}", .0.iter().map(|k| k.code()).collect::<Vec<_>>().join(", "))]
pub struct Missing(pub Vec<Komponen>);

/// Why a weight group is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("weights of {group} sum to {sum}, not 100")]
pub struct WeightsError {
    pub group: &'static str,
    pub sum: u32,
}

impl Weights {
    /// Checks that every group sums to 100.
    pub fn validate(&self) -> Result<(), WeightsError> {
        let groups: [(&'static str, &[u8]); 3] = [
            (
                "nilai_talenta",
                &[self.nilai_talenta.kinerja, self.nilai_talenta.potensial],
            ),
            ("kinerja", &[self.kinerja.utama, self.kinerja.penguat]),
            (
                "potensial",
                &[
                    self.potensial.kompetensi,
                    self.potensial.potensi,
                    self.potensial.kualifikasi,
                    self.potensial.integritas,
                ],
            ),
        ];
        for (group, weights) in groups {
            let sum: u32 = weights.iter().map(|w| u32::from(*w)).sum();
            if sum != 100 {
                return Err(WeightsError { group, sum });
            }
        }
        Ok(())
    }

    /// The kinerja axis (sumbu Y).
    pub fn kinerja(&self, input: &KinerjaInput) -> Result<Score, Missing> {
        weighted(&[
            (Komponen::KinerjaUtama, self.kinerja.utama, input.utama),
            (
                Komponen::KinerjaPenguat,
                self.kinerja.penguat,
                input.penguat,
            ),
        ])
    }

    /// The potensial axis (sumbu X).
    pub fn potensial(&self, input: &PotensialInput) -> Result<Score, Missing> {
        weighted(&[
            (
                Komponen::Kompetensi,
                self.potensial.kompetensi,
                input.kompetensi,
            ),
            (Komponen::Potensi, self.potensial.potensi, input.potensi),
            (
                Komponen::Kualifikasi,
                self.potensial.kualifikasi,
                input.kualifikasi,
            ),
            (
                Komponen::Integritas,
                self.potensial.integritas,
                input.integritas,
            ),
        ])
    }

    /// Nilai Talenta: the continuous score that ranks people, within a box
    /// and across boxes.
    pub fn nilai_talenta(&self, kinerja: Score, potensial: Score) -> Score {
        Score::weighted_mean([
            (u32::from(self.nilai_talenta.kinerja), kinerja),
            (u32::from(self.nilai_talenta.potensial), potensial),
        ])
        .unwrap_or(Score::ZERO)
    }
}

fn weighted(parts: &[(Komponen, u8, Option<Score>)]) -> Result<Score, Missing> {
    let missing: Vec<Komponen> = parts
        .iter()
        .filter(|(_, weight, value)| *weight > 0 && value.is_none())
        .map(|(komponen, _, _)| *komponen)
        .collect();
    if !missing.is_empty() {
        return Err(Missing(missing));
    }
    Score::weighted_mean(
        parts
            .iter()
            .filter_map(|(_, weight, value)| value.map(|v| (u32::from(*weight), v))),
    )
    .ok_or(Missing(Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kepka_411() -> Weights {
        Weights {
            nilai_talenta: NilaiTalentaWeights {
                kinerja: 50,
                potensial: 50,
            },
            kinerja: KinerjaWeights {
                utama: 60,
                penguat: 40,
            },
            potensial: PotensialWeights {
                kompetensi: 40,
                potensi: 25,
                kualifikasi: 20,
                integritas: 15,
            },
        }
    }

    fn s(value: u8) -> Option<Score> {
        Score::whole(value)
    }

    #[test]
    fn axes_are_weighted_means() {
        let w = kepka_411();
        // 0.6 × 100 + 0.4 × 50 = 80
        assert_eq!(
            w.kinerja(&KinerjaInput {
                utama: s(100),
                penguat: s(50)
            }),
            Ok(s(80).unwrap())
        );
        // 0.4 × 80 + 0.25 × 60 + 0.2 × 90 + 0.15 × 100 = 32 + 15 + 18 + 15 = 80
        let p = PotensialInput {
            kompetensi: s(80),
            potensi: s(60),
            kualifikasi: s(90),
            integritas: s(100),
        };
        assert_eq!(w.potensial(&p), Ok(s(80).unwrap()));
        // PUPR worked example: 50% × 80 + 50% × 70 = 75.
        assert_eq!(
            w.nilai_talenta(s(80).unwrap(), s(70).unwrap()),
            s(75).unwrap()
        );
    }

    #[test]
    fn weighted_mean_rounds_to_hundredths() {
        let w = kepka_411();
        // 0.6 × 77 + 0.4 × 78 = 46.2 + 31.2 = 77.4
        assert_eq!(
            w.kinerja(&KinerjaInput {
                utama: s(77),
                penguat: s(78)
            })
            .map(Score::hundredths),
            Ok(7740)
        );
        // 0.4 × 33 + 0.25 × 67 + 0.2 × 1 + 0.15 × 99 = 13.2 + 16.75 + 0.2 + 14.85 = 45
        let p = PotensialInput {
            kompetensi: s(33),
            potensi: s(67),
            kualifikasi: s(1),
            integritas: s(99),
        };
        assert_eq!(w.potensial(&p).map(Score::hundredths), Ok(4500));
    }

    #[test]
    fn missing_components_are_named_never_invented() {
        let w = kepka_411();
        let p = PotensialInput {
            kompetensi: s(80),
            ..PotensialInput::default()
        };
        assert_eq!(
            w.potensial(&p),
            Err(Missing(vec![
                Komponen::Potensi,
                Komponen::Kualifikasi,
                Komponen::Integritas
            ]))
        );
        // A zero-weight component may be absent: kinerja from SKP alone.
        let skp_only = Weights {
            kinerja: KinerjaWeights {
                utama: 100,
                penguat: 0,
            },
            ..w
        };
        assert_eq!(
            skp_only.kinerja(&KinerjaInput {
                utama: s(80),
                penguat: None
            }),
            Ok(s(80).unwrap())
        );
    }

    #[test]
    fn weights_must_sum_to_one_hundred() {
        assert_eq!(kepka_411().validate(), Ok(()));
        let bad = Weights {
            potensial: PotensialWeights {
                kompetensi: 40,
                potensi: 25,
                kualifikasi: 20,
                integritas: 10,
            },
            ..kepka_411()
        };
        assert_eq!(
            bad.validate(),
            Err(WeightsError {
                group: "potensial",
                sum: 95
            })
        );
    }
}
