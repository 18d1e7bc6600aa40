//! Readable tables for the terminal (the default `--format table`), and the
//! rule-set option shared by the cycle commands.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use talenta_domain::eligibility::Check;
use talenta_domain::{RuleSet, Score};
use time::Date;

use crate::db::InstansiArgs;

/// `json` for scripts, `table` for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Table,
}

/// The options of a command that lists what one instansi holds: how to
/// print it, and where to read it.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub instansi: InstansiArgs,
}

/// The options of a command that reads one semester of one instansi under
/// a rule set: `pools`, `merit`.
#[derive(Debug, clap::Args)]
pub struct SemesterArgs {
    /// The semester, such as 2026-S1
    #[arg(long, value_name = "PERIOD", value_parser = crate::period::parse_periode)]
    pub period: talenta_domain::Periode,
    /// A rule set (TOML) instead of the bundled one (an open period's pools
    /// follow it; a closed period's are frozen)
    #[arg(long, value_name = "FILE.toml")]
    pub rules: Option<PathBuf>,
    #[command(flatten)]
    pub list: ListArgs,
}

impl SemesterArgs {
    /// The instansi's database opened under the rule set.
    pub async fn open(&self) -> anyhow::Result<crate::db::Opened> {
        self.list.instansi.open(rules(self.rules.as_ref())?).await
    }
}

/// Standard output, locked for one write. Output goes through `write!`
/// rather than `print!`, so a closed pipe (`talenta positions | head`) is
/// an error that ends the command quietly, not a panic.
pub fn stdout() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

/// Prints a table of `rows` under `headers` ([`render`]) to standard
/// output.
pub fn print(headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> io::Result<()> {
    let rows: Vec<Vec<String>> = rows.into_iter().collect();
    stdout().write_all(render(headers, &rows).as_bytes())
}

/// A day as `YYYY-MM-DD`, or `-` for none.
pub fn date_or_dash(date: Option<Date>) -> String {
    date.map_or("-".to_owned(), |d| d.to_string())
}

/// Prints everyone `left_out` with every rule they fail, one line per rule,
/// as `pools` and `succession` list them; `person` gives their NIP, name
/// and failed rules. `until`, for a list that shows it, gives the last day
/// a person stays eligible (`memenuhi sampai`).
pub fn print_failures<'a, P>(
    left_out: &'a [P],
    person: impl Fn(&'a P) -> (&'a str, &'a str, &'a [Check]),
    until: Option<fn(&P) -> Option<Date>>,
) -> io::Result<()> {
    let mut headers = vec![
        "nip",
        "nama",
        "syarat",
        "kondisi",
        "ketentuan",
        "memenuhi sejak",
    ];
    headers.extend(until.map(|_| "memenuhi sampai"));
    headers.push("dasar");
    let rows = left_out.iter().flat_map(|p| {
        let (nip, nama, failures) = person(p);
        let until = until.map(|until| date_or_dash(until(p)));
        failures.iter().map(move |f| {
            let mut row = vec![
                nip.to_owned(),
                nama.to_owned(),
                f.rule.code().to_owned(),
                f.actual.clone(),
                f.required.clone(),
                date_or_dash(f.eligible_from),
            ];
            row.extend(until.clone());
            row.push(f.source.clone());
            row
        })
    });
    print(&headers, rows)
}

/// Columns padded to their widest cell, two spaces apart.
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

/// The `--rules` option of a command that applies the rule set.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// A rule set (TOML) instead of the bundled one
    #[arg(long, value_name = "FILE.toml")]
    rules: Option<PathBuf>,
}

impl RulesArgs {
    /// The rule set given, or the bundled one.
    pub fn load(&self) -> anyhow::Result<RuleSet> {
        rules(self.rules.as_ref())
    }
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
