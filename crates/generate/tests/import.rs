//! Every file the generator writes reads back through the import parsers:
//! a clean instansi has no bad row, no duplicate key and no dangling
//! reference; a dirty one has exactly the planted problems.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::rc::Rc;

use talenta_generate::{Config, Generator, output};
use talenta_ingest::delimited::Table;
use talenta_ingest::kinds::{Kind, RecordKind, Target};

/// A writer whose bytes the test keeps.
#[derive(Clone, Default)]
struct Buffer(Rc<RefCell<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn write(employees: u64, dirty: bool) -> (HashMap<Kind, Vec<u8>>, output::Summary) {
    let generator = Generator::new(Config {
        employees,
        seed: 11,
        dirty,
    })
    .unwrap();
    let buffers: RefCell<HashMap<Kind, Buffer>> = RefCell::default();
    let summary = output::write_all(&generator, 2, |kind| {
        Ok(buffers.borrow_mut().entry(kind).or_default().clone())
    })
    .unwrap();
    let files = buffers
        .into_inner()
        .into_iter()
        .map(|(kind, buffer)| (kind, buffer.0.take()))
        .collect();
    (files, summary)
}

/// Problems found in the files: rows that do not parse, repeated keys, and
/// references to codes no file holds.
#[derive(Default)]
struct Check {
    rows: HashMap<Kind, u64>,
    problems: usize,
    codes: HashMap<Target, HashSet<String>>,
    references: Vec<(Target, String)>,
}

impl Check {
    fn kind<K: RecordKind>(&mut self, files: &HashMap<Kind, Vec<u8>>) {
        let bytes = &files[&K::KIND];
        let mut table = Table::open(bytes.as_slice(), K::COLUMNS).unwrap();
        let mut keys = HashSet::new();
        let target = match K::KIND {
            Kind::Opd => Some(Target::Opd),
            Kind::Jabatan => Some(Target::Jabatan),
            Kind::Pegawai => Some(Target::Pegawai),
            _ => None,
        };
        while let Some(record) = table.next_record() {
            let record = record.unwrap();
            *self.rows.entry(K::KIND).or_default() += 1;
            // What a file names is there even when its row is bad: a bad
            // row counts once, not again in every row that refers to it.
            if let (Some(target), Ok(code)) = (target, record.get(0)) {
                self.codes
                    .entry(target)
                    .or_default()
                    .insert(code.to_owned());
            }
            match K::parse(&record) {
                Err(_) => self.problems += 1,
                Ok(parsed) if !keys.insert(parsed.key()) => self.problems += 1,
                Ok(parsed) => self
                    .references
                    .extend(parsed.references().into_iter().map(|r| (r.target, r.code))),
            }
        }
    }

    fn all(files: &HashMap<Kind, Vec<u8>>) -> Check {
        let mut check = Check::default();
        for kind in Kind::ALL {
            talenta_ingest::with_kind!(kind, K => check.kind::<K>(files));
        }
        let dangling = check
            .references
            .iter()
            .filter(|(target, code)| !check.codes.get(target).is_some_and(|c| c.contains(code)))
            .count();
        check.problems += dangling;
        check
    }
}

#[test]
fn a_clean_instansi_imports_without_a_single_problem() {
    let (files, summary) = write(2_000, false);
    assert_eq!(files.len(), 12);
    let check = Check::all(&files);
    assert_eq!(check.problems, 0);
    for (kind, rows) in &summary {
        assert_eq!(check.rows.get(kind).copied().unwrap_or(0), *rows, "{kind}");
        assert!(*rows > 0, "{kind} is empty");
    }
    assert_eq!(check.rows[&Kind::Pegawai], 2_000);
    assert_eq!(check.rows[&Kind::Instansi], 1);
    let instansi = String::from_utf8(files[&Kind::Instansi].clone()).unwrap();
    assert_eq!(
        instansi,
        "instansiId,instansiNama\n9999,Pemerintah Kota Serang Sintetis\n"
    );
}

#[test]
fn a_dirty_instansi_has_exactly_the_planted_problems() {
    let generator = Generator::new(Config {
        employees: 2_000,
        seed: 11,
        dirty: true,
    })
    .unwrap();
    let planted = generator.batch(0..2_000).defects.len();
    let (files, _) = write(2_000, true);
    let check = Check::all(&files);
    assert_eq!(check.problems, planted);
    assert!(planted >= 7);
}
