//! The signed-in caller of a request, resolved once: the app's state, the
//! user the session layer found ([`SignedIn`]) and the time of the
//! request. Every handler of a signed-in page takes a [`Caller`] and asks
//! it for the use cases' context ([`Caller::ctx`]), for what the user may
//! do and see, and for the steps that many pages take first (the person a
//! page is about, the unit it is scoped to). Anyone not signed in is sent
//! to the login page, as by [`SignedIn`] itself.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use talenta_app::Ctx;
use talenta_app::accounts::account;
use talenta_app::people::employee;
use talenta_app::units;
use talenta_domain::access::{Action, Actor, Target, View};
use talenta_domain::personnel::Pegawai;
use talenta_domain::privasi::Privasi;
use talenta_domain::{InstansiId, Nip, RuleSet};
use time::OffsetDateTime;

use crate::AppState;
use crate::error::WebError;
use crate::session::{LoginRequired, SignedIn};

/// Who asks, in what state of the application, and when.
#[derive(Debug, Clone)]
pub struct Caller {
    state: AppState,
    user: SignedIn,
    now: OffsetDateTime,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = LoginRequired;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Resolved once per request, by the menu middleware (`with_menu`).
        if let Some(caller) = parts.extensions.get::<Caller>() {
            return Ok(caller.clone());
        }
        let user = SignedIn::from_request_parts(parts, state).await?;
        Ok(Caller {
            state: state.clone(),
            user,
            now: state.now(),
        })
    }
}

impl Caller {
    /// The context of every use case of this request: the user's instansi,
    /// their NIP for the change log, the time of the request, the rules of
    /// the day.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx::new(
            self.state.db(),
            self.user.actor.instansi,
            self.user.actor.nip.as_str(),
            self.now,
            self.state.rules(),
        )
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn user(&self) -> &SignedIn {
        &self.user
    }

    pub fn actor(&self) -> &Actor {
        &self.user.actor
    }

    pub fn instansi(&self) -> InstansiId {
        self.user.actor.instansi
    }

    pub fn rules(&self) -> &RuleSet {
        self.state.rules()
    }

    pub fn may(&self, action: Action, target: Target<'_>) -> bool {
        self.user.may(action, target)
    }

    /// Whether the user may do `action` across the whole instansi.
    pub fn may_instansi(&self, action: Action) -> bool {
        self.may(action, Target::Instansi(self.instansi()))
    }

    /// [`SignedIn::may_see_any`].
    pub fn may_see_any(&self, action: Action) -> bool {
        self.user.may_see_any(action)
    }

    /// Whether the user's role is shown `view`.
    pub fn sees(&self, view: View) -> bool {
        self.user.sees(view)
    }

    /// The instansi, or `unit` and its sub-units when given.
    pub fn target<'a>(&self, unit: Option<&'a str>) -> Target<'a> {
        let instansi = self.instansi();
        unit.map_or(Target::Instansi(instansi), |unit| Target::Unit {
            instansi,
            unit,
        })
    }

    /// 404 unless the user may do `action` across the instansi.
    pub fn require(&self, action: Action) -> Result<(), WebError> {
        if self.may_instansi(action) {
            Ok(())
        } else {
            Err(WebError::NotFound)
        }
    }

    /// The employee `nip`, if the user may do `action` to them. Answers 404
    /// for an unknown NIP and for one out of the user's scope alike.
    pub async fn person(&self, nip: &Nip, action: Action) -> Result<Pegawai, WebError> {
        let pegawai = employee(&self.ctx(), nip)
            .await?
            .ok_or(WebError::NotFound)?;
        let target = Target::Person {
            instansi: self.instansi(),
            nip: *nip,
            unit: &pegawai.opd,
        };
        if !self.may(action, target) {
            return Err(WebError::NotFound);
        }
        Ok(pegawai)
    }

    /// The unit a page is scoped to (`None`: the whole instansi; an empty
    /// one counts as absent), once the user may do `action` there and the
    /// unit exists; not found otherwise, so a page does not tell which
    /// units exist.
    pub async fn unit(
        &self,
        opd: Option<&str>,
        action: Action,
    ) -> Result<Option<String>, WebError> {
        let opd = opd.filter(|o| !o.is_empty());
        if !self.may(action, self.target(opd)) {
            return Err(WebError::NotFound);
        }
        if let Some(unit) = opd
            && !units::exists(&self.ctx(), unit).await?
        {
            return Err(WebError::NotFound);
        }
        Ok(opd.map(str::to_owned))
    }

    /// The unit an OPD admin administers, if their account names one and
    /// they may do `action` there.
    pub async fn own_unit(&self, action: Action) -> Result<Option<String>, WebError> {
        if !self.sees(View::OwnUnit) {
            return Ok(None);
        }
        let instansi = self.instansi();
        let account = account(self.state.db(), instansi, &self.actor().nip).await?;
        Ok(account
            .and_then(|a| a.opd)
            .filter(|unit| self.may(action, Target::Unit { instansi, unit })))
    }

    /// The disclosure rule for the user's view of the counts of `target`:
    /// none for whoever may list the people behind them; `[privasi]` for
    /// the rest (`pengawas`), who see counts but no person, so that a
    /// small count names no one ([`talenta_domain::privasi`]).
    pub fn privasi(&self, target: Target<'_>) -> Option<&Privasi> {
        (!self.may(Action::ListPeople, target)).then_some(&self.rules().privasi)
    }
}
