//! Unique NIPs without remembering the ones given out. Employee `i` gets a
//! code `p` from a keyed permutation of `0..n`, and `p` fixes the parts of
//! the NIP that no other choice depends on: the birth day within the year
//! (365 values, never 29 February), the sequence number (001–999) and a lap
//! `0..L`, with `L` the fewest laps of 364,635 codes that cover `n`. The lap
//! is the TMT CPNS month modulo `L` for a PNS and the birth year modulo `L`
//! for a PPPK (whose number has no month), so two employees share every
//! digit only if they share `p`. Small instansi get small sequence numbers,
//! as real ones do.

use time::{Date, Month};

const DAYS: u64 = 365;
const SEQUENCES: u64 = 999;
const PER_LAP: u64 = DAYS * SEQUENCES;
/// A PNS's lap is its TMT month: at most twelve.
const MAX_LAPS: u64 = 12;

/// The most employees whose NIPs this scheme keeps unique.
pub const MAX_EMPLOYEES: u64 = PER_LAP * MAX_LAPS;

/// The parts of a NIP fixed by an employee's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NipCode {
    /// Day of a non-leap year, 0-based.
    pub day_of_year: u16,
    pub sequence: u16,
    pub lap: u8,
    pub laps: u8,
}

impl NipCode {
    pub fn new(code: u64, employees: u64) -> NipCode {
        let laps = employees.div_ceil(PER_LAP).clamp(1, MAX_LAPS);
        NipCode {
            day_of_year: u16::try_from(code % DAYS).unwrap_or(0),
            sequence: u16::try_from((code / DAYS) % SEQUENCES + 1).unwrap_or(1),
            lap: u8::try_from((code / PER_LAP) % laps).unwrap_or(0),
            laps: u8::try_from(laps).unwrap_or(1),
        }
    }

    /// The birth date in `year` (a valid date in any year: never 29 Feb).
    pub fn birth_date(&self, year: i32) -> Date {
        let mut day = self.day_of_year;
        for month in MONTHS {
            let length = u16::from(month.length(2001));
            if day < length {
                let d = u8::try_from(day + 1).unwrap_or(1);
                return Date::from_calendar_date(year, month, d).unwrap_or(Date::MIN);
            }
            day -= length;
        }
        Date::MIN
    }

    /// `value` moved down by less than `laps` to the nearest value whose
    /// residue is this code's lap (a month index 0–11 or a year), then up by
    /// `laps` while below `min`.
    pub fn align(&self, value: i32, min: i32) -> i32 {
        let laps = i32::from(self.laps);
        let lap = i32::from(self.lap);
        let mut aligned = value - (value - lap).rem_euclid(laps);
        while aligned < min {
            aligned += laps;
        }
        aligned
    }
}

const MONTHS: [Month; 12] = [
    Month::January,
    Month::February,
    Month::March,
    Month::April,
    Month::May,
    Month::June,
    Month::July,
    Month::August,
    Month::September,
    Month::October,
    Month::November,
    Month::December,
];

/// `YYYYMMDD` of a date.
pub fn ymd(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        date.month() as u8,
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_decode_to_distinct_parts() {
        let n = PER_LAP * 3;
        let mut seen = HashSet::new();
        for code in (0..n).step_by(97) {
            let c = NipCode::new(code, n);
            assert_eq!(c.laps, 3);
            assert!(seen.insert((c.day_of_year, c.sequence, c.lap)));
        }
        let last = NipCode::new(MAX_EMPLOYEES - 1, MAX_EMPLOYEES);
        assert_eq!((last.day_of_year, last.sequence, last.lap), (364, 999, 11));
    }

    #[test]
    fn birth_dates_cover_the_year_without_leap_day() {
        let first = NipCode::new(0, 10).birth_date(2000);
        let last = NipCode::new(364, 10).birth_date(2000);
        assert_eq!((first.month(), first.day()), (Month::January, 1));
        assert_eq!((last.month(), last.day()), (Month::December, 31));
        assert_eq!(NipCode::new(59, 10).birth_date(2000).month(), Month::March);
    }

    #[test]
    fn align_keeps_the_residue_and_the_floor() {
        let c = NipCode {
            day_of_year: 0,
            sequence: 1,
            lap: 5,
            laps: 12,
        };
        assert_eq!(c.align(11, 0), 5);
        assert_eq!(c.align(4, 0), 5);
        assert_eq!(c.align(1990, 1990).rem_euclid(12), 5);
        assert!(c.align(1990, 1990) >= 1990);
        let single = NipCode {
            lap: 0,
            laps: 1,
            ..c
        };
        assert_eq!(single.align(1977, 0), 1977);
    }
}
