//! Succession plans (rencana suksesi) for key positions (jabatan kritikal
//! or target, PermenPANRB 3/2020; Peraturan KPK 2/2024): for one position,
//! the ranked candidates with Nilai Talenta, JPM against the position's
//! competency standard, box and readiness, and everyone excluded by a hard
//! eligibility rule, with every failed rule, its source, and the day they
//! would become eligible.
//!
//! Who is considered: placed people of the period whose final box is in
//! `population_boxes` (the KRS Instansi boxes) and whose current jenjang
//! feeds the position's jenjang ([`crate::pool::feeders`]). The hard rules
//! are the promotion rule of the position's jenjang with the position's own
//! accepted fields of study, minimum education and golongan
//! ([`PromotionRule::check`]): education level and field, golongan, years in
//! the lower jabatan, SKP, discipline, age.
//!
//! Ranking of the eligible: readiness first (siap sekarang, then 1-2 tahun,
//! then lebih dari 2 tahun), then [`crate::cycle::by_talent`] (Nilai
//! Talenta, kinerja, potensial, highest first; NIP as the last resort).
//! The excluded are listed in the same talent order.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::cycle::{Talent, by_talent};
use crate::eligibility::{Check, Eligibility, Position};
use crate::kompetensi::{Levels, jpm};
use crate::nine_box::Kotak;
use crate::pool::feeders;
use crate::readiness::{Readiness, ReadinessLevel, readiness};
use crate::ruleset::RuleSet;
use crate::score::Score;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessionPolicy {
    /// Final boxes that put a person in line.
    pub population_boxes: Vec<Kotak>,
    /// Fewer ready-now successors than this flags the position.
    pub min_ready: u8,
    /// Readiness levels, readiest first ([`crate::readiness`]).
    pub readiness: Vec<ReadinessLevel>,
    pub source: String,
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
    pub nip: String,
    pub nama: String,
    pub opd: String,
    pub nilai_talenta: Score,
    /// JPM in hundredths of a percent; `None` without an assessment of the
    /// required competencies or without a standard.
    pub jpm: Option<u32>,
    pub kotak: Kotak,
    pub readiness: Readiness,
}

/// Someone in line who fails a hard rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    pub nip: String,
    pub nama: String,
    pub opd: String,
    pub nilai_talenta: Score,
    pub kotak: Kotak,
    /// Every rule that did not pass (failed, or unknown for missing data).
    pub failures: Vec<Check>,
    /// The first day every rule passes, if time alone gets there.
    pub eligible_from: Option<Date>,
}

/// The succession plan of one position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub candidates: Vec<Successor>,
    pub excluded: Vec<Excluded>,
    /// Candidates ready now.
    pub ready_now: usize,
    /// Fewer than `min_ready` ready now: the position needs attention.
    pub kurang_suksesor: bool,
}

/// The plan for `position` over the placed people of a period, checked on
/// `on`. The position's current holder is not a candidate for it.
pub fn plan(
    rules: &RuleSet,
    position: &KeyPosition<'_>,
    people: &[Talent<'_>],
    on: Date,
    holder: Option<&str>,
) -> Plan {
    plan_on_threads(rules, position, people, on, holder, 1)
}

/// [`plan`], with the eligibility checks split over `threads` threads (the
/// caller knows the machine; the result is the same for any count).
pub fn plan_on_threads(
    rules: &RuleSet,
    position: &KeyPosition<'_>,
    people: &[Talent<'_>],
    on: Date,
    holder: Option<&str>,
    threads: usize,
) -> Plan {
    let policy = &rules.succession;
    let target = position.requirements.jenjang;
    let feeders = feeders(rules, target);
    let Some(rule) = rules.promotion_rule(target) else {
        return Plan {
            candidates: Vec::new(),
            excluded: Vec::new(),
            ready_now: 0,
            kurang_suksesor: policy.min_ready > 0,
        };
    };
    let mut in_line: Vec<&Talent<'_>> = people
        .iter()
        .filter(|t| policy.population_boxes.contains(&t.kotak))
        .filter(|t| t.jenjang.is_some_and(|j| feeders.contains(&j)))
        .filter(|t| holder != Some(t.nip))
        .collect();
    in_line.sort_by(|a, b| by_talent(a, b));

    let check = |t: &&Talent<'_>| rule.check_failures(&position.requirements, &t.candidate, on);
    let checked: Vec<Eligibility> = if threads < 2 || in_line.len() < 4096 {
        in_line.iter().map(check).collect()
    } else {
        let chunk = in_line.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let parts: Vec<_> = in_line
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(check).collect::<Vec<_>>()))
                .collect();
            parts
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut eligible: Vec<(Readiness, &Talent<'_>, Option<u32>)> = Vec::new();
    let mut excluded = Vec::new();
    for (talent, eligibility) in in_line.into_iter().zip(checked) {
        if eligibility.is_eligible() {
            let jpm = talent
                .kompetensi
                .and_then(|k| jpm(position.standar, k, rules.jpm.capping).ok())
                .map(|j| j.percent_hundredths());
            eligible.push((readiness(&policy.readiness, talent.kotak, jpm), talent, jpm));
        } else {
            excluded.push(Excluded {
                nip: talent.nip.to_owned(),
                nama: talent.nama.to_owned(),
                opd: talent.opd.to_owned(),
                nilai_talenta: talent.nilai_talenta,
                kotak: talent.kotak,
                eligible_from: eligibility.eligible_from(),
                failures: eligibility
                    .checks
                    .into_iter()
                    .filter(|c| c.outcome != crate::eligibility::Outcome::Passed)
                    .collect(),
            });
        }
    }
    // Stable: within a readiness level the talent order stays.
    eligible.sort_by_key(|(r, _, _)| *r);
    let candidates: Vec<Successor> = (1..)
        .zip(eligible)
        .map(|(rank, (readiness, t, jpm))| Successor {
            rank,
            nip: t.nip.to_owned(),
            nama: t.nama.to_owned(),
            opd: t.opd.to_owned(),
            nilai_talenta: t.nilai_talenta,
            jpm,
            kotak: t.kotak,
            readiness,
        })
        .collect();
    let ready_now = candidates
        .iter()
        .filter(|c| c.readiness == Readiness::SiapSekarang)
        .count();
    Plan {
        kurang_suksesor: ready_now < usize::from(policy.min_ready),
        candidates,
        excluded,
        ready_now,
    }
}
