//! `talenta serve`: the web application over a database, and what
//! `talenta demo` shares with it (the log, the server's start).

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use talenta_app::database::{Db, analyze};
use talenta_app::{accounts, context};
use talenta_domain::RuleSet;
use talenta_web::{AppState, Clock, Config};

use crate::db::{DbArgs, runtime};
use crate::import::now;

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
pub(crate) fn init_log() {
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

pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
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

pub(crate) async fn run_server(
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
