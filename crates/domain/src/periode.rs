//! The period of a talent map: a semester of a calendar year, written
//! `2026-S1` (1 January to 30 June) or `2026-S2` (1 July to 31 December).
//!
//! Semesters because regional talent maps are re-run twice a year and
//! whether SIMATA BKN re-maps per semester is open (domain.md §11 item 2);
//! the period fixes the reference date of every time-dependent rule, so a
//! past map can be re-run exactly.

use std::fmt;
use std::str::FromStr;

use time::{Date, Month};

/// A half of a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Semester {
    /// January to June.
    S1,
    /// July to December.
    S2,
}

impl Semester {
    pub const fn code(self) -> &'static str {
        match self {
            Semester::S1 => "S1",
            Semester::S2 => "S2",
        }
    }

    /// First and last (month, day) of the semester.
    const fn bounds(self) -> ((Month, u8), (Month, u8)) {
        match self {
            Semester::S1 => ((Month::January, 1), (Month::June, 30)),
            Semester::S2 => ((Month::July, 1), (Month::December, 31)),
        }
    }
}

/// A talent-map period. Holds its first and last day, computed once when it
/// is made, so `start` and `end` cannot fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Periode {
    year: i32,
    semester: Semester,
    start: Date,
    end: Date,
}

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodeError {
    #[error("{0:?} is not a periode (expected a year and a semester, such as 2026-S1 or 2026-S2)")]
    Format(String),
    #[error("{0:?}: the year must be four digits, 0001 to 9999")]
    Year(String),
    #[error("{0:?}: the semester must be S1 (January-June) or S2 (July-December)")]
    Semester(String),
}

impl Periode {
    /// `None` for a year outside 1 to 9999, the years dates are kept in.
    pub fn new(year: i32, semester: Semester) -> Option<Periode> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        let ((first_month, first_day), (last_month, last_day)) = semester.bounds();
        Some(Periode {
            year,
            semester,
            start: Date::from_calendar_date(year, first_month, first_day).ok()?,
            end: Date::from_calendar_date(year, last_month, last_day).ok()?,
        })
    }

    /// The period `date` falls in.
    pub fn containing(date: Date) -> Option<Periode> {
        let semester = if u8::from(date.month()) <= 6 {
            Semester::S1
        } else {
            Semester::S2
        };
        Periode::new(date.year(), semester)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn semester(self) -> Semester {
        self.semester
    }

    /// The first day of the period.
    pub fn start(self) -> Date {
        self.start
    }

    /// The last day of the period: the reference date of the talent map.
    pub fn end(self) -> Date {
        self.end
    }
}

impl FromStr for Periode {
    type Err = PeriodeError;

    /// Accepts `2026-S1`, with the `S` in either case and surrounding spaces.
    fn from_str(text: &str) -> Result<Periode, PeriodeError> {
        let (year, semester) = text
            .trim()
            .split_once('-')
            .ok_or_else(|| PeriodeError::Format(text.to_owned()))?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PeriodeError::Year(text.to_owned()));
        }
        let year: i32 = year
            .parse()
            .map_err(|_| PeriodeError::Year(text.to_owned()))?;
        let semester = match semester.to_ascii_uppercase().as_str() {
            "S1" => Semester::S1,
            "S2" => Semester::S2,
            _ => return Err(PeriodeError::Semester(text.to_owned())),
        };
        Periode::new(year, semester).ok_or_else(|| PeriodeError::Year(text.to_owned()))
    }
}

/// As its text, `2026-S1`.
impl serde::Serialize for Periode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Periode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{}", self.year, self.semester.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn semesters_cover_the_year() {
        let s1: Periode = "2026-S1".parse().unwrap();
        assert_eq!(
            (s1.year(), s1.semester(), s1.start(), s1.end()),
            (
                2026,
                Semester::S1,
                date!(2026 - 01 - 01),
                date!(2026 - 06 - 30)
            )
        );
        let s2: Periode = "2026-s2".parse().unwrap();
        assert_eq!(
            (s2.start(), s2.end()),
            (date!(2026 - 07 - 01), date!(2026 - 12 - 31))
        );
        assert_eq!(s1.end().next_day(), Some(s2.start()));
        assert!(s1 < s2);
        assert!(s2 < "2027-S1".parse().unwrap());
    }

    #[test]
    fn displays_as_written_and_reads_back() {
        for text in ["2026-S1", "2026-S2", "0999-S1", "9999-S2"] {
            let periode: Periode = text.parse().unwrap();
            assert_eq!(periode.to_string(), text);
        }
        assert_eq!(
            " 2026-s1 ".parse::<Periode>().unwrap().to_string(),
            "2026-S1"
        );
    }

    #[test]
    fn parse_errors_say_what_is_wrong() {
        let error = |text: &str| text.parse::<Periode>().unwrap_err().to_string();
        assert_eq!(
            error("2026"),
            "\"2026\" is not a periode (expected a year and a semester, such as 2026-S1 or 2026-S2)"
        );
        assert_eq!(
            error("26-S1"),
            "\"26-S1\": the year must be four digits, 0001 to 9999"
        );
        assert_eq!(
            error("0000-S1"),
            "\"0000-S1\": the year must be four digits, 0001 to 9999"
        );
        assert_eq!(
            error("2026-S3"),
            "\"2026-S3\": the semester must be S1 (January-June) or S2 (July-December)"
        );
        for bad in ["", "-", "2026-", "+202-S1", "2026-S1-S2", "2026 S1"] {
            assert!(bad.parse::<Periode>().is_err(), "{bad:?}");
        }
        assert_eq!(Periode::new(0, Semester::S1), None);
        assert_eq!(Periode::new(10_000, Semester::S2), None);
    }

    #[test]
    fn a_date_falls_in_its_semester() {
        use time::macros::date;
        for (day, expected) in [
            (date!(2026 - 01 - 01), "2026-S1"),
            (date!(2026 - 06 - 30), "2026-S1"),
            (date!(2026 - 07 - 01), "2026-S2"),
            (date!(2026 - 11 - 23), "2026-S2"),
        ] {
            assert_eq!(
                Periode::containing(day).map(|p| p.to_string()).as_deref(),
                Some(expected)
            );
        }
    }
}
