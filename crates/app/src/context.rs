//! The context every use case takes: the database, the instansi, who acts,
//! the time and the rules, resolved once per command (the CLI, from
//! `--instansi` and the clock) or per request (the web, from the signed-in
//! actor), so that no use case looks the instansi up again or reads a
//! clock.

use talenta_domain::personnel::Instansi;
use talenta_domain::{InstansiId, RuleSet};
use talenta_storage::{Db, StorageError};
use time::{Date, OffsetDateTime};

/// Why an instansi named on the command line cannot be the context's.
#[derive(Debug, thiserror::Error)]
pub enum InstansiError {
    #[error("no instansi in the database")]
    NoInstansi,
    #[error("several instansi ({0}); name one with --instansi")]
    WhichInstansi(String),
    #[error("unknown instansi {0:?}")]
    UnknownInstansi(String),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// What a use case runs in.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub db: &'a Db,
    pub instansi: InstansiId,
    /// Who the change log names for what this use case writes.
    pub actor: &'a str,
    pub now: OffsetDateTime,
    /// The rules of the day (a closed period keeps those of its map).
    pub rules: &'a RuleSet,
}

impl<'a> Ctx<'a> {
    /// The context of an instansi already known (a signed-in actor's).
    pub fn new(
        db: &'a Db,
        instansi: InstansiId,
        actor: &'a str,
        now: OffsetDateTime,
        rules: &'a RuleSet,
    ) -> Ctx<'a> {
        Ctx {
            db,
            instansi,
            actor,
            now,
            rules,
        }
    }

    /// The context of the instansi named `kode`, or of the only one when
    /// none is named.
    pub async fn resolve(
        db: &'a Db,
        kode: Option<&str>,
        actor: &'a str,
        now: OffsetDateTime,
        rules: &'a RuleSet,
    ) -> Result<Ctx<'a>, InstansiError> {
        let (instansi, _) = instansi(db, kode).await?;
        Ok(Ctx::new(db, instansi, actor, now, rules))
    }

    /// The reference date of rules that depend on time.
    pub fn today(&self) -> Date {
        self.now.date()
    }
}

/// Every instansi in the database.
pub async fn all(db: &Db) -> Result<Vec<(InstansiId, Instansi)>, StorageError> {
    Ok(db
        .instansi_all()
        .await?
        .into_iter()
        .map(|(id, i)| (InstansiId(id), i))
        .collect())
}

/// The instansi named `kode`, or the only one when none is named.
pub async fn instansi(
    db: &Db,
    kode: Option<&str>,
) -> Result<(InstansiId, Instansi), InstansiError> {
    let all = all(db).await?;
    let (id, found) = match kode {
        Some(kode) => all
            .into_iter()
            .find(|(_, i)| i.kode == kode)
            .ok_or_else(|| InstansiError::UnknownInstansi(kode.to_owned()))?,
        None => match <[_; 1]>::try_from(all) {
            Ok([one]) => one,
            Err(all) if all.is_empty() => return Err(InstansiError::NoInstansi),
            Err(all) => {
                return Err(InstansiError::WhichInstansi(
                    all.iter()
                        .map(|(_, i)| i.kode.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
            }
        },
    };
    Ok((id, found))
}
