//! The talent cycle of a period: open, map, calibrate, close (PermenPANRB
//! 3/2020 tahap akuisisi: identify, assess and map talents, then set the
//! KRS). A period is open until the talent committee (tim penilai talenta)
//! closes it; a closed period is frozen: it is never re-mapped or
//! re-calibrated, and what-if runs under another rule set leave it alone.
//!
//! Calibration: the committee may move a person to another box, only with a
//! written reason. The computed box is never overwritten: both boxes and
//! the reason are kept, and the final box is the one pools and succession
//! read.

use serde::Serialize;

use crate::eligibility::Candidate;
use crate::jabatan::Jenjang;
use crate::nine_box::Kotak;
use crate::nip::Nip;
use crate::score::Score;
use crate::teks::{self, Lines, TeksError};

code_enum! {
    /// Where a period is in its cycle.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum StatusPeriode {
        /// Being mapped and calibrated.
        Terbuka = "terbuka",
        /// Frozen.
        Ditutup = "ditutup",
    }
}

display_as!(StatusPeriode, code);

/// Why a text is not a period status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a period status (expected terbuka or ditutup)")]
pub struct StatusPeriodeError(pub String);

// The codes compare exactly: only spaces around them are dropped.
parse_by_code!(StatusPeriode, StatusPeriodeError, |text: &str| {
    text.trim().to_owned()
});

/// The shortest reason the committee may write, in characters. A product
/// rule, not a regulation: "naik" is not a reason anyone can audit.
pub const MIN_ALASAN: usize = 20;

/// The longest reason, in characters: what the form (one line) allows.
pub const MAX_ALASAN: usize = 500;

/// A calibration the committee asked for, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Calibration {
    /// The box the rules computed.
    pub computed: Kotak,
    /// The box the committee set.
    pub final_box: Kotak,
    pub alasan: String,
}

/// Why a calibration is refused. Messages are shown to the committee.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalibrationError {
    #[error("periode sudah ditutup: kalibrasi tidak dapat diubah")]
    Closed,
    #[error("pegawai tidak memiliki kotak pada peta talenta periode ini")]
    NotPlaced,
    #[error("kotak tujuan sama dengan kotak hasil perhitungan ({0})")]
    Unchanged(Kotak),
    #[error("alasan kalibrasi wajib diisi, paling sedikit {MIN_ALASAN} karakter")]
    NoReason,
    #[error("alasan kalibrasi {0}")]
    Alasan(TeksError),
}

/// Checks a calibration of a person whose computed box is `computed` (none
/// when the map left them out) to `to`, with `alasan`, in a period of
/// `status`. Moving a person back to the computed box is not a calibration:
/// the caller removes the calibration instead.
pub fn calibrate(
    status: StatusPeriode,
    computed: Option<Kotak>,
    to: Kotak,
    alasan: &str,
) -> Result<Calibration, CalibrationError> {
    if status == StatusPeriode::Ditutup {
        return Err(CalibrationError::Closed);
    }
    let computed = computed.ok_or(CalibrationError::NotPlaced)?;
    if computed == to {
        return Err(CalibrationError::Unchanged(to));
    }
    let alasan = teks::check(alasan, MAX_ALASAN, Lines::One).map_err(CalibrationError::Alasan)?;
    if alasan.chars().count() < MIN_ALASAN {
        return Err(CalibrationError::NoReason);
    }
    Ok(Calibration {
        computed,
        final_box: to,
        alasan,
    })
}

/// One placed person of a period as pools and succession read them: the
/// final box (after calibration), the scores of the snapshot, the current
/// position's jenjang and the record the eligibility rules check (with the
/// latest assessment, which succession's JPM reads too).
#[derive(Debug, Clone, Copy)]
pub struct Talent<'a> {
    pub nip: Nip,
    pub nama: &'a str,
    pub opd: &'a str,
    /// The jenjang of the current position; `None` without one.
    pub jenjang: Option<Jenjang>,
    /// The final box: calibrated, else computed.
    pub kotak: Kotak,
    pub nilai_talenta: Score,
    pub kinerja: Score,
    pub potensial: Score,
    pub candidate: Candidate<'a>,
}

/// The order of talent: Nilai Talenta, then kinerja, then potensial, all
/// highest first, then NIP ascending. The NIP is only the last resort that
/// makes the order total and reproducible; ties that reach it are rare
/// (equal to the hundredth on three scores) and are for the committee to
/// calibrate, not for the NIP to decide.
pub fn by_talent(a: &Talent<'_>, b: &Talent<'_>) -> std::cmp::Ordering {
    b.nilai_talenta
        .cmp(&a.nilai_talenta)
        .then(b.kinerja.cmp(&a.kinerja))
        .then(b.potensial.cmp(&a.potensial))
        .then_with(|| a.nip.cmp(&b.nip))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(n: u8) -> Kotak {
        Kotak::new(n).unwrap()
    }

    const REASON: &str = "Hasil asesmen ulang Maret 2026 menunjukkan potensi tinggi";

    #[test]
    fn calibration_needs_an_open_period_a_box_a_change_and_a_reason() {
        type Case = (
            StatusPeriode,
            Option<u8>,
            u8,
            &'static str,
            Result<(u8, u8), CalibrationError>,
        );
        let cases: [Case; 6] = [
            (StatusPeriode::Terbuka, Some(7), 9, REASON, Ok((7, 9))),
            (StatusPeriode::Terbuka, Some(5), 4, REASON, Ok((5, 4))),
            (
                StatusPeriode::Ditutup,
                Some(7),
                9,
                REASON,
                Err(CalibrationError::Closed),
            ),
            (
                StatusPeriode::Terbuka,
                None,
                9,
                REASON,
                Err(CalibrationError::NotPlaced),
            ),
            (
                StatusPeriode::Terbuka,
                Some(7),
                7,
                REASON,
                Err(CalibrationError::Unchanged(k(7))),
            ),
            (
                StatusPeriode::Terbuka,
                Some(7),
                8,
                "  layak naik         ",
                Err(CalibrationError::NoReason),
            ),
        ];
        for (status, computed, to, reason, expected) in cases {
            let got = calibrate(status, computed.map(k), k(to), reason)
                .map(|c| (c.computed.number(), c.final_box.number()));
            assert_eq!(got, expected, "{status} {computed:?} -> {to}");
        }
        assert_eq!(
            calibrate(
                StatusPeriode::Terbuka,
                Some(k(7)),
                k(9),
                &format!("  {REASON} ")
            )
            .unwrap()
            .alasan,
            REASON
        );
    }

    #[test]
    fn a_reason_is_one_line_of_at_most_500_characters() {
        let open = |alasan: &str| calibrate(StatusPeriode::Terbuka, Some(k(7)), k(9), alasan);
        let longest = "a".repeat(MAX_ALASAN);
        assert_eq!(open(&longest).unwrap().alasan, longest);
        for alasan in ["a".repeat(MAX_ALASAN + 1), "a".repeat(260_000)] {
            let refused = open(&alasan).unwrap_err();
            assert_eq!(refused, CalibrationError::Alasan(TeksError::TooLong(500)));
            assert_eq!(
                refused.to_string(),
                "alasan kalibrasi paling panjang 500 karakter"
            );
        }
        for alasan in [format!("{REASON}\u{0}"), format!("{REASON}\nbaris dua")] {
            assert_eq!(
                open(&alasan),
                Err(CalibrationError::Alasan(TeksError::Control))
            );
        }
    }

    #[test]
    fn status_codes_round_trip() {
        for s in [StatusPeriode::Terbuka, StatusPeriode::Ditutup] {
            assert_eq!(s.code().parse(), Ok(s));
        }
        assert!("closed".parse::<StatusPeriode>().is_err());
    }
}
