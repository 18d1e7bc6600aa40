//! Property tests over the whole input range: classification is total and
//! monotone; parsers never panic on arbitrary input and round-trip.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use talenta_domain::{AxisCutoffs, Cutoffs, Nip, Score};

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
        prop_assert_eq!(Nip::parse(&nip.to_string()).unwrap(), nip);
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
