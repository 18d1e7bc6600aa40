//! Competencies (PermenPANRB 38/2017) and the job–person match (JPM).
//!
//! A position's standard (standar kompetensi jabatan) sets a required level
//! 1–5 per competency: the eight managerial competencies, Perekat Bangsa, and
//! any technical competencies of the instansi. JPM is attained over required,
//! as a percentage (domain.md §4.3). Whether surplus in one competency may
//! make up for a gap in another is a policy choice ([`JpmCapping`]), as is the
//! category scheme ([`JpmScheme`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The eight managerial competencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Manajerial {
    Integritas,
    KerjaSama,
    Komunikasi,
    OrientasiPadaHasil,
    PelayananPublik,
    PengembanganDiriDanOrangLain,
    MengelolaPerubahan,
    PengambilanKeputusan,
}

impl Manajerial {
    pub const ALL: [Manajerial; 8] = [
        Manajerial::Integritas,
        Manajerial::KerjaSama,
        Manajerial::Komunikasi,
        Manajerial::OrientasiPadaHasil,
        Manajerial::PelayananPublik,
        Manajerial::PengembanganDiriDanOrangLain,
        Manajerial::MengelolaPerubahan,
        Manajerial::PengambilanKeputusan,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            Manajerial::Integritas => "Integritas",
            Manajerial::KerjaSama => "Kerja Sama",
            Manajerial::Komunikasi => "Komunikasi",
            Manajerial::OrientasiPadaHasil => "Orientasi pada Hasil",
            Manajerial::PelayananPublik => "Pelayanan Publik",
            Manajerial::PengembanganDiriDanOrangLain => "Pengembangan Diri dan Orang Lain",
            Manajerial::MengelolaPerubahan => "Mengelola Perubahan",
            Manajerial::PengambilanKeputusan => "Pengambilan Keputusan",
        }
    }
}

impl Manajerial {
    /// The stable code used in files and storage.
    pub const fn code(self) -> &'static str {
        match self {
            Manajerial::Integritas => "integritas",
            Manajerial::KerjaSama => "kerja_sama",
            Manajerial::Komunikasi => "komunikasi",
            Manajerial::OrientasiPadaHasil => "orientasi_pada_hasil",
            Manajerial::PelayananPublik => "pelayanan_publik",
            Manajerial::PengembanganDiriDanOrangLain => "pengembangan_diri_dan_orang_lain",
            Manajerial::MengelolaPerubahan => "mengelola_perubahan",
            Manajerial::PengambilanKeputusan => "pengambilan_keputusan",
        }
    }
}

/// A competency a position can require.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kompetensi {
    Manajerial(Manajerial),
    /// The socio-cultural competency.
    PerekatBangsa,
    /// A technical competency from the instansi's kamus kompetensi teknis.
    Teknis(String),
}

impl fmt::Display for Kompetensi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kompetensi::Manajerial(m) => f.write_str(m.label()),
            Kompetensi::PerekatBangsa => f.write_str("Perekat Bangsa"),
            Kompetensi::Teknis(name) => write!(f, "Teknis: {name}"),
        }
    }
}

impl Kompetensi {
    /// A stable code: a managerial competency's code, `perekat_bangsa`, or
    /// `teknis:` and the technical competency's name.
    pub fn code(&self) -> String {
        match self {
            Kompetensi::Manajerial(m) => m.code().to_owned(),
            Kompetensi::PerekatBangsa => "perekat_bangsa".to_owned(),
            Kompetensi::Teknis(name) => format!("teknis:{name}"),
        }
    }
}

/// Why a text is not a competency code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a competency code (a managerial competency such as kerja_sama, perekat_bangsa, or teknis:NAME)"
)]
pub struct KompetensiError(pub String);

impl std::str::FromStr for Kompetensi {
    type Err = KompetensiError;

    fn from_str(text: &str) -> Result<Kompetensi, KompetensiError> {
        let key = text.trim();
        if key == "perekat_bangsa" {
            return Ok(Kompetensi::PerekatBangsa);
        }
        if let Some(name) = key.strip_prefix("teknis:").filter(|n| !n.trim().is_empty()) {
            return Ok(Kompetensi::Teknis(name.trim().to_owned()));
        }
        Manajerial::ALL
            .into_iter()
            .find(|m| m.code() == key)
            .map(Kompetensi::Manajerial)
            .ok_or_else(|| KompetensiError(text.to_owned()))
    }
}

/// A behavioural level 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub fn new(level: u8) -> Option<Level> {
        (1..=5).contains(&level).then_some(Level(level))
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Level {
    type Error = String;

    fn try_from(level: u8) -> Result<Level, String> {
        Level::new(level).ok_or_else(|| format!("competency level must be 1 to 5, got {level}"))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

/// The nine competencies every position and assessment has a slot for:
/// the eight managerial ones in [`Manajerial::ALL`]'s order, then Perekat
/// Bangsa; the order of [`Kompetensi`] itself.
pub static UMUM: [Kompetensi; 9] = [
    Kompetensi::Manajerial(Manajerial::Integritas),
    Kompetensi::Manajerial(Manajerial::KerjaSama),
    Kompetensi::Manajerial(Manajerial::Komunikasi),
    Kompetensi::Manajerial(Manajerial::OrientasiPadaHasil),
    Kompetensi::Manajerial(Manajerial::PelayananPublik),
    Kompetensi::Manajerial(Manajerial::PengembanganDiriDanOrangLain),
    Kompetensi::Manajerial(Manajerial::MengelolaPerubahan),
    Kompetensi::Manajerial(Manajerial::PengambilanKeputusan),
    Kompetensi::PerekatBangsa,
];

/// Levels per competency: a position's standard or a person's result, in
/// the order of [`Kompetensi`]. The nine of [`UMUM`] sit in a slot each,
/// technical ones in a map: a standard or a result without technical
/// competencies is one small value with nothing on the heap (the talent
/// map builds one and a half million of them over a million employees).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Levels {
    umum: [Option<Level>; 9],
    /// Only [`Kompetensi::Teknis`] keys.
    teknis: BTreeMap<Kompetensi, Level>,
}

impl Levels {
    pub fn new() -> Levels {
        Levels::default()
    }

    fn slot(kompetensi: &Kompetensi) -> Option<usize> {
        match kompetensi {
            Kompetensi::Manajerial(m) => Some(*m as usize),
            Kompetensi::PerekatBangsa => Some(8),
            Kompetensi::Teknis(_) => None,
        }
    }

    pub fn get(&self, kompetensi: &Kompetensi) -> Option<&Level> {
        match Levels::slot(kompetensi) {
            Some(slot) => self.umum.get(slot).and_then(Option::as_ref),
            None => self.teknis.get(kompetensi),
        }
    }

    /// The competency as the map holds it, with its level.
    pub fn get_key_value(&self, kompetensi: &Kompetensi) -> Option<(&Kompetensi, &Level)> {
        match Levels::slot(kompetensi) {
            Some(slot) => UMUM
                .get(slot)
                .zip(self.umum.get(slot).and_then(Option::as_ref)),
            None => self.teknis.get_key_value(kompetensi),
        }
    }

    /// Sets the level of `kompetensi`; returns the one it replaces.
    pub fn insert(&mut self, kompetensi: Kompetensi, level: Level) -> Option<Level> {
        match Levels::slot(&kompetensi) {
            Some(slot) => self.umum.get_mut(slot).and_then(|l| l.replace(level)),
            None => self.teknis.insert(kompetensi, level),
        }
    }

    /// Takes `kompetensi` out; returns its level.
    pub fn remove(&mut self, kompetensi: &Kompetensi) -> Option<Level> {
        match Levels::slot(kompetensi) {
            Some(slot) => self.umum.get_mut(slot).and_then(Option::take),
            None => self.teknis.remove(kompetensi),
        }
    }

    pub fn len(&self) -> usize {
        self.umum.iter().flatten().count() + self.teknis.len()
    }

    pub fn is_empty(&self) -> bool {
        self.umum.iter().all(Option::is_none) && self.teknis.is_empty()
    }

    /// In the order of [`Kompetensi`].
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            umum: UMUM.iter().zip(&self.umum),
            teknis: self.teknis.iter(),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &Kompetensi> {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Level> {
        self.iter().map(|(_, level)| level)
    }
}

/// The competencies of [`Levels`] with their levels, in order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    umum:
        std::iter::Zip<std::slice::Iter<'static, Kompetensi>, std::slice::Iter<'a, Option<Level>>>,
    teknis: std::collections::btree_map::Iter<'a, Kompetensi, Level>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Kompetensi, &'a Level);

    fn next(&mut self) -> Option<Self::Item> {
        for (kompetensi, level) in self.umum.by_ref() {
            if let Some(level) = level {
                return Some((kompetensi, level));
            }
        }
        self.teknis.next()
    }
}

impl FromIterator<(Kompetensi, Level)> for Levels {
    /// The last level of a competency given twice wins, as in a map.
    fn from_iter<I: IntoIterator<Item = (Kompetensi, Level)>>(pairs: I) -> Levels {
        let mut levels = Levels::new();
        for (kompetensi, level) in pairs {
            levels.insert(kompetensi, level);
        }
        levels
    }
}

impl<'a> IntoIterator for &'a Levels {
    type Item = (&'a Kompetensi, &'a Level);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// How surplus counts (domain.md §4.3 leaves this to the instansi).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JpmCapping {
    /// Each competency counts at most its required level: surplus in one
    /// never hides a gap in another. JPM is at most 100%.
    PerCompetency,
    /// Surplus compensates gaps, and the total is capped at 100%.
    Total,
    /// Surplus compensates gaps; JPM may exceed 100%.
    None,
}

/// The category scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JpmScheme {
    /// Uji kompetensi: MS ≥ 80%, MMS 68–<80%, KMS < 68% (Berita Negara 2020).
    MemenuhiSyarat,
    /// Competency mapping: Optimal ≥ 90%, Cukup Optimal 78–<90%, Kurang
    /// Optimal < 78% (Peraturan BRIN 3/2023 Pasal 33).
    Optimal,
}

impl JpmScheme {
    /// The scheme's categories, best first.
    pub const fn categories(self) -> [JpmCategory; 3] {
        match self {
            JpmScheme::MemenuhiSyarat => [
                JpmCategory::MemenuhiSyarat,
                JpmCategory::MasihMemenuhiSyarat,
                JpmCategory::KurangMemenuhiSyarat,
            ],
            JpmScheme::Optimal => [
                JpmCategory::Optimal,
                JpmCategory::CukupOptimal,
                JpmCategory::KurangOptimal,
            ],
        }
    }
}

/// A JPM category, best first within each scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JpmCategory {
    MemenuhiSyarat,
    MasihMemenuhiSyarat,
    KurangMemenuhiSyarat,
    Optimal,
    CukupOptimal,
    KurangOptimal,
}

impl JpmCategory {
    pub const fn label(self) -> &'static str {
        match self {
            JpmCategory::MemenuhiSyarat => "Memenuhi Syarat (MS)",
            JpmCategory::MasihMemenuhiSyarat => "Masih Memenuhi Syarat (MMS)",
            JpmCategory::KurangMemenuhiSyarat => "Kurang Memenuhi Syarat (KMS)",
            JpmCategory::Optimal => "Optimal",
            JpmCategory::CukupOptimal => "Cukup Optimal",
            JpmCategory::KurangOptimal => "Kurang Optimal",
        }
    }

    /// The lowest JPM of the category, in whole percent, inclusive: the
    /// schemes' cut-offs (domain.md §4.3).
    pub const fn min_percent(self) -> u32 {
        match self {
            JpmCategory::MemenuhiSyarat => 80,
            JpmCategory::MasihMemenuhiSyarat => 68,
            JpmCategory::Optimal => 90,
            JpmCategory::CukupOptimal => 78,
            JpmCategory::KurangMemenuhiSyarat | JpmCategory::KurangOptimal => 0,
        }
    }
}

/// One competency compared with the standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub kompetensi: Kompetensi,
    pub required: Level,
    pub attained: Level,
}

impl Gap {
    /// Attained minus required: negative is a shortfall.
    pub fn difference(&self) -> i8 {
        i8::try_from(self.attained.0).unwrap_or(0) - i8::try_from(self.required.0).unwrap_or(0)
    }
}

/// A job–person match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Jpm {
    /// Sum of attained levels as counted under the capping rule.
    pub attained: u32,
    /// Sum of required levels.
    pub required: u32,
    pub gaps: Vec<Gap>,
}

/// Why a JPM cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JpmError {
    #[error("the position has no competency standard")]
    NoStandard,
    #[error("not assessed: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    NotAssessed(Vec<Kompetensi>),
}

/// Computes the JPM of `person` against `standard`. A required competency
/// the person was not assessed on is an error, never a zero.
pub fn jpm(standard: &Levels, person: &Levels, capping: JpmCapping) -> Result<Jpm, JpmError> {
    if standard.is_empty() {
        return Err(JpmError::NoStandard);
    }
    // One lookup per required competency: the talent map computes this for
    // every employee.
    let mut gaps = Vec::with_capacity(standard.len());
    let mut missing = Vec::new();
    for (kompetensi, required) in standard {
        match person.get(kompetensi) {
            Some(attained) => gaps.push(Gap {
                kompetensi: kompetensi.clone(),
                required: *required,
                attained: *attained,
            }),
            None => missing.push(kompetensi.clone()),
        }
    }
    if !missing.is_empty() {
        return Err(JpmError::NotAssessed(missing));
    }
    let required: u32 = gaps.iter().map(|g| u32::from(g.required.0)).sum();
    let attained: u32 = match capping {
        JpmCapping::PerCompetency => gaps
            .iter()
            .map(|g| u32::from(g.attained.0.min(g.required.0)))
            .sum(),
        JpmCapping::Total => gaps
            .iter()
            .map(|g| u32::from(g.attained.0))
            .sum::<u32>()
            .min(required),
        JpmCapping::None => gaps.iter().map(|g| u32::from(g.attained.0)).sum(),
    };
    Ok(Jpm {
        attained,
        required,
        gaps,
    })
}

impl Jpm {
    /// JPM in hundredths of a percent, rounded half up (8889 = 88.89%).
    pub fn percent_hundredths(&self) -> u32 {
        if self.required == 0 {
            return 0;
        }
        (self.attained * 20_000 + self.required) / (2 * self.required)
    }

    /// JPM as a percentage, for display.
    pub fn percent(&self) -> f64 {
        f64::from(self.percent_hundredths()) / 100.0
    }

    /// Whether the JPM is at least the lower bound of `category`, decided
    /// exactly (no rounding at the boundary).
    pub fn reaches(&self, category: JpmCategory) -> bool {
        self.attained * 100 >= category.min_percent() * self.required
    }

    /// The category, decided exactly (no rounding at the boundaries).
    pub fn category(&self, scheme: JpmScheme) -> JpmCategory {
        let [top, middle, bottom] = scheme.categories();
        if self.reaches(top) {
            top
        } else if self.reaches(middle) {
            middle
        } else {
            bottom
        }
    }

    /// Competencies below the standard, largest shortfall first.
    pub fn shortfalls(&self) -> Vec<&Gap> {
        let mut short: Vec<&Gap> = self.gaps.iter().filter(|g| g.difference() < 0).collect();
        short.sort_by_key(|g| g.difference());
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn competency_codes_round_trip() {
        let mut all: Vec<Kompetensi> = Manajerial::ALL
            .into_iter()
            .map(Kompetensi::Manajerial)
            .collect();
        all.push(Kompetensi::PerekatBangsa);
        all.push(Kompetensi::Teknis("Surveilans Epidemiologi".into()));
        for k in all {
            assert_eq!(k.code().parse::<Kompetensi>(), Ok(k));
        }
        assert!("teknis:".parse::<Kompetensi>().is_err());
        assert!("Integritas".parse::<Kompetensi>().is_err());
    }

    fn level(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    /// A standard of all nine SKJ competencies at one level.
    fn standard(required: u8) -> Levels {
        UMUM.iter().cloned().map(|k| (k, level(required))).collect()
    }

    #[test]
    fn all_met_is_one_hundred_percent() {
        let s = standard(3);
        let j = jpm(&s, &s, JpmCapping::PerCompetency).unwrap();
        assert_eq!((j.attained, j.required), (27, 27));
        assert_eq!(j.percent_hundredths(), 10_000);
        assert_eq!(
            j.category(JpmScheme::MemenuhiSyarat),
            JpmCategory::MemenuhiSyarat
        );
        assert!(j.shortfalls().is_empty());
    }

    #[test]
    fn capping_rules_differ_on_surplus() {
        let s = standard(3);
        let mut person = standard(3);
        person.insert(Kompetensi::Manajerial(Manajerial::Integritas), level(5));
        person.insert(Kompetensi::Manajerial(Manajerial::Komunikasi), level(1));
        let per = jpm(&s, &person, JpmCapping::PerCompetency).unwrap();
        let total = jpm(&s, &person, JpmCapping::Total).unwrap();
        let none = jpm(&s, &person, JpmCapping::None).unwrap();
        assert_eq!(per.attained, 25); // 5 counts as 3, 1 counts as 1
        assert_eq!(total.attained, 27); // 2 surplus covers 2 gap, capped at 27
        assert_eq!(none.attained, 27);
        assert_eq!(per.shortfalls().len(), 1);
        assert_eq!(per.shortfalls()[0].difference(), -2);

        let all_five = standard(5);
        assert_eq!(
            jpm(&s, &all_five, JpmCapping::None)
                .unwrap()
                .percent_hundredths(),
            16_667
        );
        assert_eq!(
            jpm(&s, &all_five, JpmCapping::Total)
                .unwrap()
                .percent_hundredths(),
            10_000
        );
    }

    /// Scheme A: MS ≥ 80, MMS 68–<80, KMS < 68; scheme B: 90 / 78.
    #[test]
    fn categories_at_exact_boundaries() {
        let with = |attained, required| Jpm {
            attained,
            required,
            gaps: vec![],
        };
        use JpmCategory::*;
        let a = JpmScheme::MemenuhiSyarat;
        let b = JpmScheme::Optimal;
        assert_eq!(with(80, 100).category(a), MemenuhiSyarat);
        assert_eq!(with(79, 100).category(a), MasihMemenuhiSyarat);
        assert_eq!(with(68, 100).category(a), MasihMemenuhiSyarat);
        assert_eq!(with(67, 100).category(a), KurangMemenuhiSyarat);
        assert_eq!(with(90, 100).category(b), Optimal);
        assert_eq!(with(89, 100).category(b), CukupOptimal);
        assert_eq!(with(78, 100).category(b), CukupOptimal);
        assert_eq!(with(77, 100).category(b), KurangOptimal);
        // 21/27 = 77.78%: below 78 exactly, even though it rounds to 77.78.
        assert_eq!(with(21, 27).category(b), KurangOptimal);
        assert_eq!(with(21, 27).percent_hundredths(), 7778);
    }

    #[test]
    fn technical_competencies_count_and_missing_ones_are_reported() {
        let mut s = standard(2);
        s.insert(Kompetensi::Teknis("Epidemiologi".into()), level(3));
        let person = standard(2);
        assert_eq!(
            jpm(&s, &person, JpmCapping::PerCompetency),
            Err(JpmError::NotAssessed(vec![Kompetensi::Teknis(
                "Epidemiologi".into()
            )]))
        );
        assert_eq!(
            jpm(&Levels::new(), &person, JpmCapping::None),
            Err(JpmError::NoStandard)
        );
    }

    fn any_kompetensi() -> impl proptest::strategy::Strategy<Value = Kompetensi> {
        use proptest::prelude::*;
        prop_oneof![
            prop::sample::select(UMUM.to_vec()),
            prop::sample::select(vec!["Surveilans", "Epidemiologi", "Audit"])
                .prop_map(|t| Kompetensi::Teknis(t.into())),
        ]
    }

    proptest::proptest! {
        /// `Levels` behaves as the map it replaced: the same competencies,
        /// the same order, the last of a competency given twice.
        #[test]
        fn levels_are_a_map_in_competency_order(
            pairs in proptest::collection::vec((any_kompetensi(), 1u8..=5), 0..14),
            removed in any_kompetensi(),
        ) {
            let pairs: Vec<(Kompetensi, Level)> =
                pairs.into_iter().map(|(k, l)| (k, level(l))).collect();
            let mut map: BTreeMap<Kompetensi, Level> = pairs.iter().cloned().collect();
            let mut levels: Levels = pairs.into_iter().collect();
            proptest::prop_assert!(levels.iter().eq(map.iter()));
            proptest::prop_assert_eq!(levels.len(), map.len());
            proptest::prop_assert_eq!(levels.is_empty(), map.is_empty());
            proptest::prop_assert_eq!(levels.get_key_value(&removed), map.get_key_value(&removed));
            proptest::prop_assert_eq!(levels.remove(&removed), map.remove(&removed));
            proptest::prop_assert!(levels.iter().eq(map.iter()));
            proptest::prop_assert_eq!(levels.get(&removed), None);
        }
    }

    #[test]
    fn the_nine_slots_are_in_competency_order() {
        assert!(UMUM.windows(2).all(|w| w[0] < w[1]));
        for (slot, kompetensi) in UMUM.iter().enumerate() {
            assert_eq!(Levels::slot(kompetensi), Some(slot));
        }
        assert_eq!(Levels::slot(&Kompetensi::Teknis("Audit".into())), None);
    }
}
