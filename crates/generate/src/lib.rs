//! # talenta-generate
//!
//! A realistic synthetic instansi, "Pemerintah Kota Serang Sintetis"
//! (instansiId `9999`), as domain records: the unit tree of a city
//! government with its positions and their requirements, and employees with
//! valid, unique NIPs, their histories, SKP, assessments and sanctions.
//!
//! Deterministic: employee `i` is a function of `(seed, i)` alone (its own
//! random stream, and keyed permutations for its seat and NIP code), so the
//! same size and seed give the same records however the work is split, and
//! memory does not grow with the number of employees. Pure: no I/O; the
//! caller writes the records.

pub mod bias;
mod calendar;
mod career;
mod catalogue;
pub mod defects;
pub mod documents;
mod employee;
mod history;
mod nip_code;
pub mod organisation;
pub mod output;
mod performance;
mod permutation;
mod titles;

use std::ops::Range;
use std::sync::mpsc;

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use talenta_domain::personnel::{
    Asesmen, Instansi, Jabatan, Opd, Pegawai, RiwayatDiklat, RiwayatGolongan, RiwayatHukdis,
    RiwayatJabatan, RiwayatPendidikan, RiwayatPenghargaan, Skp,
};
use time::Date;
use time::macros::date;

use bias::{Bias, Sensitive};
pub use defects::{Defect, Problem};
pub use nip_code::MAX_EMPLOYEES;
use nip_code::NipCode;
use organisation::Layout;
use permutation::{Permutation, mix};

/// The date the instansi is generated as of: ages, service and histories
/// end here, and the SKP years are those before it.
pub const AS_OF: Date = date!(2026 - 01 - 01);
pub const INSTANSI_KODE: &str = "9999";
pub const INSTANSI_NAMA: &str = "Pemerintah Kota Serang Sintetis";

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    pub employees: u64,
    pub seed: u64,
    /// Plant a few data-quality problems (see [`defects`]).
    pub dirty: bool,
}

/// Why a configuration cannot be generated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenerateError {
    #[error("at least one employee is needed")]
    NoEmployees,
    #[error("{0} employees is more than the {MAX_EMPLOYEES} whose NIPs can be kept unique")]
    TooMany(u64),
}

/// The records of a run of employees, one vector per kind, in employee
/// order, with the problems planted in them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub pegawai: Vec<Pegawai>,
    pub riwayat_jabatan: Vec<RiwayatJabatan>,
    pub riwayat_golongan: Vec<RiwayatGolongan>,
    pub riwayat_pendidikan: Vec<RiwayatPendidikan>,
    pub riwayat_diklat: Vec<RiwayatDiklat>,
    pub riwayat_penghargaan: Vec<RiwayatPenghargaan>,
    pub riwayat_hukdis: Vec<RiwayatHukdis>,
    pub skp: Vec<Skp>,
    pub asesmen: Vec<Asesmen>,
    /// Text-level problems for `--dirty`, by kind and row within this batch.
    pub defects: Vec<Defect>,
}

impl Batch {
    pub fn clear(&mut self) {
        self.pegawai.clear();
        self.riwayat_jabatan.clear();
        self.riwayat_golongan.clear();
        self.riwayat_pendidikan.clear();
        self.riwayat_diklat.clear();
        self.riwayat_penghargaan.clear();
        self.riwayat_hukdis.clear();
        self.skp.clear();
        self.asesmen.clear();
        self.defects.clear();
    }
}

/// A sized, seeded instansi.
#[derive(Debug, Clone)]
pub struct Generator {
    config: Config,
    biases: Vec<Bias>,
    layout: Layout,
    seats: Permutation,
    codes: Permutation,
}

impl Generator {
    pub fn new(config: Config) -> Result<Generator, GenerateError> {
        if config.employees == 0 {
            return Err(GenerateError::NoEmployees);
        }
        if config.employees > MAX_EMPLOYEES {
            return Err(GenerateError::TooMany(config.employees));
        }
        let layout = Layout::new(config.employees);
        Ok(Generator {
            seats: Permutation::new(layout.capacity(), mix(config.seed ^ 0x5EA7)),
            codes: Permutation::new(config.employees, mix(config.seed ^ 0x0C0DE)),
            layout,
            config,
            biases: Vec::new(),
        })
    }

    /// The same city with `biases` planted (for testing the merit audit).
    pub fn biased(mut self, biases: Vec<Bias>) -> Generator {
        self.biases = biases;
        self
    }

    pub fn biases(&self) -> &[Bias] {
        &self.biases
    }

    pub fn config(&self) -> Config {
        self.config
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn instansi(&self) -> Instansi {
        Instansi {
            kode: INSTANSI_KODE.to_owned(),
            nama: INSTANSI_NAMA.to_owned(),
        }
    }

    pub fn opd(&self) -> impl Iterator<Item = Opd> + '_ {
        self.layout.opd()
    }

    pub fn jabatan(&self) -> impl Iterator<Item = Jabatan> + '_ {
        self.layout.jabatan()
    }

    /// The records of employees `range`.
    pub fn batch(&self, range: Range<u64>) -> Batch {
        let mut batch = Batch::default();
        self.refill(range, &mut batch);
        batch
    }

    /// Replaces `batch`'s records with those of employees `range`, reusing
    /// its vectors.
    pub fn refill(&self, range: Range<u64>, batch: &mut Batch) {
        batch.clear();
        for index in range {
            self.employee(index, batch);
        }
    }

    /// Appends employee `index` to `out`.
    pub fn employee(&self, index: u64, out: &mut Batch) {
        let mut rng = Pcg64Mcg::seed_from_u64(mix(self.config.seed ^ mix(index)));
        let sensitive = Sensitive::draw(&mut Pcg64Mcg::seed_from_u64(mix(
            self.config.seed ^ mix(!index)
        )));
        let code = NipCode::new(self.codes.apply(index), self.config.employees);
        let Some(seat) = self.layout.seat(self.seats.apply(index)) else {
            return;
        };
        let before = defects::Marks::of(out);
        let drawn = employee::generate(&mut rng, &seat, code, &sensitive, &self.biases, out);
        if drawn.is_some() && self.config.dirty {
            defects::plant(&mut rng, index, before, out);
        }
    }

    /// Every employee in order, `chunk` at a time, generated and passed
    /// through `work` on `threads` threads, the results handed to `consume`
    /// in employee order. Memory holds at most a few chunks per thread.
    pub fn employees<T: Send, E>(
        &self,
        chunk: u64,
        threads: usize,
        work: impl Fn(&Batch) -> T + Sync,
        mut consume: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let chunk = chunk.max(1);
        let chunks = self.config.employees.div_ceil(chunk);
        let threads = threads.max(1);
        let range = |c: u64| c * chunk..((c + 1) * chunk).min(self.config.employees);
        if threads == 1 {
            let mut batch = Batch::default();
            for c in 0..chunks {
                self.refill(range(c), &mut batch);
                consume(work(&batch))?;
            }
            return Ok(());
        }
        let work = &work;
        std::thread::scope(|scope| {
            let receivers: Vec<mpsc::Receiver<T>> = (0..threads)
                .map(|worker| {
                    let (sender, receiver) = mpsc::sync_channel(2);
                    let step = u64::try_from(threads).unwrap_or(1);
                    scope.spawn(move || {
                        let mut batch = Batch::default();
                        let mut c = u64::try_from(worker).unwrap_or(0);
                        while c < chunks {
                            self.refill(range(c), &mut batch);
                            if sender.send(work(&batch)).is_err() {
                                return;
                            }
                            c += step;
                        }
                    });
                    receiver
                })
                .collect();
            // Chunk c comes from worker c mod threads: taking them in turn
            // keeps the output in employee order.
            for c in 0..chunks {
                let worker = usize::try_from(c).unwrap_or(0) % threads;
                let Some(result) = receivers.get(worker).and_then(|r| r.recv().ok()) else {
                    break;
                };
                consume(result)?;
            }
            Ok(())
        })
    }
}
