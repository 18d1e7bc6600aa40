//! `map`: the talent map of a period, computed from the stored records with
//! the domain's rules (the same classification as `talenta classify`),
//! stored as a snapshot, and written out. Employees without the data a
//! component needs are kept in the snapshot with what is missing, never
//! given an invented score.
//!
//! Employees are read a page at a time (keyset pagination by NIP) with the
//! SKP, assessments and sanctions of the same NIP range, so memory stays
//! bounded at any size.

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use serde::Serialize;
use talenta_domain::cycle::StatusPeriode;
use talenta_domain::personnel::{Asesmen, Jabatan, RiwayatHukdis, Skp};
use talenta_domain::talent_map::{Rekam, score};
use talenta_domain::{Kotak, Periode, RuleSet, Score};
use talenta_storage::{
    Db, MapSubject, PeriodeRow, Snapshot, SnapshotRow, StorageError, WriteTx, Written,
};
use time::OffsetDateTime;

use crate::export::{ExportError, resolve_instansi};

/// Employees scored per page.
const PAGE: i64 = 20_000;

#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error(transparent)]
    Instansi(#[from] ExportError),
    #[error("no talent map of {0} yet: compute it with `talenta map --period {0}`")]
    NoSnapshot(Periode),
    #[error(
        "period {0} is closed: its talent map is frozen (run a what-if with `talenta map --period {0} --what-if --rules FILE`)"
    )]
    Closed(Periode),
    #[error("writing: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing: {0}")]
    Json(#[from] serde_json::Error),
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("scoring a page of employees stopped: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// What a computed map holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapSummary {
    pub instansi: String,
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
pub async fn compute(
    db: &Db,
    instansi: Option<&str>,
    periode: Periode,
    rules: &RuleSet,
    actor: &str,
    now: OffsetDateTime,
) -> Result<MapSummary, MapError> {
    compute_each(db, instansi, periode, rules, actor, now, |_| {}).await
}

/// [`compute`], handing each page of rows to `each_page` once it is
/// written, in NIP order, so a caller that writes the map out need not read
/// back what was just computed. The pages belong to a transaction that
/// commits only when this returns `Ok`.
pub async fn compute_each(
    db: &Db,
    instansi: Option<&str>,
    periode: Periode,
    rules: &RuleSet,
    actor: &str,
    now: OffsetDateTime,
    mut each_page: impl FnMut(Vec<SnapshotRow>),
) -> Result<MapSummary, MapError> {
    let (instansi_id, instansi) = resolve_instansi(db, instansi).await?;
    // The positions are read while the writer opens the period and writes
    // the snapshot's header: separate connections (on SQLite, separate
    // threads).
    let (jabatan, started) = tokio::join!(
        jabatan_by_kode(db, instansi_id),
        start_snapshot(db, instansi_id, periode, rules, actor, now)
    );
    let (mut tx, perubahan) = started?;
    let jabatan = Arc::new(jabatan?);
    let shared_rules = Arc::new(rules.clone());
    // Each page is read and scored in a task of its own, on another of the
    // runtime's threads, while this one writes the page before it (on
    // SQLite the readers and the writer are separate connections, each on
    // its own thread).
    let score_next = |after: Option<String>| {
        let (db, jabatan, rules) = (db.clone(), Arc::clone(&jabatan), Arc::clone(&shared_rules));
        tokio::spawn(async move {
            score_page(
                &db,
                instansi_id,
                &jabatan,
                periode,
                &rules,
                after.as_deref(),
            )
            .await
        })
    };

    let mut summary = MapSummary {
        instansi: instansi.kode,
        ..MapSummary::default()
    };
    let mut missing_by: HashMap<String, u64> = HashMap::new();
    let mut written = Written::default();
    let mut page = score_next(None).await??;
    while let Some(rows) = page {
        tally(&rows, &mut summary, &mut missing_by);
        let next = score_next(rows.last().map(|r| r.nip.clone()));
        written += tx.upsert(instansi_id, perubahan, &rows).await?;
        each_page(rows);
        page = next.await??;
    }
    tx.prune_snapshot(instansi_id, &periode.to_string(), written.rows())
        .await?;
    tx.commit().await?;
    db.analyze().await?;
    let mut by: Vec<(String, u64)> = missing_by.into_iter().collect();
    by.sort();
    summary.missing_by_component = by;
    debug_assert_eq!(written.rows(), summary.placed() + summary.missing);
    Ok(summary)
}

/// Opens the write transaction of a map of `periode`: its change-log entry,
/// the period opened (or its rule set updated) and the snapshot's header
/// written. Refuses a closed period.
async fn start_snapshot(
    db: &Db,
    instansi_id: i64,
    periode: Periode,
    rules: &RuleSet,
    actor: &str,
    now: OffsetDateTime,
) -> Result<(WriteTx, i64), MapError> {
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
        None => PeriodeRow {
            periode: key,
            status: StatusPeriode::Terbuka,
            dibuka_at: now,
            dibuka_oleh: actor.to_owned(),
            ditutup_at: None,
            ditutup_oleh: None,
            rule_set: None,
            rule_set_fingerprint: None,
        },
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
    tx.replace_snapshot(
        instansi_id,
        perubahan,
        &Snapshot {
            periode: periode.to_string(),
            rule_set: rules.id.clone(),
            cutoffs,
            dihitung_at: now,
        },
    )
    .await?;
    Ok((tx, perubahan))
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
            for komponen in row.kurang.as_deref().unwrap_or_default().split('|') {
                *missing_by.entry(komponen.to_owned()).or_default() += 1;
            }
        }
    }
}

/// The jabatan of an instansi by code.
pub(crate) async fn jabatan_by_kode(
    db: &Db,
    instansi_id: i64,
) -> Result<HashMap<String, Jabatan>, StorageError> {
    let mut jabatan: HashMap<String, Jabatan> = HashMap::new();
    db.read_all::<Jabatan>(instansi_id, |j| {
        jabatan.insert(j.kode.clone(), j);
        Ok(())
    })
    .await?;
    Ok(jabatan)
}

/// Scores the next page of employees after NIP `after` (all of them from
/// the start with `None`); `None` when there are no more. Writes nothing.
pub(crate) async fn score_page(
    db: &Db,
    instansi_id: i64,
    jabatan: &HashMap<String, Jabatan>,
    periode: Periode,
    rules: &RuleSet,
    after: Option<&str>,
) -> Result<Option<Vec<SnapshotRow>>, StorageError> {
    let page = db
        .page_after::<MapSubject>(instansi_id, after, PAGE)
        .await?;
    let (Some(first), Some(last)) = (page.first(), page.last()) else {
        return Ok(None);
    };
    let (first, last) = (first.nip.as_str(), last.nip.as_str());
    // Side by side on the pool's connections (SQLite: each its own thread).
    let (skp, asesmen, hukdis) = tokio::try_join!(
        db.range_of::<Skp>(instansi_id, first, last),
        db.range_of::<Asesmen>(instansi_id, first, last),
        db.range_of::<RiwayatHukdis>(instansi_id, first, last),
    )?;
    let (mut skp, mut asesmen, mut hukdis) =
        (skp.as_slice(), asesmen.as_slice(), hukdis.as_slice());
    let mut rows = Vec::with_capacity(page.len());
    for pegawai in &page {
        let nip = pegawai.nip.as_str();
        let rekam = Rekam {
            jabatan: pegawai.jabatan.as_ref().and_then(|k| jabatan.get(k)),
            pendidikan: pegawai.pendidikan,
            bidang_ilmu: pegawai.bidang_ilmu.as_ref(),
            skp: take_nip(&mut skp, nip, |s| s.nip.as_str()),
            asesmen: take_nip(&mut asesmen, nip, |a| a.nip.as_str()),
            hukdis: take_nip(&mut hukdis, nip, |h| h.nip.as_str()),
        };
        let mut row = SnapshotRow {
            periode: periode.to_string(),
            nip: nip.to_owned(),
            nama: full_name(pegawai),
            opd: pegawai.opd.clone(),
            kinerja: None,
            potensial: None,
            kotak: None,
            nilai_talenta: None,
            kurang: None,
        };
        match score(rules, periode, &rekam) {
            Ok(nilai) => {
                row.kinerja = Some(nilai.kinerja);
                row.potensial = Some(nilai.potensial);
                row.kotak = Some(nilai.placement.kotak);
                row.nilai_talenta = Some(nilai.nilai_talenta);
            }
            Err(missing) => {
                row.kurang = Some(
                    missing
                        .0
                        .iter()
                        .map(|k| k.code())
                        .collect::<Vec<_>>()
                        .join("|"),
                );
            }
        }
        rows.push(row);
    }
    Ok(Some(rows))
}

/// The records of `nip` at the front of `rows` (sorted by NIP), taken off.
fn take_nip<'a, T>(rows: &mut &'a [T], nip: &str, nip_of: impl Fn(&T) -> &str) -> &'a [T] {
    let all: &'a [T] = rows;
    let skipped = all.iter().take_while(|r| nip_of(r) < nip).count();
    let rest = all.get(skipped..).unwrap_or_default();
    let n = rest.iter().take_while(|r| nip_of(r) == nip).count();
    let (mine, after) = rest.split_at(n.min(rest.len()));
    *rows = after;
    mine
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
    kinerja: f64,
    potensial: f64,
    #[serde(rename = "box")]
    kotak: u8,
    label: &'static str,
}

const PLACED_COLUMNS: [&str; 7] = ["nip", "name", "opd", "kinerja", "potensial", "box", "label"];
const MISSING_COLUMNS: [&str; 4] = ["nip", "name", "opd", "missing"];

/// Writes the stored map of `periode` as [`write_rows`] does.
pub async fn write(
    db: &Db,
    instansi: Option<&str>,
    periode: Periode,
    format: MapFormat,
    out: &mut dyn Write,
    missing: Option<(&mut dyn Write, MapFormat)>,
) -> Result<(u64, u64), MapError> {
    let (instansi_id, _) = resolve_instansi(db, instansi).await?;
    let key = periode.to_string();
    if db.snapshot(instansi_id, &key).await?.is_none() {
        return Err(MapError::NoSnapshot(periode));
    }
    let mut rows = Vec::new();
    db.read_all_of::<SnapshotRow>(instansi_id, &key, |row| {
        rows.push(row);
        Ok(())
    })
    .await?;
    write_rows(&rows, format, out, missing)
}

/// Writes a map: placed employees to `out`, the employees left out (with
/// what is missing) to `missing` when given. Returns (placed, left out).
pub fn write_rows(
    rows: &[SnapshotRow],
    format: MapFormat,
    out: &mut dyn Write,
    missing: Option<(&mut dyn Write, MapFormat)>,
) -> Result<(u64, u64), MapError> {
    let (placed, left_out): (Vec<&SnapshotRow>, Vec<&SnapshotRow>) =
        rows.iter().partition(|r| r.kotak.is_some());
    write_placed(&placed, format, out)?;
    if let Some((missing, missing_format)) = missing {
        let lines: Vec<Vec<String>> = left_out
            .iter()
            .map(|r| {
                vec![
                    r.nip.clone(),
                    r.nama.clone(),
                    r.opd.clone(),
                    r.kurang.clone().unwrap_or_default(),
                ]
            })
            .collect();
        write_table(&MISSING_COLUMNS, &lines, missing_format, missing)?;
    }
    let count = |v: &Vec<&SnapshotRow>| u64::try_from(v.len()).unwrap_or(u64::MAX);
    Ok((count(&placed), count(&left_out)))
}

fn write_placed(
    rows: &[&SnapshotRow],
    format: MapFormat,
    out: &mut dyn Write,
) -> Result<(), MapError> {
    let placed: Vec<Placed<'_>> = rows
        .iter()
        .filter_map(|r| {
            let (kinerja, potensial, kotak) = (r.kinerja?, r.potensial?, r.kotak?);
            Some(Placed {
                nip: &r.nip,
                name: &r.nama,
                opd: &r.opd,
                kinerja: kinerja.as_f64(),
                potensial: potensial.as_f64(),
                kotak: kotak.number(),
                label: kotak.label(),
            })
        })
        .collect();
    if format == MapFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &placed)?;
        out.write_all(b"\n")?;
        return Ok(());
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .filter_map(|r| {
            let (kinerja, potensial, kotak) = (r.kinerja?, r.potensial?, r.kotak?);
            Some(vec![
                r.nip.clone(),
                r.nama.clone(),
                r.opd.clone(),
                fixed(kinerja),
                fixed(potensial),
                kotak.number().to_string(),
                Kotak::label(kotak).to_owned(),
            ])
        })
        .collect();
    write_table(&PLACED_COLUMNS, &lines, format, out)
}

/// A score with two decimals, as the map's CSV writes it.
fn fixed(score: Score) -> String {
    let h = score.hundredths();
    format!("{}.{:02}", h / 100, h % 100)
}

fn write_table(
    columns: &[&'static str],
    lines: &[Vec<String>],
    format: MapFormat,
    out: &mut dyn Write,
) -> Result<(), MapError> {
    match format {
        MapFormat::Json => {
            // Objects with the keys in column order.
            out.write_all(b"[")?;
            for (i, line) in lines.iter().enumerate() {
                out.write_all(if i == 0 { b"\n  {" } else { b",\n  {" })?;
                for (j, (column, value)) in columns.iter().zip(line).enumerate() {
                    if j > 0 {
                        out.write_all(b", ")?;
                    }
                    serde_json::to_writer(&mut *out, column)?;
                    out.write_all(b": ")?;
                    serde_json::to_writer(&mut *out, value)?;
                }
                out.write_all(b"}")?;
            }
            out.write_all(b"\n]\n")?;
        }
        MapFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            writer.write_record(columns)?;
            for line in lines {
                writer.write_record(line)?;
            }
            writer.flush()?;
        }
        MapFormat::Xlsx => {
            let header: Vec<talenta_ingest::Column> = columns
                .iter()
                .map(|c| talenta_ingest::Column::required(c))
                .collect();
            let mut sink = talenta_ingest::xlsx_write::XlsxSink::new(&header)
                .map_err(|e| MapError::Io(std::io::Error::other(e.to_string())))?;
            for line in lines {
                sink.push(line)
                    .map_err(|e| MapError::Io(std::io::Error::other(e.to_string())))?;
            }
            let bytes = sink
                .finish()
                .map_err(|e| MapError::Io(std::io::Error::other(e.to_string())))?;
            out.write_all(&bytes)?;
        }
    }
    Ok(())
}
