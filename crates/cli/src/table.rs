//! Readable tables for the terminal (the default `--format table`), and the
//! rule-set option shared by the cycle commands.

use std::path::PathBuf;

use anyhow::Context;
use talenta_domain::{RuleSet, Score};

/// `json` for scripts, `table` for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Table,
}

/// Columns padded to their widest cell, two spaces apart.
/// Standard output, locked for one write. Output goes through `write!`
/// rather than `print!`, so a closed pipe (`talenta positions | head`) is
/// an error that ends the command quietly, not a panic.
pub fn stdout() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

pub fn render(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let padded: Vec<String> = cells
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    let mut out = line(&mut headers.iter().copied());
    out.push('\n');
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
        out.push('\n');
    }
    out
}

/// A score as a number with two decimals for JSON.
pub fn number(score: Score) -> serde_json::Value {
    serde_json::json!(score.as_f64())
}

/// The bundled rule set, or the file given.
pub fn rules(path: Option<&PathBuf>) -> anyhow::Result<RuleSet> {
    match path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            Ok(RuleSet::from_toml(&text).with_context(|| path.display().to_string())?)
        }
        None => Ok(RuleSet::bundled()?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up() {
        let out = render(
            &["id", "nama"],
            &[vec!["KABID-1".into(), "Kepala Bidang".into()]],
        );
        assert_eq!(out, "id       nama\nKABID-1  Kepala Bidang\n");
    }
}
