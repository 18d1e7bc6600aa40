//! `map`: the talent map of a period, computed from the stored records with
//! the domain's rules (the same classification as `talenta classify`),
//! stored as a snapshot, and written out. Employees without the data a
//! component needs are kept in the snapshot with what is missing, never
//! given an invented score.
//!
//! Employees are read a page at a time (keyset pagination by NIP) with the
//! SKP, assessments and sanctions of the same NIP range, so memory grows
//! with the instansi's positions (read once, all of them), not with its
//! employees.

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;
use talenta_domain::cycle::StatusPeriode;
use talenta_domain::personnel::{Asesmen, RiwayatHukdis};
use talenta_domain::talent_map::{NilaiSkp, Rekam, score, skp_years};
use talenta_domain::{Nip, Periode, RuleSet, Score};
use talenta_ingest::xlsx_write::{XlsxSink, XlsxWriteError};
use talenta_ingest::{Column, CsvTable};
use talenta_storage::{
    Batch, Db, Fact, MapSubject, PeriodeRow, Persyaratan, Snapshot, SnapshotRow, StorageError,
    SyaratJabatan, WriteTx, Written,
};
use time::OffsetDateTime;
use tokio::sync::{OnceCell, oneshot};

use crate::Ctx;

/// Employees scored per page.
const PAGE: i64 = 10_000;

/// Pages read and scored at a time while the pages before them are written
/// (eight were no faster once the positions were read up front).
const AHEAD: usize = 4;

#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error("no talent map of {0} yet: compute it with `talenta map --period {0}`")]
    NoSnapshot(Periode),
    #[error(
        "period {0} is closed: its talent map is frozen (run a what-if with `talenta map --period {0} --what-if --rules FILE`)"
    )]
    Closed(Periode),
    #[error("writing")]
    Csv(#[from] csv::Error),
    #[error("writing")]
    Json(#[from] serde_json::Error),
    #[error("writing")]
    Io(#[from] std::io::Error),
    #[error("writing")]
    Xlsx(#[from] XlsxWriteError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("scoring a page of employees stopped")]
    Task(#[from] tokio::task::JoinError),
    #[error("the rule set cannot be stored with the map: {0}")]
    Rules(#[from] talenta_domain::ruleset::RuleSetError),
}

/// What a computed map holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapSummary {
    /// Employees per box, index 0 = box 1.
    pub per_box: [u64; 9],
    /// Employees left out for missing data.
    pub missing: u64,
    /// How many lack each component, by component code.
    pub missing_by_component: Vec<(String, u64)>,
}

impl MapSummary {
    pub fn placed(&self) -> u64 {
        self.per_box.iter().sum()
    }
}

/// Computes the map of `periode` and stores it as the period's snapshot,
/// replacing an earlier one, in one transaction.
pub async fn compute(ctx: &Ctx<'_>, periode: Periode) -> Result<MapSummary, MapError> {
    compute_each(ctx, periode, |_| {}).await
}

/// [`compute`], handing each page of rows to `each_page` once it is
/// written, in NIP order, so a caller that writes the map out need not read
/// back what was just computed. The pages belong to a transaction that
/// commits only when this returns `Ok`.
pub async fn compute_each(
    ctx: &Ctx<'_>,
    periode: Periode,
    mut each_page: impl FnMut(&[SnapshotRow]),
) -> Result<MapSummary, MapError> {
    let (db, instansi_id, rules) = (ctx.db, ctx.instansi.get(), ctx.rules);
    let (actor, now) = (ctx.actor, ctx.now);
    // Pages are read and scored in tasks of their own, up to `AHEAD` at a
    // time, while this task writes them in order: the first while the
    // writer opens the period and writes the snapshot's header. A page
    // starts once the one before has read its employees (keyset
    // pagination), so only those reads run one after another.
    let shared_rules = Arc::new(rules.clone());
    let positions = Arc::new(Positions::new());
    let start_page = |after: Option<Nip>| {
        let (db, rules) = (db.clone(), Arc::clone(&shared_rules));
        let positions = Arc::clone(&positions);
        let (last_nip, next) = oneshot::channel();
        let task = tokio::spawn(async move {
            let page = db
                .page_after::<MapSubject>(instansi_id, after.as_ref().map(Nip::as_str), PAGE)
                .await?;
            // Dropped unsent on an error, which then ends the pages.
            let _ = last_nip.send(page.last().map(|p| p.nip));
            score_subjects(&db, instansi_id, periode, &rules, &positions, page).await
        });
        (next, task)
    };
    let (last_nip, first) = start_page(None);
    // Where the page after the last one started learns where to start.
    let mut next = Some(last_nip);
    let mut in_flight = VecDeque::from([first]);
    let (mut tx, perubahan, had_rows) =
        start_snapshot(db, instansi_id, periode, rules, actor, now).await?;

    let mut summary = MapSummary::default();
    let mut missing_by: HashMap<String, u64> = HashMap::new();
    let mut written = Written::default();
    loop {
        while in_flight.len() < AHEAD {
            let Some(last_nip) = next.take() else {
                break;
            };
            let Ok(Some(after)) = last_nip.await else {
                break;
            };
            let (after_next, task) = start_page(Some(after));
            next = Some(after_next);
            in_flight.push_back(task);
        }
        let Some(task) = in_flight.pop_front() else {
            break;
        };
        let rows = task.await??;
        if rows.is_empty() {
            continue;
        }
        tally(&rows, &mut summary, &mut missing_by);
        written += if had_rows {
            tx.upsert(instansi_id, perubahan, &rows).await?
        } else {
            tx.insert_batch(instansi_id, perubahan, Batch::new(&rows))
                .await?
        };
        each_page(&rows);
    }
    if had_rows {
        tx.prune_snapshot(instansi_id, &periode.to_string(), written.rows())
            .await?;
    }
    // Hundreds of thousands of positions are freed on a thread of their own
    // while SQLite commits on its.
    tokio::task::spawn_blocking(move || drop(positions));
    tx.commit().await?;
    db.analyze_of::<SnapshotRow>().await?;
    let mut by: Vec<(String, u64)> = missing_by.into_iter().collect();
    by.sort();
    summary.missing_by_component = by;
    debug_assert_eq!(written.rows(), summary.placed() + summary.missing);
    Ok(summary)
}

/// Opens the write transaction of a map of `periode`: its change-log entry,
/// the period opened (or its rule set updated) and the snapshot's header
/// written; tells whether the period already holds rows. Refuses a closed
/// period.
async fn start_snapshot(
    db: &Db,
    instansi_id: i64,
    periode: Periode,
    rules: &RuleSet,
    actor: &str,
    now: OffsetDateTime,
) -> Result<(WriteTx, i64, bool), MapError> {
    let mut tx = db.begin_write().await?;
    let perubahan = tx
        .record_change(
            now,
            actor,
            "map",
            &format!("talent map {periode} ({})", rules.id),
        )
        .await?;
    // A closed period is frozen; a period mapped for the first time opens.
    let key = periode.to_string();
    let state = match tx.periode_state(instansi_id, &key).await? {
        Some(state) if state.status == StatusPeriode::Ditutup => {
            tx.rollback().await?;
            return Err(MapError::Closed(periode));
        }
        Some(state) => state,
        None => PeriodeRow::opened(periode, now, actor),
    };
    let state = PeriodeRow {
        rule_set: Some(rules.id.clone()),
        rule_set_fingerprint: Some(rules.fingerprint()),
        ..state
    };
    tx.upsert(instansi_id, perubahan, &[state]).await?;
    let cutoffs = format!(
        "kinerja {}/{}; potensial {}/{}",
        rules.nine_box.kinerja.high(),
        rules.nine_box.kinerja.mid(),
        rules.nine_box.potensial.high(),
        rules.nine_box.potensial.mid()
    );
    let had_rows = tx
        .replace_snapshot(
            instansi_id,
            perubahan,
            &Snapshot {
                periode,
                rule_set: rules.id.clone(),
                cutoffs,
                dihitung_at: now,
                rule_set_toml: Some(rules.to_toml()?),
            },
        )
        .await?;
    Ok((tx, perubahan, had_rows))
}

/// Counts rows per box and what the left-out lack.
fn tally(rows: &[SnapshotRow], summary: &mut MapSummary, missing_by: &mut HashMap<String, u64>) {
    for row in rows {
        if let Some(kotak) = row.kotak {
            if let Some(count) = summary
                .per_box
                .get_mut(usize::from(kotak.number()).saturating_sub(1))
            {
                *count += 1;
            }
        } else {
            summary.missing += 1;
            for komponen in &row.kurang {
                *missing_by.entry(komponen.code().to_owned()).or_default() += 1;
            }
        }
    }
}

/// The requirements of an instansi's positions by code, read when the first
/// page of employees needs them. A page (in NIP order) holds positions from
/// all over the table: looking up each page's cost SQLite four times as much
/// as reading every position once.
pub(crate) type Positions = OnceCell<PositionMap>;

/// Hashed with foldhash: SipHash, the standard one, took a quarter of the
/// time of reading the positions.
type PositionMap = foldhash::HashMap<String, Arc<Persyaratan>>;

/// Every position of the instansi, each set of requirements held once.
async fn read_positions(db: &Db, instansi_id: i64) -> Result<PositionMap, StorageError> {
    let mut shared = foldhash::HashSet::<Arc<Persyaratan>>::default();
    let mut positions = PositionMap::default();
    db.all_of(instansi_id, |SyaratJabatan { kode, persyaratan }| {
        let persyaratan = match shared.get(&persyaratan) {
            Some(same) => Arc::clone(same),
            None => {
                let new = Arc::new(persyaratan);
                shared.insert(Arc::clone(&new));
                new
            }
        };
        positions.insert(kode, persyaratan);
    })
    .await?;
    Ok(positions)
}

/// Scores the next page of employees after NIP `after` (all of them from
/// the start with `None`); `None` when there are no more. Writes nothing.
pub(crate) async fn score_page(
    db: &Db,
    instansi_id: i64,
    periode: Periode,
    rules: &RuleSet,
    positions: &Positions,
    after: Option<&str>,
) -> Result<Option<Vec<SnapshotRow>>, StorageError> {
    let page = db
        .page_after::<MapSubject>(instansi_id, after, PAGE)
        .await?;
    if page.is_empty() {
        return Ok(None);
    }
    score_subjects(db, instansi_id, periode, rules, positions, page)
        .await
        .map(Some)
}

/// Scores `page`, employees in NIP order, with their records.
async fn score_subjects(
    db: &Db,
    instansi_id: i64,
    periode: Periode,
    rules: &RuleSet,
    positions: &Positions,
    page: Vec<MapSubject>,
) -> Result<Vec<SnapshotRow>, StorageError> {
    let (Some(first), Some(last)) = (page.first(), page.last()) else {
        return Ok(Vec::new());
    };
    let (first, last) = (first.nip.as_str(), last.nip.as_str());
    // Side by side on the pool's connections (SQLite: each its own thread).
    let (skp, asesmen, hukdis, positions) = tokio::try_join!(
        db.range_of_years::<Fact<NilaiSkp>>(
            instansi_id,
            first,
            last,
            skp_years(periode, rules.talent_map.skp_years)
        ),
        db.range_of::<Asesmen>(instansi_id, first, last),
        db.range_of::<RiwayatHukdis>(instansi_id, first, last),
        positions.get_or_try_init(|| read_positions(db, instansi_id)),
    )?;
    let nilai_skp: Vec<NilaiSkp> = skp.iter().map(|s| s.fact).collect();
    // Where each list's next employee's records start.
    let (mut at_skp, mut at_asesmen, mut at_hukdis) = (0, 0, 0);
    let mut rows = Vec::with_capacity(page.len());
    for pegawai in page {
        let nip = &pegawai.nip;
        let rekam = Rekam {
            jabatan: pegawai
                .jabatan
                .as_deref()
                .and_then(|kode| positions.get(kode))
                .map(|persyaratan| persyaratan.syarat()),
            pendidikan: pegawai.pendidikan,
            bidang_ilmu: pegawai.bidang_ilmu.as_ref(),
            skp: nilai_skp
                .get(take_nip(&skp, &mut at_skp, nip, |s| &s.nip))
                .unwrap_or_default(),
            asesmen: asesmen
                .get(take_nip(&asesmen, &mut at_asesmen, nip, |a| &a.nip))
                .unwrap_or_default(),
            hukdis: hukdis
                .get(take_nip(&hukdis, &mut at_hukdis, nip, |h| &h.nip))
                .unwrap_or_default(),
        };
        let scored = score(rules, periode, &rekam);
        let mut row = SnapshotRow {
            periode,
            nama: full_name(&pegawai),
            nip: pegawai.nip,
            opd: pegawai.opd,
            kinerja: None,
            potensial: None,
            kotak: None,
            nilai_talenta: None,
            kurang: Vec::new(),
        };
        match scored {
            Ok(nilai) => {
                row.kinerja = Some(nilai.kinerja);
                row.potensial = Some(nilai.potensial);
                row.kotak = Some(nilai.placement.kotak);
                row.nilai_talenta = Some(nilai.nilai_talenta);
            }
            Err(missing) => {
                row.kurang = missing.0;
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Where the records of `nip` lie in `rows` (sorted by NIP) from `*at` on;
/// `*at` moves past them.
fn take_nip<T>(rows: &[T], at: &mut usize, nip: &Nip, nip_of: impl Fn(&T) -> &Nip) -> Range<usize> {
    let rest = rows.get(*at..).unwrap_or_default();
    let start = *at + rest.iter().take_while(|r| nip_of(r) < nip).count();
    let mine = rows.get(start..).unwrap_or_default();
    *at = start + mine.iter().take_while(|r| nip_of(r) == nip).count();
    start..*at
}

fn full_name(pegawai: &MapSubject) -> String {
    talenta_domain::personnel::full_name(
        pegawai.gelar_depan.as_deref(),
        &pegawai.nama,
        pegawai.gelar_belakang.as_deref(),
    )
}

/// Output formats of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapFormat {
    Json,
    Csv,
    Xlsx,
}

/// One placed employee as written out.
#[derive(Debug, Serialize)]
struct Placed<'a> {
    nip: &'a str,
    name: &'a str,
    opd: &'a str,
    #[serde(serialize_with = "as_number")]
    kinerja: Score,
    #[serde(serialize_with = "as_number")]
    potensial: Score,
    #[serde(rename = "box")]
    kotak: u8,
    label: &'static str,
}

impl<'a> Placed<'a> {
    const COLUMNS: &'static [Column] = &[
        Column::required("nip"),
        Column::required("name"),
        Column::required("opd"),
        Column::required("kinerja").number(),
        Column::required("potensial").number(),
        Column::required("box").number(),
        Column::required("label"),
    ];

    fn of(row: &'a SnapshotRow) -> Option<Placed<'a>> {
        let (kinerja, potensial, kotak) = (row.kinerja?, row.potensial?, row.kotak?);
        Some(Placed {
            nip: row.nip.as_str(),
            name: &row.nama,
            opd: &row.opd,
            kinerja,
            potensial,
            kotak: kotak.number(),
            label: kotak.label(),
        })
    }
}

impl Line for Placed<'_> {
    fn cells(&self) -> Vec<String> {
        vec![
            self.nip.to_owned(),
            self.name.to_owned(),
            self.opd.to_owned(),
            fixed(self.kinerja),
            fixed(self.potensial),
            self.kotak.to_string(),
            self.label.to_owned(),
        ]
    }
}

fn as_number<S: serde::Serializer>(score: &Score, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(score.as_f64())
}

/// A score with two decimals, as the map's CSV writes it.
fn fixed(score: Score) -> String {
    let h = score.hundredths();
    format!("{}.{:02}", h / 100, h % 100)
}

/// One employee left out, with the components they lack.
#[derive(Debug, Serialize)]
struct LeftOut<'a> {
    nip: &'a str,
    name: &'a str,
    opd: &'a str,
    missing: &'a str,
}

impl LeftOut<'_> {
    const COLUMNS: &'static [Column] = &[
        Column::required("nip"),
        Column::required("name"),
        Column::required("opd"),
        Column::required("missing"),
    ];
}

impl Line for LeftOut<'_> {
    fn cells(&self) -> Vec<String> {
        [self.nip, self.name, self.opd, self.missing]
            .map(str::to_owned)
            .to_vec()
    }
}

/// A line of a map table: an object in JSON, cells in CSV and XLSX.
trait Line: Serialize {
    fn cells(&self) -> Vec<String>;
}

/// Whether the map of `periode` has been computed.
pub async fn computed(ctx: &Ctx<'_>, periode: Periode) -> Result<bool, StorageError> {
    Ok(ctx
        .db
        .snapshot(ctx.instansi.get(), &periode.to_string())
        .await?
        .is_some())
}

/// Writes the stored map of `periode` as [`MapWriter`] does.
pub async fn write<'w>(
    ctx: &Ctx<'_>,
    periode: Periode,
    format: MapFormat,
    out: &'w mut dyn Write,
    missing: Option<(&'w mut dyn Write, MapFormat)>,
) -> Result<(u64, u64), MapError> {
    if !computed(ctx, periode).await? {
        return Err(MapError::NoSnapshot(periode));
    }
    let mut writer = MapWriter::new(format, out, missing)?;
    let key = periode.to_string();
    ctx.db
        .read_all_of::<SnapshotRow>(ctx.instansi.get(), &key, |row| {
            writer.write(std::slice::from_ref(&row));
            Ok(())
        })
        .await?;
    writer.finish()
}

/// Writes a map as its rows come, in NIP order: placed employees to one
/// output, the employees left out (with what is missing) to another when
/// given. The first failed write is kept, the rows after it are skipped,
/// and [`MapWriter::finish`] reports it: a map being computed is stored
/// even when its output cannot be written.
pub struct MapWriter<'w> {
    placed: TableSink<'w>,
    missing: Option<TableSink<'w>>,
    counts: (u64, u64),
    failure: Option<MapError>,
}

impl<'w> MapWriter<'w> {
    pub fn new(
        format: MapFormat,
        out: &'w mut dyn Write,
        missing: Option<(&'w mut dyn Write, MapFormat)>,
    ) -> Result<MapWriter<'w>, MapError> {
        Ok(MapWriter {
            placed: TableSink::new(format, Placed::COLUMNS, out)?,
            missing: missing
                .map(|(out, format)| TableSink::new(format, LeftOut::COLUMNS, out))
                .transpose()?,
            counts: (0, 0),
            failure: None,
        })
    }

    pub fn write(&mut self, rows: &[SnapshotRow]) {
        if self.failure.is_none()
            && let Err(e) = self.write_rows(rows)
        {
            self.failure = Some(e);
        }
    }

    fn write_rows(&mut self, rows: &[SnapshotRow]) -> Result<(), MapError> {
        for row in rows {
            if let Some(placed) = Placed::of(row) {
                self.placed.push(&placed)?;
                self.counts.0 += 1;
            } else {
                self.counts.1 += 1;
                if let Some(missing) = self.missing.as_mut() {
                    // The file lists the codes in one cell, `|`-separated.
                    let codes: Vec<&str> = row.kurang.iter().map(|k| k.code()).collect();
                    missing.push(&LeftOut {
                        nip: row.nip.as_str(),
                        name: &row.nama,
                        opd: &row.opd,
                        missing: &codes.join("|"),
                    })?;
                }
            }
        }
        Ok(())
    }

    /// Ends the outputs; returns (placed, left out), or the first failure.
    pub fn finish(self) -> Result<(u64, u64), MapError> {
        if let Some(e) = self.failure {
            return Err(e);
        }
        self.placed.finish()?;
        if let Some(missing) = self.missing {
            missing.finish()?;
        }
        Ok(self.counts)
    }
}

/// A table written line by line. JSON is an array with an object per line;
/// XLSX is assembled in memory (a workbook is one zip archive) and written
/// at the end.
enum TableSink<'w> {
    Json { out: &'w mut dyn Write, empty: bool },
    Csv(Box<CsvTable<&'w mut dyn Write>>),
    Xlsx(Box<XlsxSink>, &'w mut dyn Write),
}

impl std::fmt::Debug for MapWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapWriter")
            .field("placed", &self.counts.0)
            .field("left_out", &self.counts.1)
            .finish_non_exhaustive()
    }
}

impl<'w> TableSink<'w> {
    fn new(
        format: MapFormat,
        columns: &[Column],
        out: &'w mut dyn Write,
    ) -> Result<TableSink<'w>, MapError> {
        Ok(match format {
            MapFormat::Json => {
                out.write_all(b"[")?;
                TableSink::Json { out, empty: true }
            }
            MapFormat::Csv => TableSink::Csv(Box::new(CsvTable::new(out, columns)?)),
            MapFormat::Xlsx => TableSink::Xlsx(Box::new(XlsxSink::new(columns)?), out),
        })
    }

    fn push(&mut self, line: &impl Line) -> Result<(), MapError> {
        match self {
            TableSink::Json { out, empty } => {
                out.write_all(if *empty { b"\n" } else { b",\n" })?;
                *empty = false;
                serde_json::to_writer(&mut **out, line)?;
            }
            TableSink::Csv(table) => table.write(line.cells().iter().map(String::as_str))?,
            TableSink::Xlsx(sink, _) => sink.push(&line.cells())?,
        }
        Ok(())
    }

    fn finish(self) -> Result<(), MapError> {
        match self {
            TableSink::Json { out, empty } => {
                out.write_all(if empty { b"]\n" } else { b"\n]\n" })?;
            }
            TableSink::Csv(table) => table.finish()?.flush()?,
            TableSink::Xlsx(sink, out) => out.write_all(&sink.finish()?)?,
        }
        Ok(())
    }
}
