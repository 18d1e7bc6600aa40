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

/// A unix time as its date (UTC), as [`tanggal`].
pub fn tanggal_unix(seconds: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .map_or_else(|_| "—".to_owned(), |t| tanggal(t.date()))
}

/// A file size for people: `820 KB`, `1,4 MB`.
pub fn ukuran(bytes: i64) -> String {
    const KB: i64 = 1024;
    const MB: i64 = 1024 * KB;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{},{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", (bytes + KB - 1) / KB)
    }
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
        assert_eq!(tanggal_unix(1_795_000_000), "18 Nov 2026");
        assert_eq!(ukuran(1), "1 KB");
        assert_eq!(ukuran(1024 * 1024 - 1), "1024 KB");
        assert_eq!(ukuran(1536 * 1024), "1,5 MB");
        assert_eq!(ukuran(5 * 1024 * 1024), "5,0 MB");
    }
}
