//! Succession plans (rencana suksesi) for key positions (jabatan kritikal
//! or target, PermenPANRB 3/2020; Peraturan KPK 2/2024): for one position,
//! the ranked candidates with Nilai Talenta, JPM against the position's
//! competency standard, box, readiness and the last day their age keeps
//! them eligible, and everyone excluded by a hard eligibility rule, with
//! every failed rule, its source, and the day they would become eligible.
//!
//! Everything below is set per target jenjang ([`TargetPolicy`]): KASN
//! (before UU 20/2023 moved its role to BKN) takes the successor to a JPT
//! as the top-ranked person in box 9, no longer "one of three", and an
//! instansi approved by BKN (Kota Semarang) takes box 9 for JPT pratama and
//! boxes 7-9 for administrator and pengawas.
//!
//! Who is considered: placed people of the period whose final box is in the
//! target's `population_boxes` and whose current jenjang feeds the
//! position's jenjang ([`crate::pool::feeders`]). The hard rules are the
//! promotion rule of the position's jenjang with the position's own
//! accepted fields of study, minimum education and golongan
//! ([`PromotionRule::check`]): education level and field, golongan, years in
//! the lower jabatan, SKP, discipline, age (on the plan's date, the
//! appointment date).
//!
//! Ranking of the eligible ([`RankBy`]): by readiness first (siap sekarang,
//! then 1-2 tahun, then lebih dari 2 tahun) or by talent alone; either way
//! ending in [`crate::cycle::by_talent`] (Nilai Talenta, kinerja,
//! potensial, highest first; NIP as the last resort). The excluded are
//! listed in the same talent order.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::cycle::{Talent, by_talent};
use crate::eligibility::{Check, Position, Verdict};
use crate::jabatan::Jenjang;
use crate::kompetensi::{Levels, jpm};
use crate::nine_box::Kotak;
use crate::nip::Nip;
use crate::pool::feeders;
use crate::readiness::{Readiness, ReadinessLevel, readiness};
use crate::ruleset::RuleSet;
use crate::score::Score;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessionPolicy {
    /// One policy per group of target jenjang; a jenjang is in at most one.
    #[serde(rename = "target")]
    pub targets: Vec<TargetPolicy>,
    pub source: String,
}

/// How the successors to positions of some jenjang are found and ranked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetPolicy {
    /// The jenjang of the positions this applies to.
    pub jenjang: Vec<Jenjang>,
    /// Final boxes that put a person in line.
    pub population_boxes: Vec<Kotak>,
    /// Fewer ready-now successors than this flags the position.
    pub min_ready: u8,
    pub ranking: RankBy,
    /// Readiness levels, readiest first ([`crate::readiness`]).
    pub readiness: Vec<ReadinessLevel>,
    pub source: String,
}

/// The order of the eligible, before the talent order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankBy {
    /// Readiness first, then talent.
    Kesiapan,
    /// Talent only; readiness is shown, not ranked on.
    Talenta,
}

impl SuccessionPolicy {
    /// The policy of positions of `jenjang`, if the rule set has one.
    pub fn of(&self, jenjang: Jenjang) -> Option<&TargetPolicy> {
        self.targets.iter().find(|t| t.jenjang.contains(&jenjang))
    }

    /// How many ready-now successors positions of `jenjang` need; 0 for a
    /// jenjang no policy covers (no plan is made for it).
    pub fn min_ready(&self, jenjang: Jenjang) -> u8 {
        self.of(jenjang).map_or(0, |t| t.min_ready)
    }
}

/// A key position and what it requires.
#[derive(Debug, Clone, Copy)]
pub struct KeyPosition<'a> {
    pub kode: &'a str,
    pub nama: &'a str,
    pub opd: &'a str,
    pub requirements: Position<'a>,
    /// Standar kompetensi jabatan; empty when not set.
    pub standar: &'a Levels,
}

/// An eligible candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Successor {
    pub rank: u32,
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    pub nilai_talenta: Score,
    /// JPM in hundredths of a percent; `None` without an assessment of the
    /// required competencies or without a standard.
    pub jpm: Option<u32>,
    pub kotak: Kotak,
    pub readiness: Readiness,
    /// The last day the age limit keeps them eligible; `None` without one.
    pub eligible_until: Option<Date>,
}

/// Someone in line who fails a hard rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    pub nilai_talenta: Score,
    pub kotak: Kotak,
    /// Every rule that did not pass (failed, or unknown for missing data).
    pub failures: Vec<Check>,
    /// The first day every rule passes, if time alone gets there.
    pub eligible_from: Option<Date>,
    /// The last day the age limit lets them in; `None` without one.
    pub eligible_until: Option<Date>,
}

/// The succession plan of one position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub candidates: Vec<Successor>,
    pub excluded: Vec<Excluded>,
    /// Candidates ready now.
    pub ready_now: usize,
    /// The ready-now candidates the position's jenjang needs.
    pub min_ready: u8,
    /// Fewer than `min_ready` ready now: the position needs attention.
    pub kurang_suksesor: bool,
}

/// The ranking of one position: everyone in line, in order, with the
/// verdict of the hard rules but no text yet. [`Ranking::plan`] writes the
/// plan to show; the work of ranking millions stays free of allocation.
#[derive(Debug, Clone)]
pub struct Ranking<'p, 'a> {
    /// The day eligibility was checked on.
    pub on: Date,
    /// The eligible, best first.
    pub candidates: Vec<Ranked<'p, 'a>>,
    /// Those who fail a hard rule, in talent order.
    pub excluded: Vec<(&'p Talent<'a>, Verdict)>,
    pub ready_now: usize,
    pub min_ready: u8,
    pub kurang_suksesor: bool,
}

/// An eligible person and where they stand.
#[derive(Debug, Clone, Copy)]
pub struct Ranked<'p, 'a> {
    pub talent: &'p Talent<'a>,
    pub readiness: Readiness,
    /// JPM in hundredths of a percent, as in [`Successor::jpm`].
    pub jpm: Option<u32>,
    /// As [`Successor::eligible_until`].
    pub eligible_until: Option<Date>,
}

/// The plan for `position` over the placed people of a period, checked on
/// `on`. The position's current holder is not a candidate for it.
pub fn plan(
    rules: &RuleSet,
    position: &KeyPosition<'_>,
    people: &[Talent<'_>],
    on: Date,
    holder: Option<Nip>,
) -> Plan {
    rank(rules, position, people, on, holder).plan(rules, position)
}

/// Who is in line for `position` and in which order (see the module
/// documentation), deciding each hard rule without writing its reasons.
pub fn rank<'p, 'a>(
    rules: &RuleSet,
    position: &KeyPosition<'_>,
    people: &'p [Talent<'a>],
    on: Date,
    holder: Option<Nip>,
) -> Ranking<'p, 'a> {
    let target = position.requirements.jenjang;
    let mut ranking = Ranking {
        on,
        candidates: Vec::new(),
        excluded: Vec::new(),
        ready_now: 0,
        min_ready: 0,
        kurang_suksesor: false,
    };
    let (Some(rule), Some(policy)) = (rules.promotion_rule(target), rules.succession.of(target))
    else {
        return ranking;
    };
    ranking.min_ready = policy.min_ready;
    let feeders = feeders(rules, target);
    // Sorted by the three scores packed in one integer, so that most
    // comparisons read no person; the NIP settles the rare full ties. The
    // order is exactly `by_talent`.
    let mut in_line: Vec<(u64, &Talent<'_>)> = people
        .iter()
        .filter(|t| is_in_line(policy, feeders, t))
        .filter(|t| holder != Some(t.nip))
        .map(|t| (talent_key(t), t))
        .collect();
    in_line.sort_unstable_by(|(ka, a), (kb, b)| ka.cmp(kb).then_with(|| a.nip.cmp(&b.nip)));
    debug_assert!(in_line.is_sorted_by(|(_, a), (_, b)| by_talent(a, b).is_le()));
    for (_, talent) in in_line {
        let verdict = rule.verdict(&position.requirements, &talent.candidate, on);
        if verdict.is_eligible() {
            let jpm = jpm_of(rules, position, talent);
            ranking.candidates.push(Ranked {
                talent,
                readiness: readiness(&policy.readiness, talent.kotak, jpm),
                jpm,
                eligible_until: verdict.eligible_until(),
            });
        } else {
            ranking.excluded.push((talent, verdict));
        }
    }
    match policy.ranking {
        // Stable: within a readiness level the talent order stays.
        RankBy::Kesiapan => ranking.candidates.sort_by_key(|r| r.readiness),
        RankBy::Talenta => {}
    }
    ranking.ready_now = ranking
        .candidates
        .iter()
        .filter(|c| c.readiness == Readiness::SiapSekarang)
        .count();
    ranking.kurang_suksesor = ranking.ready_now < usize::from(policy.min_ready);
    ranking
}

/// How many of `people` are ready now for `position` on `on`, counted up
/// to `cap`: [`rank`]'s `ready_now` over the same people when that is below
/// `cap`, else `cap`. A person's readiness is theirs alone, so nobody is
/// sorted or kept, the hard rules are checked only for those whose box and
/// JPM make them ready now, and the count stops at `cap`: the dashboards'
/// notice asks only whether a key position has fewer ready-now successors
/// than its jenjang's minimum ([`SuccessionPolicy::min_ready`]). The caller
/// leaves the holders out.
pub fn ready_now_up_to<'p, 'a: 'p>(
    rules: &RuleSet,
    position: &KeyPosition<'_>,
    people: impl IntoIterator<Item = &'p Talent<'a>>,
    on: Date,
    cap: usize,
) -> usize {
    let target = position.requirements.jenjang;
    let (Some(rule), Some(policy)) = (rules.promotion_rule(target), rules.succession.of(target))
    else {
        return 0;
    };
    let feeders = feeders(rules, target);
    people
        .into_iter()
        .filter(|t| is_in_line(policy, feeders, t))
        .filter(|t| {
            let jpm = jpm_of(rules, position, t);
            readiness(&policy.readiness, t.kotak, jpm) == Readiness::SiapSekarang
        })
        .filter(|t| {
            rule.verdict(&position.requirements, &t.candidate, on)
                .is_eligible()
        })
        .take(cap)
        .count()
}

/// Whether `talent` is in line for a position whose jenjang `feeders`
/// feed: a final box of the target's population, and a feeding jenjang.
fn is_in_line(policy: &TargetPolicy, feeders: &[Jenjang], talent: &Talent<'_>) -> bool {
    policy.population_boxes.contains(&talent.kotak)
        && talent.jenjang.is_some_and(|j| feeders.contains(&j))
}

/// `talent`'s JPM against the position's standard, in hundredths of a
/// percent; `None` without an assessment.
fn jpm_of(rules: &RuleSet, position: &KeyPosition<'_>, talent: &Talent<'_>) -> Option<u32> {
    talent
        .candidate
        .kompetensi
        .and_then(|k| jpm(position.standar, k, rules.jpm.capping).ok())
        .map(|j| j.percent_hundredths())
}

/// Ascending in the order of [`by_talent`] up to the NIP: each score
/// highest first.
fn talent_key(t: &Talent<'_>) -> u64 {
    let desc = |s: crate::Score| u64::from(u16::MAX - s.hundredths());
    desc(t.nilai_talenta) << 32 | desc(t.kinerja) << 16 | desc(t.potensial)
}

impl Ranking<'_, '_> {
    /// The plan to show: the candidates with their rank, and every excluded
    /// person with each rule they fail, its source and values.
    pub fn plan(&self, rules: &RuleSet, position: &KeyPosition<'_>) -> Plan {
        let rule = rules.promotion_rule(position.requirements.jenjang);
        let candidates = (1..)
            .zip(&self.candidates)
            .map(|(rank, c)| Successor {
                rank,
                nip: c.talent.nip,
                nama: c.talent.nama.to_owned(),
                opd: c.talent.opd.to_owned(),
                nilai_talenta: c.talent.nilai_talenta,
                jpm: c.jpm,
                kotak: c.talent.kotak,
                readiness: c.readiness,
                eligible_until: c.eligible_until,
            })
            .collect();
        let excluded = self
            .excluded
            .iter()
            .map(|(t, verdict)| Excluded {
                nip: t.nip,
                nama: t.nama.to_owned(),
                opd: t.opd.to_owned(),
                nilai_talenta: t.nilai_talenta,
                kotak: t.kotak,
                failures: rule.map_or_else(Vec::new, |r| {
                    r.check_failures(&position.requirements, &t.candidate, self.on)
                        .checks
                }),
                eligible_from: verdict.eligible_from(),
                eligible_until: verdict.eligible_until(),
            })
            .collect();
        Plan {
            candidates,
            excluded,
            ready_now: self.ready_now,
            min_ready: self.min_ready,
            kurang_suksesor: self.kurang_suksesor,
        }
    }
}
