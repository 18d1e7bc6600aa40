//! Hukuman disiplin (disciplinary sanctions) of PP 94/2021 Pasal 8.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::Date;

/// Tingkat hukuman disiplin, ordered from light to heavy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TingkatHukuman {
    Ringan,
    Sedang,
    Berat,
}

impl TingkatHukuman {
    pub const ALL: [TingkatHukuman; 3] = [
        TingkatHukuman::Ringan,
        TingkatHukuman::Sedang,
        TingkatHukuman::Berat,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            TingkatHukuman::Ringan => "ringan",
            TingkatHukuman::Sedang => "sedang",
            TingkatHukuman::Berat => "berat",
        }
    }
}

impl fmt::Display for TingkatHukuman {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a text is not a tingkat hukuman.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a tingkat hukuman disiplin (expected ringan, sedang or berat)")]
pub struct TingkatHukumanError(pub String);

impl FromStr for TingkatHukuman {
    type Err = TingkatHukumanError;

    fn from_str(text: &str) -> Result<TingkatHukuman, TingkatHukumanError> {
        let key = text.trim().to_lowercase();
        TingkatHukuman::ALL
            .into_iter()
            .find(|t| t.code() == key)
            .ok_or_else(|| TingkatHukumanError(text.to_owned()))
    }
}

/// Jenis hukuman disiplin, PP 94/2021 Pasal 8 ayat (2)–(4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisHukuman {
    TeguranLisan,
    TeguranTertulis,
    PernyataanTidakPuasTertulis,
    PemotonganTukin6Bulan,
    PemotonganTukin9Bulan,
    PemotonganTukin12Bulan,
    PenurunanJabatan12Bulan,
    PembebasanJabatan12Bulan,
    PemberhentianDenganHormat,
}

impl JenisHukuman {
    pub const ALL: [JenisHukuman; 9] = [
        JenisHukuman::TeguranLisan,
        JenisHukuman::TeguranTertulis,
        JenisHukuman::PernyataanTidakPuasTertulis,
        JenisHukuman::PemotonganTukin6Bulan,
        JenisHukuman::PemotonganTukin9Bulan,
        JenisHukuman::PemotonganTukin12Bulan,
        JenisHukuman::PenurunanJabatan12Bulan,
        JenisHukuman::PembebasanJabatan12Bulan,
        JenisHukuman::PemberhentianDenganHormat,
    ];

    pub const fn tingkat(self) -> TingkatHukuman {
        match self {
            JenisHukuman::TeguranLisan
            | JenisHukuman::TeguranTertulis
            | JenisHukuman::PernyataanTidakPuasTertulis => TingkatHukuman::Ringan,
            JenisHukuman::PemotonganTukin6Bulan
            | JenisHukuman::PemotonganTukin9Bulan
            | JenisHukuman::PemotonganTukin12Bulan => TingkatHukuman::Sedang,
            JenisHukuman::PenurunanJabatan12Bulan
            | JenisHukuman::PembebasanJabatan12Bulan
            | JenisHukuman::PemberhentianDenganHormat => TingkatHukuman::Berat,
        }
    }

    /// How long the sanction runs, in months; `None` for one-off sanctions
    /// (teguran) and for dismissal, which does not end.
    pub const fn months(self) -> Option<u8> {
        match self {
            JenisHukuman::PemotonganTukin6Bulan => Some(6),
            JenisHukuman::PemotonganTukin9Bulan => Some(9),
            JenisHukuman::PemotonganTukin12Bulan
            | JenisHukuman::PenurunanJabatan12Bulan
            | JenisHukuman::PembebasanJabatan12Bulan => Some(12),
            _ => None,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            JenisHukuman::TeguranLisan => "Teguran lisan",
            JenisHukuman::TeguranTertulis => "Teguran tertulis",
            JenisHukuman::PernyataanTidakPuasTertulis => "Pernyataan tidak puas secara tertulis",
            JenisHukuman::PemotonganTukin6Bulan => {
                "Pemotongan tunjangan kinerja 25% selama 6 bulan"
            }
            JenisHukuman::PemotonganTukin9Bulan => {
                "Pemotongan tunjangan kinerja 25% selama 9 bulan"
            }
            JenisHukuman::PemotonganTukin12Bulan => {
                "Pemotongan tunjangan kinerja 25% selama 12 bulan"
            }
            JenisHukuman::PenurunanJabatan12Bulan => {
                "Penurunan jabatan setingkat lebih rendah selama 12 bulan"
            }
            JenisHukuman::PembebasanJabatan12Bulan => {
                "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"
            }
            JenisHukuman::PemberhentianDenganHormat => {
                "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"
            }
        }
    }
}

/// A sanction in a person's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hukuman {
    pub tingkat: TingkatHukuman,
    pub jenis: Option<JenisHukuman>,
    /// TMT: the day the sanction takes effect.
    pub mulai: Date,
    /// Last day in force (SIASN `akhirHukumTanggal`); `None` when it does not
    /// end (dismissal) or the end is not recorded, in which case it is taken
    /// as still in force.
    pub akhir: Option<Date>,
}

impl Hukuman {
    pub fn in_force_on(&self, date: Date) -> bool {
        self.mulai <= date && self.akhir.is_none_or(|end| date <= end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// PP 94/2021 Pasal 8: three kinds per level.
    #[test]
    fn reproduces_pasal_8() {
        let per_level = |t| {
            JenisHukuman::ALL
                .iter()
                .filter(|j| j.tingkat() == t)
                .count()
        };
        assert_eq!(per_level(TingkatHukuman::Ringan), 3);
        assert_eq!(per_level(TingkatHukuman::Sedang), 3);
        assert_eq!(per_level(TingkatHukuman::Berat), 3);
        assert_eq!(JenisHukuman::PemotonganTukin9Bulan.months(), Some(9));
        assert_eq!(JenisHukuman::TeguranLisan.months(), None);
        assert!(TingkatHukuman::Ringan < TingkatHukuman::Sedang);
        assert_eq!("Berat".parse(), Ok(TingkatHukuman::Berat));
    }

    #[test]
    fn in_force_between_start_and_end_inclusive() {
        let h = Hukuman {
            tingkat: TingkatHukuman::Sedang,
            jenis: Some(JenisHukuman::PemotonganTukin6Bulan),
            mulai: date!(2026 - 01 - 01),
            akhir: Some(date!(2026 - 06 - 30)),
        };
        assert!(!h.in_force_on(date!(2025 - 12 - 31)));
        assert!(h.in_force_on(date!(2026 - 01 - 01)));
        assert!(h.in_force_on(date!(2026 - 06 - 30)));
        assert!(!h.in_force_on(date!(2026 - 07 - 01)));
        let open = Hukuman { akhir: None, ..h };
        assert!(open.in_force_on(date!(2040 - 01 - 01)));
    }
}
