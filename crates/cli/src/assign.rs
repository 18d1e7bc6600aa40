//! `talenta assign`: jointly optimal placement from a dense cost (or fit)
//! matrix in CSV. Reading, solving and printing are kept apart so that
//! `--timings` can report the solve alone, as the benchmark against scipy
//! needs.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use talenta_assign::matrix_csv::{self, LabeledMatrix};
use talenta_assign::{AssignError, Assignment, Objective, Side};
use talenta_ingest::{Column, CsvTable};

/// Most ids listed when explaining an infeasible instance.
const MAX_IDS_SHOWN: usize = 10;

#[derive(Debug, clap::Args)]
#[command(
    long_about = "Solve a rectangular assignment problem exactly: fill all positions \
    together so that the total cost is minimal (or the total fit maximal with --maximize), \
    instead of ranking candidates one position at a time. When there are fewer rows than \
    columns every row is assigned; otherwise every column is. Exit status 1 if the file is \
    malformed or no assignment covers the smaller side."
)]
pub struct AssignArgs {
    /// Dense matrix in CSV: a header line of column ids (its first cell is
    /// ignored), then one line per row: the row id and one number per column.
    /// An empty cell forbids the pair.
    #[arg(long, value_name = "FILE.csv")]
    costs: PathBuf,

    /// Maximise the total (for fit scores) instead of minimising it
    #[arg(long)]
    maximize: bool,

    /// Output format: json prints {"total": .., "pairs": [["row","col"], ..]};
    /// csv prints a `row,col,cost` header and one line per pair. Pairs come
    /// in input row order.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Print `parse_ms=<ms> solve_ms=<ms>` on stderr: the time to read and
    /// parse the file, and the time to solve alone (output excluded)
    #[arg(long)]
    timings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Csv,
}

pub fn run(args: &AssignArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let path = args.costs.display();
    let file = File::open(&args.costs).with_context(|| format!("cannot open {path}"))?;
    let matrix = matrix_csv::read(file).with_context(|| format!("{path}"))?;
    let parsed = Instant::now();

    let objective = if args.maximize {
        Objective::Maximize
    } else {
        Objective::Minimize
    };
    let solved = talenta_assign::solve(&matrix.costs, objective);
    let solve_time = parsed.elapsed();
    if args.timings {
        eprintln!(
            "parse_ms={:.1} solve_ms={:.1}",
            (parsed - started).as_secs_f64() * 1e3,
            solve_time.as_secs_f64() * 1e3
        );
    }
    let assignment = match solved {
        Ok(assignment) => assignment,
        Err(error) => return Err(explain(&error, &matrix)).with_context(|| format!("{path}")),
    };

    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Json => write_json(&mut out, &assignment, &matrix)?,
        Format::Csv => write_csv(&mut out, &assignment, &matrix)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The solver's error in the file's terms: ids rather than indices.
fn explain(error: &AssignError, matrix: &LabeledMatrix) -> anyhow::Error {
    let AssignError::Infeasible {
        side,
        stuck,
        partners,
    } = error
    else {
        return anyhow::anyhow!("{error}");
    };
    let (stuck_ids, partner_ids) = match side {
        Side::Rows => (&matrix.row_ids, &matrix.col_ids),
        Side::Columns => (&matrix.col_ids, &matrix.row_ids),
    };
    anyhow::anyhow!(
        "infeasible: no assignment covers all {side}, because of the forbidden (empty) cells: \
         {side} {} can only take {} between them, {} for {}",
        id_list(stuck, stuck_ids),
        if partners.is_empty() {
            format!("no {}", side.opposite())
        } else {
            format!("{} {}", side.opposite(), id_list(partners, partner_ids))
        },
        partners.len(),
        stuck.len(),
    )
}

fn id_list(indices: &[usize], ids: &[String]) -> String {
    let shown: Vec<String> = indices
        .iter()
        .take(MAX_IDS_SHOWN)
        .map(|&i| format!("'{}'", ids.get(i).map_or("?", String::as_str)))
        .collect();
    let more = indices.len().saturating_sub(MAX_IDS_SHOWN);
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{} and {more} more", shown.join(", "))
    }
}

fn labelled_pairs<'a>(
    assignment: &'a Assignment,
    matrix: &'a LabeledMatrix,
) -> impl Iterator<Item = (&'a str, &'a str, usize, usize)> {
    assignment.pairs().iter().map(|&(row, col)| {
        let row_id = matrix.row_ids.get(row).map_or("", String::as_str);
        let col_id = matrix.col_ids.get(col).map_or("", String::as_str);
        (row_id, col_id, row, col)
    })
}

fn write_json(
    out: &mut impl Write,
    assignment: &Assignment,
    matrix: &LabeledMatrix,
) -> anyhow::Result<()> {
    #[derive(serde::Serialize)]
    struct Output<'a> {
        total: f64,
        pairs: Vec<[&'a str; 2]>,
    }
    let pairs = labelled_pairs(assignment, matrix)
        .map(|(r, c, _, _)| [r, c])
        .collect();
    serde_json::to_writer(
        &mut *out,
        &Output {
            total: assignment.total(),
            pairs,
        },
    )?;
    writeln!(out)?;
    Ok(())
}

fn write_csv(
    out: &mut impl Write,
    assignment: &Assignment,
    matrix: &LabeledMatrix,
) -> anyhow::Result<()> {
    // The labels are the input's text; a cost may be negative and stays a
    // number.
    let columns = [
        Column::required("row"),
        Column::required("col"),
        Column::required("cost").number(),
    ];
    let mut table = CsvTable::new(out, &columns)?;
    for (row_id, col_id, row, col) in labelled_pairs(assignment, matrix) {
        let cost = matrix
            .costs
            .cost(row, col)?
            .map(|c| c.to_string())
            .unwrap_or_default();
        table.write([row_id, col_id, cost.as_str()])?;
    }
    table.finish()?.flush()?;
    Ok(())
}
