//! The personnel documents every employee must have on file, and how
//! complete a file is. Which documents, for whom, and the target date are
//! configuration (`[dokumen]` in the rule set): Kota Serang's circular set
//! its own list and a March 2026 deadline (seed article 003); other
//! instansi differ.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::eligibility::StatusKepegawaian;

/// The `[dokumen]` section of a rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DokumenPolicy {
    /// The date by which every file should be complete.
    #[serde(with = "crate::ruleset::iso_date")]
    pub target: Date,
    pub wajib: Vec<DokumenWajib>,
    pub source: String,
}

/// A required document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DokumenWajib {
    /// Stable code, stored as `dokumen.jenis`.
    pub kode: String,
    pub nama: String,
    /// The statuses it is required of (`CPNS`, `PNS`, `PPPK`).
    pub status: Vec<String>,
}

impl DokumenPolicy {
    /// The documents required of an employee with `status`.
    pub fn required(&self, status: StatusKepegawaian) -> impl Iterator<Item = &DokumenWajib> {
        self.wajib
            .iter()
            .filter(move |d| d.status.iter().any(|s| s == status.label()))
    }

    /// The known document kind with code `kode`, if any.
    pub fn kind(&self, kode: &str) -> Option<&DokumenWajib> {
        self.wajib.iter().find(|d| d.kode == kode)
    }

    /// How many of the required documents are among `verified` (codes),
    /// and how many are required.
    pub fn completeness<'a>(
        &self,
        status: StatusKepegawaian,
        verified: impl IntoIterator<Item = &'a str> + Clone,
    ) -> Completeness {
        let required: Vec<&DokumenWajib> = self.required(status).collect();
        let have = required
            .iter()
            .filter(|d| verified.clone().into_iter().any(|v| v == d.kode))
            .count();
        Completeness {
            have,
            need: required.len(),
        }
    }
}

/// Verified required documents out of those required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completeness {
    pub have: usize,
    pub need: usize,
}

impl Completeness {
    /// Whole percent, rounded down; a file with nothing required is complete.
    pub fn percent(self) -> u8 {
        if self.need == 0 {
            return 100;
        }
        u8::try_from(self.have * 100 / self.need).unwrap_or(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;

    #[test]
    fn the_bundled_list_requires_by_status() {
        let rules = RuleSet::bundled().unwrap();
        let policy = &rules.dokumen;
        let pns: Vec<&str> = policy
            .required(StatusKepegawaian::Pns)
            .map(|d| d.kode.as_str())
            .collect();
        assert!(pns.contains(&"sk_pns"));
        let pppk: Vec<&str> = policy
            .required(StatusKepegawaian::Pppk)
            .map(|d| d.kode.as_str())
            .collect();
        assert!(!pppk.contains(&"sk_pns"));
        assert!(pppk.contains(&"perjanjian_kerja"));
        let half = policy.completeness(
            StatusKepegawaian::Pns,
            pns.iter().copied().take(pns.len() / 2),
        );
        assert_eq!(half.have, pns.len() / 2);
        assert_eq!(half.need, pns.len());
        assert_eq!(Completeness { have: 0, need: 0 }.percent(), 100);
        assert_eq!(Completeness { have: 4, need: 7 }.percent(), 57);
    }
}
