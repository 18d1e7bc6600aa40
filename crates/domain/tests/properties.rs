//! Property tests over the whole input range: classification is total and
//! monotone; parsers never panic on arbitrary input and round-trip; the
//! kinerja axis of the bundled rule set follows PermenPANRB 6/2022 on SIASN
//! data.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use talenta_domain::kompetensi::{Level, Levels, UMUM};
use talenta_domain::personnel::{Asesmen, SumberAsesmen};
use talenta_domain::talent::Komponen;
use talenta_domain::talent_map::{Nilai, NilaiSkp, Rekam, Syarat, score as map_score};
use talenta_domain::{
    AxisCutoffs, Cutoffs, KinerjaBand, Nip, Periode, Predikat, RuleSet, Score, Semester,
    TingkatPendidikan,
};

fn score() -> impl Strategy<Value = Score> {
    (0u16..=10_000).prop_map(|h| Score::from_hundredths(h).unwrap())
}

fn cutoffs() -> impl Strategy<Value = Cutoffs> {
    let axis = (1u16..=10_000)
        .prop_flat_map(|high| (Just(high), 0..high))
        .prop_map(|(high, mid)| {
            AxisCutoffs::new(
                Score::from_hundredths(high).unwrap(),
                Score::from_hundredths(mid).unwrap(),
            )
            .unwrap()
        });
    (axis.clone(), axis).prop_map(|(kinerja, potensial)| Cutoffs { kinerja, potensial })
}

proptest! {
    /// Every pair of scores lands in exactly one box, and the box agrees
    /// with the two bands.
    #[test]
    fn classification_is_total(c in cutoffs(), k in score(), p in score()) {
        let placed = c.classify(k, p);
        prop_assert!((1..=9).contains(&placed.kotak.number()));
        prop_assert_eq!(placed.kotak.kinerja_band(), placed.kinerja_band);
        prop_assert_eq!(placed.kotak.potensial_band(), placed.potensial_band);
    }

    /// A higher score on either axis never gives a lower band, nor a lower
    /// box number (the numbering rises along each axis).
    #[test]
    fn classification_is_monotone(c in cutoffs(), k1 in score(), k2 in score(), p1 in score(), p2 in score()) {
        let (k_lo, k_hi) = if k1 <= k2 { (k1, k2) } else { (k2, k1) };
        let (p_lo, p_hi) = if p1 <= p2 { (p1, p2) } else { (p2, p1) };
        let low = c.classify(k_lo, p_lo);
        let up_k = c.classify(k_hi, p_lo);
        let up_p = c.classify(k_lo, p_hi);
        prop_assert!(low.kinerja_band <= up_k.kinerja_band);
        prop_assert!(low.potensial_band <= up_p.potensial_band);
        prop_assert!(low.kotak <= up_k.kotak);
        prop_assert!(low.kotak <= up_p.kotak);
        prop_assert!(low.kotak <= c.classify(k_hi, p_hi).kotak);
    }

    /// A score at a cut-off is in the higher band; one hundredth below is not.
    #[test]
    fn cut_off_ties_go_up(c in cutoffs()) {
        let high = c.kinerja.high();
        let band = c.kinerja_band(high);
        prop_assert_eq!(band, talenta_domain::KinerjaBand::DiAtas);
        let below = Score::from_hundredths(high.hundredths() - 1).unwrap();
        prop_assert!(c.kinerja_band(below) < band);
    }

    #[test]
    fn nip_parser_never_panics_on_any_text(text in any::<String>()) {
        let _ = Nip::parse(&text);
    }

    #[test]
    fn nip_parser_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        let _ = Nip::parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn nip_parser_never_panics_on_digit_strings(text in "[0-9 ]{0,24}") {
        let _ = Nip::parse(&text);
    }

    /// A valid NIP reads back to itself from its digits and from its display
    /// form, and its birth date and TMT are real dates in order.
    #[test]
    fn valid_nips_round_trip(
        year in 1950i32..2005, month in 1u8..=12, day in 1u8..=28,
        after in 19i32..40, tmt_month in 1u8..=12, gender in 1u8..=2, seq in 1u16..=999,
    ) {
        let text = format!("{year:04}{month:02}{day:02}{:04}{tmt_month:02}{gender}{seq:03}", year + after);
        let nip = Nip::parse(&text).unwrap();
        prop_assert_eq!(nip.as_str(), text.as_str());
        // The spaced display form reads back as the same NIP.
        let shown = nip.to_string();
        prop_assert_eq!(Nip::parse(&shown).unwrap(), nip);
        prop_assert!(nip.birth_date().year() + 18 <= nip.appointment().year());
    }

    #[test]
    fn score_parser_never_panics(text in any::<String>()) {
        if let Ok(score) = text.parse::<Score>() {
            prop_assert!(score <= Score::MAX);
        }
    }

    #[test]
    fn scores_round_trip_through_text(s in score()) {
        prop_assert_eq!(s.to_string().parse::<Score>(), Ok(s));
    }
}

fn predikat() -> impl Strategy<Value = Predikat> {
    prop::sample::select(Predikat::ALL.to_vec())
}

fn periode() -> impl Strategy<Value = Periode> {
    (2015i32..2035, any::<bool>()).prop_map(|(year, first)| {
        let semester = if first { Semester::S1 } else { Semester::S2 };
        Periode::new(year, semester).unwrap()
    })
}

/// Whatever the potensial axis may see: an assessment on the period's last
/// day at `level` in every general competency, with `potensi`.
#[derive(Debug, Clone)]
struct Potensial {
    level: u8,
    potensi: Score,
    pendidikan: TingkatPendidikan,
}

fn potensial() -> impl Strategy<Value = Potensial> {
    (
        1u8..=5,
        score(),
        prop::sample::select(TingkatPendidikan::ALL.to_vec()),
    )
        .prop_map(|(level, potensi, pendidikan)| Potensial {
            level,
            potensi,
            pendidikan,
        })
}

/// Maps one person with the bundled rule set: the SKP `years` (predikat
/// and penguat) are the window's, oldest first, and the potensial records
/// are complete.
fn mapped(
    periode: Periode,
    years: &[(Predikat, Option<Score>)],
    p: &Potensial,
) -> Result<Nilai, Vec<Komponen>> {
    let rules = RuleSet::bundled().unwrap();
    let standar: Levels = UMUM
        .iter()
        .map(|k| (k.clone(), Level::new(3).unwrap()))
        .collect();
    let nip = Nip::parse("198609262015051001").unwrap();
    let first = periode.year() - i32::try_from(years.len()).unwrap();
    let skp: Vec<NilaiSkp> = (first..)
        .zip(years)
        .map(|(tahun, (predikat, penguat))| NilaiSkp {
            tahun,
            predikat: *predikat,
            nilai_penguat: *penguat,
        })
        .collect();
    let asesmen = [Asesmen {
        nip,
        tanggal: periode.end(),
        sumber: SumberAsesmen::Cact,
        potensi: Some(p.potensi),
        kompetensi: UMUM
            .iter()
            .map(|k| (k.clone(), Level::new(p.level).unwrap()))
            .collect(),
    }];
    let rekam = Rekam {
        jabatan: Some(Syarat {
            standar: &standar,
            bidang_ilmu: &[],
        }),
        pendidikan: Some(p.pendidikan),
        bidang_ilmu: None,
        skp: &skp,
        asesmen: &asesmen,
        hukdis: &[],
    };
    map_score(&rules, periode, &rekam).map_err(|m| m.0)
}

proptest! {
    /// Issue 20: with the default rule set, two years of Baik are "sesuai
    /// ekspektasi" and two of Sangat Baik "di atas ekspektasi" whatever the
    /// penguat of each year, present or not (SIASN's SKP records have none),
    /// and the person is always mapped.
    #[test]
    fn baik_is_sesuai_and_sangat_baik_di_atas_whatever_the_penguat(
        periode in periode(),
        sangat_baik in any::<bool>(),
        penguat in prop::array::uniform2(prop::option::of(score())),
        p in potensial(),
    ) {
        let (predikat, band) = if sangat_baik {
            (Predikat::SangatBaik, KinerjaBand::DiAtas)
        } else {
            (Predikat::Baik, KinerjaBand::Sesuai)
        };
        let years = penguat.map(|v| (predikat, v));
        let nilai = mapped(periode, &years, &p).unwrap();
        prop_assert_eq!(nilai.placement.kinerja_band, band, "kinerja {}", nilai.kinerja);
    }

    /// Nobody is left out of the map for lack of a penguat: with the
    /// potensial records complete, any SKP in the window maps.
    #[test]
    fn a_missing_penguat_never_leaves_anyone_unmapped(
        periode in periode(),
        years in prop::collection::vec((predikat(), prop::option::of(score())), 1..=2),
        p in potensial(),
    ) {
        prop_assert!(mapped(periode, &years, &p).is_ok());
    }

    /// Within a band the penguat orders people: a higher penguat in a year
    /// never lowers the axis, and a year's penguat never moves it out of
    /// the band its predikat gives when the other year has the same one.
    #[test]
    fn the_penguat_orders_people_within_their_band(
        periode in periode(),
        predikat in predikat(),
        other in prop::option::of(score()),
        low in score(),
        high in score(),
        p in potensial(),
    ) {
        let (low, high) = (low.min(high), low.max(high));
        let at = |penguat| mapped(periode, &[(predikat, other), (predikat, Some(penguat))], &p).unwrap();
        let (lower, higher) = (at(low), at(high));
        prop_assert!(lower.kinerja <= higher.kinerja);
        prop_assert_eq!(lower.placement.kinerja_band, higher.placement.kinerja_band);
    }
}
