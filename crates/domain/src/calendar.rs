//! Calendar arithmetic the rules need: whole months and years between dates,
//! and adding months with the day clamped to the month's end.

use time::{Date, Month};

/// `date` plus `months`, keeping the day where the month allows
/// (31 January + 1 month = 28 or 29 February). `None` past year 9999.
pub fn add_months(date: Date, months: u32) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month() as u8 - 1) + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// `date` plus whole `years` (29 February becomes 28 February).
pub fn add_years(date: Date, years: u32) -> Option<Date> {
    add_months(date, years.checked_mul(12)?)
}

/// Whole months from `from` to `to`: the largest `k` with
/// `add_months(from, k) <= to`; 0 when `to` is before `from`.
pub fn months_between(from: Date, to: Date) -> u32 {
    if to <= from {
        return 0;
    }
    let index = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month() as u8);
    let guess = u32::try_from(index(to) - index(from)).unwrap_or(0);
    if add_months(from, guess).is_some_and(|d| d <= to) {
        guess
    } else {
        guess.saturating_sub(1)
    }
}

/// Age in whole years on `on`.
pub fn age_on(birth: Date, on: Date) -> u32 {
    months_between(birth, on) / 12
}

/// "3 tahun 2 bulan", the way durations are written in personnel files.
pub fn tahun_bulan(months: u32) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m} bulan"),
        (y, 0) => format!("{y} tahun"),
        (y, m) => format!("{y} tahun {m} bulan"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn adds_months_clamping_the_day() {
        for (from, months, to) in [
            (date!(2026 - 01 - 31), 1, date!(2026 - 02 - 28)),
            (date!(2024 - 01 - 31), 1, date!(2024 - 02 - 29)),
            (date!(2026 - 11 - 15), 2, date!(2027 - 01 - 15)),
        ] {
            assert_eq!(add_months(from, months), Some(to), "{from} + {months}");
        }
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 1),
            Some(date!(2025 - 02 - 28))
        );
    }

    #[test]
    fn months_between_is_consistent_with_add_months() {
        for (from, to, months) in [
            (date!(2026 - 01 - 31), date!(2026 - 02 - 28), 1),
            (date!(2026 - 01 - 15), date!(2026 - 02 - 14), 0),
            (date!(2026 - 01 - 15), date!(2026 - 02 - 15), 1),
            (date!(2022 - 03 - 01), date!(2026 - 02 - 28), 47),
            (date!(2026 - 03 - 01), date!(2026 - 02 - 28), 0),
        ] {
            assert_eq!(months_between(from, to), months, "{from} to {to}");
        }
        for k in 0..40 {
            let from = date!(2023 - 01 - 31);
            assert_eq!(months_between(from, add_months(from, k).unwrap()), k);
        }
    }

    #[test]
    fn age_in_whole_years() {
        assert_eq!(age_on(date!(1970 - 05 - 10), date!(2026 - 05 - 09)), 55);
        assert_eq!(age_on(date!(1970 - 05 - 10), date!(2026 - 05 - 10)), 56);
        assert_eq!(tahun_bulan(38), "3 tahun 2 bulan");
        assert_eq!(tahun_bulan(48), "4 tahun");
        assert_eq!(tahun_bulan(5), "5 bulan");
    }
}
