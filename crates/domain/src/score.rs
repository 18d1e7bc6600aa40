//! Scores on the 0–100 scale used by every talent rule.
//!
//! A score is held as a whole number of hundredths (0..=10000), not as an
//! `f64`: weighted sums such as `0.6 × 80 + 0.4 × 80` must land exactly on a
//! cut-off of 80, and two runs must rank people identically. Values with more
//! than two decimals are rounded half up to the nearest hundredth, the
//! precision in which scores are reported.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A score between 0 and 100 inclusive, to a hundredth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Score(u16);

/// Why a value is not a score.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("not a number")]
    NotANumber,
    #[error("outside 0-100")]
    OutOfRange,
}

const SCALE: u32 = 100;
const MAX_HUNDREDTHS: u16 = 10_000;

impl Score {
    pub const ZERO: Score = Score(0);
    pub const MAX: Score = Score(MAX_HUNDREDTHS);

    /// A whole-number score; `None` above 100.
    pub const fn whole(value: u8) -> Option<Score> {
        if value <= 100 {
            Some(Score(value as u16 * 100))
        } else {
            None
        }
    }

    pub const fn from_hundredths(hundredths: u16) -> Result<Score, ScoreError> {
        if hundredths <= MAX_HUNDREDTHS {
            Ok(Score(hundredths))
        } else {
            Err(ScoreError::OutOfRange)
        }
    }

    /// Rounds half away from zero to a hundredth; rejects NaN, infinities and
    /// values outside 0–100 (checked before rounding, so 100.004 is rejected).
    pub fn from_f64(value: f64) -> Result<Score, ScoreError> {
        if value.is_nan() {
            return Err(ScoreError::NotANumber);
        }
        if !(0.0..=100.0).contains(&value) {
            return Err(ScoreError::OutOfRange);
        }
        let hundredths = (value * f64::from(SCALE)).round();
        // In range by the check above, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(Score(hundredths as u16))
    }

    pub const fn hundredths(self) -> u16 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / f64::from(SCALE)
    }

    /// Weighted mean of `(weight, score)` pairs, exact in integers and
    /// rounded half up to a hundredth. Weights need not sum to 100; a zero
    /// total gives `None`.
    pub fn weighted_mean(parts: impl IntoIterator<Item = (u32, Score)>) -> Option<Score> {
        let (sum, total_weight) =
            parts
                .into_iter()
                .fold((0u64, 0u64), |(sum, total), (weight, score)| {
                    (
                        sum + u64::from(weight) * u64::from(score.0),
                        total + u64::from(weight),
                    )
                });
        if total_weight == 0 {
            return None;
        }
        let rounded = (2 * sum + total_weight) / (2 * total_weight);
        u16::try_from(rounded).ok().map(Score)
    }
}

impl FromStr for Score {
    type Err = ScoreError;

    /// Accepts a plain decimal such as `85`, `85.5` or, as Indonesian
    /// spreadsheets write it, `85,5`. No sign, exponent or thousands
    /// separator.
    fn from_str(text: &str) -> Result<Score, ScoreError> {
        let text = text.trim();
        let (whole, fraction) = text.split_once(['.', ',']).unwrap_or((text, ""));
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction)
        {
            return Err(ScoreError::NotANumber);
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 3 {
            return Err(ScoreError::OutOfRange);
        }
        let whole: u32 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| ScoreError::NotANumber)?
        };
        let mut digits = fraction.bytes().map(|b| u32::from(b - b'0'));
        let tenths = digits.next().unwrap_or(0);
        let hundredths = digits.next().unwrap_or(0);
        let round_up = digits.next().is_some_and(|d| d >= 5);
        let any_fraction = fraction.bytes().any(|b| b != b'0');
        if whole > 100 || (whole == 100 && any_fraction) {
            return Err(ScoreError::OutOfRange);
        }
        let value = whole * SCALE + tenths * 10 + hundredths + u32::from(round_up);
        u16::try_from(value)
            .map_err(|_| ScoreError::OutOfRange)
            .and_then(Score::from_hundredths)
    }
}

impl fmt::Display for Score {
    /// Shortest exact form: `80`, `80.5`, `80.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let fraction = self.0 % 100;
        match (fraction, fraction % 10) {
            (0, _) => write!(f, "{whole}"),
            (_, 0) => write!(f, "{whole}.{}", fraction / 10),
            _ => write!(f, "{whole}.{fraction:02}"),
        }
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Score, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Score::from_f64(value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<u16, ScoreError> {
        text.parse::<Score>().map(Score::hundredths)
    }

    #[test]
    fn parses_plain_decimals() {
        assert_eq!(parse("80"), Ok(8000));
        assert_eq!(parse(" 80 "), Ok(8000));
        assert_eq!(parse("0"), Ok(0));
        assert_eq!(parse("100"), Ok(10000));
        assert_eq!(parse("100.00"), Ok(10000));
        assert_eq!(parse("85,5"), Ok(8550));
        assert_eq!(parse(".5"), Ok(50));
        assert_eq!(parse("7."), Ok(700));
        assert_eq!(parse("007.25"), Ok(725));
    }

    #[test]
    fn rounds_half_up_to_hundredths() {
        assert_eq!(parse("79.994"), Ok(7999));
        assert_eq!(parse("79.995"), Ok(8000));
        assert_eq!(parse("33.3333333"), Ok(3333));
    }

    #[test]
    fn rejects_what_is_not_a_score() {
        for bad in [
            "", " ", ".", "abc", "-1", "+5", "1e2", "8 0", "80.5.1", "80,5,1", "NaN",
        ] {
            assert_eq!(parse(bad), Err(ScoreError::NotANumber), "{bad:?}");
        }
        for far in ["100.01", "100.001", "101", "1000", "99999999999999999999"] {
            assert_eq!(parse(far), Err(ScoreError::OutOfRange), "{far:?}");
        }
    }

    #[test]
    fn displays_shortest_exact_form() {
        let shown = |h| Score::from_hundredths(h).unwrap().to_string();
        assert_eq!(shown(8000), "80");
        assert_eq!(shown(8050), "80.5");
        assert_eq!(shown(8025), "80.25");
        assert_eq!(shown(5), "0.05");
    }

    #[test]
    fn weighted_mean_is_exact_at_cut_offs() {
        let eighty = Score::whole(80).unwrap();
        let mean = Score::weighted_mean([(60, eighty), (40, eighty)]);
        assert_eq!(mean, Some(eighty));
        // 50% of 80 + 50% of 70 = 75 (the PUPR rubric's worked example).
        let seventy = Score::whole(70).unwrap();
        assert_eq!(
            Score::weighted_mean([(50, eighty), (50, seventy)]),
            Score::whole(75)
        );
        assert_eq!(Score::weighted_mean([(0, eighty)]), None);
    }

    #[test]
    fn from_f64_checks_range_before_rounding() {
        assert_eq!(Score::from_f64(79.999).map(Score::hundredths), Ok(8000));
        assert_eq!(Score::from_f64(100.004), Err(ScoreError::OutOfRange));
        assert_eq!(Score::from_f64(-0.001), Err(ScoreError::OutOfRange));
        assert_eq!(Score::from_f64(f64::NAN), Err(ScoreError::NotANumber));
    }
}
