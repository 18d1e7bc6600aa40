//! `talenta calibrate`: the talent committee moves an employee to another
//! box of an open semester, with a written reason.

use std::process::ExitCode;

use talenta_app::cycle::{Calibration, calibrate};
use talenta_domain::{Kotak, Nip, NipError, Periode, RuleSet};

use crate::db::{InstansiArgs, runtime};

use crate::period::parse_periode;

#[derive(Debug, clap::Args)]
pub struct CalibrateArgs {
    /// The semester, such as 2026-S1 (open)
    #[arg(long, value_parser = parse_periode, value_name = "PERIOD")]
    period: Periode,
    /// The employee
    #[arg(long)]
    nip: String,
    /// The box the talent committee sets, 1-9
    #[arg(long = "box", value_name = "1-9", value_parser = |t: &str| t.parse::<u8>().ok().and_then(Kotak::new).ok_or("a box is 1 to 9"))]
    kotak: Kotak,
    /// The written reason (required, at least 20 characters)
    #[arg(long)]
    reason: String,
    #[command(flatten)]
    instansi: InstansiArgs,
}

pub fn run(args: &CalibrateArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let opened = args.instansi.open(RuleSet::bundled()?).await?;
        let nip: Nip = args.nip.parse().map_err(|errors: Vec<NipError>| {
            let reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
            anyhow::anyhow!("NIP {}: {}", args.nip, reasons.join("; "))
        })?;
        let decision = Calibration {
            periode: args.period,
            nip: &nip,
            to: args.kotak,
            alasan: &args.reason,
        };
        let done = calibrate(&opened.ctx(), &decision).await?;
        opened.close().await;
        match done {
            Some(k) => eprintln!(
                "{} {}: kotak {} -> {} ({})",
                k.periode, k.nip, k.kotak_awal, k.kotak_akhir, k.alasan
            ),
            None => eprintln!(
                "{} {}: kembali ke kotak hasil perhitungan",
                args.period, args.nip
            ),
        }
        anyhow::Ok(ExitCode::SUCCESS)
    })
}
