//! `talenta positions`: the positions of the instansi and their ids (key
//! positions only with `--key`), to choose a succession plan from.

use std::process::ExitCode;

use std::io::Write;

use talenta_app::succession::positions;
use talenta_domain::RuleSet;

use crate::db::runtime;
use crate::table::{Format, ListArgs, print, stdout};

#[derive(Debug, clap::Args)]
pub struct PositionsArgs {
    /// Only key positions (jabatan kritikal/target)
    #[arg(long)]
    key: bool,
    #[command(flatten)]
    list: ListArgs,
}

pub fn run(args: &PositionsArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let opened = args.list.instansi.open(RuleSet::bundled()?).await?;
        let list = positions(&opened.ctx(), args.key).await?;
        opened.close().await;
        match args.list.format {
            Format::Json => writeln!(
                stdout(),
                "{}",
                serde_json::Value::Array(
                    list.iter()
                        .map(|p| serde_json::json!({
                            "id": p.kode, "name": p.nama, "opd": p.opd,
                            "jenjang": p.jenjang.code(), "key": p.kunci,
                        }))
                        .collect()
                )
            )?,
            Format::Table => print(
                &["id", "nama", "opd", "jenjang", "kunci"],
                list.iter().map(|p| {
                    vec![
                        p.kode.clone(),
                        p.nama.clone(),
                        p.opd.clone(),
                        p.jenjang.label().to_owned(),
                        if p.kunci { "ya" } else { "" }.to_owned(),
                    ]
                }),
            )?,
        }
        anyhow::Ok(ExitCode::SUCCESS)
    })
}
