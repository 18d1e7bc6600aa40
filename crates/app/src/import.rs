//! `import`: files of personnel records into the system of record, all or
//! nothing. Every file is parsed in full and every bad row reported; only
//! when no row of any file is bad does the one transaction commit.
//!
//! Parsing runs on a blocking thread and hands batches to the writer over a
//! bounded channel, so on two cores the parser and the database work side by
//! side. After the first bad row the parser keeps checking but stops sending:
//! the transaction is rolled back anyway.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fs::File;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use talenta_domain::personnel::Instansi;
use talenta_ingest::delimited::Table;
use talenta_ingest::xlsx::{Limits, Sheet};
use talenta_ingest::{FileError, Kind, Place, RecordKind, RowError, Rows, with_kind};
use talenta_storage::{Batch, Db, StorageError, Stored, WriteTx, Written};
use time::OffsetDateTime;

use crate::Format;

/// Rows per batch handed from the parser to the writer.
const BATCH: usize = 50_000;

/// One file to import and the kind of record it holds.
#[derive(Debug, Clone)]
pub struct ImportFile {
    pub kind: Kind,
    pub path: PathBuf,
}

impl ImportFile {
    /// The file's format, from its extension.
    pub fn format(&self) -> Result<Format, ImportError> {
        Format::of_path(&self.path).ok_or_else(|| ImportError::Format {
            path: self.path.display().to_string(),
        })
    }
}

/// Reports how far an import has come (a terminal progress bar, a web job).
pub trait Progress: Send + Sync {
    /// A file starts; `bytes` is its size.
    fn file(&self, kind: Kind, path: &Path, bytes: u64);
    /// Bytes read and rows parsed so far in the current file.
    fn advance(&self, bytes: u64, rows: u64);
    /// The current file is parsed.
    fn done(&self);
}

/// Reports nothing.
#[derive(Debug)]
pub struct Silent;

impl Progress for Silent {
    fn file(&self, _: Kind, _: &Path, _: u64) {}
    fn advance(&self, _: u64, _: u64) {}
    fn done(&self) {}
}

pub struct ImportOptions {
    /// The instansi (code) the records belong to; `None` means the only one
    /// in the database or in the `instansi` file.
    pub instansi: Option<String>,
    /// Who imports, for the change log.
    pub actor: String,
    pub now: OffsetDateTime,
    /// Bad rows listed in full; the rest are counted.
    pub max_errors: usize,
    pub limits: Limits,
    pub progress: Arc<dyn Progress>,
}

impl std::fmt::Debug for ImportOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportOptions")
            .field("instansi", &self.instansi)
            .field("actor", &self.actor)
            .finish_non_exhaustive()
    }
}

/// What one file did.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub kind: Kind,
    pub path: PathBuf,
    pub rows: u64,
    pub written: Written,
}

#[derive(Debug, Clone)]
pub struct ImportReport {
    pub instansi: String,
    /// The change-log entry every written row points at.
    pub perubahan: i64,
    pub files: Vec<FileReport>,
}

/// A bad row, with the file it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub path: String,
    pub error: RowError,
}

impl std::fmt::Display for BadRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: unknown file type: name the file .csv or .xlsx")]
    Format { path: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// Shown whole, not chained: the reason is part of the sentence.
    #[error("{path}: {error}; nothing was written")]
    File { path: String, error: FileError },
    #[error("{} bad value(s); nothing was written", .total)]
    Rows { errors: Vec<BadRow>, total: u64 },
    #[error(
        "the unit tree has a cycle: unorIndukId leads back to {0} (showing at most 10); nothing was written"
    )]
    Cycle(String),
    #[error("two files hold {0}; give one file per kind")]
    TwoFiles(Kind),
    #[error(
        "no instansi to import into: import an instansi file first (or with --dir), or name one with --instansi"
    )]
    NoInstansi,
    #[error("several instansi ({0}); name the one to import into with --instansi")]
    WhichInstansi(String),
    #[error("unknown instansi {0:?}: import it first (kind instansi)")]
    UnknownInstansi(String),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Imports `files` (any order; they are taken in dependency order) in one
/// transaction. While it holds the write lock, it tells a server on the
/// same database how far it has come (`Db::import_begins`), so that a
/// write the server must refuse meanwhile says how long to wait.
pub async fn import(
    db: &Db,
    files: Vec<ImportFile>,
    options: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    let mut announced = None;
    let outcome = import_announced(db, files, options, &mut announced).await;
    if let Some(perubahan) = announced {
        // Advisory, as the progress itself.
        let _ = db.import_ends(perubahan).await;
    }
    outcome
}

/// [`import`], setting `announced` to the change-log entry it announced
/// its progress under.
async fn import_announced(
    db: &Db,
    mut files: Vec<ImportFile>,
    options: &ImportOptions,
    announced: &mut Option<i64>,
) -> Result<ImportReport, ImportError> {
    files.sort_by_key(|f| f.kind);
    if let Some(twice) = files
        .windows(2)
        .filter_map(|w| w.first().zip(w.get(1)))
        .find(|(a, b)| a.kind == b.kind)
    {
        return Err(ImportError::TwoFiles(twice.0.kind));
    }
    for file in &files {
        file.format()?;
    }
    let mut state = State::new(options);
    let mut instansi_rows = Vec::new();
    if let Some(file) = files.iter().find(|f| f.kind == Kind::Instansi) {
        instansi_rows = read_small::<Instansi>(file, options, &mut state)?;
    }
    state.fail_if_bad()?;
    let stored = db.instansi_all().await?;
    let kode = target_instansi(options, &instansi_rows, &stored)?;

    let mut tx = db.begin_import().await?;
    let detail = files
        .iter()
        .map(|f| format!("{} {}", f.kind, f.path.display()))
        .collect::<Vec<_>>()
        .join("; ");
    let perubahan = tx
        .record_change(options.now, &options.actor, "import", &detail)
        .await?;
    let size = files
        .iter()
        .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
        .sum();
    // Advisory: a failure to tell a server how far the import has come
    // does not stop the import.
    if db
        .import_begins(perubahan, options.now.unix_timestamp(), size)
        .await
        .is_ok()
    {
        *announced = Some(perubahan);
    }
    let mut instansi_id = stored
        .iter()
        .find(|(_, i)| i.kode == kode)
        .map(|(id, _)| *id);
    let mut instansi_written = Written::default();
    for row in &instansi_rows {
        let (id, changed) = tx.upsert_instansi(&row.kode, &row.nama).await?;
        if changed {
            instansi_written.written += 1;
        } else {
            instansi_written.unchanged += 1;
        }
        if row.kode == kode {
            instansi_id = Some(id);
        }
    }
    let mut reports = Vec::new();
    if let Some(file) = files.iter().find(|f| f.kind == Kind::Instansi) {
        reports.push(FileReport {
            kind: Kind::Instansi,
            path: file.path.clone(),
            rows: u64::try_from(instansi_rows.len()).unwrap_or(u64::MAX),
            written: instansi_written,
        });
    }
    let records: Vec<&ImportFile> = files.iter().filter(|f| f.kind != Kind::Instansi).collect();
    if !records.is_empty() {
        let instansi_id = instansi_id.ok_or_else(|| ImportError::UnknownInstansi(kode.clone()))?;
        let mut known = Known::load(&mut tx, instansi_id).await?;
        let target = Destination {
            instansi_id,
            perubahan,
        };
        for file in records {
            let (report, back) = with_kind!(
                file.kind,
                K => import_file::<K>(db, &mut tx, target, file, known, options, &mut state).await?,
                Instansi => continue,
            );
            known = back;
            reports.push(report);
        }
    }
    if let Err(error) = state.fail_if_bad() {
        tx.rollback().await?;
        return Err(error);
    }
    if let Some(instansi_id) = instansi_id.filter(|_| files.iter().any(|f| f.kind == Kind::Opd)) {
        let cycles = tx.opd_cycles(instansi_id, 10).await?;
        if !cycles.is_empty() {
            tx.rollback().await?;
            return Err(ImportError::Cycle(cycles.join(", ")));
        }
    }
    tx.commit().await?;
    db.analyze().await?;
    Ok(ImportReport {
        instansi: kode,
        perubahan,
        files: reports,
    })
}

fn target_instansi(
    options: &ImportOptions,
    from_file: &[Instansi],
    stored: &[(i64, Instansi)],
) -> Result<String, ImportError> {
    if let Some(kode) = &options.instansi {
        let known = from_file.iter().any(|i| &i.kode == kode)
            || stored.iter().any(|(_, i)| &i.kode == kode);
        return if known {
            Ok(kode.clone())
        } else {
            Err(ImportError::UnknownInstansi(kode.clone()))
        };
    }
    if let [one] = from_file {
        return Ok(one.kode.clone());
    }
    let mut all: Vec<&str> = from_file
        .iter()
        .map(|i| i.kode.as_str())
        .chain(stored.iter().map(|(_, i)| i.kode.as_str()))
        .collect();
    all.sort_unstable();
    all.dedup();
    match all.as_slice() {
        [] => Err(ImportError::NoInstansi),
        [one] => Ok((*one).to_owned()),
        many => Err(ImportError::WhichInstansi(many.join(", "))),
    }
}

/// Where rows go: the instansi and the perubahan they are written under.
#[derive(Debug, Clone, Copy)]
struct Destination {
    instansi_id: i64,
    perubahan: i64,
}

/// Bad rows of the whole command, the first `max_errors` in full.
#[derive(Debug)]
struct State {
    errors: Vec<BadRow>,
    total: u64,
    max_errors: usize,
    /// Bytes of the files parsed whole so far.
    read: u64,
}

impl State {
    fn new(options: &ImportOptions) -> State {
        State {
            errors: Vec::new(),
            total: 0,
            max_errors: options.max_errors,
            read: 0,
        }
    }

    fn add(&mut self, path: &str, errors: impl IntoIterator<Item = RowError>) {
        for error in errors {
            self.total += 1;
            if self.errors.len() < self.max_errors {
                self.errors.push(BadRow {
                    path: path.to_owned(),
                    error,
                });
            }
        }
    }

    fn fail_if_bad(&mut self) -> Result<(), ImportError> {
        if self.total == 0 {
            return Ok(());
        }
        Err(ImportError::Rows {
            errors: std::mem::take(&mut self.errors),
            total: self.total,
        })
    }
}

/// The codes rows may refer to: those stored and those imported so far.
/// Hashed with foldhash, as every reference of every row is looked up here
/// (SipHash, the standard one, made the lookups a few per cent of an
/// import's time; nothing here is keyed by a client over the network).
#[derive(Debug, Default)]
struct Known {
    opd: foldhash::HashSet<String>,
    jabatan: foldhash::HashSet<String>,
    /// NIPs as numbers: 18 digits fit a u64, at a third of a String's size.
    nip: foldhash::HashSet<u64>,
}

impl Known {
    async fn load(tx: &mut WriteTx, instansi_id: i64) -> Result<Known, StorageError> {
        let mut known = Known::default();
        tx.keys("opd", "kode", instansi_id, |k| {
            known.opd.insert(k);
        })
        .await?;
        tx.keys("jabatan", "kode", instansi_id, |k| {
            known.jabatan.insert(k);
        })
        .await?;
        tx.keys("pegawai", "nip", instansi_id, |k| {
            if let Ok(n) = k.parse() {
                known.nip.insert(n);
            }
        })
        .await?;
        Ok(known)
    }

    fn has(&self, target: talenta_ingest::Target, code: &str) -> bool {
        match target {
            talenta_ingest::Target::Opd => self.opd.contains(code),
            talenta_ingest::Target::Jabatan => self.jabatan.contains(code),
            talenta_ingest::Target::Pegawai => code.parse().is_ok_and(|n| self.nip.contains(&n)),
        }
    }

    fn add(&mut self, target: talenta_ingest::Target, code: &str) {
        match target {
            talenta_ingest::Target::Opd => {
                self.opd.insert(code.to_owned());
            }
            talenta_ingest::Target::Jabatan => {
                self.jabatan.insert(code.to_owned());
            }
            talenta_ingest::Target::Pegawai => {
                if let Ok(n) = code.parse() {
                    self.nip.insert(n);
                }
            }
        }
    }
}

/// A record kind that can be imported: parsed by ingest, stored by storage.
pub trait Importable: RecordKind + Stored + Send + 'static {}

impl<K: RecordKind + Stored + Send + 'static> Importable for K {}

/// The caller's progress, and the bytes of the current file read so far,
/// which the writer reports to a server beside the import
/// (`Db::import_reads`).
struct Measured {
    shown: Arc<dyn Progress>,
    read: AtomicU64,
}

impl Progress for Measured {
    fn file(&self, kind: Kind, path: &Path, bytes: u64) {
        self.shown.file(kind, path, bytes);
    }

    fn advance(&self, bytes: u64, rows: u64) {
        self.read.store(bytes, Ordering::Relaxed);
        self.shown.advance(bytes, rows);
    }

    fn done(&self) {
        self.shown.done();
    }
}

/// What the parser thread gives back.
struct Parsed {
    known: Known,
    rows: u64,
    errors: Vec<RowError>,
}

async fn import_file<K: Importable>(
    db: &Db,
    tx: &mut WriteTx,
    target: Destination,
    file: &ImportFile,
    known: Known,
    options: &ImportOptions,
    state: &mut State,
) -> Result<(FileReport, Known), ImportError> {
    let path = file.path.display().to_string();
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<Batch<K>>(2);
    let format = file.format()?;
    let source = file.path.clone();
    let limits = options.limits.clone();
    let measured = Arc::new(Measured {
        shown: Arc::clone(&options.progress),
        read: AtomicU64::new(0),
    });
    let progress = Arc::clone(&measured);
    let clean = state.total == 0;
    let parser = tokio::task::spawn_blocking(move || {
        parse_file::<K>(
            &source,
            format,
            &limits,
            known,
            clean,
            &sender,
            progress.as_ref(),
        )
    });
    let mut written = Written::default();
    let mut write_error = None;
    // A first load of this kind for the instansi goes straight into the
    // table on PostgreSQL, its foreign keys checked once at the end.
    let mut load = match tx.start_load::<K>(target.instansi_id).await {
        Ok(load) => load,
        Err(e) => {
            write_error = Some(e);
            None
        }
    };
    while write_error.is_none() {
        let Some(batch) = receiver.recv().await else {
            break;
        };
        // A first load has no row of this instansi: every row is new.
        let result = match &load {
            Some(_) => {
                tx.insert_batch(target.instansi_id, target.perubahan, batch)
                    .await
            }
            None => {
                tx.upsert_batch(target.instansi_id, target.perubahan, batch)
                    .await
            }
        };
        match result {
            Ok(w) => written += w,
            Err(e) => write_error = Some(e),
        }
        let read = state.read + measured.read.load(Ordering::Relaxed);
        // Advisory, as in `import`.
        let _ = db.import_reads(target.perubahan, read).await;
    }
    drop(receiver);
    if write_error.is_none()
        && let Some(load) = load.take()
        && let Err(e) = tx.finish_load(load).await
    {
        write_error = Some(e);
    }
    let parsed = parser.await.map_err(|e| ImportError::Io {
        path: path.clone(),
        source: std::io::Error::other(e.to_string()),
    })?;
    if let Some(e) = write_error {
        return Err(e.into());
    }
    let parsed = parsed.map_err(|e| e.at(&path))?;
    state.add(&path, parsed.errors);
    state.read += measured.read.load(Ordering::Relaxed);
    Ok((
        FileReport {
            kind: file.kind,
            path: file.path.clone(),
            rows: parsed.rows,
            written,
        },
        parsed.known,
    ))
}

enum ParseFailure {
    Io(std::io::Error),
    File(FileError),
}

impl ParseFailure {
    /// The import error of this failure in the file at `path`.
    fn at(self, path: &str) -> ImportError {
        let path = path.to_owned();
        match self {
            ParseFailure::Io(source) => ImportError::Io { path, source },
            ParseFailure::File(error) => ImportError::File { path, error },
        }
    }
}

impl From<FileError> for ParseFailure {
    fn from(e: FileError) -> ParseFailure {
        ParseFailure::File(e)
    }
}

/// Counts the bytes read, for progress.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count
            .fetch_add(u64::try_from(n).unwrap_or(0), Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens a file of either format as rows of `K`'s columns.
fn open_rows<K: RecordKind>(
    path: &Path,
    format: Format,
    limits: &Limits,
    count: &Arc<AtomicU64>,
) -> Result<Box<dyn Rows>, ParseFailure> {
    let file = File::open(path).map_err(ParseFailure::Io)?;
    Ok(match format {
        Format::Csv => Box::new(Table::open(
            Counting {
                inner: BufReader::with_capacity(1 << 16, file),
                count: Arc::clone(count),
            },
            K::COLUMNS,
        )?),
        Format::Xlsx => {
            let size = file.metadata().map_err(ParseFailure::Io)?.len();
            if size > limits.max_bytes {
                return Err(ParseFailure::File(FileError::TooLarge {
                    size,
                    limit: limits.max_bytes,
                }));
            }
            let mut bytes = Vec::new();
            file.take(limits.max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(ParseFailure::Io)?;
            count.store(size, Ordering::Relaxed);
            Box::new(Sheet::open(&bytes, K::COLUMNS, limits)?)
        }
    })
}

/// A 128-bit fingerprint of a key: keeps duplicate detection exact in
/// practice (collision odds ~1e-26 at national scale) at a fraction of the
/// memory of the keys themselves.
fn fingerprint<T: Hash>(key: &T) -> u128 {
    let half = |salt: u8| {
        let mut h = DefaultHasher::new();
        salt.hash(&mut h);
        key.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// Parses a file, checking each row, its key and its references, and sends
/// batches of good rows while every row so far (of this and earlier files)
/// was good.
fn parse_file<K: Importable>(
    path: &Path,
    format: Format,
    limits: &Limits,
    mut known: Known,
    mut clean: bool,
    sender: &tokio::sync::mpsc::Sender<Batch<K>>,
    progress: &dyn Progress,
) -> Result<Parsed, ParseFailure> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    progress.file(K::KIND, path, size);
    let count = Arc::new(AtomicU64::new(0));
    let mut rows_source = open_rows::<K>(path, format, limits, &count)?;
    // Keyed by fingerprints, which need no second strong hash.
    let mut seen: foldhash::HashMap<u128, Place> = foldhash::HashMap::default();
    let mut errors = Vec::new();
    // References to codes of the same kind (an OPD's parent) may point
    // forward in the file; they are checked at the end.
    let mut forward: Vec<(RowError, talenta_ingest::Target, String)> = Vec::new();
    let mut batch = Vec::with_capacity(BATCH);
    let mut rows = 0u64;
    while let Some(record) = rows_source.next_record() {
        let record = record?;
        rows += 1;
        if rows.is_multiple_of(4096) {
            progress.advance(count.load(Ordering::Relaxed), rows);
        }
        let parsed = match K::parse(&record) {
            Ok(parsed) => parsed,
            Err(row_errors) => {
                errors.extend(row_errors);
                clean = false;
                continue;
            }
        };
        let mut row_ok = true;
        match seen.entry(fingerprint(&parsed.key())) {
            Entry::Occupied(first) => {
                errors.push(record.error(
                    0,
                    record.get(0).unwrap_or_default(),
                    format!("duplicate key, first at {}", first.get()),
                ));
                row_ok = false;
            }
            Entry::Vacant(slot) => {
                slot.insert(record.place);
            }
        }
        for reference in parsed.references() {
            let provided_here = parsed.provides().map(|(t, _)| t) == Some(reference.target);
            if known.has(reference.target, &reference.code) {
                continue;
            }
            let error = record.error(
                reference.column,
                &reference.code,
                unknown_reason(reference.target),
            );
            if provided_here {
                forward.push((error, reference.target, reference.code));
            } else {
                errors.push(error);
                row_ok = false;
            }
        }
        if let Some((target, code)) = parsed.provides() {
            known.add(target, code);
        }
        if !row_ok {
            clean = false;
            continue;
        }
        if clean {
            batch.push(parsed);
            if batch.len() >= BATCH {
                let full = Batch::new(&batch);
                batch.clear();
                if sender.blocking_send(full).is_err() {
                    // The writer stopped on a database error, which it reports.
                    clean = false;
                }
            }
        }
    }
    for (error, target, code) in forward {
        if !known.has(target, &code) {
            errors.push(error);
        }
    }
    if errors.is_empty() && clean && !batch.is_empty() {
        let _ = sender.blocking_send(Batch::new(&batch));
    }
    progress.advance(count.load(Ordering::Relaxed), rows);
    progress.done();
    errors.sort_by_key(|e| (e.place, e.column));
    Ok(Parsed {
        known,
        rows,
        errors,
    })
}

fn unknown_reason(target: talenta_ingest::Target) -> &'static str {
    match target {
        talenta_ingest::Target::Opd => {
            "unknown unit: not in the database nor in the opd file of this import"
        }
        talenta_ingest::Target::Jabatan => {
            "unknown position: not in the database nor in the jabatan file of this import"
        }
        talenta_ingest::Target::Pegawai => {
            "unknown employee: not in the database nor in the pegawai file of this import"
        }
    }
}

/// Reads a small file whole (the instansi list), adding its bad rows.
fn read_small<K: RecordKind>(
    file: &ImportFile,
    options: &ImportOptions,
    state: &mut State,
) -> Result<Vec<K>, ImportError> {
    let path = file.path.display().to_string();
    let count = Arc::new(AtomicU64::new(0));
    let failure = |e: ParseFailure| e.at(&path);
    let mut rows =
        open_rows::<K>(&file.path, file.format()?, &options.limits, &count).map_err(failure)?;
    let mut records = Vec::new();
    let mut seen = HashMap::new();
    let mut errors = Vec::new();
    while let Some(record) = rows.next_record() {
        let record = record.map_err(|e| failure(ParseFailure::File(e)))?;
        match K::parse(&record) {
            Ok(parsed) => match seen.entry(fingerprint(&parsed.key())) {
                Entry::Occupied(first) => errors.push(record.error(
                    0,
                    record.get(0).unwrap_or_default(),
                    format!("duplicate key, first at {}", first.get()),
                )),
                Entry::Vacant(slot) => {
                    slot.insert(record.place);
                    records.push(parsed);
                }
            },
            Err(e) => errors.extend(e),
        }
    }
    state.add(&path, errors);
    Ok(records)
}
