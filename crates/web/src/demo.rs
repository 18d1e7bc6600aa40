//! Demo mode: one account per role over a generated city, each with a
//! fresh random password every time the demo starts. Only `talenta demo`
//! calls this; `talenta serve` never creates an account with a known
//! password.

use talenta_app::Ctx;
use talenta_app::accounts::{NewAccount, put};
use talenta_app::units::employees_in;
use talenta_domain::Nip;
use talenta_domain::access::Role;

use crate::auth::{hash_password, random_token};
use crate::error::WebError;

/// A demo account as printed: role, NIP (the login) and password.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub role: Role,
    pub nip: String,
    pub nama: String,
    pub password: String,
}

/// Which unit each demo role is taken from, and (for the OPD admin) the
/// unit administered. The employee and the OPD admin share Dinas
/// Kesehatan, so the admin verifies what the employee uploads.
const ROLES: [(Role, &str, Option<&str>); 6] = [
    (Role::Pegawai, "DINKES", None),
    (Role::AdminOpd, "DINKES", Some("DINKES")),
    (Role::AdminBkpsdm, "BKPSDM", None),
    (Role::TimPenilai, "BKPSDM", None),
    (Role::Pimpinan, "SETDA", None),
    (Role::Pengawas, "SETWAN", None),
];

/// Creates or resets the demo accounts of the context's instansi and
/// returns them with their new passwords. Employees are taken from each
/// role's unit, those placed in the talent map of `periode` first.
pub async fn accounts(ctx: &Ctx<'_>, periode: &str) -> Result<Vec<DemoAccount>, WebError> {
    let mut taken: Vec<Nip> = Vec::new();
    let mut accounts = Vec::new();
    for (role, unit, administers) in ROLES {
        let candidates = employees_in(ctx, unit, periode, 8).await?;
        let Some((nip, nama)) = candidates.into_iter().find(|(nip, _)| !taken.contains(nip)) else {
            return Err(WebError::Internal(format!(
                "no employee in unit {unit} for the demo {role} account"
            )));
        };
        taken.push(nip);
        let password = password()?;
        let hash = hash_password(password.clone()).await?;
        put(
            ctx.db,
            &NewAccount {
                instansi: ctx.instansi.get(),
                nip,
                nama: &nama,
                role,
                opd: administers,
                password_hash: &hash,
            },
            ctx.now.unix_timestamp(),
        )
        .await?;
        accounts.push(DemoAccount {
            role,
            nip: nip.as_str().to_owned(),
            nama,
            password,
        });
    }
    Ok(accounts)
}

/// 16 characters from a random token: letters and digits, easy to type.
fn password() -> Result<String, WebError> {
    let token = random_token()?;
    Ok(token.get(..16).unwrap_or(&token).to_owned())
}
