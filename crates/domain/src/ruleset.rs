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
use crate::personnel::Jabatan;
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
    /// The six-monthly evaluation of officeholders.
    pub evaluasi: crate::evaluasi::EvaluasiPolicy,
    /// The smallest count shown to those who see counts but not persons.
    pub privasi: crate::privasi::Privasi,
    /// When the merit audit flags a gap between groups.
    pub merit: crate::merit::MeritPolicy,
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

/// Batas usia pensiun (BUP): per jenjang (PP 11/2017 Pasal 239 ayat (2),
/// UU 20/2023 Pasal 55), and per family of jabatan fungsional whose BUP a
/// law sets, which PNS in it keep (PP 11/2017 Pasal 240).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BupTable {
    pub source: String,
    pub years: BTreeMap<Jenjang, u8>,
    /// Families of jabatan fungsional by name (`guru`, `dosen`).
    pub fungsional: BTreeMap<String, BupFungsional>,
}

/// The BUP a law sets for one family of jabatan fungsional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BupFungsional {
    /// How the family's positions are named. A position of a JF jenjang
    /// belongs to the family when its name begins with one of these, word
    /// for word and in any case (`Guru` takes `Guru Kelas` and `Guru
    /// Matematika Ahli Muda`, not `Kepala Bidang Guru`); the longest name
    /// that matches decides (`Guru Besar` before `Guru`).
    pub names: Vec<String>,
    pub years: u8,
    pub source: String,
}

/// A person's retirement: the day pension takes effect and the BUP it
/// follows, with that BUP's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pensiun<'a> {
    /// TMT pensiun.
    pub tmt: Date,
    /// BUP in years.
    pub bup: u8,
    pub source: &'a str,
}

/// The source of a BUP recorded on the position itself.
const BUP_JABATAN: &str = "BUP yang tercatat pada data jabatan (kolom bup); PP 11/2017 Pasal 240";

impl BupTable {
    pub fn years(&self, jenjang: Jenjang) -> Option<u8> {
        self.years.get(&jenjang).copied()
    }

    /// When the holder of `jabatan`, born on `birth`, retires. The BUP is
    /// the position's own (its `bup` column), else its JF family's, else its
    /// jenjang's. TMT pensiun is the first day of the month after the
    /// birthday on which the person reaches BUP (pension takes effect at the
    /// start of the next month [R]).
    pub fn pensiun(&self, birth: Date, jabatan: &Jabatan) -> Option<Pensiun<'_>> {
        let (bup, source) = match jabatan.bup {
            Some(years) => (years, BUP_JABATAN),
            None => match self.family(jabatan) {
                Some(family) => (family.years, family.source.as_str()),
                None => (self.years(jabatan.jenjang)?, self.source.as_str()),
            },
        };
        let birthday = add_years(birth, u32::from(bup))?;
        Some(Pensiun {
            tmt: add_months(birthday.replace_day(1).ok()?, 1)?,
            bup,
            source,
        })
    }

    /// The JF family `jabatan` belongs to, by the longest of the families'
    /// names its name begins with; none for a position outside the JF
    /// jenjang (a `Kepala Sekolah` filed as administrator is not a guru).
    fn family(&self, jabatan: &Jabatan) -> Option<&BupFungsional> {
        if !jabatan.jenjang.is_fungsional() {
            return None;
        }
        self.fungsional
            .values()
            .flat_map(|family| {
                family
                    .names
                    .iter()
                    .filter_map(|name| leading_words(name, &jabatan.nama))
                    .map(move |words| (words, family))
            })
            .max_by_key(|(words, _)| *words)
            .map(|(_, family)| family)
    }

    fn validate(&self) -> Result<(), RuleSetError> {
        if let Some(missing) = Jenjang::ALL.into_iter().find(|j| self.years(*j).is_none()) {
            return Err(RuleSetError::MissingBup(missing));
        }
        let mut seen: Vec<Vec<String>> = Vec::new();
        for (family, bup) in &self.fungsional {
            if bup.names.is_empty() {
                return Err(RuleSetError::BupWithoutNames(family.clone()));
            }
            for name in &bup.names {
                let key: Vec<String> = words(name).map(str::to_lowercase).collect();
                if key.is_empty() || seen.contains(&key) {
                    return Err(RuleSetError::BupName(name.clone()));
                }
                seen.push(key);
            }
        }
        Ok(())
    }
}

/// The words of a name: its runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// How many words `prefix` has, when `name` begins with all of them (in any
/// case); `None` when it does not.
fn leading_words(prefix: &str, name: &str) -> Option<usize> {
    let mut name = words(name);
    let mut count = 0;
    for word in words(prefix) {
        let same = |w: &str| {
            w.chars()
                .flat_map(char::to_lowercase)
                .eq(word.chars().flat_map(char::to_lowercase))
        };
        if !name.next().is_some_and(same) {
            return None;
        }
        count += 1;
    }
    (count > 0).then_some(count)
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
    #[error("bup.fungsional.{0}: no names")]
    BupWithoutNames(String),
    #[error("bup.fungsional: the name {0:?} has no words or is listed twice")]
    BupName(String),
    #[error("no kualifikasi score for pendidikan {0}")]
    MissingPendidikanScore(TingkatPendidikan),
    #[error("talent_map.skp_years must be at least 1")]
    NoSkpYears,
    #[error("pool.targets: no promotion rule for {0}")]
    PoolTarget(Jenjang),
    #[error("pool.kompetensi: no minimum levels for the pool of {0}")]
    PoolKompetensiMissing(Jenjang),
    #[error("pool.kompetensi: {0} is not in pool.targets, or is listed twice")]
    PoolKompetensiExtra(Jenjang),
    #[error("succession.target: no promotion rule for {0}")]
    SuccessionTarget(Jenjang),
    #[error("succession.target: {0} is in more than one target")]
    SuccessionDuplicate(Jenjang),
    #[error("succession.target: no succession target for {0}, which has a promotion rule")]
    SuccessionMissing(Jenjang),
    #[error("evaluasi.jpm.minimum: {} is not a category of the [jpm] scheme", .0.label())]
    EvaluasiJpm(crate::kompetensi::JpmCategory),
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
        rules.bup.validate()?;
        if let Some(target) = rules
            .pool
            .targets
            .iter()
            .find(|t| rules.promotion_rule(**t).is_none())
        {
            return Err(RuleSetError::PoolTarget(*target));
        }
        rules.validate_pool_kompetensi()?;
        rules.validate_succession()?;
        let minimum = rules.evaluasi.jpm.minimum;
        if !rules.jpm.scheme.categories().contains(&minimum) {
            return Err(RuleSetError::EvaluasiJpm(minimum));
        }
        Ok(rules)
    }

    /// One competency minimum per pool target, and none for anything else.
    fn validate_pool_kompetensi(&self) -> Result<(), RuleSetError> {
        let pool = &self.pool;
        if let Some(target) = pool.targets.iter().find(|t| pool.kompetensi(**t).is_none()) {
            return Err(RuleSetError::PoolKompetensiMissing(*target));
        }
        for (i, k) in pool.kompetensi.iter().enumerate() {
            let twice = pool
                .kompetensi
                .iter()
                .skip(i + 1)
                .any(|o| o.target == k.target);
            if twice || !pool.targets.contains(&k.target) {
                return Err(RuleSetError::PoolKompetensiExtra(k.target));
            }
        }
        Ok(())
    }

    /// Every jenjang of a succession target has a promotion rule (its
    /// hard rules and feeders), is in one target only, and every promotion
    /// rule's jenjang has a succession target.
    fn validate_succession(&self) -> Result<(), RuleSetError> {
        let named = || self.succession.targets.iter().flat_map(|t| &t.jenjang);
        if let Some(j) = named().find(|j| self.promotion_rule(**j).is_none()) {
            return Err(RuleSetError::SuccessionTarget(*j));
        }
        if let Some(j) = named().find(|j| named().filter(|o| o == j).count() > 1) {
            return Err(RuleSetError::SuccessionDuplicate(*j));
        }
        if let Some(rule) = self
            .promotion
            .iter()
            .find(|r| self.succession.of(r.target).is_none())
        {
            return Err(RuleSetError::SuccessionMissing(rule.target));
        }
        Ok(())
    }

    /// A fingerprint of every value of the rule set (64-bit FNV-1a of its
    /// canonical TOML, 16 hex digits): two runs under the same fingerprint
    /// used the same rules, whatever the `id` says. It identifies, it does
    /// not protect: it is not a cryptographic hash.
    pub fn fingerprint(&self) -> String {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let text = self.to_toml().unwrap_or_else(|_| format!("{self:?}"));
        let hash = text
            .bytes()
            .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
        format!("{hash:016x}")
    }

    /// The canonical TOML of every value (comments and layout of the file
    /// it came from are not kept): what a talent map stores beside itself,
    /// so that its period is closed under the same rules after the bundled
    /// ones change; [`RuleSet::from_toml`] reads it back to an equal set.
    pub fn to_toml(&self) -> Result<String, RuleSetError> {
        toml::to_string(self).map_err(|e| RuleSetError::Syntax(e.to_string()))
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
    use crate::Kotak;
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

    /// BUP by jenjang, PP 11/2017 Pasal 239 ayat (2), cell by cell: 58 for
    /// pejabat administrasi, JF ahli muda, ahli pertama and keterampilan; 60
    /// for JPT and JF ahli madya; 65 for JF ahli utama.
    #[test]
    fn bup_per_jenjang_reproduces_pasal_239() {
        use Jenjang::*;
        let rules = RuleSet::bundled().unwrap();
        let expected = [
            (JptUtama, 60),
            (JptMadya, 60),
            (JptPratama, 60),
            (Administrator, 58),
            (Pengawas, 58),
            (Pelaksana, 58),
            (AhliUtama, 65),
            (AhliMadya, 60),
            (AhliMuda, 58),
            (AhliPertama, 58),
            (Penyelia, 58),
            (Mahir, 58),
            (Terampil, 58),
            (Pemula, 58),
        ];
        assert_eq!(expected.len(), Jenjang::ALL.len());
        for (jenjang, years) in expected {
            assert_eq!(rules.bup.years(jenjang), Some(years), "{jenjang:?}");
        }
    }

    fn jabatan(nama: &str, jenjang: Jenjang, bup: Option<u8>) -> Jabatan {
        Jabatan {
            bup,
            ..Jabatan::named(nama, jenjang)
        }
    }

    /// TMT pensiun and the BUP it follows: the position's own, else its JF
    /// family's (PP 11/2017 Pasal 240), else its jenjang's.
    #[test]
    fn a_persons_bup_by_position_family_and_jenjang() {
        use Jenjang::*;
        let rules = RuleSet::bundled().unwrap();
        let bup = &rules.bup;
        let born = date!(1968 - 05 - 17);
        let on = |nama: &str, jenjang, own| {
            let p = bup.pensiun(born, &jabatan(nama, jenjang, own)).unwrap();
            (p.bup, p.tmt)
        };
        // The jenjang table: 58, pension on the first of the next month.
        assert_eq!(
            on("Kepala Bagian Umum", Administrator, None),
            (58, date!(2026 - 06 - 01))
        );
        // Guru, UU 14/2005 Pasal 30 ayat (4): 60 at every JF jenjang, though
        // ahli pertama and muda are 58 and ahli utama 65 by jenjang.
        for jenjang in [AhliPertama, AhliMuda, AhliMadya, AhliUtama] {
            assert_eq!(
                on("Guru Kelas SD Negeri 1", jenjang, None),
                (60, date!(2028 - 06 - 01)),
                "{jenjang:?}"
            );
        }
        assert_eq!(on("GURU MATEMATIKA", AhliMuda, None).0, 60);
        let guru = bup.pensiun(born, &jabatan("Guru", AhliMuda, None)).unwrap();
        assert!(
            guru.source.contains("UU 14/2005 Pasal 30 ayat (4)"),
            "{}",
            guru.source
        );
        // Dosen, UU 14/2005 Pasal 67 ayat (4): 65, by name or jabatan akademik.
        for nama in [
            "Dosen Ahli Madya",
            "Asisten Ahli",
            "Lektor",
            "Lektor Kepala",
        ] {
            assert_eq!(
                on(nama, AhliMadya, None),
                (65, date!(2033 - 06 - 01)),
                "{nama}"
            );
        }
        // The longest name decides: a guru besar is a profesor, not a guru.
        assert_eq!(on("Guru Besar", AhliUtama, None).0, 70);
        // A JF of no family keeps its jenjang's BUP.
        assert_eq!(on("Perawat Ahli Muda", AhliMuda, None).0, 58);
        assert_eq!(on("Perawat Ahli Madya", AhliMadya, None).0, 60);
        // Only whole leading words match, and only at a JF jenjang.
        assert_eq!(on("Gurulatih Ahli Muda", AhliMuda, None).0, 58);
        assert_eq!(on("Pengawas Sekolah Guru", AhliMuda, None).0, 58);
        assert_eq!(
            on("Guru dan Tenaga Kependidikan", Administrator, None).0,
            58
        );
        assert_eq!(on("Guru Honorer", Pelaksana, None).0, 58);
        // The position's own BUP overrides family and jenjang.
        let own = bup
            .pensiun(born, &jabatan("Guru Kelas", AhliMuda, Some(62)))
            .unwrap();
        assert_eq!((own.bup, own.tmt), (62, date!(2030 - 06 - 01)));
        assert!(own.source.contains("kolom bup"), "{}", own.source);
        assert_eq!(on("Kepala Sekolah", AhliMadya, Some(60)).0, 60);
        // A birthday on the first of a month: pension the month after.
        let first = bup
            .pensiun(
                date!(1966 - 01 - 01),
                &jabatan("Guru Kelas", AhliMuda, None),
            )
            .unwrap();
        assert_eq!(first.tmt, date!(2026 - 02 - 01));
    }

    /// Each source cites the article that holds its value (issue 20): the
    /// JPT age limits are Pasal 107 ayat (1) angka 6; Pasal 107 holds no
    /// SKP requirement, so the 2 years of baik for JPT cite PermenPANRB
    /// 15/2019; UU 5/2014 is repealed; the 5 years in one position is PP
    /// 11/2017 Pasal 190 ayat (3), verified.
    #[test]
    fn sources_cite_the_articles_that_hold_the_values() {
        let rules = RuleSet::bundled().unwrap();
        let rule = |target| rules.promotion_rule(target).unwrap();
        for (target, huruf, age) in [
            (Jenjang::JptUtama, "a", 58),
            (Jenjang::JptMadya, "b", 58),
            (Jenjang::JptPratama, "c", 56),
        ] {
            let usia = rule(target).usia.as_ref().unwrap();
            assert_eq!(usia.max_years, age);
            let angka_6 = format!("Pasal 107 ayat (1) huruf {huruf} angka 6");
            assert!(usia.source.contains(&angka_6), "{}", usia.source);
            let skp = &rule(target).skp.as_ref().unwrap().source;
            assert!(
                skp.starts_with("PermenPANRB 15/2019") && skp.contains("bukan syarat"),
                "{skp}"
            );
        }
        let lama = &rules.retention.lama_di_jabatan;
        assert_eq!(lama.max_years, 5);
        assert!(lama.source.starts_with("PP 11/2017 Pasal 190 ayat (3)"));
        assert!(!lama.source.contains("[R]"), "{}", lama.source);
        let mut sources: Vec<&str> = vec![
            &rules.bup.source,
            &rules.retention.mendekati_bup.source,
            &lama.source,
            &rules.retention.kotak9_tanpa_pengembangan.source,
        ];
        sources.extend(rules.bup.fungsional.values().map(|f| f.source.as_str()));
        for r in &rules.promotion {
            sources.extend(r.status.iter().map(|p| p.source.as_str()));
            sources.extend(r.pendidikan.iter().map(|p| p.source.as_str()));
            sources.extend(r.bidang_ilmu.iter().map(|p| p.source.as_str()));
            sources.extend(r.golongan.iter().map(|p| p.source.as_str()));
            sources.extend(r.pengalaman.iter().map(|p| p.source.as_str()));
            sources.extend(r.skp.iter().map(|p| p.source.as_str()));
            sources.extend(r.disiplin.iter().map(|p| p.source.as_str()));
            sources.extend(r.usia.iter().map(|p| p.source.as_str()));
        }
        for source in sources {
            assert!(!source.contains("UU 5/2014"), "{source}");
        }
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

    /// The bundled rules with every `from` replaced by `to`, read. `from`
    /// must be in them: an edit that changes nothing tests nothing.
    fn edited(from: &str, to: &str) -> Result<RuleSet, RuleSetError> {
        let text = RuleSet::bundled_text();
        assert!(text.contains(from), "the bundled rules lack {from:?}");
        RuleSet::from_toml(&text.replace(from, to))
    }

    #[test]
    fn invalid_files_are_rejected_with_the_reason() {
        for (from, to, message) in [
            (
                "integritas = 15",
                "integritas = 10",
                "weights of potensial sum to 95, not 100",
            ),
            (
                r#"names = ["Profesor", "Guru Besar"]"#,
                r#"names = ["Profesor", "guru"]"#,
                "bup.fungsional: the name \"guru\" has no words or is listed twice",
            ),
            (
                "pendidikan = 50\nbidang = 50",
                "pendidikan = 50\nbidang = 40",
                "weights of scores.kualifikasi sum to 90, not 100",
            ),
            ("SD = 50", "", "no kualifikasi score for pendidikan SD"),
            (
                "\nbaik = 60",
                "\nbaik = 65",
                "kinerja.predikat: the range of Butuh Perbaikan (40 to 64.99) crosses the kinerja cut-off 60 of [nine_box.kinerja]: a predikat must decide the band",
            ),
        ] {
            let error = edited(from, to).unwrap_err().to_string();
            assert_eq!(error, message, "{from:?} as {to:?}");
        }
        for (from, to, error) in [
            ("pemula = 58", "", RuleSetError::MissingBup(Jenjang::Pemula)),
            (
                r#"names = ["Guru"]"#,
                "names = []",
                RuleSetError::BupWithoutNames("guru".into()),
            ),
            ("skp_years = 2", "skp_years = 0", RuleSetError::NoSkpYears),
        ] {
            assert_eq!(edited(from, to), Err(error), "{from:?} as {to:?}");
        }
        for (from, to) in [
            ("[jpm]", "[jpm]\nextra = 1"),
            ("S3 = 100", "S3 = 101"),
            ("S3 = 100", "S3 = 100\nS4 = 100"),
            ("[talent_map]", "[talent_map_old]"),
        ] {
            assert!(edited(from, to).is_err(), "{from:?} as {to:?}");
        }
        let text = RuleSet::bundled_text();
        let bad_cutoffs = text.replacen("high = 80\nmid = 60", "high = 60\nmid = 80", 1);
        let error = RuleSet::from_toml(&bad_cutoffs).unwrap_err().to_string();
        assert!(
            error.contains("cut-offs must have the upper above the lower"),
            "{error}"
        );
    }

    /// A rule file written for an earlier version lacks the sections added
    /// since: it does not load, and the message names what is missing.
    #[test]
    fn a_rule_file_without_a_section_fails_naming_it() {
        let bundled: toml::Table = toml::from_str(RuleSet::bundled_text()).unwrap();
        let sections: Vec<&String> = bundled
            .iter()
            .filter(|(_, value)| value.is_table() || value.is_array())
            .map(|(key, _)| key)
            .collect();
        assert!(sections.len() >= 12, "{sections:?}");
        for section in sections {
            let mut older = bundled.clone();
            older.remove(section);
            let error = RuleSet::from_toml(&toml::to_string(&older).unwrap()).unwrap_err();
            assert!(
                error
                    .to_string()
                    .contains(&format!("missing field `{section}`")),
                "{section}: {error}"
            );
        }
    }

    /// What a talent map stores of its rule set reads back to the same
    /// rules, with the same fingerprint.
    #[test]
    fn the_canonical_text_reads_back_to_the_same_rules() {
        let rules = RuleSet::bundled().unwrap();
        let text = rules.to_toml().unwrap();
        let back = RuleSet::from_toml(&text).unwrap();
        assert_eq!(back, rules);
        assert_eq!(back.fingerprint(), rules.fingerprint());
    }

    /// The KRS gates of PP 11/2017 Pasal 199 ayat (2) and the succession
    /// policies per target jenjang, as bundled.
    #[test]
    fn the_bundled_pool_gates_and_succession_targets() {
        use crate::eligibility::StatusKepegawaian;
        use crate::succession::RankBy;
        let rules = RuleSet::bundled().unwrap();
        assert_eq!(rules.pool.status.allowed, [StatusKepegawaian::Pns]);
        assert!(rules.pool.status.source.contains("Pasal 199 ayat (2)"));
        assert_eq!(
            (rules.pool.pengembangan.jam, rules.pool.pengembangan.years),
            (20, 2)
        );
        assert!(rules.pool.pengembangan.source.contains("Pasal 203"));
        let levels: Vec<(Jenjang, u8, u8)> = rules
            .pool
            .kompetensi
            .iter()
            .map(|k| (k.target, k.manajerial.get(), k.sosial_kultural.get()))
            .collect();
        assert_eq!(
            levels,
            [
                (Jenjang::Pengawas, 1, 1),
                (Jenjang::Administrator, 2, 2),
                (Jenjang::JptPratama, 3, 3)
            ]
        );
        let k = |n| Kotak::new(n).unwrap();
        for jpt in [Jenjang::JptPratama, Jenjang::JptMadya, Jenjang::JptUtama] {
            let t = rules.succession.of(jpt).unwrap();
            assert_eq!(t.population_boxes, [k(9)]);
            assert_eq!((t.min_ready, t.ranking), (1, RankBy::Talenta));
            assert!(t.source.contains("kotak 9"), "{}", t.source);
        }
        for below in [Jenjang::Administrator, Jenjang::Pengawas] {
            let t = rules.succession.of(below).unwrap();
            assert_eq!(t.population_boxes, [k(7), k(8), k(9)]);
            assert_eq!((t.min_ready, t.ranking), (3, RankBy::Kesiapan));
            assert!(t.source.contains("[R]"), "{}", t.source);
        }
        assert_eq!(rules.succession.min_ready(Jenjang::AhliMadya), 0);
    }

    #[test]
    fn pool_and_succession_sections_must_name_jenjang_with_rules() {
        let text = RuleSet::bundled_text();
        let no_levels = text.replacen(
            "[[pool.kompetensi]]\ntarget = \"pengawas\"",
            "[[pool.kompetensi]]\ntarget = \"administrator\"",
            1,
        );
        assert_eq!(
            RuleSet::from_toml(&no_levels).unwrap_err().to_string(),
            "pool.kompetensi: no minimum levels for the pool of Pengawas"
        );
        assert_eq!(
            edited(
                "jenjang = [\"administrator\", \"pengawas\"]",
                "jenjang = [\"administrator\", \"pengawas\", \"ahli_madya\"]",
            )
            .unwrap_err()
            .to_string(),
            "succession.target: no promotion rule for Fungsional Ahli Madya"
        );
        for (from, to, error) in [
            (
                "targets = [\"pengawas\", \"administrator\", \"jpt_pratama\"]",
                "targets = [\"administrator\", \"jpt_pratama\"]",
                RuleSetError::PoolKompetensiExtra(Jenjang::Pengawas),
            ),
            (
                "jenjang = [\"administrator\", \"pengawas\"]",
                "jenjang = [\"administrator\", \"pengawas\", \"jpt_madya\"]",
                RuleSetError::SuccessionDuplicate(Jenjang::JptMadya),
            ),
            (
                "jenjang = [\"administrator\", \"pengawas\"]",
                "jenjang = [\"administrator\"]",
                RuleSetError::SuccessionMissing(Jenjang::Pengawas),
            ),
        ] {
            assert_eq!(edited(from, to), Err(error), "{from:?} as {to:?}");
        }
        for (from, to) in [
            ("[[pool.kompetensi]]", "[[pool.levels]]"),
            ("ranking = \"talenta\"", "ranking = \"kotak\""),
        ] {
            assert!(edited(from, to).is_err(), "{from:?} as {to:?}");
        }
    }

    /// `[evaluasi]`: the defaults, a file without the section (one written
    /// before it existed) names it, and the JPM minimum must be a category
    /// of the scheme in use.
    #[test]
    fn the_evaluasi_section_is_required_and_checked() {
        use crate::kompetensi::JpmCategory;
        let rules = RuleSet::bundled().unwrap();
        let boxes: Vec<u8> = rules.evaluasi.boxes.iter().map(|k| k.number()).collect();
        assert_eq!(boxes, [1, 2, 3]);
        assert_eq!(rules.evaluasi.skp.minimum, Predikat::Baik);
        assert_eq!(rules.evaluasi.jpm.minimum, JpmCategory::MasihMemenuhiSyarat);
        let text = RuleSet::bundled_text();
        let start = text.find("[evaluasi]").unwrap();
        let without = format!("{}{}", &text[..start], after_section(&text[start..]));
        let error = RuleSet::from_toml(&without).unwrap_err().to_string();
        assert!(error.contains("evaluasi"), "{error}");
        let optimal = text.replace("scheme = \"memenuhi_syarat\"", "scheme = \"optimal\"");
        assert_eq!(
            RuleSet::from_toml(&optimal),
            Err(RuleSetError::EvaluasiJpm(JpmCategory::MasihMemenuhiSyarat))
        );
        let cukup = optimal.replace(
            "minimum = \"masih_memenuhi_syarat\"",
            "minimum = \"cukup_optimal\"",
        );
        assert_eq!(
            RuleSet::from_toml(&cukup).unwrap().evaluasi.jpm.minimum,
            JpmCategory::CukupOptimal
        );
    }

    /// The text after the TOML section at the start of `text`: from the
    /// next line that opens another top-level section, if any.
    fn after_section(text: &str) -> &str {
        text.match_indices("\n[")
            .map(|(i, _)| &text[i + 1..])
            .find(|rest| !rest.starts_with("[evaluasi"))
            .unwrap_or("")
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
