//! `talenta generate`: writes a synthetic instansi, one `<kind>.csv` per
//! kind, ready for `talenta import --dir`.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use talenta_generate::bias::Bias;
use talenta_generate::{Config, Generator, INSTANSI_NAMA, output};

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Number of employees (pegawai) to generate.
    #[arg(long)]
    employees: u64,
    /// Seed of the random streams: the same employees and seed give
    /// byte-identical files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Plant data-quality problems in about 0.1% of rows (invalid NIPs,
    /// birth dates not matching the NIP, unknown units, duplicate NIPs,
    /// missing values, impossible dates, wrong SKP predikat).
    #[arg(long)]
    dirty: bool,
    /// Plant a bias, to test the merit audit (`talenta merit`): move the
    /// scores of one group on one axis by DELTA points of their 0-100
    /// scale, as `jenisKelamin=P:potensial:-10`. ATTRIBUTE is
    /// jenisKelamin, usia (<30, 30-39, 40-49, 50+), agama, daerahAsal or
    /// statusPegawai; AXIS kinerja or potensial. Repeatable.
    #[arg(long, value_name = "ATTRIBUTE=VALUE:AXIS:DELTA")]
    bias: Vec<Bias>,
    /// Directory to write the files into; created if missing.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Write into a directory that is not empty, replacing the files.
    #[arg(long)]
    force: bool,
}

/// Bytes buffered per file before a write to disk.
const BUFFER: usize = 1 << 20;

pub fn run(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let generator = match Generator::new(Config {
        employees: args.employees,
        seed: args.seed,
        dirty: args.dirty,
    }) {
        Ok(generator) => generator.biased(args.bias.clone()),
        Err(error) => {
            eprintln!("error: --employees: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    if !args.force && !is_empty(&args.out)? {
        eprintln!(
            "error: {} is not empty; pass --force to write into it",
            args.out.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let summary = output::write_all(&generator, threads, |kind| {
        let path = args.out.join(format!("{}.csv", kind.name()));
        File::create(&path).map(|file| BufWriter::with_capacity(BUFFER, file))
    })?;
    eprintln!(
        "{INSTANSI_NAMA}: {} employees, seed {}{}",
        args.employees,
        args.seed,
        if args.dirty { ", dirty" } else { "" }
    );
    for bias in generator.biases() {
        eprintln!("planted bias (this city is not neutral): {bias}");
    }
    for (kind, rows) in summary {
        eprintln!("{}.csv: {rows} rows", kind.name());
    }
    Ok(ExitCode::SUCCESS)
}

fn is_empty(dir: &Path) -> anyhow::Result<bool> {
    let mut entries =
        std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    Ok(entries.next().is_none())
}
