//! Rule sets: the configurable part of the regulations, with the date from
//! which each applies, so a past period can be re-run under the rules of its
//! time. The bundled default (`rules/default.toml`) carries every value with
//! its source and confidence mark; an instansi overrides it with its own file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::{add_months, add_years};
use crate::disiplin::{Hukuman, TingkatHukuman};
use crate::eligibility::PromotionRule;
use crate::jabatan::Jenjang;
use crate::kompetensi::{JpmCapping, JpmScheme};
use crate::nine_box::Cutoffs;
use crate::pendidikan::TingkatPendidikan;
use crate::score::Score;
use crate::talent::{KinerjaAxis, KinerjaAxisError, Weights, WeightsError};

time::serde::format_description!(pub(crate) iso_date, Date, "[year]-[month]-[day]");

/// One complete, validated set of rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub id: String,
    pub name: String,
    #[serde(with = "iso_date")]
    pub effective_from: Date,
    pub nine_box: Cutoffs,
    pub weights: Weights,
    /// The kinerja axis: predikat ranges and the penguat within them.
    pub kinerja: KinerjaAxis,
    pub scores: ScoreTables,
    pub jpm: JpmPolicy,
    pub talent_map: TalentMapPolicy,
    pub bup: BupTable,
    pub promotion: Vec<PromotionRule>,
    pub dokumen: crate::dokumen::DokumenPolicy,
    /// Talent pools (kelompok rencana suksesi) per target jenjang.
    pub pool: crate::pool::PoolPolicy,
    /// Succession plans for key positions: who is considered, readiness.
    pub succession: crate::succession::SuccessionPolicy,
    /// Retention flags of pool members and key-position holders.
    pub retention: crate::retention::RetentionPolicy,
    /// Suggested development types of an individual development plan.
    pub development: crate::development::DevelopmentPolicy,
}

/// Sub-scores that turn records into axis components.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreTables {
    pub kualifikasi: KualifikasiScores,
    pub integritas: IntegritasScores,
}

/// The kualifikasi component: formal education and the fit of the field of
/// study with the position (Kepka BKN 411/2025 pendidikan formal 10% and
/// kesesuaian bidang ilmu 10% [S]; the scores are the PUPR rubric's,
/// domain.md §4.7 [S]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KualifikasiScores {
    pub weights: KualifikasiWeights,
    /// Score per education level; every level must be listed.
    pub pendidikan: BTreeMap<TingkatPendidikan, Score>,
    pub bidang: BidangScores,
    pub source: String,
}

/// Weights of the two parts of kualifikasi, in whole percent, summing to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KualifikasiWeights {
    pub pendidikan: u8,
    pub bidang: u8,
}

/// Field-of-study fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BidangScores {
    /// The field is one the position accepts, or the position accepts any.
    pub sesuai: Score,
    pub tidak_sesuai: Score,
}

impl KualifikasiScores {
    pub fn pendidikan(&self, tingkat: TingkatPendidikan) -> Option<Score> {
        self.pendidikan.get(&tingkat).copied()
    }

    fn validate(&self) -> Result<(), RuleSetError> {
        let sum = u32::from(self.weights.pendidikan) + u32::from(self.weights.bidang);
        if sum != 100 {
            return Err(WeightsError {
                group: "scores.kualifikasi",
                sum,
            }
            .into());
        }
        match TingkatPendidikan::ALL
            .into_iter()
            .find(|t| self.pendidikan(*t).is_none())
        {
            Some(missing) => Err(RuleSetError::MissingPendidikanScore(missing)),
            None => Ok(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntegritasScores {
    pub bersih: Score,
    pub ringan: Score,
    pub sedang: Score,
    pub berat: Score,
    pub sedang_menjalani: Score,
    pub source: String,
}

impl IntegritasScores {
    /// The integrity component on `on`: `sedang_menjalani` while any
    /// sanction is in force, else by the heaviest sanction that took effect
    /// in the `lookback_years` up to `on` (both ends inclusive), else
    /// `bersih`. An empty record is clean: PP 94/2021 records sanctions, not
    /// their absence, so no record means none was imposed.
    pub fn score(&self, hukuman: &[Hukuman], on: Date, lookback_years: u8) -> Score {
        if hukuman.iter().any(|h| h.in_force_on(on)) {
            return self.sedang_menjalani;
        }
        // `mulai` + N years ≥ `on` rather than `on` − N years ≤ `mulai`:
        // calendar.rs only adds, and a sum past the year 9999 is recent.
        let recent = |h: &&Hukuman| {
            h.mulai <= on
                && add_years(h.mulai, u32::from(lookback_years)).is_none_or(|until| until >= on)
        };
        match hukuman.iter().filter(recent).map(|h| h.tingkat).max() {
            None => self.bersih,
            Some(TingkatHukuman::Ringan) => self.ringan,
            Some(TingkatHukuman::Sedang) => self.sedang,
            Some(TingkatHukuman::Berat) => self.berat,
        }
    }
}

/// Which records the talent map of a period reads ([`crate::talent_map`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalentMapPolicy {
    /// Annual SKP of this many years before the period's year are averaged.
    pub skp_years: u8,
    /// An assessment older than this many years at the period's end is not
    /// used.
    pub asesmen_max_age_years: u8,
    /// Past sanctions that took effect within this many years before the
    /// period's end lower the integrity score.
    pub hukdis_lookback_years: u8,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JpmPolicy {
    pub scheme: JpmScheme,
    pub capping: JpmCapping,
}

/// Batas usia pensiun per jenjang.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BupTable {
    pub source: String,
    pub years: BTreeMap<Jenjang, u8>,
}

impl BupTable {
    pub fn years(&self, jenjang: Jenjang) -> Option<u8> {
        self.years.get(&jenjang).copied()
    }

    /// TMT pensiun: the first day of the month after the birthday on which
    /// the person reaches BUP (pension takes effect at the start of the next
    /// month [R]).
    pub fn pensiun_on(&self, birth: Date, jenjang: Jenjang) -> Option<Date> {
        let birthday = add_years(birth, u32::from(self.years(jenjang)?))?;
        add_months(birthday.replace_day(1).ok()?, 1)
    }
}

/// Why a rule set cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleSetError {
    #[error("{0}")]
    Syntax(String),
    #[error(transparent)]
    Weights(#[from] WeightsError),
    #[error(transparent)]
    Kinerja(#[from] KinerjaAxisError),
    #[error("more than one promotion rule for {0}")]
    DuplicateTarget(Jenjang),
    #[error("no BUP for {0}")]
    MissingBup(Jenjang),
    #[error("no kualifikasi score for pendidikan {0}")]
    MissingPendidikanScore(TingkatPendidikan),
    #[error("talent_map.skp_years must be at least 1")]
    NoSkpYears,
    #[error("pool.targets: no promotion rule for {0}")]
    PoolTarget(Jenjang),
}

const BUNDLED: &str = include_str!("../rules/default.toml");

impl RuleSet {
    /// Parses and validates a rule set written in TOML.
    pub fn from_toml(text: &str) -> Result<RuleSet, RuleSetError> {
        let rules: RuleSet =
            toml::from_str(text).map_err(|e| RuleSetError::Syntax(e.to_string()))?;
        rules.weights.validate()?;
        rules.kinerja.validate(rules.nine_box.kinerja)?;
        rules.scores.kualifikasi.validate()?;
        if rules.talent_map.skp_years == 0 {
            return Err(RuleSetError::NoSkpYears);
        }
        for (i, rule) in rules.promotion.iter().enumerate() {
            if rules
                .promotion
                .iter()
                .skip(i + 1)
                .any(|r| r.target == rule.target)
            {
                return Err(RuleSetError::DuplicateTarget(rule.target));
            }
        }
        if let Some(missing) = Jenjang::ALL
            .into_iter()
            .find(|j| rules.bup.years(*j).is_none())
        {
            return Err(RuleSetError::MissingBup(missing));
        }
        if let Some(target) = rules
            .pool
            .targets
            .iter()
            .find(|t| rules.promotion_rule(**t).is_none())
        {
            return Err(RuleSetError::PoolTarget(*target));
        }
        Ok(rules)
    }

    /// A fingerprint of every value of the rule set (64-bit FNV-1a of its
    /// canonical TOML, 16 hex digits): two runs under the same fingerprint
    /// used the same rules, whatever the `id` says. It identifies, it does
    /// not protect: it is not a cryptographic hash.
    pub fn fingerprint(&self) -> String {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let text = toml::to_string(self).unwrap_or_else(|_| format!("{self:?}"));
        let hash = text
            .bytes()
            .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
        format!("{hash:016x}")
    }

    /// The default rule set shipped with Talenta.
    pub fn bundled() -> Result<RuleSet, RuleSetError> {
        RuleSet::from_toml(BUNDLED)
    }

    /// The bundled file's text, to start an instansi's own copy from.
    pub fn bundled_text() -> &'static str {
        BUNDLED
    }

    pub fn promotion_rule(&self, target: Jenjang) -> Option<&PromotionRule> {
        self.promotion.iter().find(|r| r.target == target)
    }
}

/// Rule sets over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleBook(Vec<RuleSet>);

impl RuleBook {
    pub fn new(mut sets: Vec<RuleSet>) -> RuleBook {
        sets.sort_by_key(|s| s.effective_from);
        RuleBook(sets)
    }

    /// The rule set in force on `date`: the latest that took effect on or
    /// before it.
    pub fn in_force_on(&self, date: Date) -> Option<&RuleSet> {
        self.0.iter().rev().find(|s| s.effective_from <= date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disiplin::TingkatHukuman;
    use crate::skp::Predikat;
    use time::macros::date;

    #[test]
    fn the_bundled_rule_set_loads_with_the_documented_defaults() {
        let rules = RuleSet::bundled().unwrap();
        assert_eq!(rules.nine_box.kinerja.high(), Score::whole(80).unwrap());
        assert_eq!(rules.nine_box.potensial.mid(), Score::whole(60).unwrap());
        assert_eq!(rules.weights.nilai_talenta.kinerja, 50);
        assert_eq!(rules.weights.potensial.kompetensi, 40);
        assert_eq!(rules.weights.potensial.potensi, 25);
        assert_eq!(rules.weights.potensial.kualifikasi, 20);
        assert_eq!(rules.weights.potensial.integritas, 15);
        assert_eq!(
            rules.kinerja.range(Predikat::Baik),
            (
                Score::whole(60).unwrap(),
                Score::from_hundredths(7999).unwrap()
            )
        );
        assert_eq!(rules.kinerja.missing_penguat, Score::ZERO);
        assert_eq!(
            (
                rules.talent_map.skp_years,
                rules.talent_map.asesmen_max_age_years,
                rules.talent_map.hukdis_lookback_years
            ),
            (2, 3, 2)
        );
        let targets: Vec<Jenjang> = rules.promotion.iter().map(|r| r.target).collect();
        assert_eq!(
            targets,
            [
                Jenjang::Pengawas,
                Jenjang::Administrator,
                Jenjang::JptPratama,
                Jenjang::JptMadya,
                Jenjang::JptUtama
            ]
        );
        let pratama = rules.promotion_rule(Jenjang::JptPratama).unwrap();
        assert_eq!(pratama.usia.as_ref().map(|u| u.max_years), Some(56));
        assert_eq!(pratama.pengalaman.len(), 2);
    }

    /// BUP by jenjang, domain.md §7.6.
    #[test]
    fn bup_table_and_pension_date() {
        let rules = RuleSet::bundled().unwrap();
        let expected = [
            (Jenjang::JptPratama, 60),
            (Jenjang::Administrator, 58),
            (Jenjang::Pengawas, 58),
            (Jenjang::Pelaksana, 58),
            (Jenjang::AhliMadya, 60),
            (Jenjang::AhliUtama, 65),
            (Jenjang::Terampil, 58),
        ];
        for (jenjang, years) in expected {
            assert_eq!(rules.bup.years(jenjang), Some(years), "{jenjang:?}");
        }
        assert_eq!(
            rules
                .bup
                .pensiun_on(date!(1968 - 05 - 17), Jenjang::Administrator),
            Some(date!(2026 - 06 - 01))
        );
    }

    #[test]
    fn integrity_score_by_heaviest_sanction() {
        let t = RuleSet::bundled().unwrap().scores.integritas;
        let on = date!(2026 - 11 - 23);
        let h = |tingkat, mulai, akhir| Hukuman {
            tingkat,
            jenis: None,
            mulai,
            akhir: Some(akhir),
        };
        assert_eq!(t.score(&[], on, 99), Score::whole(100).unwrap());
        let past = [
            h(
                TingkatHukuman::Ringan,
                date!(2020 - 01 - 01),
                date!(2020 - 01 - 01),
            ),
            h(
                TingkatHukuman::Sedang,
                date!(2021 - 01 - 01),
                date!(2021 - 06 - 30),
            ),
        ];
        assert_eq!(t.score(&past, on, 99), Score::whole(50).unwrap());
        let serving = [h(TingkatHukuman::Ringan, on, on)];
        assert_eq!(t.score(&serving, on, 0), Score::ZERO);
        // Outside the lookback the record is clean again; a sanction that
        // took effect exactly N years before `on` still counts.
        assert_eq!(t.score(&past, on, 2), Score::whole(100).unwrap());
        let edge = [h(
            TingkatHukuman::Berat,
            date!(2024 - 11 - 23),
            date!(2025 - 11 - 22),
        )];
        assert_eq!(t.score(&edge, on, 2), Score::whole(25).unwrap());
        assert_eq!(
            t.score(&edge, date!(2026 - 11 - 24), 2),
            Score::whole(100).unwrap()
        );
        // A sanction after `on` has not happened yet.
        let later = [h(
            TingkatHukuman::Berat,
            date!(2026 - 11 - 24),
            date!(2027 - 11 - 23),
        )];
        assert_eq!(t.score(&later, on, 99), Score::whole(100).unwrap());
    }

    /// The PUPR rubric's education scores (domain.md §4.7): S3 100, S2 90,
    /// S1/D4 80, D3 70, SLTA 60; D1/D2 as SLTA and lower levels 50.
    #[test]
    fn kualifikasi_scores_reproduce_the_pupr_rubric() {
        use TingkatPendidikan::*;
        let t = RuleSet::bundled().unwrap().scores.kualifikasi;
        let expected = [
            (S3, 100),
            (S2, 90),
            (S1, 80),
            (D4, 80),
            (D3, 70),
            (D2, 60),
            (D1, 60),
            (Slta, 60),
            (SltaKejuruan, 60),
            (SltaKeguruan, 60),
            (Sltp, 50),
            (SltpKejuruan, 50),
            (Sd, 50),
        ];
        assert_eq!(expected.len(), TingkatPendidikan::ALL.len());
        for (tingkat, score) in expected {
            assert_eq!(t.pendidikan(tingkat), Score::whole(score), "{tingkat}");
        }
        assert_eq!(
            (t.weights.pendidikan, t.weights.bidang),
            (50, 50),
            "Kepka BKN 411/2025: 10% and 10%"
        );
        assert_eq!(
            (t.bidang.sesuai, t.bidang.tidak_sesuai),
            (Score::whole(100).unwrap(), Score::whole(50).unwrap())
        );
    }

    #[test]
    fn invalid_files_are_rejected_with_the_reason() {
        let text = RuleSet::bundled_text();
        let bad_weights = text.replace("integritas = 15", "integritas = 10");
        assert_eq!(
            RuleSet::from_toml(&bad_weights).unwrap_err().to_string(),
            "weights of potensial sum to 95, not 100"
        );
        let bad_cutoffs = text.replacen("high = 80\nmid = 60", "high = 60\nmid = 80", 1);
        let error = RuleSet::from_toml(&bad_cutoffs).unwrap_err().to_string();
        assert!(
            error.contains("cut-offs must have the upper above the lower"),
            "{error}"
        );
        let unknown = text.replace("[jpm]", "[jpm]\nextra = 1");
        assert!(RuleSet::from_toml(&unknown).is_err());
        let no_bup = text.replace("pemula = 58", "");
        assert_eq!(
            RuleSet::from_toml(&no_bup),
            Err(RuleSetError::MissingBup(Jenjang::Pemula))
        );
        let bad_kualifikasi = text.replace(
            "pendidikan = 50\nbidang = 50",
            "pendidikan = 50\nbidang = 40",
        );
        assert_eq!(
            RuleSet::from_toml(&bad_kualifikasi)
                .unwrap_err()
                .to_string(),
            "weights of scores.kualifikasi sum to 90, not 100"
        );
        let no_sd = text.replace("SD = 50", "");
        assert_eq!(
            RuleSet::from_toml(&no_sd).unwrap_err().to_string(),
            "no kualifikasi score for pendidikan SD"
        );
        let over = text.replace("S3 = 100", "S3 = 101");
        assert!(RuleSet::from_toml(&over).is_err());
        let unknown_level = text.replace("S3 = 100", "S3 = 100\nS4 = 100");
        assert!(RuleSet::from_toml(&unknown_level).is_err());
        let crossing = text.replace("\nbaik = 60", "\nbaik = 65");
        assert_eq!(
            RuleSet::from_toml(&crossing).unwrap_err().to_string(),
            "kinerja.predikat: the range of Butuh Perbaikan (40 to 64.99) crosses the kinerja cut-off 60 of [nine_box.kinerja]: a predikat must decide the band"
        );
        let no_years = text.replace("skp_years = 2", "skp_years = 0");
        assert_eq!(RuleSet::from_toml(&no_years), Err(RuleSetError::NoSkpYears));
        let no_section = text.replace("[talent_map]", "[talent_map_old]");
        assert!(RuleSet::from_toml(&no_section).is_err());
    }

    #[test]
    fn the_rule_book_picks_the_set_in_force() {
        let old = RuleSet {
            id: "old".into(),
            effective_from: date!(2020 - 01 - 01),
            ..RuleSet::bundled().unwrap()
        };
        let new = RuleSet::bundled().unwrap();
        let book = RuleBook::new(vec![new.clone(), old.clone()]);
        assert_eq!(
            book.in_force_on(date!(2025 - 06 - 30))
                .map(|s| s.id.as_str()),
            Some("old")
        );
        assert_eq!(book.in_force_on(date!(2026 - 01 - 01)), Some(&new));
        assert_eq!(book.in_force_on(date!(2019 - 12 - 31)), None);
    }
}
