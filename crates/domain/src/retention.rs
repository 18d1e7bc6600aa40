//! Retention (retensi talenta, PermenPANRB 3/2020 tahap 3): flags on pool
//! members and key-position holders, each with its reason and source.
//!
//! * **Mendekati BUP**: TMT pensiun (the person's BUP, from their position,
//!   [`crate::ruleset::BupTable::pensiun`]) is `mendekati_bup.months` months
//!   away or fewer on the reference date, or has passed.
//! * **Lama di jabatan**: in the same position `lama_di_jabatan.max_years`
//!   years or more (from TMT jabatan).
//! * **Kotak 9 tanpa pengembangan**: in `kotak9_tanpa_pengembangan.kotak`
//!   in each of the last `periods` periods up to the reference period, with
//!   no development (training started, or an IDP activity done) and no move
//!   (a new TMT jabatan) since the first of them began.
//!
//! Thresholds and their sources are data in the rule set's `[retention]`
//! section, one table per flag.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::{add_years, months_between, tahun_bulan};
use crate::nine_box::Kotak;
use crate::periode::Periode;
use crate::personnel::Jabatan;
use crate::ruleset::RuleSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionPolicy {
    pub mendekati_bup: MendekatiBupRule,
    pub lama_di_jabatan: LamaDiJabatanRule,
    pub kotak9_tanpa_pengembangan: StagnantRule,
}

/// Flag when TMT pensiun is `months` months away or fewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MendekatiBupRule {
    pub months: u16,
    pub source: String,
}

/// Flag after `max_years` years in the same position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LamaDiJabatanRule {
    pub max_years: u8,
    pub source: String,
}

/// Flag `periods` consecutive periods in `kotak` with no development and no
/// move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StagnantRule {
    pub kotak: Kotak,
    pub periods: u8,
    pub source: String,
}

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    MendekatiBup,
    LamaDiJabatan,
    Kotak9TanpaPengembangan,
}

impl FlagKind {
    pub const fn code(self) -> &'static str {
        match self {
            FlagKind::MendekatiBup => "mendekati_bup",
            FlagKind::LamaDiJabatan => "lama_di_jabatan",
            FlagKind::Kotak9TanpaPengembangan => "kotak9_tanpa_pengembangan",
        }
    }
}

/// One flag, with its reason in words (Bahasa Indonesia) and its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub reason: String,
    pub source: String,
}

/// What the flags read about one person.
#[derive(Debug, Clone, Copy)]
pub struct RetentionRecord<'a> {
    pub birth_date: Date,
    /// The current position.
    pub jabatan: Option<&'a Jabatan>,
    pub tmt_jabatan: Option<Date>,
    /// The final box of each period mapped so far, oldest first.
    pub boxes: &'a [(Periode, Kotak)],
    /// The latest day a development activity started or was completed.
    pub last_development: Option<Date>,
}

/// Every flag of one person in `periode`, checked on `on` (normally the
/// period's last day).
pub fn flags(
    rules: &RuleSet,
    record: &RetentionRecord<'_>,
    periode: Periode,
    on: Date,
) -> Vec<Flag> {
    let policy = &rules.retention;
    let mut out = Vec::new();
    if let Some(pensiun) = record
        .jabatan
        .and_then(|j| rules.bup.pensiun(record.birth_date, j))
    {
        let left = months_between(on, pensiun.tmt);
        let rule = &policy.mendekati_bup;
        if pensiun.tmt > on && left <= u32::from(rule.months) {
            out.push(Flag {
                kind: FlagKind::MendekatiBup,
                reason: format!(
                    "pensiun (BUP {} tahun) TMT {}, {} lagi",
                    pensiun.bup,
                    pensiun.tmt,
                    tahun_bulan(left)
                ),
                source: format!("{}; {}", pensiun.source, rule.source),
            });
        } else if pensiun.tmt <= on {
            out.push(Flag {
                kind: FlagKind::MendekatiBup,
                reason: format!(
                    "sudah mencapai BUP {} tahun, TMT pensiun {}",
                    pensiun.bup, pensiun.tmt
                ),
                source: pensiun.source.to_owned(),
            });
        }
    }
    if let Some(tmt) = record.tmt_jabatan {
        let rule = &policy.lama_di_jabatan;
        let due = add_years(tmt, u32::from(rule.max_years));
        if due.is_some_and(|d| d <= on) {
            out.push(Flag {
                kind: FlagKind::LamaDiJabatan,
                reason: format!(
                    "{} di jabatan yang sama sejak {tmt} (batas {} tahun)",
                    tahun_bulan(months_between(tmt, on)),
                    rule.max_years
                ),
                source: rule.source.clone(),
            });
        }
    }
    let rule = &policy.kotak9_tanpa_pengembangan;
    let n = usize::from(rule.periods);
    let upto: Vec<&(Periode, Kotak)> = record.boxes.iter().filter(|(p, _)| *p <= periode).collect();
    let last_n = upto.get(upto.len().saturating_sub(n)..).unwrap_or_default();
    if n > 0
        && last_n.len() == n
        && last_n.iter().all(|(_, k)| *k == rule.kotak)
        && consecutive(last_n)
        && last_n.last().is_some_and(|(p, _)| *p == periode)
        && let Some((first, _)) = last_n.first()
    {
        let since = first.start();
        let developed = record.last_development.is_some_and(|d| d >= since);
        let moved = record.tmt_jabatan.is_some_and(|d| d >= since);
        if !developed && !moved {
            out.push(Flag {
                kind: FlagKind::Kotak9TanpaPengembangan,
                reason: format!(
                    "kotak {} selama {n} periode ({}-{periode}) tanpa pengembangan atau perpindahan jabatan sejak {since}",
                    rule.kotak, first
                ),
                source: rule.source.clone(),
            });
        }
    }
    out
}

/// Whether the periods follow one another with no semester missing.
fn consecutive(periods: &[&(Periode, Kotak)]) -> bool {
    periods.windows(2).all(|w| match w {
        [(a, _), (b, _)] => a.end().next_day() == Some(b.start()),
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jabatan::Jenjang;
    use time::macros::date;

    fn p(text: &str) -> Periode {
        text.parse().unwrap()
    }

    fn k(n: u8) -> Kotak {
        Kotak::new(n).unwrap()
    }

    fn kinds(flags: &[Flag]) -> Vec<FlagKind> {
        flags.iter().map(|f| f.kind).collect()
    }

    /// Reference: 2026-S2, on 31 December 2026.
    #[test]
    fn each_flag_at_its_boundary() {
        let rules = RuleSet::bundled().unwrap();
        let periode = p("2026-S2");
        let on = periode.end();
        let nine_twice = [(p("2026-S1"), k(9)), (p("2026-S2"), k(9))];
        let kabid = Jabatan::named("Kepala Bidang Pelayanan Kesehatan", Jenjang::Administrator);
        let base = RetentionRecord {
            // Administrator, BUP 58: pensiun 1 Feb 2030, 37 months away.
            birth_date: date!(1972 - 01 - 15),
            jabatan: Some(&kabid),
            tmt_jabatan: Some(date!(2023 - 01 - 01)),
            boxes: &[],
            last_development: None,
        };
        assert!(flags(&rules, &base, periode, on).is_empty());

        // BUP 58 reached on 15 Jan 2027: TMT pensiun 1 Feb 2027, 1 month away.
        let near = RetentionRecord {
            birth_date: date!(1969 - 01 - 15),
            ..base
        };
        let f = flags(&rules, &near, periode, on);
        assert_eq!(kinds(&f), [FlagKind::MendekatiBup]);
        assert_eq!(
            f[0].reason,
            "pensiun (BUP 58 tahun) TMT 2027-02-01, 1 bulan lagi"
        );
        assert!(
            f[0].source.starts_with("PP 11/2017 Pasal 239 ayat (2)"),
            "{}",
            f[0].source
        );
        // Past BUP and still recorded in post.
        let past = RetentionRecord {
            birth_date: date!(1968 - 11 - 30),
            ..base
        };
        assert_eq!(
            flags(&rules, &past, periode, on)[0].reason,
            "sudah mencapai BUP 58 tahun, TMT pensiun 2026-12-01"
        );
        // Exactly 24 months away: flagged; 25: not.
        let at = |birth| RetentionRecord {
            birth_date: birth,
            ..base
        };
        assert_eq!(
            kinds(&flags(&rules, &at(date!(1970 - 12 - 15)), periode, on)),
            [FlagKind::MendekatiBup]
        );
        assert!(flags(&rules, &at(date!(1971 - 01 - 15)), periode, on).is_empty());

        // Five years in the same jabatan on the day: flagged.
        let long = RetentionRecord {
            tmt_jabatan: Some(date!(2021 - 12 - 31)),
            ..base
        };
        let f = flags(&rules, &long, periode, on);
        assert_eq!(kinds(&f), [FlagKind::LamaDiJabatan]);
        assert_eq!(
            f[0].reason,
            "5 tahun di jabatan yang sama sejak 2021-12-31 (batas 5 tahun)"
        );
        let short = RetentionRecord {
            tmt_jabatan: Some(date!(2022 - 01 - 01)),
            ..base
        };
        assert!(flags(&rules, &short, periode, on).is_empty());

        // Box 9 in both 2026 periods, nothing since 1 January 2026.
        let stuck = RetentionRecord {
            boxes: &nine_twice,
            last_development: Some(date!(2025 - 12 - 31)),
            ..base
        };
        assert_eq!(
            kinds(&flags(&rules, &stuck, periode, on)),
            [FlagKind::Kotak9TanpaPengembangan]
        );
        // A training in between, or a move, clears it.
        let trained = RetentionRecord {
            last_development: Some(date!(2026 - 01 - 01)),
            ..stuck
        };
        assert!(flags(&rules, &trained, periode, on).is_empty());
        let moved = RetentionRecord {
            tmt_jabatan: Some(date!(2026 - 03 - 01)),
            ..stuck
        };
        assert!(flags(&rules, &moved, periode, on).is_empty());
        // Box 9 once, or twice with a gap, or not up to this period: no flag.
        let gap = [(p("2025-S1"), k(9)), (p("2026-S2"), k(9))];
        let once = [(p("2026-S1"), k(8)), (p("2026-S2"), k(9))];
        for boxes in [&gap[..], &once[..], &nine_twice[..1]] {
            let r = RetentionRecord { boxes, ..stuck };
            assert!(flags(&rules, &r, periode, on).is_empty(), "{boxes:?}");
        }
    }

    /// PP 11/2017 Pasal 240 with UU 14/2005 Pasal 30 ayat (4): a guru aged
    /// 59 is not past BUP, though the 58 of their jenjang (ahli muda) has
    /// passed; they retire at 60.
    #[test]
    fn a_guru_of_59_retires_at_60() {
        let rules = RuleSet::bundled().unwrap();
        let periode = p("2026-S2");
        let on = periode.end();
        let guru = Jabatan::named("Guru Kelas SD Negeri 3 Serang", Jenjang::AhliMuda);
        let record = RetentionRecord {
            // 59 on 10 March 2026; 60 on 10 March 2027.
            birth_date: date!(1967 - 03 - 10),
            jabatan: Some(&guru),
            tmt_jabatan: None,
            boxes: &[],
            last_development: None,
        };
        let f = flags(&rules, &record, periode, on);
        assert_eq!(kinds(&f), [FlagKind::MendekatiBup]);
        assert_eq!(
            f[0].reason,
            "pensiun (BUP 60 tahun) TMT 2027-04-01, 3 bulan lagi"
        );
        assert!(
            f[0].source.contains("UU 14/2005 Pasal 30 ayat (4)"),
            "{}",
            f[0].source
        );
        // The same person in a JF of no family has reached BUP 58.
        let analis = Jabatan::named("Analis Kebijakan Ahli Muda", Jenjang::AhliMuda);
        let record = RetentionRecord {
            jabatan: Some(&analis),
            ..record
        };
        assert_eq!(
            flags(&rules, &record, periode, on)[0].reason,
            "sudah mencapai BUP 58 tahun, TMT pensiun 2025-04-01"
        );
    }
}
