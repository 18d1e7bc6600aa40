//! The merit audit's statistics (issue 26). UU 20/2023 forbids any weight
//! on politics, race, religion, origin, sex or disability; scores are
//! blind to those attributes, and this module checks the *outcomes*: for
//! each outcome (final box 7-9, the talent pool, a calibration up or down)
//! and each group of an attribute, the selection rate, the impact ratio
//! against the most-selected group (the four-fifths rule) and a two-sided
//! Fisher exact test, with Holm's correction over all the tests of one
//! instansi and period. A finding is flagged when both the ratio and the
//! adjusted p-value fall below the rule set's thresholds (`[merit]`).
//!
//! Each outcome is compared only among those the law lets reach it (the
//! caller builds the tallies that way: KRS among PNS, say), so a lawful
//! rule is not reported as bias. Counts pass the `[privasi]` suppression:
//! a finding whose counts would be hidden keeps only its flag.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::age_on;
use crate::eligibility::StatusKepegawaian;
use crate::jabatan::Jenjang;
use crate::nine_box::Kotak;
use crate::nip::Gender;
use crate::privasi::{Cell, Privasi, Table};

/// When a finding is flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeritPolicy {
    /// A group's selection rate below this percentage of the most-selected
    /// group's is an adverse impact (80: the four-fifths rule).
    pub impact_ratio_percent: u32,
    /// The significance level of the adjusted p-value, in percent.
    pub significance_percent: u32,
    pub source: String,
}

/// An outcome the audit compares between groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Final box 7, 8 or 9 of the period's map.
    TopBoxes,
    /// Kinerja di atas ekspektasi (the final box's kinerja band): the two
    /// axes are compared on their own, since ratings of potential are
    /// found to carry more bias than ratings of performance.
    KinerjaTinggi,
    /// Potensial tinggi (the final box's potensial band).
    PotensialTinggi,
    /// A member of the talent pool (kelompok rencana suksesi) of a target
    /// jenjang, among those in line for it: each target's pool has its own
    /// feeders and gates, so the pools are compared one by one.
    Krs(Jenjang),
    /// Moved to a higher box by calibration.
    CalibratedUp,
    /// Moved to a lower box by calibration.
    CalibratedDown,
}

impl Outcome {
    /// The outcomes besides the pools, which depend on the rule set's
    /// targets.
    pub const OF_THE_MAP: [Outcome; 5] = [
        Outcome::TopBoxes,
        Outcome::KinerjaTinggi,
        Outcome::PotensialTinggi,
        Outcome::CalibratedUp,
        Outcome::CalibratedDown,
    ];

    /// The name in the audit's JSON (`krs_pengawas` for a pool).
    pub fn code(self) -> String {
        match self {
            Outcome::TopBoxes => "kotak_7_9".into(),
            Outcome::KinerjaTinggi => "kinerja_di_atas_ekspektasi".into(),
            Outcome::PotensialTinggi => "potensial_tinggi".into(),
            Outcome::Krs(target) => format!("krs_{}", target.code()),
            Outcome::CalibratedUp => "kalibrasi_naik".into(),
            Outcome::CalibratedDown => "kalibrasi_turun".into(),
        }
    }

    pub fn label(self) -> String {
        match self {
            Outcome::TopBoxes => "Kotak akhir 7-9".into(),
            Outcome::KinerjaTinggi => "Kinerja di atas ekspektasi".into(),
            Outcome::PotensialTinggi => "Potensial tinggi".into(),
            Outcome::Krs(target) => format!("Anggota KRS {}", target.label()),
            Outcome::CalibratedUp => "Dinaikkan saat kalibrasi".into(),
            Outcome::CalibratedDown => "Diturunkan saat kalibrasi".into(),
        }
    }
}

/// A protected attribute, named as the import's column names it (`usia`:
/// the age band, from the birth date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attribute {
    JenisKelamin,
    Usia,
    Agama,
    DaerahAsal,
    StatusPegawai,
}

impl Attribute {
    pub const ALL: [Attribute; 5] = [
        Attribute::JenisKelamin,
        Attribute::Usia,
        Attribute::Agama,
        Attribute::DaerahAsal,
        Attribute::StatusPegawai,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Attribute::JenisKelamin => "jenisKelamin",
            Attribute::Usia => "usia",
            Attribute::Agama => "agama",
            Attribute::DaerahAsal => "daerahAsal",
            Attribute::StatusPegawai => "statusPegawai",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Attribute::JenisKelamin => "Jenis kelamin",
            Attribute::Usia => "Kelompok usia",
            Attribute::Agama => "Agama",
            Attribute::DaerahAsal => "Daerah asal",
            Attribute::StatusPegawai => "Status pegawai",
        }
    }
}

/// The age band of the audit (`usia`) for an age in whole years.
pub fn age_band(years: u32) -> &'static str {
    match years {
        0..30 => "<30",
        30..40 => "30-39",
        40..50 => "40-49",
        _ => "50+",
    }
}

/// One person of a period's map as the audit sees them: the protected
/// attributes (which no rule reads) and the outcomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject<'a> {
    pub gender: Gender,
    pub birth: Date,
    pub status: StatusKepegawaian,
    /// The jenjang of the position held, if any.
    pub jenjang: Option<Jenjang>,
    pub agama: Option<&'a str>,
    pub daerah_asal: Option<&'a str>,
    /// The computed box and the final box (after calibration).
    pub computed: Kotak,
    pub final_box: Kotak,
    /// The target jenjang of the period's pools the person is in.
    pub pools: Vec<Jenjang>,
}

/// A talent pool's target jenjang and the jenjang in line for it.
#[derive(Debug, Clone, Copy)]
pub struct PoolLine<'a> {
    pub target: Jenjang,
    pub feeders: &'a [Jenjang],
}

impl Subject<'_> {
    /// The person's group under `attribute` (age on `on`); `None` when
    /// the record does not say (such a person is left out of that
    /// attribute's comparisons, not put in a group of their own).
    fn group(&self, attribute: Attribute, on: Date) -> Option<&str> {
        match attribute {
            Attribute::JenisKelamin => Some(self.gender.code()),
            Attribute::Usia => Some(age_band(age_on(self.birth, on))),
            Attribute::Agama => self.agama,
            Attribute::DaerahAsal => self.daerah_asal,
            Attribute::StatusPegawai => Some(self.status.label()),
        }
    }

    /// Whether the person could reach `outcome`, as the law lets them: a
    /// talent pool (KRS) takes PNS (PP 11/2017 Pasal 199) who hold a
    /// jenjang that feeds it (`feeders`); a JPT or a holder of no
    /// position could not be in one, whatever their box.
    fn eligible(&self, outcome: Outcome, feeders: &[Jenjang]) -> bool {
        !matches!(outcome, Outcome::Krs(_))
            || (self.status == StatusKepegawaian::Pns
                && self.jenjang.is_some_and(|j| feeders.contains(&j)))
    }

    fn reached(&self, outcome: Outcome) -> bool {
        use crate::nine_box::{KinerjaBand, PotensialBand};
        match outcome {
            Outcome::TopBoxes => self.final_box.number() >= 7,
            Outcome::KinerjaTinggi => self.final_box.kinerja_band() == KinerjaBand::DiAtas,
            Outcome::PotensialTinggi => self.final_box.potensial_band() == PotensialBand::Tinggi,
            Outcome::Krs(target) => self.pools.contains(&target),
            Outcome::CalibratedUp => standing(self.final_box) > standing(self.computed),
            Outcome::CalibratedDown => standing(self.final_box) < standing(self.computed),
        }
    }
}

/// How high a box stands: its kinerja band and potensial band added, so
/// that a calibration from box 5 to 4 or 6 is a move sideways, neither up
/// nor down.
fn standing(kotak: Kotak) -> usize {
    kotak.kinerja_band() as usize + kotak.potensial_band() as usize
}

/// Every outcome (those of the map, then each pool of `pools`) split by
/// every attribute, over the people of a map (ages on `on`, the period's
/// last day).
pub fn questions(subjects: &[Subject<'_>], on: Date, pools: &[PoolLine<'_>]) -> Vec<Question> {
    let mut questions = Vec::new();
    let outcomes = (Outcome::OF_THE_MAP.into_iter().map(|o| (o, &[][..])))
        .chain(pools.iter().map(|p| (Outcome::Krs(p.target), p.feeders)));
    for (outcome, feeders) in outcomes {
        for attribute in Attribute::ALL {
            let mut tallies: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
            for subject in subjects.iter().filter(|s| s.eligible(outcome, feeders)) {
                if let Some(group) = subject.group(attribute, on) {
                    let (selected, total) = tallies.entry(group).or_default();
                    *selected += u64::from(subject.reached(outcome));
                    *total += 1;
                }
            }
            questions.push(Question {
                outcome,
                attribute,
                tallies: tallies
                    .into_iter()
                    .map(|(group, (selected, total))| Tally {
                        group: group.to_owned(),
                        selected,
                        total,
                    })
                    .collect(),
            });
        }
    }
    questions
}

/// How many of a group reached an outcome, of how many who could.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub group: String,
    pub selected: u64,
    pub total: u64,
}

impl Tally {
    fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.selected as f64 / self.total as f64
        }
    }
}

/// One outcome split by one attribute: every group's tally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub outcome: Outcome,
    pub attribute: Attribute,
    pub tallies: Vec<Tally>,
}

/// A group's result for one outcome. The numbers are `None` when the
/// `[privasi]` rule hides them (or, for the ratio and the p-values, a
/// count they would give back).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub outcome: Outcome,
    pub attribute: Attribute,
    pub group: String,
    pub selected: Option<u64>,
    pub total: Option<u64>,
    pub rate: Option<f64>,
    pub reference_group: String,
    pub impact_ratio: Option<f64>,
    /// Fisher's exact test of this group against the reference group;
    /// `None` for the reference group itself.
    pub p_value: Option<f64>,
    /// `p_value` after Holm's correction over every test of the audit.
    pub p_adjusted: Option<f64>,
    pub flagged: bool,
}

/// The audit of one instansi and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Audit {
    pub findings: Vec<Finding>,
    /// How many counts (a group's selected or total) are withheld.
    pub suppressed_cells: usize,
}

/// Audits every question: the reference group of each is the one with the
/// highest selection rate among the groups large enough to show (a group
/// of two, both selected, is no yardstick), ties to the larger group.
/// Groups with nobody in them are left out, and so is a question nobody
/// reached.
pub fn audit(questions: &[Question], policy: &MeritPolicy, privasi: &Privasi) -> Audit {
    struct Compared {
        finding: Finding,
        ratio: f64,
        /// Fisher's p-value against the reference group, unless this is it.
        p_value: Option<f64>,
    }
    let mut compared = Vec::new();
    let mut suppressed_cells = 0;
    for question in questions {
        let tallies: Vec<&Tally> = question.tallies.iter().filter(|t| t.total > 0).collect();
        // Nobody reached it (no calibration yet): nothing to compare.
        if tallies.iter().all(|t| t.selected == 0) {
            continue;
        }
        let Some(reference) = tallies
            .iter()
            .copied()
            .filter(|t| !privasi.hides(t.total))
            .max_by(|a, b| {
                a.rate()
                    .total_cmp(&b.rate())
                    .then(a.total.cmp(&b.total))
                    .then(b.group.cmp(&a.group))
            })
        else {
            continue;
        };
        let shown = Shown::of(&tallies, privasi);
        let reference_shown = shown.group(tallies.iter().position(|t| std::ptr::eq(*t, reference)));
        for (index, tally) in tallies.iter().enumerate() {
            let counts_shown = shown.group(Some(index));
            suppressed_cells += shown.hidden_of(index);
            let comparable = counts_shown && reference_shown;
            let ratio = if reference.rate() > 0.0 {
                tally.rate() / reference.rate()
            } else {
                1.0
            };
            let is_reference = std::ptr::eq(*tally, reference);
            let p_value = (!is_reference).then(|| {
                fisher_exact([
                    [tally.selected, tally.total - tally.selected],
                    [reference.selected, reference.total - reference.selected],
                ])
            });
            compared.push(Compared {
                finding: Finding {
                    outcome: question.outcome,
                    attribute: question.attribute,
                    group: tally.group.clone(),
                    selected: counts_shown.then_some(tally.selected),
                    total: counts_shown.then_some(tally.total),
                    rate: counts_shown.then_some(tally.rate()),
                    reference_group: reference.group.clone(),
                    impact_ratio: comparable.then_some(ratio),
                    p_value: None,
                    p_adjusted: None,
                    flagged: false,
                },
                ratio,
                p_value,
            });
        }
    }
    let p_values: Vec<f64> = compared.iter().filter_map(|c| c.p_value).collect();
    // In the order of `compared`, one for each p-value.
    let mut adjusted = holm(&p_values).into_iter();
    let below = f64::from(policy.impact_ratio_percent) / 100.0;
    let alpha = f64::from(policy.significance_percent) / 100.0;
    let findings = compared
        .into_iter()
        .map(|mut c| {
            if let Some((p, Some(p_adjusted))) = c.p_value.map(|p| (p, adjusted.next())) {
                c.finding.flagged = c.ratio < below && p_adjusted < alpha;
                if c.finding.impact_ratio.is_some() {
                    c.finding.p_value = Some(p);
                    c.finding.p_adjusted = Some(p_adjusted);
                }
            }
            c.finding
        })
        .collect();
    Audit {
        findings,
        suppressed_cells,
    }
}

/// Which groups' counts a question may show: each group's selected, not
/// selected and total, in the sums a reader can check (a group's two
/// parts and its total; across groups, the selected, the not selected and
/// everyone, which dashboards show).
struct Shown {
    /// Per group: its selected and total cells.
    cells: Vec<(Cell, Cell)>,
    hidden: crate::privasi::Hidden,
}

impl Shown {
    fn of(tallies: &[&Tally], privasi: &Privasi) -> Shown {
        let mut table = Table::default();
        let mut cells = Vec::new();
        let mut not_selected_cells = Vec::new();
        for tally in tallies {
            let selected = table.cell(tally.selected);
            let not_selected = table.cell(tally.total - tally.selected);
            let total = table.cell(tally.total);
            table.sum([selected, not_selected], total);
            cells.push((selected, total));
            not_selected_cells.push(not_selected);
        }
        let sum_of = |table: &mut Table, parts: Vec<Cell>, value: u64| {
            let total = table.cell(value);
            table.sum(parts, total);
        };
        let all_selected = tallies.iter().map(|t| t.selected).sum();
        let all = tallies.iter().map(|t| t.total).sum();
        sum_of(
            &mut table,
            cells.iter().map(|c| c.0).collect(),
            all_selected,
        );
        sum_of(&mut table, not_selected_cells, all - all_selected);
        sum_of(&mut table, cells.iter().map(|c| c.1).collect(), all);
        let hidden = table.suppress(privasi);
        Shown { cells, hidden }
    }

    /// Whether the group's counts are all shown.
    fn group(&self, index: Option<usize>) -> bool {
        index.is_some_and(|i| self.hidden_of(i) == 0)
    }

    /// How many of the group's two printed counts are hidden.
    fn hidden_of(&self, index: usize) -> usize {
        self.cells.get(index).map_or(0, |(selected, total)| {
            usize::from(self.hidden.contains(*selected)) + usize::from(self.hidden.contains(*total))
        })
    }
}

/// The two-sided p-value of Fisher's exact test of a 2x2 table (rows:
/// two groups; columns: selected, not selected): the probability, under
/// the hypergeometric law with the table's margins, of every table no
/// more likely than the one observed (with R's and SciPy's relative
/// tolerance of 1e-7 for ties). Computed in log space from the ratio of
/// successive probabilities, so it needs no factorials and stays exact
/// enough for tables of millions.
pub fn fisher_exact(table: [[u64; 2]; 2]) -> f64 {
    let [[a, b], [c, d]] = table;
    let (row, col, n) = (a + b, a + c, a + b + c + d);
    if n == 0 {
        return 1.0;
    }
    let low = (row + col).saturating_sub(n);
    let high = row.min(col);
    // ln P(x) - ln P(low), by P(x+1)/P(x) = (row-x)(col-x) / ((x+1)(n+x+1-row-col)),
    // the last factor written so that it never goes below zero (x >= low).
    let mut log_p = Vec::with_capacity((high - low + 1) as usize);
    let mut current = 0.0f64;
    log_p.push(current);
    for x in low..high {
        let ratio = ((row - x) as f64 * (col - x) as f64)
            / ((x + 1) as f64 * (n + x + 1 - row - col) as f64);
        current += ratio.ln();
        log_p.push(current);
    }
    let observed = log_p.get((a - low) as usize).copied().unwrap_or(0.0);
    let tolerance = (1.0 + 1e-7f64).ln();
    let all = log_sum_exp(log_p.iter().copied());
    let extreme = log_sum_exp(log_p.iter().copied().filter(|l| *l <= observed + tolerance));
    (extreme - all).exp().min(1.0)
}

fn log_sum_exp(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let max = values.clone().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + values.map(|v| (v - max).exp()).sum::<f64>().ln()
}

/// Holm's step-down correction (Holm 1979, Scandinavian Journal of
/// Statistics 6:65-70): the i-th smallest of m p-values is multiplied by
/// m - i + 1, made non-decreasing in that order and capped at 1. Returned
/// in the order given.
pub fn holm(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len();
    let mut order: Vec<(usize, f64)> = p_values.iter().copied().enumerate().collect();
    order.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut running = 0.0f64;
    let mut adjusted: Vec<(usize, f64)> = order
        .into_iter()
        .enumerate()
        .map(|(rank, (index, p))| {
            running = running.max(((m - rank) as f64 * p).min(1.0));
            (index, running)
        })
        .collect();
    adjusted.sort_by_key(|(index, _)| *index);
    adjusted.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two-sided p-values computed with SciPy 1.17.1
    /// (`scipy.stats.fisher_exact([[a, b], [c, d]]).pvalue`), kept here so
    /// the test does not need SciPy.
    const SCIPY: [([[u64; 2]; 2], f64); 15] = [
        // Most selected: the margins add up to more than the table.
        ([[90, 10], [80, 20]], 0.07342758972137636),
        ([[1990, 10], [1900, 100]], 2.853995975636971e-20),
        ([[3, 1], [1, 3]], 0.48571428571428565),
        ([[0, 5], [5, 0]], 0.007936507936507938),
        ([[10, 90], [30, 70]], 0.0006504107076034208),
        ([[120, 880], [200, 800]], 1.3064748787090613e-06),
        ([[1, 0], [0, 1]], 1.0),
        ([[0, 0], [3, 4]], 1.0),
        ([[2, 7], [8, 2]], 0.02301413756522116),
        ([[450, 4550], [600, 4400]], 1.1299340019797225e-06),
        ([[5, 0], [0, 5]], 0.007936507936507938),
        ([[7, 13], [7, 13]], 1.0),
        ([[1200, 8800], [1350, 8650]], 0.001579907237998593),
        ([[30, 470], [90, 410]], 4.905441623007092e-09),
        ([[3000, 47000], [2500, 47500]], 4.330408030731172e-12),
    ];

    #[test]
    fn fisher_matches_scipy_to_nine_digits() {
        for (table, expected) in SCIPY {
            let p = fisher_exact(table);
            let error = ((p - expected) / expected).abs();
            assert!(error < 1e-9, "{table:?}: {p} against SciPy's {expected}");
        }
    }

    #[test]
    fn fisher_is_a_probability_on_a_million_people() {
        let p = fisher_exact([[30_000, 470_000], [40_000, 460_000]]);
        assert!((0.0..=1.0).contains(&p) && p < 1e-30, "{p}");
        let same = fisher_exact([[50_000, 450_000], [50_000, 450_000]]);
        assert!((same - 1.0).abs() < 1e-9, "{same}");
    }

    /// statsmodels 0.14 `multipletests(p, method="holm")`.
    #[test]
    fn holm_matches_statsmodels() {
        let p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04];
        let expected = [0.05, 0.12, 0.12, 0.03, 0.2, 0.12];
        for (got, want) in holm(&p).into_iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{got} against {want}");
        }
        assert!(holm(&[]).is_empty());
    }

    fn policy() -> MeritPolicy {
        MeritPolicy {
            impact_ratio_percent: 80,
            significance_percent: 5,
            source: "test".into(),
        }
    }

    fn privasi() -> Privasi {
        Privasi {
            min_cell: 5,
            source: "test".into(),
        }
    }

    fn question(tallies: &[(&str, u64, u64)]) -> Question {
        Question {
            outcome: Outcome::TopBoxes,
            attribute: Attribute::JenisKelamin,
            tallies: tallies
                .iter()
                .map(|(group, selected, total)| Tally {
                    group: (*group).into(),
                    selected: *selected,
                    total: *total,
                })
                .collect(),
        }
    }

    fn finding<'a>(audit: &'a Audit, group: &str) -> &'a Finding {
        audit.findings.iter().find(|f| f.group == group).unwrap()
    }

    #[test]
    fn a_large_gap_is_flagged_against_the_most_selected_group() {
        // Women 300 of 2,000 in boxes 7-9, men 500 of 2,000: ratio 0.6.
        let audit = audit(
            &[question(&[("P", 300, 2000), ("L", 500, 2000)])],
            &policy(),
            &privasi(),
        );
        let women = finding(&audit, "P");
        assert_eq!(women.reference_group, "L");
        assert!((women.impact_ratio.unwrap() - 0.6).abs() < 1e-12);
        assert!(women.p_adjusted.unwrap() < 1e-10);
        assert!(women.flagged);
        let men = finding(&audit, "L");
        assert_eq!(
            (men.impact_ratio, men.p_value, men.flagged),
            (Some(1.0), None, false)
        );
        assert_eq!(audit.suppressed_cells, 0);
    }

    /// The four-fifths rule alone is not a finding: a ratio of 0.75 between
    /// groups of 40 is within chance.
    #[test]
    fn a_gap_within_chance_is_not_flagged() {
        let audit = audit(
            &[question(&[("P", 6, 40), ("L", 8, 40)])],
            &policy(),
            &privasi(),
        );
        let women = finding(&audit, "P");
        assert!(women.impact_ratio.unwrap() < 0.8);
        assert!(women.p_adjusted.unwrap() > 0.05);
        assert!(!women.flagged);
    }

    /// Neither is a significant gap that passes the four-fifths rule.
    #[test]
    fn a_significant_but_small_gap_is_not_flagged() {
        let audit = audit(
            &[question(&[("P", 8_500, 50_000), ("L", 10_000, 50_000)])],
            &policy(),
            &privasi(),
        );
        let women = finding(&audit, "P");
        assert!((women.impact_ratio.unwrap() - 0.85).abs() < 1e-12);
        assert!(women.p_value.unwrap() < 1e-20);
        assert!(!women.flagged);
    }

    /// Holm counts every test of the audit: a p-value that passes alone
    /// fails among twenty.
    #[test]
    fn the_correction_spans_every_question() {
        let borderline = [("A", 20, 100), ("B", 35, 100)];
        let alone = audit(&[question(&borderline)], &policy(), &privasi());
        let raw = finding(&alone, "A").p_value.unwrap();
        assert!(raw < 0.05 && finding(&alone, "A").flagged, "{raw}");
        let many: Vec<Question> = (0..20).map(|_| question(&borderline)).collect();
        let crowded = audit(&many, &policy(), &privasi());
        let a = crowded.findings.iter().find(|f| f.group == "A").unwrap();
        assert!((a.p_adjusted.unwrap() - (raw * 20.0).min(1.0)).abs() < 1e-12);
        assert!(!a.flagged);
    }

    /// Each finding keeps its own p-value through the correction, whatever
    /// the order of the groups and references.
    #[test]
    fn each_group_keeps_its_own_p_value() {
        let audit = audit(
            &[
                question(&[("L", 500, 2000), ("P", 300, 2000)]),
                question(&[("A", 20, 100), ("B", 35, 100)]),
            ],
            &policy(),
            &privasi(),
        );
        let (p, a) = (finding(&audit, "P"), finding(&audit, "A"));
        let expected_p = fisher_exact([[300, 1700], [500, 1500]]);
        let expected_a = fisher_exact([[20, 80], [35, 65]]);
        assert_eq!(p.p_value, Some(expected_p));
        assert_eq!(a.p_value, Some(expected_a));
        // Holm: the smaller times two, the larger times one.
        assert_eq!(p.p_adjusted, Some(expected_p * 2.0));
        assert_eq!(a.p_adjusted, Some(expected_a));
        assert!(p.flagged && a.flagged);
    }

    /// A group of three is never the yardstick, and its counts, its ratio
    /// and its p-values are withheld (so are the counts that would give
    /// them back); its flag is still computed.
    #[test]
    fn small_groups_are_neither_reference_nor_shown() {
        let audit = audit(
            &[question(&[("Kecil", 3, 3), ("A", 40, 200), ("B", 80, 200)])],
            &policy(),
            &privasi(),
        );
        let small = finding(&audit, "Kecil");
        assert_eq!(small.reference_group, "B");
        assert_eq!(
            (small.selected, small.total, small.rate),
            (None, None, None)
        );
        assert_eq!((small.impact_ratio, small.p_value), (None, None));
        assert!(!small.flagged, "selected more often than the reference");
        assert!(audit.suppressed_cells >= 2);
        let a = finding(&audit, "A");
        assert!(a.flagged);
    }

    #[test]
    fn empty_groups_and_questions_without_a_yardstick_or_a_selection_are_left_out() {
        let audit = audit(
            &[
                question(&[("P", 0, 0), ("L", 10, 50)]),
                question(&[("X", 1, 2), ("Y", 0, 3)]),
                question(&[("A", 0, 200), ("B", 0, 300)]),
            ],
            &policy(),
            &privasi(),
        );
        assert_eq!(audit.findings.len(), 1);
        assert_eq!(audit.findings[0].group, "L");
    }

    const KRS: Outcome = Outcome::Krs(Jenjang::Pengawas);
    const POOLS: [PoolLine<'static>; 1] = [PoolLine {
        target: Jenjang::Pengawas,
        feeders: &[Jenjang::Pelaksana],
    }];

    fn subject(
        gender: Gender,
        status: StatusKepegawaian,
        computed: u8,
        final_box: u8,
    ) -> Subject<'static> {
        Subject {
            gender,
            birth: time::macros::date!(1985 - 03 - 01),
            status,
            jenjang: Some(Jenjang::Pelaksana),
            agama: Some("Islam"),
            daerah_asal: None,
            computed: Kotak::new(computed).unwrap(),
            final_box: Kotak::new(final_box).unwrap(),
            pools: if final_box >= 7 && status == StatusKepegawaian::Pns {
                vec![Jenjang::Pengawas]
            } else {
                Vec::new()
            },
        }
    }

    fn tallies(
        questions: &[Question],
        outcome: Outcome,
        attribute: Attribute,
    ) -> Vec<(String, u64, u64)> {
        questions
            .iter()
            .find(|q| q.outcome == outcome && q.attribute == attribute)
            .unwrap()
            .tallies
            .iter()
            .map(|t| (t.group.clone(), t.selected, t.total))
            .collect()
    }

    #[test]
    fn people_become_tallies_per_outcome_and_attribute() {
        use StatusKepegawaian::{Pns, Pppk};
        let people = [
            subject(Gender::P, Pns, 5, 8),  // calibrated up into the pool
            subject(Gender::P, Pppk, 9, 9), // top box, no KRS for PPPK
            subject(Gender::L, Pns, 7, 7),  // in the pool
            subject(Gender::L, Pns, 5, 4),  // sideways: neither up nor down
            subject(Gender::L, Pns, 8, 5),  // calibrated down
        ];
        let on = time::macros::date!(2026 - 06 - 30);
        let q = questions(&people, on, &POOLS);
        assert_eq!(
            q.len(),
            (Outcome::OF_THE_MAP.len() + 1) * Attribute::ALL.len()
        );
        let sex = |o| tallies(&q, o, Attribute::JenisKelamin);
        assert_eq!(
            sex(Outcome::TopBoxes),
            [("L".into(), 1, 3), ("P".into(), 2, 2)]
        );
        assert_eq!(sex(KRS), [("L".into(), 1, 3), ("P".into(), 1, 1)]);
        assert_eq!(
            sex(Outcome::CalibratedUp),
            [("L".into(), 0, 3), ("P".into(), 1, 2)]
        );
        assert_eq!(
            sex(Outcome::CalibratedDown),
            [("L".into(), 1, 3), ("P".into(), 0, 2)]
        );
        assert_eq!(
            sex(Outcome::PotensialTinggi),
            [("L".into(), 0, 3), ("P".into(), 2, 2)]
        );
        assert_eq!(
            sex(Outcome::KinerjaTinggi),
            [("L".into(), 2, 3), ("P".into(), 1, 2)]
        );
        // 41 on 30 June 2026; nobody says where they come from.
        assert_eq!(
            tallies(&q, Outcome::TopBoxes, Attribute::Usia),
            [("40-49".into(), 3, 5)]
        );
        assert!(tallies(&q, Outcome::TopBoxes, Attribute::DaerahAsal).is_empty());
        assert_eq!(
            tallies(&q, KRS, Attribute::StatusPegawai),
            [("PNS".into(), 2, 4)],
            "KRS among PNS only"
        );
    }

    /// A holder of a jenjang that feeds no pool (or of no position) could
    /// not be in one: leaving them in would report the law as bias.
    #[test]
    fn the_pools_are_compared_among_those_in_line_for_one() {
        let mut head = subject(Gender::L, StatusKepegawaian::Pns, 9, 9);
        head.jenjang = Some(Jenjang::JptPratama);
        head.pools.clear();
        let mut unplaced = subject(Gender::L, StatusKepegawaian::Pns, 5, 5);
        unplaced.jenjang = None;
        let staff = subject(Gender::P, StatusKepegawaian::Pns, 8, 8);
        let q = questions(
            &[head, unplaced, staff],
            time::macros::date!(2026 - 06 - 30),
            &POOLS,
        );
        assert_eq!(
            tallies(&q, KRS, Attribute::JenisKelamin),
            [("P".into(), 1, 1)]
        );
        assert_eq!(
            tallies(&q, Outcome::TopBoxes, Attribute::JenisKelamin)[0],
            ("L".into(), 1, 2)
        );
    }

    #[test]
    fn age_bands_split_at_thirty_forty_and_fifty() {
        let bands: Vec<_> = [18, 29, 30, 39, 40, 49, 50, 64].map(age_band).into();
        assert_eq!(
            bands,
            [
                "<30", "<30", "30-39", "30-39", "40-49", "40-49", "50+", "50+"
            ]
        );
    }
}
