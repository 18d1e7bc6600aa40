//! The instansi's unit tree and positions, sized for a number of employees,
//! and the seats employees are put in. Nothing here holds one value per
//! employee or per replicated unit: a seat number is decoded into its unit
//! and position arithmetically, so 4.3 million employees need no more
//! memory than 9,000.

mod city;
pub mod position;
mod replicated;

use talenta_domain::personnel::{Jabatan, Opd};

use position::Position;
use replicated::{Kind, Parent};

/// A fixed unit with its positions.
#[derive(Debug, Clone)]
pub struct Unit {
    pub code: String,
    pub nama: String,
    pub induk: Option<String>,
    pub positions: Vec<Position>,
}

impl Unit {
    fn new(code: &str, nama: &str, induk: Option<&str>, positions: Vec<Position>) -> Unit {
        Unit {
            code: code.to_owned(),
            nama: nama.to_owned(),
            induk: induk.map(str::to_owned),
            positions,
        }
    }
}

/// Seats of a run of units of one shape: one fixed unit or every replica of
/// a kind.
#[derive(Debug, Clone, Copy)]
struct Block {
    first_seat: u64,
    seats_per_unit: u64,
    source: Source,
}

#[derive(Debug, Clone, Copy)]
enum Source {
    Fixed(usize),
    Replicated(usize),
}

/// The unit tree sized for an instansi.
#[derive(Debug, Clone)]
pub struct Layout {
    fixed: Vec<Unit>,
    kinds: Vec<(Kind, u64)>,
    blocks: Vec<Block>,
    capacity: u64,
}

/// A seat: the unit and position an employee holds.
#[derive(Debug, Clone)]
pub struct Seat<'a> {
    pub unit_code: String,
    pub unit_nama: String,
    pub position: &'a Position,
}

impl Seat<'_> {
    pub fn jabatan_code(&self) -> String {
        format!("{}-{}", self.unit_code, self.position.key)
    }

    pub fn jabatan_nama(&self) -> String {
        self.position.name_in(&self.unit_nama)
    }
}

/// About 6% of seats are vacant, as formasi usually exceeds staff.
const FILLED_PERCENT: u64 = 94;
/// Kelurahan per kecamatan (Kota Serang: 67 in 6).
const KELURAHAN_PER_KECAMATAN: u64 = 11;

impl Layout {
    /// A layout with at least `employees` seats.
    pub fn new(employees: u64) -> Layout {
        let fixed = city::units(employees);
        let fixed_seats: u64 = fixed.iter().map(unit_seats).sum();
        let target = (employees * 100).div_ceil(FILLED_PERCENT);
        let remaining = target.saturating_sub(fixed_seats);
        let mut kinds: Vec<(Kind, u64)> = replicated::kinds()
            .into_iter()
            .map(|kind| {
                let seats = kind.seats().max(1);
                let count = (remaining * u64::from(kind.share) / 1000 + seats / 2) / seats;
                (kind, count.max(1))
            })
            .collect();
        let kelurahan: u64 = kinds
            .iter()
            .find(|(k, _)| k.parent == Parent::Kecamatan)
            .map_or(1, |(_, n)| *n);
        for (kind, count) in &mut kinds {
            if kind.prefix == replicated::KECAMATAN {
                *count = kelurahan.div_ceil(KELURAHAN_PER_KECAMATAN).max(1);
            }
        }
        let mut layout = Layout {
            fixed,
            kinds,
            blocks: Vec::new(),
            capacity: 0,
        };
        layout.index();
        // Rounding can leave fewer seats than employees: add schools.
        if layout.capacity < employees {
            if let Some((kind, count)) = layout.kinds.first_mut() {
                *count += (employees - layout.capacity).div_ceil(kind.seats().max(1));
            }
            layout.index();
        }
        layout
    }

    fn index(&mut self) {
        let mut blocks = Vec::new();
        let mut next = 0;
        for (i, unit) in self.fixed.iter().enumerate() {
            let seats = unit_seats(unit);
            blocks.push(Block {
                first_seat: next,
                seats_per_unit: seats,
                source: Source::Fixed(i),
            });
            next += seats;
        }
        for (i, (kind, count)) in self.kinds.iter().enumerate() {
            blocks.push(Block {
                first_seat: next,
                seats_per_unit: kind.seats(),
                source: Source::Replicated(i),
            });
            next += kind.seats() * count;
        }
        self.blocks = blocks;
        self.capacity = next;
    }

    /// Number of seats (filled or vacant).
    pub fn capacity(&self) -> u64 {
        self.capacity
    }

    /// The unit and position of seat `seat` (below [`Layout::capacity`]).
    pub fn seat(&self, seat: u64) -> Option<Seat<'_>> {
        let block_index = self
            .blocks
            .partition_point(|b| b.first_seat <= seat)
            .checked_sub(1)?;
        let block = self.blocks.get(block_index)?;
        let offset = seat - block.first_seat;
        let replica = offset / block.seats_per_unit.max(1);
        let mut within = offset % block.seats_per_unit.max(1);
        let (unit_code, unit_nama, positions) = match block.source {
            Source::Fixed(i) => {
                let unit = self.fixed.get(i)?;
                (unit.code.clone(), unit.nama.clone(), &unit.positions)
            }
            Source::Replicated(i) => {
                let (kind, _) = self.kinds.get(i)?;
                (kind.code(replica), kind.name(replica), &kind.positions)
            }
        };
        let position = positions.iter().find(|p| {
            let seats = u64::from(p.seats);
            if within < seats {
                true
            } else {
                within -= seats;
                false
            }
        })?;
        Some(Seat {
            unit_code,
            unit_nama,
            position,
        })
    }

    /// Every unit, parents before children.
    pub fn opd(&self) -> impl Iterator<Item = Opd> + '_ {
        let fixed = self.fixed.iter().map(|unit| Opd {
            kode: unit.code.clone(),
            nama: unit.nama.clone(),
            induk: unit.induk.clone(),
        });
        let replicated = self.kinds.iter().flat_map(move |(kind, count)| {
            (0..*count).map(move |replica| Opd {
                kode: kind.code(replica),
                nama: kind.name(replica),
                induk: self.parent_of(kind, replica, *count),
            })
        });
        fixed.chain(replicated)
    }

    /// Every position of every unit.
    pub fn jabatan(&self) -> impl Iterator<Item = Jabatan> + '_ {
        let fixed = self.fixed.iter().flat_map(|unit| {
            unit.positions
                .iter()
                .map(|p| jabatan(p, &unit.code, &unit.nama))
        });
        let replicated = self.kinds.iter().flat_map(|(kind, count)| {
            (0..*count).flat_map(move |replica| {
                let code = kind.code(replica);
                let nama = kind.name(replica);
                kind.positions.iter().map(move |p| jabatan(p, &code, &nama))
            })
        });
        fixed.chain(replicated)
    }

    fn parent_of(&self, kind: &Kind, replica: u64, count: u64) -> Option<String> {
        match kind.parent {
            Parent::Top => None,
            Parent::Unit(code) => Some(code.to_owned()),
            Parent::Kecamatan => {
                let (kecamatan, kecamatan_count) = self
                    .kinds
                    .iter()
                    .find(|(k, _)| k.prefix == replicated::KECAMATAN)?;
                Some(kecamatan.code(replica * kecamatan_count / count.max(1)))
            }
        }
    }
}

fn unit_seats(unit: &Unit) -> u64 {
    unit.positions.iter().map(|p| u64::from(p.seats)).sum()
}

fn jabatan(position: &Position, unit_code: &str, unit_nama: &str) -> Jabatan {
    Jabatan {
        kode: format!("{unit_code}-{}", position.key),
        nama: position.name_in(unit_nama),
        opd: unit_code.to_owned(),
        jenjang: position.jenjang,
        min_pendidikan: Some(position.min_pendidikan()),
        bidang_ilmu: position
            .fields
            .iter()
            .map(|f| talenta_domain::BidangIlmu::new(f))
            .collect(),
        min_golongan: position.min_golongan(),
        standar: position.standar(),
        kunci: position.kunci,
        kebutuhan: u16::try_from(position.seats).unwrap_or(u16::MAX),
        bup: None,
    }
}
