//! The `--db` option shared by every command that opens the system of
//! record, and `--instansi` beside it for those that work in one instansi.

use anyhow::Context;
use talenta_app::Ctx;
use talenta_app::context::instansi;
use talenta_app::database::{DEFAULT_URL, Db, StorageError, connect, connect_serving, migrate};
use talenta_domain::{InstansiId, RuleSet};
use time::OffsetDateTime;

use crate::import::{actor, now};

#[derive(Debug, Clone, clap::Args)]
pub struct DbArgs {
    /// Database URL: `sqlite://PATH` (created if missing) or `postgres://…`
    #[arg(long = "db", env = "DATABASE_URL", default_value = DEFAULT_URL, value_name = "URL")]
    pub url: String,
}

impl DbArgs {
    /// Connects and applies any migration not applied yet.
    pub async fn open(&self) -> anyhow::Result<Db> {
        self.migrated(connect(&self.url).await).await
    }

    /// [`DbArgs::open`] for a web server: a write gives up waiting for
    /// another's lock (an import's) after a second ([`connect_serving`]).
    pub async fn open_serving(&self) -> anyhow::Result<Db> {
        self.migrated(connect_serving(&self.url).await).await
    }

    async fn migrated(&self, db: Result<Db, StorageError>) -> anyhow::Result<Db> {
        let db = db.with_context(|| format!("opening the database {}", redact(&self.url)))?;
        migrate(&db).await.context("migrating the database")?;
        Ok(db)
    }
}

/// The `--instansi` and `--db` options of a command that works in one
/// instansi.
#[derive(Debug, Clone, clap::Args)]
pub struct InstansiArgs {
    /// The instansi (its code); default: the only one
    #[arg(long, value_name = "KODE")]
    pub instansi: Option<String>,
    #[command(flatten)]
    pub db: DbArgs,
}

impl InstansiArgs {
    /// [`DbArgs::open`], then the context of one command over it: the
    /// instansi given (or the only one), the user, now and `rules`.
    pub async fn open(&self, rules: RuleSet) -> anyhow::Result<Opened> {
        let db = self.db.open().await?;
        let (instansi, found) = instansi(&db, self.instansi.as_deref()).await?;
        Ok(Opened {
            db,
            instansi,
            kode: found.kode,
            actor: actor(),
            now: now(),
            rules,
        })
    }
}

/// An open database and what a command's context holds besides it.
pub struct Opened {
    pub db: Db,
    pub instansi: InstansiId,
    /// The instansi's code, for messages.
    pub kode: String,
    pub actor: String,
    pub now: OffsetDateTime,
    pub rules: RuleSet,
}

impl Opened {
    /// The context every use case of the command takes.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx::new(&self.db, self.instansi, &self.actor, self.now, &self.rules)
    }

    pub async fn close(self) {
        self.db.close().await;
    }
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = url.get(scheme + 3..at).unwrap_or_default();
            match credentials.split_once(':') {
                Some((user, _)) => format!(
                    "{}{user}:***{}",
                    url.get(..scheme + 3).unwrap_or_default(),
                    url.get(at..).unwrap_or_default()
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// A runtime for one command. Two worker threads: the machines this runs on
/// have few cores, and the import's parser runs on a blocking thread.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://app:s3cret@db.example:5432/talenta"),
            "postgres://app:***@db.example:5432/talenta"
        );
        assert_eq!(
            redact("sqlite://./data/talenta.db"),
            "sqlite://./data/talenta.db"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
    }
}
