//! Hukuman disiplin (disciplinary sanctions) of PP 94/2021 Pasal 8.

use std::str::FromStr;

use crate::kode::{lower_key, snake_key};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::add_months;

code_enum! {
    /// Tingkat hukuman disiplin, ordered from light to heavy.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum TingkatHukuman {
        Ringan = "ringan",
        Sedang = "sedang",
        Berat = "berat",
    }
}

display_as!(TingkatHukuman, code);

/// Why a text is not a tingkat hukuman.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a tingkat hukuman disiplin (expected ringan, sedang or berat)")]
pub struct TingkatHukumanError(pub String);

parse_by_code!(TingkatHukuman, TingkatHukumanError, lower_key);

code_enum! {
    /// Jenis hukuman disiplin, PP 94/2021 Pasal 8 ayat (2)–(4).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum JenisHukuman {
        TeguranLisan = "teguran_lisan",
        TeguranTertulis = "teguran_tertulis",
        PernyataanTidakPuasTertulis = "pernyataan_tidak_puas_tertulis",
        PemotonganTukin6Bulan = "pemotongan_tukin_6_bulan",
        PemotonganTukin9Bulan = "pemotongan_tukin_9_bulan",
        PemotonganTukin12Bulan = "pemotongan_tukin_12_bulan",
        PenurunanJabatan12Bulan = "penurunan_jabatan_12_bulan",
        PembebasanJabatan12Bulan = "pembebasan_jabatan_12_bulan",
        PemberhentianDenganHormat = "pemberhentian_dengan_hormat",
    }
}

impl JenisHukuman {
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

    /// The last day a sanction taking effect on `mulai` is in force, when
    /// the decree does not say: a sanction of `m` months (PP 94/2021 Pasal
    /// 8 ayat (3) and (4)) ends the day before `mulai` plus `m` months; a
    /// teguran or pernyataan tidak puas is a one-off act, in force on its
    /// day only; dismissal does not end (`None`, as for an end past the year
    /// 9999).
    pub fn akhir(self, mulai: Date) -> Option<Date> {
        match self.months() {
            Some(months) => add_months(mulai, u32::from(months))?.previous_day(),
            None if self == JenisHukuman::PemberhentianDenganHormat => None,
            None => Some(mulai),
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

display_as!(JenisHukuman, label);

/// Why a text is not a jenis hukuman.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a jenis hukuman disiplin (expected one of: teguran_lisan, teguran_tertulis, pernyataan_tidak_puas_tertulis, pemotongan_tukin_6_bulan, pemotongan_tukin_9_bulan, pemotongan_tukin_12_bulan, penurunan_jabatan_12_bulan, pembebasan_jabatan_12_bulan, pemberhentian_dengan_hormat, or the label)"
)]
pub struct JenisHukumanError(pub String);

impl FromStr for JenisHukuman {
    type Err = JenisHukumanError;

    /// Accepts the code (`teguran_lisan`) or the label of PP 94/2021 in any
    /// case and spacing (`TEGURAN LISAN`).
    fn from_str(text: &str) -> Result<JenisHukuman, JenisHukumanError> {
        let key = snake_key(text);
        JenisHukuman::ALL
            .into_iter()
            .find(|j| j.code() == key || snake_key(j.label()) == key)
            .ok_or_else(|| JenisHukumanError(text.to_owned()))
    }
}

// Through the code, not serde's derived snake case, which would write
// `pemotongan_tukin6_bulan` where files write `pemotongan_tukin_6_bulan`.
serde_as_text!(JenisHukuman, code);

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
    fn parses_codes_and_labels() {
        for j in JenisHukuman::ALL {
            assert_eq!(j.code().parse(), Ok(j));
            assert_eq!(j.label().parse(), Ok(j));
            assert_eq!(j.label().to_uppercase().parse(), Ok(j));
            // The code is the serde name, so files and JSON agree.
            assert_eq!(
                serde_name(j),
                j.code(),
                "{j:?} serialises under another name"
            );
        }
        assert_eq!(" Teguran   LISAN ".parse(), Ok(JenisHukuman::TeguranLisan));
        assert_eq!(
            "skorsing".parse::<JenisHukuman>(),
            Err(JenisHukumanError("skorsing".into()))
        );
    }

    /// The serde name of a unit variant, through the TOML serialiser the
    /// crate already depends on.
    fn serde_name(jenis: JenisHukuman) -> String {
        #[derive(Serialize)]
        struct Wrap {
            j: JenisHukuman,
        }
        let text = toml::to_string(&Wrap { j: jenis }).unwrap();
        text.trim()
            .trim_start_matches("j = ")
            .trim_matches('"')
            .to_owned()
    }

    /// Sanctions of m months end the day before the same date m months on;
    /// one-off sanctions end on their day; dismissal never ends.
    #[test]
    fn computes_the_last_day_in_force() {
        let mulai = date!(2026 - 01 - 01);
        let akhir = |j: JenisHukuman| j.akhir(mulai);
        assert_eq!(akhir(JenisHukuman::TeguranLisan), Some(mulai));
        assert_eq!(akhir(JenisHukuman::TeguranTertulis), Some(mulai));
        assert_eq!(
            akhir(JenisHukuman::PernyataanTidakPuasTertulis),
            Some(mulai)
        );
        assert_eq!(
            akhir(JenisHukuman::PemotonganTukin6Bulan),
            Some(date!(2026 - 06 - 30))
        );
        assert_eq!(
            akhir(JenisHukuman::PemotonganTukin9Bulan),
            Some(date!(2026 - 09 - 30))
        );
        for j in [
            JenisHukuman::PemotonganTukin12Bulan,
            JenisHukuman::PenurunanJabatan12Bulan,
            JenisHukuman::PembebasanJabatan12Bulan,
        ] {
            assert_eq!(akhir(j), Some(date!(2026 - 12 - 31)));
        }
        assert_eq!(akhir(JenisHukuman::PemberhentianDenganHormat), None);
        // From the 31st, the month's end is clamped before stepping back.
        assert_eq!(
            JenisHukuman::PemotonganTukin6Bulan.akhir(date!(2025 - 08 - 31)),
            Some(date!(2026 - 02 - 27))
        );
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
