//! Education and golongan of a person in a position: who holds what, and
//! how the golongan grew from the entry level with years of service.
//!
//! Entry golongan by education and the regular-promotion ceilings follow
//! PP 99/2000 as BKN applies it (domain.md §7.3 [R]): SD I/a, SLTP I/c,
//! SLTA/D-I II/a, D-II II/b, D-III II/c, S1/D-IV III/a, S2 III/b, S3 III/c;
//! one step per four years. Beyond the ceiling, only a position takes one
//! further (kenaikan pangkat pilihan), up to the top of its range (§7.4).

use rand::Rng;
use talenta_domain::{Golongan, GolonganPppk, Jenjang, TingkatPendidikan};

use crate::catalogue::weighted;
use crate::organisation::position::Profile;

use TingkatPendidikan as T;

/// Education of a holder, per profile (percent). Mixed so that the whole
/// instansi lands near BKN's ASN education statistics (Desember 2023):
/// S1/D-IV about 60%, SLTA about 14%, D-III about 12%, S2 about 9%, S3
/// under 1%.
pub fn education<R: Rng>(rng: &mut R, profile: Profile, jenjang: Jenjang) -> TingkatPendidikan {
    let table: &[(TingkatPendidikan, u32)] = match (profile, jenjang) {
        (Profile::Leader, Jenjang::JptPratama | Jenjang::JptMadya | Jenjang::JptUtama) => {
            &[(T::S2, 72), (T::S1, 24), (T::S3, 4)]
        }
        (Profile::Leader, Jenjang::Administrator) => &[(T::S2, 55), (T::S1, 43), (T::S3, 2)],
        (Profile::Leader, _) => &[(T::S1, 68), (T::S2, 24), (T::D3, 6), (T::D4, 2)],
        (Profile::Guru, _) => &[(T::S1, 86), (T::S2, 11), (T::D2, 2), (T::D4, 1)],
        (Profile::Dokter | Profile::DokterGigi, Jenjang::AhliMadya | Jenjang::AhliMuda) => {
            &[(T::S2, 85), (T::S1, 10), (T::S3, 5)]
        }
        (Profile::Dokter | Profile::DokterGigi, _) => &[(T::S1, 85), (T::S2, 15)],
        (Profile::Perawat, Jenjang::AhliPertama | Jenjang::AhliMuda) => {
            &[(T::S1, 90), (T::D4, 5), (T::S2, 5)]
        }
        (Profile::Perawat, _) => &[(T::D3, 88), (T::S1, 10), (T::Slta, 2)],
        (Profile::Bidan, Jenjang::AhliPertama) => &[(T::D4, 60), (T::S1, 35), (T::S2, 5)],
        (Profile::Bidan, _) => &[(T::D3, 85), (T::D4, 12), (T::D1, 3)],
        (Profile::Apoteker, _) => &[(T::S1, 92), (T::S2, 8)],
        (Profile::Kesehatan, Jenjang::AhliPertama | Jenjang::AhliMuda) => {
            &[(T::S1, 80), (T::S2, 15), (T::D4, 5)]
        }
        (Profile::Kesehatan, _) => &[(T::D3, 80), (T::D4, 8), (T::S1, 10), (T::Slta, 2)],
        (Profile::Analis, _) => &[(T::S1, 78), (T::S2, 18), (T::D4, 3), (T::D3, 1)],
        (Profile::Terampil, _) => &[(T::D3, 62), (T::S1, 22), (T::Slta, 14), (T::D1, 2)],
        (Profile::Pelaksana, _) => &[
            (T::Slta, 42),
            (T::SltaKejuruan, 6),
            (T::S1, 30),
            (T::D3, 14),
            (T::Sltp, 4),
            (T::Sd, 2),
            (T::S2, 2),
        ],
        (Profile::Lapangan, _) => &[
            (T::Slta, 62),
            (T::SltaKejuruan, 8),
            (T::D3, 8),
            (T::S1, 18),
            (T::Sltp, 4),
        ],
    };
    weighted(rng, table).unwrap_or(T::S1)
}

/// Typical age at graduation.
pub fn graduation_age(level: TingkatPendidikan) -> i32 {
    match level {
        T::Sd => 12,
        T::Sltp | T::SltpKejuruan => 15,
        T::Slta | T::SltaKejuruan | T::SltaKeguruan => 18,
        T::D1 => 19,
        T::D2 => 20,
        T::D3 => 21,
        T::D4 | T::S1 => 22,
        T::S2 => 26,
        T::S3 => 32,
    }
}

/// Golongan on appointment as CPNS.
pub fn entry_golongan(level: TingkatPendidikan) -> Golongan {
    match level {
        T::Sd => Golongan::IA,
        T::Sltp | T::SltpKejuruan => Golongan::IC,
        T::Slta | T::SltaKejuruan | T::SltaKeguruan | T::D1 => Golongan::IIA,
        T::D2 => Golongan::IIB,
        T::D3 => Golongan::IIC,
        T::D4 | T::S1 => Golongan::IIIA,
        T::S2 => Golongan::IIIB,
        T::S3 => Golongan::IIIC,
    }
}

/// Highest golongan by regular promotion for an education level.
fn regular_ceiling(level: TingkatPendidikan) -> Golongan {
    match level {
        T::Sd => Golongan::IIA,
        T::Sltp | T::SltpKejuruan => Golongan::IIC,
        T::Slta | T::SltaKejuruan | T::SltaKeguruan | T::D1 => Golongan::IIID,
        T::D2 | T::D3 => Golongan::IIID,
        T::D4 | T::S1 => Golongan::IVA,
        T::S2 | T::S3 => Golongan::IVA,
    }
}

/// Highest golongan a position leads to (top of its range, §7.4).
fn position_ceiling(jenjang: Jenjang) -> Option<Golongan> {
    match jenjang {
        Jenjang::JptUtama | Jenjang::JptMadya | Jenjang::AhliUtama => Some(Golongan::IVE),
        Jenjang::JptPratama => Some(Golongan::IVD),
        Jenjang::Administrator | Jenjang::AhliMadya => Some(Golongan::IVC),
        Jenjang::Pengawas => Some(Golongan::IVA),
        Jenjang::AhliMuda | Jenjang::Penyelia => Some(Golongan::IIID),
        Jenjang::AhliPertama | Jenjang::Mahir => Some(Golongan::IIIB),
        Jenjang::Terampil => Some(Golongan::IID),
        Jenjang::Pemula | Jenjang::Pelaksana => None,
    }
}

/// One step of the golongan history: the golongan, when, and whether it
/// was a regular promotion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub golongan: Golongan,
    /// Months after TMT CPNS.
    pub after_months: u32,
    pub jenis: JenisKp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisKp {
    Pengangkatan,
    Reguler,
    Pilihan,
}

impl JenisKp {
    pub fn label(self) -> &'static str {
        match self {
            JenisKp::Pengangkatan => "Pengangkatan CPNS",
            JenisKp::Reguler => "Reguler",
            JenisKp::Pilihan => "Pilihan",
        }
    }
}

/// The golongan history of a PNS from TMT CPNS over `service_months`:
/// a step every four years or a little more, up to the ceiling of the
/// education (regular) and then of the position (pilihan). A change of
/// education during service (`upgrade`: months after TMT and the new
/// level) lifts the ceiling from then on.
pub fn golongan_steps<R: Rng>(
    rng: &mut R,
    entry: TingkatPendidikan,
    upgrade: Option<(u32, TingkatPendidikan)>,
    jenjang: Jenjang,
    service_months: u32,
) -> Vec<Step> {
    let mut steps = vec![Step {
        golongan: entry_golongan(entry),
        after_months: 0,
        jenis: JenisKp::Pengangkatan,
    }];
    let mut at = 0u32;
    let mut current = entry_golongan(entry);
    loop {
        at += 48 + rng.random_range(0..=14);
        if at > service_months {
            break;
        }
        let level = match upgrade {
            Some((when, level)) if when <= at => level,
            _ => entry,
        };
        let regular = regular_ceiling(level);
        let ceiling = position_ceiling(jenjang).map_or(regular, |p| p.max(regular));
        let Some(next) = Golongan::ALL
            .iter()
            .copied()
            .find(|g| *g > current)
            .filter(|g| *g <= ceiling)
        else {
            break;
        };
        current = next;
        steps.push(Step {
            golongan: next,
            after_months: at,
            jenis: if next <= regular {
                JenisKp::Reguler
            } else {
                JenisKp::Pilihan
            },
        });
    }
    steps
}

/// PPPK golongan by education (Perpres 98/2020 as applied, domain.md §7.3
/// [R]): SD I, SLTP IV, SLTA/D-I V, D-II VI, D-III VII, S1/D-IV IX, S2 X,
/// S3 XI.
pub fn pppk_golongan(level: TingkatPendidikan) -> Option<GolonganPppk> {
    GolonganPppk::new(match level {
        T::Sd => 1,
        T::Sltp | T::SltpKejuruan => 4,
        T::Slta | T::SltaKejuruan | T::SltaKeguruan | T::D1 => 5,
        T::D2 => 6,
        T::D3 => 7,
        T::D4 | T::S1 => 9,
        T::S2 => 10,
        T::S3 => 11,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn steps_stop_at_the_ceilings() {
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(1);
        let slta = golongan_steps(&mut rng, T::Slta, None, Jenjang::Pelaksana, 12 * 40);
        assert_eq!(slta.first().map(|s| s.golongan), Some(Golongan::IIA));
        assert_eq!(slta.last().map(|s| s.golongan), Some(Golongan::IIID));
        assert!(slta.iter().all(|s| s.jenis != JenisKp::Pilihan));

        let head = golongan_steps(&mut rng, T::S2, None, Jenjang::JptPratama, 12 * 30);
        assert!(head.last().map(|s| s.golongan) >= Some(Golongan::IVB));
        assert!(head.iter().any(|s| s.jenis == JenisKp::Pilihan));
        assert!(head.windows(2).all(|w| w[0].golongan < w[1].golongan));
    }
}
