//! Talent pools (kelompok rencana suksesi, KRS) of a period, per target
//! jenjang: KRS Instansi from boxes 7, 8 and 9, KRS Nasional from box 9
//! (BKN KMS, domain.md §2.3). PP 11/2017 Pasal 199 ayat (2) (jo. PP
//! 17/2020): the KRS is a group of PNS (PPPK may hold only JF and JPT posts,
//! PP 49/2018; a CPNS is not a PNS yet) who meet (a) the competencies of
//! the jabatan's classification: the latest assessment's levels against the
//! minimum set for the target's pool (bundled: the standard of the jenjang
//! that feeds it, [R]); (b) the competency-development
//! obligation: 20 JP of training a year (Pasal 203); (c) kinerja at least
//! baik in the last 2 years; and, from selection practice, no hukuman
//! disiplin sedang or berat in force. The boxes and gates are data
//! ([`PoolPolicy`]); the gates are checked by the promotion-eligibility
//! engine ([`PromotionRule`]), so a person left out sees the same rule,
//! source, actual and required values and date as anywhere else.
//!
//! A pool is ranked by the continuous Nilai Talenta, not by box alone
//! ([`crate::cycle::by_talent`]).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::cycle::{Talent, by_talent};
use crate::eligibility::{
    Check, DisiplinRule, KompetensiRule, PengembanganRule, Position, PromotionRule, SkpRule,
    StatusRule,
};
use crate::jabatan::Jenjang;
use crate::kompetensi::Level;
use crate::nine_box::Kotak;
use crate::nip::Nip;
use crate::ruleset::RuleSet;
use crate::score::Score;

/// Which boxes feed which pool, for which targets, and the gates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolPolicy {
    /// Target jenjang with a pool; each needs a promotion rule, whose first
    /// experience list names the jenjang that feed it.
    pub targets: Vec<Jenjang>,
    /// Boxes of KRS Instansi.
    pub instansi: Vec<Kotak>,
    /// Boxes of KRS Nasional.
    pub nasional: Vec<Kotak>,
    /// Who may be in a pool at all: PNS.
    pub status: StatusRule,
    /// Competency development: hours of training a year.
    pub pengembangan: PengembanganRule,
    pub skp: SkpRule,
    pub disiplin: DisiplinRule,
    /// Minimum competency levels, one entry per target.
    pub kompetensi: Vec<PoolKompetensi>,
    pub source: String,
}

/// The minimum competency levels of the latest assessment for the pool of
/// one target jenjang ([`KompetensiRule`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolKompetensi {
    pub target: Jenjang,
    pub manajerial: Level,
    pub sosial_kultural: Level,
    pub source: String,
}

/// KRS Instansi or KRS Nasional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoolKind {
    Instansi,
    Nasional,
}

impl PoolKind {
    pub const ALL: [PoolKind; 2] = [PoolKind::Instansi, PoolKind::Nasional];

    pub const fn code(self) -> &'static str {
        match self {
            PoolKind::Instansi => "instansi",
            PoolKind::Nasional => "nasional",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            PoolKind::Instansi => "KRS Instansi",
            PoolKind::Nasional => "KRS Nasional",
        }
    }
}

/// A member of a pool, ranked from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub rank: u32,
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    pub kotak: Kotak,
    pub nilai_talenta: Score,
}

/// Someone whose box qualifies but who fails a gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Left {
    pub nip: Nip,
    pub nama: String,
    pub kotak: Kotak,
    pub nilai_talenta: Score,
    /// Every gate that did not pass.
    pub failures: Vec<Check>,
    /// The day time alone would let them in, if it would.
    pub eligible_from: Option<Date>,
}

/// One pool of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pool {
    pub target: Jenjang,
    pub kind: PoolKind,
    pub members: Vec<Member>,
    pub left_out: Vec<Left>,
}

impl PoolPolicy {
    pub fn boxes(&self, kind: PoolKind) -> &[Kotak] {
        match kind {
            PoolKind::Instansi => &self.instansi,
            PoolKind::Nasional => &self.nasional,
        }
    }

    /// The competency minimum of `target`'s pool.
    pub fn kompetensi(&self, target: Jenjang) -> Option<&PoolKompetensi> {
        self.kompetensi.iter().find(|k| k.target == target)
    }

    /// The gates of `target`'s pool as a promotion rule: status,
    /// competencies, competency development, SKP and discipline.
    fn gates(&self, target: Jenjang) -> PromotionRule {
        PromotionRule {
            target,
            status: Some(self.status.clone()),
            pendidikan: None,
            bidang_ilmu: None,
            golongan: None,
            pengalaman: Vec::new(),
            skp: Some(self.skp.clone()),
            disiplin: Some(self.disiplin.clone()),
            usia: None,
            kompetensi: self.kompetensi(target).map(|k| KompetensiRule {
                manajerial: k.manajerial,
                sosial_kultural: k.sosial_kultural,
                source: k.source.clone(),
            }),
            pengembangan: Some(self.pengembangan.clone()),
        }
    }
}

/// The jenjang whose holders are in line for `target`: those of the first
/// experience requirement of its promotion rule that names jenjang.
pub fn feeders(rules: &RuleSet, target: Jenjang) -> &[Jenjang] {
    rules
        .promotion_rule(target)
        .and_then(|r| r.pengalaman.iter().find(|p| !p.jenjang.is_empty()))
        .map_or(&[], |p| p.jenjang.as_slice())
}

/// Every pool of the rule set (each target, instansi then nasional) over the
/// placed people of a period, with gates checked on `on` (the period's last
/// day).
pub fn pools(rules: &RuleSet, people: &[Talent<'_>], on: Date) -> Vec<Pool> {
    let mut sorted: Vec<&Talent<'_>> = people.iter().collect();
    sorted.sort_by(|a, b| by_talent(a, b));
    let mut out = Vec::new();
    for target in &rules.pool.targets {
        let feeders = feeders(rules, *target);
        let gates = rules.pool.gates(*target);
        let position = Position {
            jenjang: *target,
            bidang_ilmu: &[],
            min_pendidikan: None,
            min_golongan: None,
        };
        // Gates once per person, shared by both pools of the target.
        let in_line: Vec<(&Talent<'_>, crate::eligibility::Eligibility)> = sorted
            .iter()
            .filter(|t| t.jenjang.is_some_and(|j| feeders.contains(&j)))
            .filter(|t| {
                rules.pool.instansi.contains(&t.kotak) || rules.pool.nasional.contains(&t.kotak)
            })
            .map(|t| (*t, gates.check_failures(&position, &t.candidate, on)))
            .collect();
        for kind in PoolKind::ALL {
            let boxes = rules.pool.boxes(kind);
            let mut pool = Pool {
                target: *target,
                kind,
                members: Vec::new(),
                left_out: Vec::new(),
            };
            for (talent, eligibility) in in_line.iter().filter(|(t, _)| boxes.contains(&t.kotak)) {
                if eligibility.is_eligible() {
                    let rank = u32::try_from(pool.members.len())
                        .unwrap_or(u32::MAX)
                        .saturating_add(1);
                    pool.members.push(Member {
                        rank,
                        nip: talent.nip,
                        nama: talent.nama.to_owned(),
                        opd: talent.opd.to_owned(),
                        kotak: talent.kotak,
                        nilai_talenta: talent.nilai_talenta,
                    });
                } else {
                    pool.left_out.push(Left {
                        nip: talent.nip,
                        nama: talent.nama.to_owned(),
                        kotak: talent.kotak,
                        nilai_talenta: talent.nilai_talenta,
                        failures: eligibility.failures().cloned().collect(),
                        eligible_from: eligibility.eligible_from(),
                    });
                }
            }
            out.push(pool);
        }
    }
    out
}
