//! Personal branding: what an employee says about themself beside the
//! record the BKPSDM keeps (seed article 002: "personal branding" on their
//! own account): a short statement and a list of achievements,
//! certificates, publications and portfolio links. It is the employee's
//! own voice, so it is published without verification; it is never an
//! input to any score.

use crate::teks::{self, Lines, TeksError};

/// Longest statement, in characters.
pub const MAX_PERNYATAAN: usize = 1000;
/// Longest item title, in characters.
pub const MAX_JUDUL: usize = 200;
/// Longest link, in characters.
pub const MAX_TAUTAN: usize = 500;
/// Most items one employee keeps.
pub const MAX_ITEMS: usize = 50;
/// The earliest year an item may carry.
pub const FIRST_YEAR: i32 = 1950;

/// The kind of a branding item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jenis {
    Prestasi,
    Sertifikat,
    Publikasi,
    Portofolio,
}

impl Jenis {
    pub const ALL: [Jenis; 4] = [
        Jenis::Prestasi,
        Jenis::Sertifikat,
        Jenis::Publikasi,
        Jenis::Portofolio,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Jenis::Prestasi => "prestasi",
            Jenis::Sertifikat => "sertifikat",
            Jenis::Publikasi => "publikasi",
            Jenis::Portofolio => "portofolio",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Jenis::Prestasi => "Prestasi",
            Jenis::Sertifikat => "Sertifikat",
            Jenis::Publikasi => "Publikasi",
            Jenis::Portofolio => "Portofolio",
        }
    }
}

display_as!(Jenis, code);

parse_by_code!(
    Jenis,
    BrandingError,
    |_| BrandingError::UnknownJenis,
    str::to_owned
);

/// An item as the employee entered it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub jenis: Jenis,
    pub judul: String,
    pub tahun: Option<i32>,
    pub tautan: Option<String>,
}

/// Why a branding entry is refused; shown to the employee.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrandingError {
    #[error("pernyataan {0}")]
    Pernyataan(TeksError),
    #[error("jenis harus prestasi, sertifikat, publikasi atau portofolio")]
    UnknownJenis,
    #[error("judul wajib diisi")]
    JudulEmpty,
    #[error("judul {0}")]
    Judul(TeksError),
    #[error("tahun {0:?} bukan tahun antara {FIRST_YEAR} dan tahun depan")]
    Tahun(String),
    #[error("tautan harus alamat web lengkap yang diawali https:// atau http://")]
    Tautan,
    #[error("paling banyak {MAX_ITEMS} butir")]
    TooMany,
}

/// Checks a statement: trimmed, at most [`MAX_PERNYATAAN`] characters,
/// several lines (a textarea) but no other control characters.
pub fn pernyataan(text: &str) -> Result<String, BrandingError> {
    teks::check(text, MAX_PERNYATAAN, Lines::Many).map_err(BrandingError::Pernyataan)
}

/// Checks an item from form fields (empty optional fields are absent).
/// `this_year` bounds the year (next year allowed: a certificate issued
/// for the coming year); `existing` is how many items the employee has.
pub fn item(
    jenis: &str,
    judul: &str,
    tahun: &str,
    tautan: &str,
    this_year: i32,
    existing: usize,
) -> Result<Item, BrandingError> {
    if existing >= MAX_ITEMS {
        return Err(BrandingError::TooMany);
    }
    let jenis = jenis.trim().parse()?;
    let judul = teks::check(judul, MAX_JUDUL, Lines::One).map_err(BrandingError::Judul)?;
    if judul.is_empty() {
        return Err(BrandingError::JudulEmpty);
    }
    let tahun = match tahun.trim() {
        "" => None,
        text => Some(
            text.parse::<i32>()
                .ok()
                .filter(|y| (FIRST_YEAR..=this_year + 1).contains(y))
                .ok_or_else(|| BrandingError::Tahun(text.to_owned()))?,
        ),
    };
    let tautan = match tautan.trim() {
        "" => None,
        link => Some(web_link(link)?),
    };
    Ok(Item {
        jenis,
        judul,
        tahun,
        tautan,
    })
}

/// A link is only ever an absolute http(s) URL with a host: never
/// `javascript:` or `data:`, which would run in the reader's browser.
fn web_link(link: &str) -> Result<String, BrandingError> {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))
        .ok_or(BrandingError::Tautan)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let fine = !host.is_empty()
        && link.chars().count() <= MAX_TAUTAN
        && !link.chars().any(|c| c.is_whitespace() || c.is_control());
    if fine {
        Ok(link.to_owned())
    } else {
        Err(BrandingError::Tautan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_checked_field_by_field() {
        let ok = item(
            "sertifikat",
            "  Sertifikasi Manajemen Risiko ",
            "2025",
            "https://example.go.id/s/1",
            2026,
            3,
        )
        .unwrap();
        assert_eq!(
            ok,
            Item {
                jenis: Jenis::Sertifikat,
                judul: "Sertifikasi Manajemen Risiko".into(),
                tahun: Some(2025),
                tautan: Some("https://example.go.id/s/1".into()),
            }
        );
        let bare = item("prestasi", "Juara 1 inovasi", "", "", 2026, 0).unwrap();
        assert_eq!((bare.tahun, bare.tautan), (None, None));

        let refused = |jenis: &str, judul: &str, tahun: &str, tautan: &str, existing| {
            item(jenis, judul, tahun, tautan, 2026, existing).unwrap_err()
        };
        assert_eq!(
            refused("lainnya", "x", "", "", 0),
            BrandingError::UnknownJenis
        );
        assert_eq!(
            refused("prestasi", "  ", "", "", 0),
            BrandingError::JudulEmpty
        );
        assert_eq!(
            refused("prestasi", &"x".repeat(201), "", "", 0),
            BrandingError::Judul(TeksError::TooLong(MAX_JUDUL))
        );
        assert_eq!(
            refused("prestasi", "x", "1949", "", 0),
            BrandingError::Tahun("1949".into())
        );
        assert_eq!(
            refused("prestasi", "x", "2028", "", 0),
            BrandingError::Tahun("2028".into())
        );
        assert!(item("prestasi", "x", "2027", "", 2026, 0).is_ok());
        assert_eq!(
            refused("prestasi", "x", "20x5", "", 0),
            BrandingError::Tahun("20x5".into())
        );
        assert_eq!(
            refused("prestasi", "x", "", "", MAX_ITEMS),
            BrandingError::TooMany
        );
    }

    #[test]
    fn links_are_web_addresses_only() {
        let link = |l: &str| item("portofolio", "x", "", l, 2026, 0).map(|i| i.tautan);
        assert_eq!(link("http://a.id"), Ok(Some("http://a.id".into())));
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
            "//evil.example",
            "https://",
            "https:///path",
            "https://a.id/x y",
            "ftp://a.id",
        ] {
            assert_eq!(link(bad), Err(BrandingError::Tautan), "{bad}");
        }
        let long = format!("https://a.id/{}", "x".repeat(MAX_TAUTAN));
        assert_eq!(link(&long), Err(BrandingError::Tautan));
    }

    #[test]
    fn statements_are_trimmed_and_bounded() {
        assert_eq!(pernyataan("  Melayani.  ").unwrap(), "Melayani.");
        assert!(pernyataan(&"é".repeat(MAX_PERNYATAAN)).is_ok());
        assert_eq!(
            pernyataan(&"é".repeat(MAX_PERNYATAAN + 1)),
            Err(BrandingError::Pernyataan(TeksError::TooLong(
                MAX_PERNYATAAN
            )))
        );
        // Several lines, but no NUL or escape.
        assert_eq!(pernyataan("Satu.\r\nDua.").unwrap(), "Satu.\nDua.");
        for text in ["Satu\u{0}", "\u{1b}[2JDua"] {
            assert_eq!(
                pernyataan(text),
                Err(BrandingError::Pernyataan(TeksError::Control))
            );
        }
        assert_eq!(
            item("prestasi", "Juara\n1", "", "", 2026, 0),
            Err(BrandingError::Judul(TeksError::Control))
        );
        for jenis in Jenis::ALL {
            assert_eq!(jenis.code().parse(), Ok(jenis));
        }
    }
}
