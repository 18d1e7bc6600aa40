//! `talenta demo`: generate a city into a SQLite file (once), map it, put
//! its documents on file, and serve it with one demo account per role.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use talenta_app::database::Db;
use talenta_app::import::{ImportFile, ImportOptions, import};
use talenta_app::self_service::{Filed, load_documents, no_documents};
use talenta_app::{Ctx, context, map, people};
use talenta_domain::berkas::Mime;
use talenta_domain::{Periode, RuleSet};
use talenta_generate::{Config as CityConfig, Generator, output};
use talenta_ingest::xlsx::Limits;
use talenta_web::Config;

use crate::db::{DbArgs, runtime};
use crate::import::{actor, files_in, now};

use crate::serve::{init_log, run_server};

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Employees of the generated city
    #[arg(long, default_value_t = 9000)]
    employees: u64,
    /// Port on 127.0.0.1
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The demo database; the city is generated into it only when it holds
    /// no instansi yet
    #[arg(long, default_value = "sqlite://./data/demo.db", value_name = "URL")]
    db: String,
}

pub fn run(args: &DemoArgs) -> anyhow::Result<ExitCode> {
    init_log();
    runtime()?.block_on(async {
        let db = DbArgs {
            url: args.db.clone(),
        }
        .open_serving()
        .await?;
        if context::all(&db).await?.is_empty() {
            eprintln!(
                "generating a city of {} employees into {} ...",
                args.employees, args.db
            );
            generate_into(&db, args.employees).await?;
        }
        let (instansi, _) = context::all(&db)
            .await?
            .into_iter()
            .next()
            .context("the demo database holds no instansi")?;
        let (rules, actor, today) = (RuleSet::bundled()?, actor(), now());
        let ctx = Ctx::new(&db, instansi, &actor, today, &rules);
        if no_documents(&ctx).await? {
            file_documents(&ctx).await?;
        }
        let periode = Periode::containing(today.date()).context("no period for today")?;
        if !map::computed(&ctx, periode).await? {
            eprintln!("computing the talent map of {periode} ...");
            map::compute(&ctx, periode).await?;
        }
        let accounts = talenta_web::demo::accounts(&ctx, &periode.to_string()).await?;
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
            .await
            .with_context(|| format!("listening on 127.0.0.1:{}", args.port))?;
        let public_url = format!("http://127.0.0.1:{}", listener.local_addr()?.port());
        println!("Talenta demo: {public_url}");
        for account in &accounts {
            println!(
                "akun demo: {} {} {}",
                account.role, account.nip, account.password
            );
        }
        let config = Config {
            public_url,
            demo: true,
            ..Config::default()
        };
        run_server(db, listener, config).await
    })
}

/// Generates a city into a temporary directory and imports it, all or
/// nothing, like `talenta generate` then `talenta import --dir`.
async fn generate_into(db: &Db, employees: u64) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("talenta-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let result = async {
        write_city(&dir, employees)?;
        let files: Vec<ImportFile> = files_in(&dir)?;
        let options = ImportOptions {
            instansi: None,
            actor: actor(),
            now: now(),
            max_errors: 10,
            limits: Limits::default(),
            progress: Arc::new(talenta_app::import::Silent),
        };
        import(db, files, &options).await?;
        anyhow::Ok(())
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Puts the demo city's documents on file: about 57% of required
/// documents verified, unit by unit, and a few waiting for verification.
async fn file_documents(ctx: &Ctx<'_>) -> anyhow::Result<()> {
    let policy = &ctx.rules.dokumen;
    let employees = people::employees(ctx).await?;
    let on_file = talenta_generate::documents::on_file(&employees, policy, 1);
    // One placeholder PDF per kind, stored once, named after the kind.
    let pdfs: Vec<(String, String, Vec<u8>)> = policy
        .wajib
        .iter()
        .map(|d| {
            let pdf = talenta_generate::documents::placeholder_pdf(&d.nama);
            (d.kode.clone(), talenta_web::auth::sha256_hex(&pdf), pdf)
        })
        .collect();
    let files: Vec<(&str, &str, &[u8])> = pdfs
        .iter()
        .map(|(_, sha, pdf)| (sha.as_str(), Mime::Pdf.essence(), pdf.as_slice()))
        .collect();
    let filed: Vec<Filed<'_>> = on_file
        .iter()
        .filter_map(|d| {
            let (kode, sha, pdf) = pdfs.iter().find(|(kode, _, _)| *kode == d.jenis)?;
            Some(Filed {
                nip: d.nip,
                jenis: kode,
                nama_file: "contoh-demo.pdf",
                sha256: sha,
                ukuran: i64::try_from(pdf.len()).unwrap_or(i64::MAX),
                verified: d.verified,
            })
        })
        .collect();
    load_documents(ctx, &files, &filed).await?;
    Ok(())
}

fn write_city(dir: &Path, employees: u64) -> anyhow::Result<()> {
    let generator = Generator::new(CityConfig {
        employees,
        seed: 1,
        dirty: false,
    })?;
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    output::write_all(&generator, threads, |kind| {
        let path: PathBuf = dir.join(format!("{}.csv", kind.name()));
        std::fs::File::create(&path).map(std::io::BufWriter::new)
    })?;
    Ok(())
}
