//! A dashboard's numbers: the stored counts of a scope
//! ([`Db::dashboard_counts`]) summed per group and for the whole scope, with
//! the rule set's definitions applied here, in one place:
//!
//! - *profiled*: the employee has an assessment (asesmen) dated within
//!   `[talent_map] asesmen_max_age_years` before today, and not after today
//!   (the window the talent map uses, on today's date);
//! - *document completeness*: verified required documents out of those
//!   required (`[dokumen]`, by status), counted per employee and kind.
//!
//! A reader who may not see the persons behind the counts sees them
//! through [`Dashboard::shown`], without those `[privasi]` hides.

use std::collections::HashMap;

use talenta_domain::calendar::add_years;
use talenta_domain::dokumen::DokumenPolicy;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::privasi::{Cell, Hidden, Privasi, Table};
use talenta_storage::{DashboardCounts, Queue, StorageError};

use crate::Ctx;
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

/// A row of a dashboard's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Row {
    /// `groups[i]`.
    Group(usize),
    /// `jenjang[i]`.
    Jenjang(usize),
    /// The whole scope, and the verification queue.
    Total,
}

/// A count of a row of a dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Count {
    Pegawai,
    Profiled,
    /// Not printed, but a reader has it: employees less those profiled.
    NotProfiled,
    /// Documents go with the employees they are counted over: shown when
    /// [`Count::Pegawai`] of the row is.
    DokumenWajib,
    DokumenAda,
    /// Box `k + 1`.
    Kotak(usize),
    BelumDipetakan,
    /// Placed in a box (of [`Row::Total`]).
    Dipetakan,
    /// Placed or not: the boxes' "Jumlah" column.
    Jumlah,
    /// The verification queue (of [`Row::Total`]): proposals, documents, both.
    Usulan,
    Dokumen,
    Antrean,
}

/// A dashboard as a reader sees it: every count, or for a reader who may
/// not see the persons behind them, without those `[privasi]` hides.
#[derive(Debug, Clone)]
pub struct Shown<'a> {
    dashboard: &'a Dashboard,
    hidden: Option<(Hidden, Cells)>,
}

/// Where each count of a dashboard is in its [`Table`].
type Cells = HashMap<(Row, Count), Cell>;

impl Shown<'_> {
    /// `count` of `row`, or `None` when it is hidden.
    pub fn count(&self, row: Row, count: Count) -> Option<u64> {
        let value = self.dashboard.value(row, count);
        let Some((hidden, cells)) = &self.hidden else {
            return Some(value);
        };
        let counted_over = match count {
            Count::DokumenWajib | Count::DokumenAda => Count::Pegawai,
            other => other,
        };
        cells
            .get(&(row, counted_over))
            .and_then(|cell| hidden.shown(*cell, value))
    }

    /// Whether any count is hidden (the page then says what the mark means).
    pub fn hides_any(&self) -> bool {
        self.hidden.as_ref().is_some_and(|(h, _)| !h.is_empty())
    }
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

impl Dashboard {
    /// The dashboard as a reader sees it: with `None`, every count; with
    /// the rule of a reader who may not see the persons behind the counts,
    /// without those it hides ([`talenta_domain::privasi`]).
    pub fn shown(&self, privasi: Option<&Privasi>) -> Shown<'_> {
        Shown {
            dashboard: self,
            hidden: privasi.map(|rule| {
                let (table, cells) = self.table();
                (table.suppress(rule), cells)
            }),
        }
    }

    fn tally(&self, row: Row) -> Option<&Tally> {
        match row {
            Row::Group(i) => self.groups.get(i).map(|g| &g.tally),
            Row::Jenjang(i) => self.jenjang.get(i).map(|(_, t)| t),
            Row::Total => Some(&self.total),
        }
    }

    fn value(&self, row: Row, count: Count) -> u64 {
        let queue = |n: i64| u64::try_from(n).unwrap_or(0);
        match (count, self.tally(row)) {
            (Count::Usulan, _) => queue(self.queue.usulan),
            (Count::Dokumen, _) => queue(self.queue.dokumen),
            (Count::Antrean, _) => queue(self.queue.usulan) + queue(self.queue.dokumen),
            (_, None) => 0,
            (Count::Pegawai, Some(t)) => t.pegawai,
            (Count::Profiled, Some(t)) => t.profiled,
            (Count::NotProfiled, Some(t)) => t.pegawai.saturating_sub(t.profiled),
            (Count::DokumenWajib, Some(t)) => t.dokumen_wajib,
            (Count::DokumenAda, Some(t)) => t.dokumen_ada,
            (Count::Kotak(k), Some(t)) => t.kotak.get(k).copied().unwrap_or(0),
            (Count::BelumDipetakan, Some(t)) => t.belum_dipetakan,
            (Count::Dipetakan, Some(t)) => t.dipetakan(),
            (Count::Jumlah, Some(t)) => t.dipetakan() + t.belum_dipetakan,
        }
    }

    /// The counts the dashboard page shows and the sums a reader can check
    /// among them: per unit the employees, profiled and not (its progress
    /// row) and the boxes and their total; per jenjang the boxes; the
    /// columns of both tables adding up to the one totals row; the boxes
    /// placed; the queue. Documents are not counts of persons: they follow
    /// the employees of their row ([`Count::DokumenWajib`]).
    fn table(&self) -> (Table, Cells) {
        const PROGRESS: [Count; 2] = [Count::Profiled, Count::NotProfiled];
        const QUEUE: [Count; 2] = [Count::Usulan, Count::Dokumen];
        let boxes: Vec<Count> = (0..9)
            .map(Count::Kotak)
            .chain([Count::BelumDipetakan])
            .collect();
        let groups: Vec<Row> = (0..self.groups.len()).map(Row::Group).collect();
        let jenjang: Vec<Row> = (0..self.jenjang.len()).map(Row::Jenjang).collect();
        let with_total =
            |rows: &[Row]| -> Vec<Row> { rows.iter().copied().chain([Row::Total]).collect() };
        let progress_rows = with_total(&groups);
        let box_rows: Vec<Row> = with_total(&[groups.as_slice(), &jenjang].concat());

        let mut every: Vec<(Row, Count)> = Vec::new();
        for &row in &progress_rows {
            every.extend([Count::Pegawai].iter().chain(&PROGRESS).map(|c| (row, *c)));
        }
        for &row in &box_rows {
            every.extend(boxes.iter().chain(&[Count::Jumlah]).map(|c| (row, *c)));
        }
        every.extend(
            [Count::Dipetakan, Count::Antrean]
                .iter()
                .chain(&QUEUE)
                .map(|c| (Row::Total, *c)),
        );
        let mut table = Table::default();
        let cells: Cells = every
            .into_iter()
            .map(|(row, count)| ((row, count), table.cell(self.value(row, count))))
            .collect();
        let mut sum = |parts: Vec<(Row, Count)>, total: (Row, Count)| {
            if let Some(total) = cells.get(&total) {
                table.sum(parts.iter().filter_map(|p| cells.get(p).copied()), *total);
            }
        };
        // Each row adds up to its total.
        for &row in &progress_rows {
            sum(PROGRESS.map(|c| (row, c)).to_vec(), (row, Count::Pegawai));
        }
        for &row in &box_rows {
            sum(
                boxes.iter().map(|c| (row, *c)).collect(),
                (row, Count::Jumlah),
            );
        }
        // Each column of units, and of jenjang, adds up to the totals row.
        for count in [Count::Pegawai].iter().chain(&PROGRESS) {
            sum(
                groups.iter().map(|r| (*r, *count)).collect(),
                (Row::Total, *count),
            );
        }
        for count in boxes.iter().chain(&[Count::Jumlah]) {
            for members in [&groups, &jenjang] {
                sum(
                    members.iter().map(|r| (*r, *count)).collect(),
                    (Row::Total, *count),
                );
            }
        }
        // The placed of the totals row, as the page says it.
        sum(
            (0..9).map(|k| (Row::Total, Count::Kotak(k))).collect(),
            (Row::Total, Count::Dipetakan),
        );
        sum(
            vec![
                (Row::Total, Count::Dipetakan),
                (Row::Total, Count::BelumDipetakan),
            ],
            (Row::Total, Count::Jumlah),
        );
        sum(
            QUEUE.map(|c| (Row::Total, c)).to_vec(),
            (Row::Total, Count::Antrean),
        );
        (table, cells)
    }
}

/// Loads and sums the dashboard of `root` (a unit and its sub-units) or of
/// the whole instansi.
pub async fn load(ctx: &Ctx<'_>, root: Option<&str>) -> Result<Dashboard, StorageError> {
    let (db, rules, instansi, today) = (ctx.db, ctx.rules, ctx.instansi.get(), ctx.today());
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
    use talenta_domain::RuleSet;
    use talenta_storage::{BoxCount, StatusCount, UnitGroup, VerifiedCount};
    use time::macros::date;

    #[test]
    fn assessments_count_for_the_talent_maps_window() {
        // (the day, the window in years, its first day)
        for (on, years, from) in [
            (date!(2026 - 05 - 10), 3, date!(2023 - 05 - 10)),
            (date!(2028 - 02 - 29), 3, date!(2025 - 03 - 01)),
            (date!(2028 - 02 - 29), 4, date!(2024 - 02 - 29)),
            (date!(2027 - 02 - 28), 3, date!(2024 - 02 - 28)),
        ] {
            assert_eq!(assessed_from(on, years), from, "{on}, {years} years");
        }
    }

    /// A unit's head alone in box 5 is hidden from a reader of counts, and
    /// so is enough else that the unit's total and the boxes' totals do not
    /// give the one back; an admin sees every count.
    #[test]
    fn a_reader_of_counts_sees_no_small_count() {
        let tally = |pegawai: u64, kotak: [u64; 9]| Tally {
            pegawai,
            profiled: pegawai,
            dokumen_ada: pegawai,
            dokumen_wajib: 7 * pegawai,
            kotak,
            belum_dipetakan: 0,
        };
        let a = tally(40, [0, 0, 0, 0, 1, 0, 0, 20, 19]);
        let b = tally(30, [0, 0, 0, 0, 10, 0, 0, 10, 10]);
        let mut total = Tally::default();
        total.add(&a);
        total.add(&b);
        let group = |kode: &str, tally: Tally| GroupTally {
            kode: kode.into(),
            nama: kode.into(),
            tally,
        };
        let dashboard = Dashboard {
            groups: vec![group("A", a), group("B", b)],
            jenjang: vec![(None, total.clone())],
            total,
            periode: Some("2026-S1".into()),
            queue: Queue {
                usulan: 2,
                dokumen: 30,
            },
            assessed_from: time::macros::date!(2023 - 01 - 01),
        };
        let rule = RuleSet::bundled().unwrap().privasi;
        let everything = dashboard.shown(None);
        assert_eq!(everything.count(Row::Group(0), Count::Kotak(4)), Some(1));
        assert!(!everything.hides_any());

        let shown = dashboard.shown(Some(&rule));
        assert!(shown.hides_any());
        let a_row: Vec<Option<u64>> = (0..9)
            .map(|k| shown.count(Row::Group(0), Count::Kotak(k)))
            .collect();
        // The head's 1 and the zeros go; with the 40 shown they add up to
        // 1, so the smallest other count (19) goes too.
        assert_eq!(
            a_row,
            [None, None, None, None, None, None, None, Some(20), None]
        );
        assert_eq!(shown.count(Row::Group(0), Count::Jumlah), Some(40));
        // Box 5's column: 1 + 10 = 11; the 10 goes with the 1. In the
        // totals row the empty boxes add up to nothing under the shown 70,
        // so the smallest other total (box 5's 11) goes too.
        assert_eq!(shown.count(Row::Group(1), Count::Kotak(4)), None);
        assert_eq!(shown.count(Row::Total, Count::Kotak(4)), None);
        assert_eq!(shown.count(Row::Total, Count::Kotak(7)), Some(30));
        assert_eq!(shown.count(Row::Total, Count::Jumlah), Some(70));
        // The queue: 2 proposals hidden, and with them the documents, as
        // the total is shown.
        assert_eq!(shown.count(Row::Total, Count::Usulan), None);
        assert_eq!(shown.count(Row::Total, Count::Dokumen), None);
        assert_eq!(shown.count(Row::Total, Count::Antrean), Some(32));
        // Documents follow the employees they are counted over.
        assert_eq!(shown.count(Row::Group(0), Count::DokumenWajib), Some(280));
        for row in [Row::Group(0), Row::Group(1), Row::Jenjang(0), Row::Total] {
            for k in 0..9 {
                let n = shown.count(row, Count::Kotak(k));
                assert!(n.is_none_or(|n| n >= 5), "{row:?} box {}: {n:?}", k + 1);
            }
        }
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
