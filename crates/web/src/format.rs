//! Values as Indonesian readers write them.

use talenta_domain::Score;
use time::Date;

const BULAN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

/// `7 Agu 2015`.
pub fn tanggal(date: Date) -> String {
    let month = BULAN
        .get(usize::from(u8::from(date.month())) - 1)
        .copied()
        .unwrap_or("?");
    format!("{} {month} {}", date.day(), date.year())
}

pub fn opt_tanggal(date: Option<Date>) -> String {
    date.map_or_else(|| "—".to_owned(), tanggal)
}

/// A missing value.
pub fn opt<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| v.to_string())
}

/// A score with a decimal comma: `80,25`.
pub fn nilai(score: Option<Score>) -> String {
    score.map_or_else(|| "—".to_owned(), |s| s.to_string().replace('.', ","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_and_scores_read_as_in_indonesia() {
        assert_eq!(tanggal(date!(2015 - 08 - 07)), "7 Agu 2015");
        assert_eq!(tanggal(date!(2026 - 12 - 31)), "31 Des 2026");
        assert_eq!(nilai(Score::from_hundredths(8025).ok()), "80,25");
        assert_eq!(nilai(None), "—");
    }
}
