//! `talenta serve` and `talenta demo`: the web application.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use talenta_app::database::{Db, analyze};
use talenta_app::import::{ImportFile, ImportOptions, import};
use talenta_app::self_service::{Filed, load_documents, no_documents};
use talenta_app::{Ctx, accounts, context, map, people};
use talenta_domain::berkas::Mime;
use talenta_domain::{Periode, RuleSet};
use talenta_generate::{Config as CityConfig, Generator, output};
use talenta_ingest::xlsx::Limits;
use talenta_web::{AppState, Clock, Config};

use crate::db::{DbArgs, runtime};
use crate::import::{actor, files_in, now};

/// The real clock, read here and nowhere below.
#[derive(Debug)]
struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> time::OffsetDateTime {
        now()
    }
}

/// The server's log, on stderr: a request that failed (with its cause,
/// which the browser is never shown) and sqlx's warning for a statement
/// slower than a second. `RUST_LOG` overrides the level, as in
/// `RUST_LOG=sqlx=debug` for every statement.
fn init_log() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    bind: String,
    /// The URL browsers reach the server at, when not http://ADDR:PORT
    /// (behind a TLS proxy: https://talenta.example.go.id); cookies are
    /// Secure when it is https
    #[arg(long, env = "TALENTA_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// The largest document an employee may upload, in bytes (an
    /// operational cap, not a rule of the rule set)
    #[arg(long, env = "TALENTA_UPLOAD_MAX_BYTES", default_value_t = Config::default().upload_max_bytes, value_name = "BYTES")]
    upload_max_bytes: u32,
    /// Documents one employee may have waiting for verification; one more
    /// upload is refused (409)
    #[arg(long, env = "TALENTA_UPLOAD_PENDING_PER_PERSON", default_value_t = Config::default().upload_pending_per_person, value_name = "N")]
    upload_pending_per_person: u32,
    /// Documents one unit (OPD) may have waiting for verification
    #[arg(long, env = "TALENTA_UPLOAD_PENDING_PER_UNIT", default_value_t = Config::default().upload_pending_per_unit, value_name = "N")]
    upload_pending_per_unit: u32,
    /// Uploads one employee may make in a minute; more are refused (429)
    #[arg(long, env = "TALENTA_UPLOADS_PER_MINUTE", default_value_t = Config::default().uploads_per_minute, value_name = "N")]
    uploads_per_minute: u32,
    /// The TLS proxy's address, as the server sees it connect: only from it
    /// is X-Forwarded-For believed, for the client address that failed
    /// sign-ins are counted by (without it, the TCP peer's address)
    #[arg(long, env = "TALENTA_TRUSTED_PROXY", value_name = "ADDR")]
    trusted_proxy: Option<std::net::IpAddr>,
    #[command(flatten)]
    db: DbArgs,
}

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

pub fn serve(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    init_log();
    runtime()?.block_on(async {
        let db = args.db.open_serving().await?;
        let listener = tokio::net::TcpListener::bind(&args.bind)
            .await
            .with_context(|| format!("listening on {}", args.bind))?;
        let public_url = args
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", listener.local_addr().map_or_else(|_| args.bind.clone(), |a| a.to_string())));
        if !accounts::has_administrator(&db).await? {
            let token = talenta_web::auth::random_token()?;
            let hash = talenta_web::auth::token_hash(&token);
            accounts::add_setup_token(&db, &hash, now().unix_timestamp()).await?;
            if context::all(&db).await?.is_empty() {
                eprintln!("the database holds no instansi yet: import one first (talenta import --dir DIR), then open the link below");
            }
            eprintln!("no administrator yet; create the first one (link valid 24 hours, once):");
            eprintln!("  {public_url}/penyiapan?token={token}");
        }
        let config = Config {
            public_url,
            demo: false,
            upload_max_bytes: args.upload_max_bytes,
            upload_pending_per_person: args.upload_pending_per_person,
            upload_pending_per_unit: args.upload_pending_per_unit,
            uploads_per_minute: args.uploads_per_minute,
            trusted_proxy: args.trusted_proxy,
        };
        run_server(db, listener, config).await
    })
}

pub fn demo(args: &DemoArgs) -> anyhow::Result<ExitCode> {
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

async fn run_server(
    db: Db,
    listener: tokio::net::TcpListener,
    config: Config,
) -> anyhow::Result<ExitCode> {
    // Fresh planner statistics for a database written by an older release
    // or by hand (imports and maps refresh them themselves). A server
    // started during an import goes without: the import refreshes them
    // when it ends.
    match analyze(&db).await {
        Err(e) if e.is_busy() => {
            eprintln!("the database is busy (an import?): statistics not refreshed");
        }
        other => other.context("analyzing the database")?,
    }
    eprintln!("listening on {} (Ctrl-C to stop)", config.public_url);
    let state = AppState::new(db, Arc::new(SystemClock), config, RuleSet::bundled()?);
    talenta_web::serve(listener, state)
        .await
        .context("serving")?;
    Ok(ExitCode::SUCCESS)
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
                nip: &d.nip,
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
