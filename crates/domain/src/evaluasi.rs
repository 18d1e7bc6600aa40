//! The six-monthly evaluation of officeholders (evaluasi pejabat): each
//! semester, the holders of structural positions whose performance calls
//! for an evaluation, each with the rules that put them there.
//!
//! PermenPANRB 3/2020 makes monitoring and evaluation (pemantauan dan
//! evaluasi) a stage of talent management (domain.md §2.2) [V]; Kota Serang
//! evaluates its officeholders every six months and replaces those who
//! perform poorly (seed article, domain.md §13) [S]. Which boxes, which
//! predikat and which JPM band call for it are data, the rule set's
//! `[evaluasi]` section.
//!
//! A holder of a structural position (pengawas, administrator, JPT: the
//! manajerial jenjang of UU 20/2023 Pasal 14) in the map of a period is
//! listed when
//! * **kotak**: their final box (calibrated, else computed) is one of
//!   `boxes`;
//! * **skp**: their last annual SKP, the latest of the years the map reads
//!   ([`crate::talent_map::skp_years`]), is below `skp.minimum`;
//! * **jpm**: their JPM against their own position's standard, on the
//!   assessment the map reads ([`crate::talent_map::assessment`]), is below
//!   the lower bound of the category `jpm.minimum` of the rule set's JPM
//!   scheme. A JPM that cannot be measured (no standard, no current
//!   assessment, a required competency not assessed) is no reason: the map
//!   then lacks the kompetensi component, and the holder is left out of it.
//!
//! Holders left out of the map have no final box to judge: they are listed
//! apart, with the components the map found no data for.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::jabatan::{Jenjang, KelompokJabatan};
use crate::kompetensi::{JpmCategory, Levels, jpm};
use crate::nine_box::Kotak;
use crate::nip::Nip;
use crate::periode::Periode;
use crate::personnel::Asesmen;
use crate::ruleset::RuleSet;
use crate::score::Score;
use crate::skp::{Predikat, SkpTahunan};
use crate::talent_map::{assessment, skp_years};

/// The rule set's `[evaluasi]` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluasiPolicy {
    /// Final boxes that call for an evaluation.
    pub boxes: Vec<Kotak>,
    /// The source of the evaluation and of `boxes`.
    pub source: String,
    pub skp: SkpMinimum,
    pub jpm: JpmMinimum,
}

/// The last annual SKP must reach `minimum`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkpMinimum {
    pub minimum: Predikat,
    pub source: String,
}

/// The JPM against the position held must reach the lower bound of
/// `minimum`, a category of the rule set's `[jpm] scheme`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JpmMinimum {
    pub minimum: JpmCategory,
    pub source: String,
}

/// Whether holders of `jenjang` are evaluated: the structural (manajerial)
/// jenjang, never pelaksana or a jabatan fungsional.
pub const fn is_structural(jenjang: Jenjang) -> bool {
    matches!(jenjang.kelompok(), KelompokJabatan::Manajerial)
}

/// What a missing component is called when the holder has no row in the
/// period's map at all: they were not an employee when it was computed.
pub const NOT_IN_MAP: &str = "peta_talenta";

/// A holder's place in the period's map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InMap<'a> {
    Placed {
        /// The final box: calibrated, else computed.
        kotak: Kotak,
        nilai_talenta: Score,
    },
    /// Left out: the codes of the components the map found no data for
    /// (`kinerja_utama`, `kompetensi`, ...), or [`NOT_IN_MAP`].
    LeftOut { missing: &'a [String] },
}

/// What the evaluation reads about the holder of a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holder<'a> {
    pub nip: Nip,
    /// The jenjang of the position held.
    pub jenjang: Jenjang,
    /// The competency standard of the position held.
    pub standar: &'a Levels,
    pub in_map: InMap<'a>,
    /// Annual SKP results.
    pub skp: &'a [SkpTahunan],
    pub asesmen: &'a [Asesmen],
}

/// Which rule calls for the evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Kotak,
    Skp,
    Jpm,
}

impl Rule {
    pub const fn code(self) -> &'static str {
        match self {
            Rule::Kotak => "kotak",
            Rule::Skp => "skp",
            Rule::Jpm => "jpm",
        }
    }
}

/// One rule that puts a holder on the list: what the records show, what
/// the rule asks (in Bahasa Indonesia), and its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub rule: Rule,
    pub actual: String,
    pub required: String,
    pub source: String,
}

/// Why a holder placed in `kotak` in the map of `periode` is to be
/// evaluated, in the order kotak, SKP, JPM; empty when they are not.
pub fn reasons(
    rules: &RuleSet,
    periode: Periode,
    holder: &Holder<'_>,
    kotak: Kotak,
) -> Vec<Reason> {
    let policy = &rules.evaluasi;
    let mut out = Vec::new();
    if policy.boxes.contains(&kotak) {
        let boxes: Vec<String> = policy.boxes.iter().map(Kotak::to_string).collect();
        out.push(Reason {
            rule: Rule::Kotak,
            actual: format!("kotak {kotak}: {}", kotak.label()),
            required: format!("di luar kotak {}", boxes.join(", ")),
            source: policy.source.clone(),
        });
    }
    let window = skp_years(periode, rules.talent_map.skp_years);
    let last = holder
        .skp
        .iter()
        .filter(|s| window.contains(&s.tahun))
        .max_by_key(|s| s.tahun);
    if let Some(last) = last.filter(|s| s.predikat < policy.skp.minimum) {
        out.push(Reason {
            rule: Rule::Skp,
            actual: format!("{} ({})", last.predikat.label(), last.tahun),
            required: format!("paling rendah {}", policy.skp.minimum.label()),
            source: policy.skp.source.clone(),
        });
    }
    let measured = assessment(rules, periode, holder.asesmen)
        .and_then(|a| jpm(holder.standar, &a.kompetensi, rules.jpm.capping).ok());
    if let Some(measured) = measured.filter(|j| !j.reaches(policy.jpm.minimum)) {
        let hundredths = measured.percent_hundredths();
        out.push(Reason {
            rule: Rule::Jpm,
            actual: format!(
                "{},{:02}%: {}",
                hundredths / 100,
                hundredths % 100,
                measured.category(rules.jpm.scheme).label()
            ),
            required: format!(
                "paling rendah {}%: {}",
                policy.jpm.minimum.min_percent(),
                policy.jpm.minimum.label()
            ),
            source: policy.jpm.source.clone(),
        });
    }
    out
}

/// A holder listed for evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged<'a> {
    pub holder: &'a Holder<'a>,
    pub kotak: Kotak,
    pub nilai_talenta: Score,
    pub reasons: Vec<Reason>,
}

/// The evaluation of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation<'a> {
    /// Holders to evaluate, worst first ([`worst_first`]).
    pub flagged: Vec<Flagged<'a>>,
    /// Holders left out of the map, by NIP.
    pub unmapped: Vec<&'a Holder<'a>>,
}

/// The order of the list: the lower final box first (the PermenPANRB
/// numbering ranks box 1 lowest), then the lower Nilai Talenta, then NIP
/// ascending, which makes the order total and reproducible.
pub fn worst_first(a: &Flagged<'_>, b: &Flagged<'_>) -> Ordering {
    a.kotak
        .cmp(&b.kotak)
        .then(a.nilai_talenta.cmp(&b.nilai_talenta))
        .then_with(|| a.holder.nip.cmp(&b.holder.nip))
}

/// The evaluation of `periode` over `holders`: those of a structural
/// position to evaluate, and those left out of the map; holders of other
/// positions are not evaluated.
pub fn evaluate<'a>(
    rules: &RuleSet,
    periode: Periode,
    holders: &'a [Holder<'a>],
) -> Evaluation<'a> {
    let mut flagged = Vec::new();
    let mut unmapped = Vec::new();
    for holder in holders.iter().filter(|h| is_structural(h.jenjang)) {
        match holder.in_map {
            InMap::Placed {
                kotak,
                nilai_talenta,
            } => {
                let reasons = reasons(rules, periode, holder, kotak);
                if !reasons.is_empty() {
                    flagged.push(Flagged {
                        holder,
                        kotak,
                        nilai_talenta,
                        reasons,
                    });
                }
            }
            InMap::LeftOut { .. } => unmapped.push(holder),
        }
    }
    flagged.sort_by(worst_first);
    unmapped.sort_by_key(|h| h.nip);
    Evaluation { flagged, unmapped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kompetensi::{Kompetensi, Level};
    use crate::nip::Nip;
    use crate::personnel::SumberAsesmen;
    use time::Date;
    use time::macros::date;

    fn k(n: u8) -> Kotak {
        Kotak::new(n).unwrap()
    }

    fn s(n: u8) -> Score {
        Score::whole(n).unwrap()
    }

    fn periode() -> Periode {
        "2026-S1".parse().unwrap()
    }

    fn teknis(i: usize) -> Kompetensi {
        Kompetensi::Teknis(format!("T{i:02}"))
    }

    fn levels(levels: &[u8]) -> Levels {
        levels
            .iter()
            .enumerate()
            .map(|(i, l)| (teknis(i), Level::new(*l).unwrap()))
            .collect()
    }

    fn asesmen(tanggal: Date, attained: &[u8]) -> Asesmen {
        Asesmen {
            nip: Nip::parse("198001012005011001").unwrap(),
            tanggal,
            sumber: SumberAsesmen::AssessmentCenter,
            potensi: None,
            kompetensi: levels(attained),
        }
    }

    fn skp(tahun: i32, predikat: Predikat) -> SkpTahunan {
        SkpTahunan { tahun, predikat }
    }

    /// Owned records of one holder, borrowed as a [`Holder`].
    struct Records {
        nip: Nip,
        jenjang: Jenjang,
        standar: Levels,
        placed: Option<(Kotak, Score)>,
        missing: Vec<String>,
        skp: Vec<SkpTahunan>,
        asesmen: Vec<Asesmen>,
    }

    impl Records {
        /// A Kepala Seksi in box 5: SKP Baik in 2024 and 2025, JPM 100%
        /// against a standard of five competencies at level 3.
        fn good(nip: &str) -> Records {
            Records {
                nip: Nip::parse(nip).unwrap(),
                jenjang: Jenjang::Pengawas,
                standar: levels(&[3; 5]),
                placed: Some((k(5), s(70))),
                missing: Vec::new(),
                skp: vec![skp(2024, Predikat::Baik), skp(2025, Predikat::Baik)],
                asesmen: vec![asesmen(date!(2025 - 10 - 01), &[3; 5])],
            }
        }

        fn holder(&self) -> Holder<'_> {
            Holder {
                nip: self.nip,
                jenjang: self.jenjang,
                standar: &self.standar,
                in_map: match self.placed {
                    Some((kotak, nilai_talenta)) => InMap::Placed {
                        kotak,
                        nilai_talenta,
                    },
                    None => InMap::LeftOut {
                        missing: &self.missing,
                    },
                },
                skp: &self.skp,
                asesmen: &self.asesmen,
            }
        }

        fn reasons(&self) -> Vec<Reason> {
            let rules = RuleSet::bundled().unwrap();
            let holder = self.holder();
            match holder.in_map {
                InMap::Placed { kotak, .. } => super::reasons(&rules, periode(), &holder, kotak),
                InMap::LeftOut { .. } => panic!("not placed"),
            }
        }

        fn rules(&self) -> Vec<Rule> {
            self.reasons().iter().map(|r| r.rule).collect()
        }
    }

    const NIP: &str = "198001012005011001";

    /// Boxes 1, 2 and 3 call for an evaluation (the default [R]); 4 to 9
    /// do not.
    #[test]
    fn the_default_boxes_one_to_three_are_flagged_four_and_up_are_not() {
        for n in 1..=9 {
            let records = Records {
                placed: Some((k(n), s(50))),
                ..Records::good(NIP)
            };
            let expected: &[Rule] = if n <= 3 { &[Rule::Kotak] } else { &[] };
            assert_eq!(records.rules(), expected, "box {n}");
        }
        let two = Records {
            placed: Some((k(2), s(50))),
            ..Records::good(NIP)
        };
        let reason = &two.reasons()[0];
        assert_eq!(
            reason.actual,
            "kotak 2: Kinerja sesuai ekspektasi dan potensial rendah"
        );
        assert_eq!(reason.required, "di luar kotak 1, 2, 3");
        assert!(reason.source.contains("PermenPANRB 3/2020"), "{reason:?}");
    }

    /// A committee's calibration from box 2 to box 5 takes the holder off:
    /// the final box is the one judged.
    #[test]
    fn a_calibration_out_of_box_two_to_box_five_unflags() {
        let computed = Records {
            placed: Some((k(2), s(58))),
            ..Records::good(NIP)
        };
        assert_eq!(computed.rules(), [Rule::Kotak]);
        let calibrated = Records {
            placed: Some((k(5), s(58))),
            ..computed
        };
        assert_eq!(calibrated.rules(), []);
    }

    /// The last SKP is that of the latest year the map reads (2024 and
    /// 2025 for 2026-S1); Butuh Perbaikan and below call for an
    /// evaluation, Baik and Sangat Baik do not. The SKP of the period's own
    /// year is not final and is not read.
    #[test]
    fn a_last_skp_below_baik_is_flagged() {
        let with = |skp: Vec<SkpTahunan>| Records {
            skp,
            ..Records::good(NIP)
        };
        for predikat in Predikat::ALL {
            let records = with(vec![skp(2024, Predikat::Baik), skp(2025, predikat)]);
            let expected: &[Rule] = if predikat < Predikat::Baik {
                &[Rule::Skp]
            } else {
                &[]
            };
            assert_eq!(records.rules(), expected, "{predikat}");
        }
        let reason = &with(vec![skp(2025, Predikat::ButuhPerbaikan)]).reasons()[0];
        assert_eq!(
            (reason.actual.as_str(), reason.required.as_str()),
            ("Butuh Perbaikan (2025)", "paling rendah Baik")
        );
        // An earlier year below Baik, a later one Baik: the last counts.
        let recovered = with(vec![
            skp(2024, Predikat::ButuhPerbaikan),
            skp(2025, Predikat::Baik),
        ]);
        assert_eq!(recovered.rules(), []);
        // Without 2025 the last SKP is 2024's.
        assert_eq!(with(vec![skp(2024, Predikat::Kurang)]).rules(), [Rule::Skp]);
        // 2026's SKP is not final in 2026-S1; 2023's is outside the years.
        let outside = with(vec![
            skp(2023, Predikat::SangatKurang),
            skp(2025, Predikat::Baik),
            skp(2026, Predikat::SangatKurang),
        ]);
        assert_eq!(outside.rules(), []);
    }

    /// The KMS band of the memenuhi_syarat scheme: JPM < 68% calls for an
    /// evaluation, exactly 68% does not. 189 of 278 is 67.99%
    /// (55 competencies required at level 5 and one at 3; attained 4 in
    /// 21 of them and 3 in the rest); 17 of 25 is 68%.
    #[test]
    fn a_jpm_in_the_kms_band_is_flagged_at_the_exact_boundary() {
        let mut required = vec![5; 55];
        required.push(3);
        let mut attained = vec![4; 21];
        attained.extend([3; 35]);
        let below = Records {
            standar: levels(&required),
            asesmen: vec![asesmen(date!(2025 - 10 - 01), &attained)],
            ..Records::good(NIP)
        };
        let reasons = below.reasons();
        assert_eq!(reasons.len(), 1);
        assert_eq!(reasons[0].rule, Rule::Jpm);
        assert_eq!(reasons[0].actual, "67,99%: Kurang Memenuhi Syarat (KMS)");
        assert_eq!(
            reasons[0].required,
            "paling rendah 68%: Masih Memenuhi Syarat (MMS)"
        );
        let at = Records {
            standar: levels(&[5; 5]),
            asesmen: vec![asesmen(date!(2025 - 10 - 01), &[3, 3, 3, 4, 4])],
            ..Records::good(NIP)
        };
        assert_eq!(at.rules(), []);
        // One level less: 16 of 25 = 64%.
        let under = Records {
            asesmen: vec![asesmen(date!(2025 - 10 - 01), &[3, 3, 3, 3, 4])],
            ..at
        };
        assert_eq!(under.rules(), [Rule::Jpm]);
    }

    /// The JPM is measured on the assessment the map reads: the latest
    /// current one (at most 3 years old on the period's last day) with
    /// levels. An older, worse one is not read; with none current, or a
    /// required competency not assessed, there is no JPM and no reason.
    #[test]
    fn the_jpm_is_measured_on_the_assessment_the_map_reads() {
        let older_worse = Records {
            asesmen: vec![
                asesmen(date!(2024 - 03 - 01), &[1; 5]),
                asesmen(date!(2025 - 10 - 01), &[3; 5]),
            ],
            ..Records::good(NIP)
        };
        assert_eq!(older_worse.rules(), []);
        let stale = Records {
            asesmen: vec![asesmen(date!(2023 - 06 - 29), &[1; 5])],
            ..Records::good(NIP)
        };
        assert_eq!(stale.rules(), []);
        let current = Records {
            asesmen: vec![asesmen(date!(2023 - 06 - 30), &[1; 5])],
            ..Records::good(NIP)
        };
        assert_eq!(current.rules(), [Rule::Jpm]);
        let partial = Records {
            asesmen: vec![asesmen(date!(2025 - 10 - 01), &[1; 4])],
            ..Records::good(NIP)
        };
        assert_eq!(partial.rules(), []);
    }

    /// Every rule together, in the order kotak, SKP, JPM, each with its
    /// own source from the rule set.
    #[test]
    fn every_rule_is_given_with_its_source() {
        let rules = RuleSet::bundled().unwrap();
        let all = Records {
            placed: Some((k(1), s(20))),
            skp: vec![skp(2025, Predikat::SangatKurang)],
            asesmen: vec![asesmen(date!(2025 - 10 - 01), &[1; 5])],
            ..Records::good(NIP)
        };
        let reasons = all.reasons();
        let sources: Vec<(Rule, &str)> = reasons
            .iter()
            .map(|r| (r.rule, r.source.as_str()))
            .collect();
        assert_eq!(
            sources,
            [
                (Rule::Kotak, rules.evaluasi.source.as_str()),
                (Rule::Skp, rules.evaluasi.skp.source.as_str()),
                (Rule::Jpm, rules.evaluasi.jpm.source.as_str()),
            ]
        );
    }

    /// The list: structural holders only (a pelaksana or a JF holder in box
    /// 1 with the worst SKP is never listed, nor when left out of the map),
    /// worst first, and the unmapped apart with what they lack.
    #[test]
    fn the_list_holds_structural_holders_worst_first_and_the_unmapped_apart() {
        let rules = RuleSet::bundled().unwrap();
        let placed = |nip: &str, kotak: u8, nilai: u8| Records {
            placed: Some((k(kotak), s(nilai))),
            ..Records::good(nip)
        };
        let bad = |nip: &str, jenjang: Jenjang| Records {
            jenjang,
            placed: Some((k(1), s(10))),
            skp: vec![skp(2025, Predikat::SangatKurang)],
            ..Records::good(nip)
        };
        let left_out = |nip: &str, jenjang: Jenjang, missing: &[&str]| Records {
            jenjang,
            placed: None,
            missing: missing.iter().map(|m| (*m).to_owned()).collect(),
            ..Records::good(nip)
        };
        let records = [
            placed("198001012005011009", 3, 55),
            Records {
                jenjang: Jenjang::JptPratama,
                skp: vec![skp(2025, Predikat::ButuhPerbaikan)],
                ..placed("198001012005011008", 9, 90)
            },
            placed("198001012005011007", 2, 60),
            placed("198001012005011006", 3, 40),
            Records {
                jenjang: Jenjang::Administrator,
                ..placed("198001012005011005", 2, 60)
            },
            placed("198001012005011004", 6, 65),
            bad("198001012005011003", Jenjang::Pelaksana),
            bad("198001012005011002", Jenjang::AhliMadya),
            left_out("198001012005011011", Jenjang::Penyelia, &["kompetensi"]),
            left_out(
                "198001012005011010",
                Jenjang::Administrator,
                &["kompetensi", "potensi"],
            ),
            left_out("198001012005011001", Jenjang::JptMadya, &[NOT_IN_MAP]),
        ];
        let holders: Vec<Holder<'_>> = records.iter().map(Records::holder).collect();
        let evaluation = evaluate(&rules, periode(), &holders);
        let flagged: Vec<(&str, u8, Vec<Rule>)> = evaluation
            .flagged
            .iter()
            .map(|f| {
                (
                    f.holder.nip.as_str(),
                    f.kotak.number(),
                    f.reasons.iter().map(|r| r.rule).collect(),
                )
            })
            .collect();
        assert_eq!(
            flagged,
            [
                ("198001012005011005", 2, vec![Rule::Kotak]),
                ("198001012005011007", 2, vec![Rule::Kotak]),
                ("198001012005011006", 3, vec![Rule::Kotak]),
                ("198001012005011009", 3, vec![Rule::Kotak]),
                ("198001012005011008", 9, vec![Rule::Skp]),
            ]
        );
        let unmapped: Vec<(&str, Vec<String>)> = evaluation
            .unmapped
            .iter()
            .map(|h| {
                let missing = match h.in_map {
                    InMap::LeftOut { missing } => missing.to_vec(),
                    InMap::Placed { .. } => Vec::new(),
                };
                (h.nip.as_str(), missing)
            })
            .collect();
        assert_eq!(
            unmapped,
            [
                ("198001012005011001", vec![NOT_IN_MAP.to_owned()]),
                (
                    "198001012005011010",
                    vec!["kompetensi".to_owned(), "potensi".to_owned()]
                ),
            ]
        );
    }

    #[test]
    fn structural_jenjang_are_the_manajerial_ones() {
        let structural: Vec<Jenjang> = Jenjang::ALL
            .into_iter()
            .filter(|j| is_structural(*j))
            .collect();
        assert_eq!(
            structural,
            [
                Jenjang::JptUtama,
                Jenjang::JptMadya,
                Jenjang::JptPratama,
                Jenjang::Administrator,
                Jenjang::Pengawas
            ]
        );
    }
}
