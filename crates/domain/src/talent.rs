//! The two axes of the nine-box and the talent score (Nilai Talenta).
//!
//! The potensial axis and Nilai Talenta are weighted means of their
//! components (Kepka BKN 411/2025, domain.md §4.6); the weights are
//! configuration ([`crate::RuleSet`]). A component with a non-zero weight
//! and no value makes the axis unknown: Talenta never invents a score.
//!
//! The kinerja axis is not a weighted mean ([`KinerjaAxis`]): each year's SKP
//! predikat decides the range the year falls in, and the kinerja penguat
//! places it within that range. PermenPANRB 6/2022 gives *Baik* to work
//! results as expected and *Sangat Baik* to results above expectations, and
//! PermenPANRB 20/2025 Pasal 17 ayat (1) names the kinerja categories after
//! the same expectations; with Kepka BKN 411/2025's weights inside the axis
//! (utama 60, penguat 40 [S]) a *Baik* without penguat scored 48, "di bawah
//! ekspektasi", and the penguat alone moved a person across two bands. SIASN's
//! SKP records carry no penguat (domain.md §13), so a year without one is
//! placed by its predikat alone instead of leaving the person unmapped.

use serde::{Deserialize, Serialize};

use crate::nine_box::AxisCutoffs;
use crate::score::Score;
use crate::skp::Predikat;

/// A component of an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Komponen {
    /// Predikat kinerja (SKP / e-kinerja).
    KinerjaUtama,
    /// Awards, team assignments, 360° feedback. Never missing since the
    /// kinerja axis places a year without it ([`KinerjaAxis`]); the code
    /// stays for maps stored before.
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

impl Komponen {
    pub const ALL: [Komponen; 6] = [
        Komponen::KinerjaUtama,
        Komponen::KinerjaPenguat,
        Komponen::Kompetensi,
        Komponen::Potensi,
        Komponen::Kualifikasi,
        Komponen::Integritas,
    ];
}

/// A component from its code, as a stored map lists those it lacked.
impl std::str::FromStr for Komponen {
    type Err = String;

    fn from_str(code: &str) -> Result<Komponen, String> {
        Komponen::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .ok_or_else(|| format!("not a component: {code}"))
    }
}

display_as!(Komponen, code);

/// Weights in whole percent; each group sums to 100 (checked when a rule set
/// is loaded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub nilai_talenta: NilaiTalentaWeights,
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
pub struct PotensialWeights {
    pub kompetensi: u8,
    pub potensi: u8,
    pub kualifikasi: u8,
    pub integritas: u8,
}

/// What the kinerja axis is made of, as shown beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KinerjaInput {
    /// The axis from the predikat alone: every year placed as if it had no
    /// penguat ([`KinerjaAxis::missing_penguat`]). `None` without an SKP.
    pub utama: Option<Score>,
    /// The mean kinerja penguat of the years that have one.
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
        let groups: [(&'static str, &[u8]); 2] = [
            (
                "nilai_talenta",
                &[self.nilai_talenta.kinerja, self.nilai_talenta.potensial],
            ),
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

/// The kinerja axis (sumbu Y) from the annual SKP of a period's window.
///
/// Each year's predikat decides the year's range on the axis, from where
/// the predikat starts ([`PredikatFrom`]) to just below where the next one
/// starts (Sangat Baik's to 100); the year's kinerja penguat places it
/// within the range, at its start for 0 and at its top for 100, and a year
/// without a penguat as if it had [`KinerjaAxis::missing_penguat`] (by
/// default 0: the predikat alone, no credit invented). The axis is the mean
/// of the years, so mixed years land between their ranges: a year of
/// Sangat Baik and one of Baik below the cut-off between them unless their
/// penguat average 50 or more. The rule set is refused when a range
/// crosses a kinerja cut-off ([`KinerjaAxis::validate`]): the predikat, not
/// the penguat, decides the band of a year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KinerjaAxis {
    /// The penguat a year without one is placed by.
    pub missing_penguat: Score,
    pub source: String,
    pub predikat: PredikatFrom,
}

/// Where each predikat's range starts on the kinerja axis, rising from
/// Sangat Kurang to Sangat Baik.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredikatFrom {
    pub sangat_baik: Score,
    pub baik: Score,
    pub butuh_perbaikan: Score,
    pub kurang: Score,
    pub sangat_kurang: Score,
}

impl PredikatFrom {
    pub fn of(&self, predikat: Predikat) -> Score {
        match predikat {
            Predikat::SangatBaik => self.sangat_baik,
            Predikat::Baik => self.baik,
            Predikat::ButuhPerbaikan => self.butuh_perbaikan,
            Predikat::Kurang => self.kurang,
            Predikat::SangatKurang => self.sangat_kurang,
        }
    }
}

/// Why a kinerja axis is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KinerjaAxisError {
    #[error(
        "kinerja.predikat: {predikat} starts at {from}, not above {below} at {below_from}: the ranges must rise with the predikat"
    )]
    NotRising {
        predikat: Predikat,
        from: Score,
        below: Predikat,
        below_from: Score,
    },
    #[error(
        "kinerja.predikat: the range of {predikat} ({from} to {top}) crosses the kinerja cut-off {cutoff} of [nine_box.kinerja]: a predikat must decide the band"
    )]
    CrossesCutoff {
        predikat: Predikat,
        from: Score,
        top: Score,
        cutoff: Score,
    },
}

impl KinerjaAxis {
    /// The lowest and highest score a year of `predikat` can get.
    pub fn range(&self, predikat: Predikat) -> (Score, Score) {
        let (from, _, top) = self.bounds(predikat);
        (from, top)
    }

    /// One year on the axis: the start of its predikat's range plus the
    /// penguat's share of the range's width, rounded down and kept below
    /// the next predikat's start.
    pub fn year(&self, predikat: Predikat, penguat: Option<Score>) -> Score {
        let (from, end, top) = self.bounds(predikat);
        let width = u32::from(end.hundredths() - from.hundredths());
        let penguat = u32::from(penguat.unwrap_or(self.missing_penguat).hundredths());
        let within = width * penguat / u32::from(Score::MAX.hundredths());
        u16::try_from(within)
            .ok()
            .and_then(|w| Score::from_hundredths(from.hundredths() + w).ok())
            .map_or(top, |placed| placed.min(top))
    }

    /// Where `predikat`'s range starts, where it ends (the next predikat's
    /// start, or 100) and its top (just below the end, or 100).
    fn bounds(&self, predikat: Predikat) -> (Score, Score, Score) {
        let from = self.predikat.of(predikat);
        match next_above(predikat).map(|next| self.predikat.of(next)) {
            Some(end) if end > from => {
                let top = Score::from_hundredths(end.hundredths() - 1).unwrap_or(from);
                (from, end, top)
            }
            // Not rising: refused by `validate`; the range is the point.
            Some(_) => (from, from, from),
            None => (from, Score::MAX, Score::MAX),
        }
    }

    /// The axis: the mean of the years, each a `(predikat, penguat)`.
    /// Without any year, the kinerja utama is missing.
    pub fn score(
        &self,
        years: impl IntoIterator<Item = (Predikat, Option<Score>)>,
    ) -> Result<Score, Missing> {
        Score::weighted_mean(
            years
                .into_iter()
                .map(|(predikat, penguat)| (1, self.year(predikat, penguat))),
        )
        .ok_or(Missing(vec![Komponen::KinerjaUtama]))
    }

    /// Checks that the ranges rise with the predikat and that none crosses
    /// a cut-off of the kinerja axis.
    pub fn validate(&self, cutoffs: AxisCutoffs) -> Result<(), KinerjaAxisError> {
        for pair in Predikat::ALL.windows(2) {
            let [below, predikat] = pair else { continue };
            let (from, below_from) = (self.predikat.of(*predikat), self.predikat.of(*below));
            if from <= below_from {
                return Err(KinerjaAxisError::NotRising {
                    predikat: *predikat,
                    from,
                    below: *below,
                    below_from,
                });
            }
        }
        for predikat in Predikat::ALL {
            let (from, top) = self.range(predikat);
            if let Some(cutoff) = [cutoffs.mid(), cutoffs.high()]
                .into_iter()
                .find(|c| from < *c && *c <= top)
            {
                return Err(KinerjaAxisError::CrossesCutoff {
                    predikat,
                    from,
                    top,
                    cutoff,
                });
            }
        }
        Ok(())
    }
}

/// The predikat one step better, if any.
fn next_above(predikat: Predikat) -> Option<Predikat> {
    Predikat::ALL
        .into_iter()
        .skip_while(|p| *p != predikat)
        .nth(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat::*;

    fn kepka_411() -> Weights {
        Weights {
            nilai_talenta: NilaiTalentaWeights {
                kinerja: 50,
                potensial: 50,
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

    fn h(hundredths: u16) -> Score {
        Score::from_hundredths(hundredths).unwrap()
    }

    /// The bundled axis: ranges from 80, 60, 40, 20 and 0, a missing
    /// penguat as 0.
    fn axis() -> KinerjaAxis {
        KinerjaAxis {
            missing_penguat: h(0),
            source: String::new(),
            predikat: PredikatFrom {
                sangat_baik: h(8000),
                baik: h(6000),
                butuh_perbaikan: h(4000),
                kurang: h(2000),
                sangat_kurang: h(0),
            },
        }
    }

    fn cutoffs() -> AxisCutoffs {
        AxisCutoffs::new(h(8000), h(6000)).unwrap()
    }

    #[test]
    fn axes_are_weighted_means() {
        let w = kepka_411();
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
        // 0.4 × 33 + 0.25 × 67 + 0.2 × 1 + 0.15 × 99 = 13.2 + 16.75 + 0.2 + 14.85 = 45
        let p = PotensialInput {
            kompetensi: s(33),
            potensi: s(67),
            kualifikasi: s(1),
            integritas: s(99),
        };
        assert_eq!(w.potensial(&p).map(Score::hundredths), Ok(4500));
    }

    /// One year per predikat and penguat, in hundredths: the predikat's
    /// start plus the penguat's share of its 20-point range; none is 0, at
    /// the start; 100 reaches the top, just below the next predikat (Sangat
    /// Baik's top is 100).
    #[test]
    fn a_year_is_placed_in_its_predikat_range_by_the_penguat() {
        let a = axis();
        let penguat = [None, Some(0), Some(25), Some(50), Some(99), Some(100)];
        let table: [(Predikat, [u16; 6]); 5] = [
            (SangatBaik, [8000, 8000, 8500, 9000, 9980, 10000]),
            (Baik, [6000, 6000, 6500, 7000, 7980, 7999]),
            (ButuhPerbaikan, [4000, 4000, 4500, 5000, 5980, 5999]),
            (Kurang, [2000, 2000, 2500, 3000, 3980, 3999]),
            (SangatKurang, [0, 0, 500, 1000, 1980, 1999]),
        ];
        for (predikat, row) in table {
            for (p, expected) in penguat.into_iter().zip(row) {
                let placed = a.year(predikat, p.map(|v| s(v).unwrap()));
                assert_eq!(placed.hundredths(), expected, "{predikat:?} {p:?}");
            }
        }
        // Rounded down: 99.99 of Baik's 20 points is 19.998, not 20.
        assert_eq!(a.year(Baik, Some(h(9999))), h(7999));
        assert_eq!(a.range(Baik), (h(6000), h(7999)));
        assert_eq!(a.range(SangatBaik), (h(8000), Score::MAX));
    }

    /// The years average: two Baik stay in 60-80 ("sesuai ekspektasi" with
    /// the 80/60 cut-offs), two Sangat Baik in 80-100; a Sangat Baik and a
    /// Baik are 70 without penguat, and reach 80 when their penguat average
    /// 50; a Baik and a Butuh Perbaikan are 50 without, 60 likewise.
    #[test]
    fn the_axis_is_the_mean_of_the_years() {
        let a = axis();
        let band = |years: &[(Predikat, Option<u8>)]| {
            let score = a
                .score(years.iter().map(|(p, v)| (*p, v.and_then(s))))
                .unwrap();
            (
                score.hundredths(),
                crate::Cutoffs::both(cutoffs()).kinerja_band(score),
            )
        };
        use crate::KinerjaBand::*;
        assert_eq!(band(&[(Baik, None), (Baik, None)]), (6000, Sesuai));
        assert_eq!(
            band(&[(Baik, Some(100)), (Baik, Some(100))]),
            (7999, Sesuai)
        );
        assert_eq!(band(&[(Baik, Some(50)), (Baik, None)]), (6500, Sesuai));
        assert_eq!(
            band(&[(SangatBaik, None), (SangatBaik, None)]),
            (8000, DiAtas)
        );
        assert_eq!(band(&[(SangatBaik, None), (Baik, None)]), (7000, Sesuai));
        assert_eq!(
            band(&[(SangatBaik, Some(20)), (Baik, Some(20))]),
            (7400, Sesuai)
        );
        assert_eq!(
            band(&[(SangatBaik, Some(40)), (Baik, Some(60))]),
            (8000, DiAtas)
        );
        assert_eq!(
            band(&[(Baik, None), (ButuhPerbaikan, None)]),
            (5000, DiBawah)
        );
        assert_eq!(
            band(&[(Baik, Some(50)), (ButuhPerbaikan, Some(50))]),
            (6000, Sesuai)
        );
        assert_eq!(band(&[(Baik, None), (SangatKurang, None)]), (3000, DiBawah));
        assert_eq!(
            a.score(std::iter::empty()),
            Err(Missing(vec![Komponen::KinerjaUtama]))
        );
    }

    #[test]
    fn ranges_must_rise_and_stay_inside_a_band() {
        let a = axis();
        assert_eq!(a.validate(cutoffs()), Ok(()));
        let flat = KinerjaAxis {
            predikat: PredikatFrom {
                baik: h(4000),
                ..a.predikat
            },
            ..a.clone()
        };
        assert_eq!(
            flat.validate(cutoffs()).unwrap_err().to_string(),
            "kinerja.predikat: Baik starts at 40, not above Butuh Perbaikan at 40: the ranges must rise with the predikat"
        );
        // Kaltim's kinerja cut-offs 85/70 fall inside Sangat Baik's and
        // Baik's ranges.
        let kaltim = AxisCutoffs::new(h(8500), h(7000)).unwrap();
        assert_eq!(
            a.validate(kaltim).unwrap_err().to_string(),
            "kinerja.predikat: the range of Baik (60 to 79.99) crosses the kinerja cut-off 70 of [nine_box.kinerja]: a predikat must decide the band"
        );
        // Ranges may start on a cut-off: the PUPR rubric's predikat scores
        // as starts (each range then lies in one band, though Baik's is
        // di atas ekspektasi).
        let pupr = KinerjaAxis {
            predikat: PredikatFrom {
                sangat_baik: h(10000),
                baik: h(8000),
                butuh_perbaikan: h(6000),
                kurang: h(4000),
                sangat_kurang: h(2000),
            },
            ..a
        };
        assert_eq!(pupr.validate(cutoffs()), Ok(()));
        assert_eq!(pupr.range(SangatBaik), (Score::MAX, Score::MAX));
        assert_eq!(pupr.year(SangatBaik, None), Score::MAX);
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
        // A zero-weight component may be absent.
        let no_potensi = Weights {
            potensial: PotensialWeights {
                kompetensi: 40,
                potensi: 0,
                kualifikasi: 45,
                integritas: 15,
            },
            ..w
        };
        let p = PotensialInput {
            kompetensi: s(80),
            kualifikasi: s(80),
            integritas: s(80),
            potensi: None,
        };
        assert_eq!(no_potensi.potensial(&p), Ok(s(80).unwrap()));
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
