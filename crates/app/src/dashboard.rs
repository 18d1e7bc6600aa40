//! A dashboard's numbers: the stored counts of a scope
//! ([`Db::dashboard_counts`]) summed per group and for the whole scope, with
//! the rule set's definitions applied here, in one place:
//!
//! - *profiled*: the employee has an assessment (asesmen) dated within
//!   `[talent_map] asesmen_max_age_years` before today, and not after today
//!   (the window the talent map uses, on today's date);
//! - *document completeness*: verified required documents out of those
//!   required (`[dokumen]`, by status), counted per employee and kind.

use talenta_domain::RuleSet;
use talenta_domain::calendar::add_years;
use talenta_domain::dokumen::DokumenPolicy;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_storage::{DashboardCounts, Db, Queue, StorageError};
use time::Date;

/// Employees and boxes of one group, or of the whole scope.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub pegawai: u64,
    pub profiled: u64,
    /// Verified required documents.
    pub dokumen_ada: u64,
    /// Required documents.
    pub dokumen_wajib: u64,
    /// Snapshot rows per box, box 1 first.
    pub kotak: [u64; 9],
    /// Snapshot rows not placed (data missing).
    pub belum_dipetakan: u64,
}

impl Tally {
    /// Employees placed in a box.
    pub fn dipetakan(&self) -> u64 {
        self.kotak.iter().sum()
    }

    fn add(&mut self, other: &Tally) {
        self.pegawai += other.pegawai;
        self.profiled += other.profiled;
        self.dokumen_ada += other.dokumen_ada;
        self.dokumen_wajib += other.dokumen_wajib;
        for (mine, theirs) in self.kotak.iter_mut().zip(other.kotak) {
            *mine += theirs;
        }
        self.belum_dipetakan += other.belum_dipetakan;
    }

    fn count_box(&mut self, kotak: Option<u8>, pegawai: u64) {
        match kotak
            .and_then(|k| usize::from(k).checked_sub(1))
            .and_then(|i| self.kotak.get_mut(i))
        {
            Some(slot) => *slot += pegawai,
            None => self.belum_dipetakan += pegawai,
        }
    }
}

/// A row of the dashboard: a unit and everything counted under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTally {
    pub kode: String,
    pub nama: String,
    pub tally: Tally,
}

/// The dashboard of a scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    pub groups: Vec<GroupTally>,
    pub total: Tally,
    /// Boxes per jenjang code of the current position (`None`: no position),
    /// in jenjang code order with `None` last.
    pub jenjang: Vec<(Option<String>, Tally)>,
    /// The talent-map period the boxes are from.
    pub periode: Option<String>,
    pub queue: Queue,
    /// The earliest assessment date that still counts as current.
    pub assessed_from: Date,
}

/// The earliest date an assessment may have to be current on `today`: the
/// first `d` with `d + max_age_years >= today`, the talent map's rule.
pub fn assessed_from(today: Date, max_age_years: u8) -> Date {
    let years = i32::from(max_age_years);
    let year = today.year() - years;
    let day = today.day().min(today.month().length(year));
    let Ok(naive) = Date::from_calendar_date(year, today.month(), day) else {
        return Date::MIN;
    };
    // 29 February moved back to a common year is 28 February, which plus
    // the years gives 28 February again, a day short.
    match add_years(naive, u32::from(max_age_years)) {
        Some(back) if back < today => naive.next_day().unwrap_or(naive),
        _ => naive,
    }
}

/// Loads and sums the dashboard of `root` (a unit and its sub-units) or of
/// the whole instansi.
pub async fn load(
    db: &Db,
    rules: &RuleSet,
    instansi: i64,
    root: Option<&str>,
    today: Date,
) -> Result<Dashboard, StorageError> {
    let from = assessed_from(today, rules.talent_map.asesmen_max_age_years);
    let counts = db.dashboard_counts(instansi, root, from, today).await?;
    Ok(summarise(&counts, &rules.dokumen, from))
}

/// Sums stored counts into the dashboard's rows.
pub fn summarise(counts: &DashboardCounts, policy: &DokumenPolicy, from: Date) -> Dashboard {
    let mut groups: Vec<GroupTally> = counts
        .groups
        .iter()
        .map(|g| GroupTally {
            kode: g.kode.clone(),
            nama: g.nama.clone(),
            tally: Tally::default(),
        })
        .collect();
    let status = |text: &str| text.parse::<StatusKepegawaian>().ok();
    for row in &counts.employees {
        let need = status(&row.status).map_or(0, |s| policy.required(s).count() as u64);
        if let Some(tally) = tally_of(&mut groups, &row.grup) {
            let pegawai = count(row.pegawai);
            tally.pegawai += pegawai;
            tally.profiled += count(row.profiled);
            tally.dokumen_wajib += pegawai * need;
        }
    }
    for row in &counts.documents {
        let required =
            status(&row.status).is_some_and(|s| policy.required(s).any(|d| d.kode == row.jenis));
        if let (true, Some(tally)) = (required, tally_of(&mut groups, &row.grup)) {
            tally.dokumen_ada += count(row.pegawai);
        }
    }
    let mut jenjang: Vec<(Option<String>, Tally)> = Vec::new();
    for row in &counts.boxes {
        if let Some(tally) = tally_of(&mut groups, &row.grup) {
            tally.count_box(row.kotak, count(row.pegawai));
        }
        let index = match jenjang.iter().position(|(j, _)| *j == row.jenjang) {
            Some(index) => index,
            None => {
                jenjang.push((row.jenjang.clone(), Tally::default()));
                jenjang.len() - 1
            }
        };
        if let Some((_, tally)) = jenjang.get_mut(index) {
            tally.count_box(row.kotak, count(row.pegawai));
        }
    }
    jenjang.sort_by(|(a, _), (b, _)| (a.is_none(), a).cmp(&(b.is_none(), b)));
    let mut total = Tally::default();
    for group in &groups {
        total.add(&group.tally);
    }
    Dashboard {
        groups,
        total,
        jenjang,
        periode: counts.periode.clone(),
        queue: counts.queue,
        assessed_from: from,
    }
}

fn tally_of<'a>(groups: &'a mut [GroupTally], grup: &str) -> Option<&'a mut Tally> {
    groups
        .iter_mut()
        .find(|g| g.kode == grup)
        .map(|g| &mut g.tally)
}

/// A stored count; never negative.
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use talenta_storage::{BoxCount, StatusCount, UnitGroup, VerifiedCount};
    use time::macros::date;

    #[test]
    fn assessments_count_for_the_talent_maps_window() {
        assert_eq!(
            assessed_from(date!(2026 - 05 - 10), 3),
            date!(2023 - 05 - 10)
        );
        assert_eq!(
            assessed_from(date!(2028 - 02 - 29), 3),
            date!(2025 - 03 - 01)
        );
        assert_eq!(
            assessed_from(date!(2028 - 02 - 29), 4),
            date!(2024 - 02 - 29)
        );
        assert_eq!(
            assessed_from(date!(2027 - 02 - 28), 3),
            date!(2024 - 02 - 28)
        );
    }

    #[test]
    fn sums_per_group_with_the_rule_sets_documents() {
        let rules = RuleSet::bundled().unwrap();
        let s = |t: &str| t.to_owned();
        let counts = DashboardCounts {
            groups: vec![
                UnitGroup {
                    kode: s("A"),
                    nama: s("Dinas A"),
                },
                UnitGroup {
                    kode: s("B"),
                    nama: s("Dinas B"),
                },
            ],
            employees: vec![
                StatusCount {
                    grup: s("A"),
                    status: s("PNS"),
                    pegawai: 2,
                    profiled: 1,
                },
                StatusCount {
                    grup: s("A"),
                    status: s("PPPK"),
                    pegawai: 1,
                    profiled: 0,
                },
                StatusCount {
                    grup: s("B"),
                    status: s("CPNS"),
                    pegawai: 1,
                    profiled: 1,
                },
            ],
            documents: vec![
                VerifiedCount {
                    grup: s("A"),
                    status: s("PNS"),
                    jenis: s("sk_pns"),
                    pegawai: 2,
                },
                // Not required of a PPPK: does not count.
                VerifiedCount {
                    grup: s("A"),
                    status: s("PPPK"),
                    jenis: s("sk_pns"),
                    pegawai: 1,
                },
                VerifiedCount {
                    grup: s("B"),
                    status: s("CPNS"),
                    jenis: s("ijazah"),
                    pegawai: 1,
                },
            ],
            periode: Some(s("2026-S1")),
            boxes: vec![
                BoxCount {
                    grup: s("A"),
                    jenjang: Some(s("pelaksana")),
                    kotak: Some(9),
                    pegawai: 2,
                },
                BoxCount {
                    grup: s("A"),
                    jenjang: None,
                    kotak: None,
                    pegawai: 1,
                },
                BoxCount {
                    grup: s("B"),
                    jenjang: Some(s("ahli_muda")),
                    kotak: Some(1),
                    pegawai: 1,
                },
            ],
            queue: Queue {
                usulan: 2,
                dokumen: 3,
            },
        };
        let d = summarise(&counts, &rules.dokumen, date!(2023 - 01 - 01));
        let a = &d.groups[0].tally;
        // PNS need 7 each (sk_cpns, sk_pns, sk_pangkat, sk_jabatan, ijazah,
        // transkrip, skp), PPPK 6, CPNS 4.
        assert_eq!((a.pegawai, a.profiled), (3, 1));
        assert_eq!((a.dokumen_ada, a.dokumen_wajib), (2, 2 * 7 + 6));
        assert_eq!(a.kotak[8], 2);
        assert_eq!(a.belum_dipetakan, 1);
        let b = &d.groups[1].tally;
        assert_eq!((b.dokumen_ada, b.dokumen_wajib), (1, 4));
        assert_eq!(d.total.pegawai, 4);
        assert_eq!(d.total.dipetakan(), 3);
        let order: Vec<_> = d.jenjang.iter().map(|(j, _)| j.as_deref()).collect();
        assert_eq!(order, [Some("ahli_muda"), Some("pelaksana"), None]);
        assert_eq!(d.queue.usulan + d.queue.dokumen, 5);
    }
}
