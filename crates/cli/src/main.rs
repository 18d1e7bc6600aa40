//! `talenta`: the one binary. Each subcommand lives in its own module with a
//! clap `Args` type and a `run` function returning the process exit code.
//! Exit codes: 0 success, 1 the input was wrong or a check failed, 2 usage
//! error (clap's own convention).

mod assign;
mod calibrate;
mod classify;
mod db;
mod demo;
mod evaluate;
mod export;
mod generate;
mod import;
mod map;
mod merit;
mod nip;
mod output;
mod period;
mod pools;
mod positions;
mod serve;
mod succession;
mod table;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// The generator allocates many small strings per employee: mimalloc makes
// that about 1.6 times faster than the system allocator (crates/generate/
// benches).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "talenta",
    version,
    about = "Talent management (manajemen talenta) for Indonesia's civil servants (ASN)",
    long_about = "Talent management (manajemen talenta) for Indonesia's civil servants (ASN), \
                  after UU 20/2023 and PermenPANRB 3/2020: NIP checks, nine-box (kotak talenta) \
                  classification, and jointly optimal placement."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check NIPs (Nomor Induk Pegawai) of PNS and PPPK
    #[command(subcommand)]
    Nip(nip::NipCommand),
    /// Classify employees into the nine-box (kotak manajemen talenta) from kinerja and potensial scores
    Classify(classify::ClassifyArgs),
    /// Solve a rectangular assignment problem (jointly optimal placement) from a cost matrix
    Assign(assign::AssignArgs),
    /// Import personnel records (CSV or XLSX) into the database, all or nothing
    Import(import::ImportArgs),
    /// Export stored personnel records of one kind as CSV or XLSX
    Export(export::ExportArgs),
    /// Compute the talent map (nine-box) of a period from the stored records
    Map(map::MapArgs),
    /// Open, close or list the semesters of the talent cycle
    #[command(subcommand)]
    Period(period::PeriodCommand),
    /// Move an employee to another box of an open semester, with a written reason (talent committee)
    Calibrate(calibrate::CalibrateArgs),
    /// Talent pools (KRS) of a semester per target jenjang, ranked by talent score
    Pools(table::SemesterArgs),
    /// The merit audit of a semester: outcomes compared across sex, age, religion, origin and employment status (aggregates only)
    Merit(table::SemesterArgs),
    /// List positions and their ids (--key: key positions only)
    Positions(positions::PositionsArgs),
    /// The succession plan of a position: ranked candidates and everyone excluded, with reasons
    Succession(succession::SuccessionArgs),
    /// The six-monthly evaluation of officeholders: holders of structural positions to evaluate, with every rule and its source
    Evaluate(evaluate::EvaluateArgs),
    /// Write a realistic synthetic instansi (a city of N employees) as import files
    Generate(generate::GenerateArgs),
    /// Run the web application
    Serve(serve::ServeArgs),
    /// Try Talenta: generate a city into a SQLite file (once), map it, and
    /// serve it with one demo account per role
    Demo(demo::DemoArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Nip(command) => nip::run(command),
        Command::Classify(args) => classify::run(&args),
        Command::Assign(args) => assign::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Map(args) => map::run(&args),
        Command::Period(command) => period::run(&command),
        Command::Calibrate(args) => calibrate::run(&args),
        Command::Pools(args) => pools::run(&args),
        Command::Merit(args) => merit::run(&args),
        Command::Positions(args) => positions::run(&args),
        Command::Succession(args) => succession::run(&args),
        Command::Evaluate(args) => evaluate::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Demo(args) => demo::run(&args),
    };
    outcome.unwrap_or_else(|error| {
        // The reader of our output went away (`| head`): nothing to report.
        if closed_pipe(&error) {
            return ExitCode::SUCCESS;
        }
        eprintln!("error: {error:#}");
        ExitCode::FAILURE
    })
}

/// Whether `error` comes from writing to a pipe whose reader has closed it.
fn closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| cause.downcast_ref::<serde_json::Error>()?.io_error_kind())
            .or_else(|| match cause.downcast_ref::<csv::Error>()?.kind() {
                csv::ErrorKind::Io(e) => Some(e.kind()),
                _ => None,
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
