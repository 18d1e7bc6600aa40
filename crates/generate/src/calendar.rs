//! Date helpers of the generator on top of the domain's calendar.

use rand::Rng;
use time::{Date, Month};

pub use talenta_domain::calendar::{add_months, months_between};

/// A day of `month` in `year` (1–28, valid in every month).
pub fn date_in<R: Rng>(rng: &mut R, year: i32, month: Month) -> Date {
    Date::from_calendar_date(year, month, rng.random_range(1..=28)).unwrap_or(Date::MIN)
}
