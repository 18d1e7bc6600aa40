//! The value syntax every kind of record shares (docs/formats.md, "Files in
//! general"): dates, yes/no, `|`-separated lists, scores, years, small whole
//! numbers, NIPs and coded values. Parsers take trimmed, non-blank text and
//! return the value or a short English reason that says what is expected;
//! the caller locates it ([`crate::Record::error`]). Formatters write what
//! the parsers read back.

use std::fmt::{self, Write};
use std::ops::RangeInclusive;
use std::str::FromStr;

use talenta_domain::kompetensi::Level;
use talenta_domain::{AsnKind, Nip, Score, ScoreError};
use time::{Date, Month};

const NOT_A_DATE: &str = "not a date: expected dd-mm-yyyy or yyyy-mm-dd";

/// Reads `dd-mm-yyyy` (as SIASN writes dates), `dd/mm/yyyy` (as
/// spreadsheets in an Indonesian locale do) or `yyyy-mm-dd`. Day and month
/// may have one digit; the year has four.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let separator = if text.contains('/') { '/' } else { '-' };
    let mut parts = text.split(separator);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(NOT_A_DATE.to_owned());
    };
    let (year, month, day) = if a.len() == 4 && separator == '-' {
        (a, b, c)
    } else {
        (c, b, a)
    };
    let digits = |part: &str, lengths: RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(year, 4..=4) || !digits(month, 1..=2) || !digits(day, 1..=2) {
        return Err(NOT_A_DATE.to_owned());
    }
    let no_such_date = |_| "no such date".to_owned();
    let year: i32 = year.parse().map_err(no_such_date)?;
    let month: u8 = month.parse().map_err(no_such_date)?;
    let day: u8 = day.parse().map_err(no_such_date)?;
    Month::try_from(month)
        .ok()
        .and_then(|month| Date::from_calendar_date(year, month, day).ok())
        .ok_or_else(|| "no such date".to_owned())
}

/// A date as exports write it, `yyyy-mm-dd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate(pub Date);

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
    }
}

/// `yyyy-mm-dd`.
pub fn format_date(date: Date) -> String {
    let mut text = String::with_capacity(10);
    // Writing to a String cannot fail.
    let _ = write!(text, "{}", IsoDate(date));
    text
}

/// Reads `ya`/`tidak`, `y`/`n`, `true`/`false` or `1`/`0`, in any case.
pub fn parse_yes_no(text: &str) -> Result<bool, String> {
    match text.to_lowercase().as_str() {
        "ya" | "y" | "true" | "1" => Ok(true),
        "tidak" | "n" | "false" | "0" => Ok(false),
        _ => Err("expected ya or tidak (or y/n, true/false, 1/0)".to_owned()),
    }
}

/// `ya` or `tidak`.
pub const fn yes_no(value: bool) -> &'static str {
    if value { "ya" } else { "tidak" }
}

/// Reads a `|`-separated list, each item trimmed and parsed by `item`.
/// Blank items (`A||B`, a trailing `|`) are skipped: spreadsheets leave them
/// when a list is edited by hand, and they mean nothing.
pub fn parse_list<T>(
    text: &str,
    mut item: impl FnMut(&str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    text.split('|')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| item(part).map_err(|reason| format!("item {part:?}: {reason}")))
        .collect()
}

/// Writes `items` `|`-separated.
pub fn write_list<T: fmt::Display>(
    out: &mut impl Write,
    items: impl IntoIterator<Item = T>,
) -> fmt::Result {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.write_char('|')?;
        }
        write!(out, "{item}")?;
    }
    Ok(())
}

/// Reads a score 0 to 100 with `.` or `,` as the decimal mark.
pub fn parse_score(text: &str) -> Result<Score, String> {
    text.parse::<Score>().map_err(|e| match e {
        ScoreError::NotANumber => {
            "not a number: expected a score from 0 to 100, like 87.5 or 87,5".to_owned()
        }
        ScoreError::OutOfRange => "outside 0-100: expected a score from 0 to 100".to_owned(),
    })
}

/// Reads a four-digit year within `range`.
pub fn parse_year(text: &str, range: RangeInclusive<i32>) -> Result<i32, String> {
    text.parse::<i32>()
        .ok()
        .filter(|year| text.len() == 4 && range.contains(year))
        .ok_or_else(|| {
            format!(
                "not a year: expected yyyy from {} to {}",
                range.start(),
                range.end()
            )
        })
}

/// Reads a whole number within `range`.
pub fn parse_whole(text: &str, range: RangeInclusive<u16>) -> Result<u16, String> {
    text.parse::<u16>()
        .ok()
        .filter(|n| text.bytes().all(|b| b.is_ascii_digit()) && range.contains(n))
        .ok_or_else(|| {
            format!(
                "expected a whole number from {} to {}",
                range.start(),
                range.end()
            )
        })
}

/// Reads a competency level 1 to 5.
pub fn parse_level(text: &str) -> Result<Level, String> {
    text.parse::<u8>()
        .ok()
        .filter(|_| text.bytes().all(|b| b.is_ascii_digit()))
        .and_then(Level::new)
        .ok_or_else(|| "expected a competency level from 1 to 5".to_owned())
}

/// Reads an 18-digit NIP or NI PPPK, as `kind` when the row says which
/// (a PPPK's number can look like a PNS NIP), else telling them apart by
/// the digits. The reason lists every problem with the number.
pub fn parse_nip(text: &str, kind: Option<AsnKind>) -> Result<Nip, String> {
    let parsed = match kind {
        Some(kind) => Nip::parse_as(text, kind),
        None => Nip::parse(text),
    };
    parsed.map_err(|errors| {
        let reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("invalid NIP: {}", reasons.join("; "))
    })
}

/// Reads a coded value through its `FromStr`, whose error says what is
/// expected.
pub fn parse_code<T: FromStr>(text: &str) -> Result<T, String>
where
    T::Err: fmt::Display,
{
    text.parse::<T>().map_err(|e| e.to_string())
}

/// Text as it is: any non-blank value is valid.
pub fn parse_text(text: &str) -> Result<String, String> {
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn reads_the_three_date_spellings() {
        for text in [
            "15-03-1985",
            "15/03/1985",
            "1985-03-15",
            "15-3-1985",
            "5/3/1985",
        ] {
            let expected = if text.starts_with('5') {
                date!(1985 - 03 - 05)
            } else {
                date!(1985 - 03 - 15)
            };
            assert_eq!(parse_date(text), Ok(expected), "{text:?}");
        }
        assert_eq!(format_date(date!(2026 - 01 - 02)), "2026-01-02");
        assert_eq!(format_date(date!(0987 - 11 - 30)), "0987-11-30");
    }

    #[test]
    fn says_why_a_date_is_wrong() {
        for text in [
            "1985/03/15",
            "15.03.1985",
            "15-03-85",
            "15-03/1985",
            "15-03-1985-1",
            "march",
            "1985-3-15x",
            "+1-03-1985",
        ] {
            assert_eq!(
                parse_date(text),
                Err("not a date: expected dd-mm-yyyy or yyyy-mm-dd".into()),
                "{text:?}"
            );
        }
        for text in ["31-02-1990", "29-02-2025", "00-01-2000", "15-13-2000"] {
            assert_eq!(parse_date(text), Err("no such date".into()), "{text:?}");
        }
        assert_eq!(parse_date("29-02-2024"), Ok(date!(2024 - 02 - 29)));
    }

    #[test]
    fn reads_yes_and_no() {
        for text in ["ya", "YA", "y", "True", "1"] {
            assert_eq!(parse_yes_no(text), Ok(true), "{text:?}");
        }
        for text in ["tidak", "N", "false", "0"] {
            assert_eq!(parse_yes_no(text), Ok(false), "{text:?}");
        }
        assert_eq!(
            parse_yes_no("mungkin"),
            Err("expected ya or tidak (or y/n, true/false, 1/0)".into())
        );
        assert_eq!((yes_no(true), yes_no(false)), ("ya", "tidak"));
    }

    #[test]
    fn lists_are_bar_separated() {
        assert_eq!(
            parse_list(" Kedokteran | Kesehatan Masyarakat||", parse_text),
            Ok(vec![
                "Kedokteran".to_owned(),
                "Kesehatan Masyarakat".to_owned()
            ])
        );
        assert_eq!(parse_list("|", parse_text), Ok(Vec::<String>::new()));
        assert_eq!(
            parse_list("1|x", parse_level),
            Err("item \"x\": expected a competency level from 1 to 5".into())
        );
        let mut out = String::new();
        write_list(&mut out, ["a", "b c"]).unwrap();
        assert_eq!(out, "a|b c");
    }

    #[test]
    fn numbers_say_their_range() {
        assert_eq!(parse_score("87,5").map(Score::hundredths), Ok(8750));
        assert_eq!(
            parse_score("101"),
            Err("outside 0-100: expected a score from 0 to 100".into())
        );
        assert_eq!(
            parse_score("tinggi"),
            Err("not a number: expected a score from 0 to 100, like 87.5 or 87,5".into())
        );
        assert_eq!(parse_year("2024", 2000..=2100), Ok(2024));
        for text in ["1999", "24", "02024", "+202", "2024.0"] {
            assert_eq!(
                parse_year(text, 2000..=2100),
                Err("not a year: expected yyyy from 2000 to 2100".into()),
                "{text:?}"
            );
        }
        assert_eq!(parse_whole("12", 1..=u16::MAX), Ok(12));
        for text in ["0", "-1", "+3", "1.5", "70000"] {
            assert_eq!(
                parse_whole(text, 1..=u16::MAX),
                Err("expected a whole number from 1 to 65535".into()),
                "{text:?}"
            );
        }
        assert_eq!(parse_level("4").map(Level::get), Ok(4));
        for text in ["0", "6", "+4", "4.0"] {
            assert_eq!(
                parse_level(text),
                Err("expected a competency level from 1 to 5".into()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn nips_are_read_as_the_row_says() {
        let pppk = "199001012020111001";
        assert_eq!(parse_nip(pppk, None).unwrap().kind(), AsnKind::Pns);
        assert_eq!(
            parse_nip(pppk, Some(AsnKind::Pppk)).unwrap().kind(),
            AsnKind::Pppk
        );
        assert_eq!(
            parse_nip("19850315", None),
            Err("invalid NIP: wrong length: a NIP has 18 digits, found 8".into())
        );
    }
}
