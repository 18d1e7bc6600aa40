//! Eligibility for promotion into a managerial jenjang (pengawas,
//! administrator, JPT pratama/madya/utama): PP 11/2017 as amended by PP
//! 17/2020, Pasal 54 and 107, with the instansi's own additions; and the
//! gates of a talent pool (Pasal 199 ayat (2)), which are rules of the same
//! kind: competencies of the latest assessment, the yearly hours of
//! competency development, SKP, discipline, status.
//!
//! Every rule is evaluated, never only the first failure, and each check says
//! which rule (and its legal source) it is, the actual and the required value,
//! and, where time alone cures a failure, the date from which the person
//! qualifies. The rules themselves are data ([`PromotionRule`], loaded from a
//! [`crate::RuleSet`]); the position adds what only it knows (accepted fields
//! of study, its own minimum golongan).

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::{add_months, add_years, age_on, months_between, tahun_bulan};
use crate::disiplin::{Hukuman, TingkatHukuman};
use crate::golongan::Golongan;
use crate::jabatan::Jenjang;
use crate::kompetensi::{Kompetensi, Level, Levels, UMUM};
use crate::nip::AsnKind;
use crate::pendidikan::{BidangIlmu, Pendidikan, TingkatPendidikan};
use crate::skp::{Predikat, SkpTahunan};

/// Employment status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusKepegawaian {
    Cpns,
    Pns,
    Pppk,
}

impl StatusKepegawaian {
    pub const ALL: [StatusKepegawaian; 3] = [
        StatusKepegawaian::Cpns,
        StatusKepegawaian::Pns,
        StatusKepegawaian::Pppk,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            StatusKepegawaian::Cpns => "CPNS",
            StatusKepegawaian::Pns => "PNS",
            StatusKepegawaian::Pppk => "PPPK",
        }
    }

    /// The kind of number the employee has: NI PPPK for a PPPK, a PNS NIP
    /// for a CPNS or PNS.
    pub const fn asn_kind(self) -> AsnKind {
        match self {
            StatusKepegawaian::Pppk => AsnKind::Pppk,
            StatusKepegawaian::Cpns | StatusKepegawaian::Pns => AsnKind::Pns,
        }
    }
}

/// Why a text is not an employment status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a status kepegawaian (expected PNS, CPNS or PPPK)")]
pub struct StatusKepegawaianError(pub String);

impl FromStr for StatusKepegawaian {
    type Err = StatusKepegawaianError;

    /// Accepts `PNS`, `CPNS` and `PPPK` in any case.
    fn from_str(text: &str) -> Result<StatusKepegawaian, StatusKepegawaianError> {
        let key = text.trim();
        StatusKepegawaian::ALL
            .into_iter()
            .find(|s| s.label().eq_ignore_ascii_case(key))
            .ok_or_else(|| StatusKepegawaianError(text.to_owned()))
    }
}

display_as!(StatusKepegawaian, label);

/// One position held, from `mulai` (TMT jabatan) to `selesai` (exclusive;
/// `None` while still held).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MasaJabatan {
    pub jenjang: Jenjang,
    pub mulai: Date,
    pub selesai: Option<Date>,
}

/// A training (riwayat diklat) as the competency-development rule reads
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diklat {
    /// The day it ended, or began when no end is recorded: its hours count
    /// in this day's year.
    pub tanggal: Date,
    /// Jam pelajaran (SIASN `jumlahJam`); `None` when not recorded.
    pub jam: Option<u16>,
}

/// The record the rules look at.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub status: StatusKepegawaian,
    pub birth_date: Date,
    pub golongan: Option<Golongan>,
    pub pendidikan: &'a [Pendidikan],
    pub riwayat_jabatan: &'a [MasaJabatan],
    pub skp: &'a [SkpTahunan],
    pub hukuman: &'a [Hukuman],
    /// Attained competency levels of the latest assessment, if any.
    pub kompetensi: Option<&'a Levels>,
    pub diklat: &'a [Diklat],
}

/// A candidate's records, owned: what a reader of them keeps, and lends to
/// the rules as a [`Candidate`].
#[derive(Debug, Clone)]
pub struct CandidateRecords {
    pub status: StatusKepegawaian,
    pub birth_date: Date,
    pub golongan: Option<Golongan>,
    pub pendidikan: Vec<Pendidikan>,
    pub riwayat_jabatan: Vec<MasaJabatan>,
    pub skp: Vec<SkpTahunan>,
    pub hukuman: Vec<Hukuman>,
    /// Attained competency levels of the latest assessment, if any.
    pub kompetensi: Option<Levels>,
    pub diklat: Vec<Diklat>,
}

impl CandidateRecords {
    pub fn candidate(&self) -> Candidate<'_> {
        Candidate {
            status: self.status,
            birth_date: self.birth_date,
            golongan: self.golongan,
            pendidikan: &self.pendidikan,
            riwayat_jabatan: &self.riwayat_jabatan,
            skp: &self.skp,
            hukuman: &self.hukuman,
            kompetensi: self.kompetensi.as_ref(),
            diklat: &self.diklat,
        }
    }
}

/// What the target position itself requires.
#[derive(Debug, Clone, Copy)]
pub struct Position<'a> {
    pub jenjang: Jenjang,
    /// Accepted fields of study; empty means any.
    pub bidang_ilmu: &'a [BidangIlmu],
    /// Overrides the rule's minimum when set.
    pub min_pendidikan: Option<TingkatPendidikan>,
    /// Overrides the rule's minimum when set (pangkat minima are set per
    /// jabatan by the instansi).
    pub min_golongan: Option<Golongan>,
}

/// The promotion rule of one target jenjang. Each part is optional; an absent
/// part is not checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromotionRule {
    pub target: Jenjang,
    pub status: Option<StatusRule>,
    pub pendidikan: Option<PendidikanRule>,
    pub bidang_ilmu: Option<Sourced>,
    pub golongan: Option<GolonganRule>,
    #[serde(default)]
    pub pengalaman: Vec<PengalamanRule>,
    pub skp: Option<SkpRule>,
    pub disiplin: Option<DisiplinRule>,
    pub usia: Option<UsiaRule>,
    pub kompetensi: Option<KompetensiRule>,
    pub pengembangan: Option<PengembanganRule>,
}

/// A rule with nothing to configure but its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRule {
    pub allowed: Vec<StatusKepegawaian>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendidikanRule {
    pub minimum: TingkatPendidikan,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GolonganRule {
    pub minimum: Golongan,
    pub source: String,
}

/// Cumulative time in any of `jenjang` (empty: in any jabatan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PengalamanRule {
    #[serde(default)]
    pub jenjang: Vec<Jenjang>,
    pub years: u8,
    pub source: String,
}

/// Predikat of at least `minimum` in each of the last `years` annual SKPs
/// (the years before the reference date's year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkpRule {
    pub years: u8,
    pub minimum: Predikat,
    pub source: String,
}

/// No sanction of these levels in force, nor, with `lookback_years` > 0,
/// in force at any time within that many years before the reference date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisiplinRule {
    pub levels: Vec<TingkatHukuman>,
    #[serde(default)]
    pub lookback_years: u8,
    pub source: String,
}

/// Age in whole years at the reference date at most `max_years` (a person
/// of 56 years and 11 months is 56).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsiaRule {
    pub max_years: u8,
    pub source: String,
}

/// Every managerial competency at least `manajerial` and Perekat Bangsa
/// (sosial kultural) at least `sosial_kultural` in the latest assessment
/// (PermenPANRB 38/2017 levels 1-5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KompetensiRule {
    pub manajerial: Level,
    pub sosial_kultural: Level,
    pub source: String,
}

/// At least `jam` hours (jam pelajaran, JP) of training in each of the last
/// `years` years (the years before the reference date's year), a training
/// counting in the year it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PengembanganRule {
    pub jam: u16,
    pub years: u8,
    pub source: String,
}

/// Which rule a check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    Status,
    Pendidikan,
    BidangIlmu,
    Golongan,
    Pengalaman,
    Skp,
    Disiplin,
    Usia,
    Kompetensi,
    Pengembangan,
}

impl RuleKind {
    pub const fn code(self) -> &'static str {
        match self {
            RuleKind::Status => "status",
            RuleKind::Pendidikan => "pendidikan",
            RuleKind::BidangIlmu => "bidang_ilmu",
            RuleKind::Golongan => "golongan",
            RuleKind::Pengalaman => "pengalaman",
            RuleKind::Skp => "skp",
            RuleKind::Disiplin => "disiplin",
            RuleKind::Usia => "usia",
            RuleKind::Kompetensi => "kompetensi",
            RuleKind::Pengembangan => "pengembangan_kompetensi",
        }
    }
}

/// The result of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    Failed,
    /// The record lacks the data to decide; not eligible until it is filled.
    Unknown,
}

/// One rule applied to one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub rule: RuleKind,
    pub source: String,
    pub outcome: Outcome,
    pub actual: String,
    pub required: String,
    /// For a failure that time alone cures: the first day it passes.
    pub eligible_from: Option<Date>,
    /// For a pass that time alone ends (age): the last day it passes.
    pub eligible_until: Option<Date>,
}

/// All checks of one person against one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Eligibility {
    pub target: Jenjang,
    pub on: Date,
    pub checks: Vec<Check>,
}

impl Eligibility {
    pub fn is_eligible(&self) -> bool {
        self.verdict().is_eligible()
    }

    /// Checks that did not pass.
    pub fn failures(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.outcome != Outcome::Passed)
    }

    /// The first day every check passes, if time alone gets there: `on` when
    /// eligible now, `None` when some failure needs more than waiting.
    pub fn eligible_from(&self) -> Option<Date> {
        self.verdict().eligible_from()
    }

    /// The last day the checks that pass now keep passing as time goes by
    /// (the age limit), `None` when none ends.
    pub fn eligible_until(&self) -> Option<Date> {
        self.verdict().eligible_until()
    }

    fn verdict(&self) -> Verdict {
        self.checks.iter().fold(Verdict::new(self.on), Verdict::and)
    }
}

/// The outcome of all checks of one person, without their texts: what
/// ranking many people needs (texts are written for the few who are shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    eligible: bool,
    eligible_from: Option<Date>,
    eligible_until: Option<Date>,
}

impl Verdict {
    /// Nothing checked yet on `on`: eligible from that day.
    fn new(on: Date) -> Verdict {
        Verdict {
            eligible: true,
            eligible_from: Some(on),
            eligible_until: None,
        }
    }

    /// This verdict and one more check.
    fn and(self, check: &Check) -> Verdict {
        if check.outcome == Outcome::Passed {
            return Verdict {
                eligible_until: match (self.eligible_until, check.eligible_until) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                },
                ..self
            };
        }
        Verdict {
            eligible: false,
            eligible_from: self
                .eligible_from
                .and_then(|latest| check.eligible_from.map(|d| latest.max(d))),
            eligible_until: self.eligible_until,
        }
    }

    pub fn is_eligible(self) -> bool {
        self.eligible
    }

    /// As [`Eligibility::eligible_from`]; `None` too when the age limit is
    /// passed before the other rules are met, as waiting then never gets
    /// there.
    pub fn eligible_from(self) -> Option<Date> {
        self.eligible_from
            .filter(|from| self.eligible_until.is_none_or(|until| *from <= until))
    }

    /// As [`Eligibility::eligible_until`].
    pub fn eligible_until(self) -> Option<Date> {
        self.eligible_until
    }
}

impl PromotionRule {
    /// Applies every part of the rule on date `on`.
    pub fn check(
        &self,
        position: &Position<'_>,
        candidate: &Candidate<'_>,
        on: Date,
    ) -> Eligibility {
        let mut checks = Vec::new();
        self.check_each(position, candidate, on, Detail::All, |c| checks.push(c));
        Eligibility {
            target: self.target,
            on,
            checks,
        }
    }

    /// [`PromotionRule::check`] keeping only the checks that did not pass:
    /// the same outcomes and dates, for lists of people left out, where
    /// only their reasons are read.
    pub fn check_failures(
        &self,
        position: &Position<'_>,
        candidate: &Candidate<'_>,
        on: Date,
    ) -> Eligibility {
        let mut checks = Vec::new();
        self.check_each(position, candidate, on, Detail::FailuresOnly, |c| {
            if c.outcome != Outcome::Passed {
                checks.push(c);
            }
        });
        Eligibility {
            target: self.target,
            on,
            checks,
        }
    }

    /// The same rules as [`PromotionRule::check`], deciding only whether and
    /// from when the person is eligible: no text is written and nothing is
    /// kept per check, so ranking millions of people allocates next to
    /// nothing.
    pub fn verdict(&self, position: &Position<'_>, candidate: &Candidate<'_>, on: Date) -> Verdict {
        let mut verdict = Verdict::new(on);
        self.check_each(position, candidate, on, Detail::None, |c| {
            verdict = verdict.and(&c);
        });
        verdict
    }

    /// Hands every check, in the rule's order, to `each`.
    fn check_each(
        &self,
        position: &Position<'_>,
        candidate: &Candidate<'_>,
        on: Date,
        detail: Detail,
        mut each: impl FnMut(Check),
    ) {
        if let Some(rule) = &self.status {
            each(check_status(rule, candidate, detail));
        }
        let min_pendidikan = position
            .min_pendidikan
            .or_else(|| self.pendidikan.as_ref().map(|r| r.minimum));
        if let (Some(minimum), Some(source)) = (
            min_pendidikan,
            self.pendidikan.as_ref().map(|r| r.source.as_str()),
        ) {
            each(check_pendidikan(minimum, source, candidate, detail));
        }
        if let (false, Some(rule)) = (position.bidang_ilmu.is_empty(), &self.bidang_ilmu) {
            each(check_bidang(
                position.bidang_ilmu,
                min_pendidikan,
                &rule.source,
                candidate,
                detail,
            ));
        }
        let min_golongan = position
            .min_golongan
            .or_else(|| self.golongan.as_ref().map(|r| r.minimum));
        if let (Some(minimum), Some(source)) = (
            min_golongan,
            self.golongan.as_ref().map(|r| r.source.as_str()),
        ) {
            each(check_golongan(minimum, source, candidate, detail));
        }
        for rule in &self.pengalaman {
            each(check_pengalaman(rule, candidate, on, detail));
        }
        if let Some(rule) = &self.kompetensi {
            each(check_kompetensi(rule, candidate, detail));
        }
        if let Some(rule) = &self.pengembangan {
            each(check_pengembangan(rule, candidate, on, detail));
        }
        if let Some(rule) = &self.skp {
            each(check_skp(rule, candidate, on, detail));
        }
        if let Some(rule) = &self.disiplin {
            each(check_disiplin(rule, candidate, on, detail));
        }
        if let Some(rule) = &self.usia {
            each(check_usia(rule, candidate, on, detail));
        }
    }
}

/// Which checks get their texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    All,
    FailuresOnly,
    None,
}

impl Detail {
    fn wants(self, outcome: Outcome) -> bool {
        match self {
            Detail::All => true,
            Detail::FailuresOnly => outcome != Outcome::Passed,
            Detail::None => false,
        }
    }
}

/// A check whose texts are written only when `detail` wants them.
fn check(
    rule: RuleKind,
    source: &str,
    outcome: Outcome,
    detail: Detail,
    actual: impl FnOnce() -> String,
    required: impl FnOnce() -> String,
) -> Check {
    let texts = detail.wants(outcome);
    Check {
        rule,
        source: if texts {
            source.to_owned()
        } else {
            String::new()
        },
        outcome,
        actual: if texts { actual() } else { String::new() },
        required: if texts { required() } else { String::new() },
        eligible_from: None,
        eligible_until: None,
    }
}

fn passed_if(condition: bool) -> Outcome {
    if condition {
        Outcome::Passed
    } else {
        Outcome::Failed
    }
}

/// A check of one recorded value against a minimum: `recorded` is whether
/// the value meets it and how it is written; nothing recorded is unknown.
fn check_minimum(
    rule: RuleKind,
    source: &str,
    detail: Detail,
    recorded: Option<(bool, &str)>,
    required: impl FnOnce() -> String,
) -> Check {
    match recorded {
        None => check(
            rule,
            source,
            Outcome::Unknown,
            detail,
            || "tidak ada data".into(),
            required,
        ),
        Some((meets, actual)) => check(
            rule,
            source,
            passed_if(meets),
            detail,
            || actual.to_owned(),
            required,
        ),
    }
}

fn check_status(rule: &StatusRule, candidate: &Candidate<'_>, detail: Detail) -> Check {
    check(
        RuleKind::Status,
        &rule.source,
        passed_if(rule.allowed.contains(&candidate.status)),
        detail,
        || candidate.status.label().to_owned(),
        || {
            let allowed: Vec<&str> = rule.allowed.iter().map(|s| s.label()).collect();
            allowed.join(" atau ")
        },
    )
}

fn check_pendidikan(
    minimum: TingkatPendidikan,
    source: &str,
    candidate: &Candidate<'_>,
    detail: Detail,
) -> Check {
    let highest = candidate
        .pendidikan
        .iter()
        .map(|p| p.tingkat)
        .max_by_key(|t| t.rank());
    check_minimum(
        RuleKind::Pendidikan,
        source,
        detail,
        highest.map(|level| (level.meets(minimum), level.label())),
        || format!("paling rendah {}", minimum.label()),
    )
}

/// Passes when one qualification at or above the required level is in an
/// accepted field: a non-health degree does not qualify for a health post,
/// whatever else the person holds.
fn check_bidang(
    accepted: &[BidangIlmu],
    minimum: Option<TingkatPendidikan>,
    source: &str,
    candidate: &Candidate<'_>,
    detail: Detail,
) -> Check {
    let relevant = || {
        candidate
            .pendidikan
            .iter()
            .filter(|p| minimum.is_none_or(|m| p.tingkat.meets(m)))
    };
    let fields = || relevant().filter_map(|p| p.bidang.as_ref());
    let outcome = if fields().any(|f| accepted.iter().any(|a| a.matches(f))) {
        Outcome::Passed
    } else if relevant().next().is_none() || relevant().any(|p| p.bidang.is_none()) {
        // Some qualifying degree has no field recorded: it might match.
        Outcome::Unknown
    } else {
        Outcome::Failed
    };
    let required = || {
        accepted
            .iter()
            .map(BidangIlmu::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let actual = || {
        // Two degrees in one field name it once.
        let mut names: Vec<&str> = Vec::new();
        for name in fields().map(BidangIlmu::as_str) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if names.is_empty() {
            "tidak ada data".to_owned()
        } else {
            names.join(", ")
        }
    };
    check(
        RuleKind::BidangIlmu,
        source,
        outcome,
        detail,
        actual,
        required,
    )
}

fn check_golongan(
    minimum: Golongan,
    source: &str,
    candidate: &Candidate<'_>,
    detail: Detail,
) -> Check {
    check_minimum(
        RuleKind::Golongan,
        source,
        detail,
        candidate.golongan.map(|g| (g >= minimum, g.ruang())),
        || format!("paling rendah {}", minimum.ruang()),
    )
}

fn check_pengalaman(
    rule: &PengalamanRule,
    candidate: &Candidate<'_>,
    on: Date,
    detail: Detail,
) -> Check {
    let qualifying = |j: Jenjang| rule.jenjang.is_empty() || rule.jenjang.contains(&j);
    let intervals = merged(
        candidate
            .riwayat_jabatan
            .iter()
            .filter(|m| qualifying(m.jenjang) && m.mulai < on)
            .map(|m| {
                (
                    m.mulai,
                    m.selesai.map_or(on, |s| s.min(on)),
                    m.selesai.is_none(),
                )
            }),
    );
    let months: u32 = intervals
        .iter()
        .map(|(from, to, _)| months_between(*from, *to))
        .sum();
    let needed = u32::from(rule.years) * 12;
    let scope = || {
        if rule.jenjang.is_empty() {
            "jabatan apa pun".to_owned()
        } else {
            rule.jenjang
                .iter()
                .map(|j| j.label())
                .collect::<Vec<_>>()
                .join(" / ")
        }
    };
    let mut result = check(
        RuleKind::Pengalaman,
        &rule.source,
        passed_if(months >= needed),
        detail,
        || format!("{} di {}", tahun_bulan(months), scope()),
        || format!("paling singkat {} tahun di {}", rule.years, scope()),
    );
    if months < needed {
        // Still serving in a qualifying jabatan: waiting is enough.
        result.eligible_from =
            intervals
                .iter()
                .find(|(_, _, open)| *open)
                .and_then(|(from, to, _)| {
                    add_months(*from, months_between(*from, *to) + needed - months)
                });
    }
    result
}

/// Sorted, overlap-free intervals; `open` marks one that runs past the
/// reference date (a jabatan still held).
fn merged(spells: impl Iterator<Item = (Date, Date, bool)>) -> Vec<(Date, Date, bool)> {
    let mut spells: Vec<_> = spells.filter(|(from, to, _)| from < to).collect();
    spells.sort();
    let mut out: Vec<(Date, Date, bool)> = Vec::with_capacity(spells.len());
    for (from, to, open) in spells {
        match out.last_mut() {
            Some(last) if from <= last.1 => {
                last.1 = last.1.max(to);
                last.2 |= open;
            }
            _ => out.push((from, to, open)),
        }
    }
    out
}

fn check_skp(rule: &SkpRule, candidate: &Candidate<'_>, on: Date, detail: Detail) -> Check {
    let years = || (1..=i32::from(rule.years)).map(|back| on.year() - back);
    // Several results for one year: the worst counts.
    let worst = |year: i32| {
        candidate
            .skp
            .iter()
            .filter(|s| s.tahun == year)
            .map(|s| s.predikat)
            .min()
    };
    let outcome = years()
        .map(worst)
        .fold(Outcome::Passed, |outcome, found| match found {
            Some(p) if p < rule.minimum => Outcome::Failed,
            None if outcome == Outcome::Passed => Outcome::Unknown,
            _ => outcome,
        });
    let actual = || {
        years()
            .map(|year| {
                let found = worst(year).map_or("tidak ada data", Predikat::label);
                format!("{year}: {found}")
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let required = || {
        format!(
            "paling rendah {} pada tahun {}",
            rule.minimum.label(),
            year_list(years())
        )
    };
    check(
        RuleKind::Skp,
        &rule.source,
        outcome,
        detail,
        actual,
        required,
    )
}

fn check_disiplin(
    rule: &DisiplinRule,
    candidate: &Candidate<'_>,
    on: Date,
    detail: Detail,
) -> Check {
    let lookback = u32::from(rule.lookback_years);
    // A sanction counts from its start until `lookback` years after its end.
    let counts_until = |h: &Hukuman| h.akhir.map(|end| add_years(end, lookback));
    let offending: Vec<&Hukuman> = candidate
        .hukuman
        .iter()
        .filter(|h| rule.levels.contains(&h.tingkat) && h.mulai <= on)
        .filter(|h| match counts_until(h) {
            None => true,
            Some(until) => until.is_none_or(|until| on <= until),
        })
        .collect();
    let required = || {
        let levels = rule
            .levels
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join("/");
        if lookback == 0 {
            format!("tidak sedang menjalani hukuman disiplin tingkat {levels}")
        } else {
            format!(
                "tidak menjalani hukuman disiplin tingkat {levels} dalam {lookback} tahun terakhir"
            )
        }
    };
    let actual = || {
        if offending.is_empty() {
            "tidak ada".to_owned()
        } else {
            offending
                .iter()
                .map(|h| {
                    let until = h
                        .akhir
                        .map_or("tanpa batas".to_owned(), |d| format!("s.d. {d}"));
                    format!("hukuman {} sejak {} {until}", h.tingkat, h.mulai)
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    let mut result = check(
        RuleKind::Disiplin,
        &rule.source,
        passed_if(offending.is_empty()),
        detail,
        actual,
        required,
    );
    if !offending.is_empty() {
        result.eligible_from = offending
            .iter()
            .map(|h| counts_until(h).flatten().and_then(Date::next_day))
            .try_fold(on, |latest, day| day.map(|d| latest.max(d)));
    }
    result
}

/// Passes up to the day before the birthday of `max_years` + 1, which is
/// the check's `eligible_until` while it passes.
fn check_usia(rule: &UsiaRule, candidate: &Candidate<'_>, on: Date, detail: Detail) -> Check {
    let age = age_on(candidate.birth_date, on);
    let passed = age <= u32::from(rule.max_years);
    let mut result = check(
        RuleKind::Usia,
        &rule.source,
        passed_if(passed),
        detail,
        || format!("{age} tahun"),
        || format!("paling tinggi {} tahun", rule.max_years),
    );
    if passed {
        result.eligible_until = add_years(candidate.birth_date, u32::from(rule.max_years) + 1)
            .and_then(Date::previous_day);
    }
    result
}

/// The level a competency must reach under `rule`.
fn required_level(rule: &KompetensiRule, kompetensi: &Kompetensi) -> Level {
    match kompetensi {
        Kompetensi::PerekatBangsa => rule.sosial_kultural,
        Kompetensi::Manajerial(_) | Kompetensi::Teknis(_) => rule.manajerial,
    }
}

/// Fails when the latest assessment has a competency below its level;
/// unknown without an assessment, or when one it does not rate might be.
fn check_kompetensi(rule: &KompetensiRule, candidate: &Candidate<'_>, detail: Detail) -> Check {
    fn below<'a>(
        rule: &'a KompetensiRule,
        levels: &'a Levels,
    ) -> impl Iterator<Item = &'static Kompetensi> + 'a {
        UMUM.iter()
            .filter(move |k| levels.get(k).is_some_and(|l| *l < required_level(rule, k)))
    }
    fn unrated(levels: &Levels) -> impl Iterator<Item = &'static Kompetensi> + '_ {
        UMUM.iter().filter(move |k| levels.get(k).is_none())
    }
    let outcome = match candidate.kompetensi {
        None => Outcome::Unknown,
        Some(levels) if below(rule, levels).next().is_some() => Outcome::Failed,
        Some(levels) if unrated(levels).next().is_some() => Outcome::Unknown,
        Some(_) => Outcome::Passed,
    };
    let actual = || {
        let Some(levels) = candidate.kompetensi else {
            return "tidak ada data asesmen".to_owned();
        };
        let mut parts: Vec<String> = below(rule, levels)
            .filter_map(|k| levels.get(k).map(|l| format!("{k} level {}", l.get())))
            .collect();
        parts.extend(unrated(levels).map(|k| format!("{k} tidak dinilai")));
        if parts.is_empty() {
            "semua kompetensi memenuhi".to_owned()
        } else {
            parts.join(", ")
        }
    };
    check(
        RuleKind::Kompetensi,
        &rule.source,
        outcome,
        detail,
        actual,
        || {
            format!(
                "level {} pada setiap kompetensi manajerial dan level {} Perekat Bangsa (asesmen terakhir)",
                rule.manajerial.get(),
                rule.sosial_kultural.get()
            )
        },
    )
}

/// Fails when a year of the window has fewer than `rule.jam` hours from
/// trainings with their hours recorded and no training without; a
/// shortfall that a training without hours might fill is unknown. A
/// training without hours in a year the others already fill decides
/// nothing.
fn check_pengembangan(
    rule: &PengembanganRule,
    candidate: &Candidate<'_>,
    on: Date,
    detail: Detail,
) -> Check {
    let years = || (1..=i32::from(rule.years)).map(|back| on.year() - back);
    // The hours recorded in `year`, and how many trainings have none.
    let of_year = |year: i32| {
        candidate
            .diklat
            .iter()
            .filter(|d| d.tanggal.year() == year)
            .fold((0u32, 0u32), |(jam, tanpa), d| match d.jam {
                Some(j) => (jam + u32::from(j), tanpa),
                None => (jam, tanpa + 1),
            })
    };
    let needed = u32::from(rule.jam);
    let outcome = years()
        .map(of_year)
        .fold(Outcome::Passed, |outcome, (jam, tanpa)| {
            if jam >= needed {
                outcome
            } else if tanpa == 0 {
                Outcome::Failed
            } else if outcome == Outcome::Passed {
                Outcome::Unknown
            } else {
                outcome
            }
        });
    let actual = || {
        years()
            .rev()
            .map(|year| match of_year(year) {
                (jam, 0) => format!("{year}: {jam} JP"),
                (jam, tanpa) => {
                    format!("{year}: {jam} JP dan {tanpa} diklat tanpa jumlah jam pelajaran")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let required = || {
        format!(
            "paling sedikit {} JP setiap tahun pada tahun {}",
            rule.jam,
            year_list(years())
        )
    };
    check(
        RuleKind::Pengembangan,
        &rule.source,
        outcome,
        detail,
        actual,
        required,
    )
}

/// The years a rule looks at (given latest first), oldest first: "2024 dan 2025".
fn year_list(years: impl DoubleEndedIterator<Item = i32>) -> String {
    years
        .rev()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(" dan ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn parses_status_in_any_case() {
        for status in StatusKepegawaian::ALL {
            assert_eq!(status.label().parse(), Ok(status));
            assert_eq!(status.label().to_lowercase().parse(), Ok(status));
        }
        assert_eq!(" cpns ".parse(), Ok(StatusKepegawaian::Cpns));
        assert_eq!(
            "honorer"
                .parse::<StatusKepegawaian>()
                .unwrap_err()
                .to_string(),
            "\"honorer\" is not a status kepegawaian (expected PNS, CPNS or PPPK)"
        );
        assert_eq!(StatusKepegawaian::Cpns.asn_kind(), AsnKind::Pns);
        assert_eq!(StatusKepegawaian::Pppk.asn_kind(), AsnKind::Pppk);
    }

    const ON: Date = date!(2026 - 11 - 23);

    fn administrator_rule() -> PromotionRule {
        PromotionRule {
            target: Jenjang::Administrator,
            status: Some(StatusRule {
                allowed: vec![StatusKepegawaian::Pns],
                source: "PP 11/2017 Pasal 54".into(),
            }),
            pendidikan: Some(PendidikanRule {
                minimum: TingkatPendidikan::S1,
                source: "PP 11/2017 Pasal 54 ayat (1) huruf c".into(),
            }),
            bidang_ilmu: Some(Sourced {
                source: "Persyaratan jabatan".into(),
            }),
            golongan: Some(GolonganRule {
                minimum: Golongan::IIID,
                source: "Persyaratan jabatan instansi".into(),
            }),
            pengalaman: vec![PengalamanRule {
                jenjang: vec![Jenjang::Pengawas, Jenjang::AhliMuda],
                years: 3,
                source: "PP 11/2017 Pasal 54 ayat (1) huruf e".into(),
            }],
            skp: Some(SkpRule {
                years: 2,
                minimum: Predikat::Baik,
                source: "PP 11/2017 Pasal 54 ayat (1) huruf f".into(),
            }),
            disiplin: Some(DisiplinRule {
                levels: vec![TingkatHukuman::Sedang, TingkatHukuman::Berat],
                lookback_years: 0,
                source: "PP 94/2021".into(),
            }),
            usia: None,
            kompetensi: None,
            pengembangan: None,
        }
    }

    fn qualified() -> CandidateRecords {
        CandidateRecords {
            status: StatusKepegawaian::Pns,
            birth_date: date!(1980 - 04 - 12),
            golongan: Some(Golongan::IVA),
            pendidikan: vec![Pendidikan {
                tingkat: TingkatPendidikan::S1,
                bidang: Some(BidangIlmu::new("Kesehatan Masyarakat")),
            }],
            riwayat_jabatan: vec![
                MasaJabatan {
                    jenjang: Jenjang::Pelaksana,
                    mulai: date!(2005 - 03 - 01),
                    selesai: Some(date!(2015 - 01 - 01)),
                },
                MasaJabatan {
                    jenjang: Jenjang::Pengawas,
                    mulai: date!(2015 - 01 - 01),
                    selesai: None,
                },
            ],
            skp: vec![
                SkpTahunan {
                    tahun: 2024,
                    predikat: Predikat::Baik,
                },
                SkpTahunan {
                    tahun: 2025,
                    predikat: Predikat::SangatBaik,
                },
            ],
            hukuman: vec![],
            kompetensi: None,
            diklat: vec![],
        }
    }

    fn health_fields() -> Vec<BidangIlmu> {
        vec![
            BidangIlmu::new("Kesehatan Masyarakat"),
            BidangIlmu::new("Kedokteran"),
        ]
    }

    fn check_one(record: &CandidateRecords) -> Eligibility {
        let fields = health_fields();
        let position = Position {
            jenjang: Jenjang::Administrator,
            bidang_ilmu: &fields,
            min_pendidikan: None,
            min_golongan: None,
        };
        administrator_rule().check(&position, &record.candidate(), ON)
    }

    fn outcome_of(e: &Eligibility, rule: RuleKind) -> &Check {
        e.checks.iter().find(|c| c.rule == rule).unwrap()
    }

    #[test]
    fn a_qualified_candidate_passes_every_rule() {
        let e = check_one(&qualified());
        assert!(e.is_eligible(), "{:#?}", e.failures().collect::<Vec<_>>());
        assert_eq!(e.checks.len(), 7);
        assert_eq!(e.eligible_from(), Some(ON));
    }

    #[test]
    fn check_failures_and_verdict_decide_the_same_as_check() {
        let mut r = qualified();
        r.golongan = Some(Golongan::IIIC);
        r.riwayat_jabatan[1].mulai = date!(2023 - 12 - 15);
        let fields = health_fields();
        let position = Position {
            jenjang: Jenjang::Administrator,
            bidang_ilmu: &fields,
            min_pendidikan: None,
            min_golongan: None,
        };
        let rule = administrator_rule();
        let full = rule.check(&position, &r.candidate(), ON);
        let brief = rule.check_failures(&position, &r.candidate(), ON);
        assert_eq!(full.failures().count(), 2);
        assert_eq!(brief.checks, full.failures().cloned().collect::<Vec<_>>());
        assert_eq!(brief.eligible_from(), full.eligible_from());
        let verdict = rule.verdict(&position, &r.candidate(), ON);
        assert!(!verdict.is_eligible());
        assert_eq!(verdict.eligible_from(), full.eligible_from());

        let qualified = qualified();
        let verdict = rule.verdict(&position, &qualified.candidate(), ON);
        assert!(verdict.is_eligible());
        assert_eq!(verdict.eligible_from(), Some(ON));
    }

    #[test]
    fn wrong_field_of_study_is_rejected_with_the_reason() {
        let mut r = qualified();
        r.pendidikan = vec![
            Pendidikan {
                tingkat: TingkatPendidikan::S2,
                bidang: Some(BidangIlmu::new("Ilmu Pemerintahan")),
            },
            Pendidikan {
                tingkat: TingkatPendidikan::D3,
                bidang: Some(BidangIlmu::new("Keperawatan")),
            },
        ];
        let e = check_one(&r);
        assert!(!e.is_eligible());
        let bidang = outcome_of(&e, RuleKind::BidangIlmu);
        assert_eq!(bidang.outcome, Outcome::Failed);
        assert_eq!(bidang.actual, "Ilmu Pemerintahan");
        assert_eq!(bidang.required, "Kesehatan Masyarakat, Kedokteran");
        assert_eq!(bidang.eligible_from, None);
        assert_eq!(e.eligible_from(), None);
        // The level itself is fine.
        assert_eq!(
            outcome_of(&e, RuleKind::Pendidikan).outcome,
            Outcome::Passed
        );
    }

    #[test]
    fn experience_short_by_time_gives_the_date_it_is_met() {
        let mut r = qualified();
        r.riwayat_jabatan[1].mulai = date!(2023 - 12 - 15);
        let e = check_one(&r);
        let c = outcome_of(&e, RuleKind::Pengalaman);
        assert_eq!(c.outcome, Outcome::Failed);
        assert_eq!(
            c.actual,
            "2 tahun 11 bulan di Pengawas / Fungsional Ahli Muda"
        );
        assert_eq!(
            c.required,
            "paling singkat 3 tahun di Pengawas / Fungsional Ahli Muda"
        );
        assert_eq!(c.eligible_from, Some(date!(2026 - 12 - 15)));
        assert_eq!(e.eligible_from(), Some(date!(2026 - 12 - 15)));
    }

    #[test]
    fn experience_adds_up_across_spells_and_ignores_overlaps() {
        let mut r = qualified();
        r.riwayat_jabatan = vec![
            MasaJabatan {
                jenjang: Jenjang::AhliMuda,
                mulai: date!(2020 - 01 - 01),
                selesai: Some(date!(2021 - 07 - 01)),
            },
            // Overlaps the first by six months: counted once.
            MasaJabatan {
                jenjang: Jenjang::Pengawas,
                mulai: date!(2021 - 01 - 01),
                selesai: Some(date!(2022 - 01 - 01)),
            },
            MasaJabatan {
                jenjang: Jenjang::Pelaksana,
                mulai: date!(2022 - 01 - 01),
                selesai: None,
            },
        ];
        let c = outcome_of(&check_one(&r), RuleKind::Pengalaman).clone();
        assert_eq!(c.actual, "2 tahun di Pengawas / Fungsional Ahli Muda");
        // No longer in a qualifying jabatan: waiting does not help.
        assert_eq!(c.eligible_from, None);
    }

    #[test]
    fn skp_below_baik_or_missing_fails_or_is_unknown() {
        let mut r = qualified();
        r.skp[0].predikat = Predikat::ButuhPerbaikan;
        let c = outcome_of(&check_one(&r), RuleKind::Skp).clone();
        assert_eq!(c.outcome, Outcome::Failed);
        assert_eq!(c.actual, "2025: Sangat Baik, 2024: Butuh Perbaikan");
        assert_eq!(c.required, "paling rendah Baik pada tahun 2024 dan 2025");

        let mut r = qualified();
        r.skp.remove(0);
        let c = outcome_of(&check_one(&r), RuleKind::Skp).clone();
        assert_eq!(c.outcome, Outcome::Unknown);
        assert_eq!(c.actual, "2025: Sangat Baik, 2024: tidak ada data");
    }

    #[test]
    fn a_sanction_in_force_fails_until_the_day_after_it_ends() {
        let mut r = qualified();
        r.hukuman.push(Hukuman {
            tingkat: TingkatHukuman::Sedang,
            jenis: None,
            mulai: date!(2026 - 06 - 01),
            akhir: Some(date!(2027 - 05 - 31)),
        });
        // A light one does not count.
        r.hukuman.push(Hukuman {
            tingkat: TingkatHukuman::Ringan,
            jenis: None,
            mulai: date!(2026 - 10 - 01),
            akhir: Some(date!(2026 - 10 - 01)),
        });
        let e = check_one(&r);
        let c = outcome_of(&e, RuleKind::Disiplin);
        assert_eq!(c.outcome, Outcome::Failed);
        assert_eq!(c.eligible_from, Some(date!(2027 - 06 - 01)));
        assert_eq!(e.eligible_from(), Some(date!(2027 - 06 - 01)));

        // Over: passes.
        r.hukuman[0].akhir = Some(date!(2026 - 11 - 22));
        assert_eq!(
            outcome_of(&check_one(&r), RuleKind::Disiplin).outcome,
            Outcome::Passed
        );
    }

    #[test]
    fn a_lookback_keeps_a_past_sanction_counting() {
        let mut rule = administrator_rule();
        rule.disiplin = Some(DisiplinRule {
            levels: vec![TingkatHukuman::Sedang, TingkatHukuman::Berat],
            lookback_years: 2,
            source: "SIMATA Buleleng".into(),
        });
        let mut r = qualified();
        r.hukuman.push(Hukuman {
            tingkat: TingkatHukuman::Berat,
            jenis: None,
            mulai: date!(2024 - 01 - 01),
            akhir: Some(date!(2024 - 12 - 31)),
        });
        let fields = health_fields();
        let position = Position {
            jenjang: Jenjang::Administrator,
            bidang_ilmu: &fields,
            min_pendidikan: None,
            min_golongan: None,
        };
        let e = rule.check(&position, &r.candidate(), ON);
        let c = outcome_of(&e, RuleKind::Disiplin);
        assert_eq!(c.outcome, Outcome::Failed);
        assert_eq!(c.eligible_from, Some(date!(2027 - 01 - 01)));
    }

    #[test]
    fn dismissal_never_ends() {
        let mut r = qualified();
        r.hukuman.push(Hukuman {
            tingkat: TingkatHukuman::Berat,
            jenis: None,
            mulai: date!(2026 - 01 - 01),
            akhir: None,
        });
        let e = check_one(&r);
        assert_eq!(outcome_of(&e, RuleKind::Disiplin).eligible_from, None);
        assert_eq!(e.eligible_from(), None);
    }

    #[test]
    fn position_minimums_override_the_rule() {
        let r = qualified();
        let fields = health_fields();
        let position = Position {
            jenjang: Jenjang::Administrator,
            bidang_ilmu: &fields,
            min_pendidikan: Some(TingkatPendidikan::S2),
            min_golongan: Some(Golongan::IVB),
        };
        let e = administrator_rule().check(&position, &r.candidate(), ON);
        assert_eq!(outcome_of(&e, RuleKind::Golongan).outcome, Outcome::Failed);
        assert_eq!(
            outcome_of(&e, RuleKind::Golongan).required,
            "paling rendah IV/b"
        );
        assert_eq!(
            outcome_of(&e, RuleKind::Pendidikan).outcome,
            Outcome::Failed
        );
        // The field check only looks at qualifications at the required level.
        assert_eq!(
            outcome_of(&e, RuleKind::BidangIlmu).outcome,
            Outcome::Unknown
        );
    }

    #[test]
    fn status_age_and_missing_data() {
        let mut r = qualified();
        r.status = StatusKepegawaian::Pppk;
        r.golongan = None;
        r.pendidikan.clear();
        let e = check_one(&r);
        assert_eq!(outcome_of(&e, RuleKind::Status).outcome, Outcome::Failed);
        assert_eq!(outcome_of(&e, RuleKind::Golongan).outcome, Outcome::Unknown);
        assert_eq!(
            outcome_of(&e, RuleKind::Pendidikan).outcome,
            Outcome::Unknown
        );
        assert_eq!(
            outcome_of(&e, RuleKind::BidangIlmu).outcome,
            Outcome::Unknown
        );

        let usia = UsiaRule {
            max_years: 56,
            source: "PP 11/2017 Pasal 107".into(),
        };
        let mut born = qualified();
        born.birth_date = date!(1970 - 11 - 24);
        assert_eq!(
            check_usia(&usia, &born.candidate(), ON, Detail::All).actual,
            "55 tahun"
        );
        // 56 years and 11 months is still 56.
        born.birth_date = date!(1969 - 11 - 24);
        let c = check_usia(&usia, &born.candidate(), ON, Detail::All);
        assert_eq!(
            (c.outcome, c.actual.as_str()),
            (Outcome::Passed, "56 tahun")
        );
        born.birth_date = date!(1969 - 11 - 23);
        let c = check_usia(&usia, &born.candidate(), ON, Detail::All);
        assert_eq!(
            (c.outcome, c.actual.as_str()),
            (Outcome::Failed, "57 tahun")
        );
        assert_eq!(c.eligible_from, None);
    }

    fn jpt_usia() -> UsiaRule {
        UsiaRule {
            max_years: 56,
            source: "PP 11/2017 Pasal 107 huruf c angka 6".into(),
        }
    }

    /// Age is checked on the appointment date: a person of 56 stays
    /// eligible to the day before their 57th birthday.
    #[test]
    fn age_gives_the_last_day_of_eligibility() {
        let mut r = qualified();
        r.birth_date = date!(1970 - 03 - 10);
        let c = check_usia(&jpt_usia(), &r.candidate(), ON, Detail::All);
        assert_eq!(c.outcome, Outcome::Passed);
        assert_eq!(c.eligible_until, Some(date!(2027 - 03 - 09)));
        let on_last_day = check_usia(
            &jpt_usia(),
            &r.candidate(),
            date!(2027 - 03 - 09),
            Detail::None,
        );
        assert_eq!(on_last_day.outcome, Outcome::Passed);
        let next_day = check_usia(
            &jpt_usia(),
            &r.candidate(),
            date!(2027 - 03 - 10),
            Detail::None,
        );
        assert_eq!(next_day.outcome, Outcome::Failed);
        assert_eq!(next_day.eligible_until, None);
        // Born on 29 February: the 57th birthday falls on 28 February.
        r.birth_date = date!(1972 - 02 - 29);
        let c = check_usia(&jpt_usia(), &r.candidate(), ON, Detail::None);
        assert_eq!(c.eligible_until, Some(date!(2029 - 02 - 27)));

        let mut rule = administrator_rule();
        rule.usia = Some(jpt_usia());
        r.birth_date = date!(1970 - 03 - 10);
        let fields = health_fields();
        let position = Position {
            jenjang: Jenjang::Administrator,
            bidang_ilmu: &fields,
            min_pendidikan: None,
            min_golongan: None,
        };
        let e = rule.check(&position, &r.candidate(), ON);
        assert!(e.is_eligible());
        assert_eq!(e.eligible_until(), Some(date!(2027 - 03 - 09)));
        let verdict = rule.verdict(&position, &r.candidate(), ON);
        assert_eq!(verdict.eligible_until(), Some(date!(2027 - 03 - 09)));
        // Experience met on 15 December 2026, before the age limit: eligible
        // from then; met only after the limit: never by waiting.
        r.riwayat_jabatan[1].mulai = date!(2023 - 12 - 15);
        let e = rule.check(&position, &r.candidate(), ON);
        assert_eq!(e.eligible_from(), Some(date!(2026 - 12 - 15)));
        r.riwayat_jabatan[1].mulai = date!(2024 - 06 - 01);
        let e = rule.check(&position, &r.candidate(), ON);
        assert_eq!(
            outcome_of(&e, RuleKind::Pengalaman).eligible_from,
            Some(date!(2027 - 06 - 01))
        );
        assert_eq!(e.eligible_from(), None);
        assert_eq!(
            rule.verdict(&position, &r.candidate(), ON).eligible_from(),
            None
        );
        // Without an age rule nothing ends.
        assert_eq!(check_one(&qualified()).eligible_until(), None);
    }

    fn kompetensi_rule() -> KompetensiRule {
        KompetensiRule {
            manajerial: Level::new(3).unwrap(),
            sosial_kultural: Level::new(3).unwrap(),
            source: "PermenPANRB 38/2017 [R]".into(),
        }
    }

    fn assessed(each: u8) -> Levels {
        UMUM.iter()
            .cloned()
            .map(|k| (k, Level::new(each).unwrap()))
            .collect()
    }

    #[test]
    fn competencies_of_the_latest_assessment_against_the_levels() {
        let rule = kompetensi_rule();
        let mut r = qualified();
        let c = check_kompetensi(&rule, &r.candidate(), Detail::All);
        assert_eq!(c.outcome, Outcome::Unknown);
        assert_eq!(c.actual, "tidak ada data asesmen");
        assert_eq!(
            c.required,
            "level 3 pada setiap kompetensi manajerial dan level 3 Perekat Bangsa (asesmen terakhir)"
        );

        r.kompetensi = Some(assessed(3));
        let c = check_kompetensi(&rule, &r.candidate(), Detail::All);
        assert_eq!(
            (c.outcome, c.actual.as_str()),
            (Outcome::Passed, "semua kompetensi memenuhi")
        );

        // One below fails, whatever is unrated.
        let mut levels = assessed(4);
        levels.insert(
            Kompetensi::Manajerial(crate::kompetensi::Manajerial::KerjaSama),
            Level::new(2).unwrap(),
        );
        levels.remove(&Kompetensi::PerekatBangsa);
        r.kompetensi = Some(levels.clone());
        let c = check_kompetensi(&rule, &r.candidate(), Detail::All);
        assert_eq!(c.outcome, Outcome::Failed);
        assert_eq!(c.actual, "Kerja Sama level 2, Perekat Bangsa tidak dinilai");
        assert_eq!(c.eligible_from, None);

        // Only unrated: it might be met.
        levels.insert(
            Kompetensi::Manajerial(crate::kompetensi::Manajerial::KerjaSama),
            Level::new(3).unwrap(),
        );
        r.kompetensi = Some(levels);
        let c = check_kompetensi(&rule, &r.candidate(), Detail::All);
        assert_eq!(
            (c.outcome, c.actual.as_str()),
            (Outcome::Unknown, "Perekat Bangsa tidak dinilai")
        );
    }

    fn pengembangan_rule() -> PengembanganRule {
        PengembanganRule {
            jam: 20,
            years: 2,
            source: "PP 11/2017 Pasal 203 jo. PP 17/2020".into(),
        }
    }

    fn diklat(tanggal: Date, jam: Option<u16>) -> Diklat {
        Diklat { tanggal, jam }
    }

    /// PP 11/2017 Pasal 203: at least 20 JP a year, for each year of the
    /// window (2024 and 2025 on 23 November 2026).
    #[test]
    fn twenty_hours_of_training_in_each_year() {
        let rule = pengembangan_rule();
        let mut r = qualified();
        let run = |r: &CandidateRecords| check_pengembangan(&rule, &r.candidate(), ON, Detail::All);

        let c = run(&r);
        assert_eq!(c.outcome, Outcome::Failed);
        assert_eq!(c.actual, "2024: 0 JP, 2025: 0 JP");
        assert_eq!(
            c.required,
            "paling sedikit 20 JP setiap tahun pada tahun 2024 dan 2025"
        );

        // 12 + 8 in 2024, 24 in 2025, and 2026 (not in the window) ignored.
        r.diklat = vec![
            diklat(date!(2024 - 03 - 01), Some(12)),
            diklat(date!(2024 - 12 - 31), Some(8)),
            diklat(date!(2025 - 01 - 01), Some(24)),
            diklat(date!(2026 - 01 - 01), Some(2)),
        ];
        let c = run(&r);
        assert_eq!(
            (c.outcome, c.actual.as_str()),
            (Outcome::Passed, "2024: 20 JP, 2025: 24 JP")
        );

        // 19 JP in 2024: short by one hour, with the year and the hours.
        r.diklat[1].jam = Some(7);
        let c = run(&r);
        assert_eq!(
            (c.outcome, c.actual.as_str()),
            (Outcome::Failed, "2024: 19 JP, 2025: 24 JP")
        );
        assert_eq!(c.eligible_from, None);

        // The same training without its hours: it might fill the year.
        r.diklat[1].jam = None;
        let c = run(&r);
        assert_eq!(c.outcome, Outcome::Unknown);
        assert_eq!(
            c.actual,
            "2024: 12 JP dan 1 diklat tanpa jumlah jam pelajaran, 2025: 24 JP"
        );
        // A year short with no training to fill it still fails.
        r.diklat[2].jam = Some(10);
        assert_eq!(run(&r).outcome, Outcome::Failed);
        // A training without hours in a year already filled decides nothing.
        r.diklat[2].jam = Some(24);
        r.diklat[1].jam = Some(8);
        r.diklat.push(diklat(date!(2025 - 06 - 01), None));
        assert_eq!(run(&r).outcome, Outcome::Passed);
    }
}
