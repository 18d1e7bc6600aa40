//! How a reference-data name typed by people (`Sesuai Ekspektasi`,
//! `JPT  pratama`) becomes the key its snake-case code is compared to.

/// `text` in lower case with its words joined by one underscore; spaces and
/// underscores separate words, so labels and codes compare equal
/// (`Sangat  Baik` = `sangat_baik`).
pub(crate) fn snake_key(text: &str) -> String {
    joined(text, |c| c.is_whitespace() || c == '_')
}

/// As [`snake_key`], where a hyphen separates words too (`Ahli-Muda`).
pub(crate) fn snake_key_with_hyphens(text: &str) -> String {
    joined(text, |c| c.is_whitespace() || c == '_' || c == '-')
}

/// `text` trimmed, in lower case: the key of codes that are one lower-case
/// word.
pub(crate) fn lower_key(text: &str) -> String {
    text.trim().to_ascii_lowercase()
}

fn joined(text: &str, separator: fn(char) -> bool) -> String {
    text.trim()
        .to_lowercase()
        .split(separator)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}
