//! `talenta nip check`: validates NIPs, one JSON object per line.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;
use talenta_domain::Nip;

#[derive(Debug, clap::Subcommand)]
pub enum NipCommand {
    /// Check NIPs of PNS (18 digits: birth date, TMT CPNS, gender, sequence)
    /// and NI PPPK. Prints one JSON object per NIP, in the order given.
    /// Exit status 0 when all are valid, 1 otherwise.
    Check {
        /// NIPs to check; spaces inside a NIP as displayed are accepted
        /// ("19660801 198803 1 001" as one argument). `-` reads one NIP per
        /// line from standard input.
        #[arg(required = true, value_name = "NIP")]
        nips: Vec<String>,
    },
}

/// One line of output. `tmt` is `YYYY-MM` for a PNS; an NI PPPK encodes
/// only the year of appointment, so it is null there.
#[derive(Debug, Serialize)]
struct Report {
    nip: String,
    valid: bool,
    kind: Option<&'static str>,
    birth_date: Option<String>,
    tmt: Option<String>,
    gender: Option<&'static str>,
    errors: Vec<String>,
}

/// A valid NIP is shown as its 18 digits; an invalid one as given.
fn report(text: &str) -> Report {
    match Nip::parse(text) {
        Ok(nip) => Report {
            nip: nip.as_str().to_owned(),
            valid: true,
            kind: Some(nip.kind().code()),
            birth_date: Some(nip.birth_date().to_string()),
            tmt: nip.appointment().year_month(),
            gender: Some(nip.gender().code()),
            errors: Vec::new(),
        },
        Err(errors) => Report {
            nip: text.trim().to_owned(),
            valid: false,
            kind: None,
            birth_date: None,
            tmt: None,
            gender: None,
            errors: errors.iter().map(ToString::to_string).collect(),
        },
    }
}

pub fn run(command: NipCommand) -> anyhow::Result<ExitCode> {
    let NipCommand::Check { nips } = command;
    let nips = if nips == ["-"] {
        std::io::stdin()
            .lock()
            .lines()
            .collect::<Result<Vec<_>, _>>()
            .context("reading NIPs from standard input")?
            .into_iter()
            .filter(|line| !line.trim().is_empty())
            .collect()
    } else {
        nips
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut all_valid = true;
    for text in &nips {
        let line = report(text);
        all_valid &= line.valid;
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
