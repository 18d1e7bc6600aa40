//! The nine-box (kotak manajemen talenta) of PermenPANRB 3/2020, as amended
//! by PermenPANRB 20/2025 Pasal 17: kinerja on the vertical axis, potensial
//! on the horizontal, boxes numbered
//!
//! ```text
//!                      Potensial →   Rendah   Menengah   Tinggi
//! Kinerja di atas ekspektasi            4        7          9
//! Kinerja sesuai ekspektasi             2        5          8
//! Kinerja di bawah ekspektasi           1        3          6
//! ```
//!
//! Scores become bands by per-axis cut-offs with inclusive lower bounds: a
//! score equal to a cut-off belongs to the higher band (with 80/60, 80 is
//! "di atas" and 60 is "sesuai").

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::score::Score;

/// Kinerja band (pemeringkatan kinerja), ordered low to high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KinerjaBand {
    DiBawah,
    Sesuai,
    DiAtas,
}

impl KinerjaBand {
    pub const ALL: [KinerjaBand; 3] = [
        KinerjaBand::DiBawah,
        KinerjaBand::Sesuai,
        KinerjaBand::DiAtas,
    ];

    /// Code used in files: `di_bawah`, `sesuai`, `di_atas`.
    pub const fn code(self) -> &'static str {
        match self {
            KinerjaBand::DiBawah => "di_bawah",
            KinerjaBand::Sesuai => "sesuai",
            KinerjaBand::DiAtas => "di_atas",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            KinerjaBand::DiBawah => "di bawah ekspektasi",
            KinerjaBand::Sesuai => "sesuai ekspektasi",
            KinerjaBand::DiAtas => "di atas ekspektasi",
        }
    }
}

/// Potensial band, ordered low to high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PotensialBand {
    Rendah,
    Menengah,
    Tinggi,
}

impl PotensialBand {
    pub const ALL: [PotensialBand; 3] = [
        PotensialBand::Rendah,
        PotensialBand::Menengah,
        PotensialBand::Tinggi,
    ];

    /// Code used in files: `rendah`, `menengah`, `tinggi`.
    pub const fn code(self) -> &'static str {
        match self {
            PotensialBand::Rendah => "rendah",
            PotensialBand::Menengah => "menengah",
            PotensialBand::Tinggi => "tinggi",
        }
    }
}

/// Cut-offs of one axis on the 0–100 scale, each an inclusive lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct AxisCutoffs {
    high: Score,
    mid: Score,
}

/// Why cut-offs are not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cut-offs must have the upper above the lower (got {high} and {mid})")]
pub struct CutoffsError {
    pub high: Score,
    pub mid: Score,
}

impl AxisCutoffs {
    pub fn new(high: Score, mid: Score) -> Result<AxisCutoffs, CutoffsError> {
        if mid < high {
            Ok(AxisCutoffs { high, mid })
        } else {
            Err(CutoffsError { high, mid })
        }
    }

    pub fn high(self) -> Score {
        self.high
    }

    pub fn mid(self) -> Score {
        self.mid
    }

    /// 0 (bottom), 1 (middle) or 2 (top).
    fn level(self, score: Score) -> u8 {
        u8::from(score >= self.mid) + u8::from(score >= self.high)
    }
}

impl<'de> Deserialize<'de> for AxisCutoffs {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AxisCutoffs, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            high: Score,
            mid: Score,
        }
        let raw = Raw::deserialize(deserializer)?;
        AxisCutoffs::new(raw.high, raw.mid).map_err(serde::de::Error::custom)
    }
}

/// Cut-offs of both axes, set per instansi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cutoffs {
    pub kinerja: AxisCutoffs,
    pub potensial: AxisCutoffs,
}

impl Cutoffs {
    /// The same cut-offs on both axes.
    pub fn both(axis: AxisCutoffs) -> Cutoffs {
        Cutoffs {
            kinerja: axis,
            potensial: axis,
        }
    }

    pub fn kinerja_band(&self, kinerja: Score) -> KinerjaBand {
        match self.kinerja.level(kinerja) {
            0 => KinerjaBand::DiBawah,
            1 => KinerjaBand::Sesuai,
            _ => KinerjaBand::DiAtas,
        }
    }

    pub fn potensial_band(&self, potensial: Score) -> PotensialBand {
        match self.potensial.level(potensial) {
            0 => PotensialBand::Rendah,
            1 => PotensialBand::Menengah,
            _ => PotensialBand::Tinggi,
        }
    }

    /// Places a person by their two axis scores.
    pub fn classify(&self, kinerja: Score, potensial: Score) -> Placement {
        let kinerja_band = self.kinerja_band(kinerja);
        let potensial_band = self.potensial_band(potensial);
        Placement {
            kotak: Kotak::of(kinerja_band, potensial_band),
            kinerja_band,
            potensial_band,
        }
    }
}

/// Where a person lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Placement {
    pub kotak: Kotak,
    pub kinerja_band: KinerjaBand,
    pub potensial_band: PotensialBand,
}

/// A box of the nine-box, 1 to 9 in the PermenPANRB 3/2020 numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Kotak(u8);

/// Box number by `[kinerja band][potensial band]`.
const NUMBERING: [[u8; 3]; 3] = [
    // di bawah: rendah, menengah, tinggi
    [1, 3, 6],
    // sesuai
    [2, 5, 8],
    // di atas
    [4, 7, 9],
];

/// The talent pool (kelompok rencana suksesi) a box feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Krs {
    /// Boxes 7, 8 and 9: KRS Instansi.
    Instansi,
    /// Box 9: KRS Instansi and KRS Nasional.
    InstansiDanNasional,
}

impl Kotak {
    pub const ALL: [Kotak; 9] = [
        Kotak(1),
        Kotak(2),
        Kotak(3),
        Kotak(4),
        Kotak(5),
        Kotak(6),
        Kotak(7),
        Kotak(8),
        Kotak(9),
    ];

    pub fn new(number: u8) -> Option<Kotak> {
        (1..=9).contains(&number).then_some(Kotak(number))
    }

    pub fn of(kinerja: KinerjaBand, potensial: PotensialBand) -> Kotak {
        let number = NUMBERING
            .get(kinerja as usize)
            .and_then(|row| row.get(potensial as usize))
            .copied()
            .unwrap_or(1);
        Kotak(number)
    }

    pub const fn number(self) -> u8 {
        self.0
    }

    pub fn kinerja_band(self) -> KinerjaBand {
        self.bands().0
    }

    pub fn potensial_band(self) -> PotensialBand {
        self.bands().1
    }

    /// The steps from this box to `to` on the grid's farther axis
    /// (kinerja or potensial): 1 to a neighbouring box, 2 across the grid.
    pub fn steps_to(self, to: Kotak) -> usize {
        let kinerja = (self.kinerja_band() as usize).abs_diff(to.kinerja_band() as usize);
        let potensial = (self.potensial_band() as usize).abs_diff(to.potensial_band() as usize);
        kinerja.max(potensial)
    }

    fn bands(self) -> (KinerjaBand, PotensialBand) {
        KinerjaBand::ALL
            .into_iter()
            .flat_map(|k| PotensialBand::ALL.into_iter().map(move |p| (k, p)))
            .find(|(k, p)| Kotak::of(*k, *p) == self)
            .unwrap_or((KinerjaBand::DiBawah, PotensialBand::Rendah))
    }

    /// The official category text, e.g. "Kinerja di atas ekspektasi dan
    /// potensial tinggi".
    pub fn label(self) -> &'static str {
        match self.0 {
            9 => "Kinerja di atas ekspektasi dan potensial tinggi",
            8 => "Kinerja sesuai ekspektasi dan potensial tinggi",
            7 => "Kinerja di atas ekspektasi dan potensial menengah",
            6 => "Kinerja di bawah ekspektasi dan potensial tinggi",
            5 => "Kinerja sesuai ekspektasi dan potensial menengah",
            4 => "Kinerja di atas ekspektasi dan potensial rendah",
            3 => "Kinerja di bawah ekspektasi dan potensial menengah",
            2 => "Kinerja sesuai ekspektasi dan potensial rendah",
            _ => "Kinerja di bawah ekspektasi dan potensial rendah",
        }
    }

    /// Recommended follow-up (rekomendasi) of PermenPANRB 3/2020.
    pub fn rekomendasi(self) -> &'static [&'static str] {
        match self.0 {
            9 => &[
                "Dipromosikan dan dipertahankan",
                "Masuk kelompok rencana suksesi instansi/nasional",
                "Penghargaan",
            ],
            8 => &[
                "Dipertahankan",
                "Masuk kelompok rencana suksesi instansi",
                "Rotasi/perluasan jabatan",
                "Bimbingan kinerja",
            ],
            7 => &[
                "Dipertahankan",
                "Masuk kelompok rencana suksesi instansi",
                "Rotasi/pengayaan jabatan",
                "Pengembangan kompetensi",
                "Tugas belajar",
            ],
            6 => &[
                "Penempatan yang sesuai",
                "Bimbingan kinerja",
                "Konseling kinerja",
            ],
            5 => &[
                "Penempatan yang sesuai",
                "Bimbingan kinerja",
                "Pengembangan kompetensi",
            ],
            4 => &["Rotasi", "Pengembangan kompetensi"],
            3 => &[
                "Bimbingan kinerja",
                "Konseling kinerja",
                "Pengembangan kompetensi",
                "Penempatan yang sesuai",
            ],
            2 => &[
                "Bimbingan kinerja",
                "Pengembangan kompetensi",
                "Penempatan yang sesuai",
            ],
            _ => &["Diproses sesuai ketentuan peraturan perundang-undangan"],
        }
    }

    /// The talent pool this box feeds, if any (BKN KMS: KRS Instansi from
    /// boxes 7, 8, 9; KRS Nasional from box 9).
    pub fn krs(self) -> Option<Krs> {
        match self.0 {
            9 => Some(Krs::InstansiDanNasional),
            7 | 8 => Some(Krs::Instansi),
            _ => None,
        }
    }
}

impl TryFrom<u8> for Kotak {
    type Error = String;

    fn try_from(number: u8) -> Result<Kotak, String> {
        Kotak::new(number).ok_or_else(|| format!("kotak must be 1 to 9, got {number}"))
    }
}

impl From<Kotak> for u8 {
    fn from(kotak: Kotak) -> u8 {
        kotak.0
    }
}

impl fmt::Display for Kotak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(value: u8) -> Score {
        Score::whole(value).unwrap()
    }

    fn default_cutoffs() -> Cutoffs {
        Cutoffs::both(AxisCutoffs::new(score(80), score(60)).unwrap())
    }

    /// Every cell of the PermenPANRB 3/2020 box table (domain.md §3.2).
    #[test]
    fn reproduces_the_box_table_cell_by_cell() {
        use KinerjaBand::*;
        use PotensialBand::*;
        let table = [
            (
                9,
                DiAtas,
                Tinggi,
                "Kinerja di atas ekspektasi dan potensial tinggi",
            ),
            (
                8,
                Sesuai,
                Tinggi,
                "Kinerja sesuai ekspektasi dan potensial tinggi",
            ),
            (
                7,
                DiAtas,
                Menengah,
                "Kinerja di atas ekspektasi dan potensial menengah",
            ),
            (
                6,
                DiBawah,
                Tinggi,
                "Kinerja di bawah ekspektasi dan potensial tinggi",
            ),
            (
                5,
                Sesuai,
                Menengah,
                "Kinerja sesuai ekspektasi dan potensial menengah",
            ),
            (
                4,
                DiAtas,
                Rendah,
                "Kinerja di atas ekspektasi dan potensial rendah",
            ),
            (
                3,
                DiBawah,
                Menengah,
                "Kinerja di bawah ekspektasi dan potensial menengah",
            ),
            (
                2,
                Sesuai,
                Rendah,
                "Kinerja sesuai ekspektasi dan potensial rendah",
            ),
            (
                1,
                DiBawah,
                Rendah,
                "Kinerja di bawah ekspektasi dan potensial rendah",
            ),
        ];
        for (number, kinerja, potensial, label) in table {
            let kotak = Kotak::of(kinerja, potensial);
            assert_eq!(kotak.number(), number);
            assert_eq!(kotak.kinerja_band(), kinerja);
            assert_eq!(kotak.potensial_band(), potensial);
            assert_eq!(kotak.label(), label);
        }
    }

    #[test]
    fn reproduces_the_rekomendasi_column() {
        let first = |n| Kotak::new(n).unwrap().rekomendasi()[0];
        assert_eq!(first(9), "Dipromosikan dan dipertahankan");
        assert_eq!(Kotak::new(8).unwrap().rekomendasi().len(), 4);
        assert_eq!(Kotak::new(7).unwrap().rekomendasi()[4], "Tugas belajar");
        assert_eq!(first(6), "Penempatan yang sesuai");
        assert_eq!(first(4), "Rotasi");
        assert_eq!(first(3), "Bimbingan kinerja");
        assert_eq!(
            first(1),
            "Diproses sesuai ketentuan peraturan perundang-undangan"
        );
    }

    #[test]
    fn pools_are_boxes_seven_to_nine() {
        let pooled: Vec<_> = Kotak::ALL
            .into_iter()
            .filter(|k| k.krs().is_some())
            .map(Kotak::number)
            .collect();
        assert_eq!(pooled, [7, 8, 9]);
        assert_eq!(Kotak::new(9).unwrap().krs(), Some(Krs::InstansiDanNasional));
    }

    #[test]
    fn a_score_on_a_cut_off_goes_to_the_higher_band() {
        let c = default_cutoffs();
        assert_eq!(c.kinerja_band(score(80)), KinerjaBand::DiAtas);
        assert_eq!(
            c.kinerja_band(Score::from_hundredths(7999).unwrap()),
            KinerjaBand::Sesuai
        );
        assert_eq!(c.kinerja_band(score(60)), KinerjaBand::Sesuai);
        assert_eq!(
            c.kinerja_band(Score::from_hundredths(5999).unwrap()),
            KinerjaBand::DiBawah
        );
        assert_eq!(c.potensial_band(score(80)), PotensialBand::Tinggi);
        assert_eq!(c.potensial_band(score(60)), PotensialBand::Menengah);
        assert_eq!(c.potensial_band(score(0)), PotensialBand::Rendah);
        assert_eq!(c.classify(score(100), score(100)).kotak.number(), 9);
        assert_eq!(c.classify(score(80), score(79)).kotak.number(), 7);
    }

    #[test]
    fn cut_offs_must_be_ordered() {
        assert!(AxisCutoffs::new(score(60), score(80)).is_err());
        assert!(AxisCutoffs::new(score(60), score(60)).is_err());
    }

    #[test]
    fn cut_offs_can_differ_per_axis() {
        // Kaltim-style: kinerja 85/70, potensial 77/68.
        let c = Cutoffs {
            kinerja: AxisCutoffs::new(score(85), score(70)).unwrap(),
            potensial: AxisCutoffs::new(score(77), score(68)).unwrap(),
        };
        assert_eq!(c.classify(score(84), score(77)).kotak.number(), 8);
    }
}
