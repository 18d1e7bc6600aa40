//! `--dirty`: data-quality problems planted in about 0.1% of rows, each
//! exactly one import error, so a test can count them. The first employees
//! carry one of each kind, so every kind is present at any size. Problems a
//! domain record cannot hold (an invalid NIP, an impossible date) are text
//! replacements the writer applies to the row of a record.

use rand::Rng;
use talenta_ingest::kinds::Kind;

use crate::Batch;

/// A kind of problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Problem {
    /// A NIP of 17 digits or with TMT month 13, in a `riwayat_golongan` row.
    InvalidNip,
    /// A `pegawai` birth date that is not the one in the NIP.
    BirthDateMismatch,
    /// A `pegawai` unit that does not exist.
    UnknownUnor,
    /// A `pegawai` row written twice.
    DuplicateNip,
    /// A `pegawai` row without a name.
    MissingValue,
    /// A `riwayat_golongan` TMT of 31 April.
    ImpossibleDate,
    /// An `skp` predikat that is not the matrix's for its two ratings.
    PredikatMismatch,
}

impl Problem {
    pub const ALL: [Problem; 7] = [
        Problem::InvalidNip,
        Problem::BirthDateMismatch,
        Problem::UnknownUnor,
        Problem::DuplicateNip,
        Problem::MissingValue,
        Problem::ImpossibleDate,
        Problem::PredikatMismatch,
    ];
}

/// What to do to one row of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defect {
    pub problem: Problem,
    pub kind: Kind,
    /// Index of the record in the batch's vector of that kind.
    pub row: usize,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Write `value` in column `column` (a name of the kind's columns).
    Replace { column: &'static str, value: String },
    /// Write the row a second time.
    Repeat,
}

/// Rows per kind before an employee, to find that employee's rows.
#[derive(Debug, Clone, Copy)]
pub struct Marks {
    pegawai: usize,
    golongan: usize,
    skp: usize,
}

impl Marks {
    pub fn of(batch: &Batch) -> Marks {
        Marks {
            pegawai: batch.pegawai.len(),
            golongan: batch.riwayat_golongan.len(),
            skp: batch.skp.len(),
        }
    }
}

/// One employee in this many carries a problem: with about 16 rows each,
/// that is about 0.1% of rows.
const ONE_IN: u32 = 60;

/// Plants a problem in employee `index`'s rows (after `before`) for the
/// first employees and about one in [`ONE_IN`] of the rest.
pub fn plant<R: Rng>(rng: &mut R, index: u64, before: Marks, out: &mut Batch) {
    let forced = usize::try_from(index)
        .ok()
        .and_then(|i| Problem::ALL.get(i));
    let problem = match forced {
        Some(p) => *p,
        None if rng.random_range(0..ONE_IN) == 0 => {
            let pick = rng.random_range(0..Problem::ALL.len());
            Problem::ALL
                .get(pick)
                .copied()
                .unwrap_or(Problem::MissingValue)
        }
        None => return,
    };
    let pegawai = before.pegawai;
    let Some(person) = out.pegawai.get(pegawai) else {
        return;
    };
    let nip = person.nip.as_str().to_owned();
    let birth = person.tanggal_lahir;
    let (kind, row, action) = match problem {
        Problem::InvalidNip => {
            // Month 13 is only wrong where it cannot be read as a PPPK
            // number (appointed before 2019); elsewhere a digit too few.
            let month_13 = matches!(
                person.nip.appointment(),
                talenta_domain::nip::Appointment::Cpns { year, .. } if year < 2019
            );
            let value = if month_13 && rng.random_bool(0.5) {
                format!(
                    "{}13{}",
                    nip.get(..12).unwrap_or_default(),
                    nip.get(14..).unwrap_or_default()
                )
            } else {
                nip.get(..17).unwrap_or_default().to_owned()
            };
            (
                Kind::RiwayatGolongan,
                before.golongan,
                replace("nipBaru", value),
            )
        }
        Problem::BirthDateMismatch => {
            let shifted = birth.next_day().unwrap_or(birth);
            (
                Kind::Pegawai,
                pegawai,
                replace("tglLahir", shifted.to_string()),
            )
        }
        Problem::UnknownUnor => (
            Kind::Pegawai,
            pegawai,
            replace("unorId", "UNOR-TIDAK-ADA".to_owned()),
        ),
        Problem::DuplicateNip => (Kind::Pegawai, pegawai, Action::Repeat),
        Problem::MissingValue => (Kind::Pegawai, pegawai, replace("nama", String::new())),
        Problem::ImpossibleDate => {
            let year = out
                .riwayat_golongan
                .get(before.golongan)
                .map_or(2020, |g| g.tmt.year());
            (
                Kind::RiwayatGolongan,
                before.golongan,
                replace("tmtGolongan", format!("31-04-{year}")),
            )
        }
        Problem::PredikatMismatch => {
            let Some(skp) = out.skp.get(before.skp) else {
                return;
            };
            let wrong = if skp.predikat == talenta_domain::Predikat::SangatKurang {
                talenta_domain::Predikat::SangatBaik
            } else {
                talenta_domain::Predikat::SangatKurang
            };
            (
                Kind::Skp,
                before.skp,
                replace("kuadranKinerja", wrong.code().to_owned()),
            )
        }
    };
    if kind == Kind::RiwayatGolongan && out.riwayat_golongan.len() <= row {
        return;
    }
    out.defects.push(Defect {
        problem,
        kind,
        row,
        action,
    });
}

fn replace(column: &'static str, value: String) -> Action {
    Action::Replace { column, value }
}
