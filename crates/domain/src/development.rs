//! Individual development plans (IDP, rencana pengembangan individu) for
//! pool members: the competency gaps against the target position's
//! standard (PermenPANRB 38/2017 levels; the gap analysis of BKN's talent
//! application, domain.md §9.1), each with suggested development types.
//! The draft is a starting point: the committee edits it, and its progress
//! is tracked in storage.

use serde::{Deserialize, Serialize};

use crate::kode::lower_key;
use crate::kompetensi::{Kompetensi, Level, Levels};

code_enum! {
    /// A kind of development activity (PP 11/2017 jo. PP 17/2020 Pasal 203:
    /// pelatihan klasikal and nonklasikal: coaching, mentoring, penugasan).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum JenisPengembangan {
        Diklat = "diklat",
        Coaching = "coaching",
        Mentoring = "mentoring",
        Penugasan = "penugasan",
    }
}

impl JenisPengembangan {
    pub const fn label(self) -> &'static str {
        match self {
            JenisPengembangan::Diklat => "Diklat/pelatihan",
            JenisPengembangan::Coaching => "Coaching",
            JenisPengembangan::Mentoring => "Mentoring",
            JenisPengembangan::Penugasan => "Penugasan",
        }
    }
}

display_as!(JenisPengembangan, code);

/// Why a text is not a development type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a development type (expected diklat, coaching, mentoring or penugasan)")]
pub struct JenisPengembanganError(pub String);

// The codes are lower case: any case of them is accepted.
parse_by_code!(JenisPengembangan, JenisPengembanganError, lower_key);

code_enum! {
    /// Where an IDP activity stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum StatusIdp {
        /// Planned (a draft starts here).
        Rencana = "rencana",
        Berjalan = "berjalan",
        Selesai = "selesai",
        Batal = "batal",
    }
}

/// Why a text is not an IDP status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an IDP status (expected rencana, berjalan, selesai or batal)")]
pub struct StatusIdpError(pub String);

// The codes are lower case: any case of them is accepted.
parse_by_code!(StatusIdp, StatusIdpError, lower_key);

/// Suggested types for gaps of at least `min_gap` levels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapRule {
    pub min_gap: u8,
    pub jenis: Vec<JenisPengembangan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevelopmentPolicy {
    pub by_gap: Vec<GapRule>,
    pub source: String,
}

impl DevelopmentPolicy {
    /// The types for a gap: those of the rule with the largest `min_gap`
    /// the gap reaches; none for no gap.
    pub fn suggest(&self, gap: u8) -> &[JenisPengembangan] {
        self.by_gap
            .iter()
            .filter(|r| r.min_gap > 0 && gap >= r.min_gap)
            .max_by_key(|r| r.min_gap)
            .map_or(&[], |r| r.jenis.as_slice())
    }
}

/// One line of an IDP draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftItem {
    pub kompetensi: Kompetensi,
    pub required: Level,
    /// `None` when the person was not assessed on it.
    pub attained: Option<Level>,
    /// Levels short of the standard; a competency not assessed counts its
    /// whole required level (it has to be shown, not assumed).
    pub gap: u8,
    pub jenis: Vec<JenisPengembangan>,
}

/// The IDP draft of a person with `attained` levels (none when never
/// assessed) against a target position's `standard`: one item per
/// competency below its standard, largest gap first, then in the
/// standard's order.
pub fn draft(
    policy: &DevelopmentPolicy,
    standard: &Levels,
    attained: Option<&Levels>,
) -> Vec<DraftItem> {
    let mut items: Vec<DraftItem> = standard
        .iter()
        .filter_map(|(kompetensi, required)| {
            let have = attained.and_then(|a| a.get(kompetensi)).copied();
            let gap = required.get().saturating_sub(have.map_or(0, Level::get));
            (gap > 0).then(|| DraftItem {
                kompetensi: kompetensi.clone(),
                required: *required,
                attained: have,
                gap,
                jenis: policy.suggest(gap).to_vec(),
            })
        })
        .collect();
    items.sort_by_key(|item| std::cmp::Reverse(item.gap));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;
    use crate::kompetensi::Manajerial;
    use JenisPengembangan::*;

    fn level(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    #[test]
    fn bundled_suggestions_by_gap() {
        let rules = RuleSet::bundled().unwrap();
        let table: [(u8, &[JenisPengembangan]); 5] = [
            (0, &[]),
            (1, &[Coaching]),
            (2, &[Mentoring, Diklat]),
            (3, &[Diklat, Penugasan]),
            (4, &[Diklat, Penugasan]),
        ];
        for (gap, expected) in table {
            assert_eq!(rules.development.suggest(gap), expected, "gap {gap}");
        }
    }

    #[test]
    fn the_draft_lists_gaps_largest_first() {
        let rules = RuleSet::bundled().unwrap();
        let m = |x| Kompetensi::Manajerial(x);
        let standard: Levels = [
            (m(Manajerial::Integritas), level(3)),
            (m(Manajerial::KerjaSama), level(3)),
            (m(Manajerial::Komunikasi), level(3)),
            (Kompetensi::Teknis("Epidemiologi".into()), level(3)),
            (Kompetensi::PerekatBangsa, level(3)),
        ]
        .into_iter()
        .collect();
        let person: Levels = [
            (m(Manajerial::Integritas), level(4)),
            (m(Manajerial::KerjaSama), level(2)),
            (m(Manajerial::Komunikasi), level(1)),
            (Kompetensi::PerekatBangsa, level(3)),
        ]
        .into_iter()
        .collect();
        let items = draft(&rules.development, &standard, Some(&person));
        let got: Vec<(String, Option<u8>, u8, Vec<JenisPengembangan>)> = items
            .iter()
            .map(|i| {
                (
                    i.kompetensi.to_string(),
                    i.attained.map(Level::get),
                    i.gap,
                    i.jenis.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Teknis: Epidemiologi".to_owned(),
                    None,
                    3,
                    vec![Diklat, Penugasan]
                ),
                ("Komunikasi".to_owned(), Some(1), 2, vec![Mentoring, Diklat]),
                ("Kerja Sama".to_owned(), Some(2), 1, vec![Coaching]),
            ]
        );
        // Never assessed: every competency at its full level.
        assert_eq!(draft(&rules.development, &standard, None).len(), 5);
        assert_eq!("Mentoring".parse(), Ok(Mentoring));
    }
}
