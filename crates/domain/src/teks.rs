//! The one check of free text typed into a form: trimmed, at most a
//! maximum of characters, and no control characters (a NUL, an escape
//! sequence, a DEL), so what is stored can be shown, exported and
//! downloaded as a spreadsheet. Only a multi-line field (a textarea) keeps
//! line breaks and tabs; its line ends are stored as `\n`, as a textarea's
//! `maxlength` counts them.

/// Whether a field holds one line or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// Why a text is refused; the message follows the field's label
/// ("Alasan paling panjang 500 karakter").
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TeksError {
    #[error("paling panjang {0} karakter")]
    TooLong(usize),
    #[error("berisi karakter kendali (misalnya NUL atau pindah baris) yang tidak diperbolehkan")]
    Control,
}

/// `text` trimmed, as it is stored, or why it is refused.
pub fn check(text: &str, max: usize, lines: Lines) -> Result<String, TeksError> {
    let text = text.trim();
    let text = match lines {
        Lines::One => text.to_owned(),
        Lines::Many => text.replace("\r\n", "\n"),
    };
    if text.chars().nth(max).is_some() {
        return Err(TeksError::TooLong(max));
    }
    let allowed = |c: char| lines == Lines::Many && (c == '\n' || c == '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(TeksError::Control);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_and_trims() {
        assert_eq!(check("  Siti  ", 4, Lines::One), Ok("Siti".to_owned()));
        assert_eq!(check(&"é".repeat(4), 4, Lines::One).map(|t| t.len()), Ok(8));
        assert_eq!(check("Sitii", 4, Lines::One), Err(TeksError::TooLong(4)));
        assert_eq!(
            TeksError::TooLong(500).to_string(),
            "paling panjang 500 karakter"
        );
    }

    #[test]
    fn only_multi_line_fields_keep_line_breaks_and_tabs() {
        for text in [
            "a\nb",
            "a\r\nb",
            "a\tb",
            "a\rb",
            "a\u{0}b",
            "a\u{7f}b",
            "a\u{1b}[31m",
            "a\u{85}b",
        ] {
            assert_eq!(
                check(text, 10, Lines::One),
                Err(TeksError::Control),
                "{text:?}"
            );
        }
        assert_eq!(
            check("a\r\nb\tc", 10, Lines::Many),
            Ok("a\nb\tc".to_owned())
        );
        for text in ["a\rb", "a\u{0}b", "a\u{7f}b", "a\u{1b}[31m"] {
            assert_eq!(
                check(text, 10, Lines::Many),
                Err(TeksError::Control),
                "{text:?}"
            );
        }
        // A CRLF counts once, as the textarea's maxlength counts it.
        assert!(check("a\r\n".repeat(5).trim_end(), 9, Lines::Many).is_ok());
    }
}
