//! The pages, one module per area. Each module's `routes()` is merged here.

mod account;
mod cycle;
mod dashboard;
mod development;
mod evaluation;
mod lists;
mod login;
mod movement;
mod pools;
mod profile;
mod retention;
mod self_service;
mod setup;
mod succession;
mod verification;

use axum::Router;
use talenta_app::accounts::account;
use talenta_domain::InstansiId;
use talenta_domain::access::{Action, Target, View};
use talenta_views::pages::Pilihan;
use talenta_views::{Chrome, Flash, Link, UserBar};

use crate::AppState;
use crate::error::WebError;
use crate::session::{CsrfToken, SignedIn};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .merge(login::routes())
        .merge(setup::routes())
        .merge(account::routes())
        .merge(profile::routes())
        .merge(dashboard::routes())
        .merge(lists::routes())
        .merge(self_service::routes())
        .merge(cycle::routes())
        .merge(movement::routes())
        .merge(pools::routes())
        .merge(retention::routes())
        .merge(succession::routes())
        .merge(development::routes())
        .merge(evaluation::routes())
        .merge(verification::routes())
}

/// The frame of a page for a visitor who is not signed in.
pub(crate) fn anonymous(csrf: &CsrfToken) -> Chrome {
    Chrome {
        user: None,
        csrf: csrf.0.clone(),
        flashes: Vec::new(),
    }
}

/// The frame of a page for `user`, with the menu entries their role may
/// use; `here` is the current path, marked in the menu.
pub(crate) fn chrome(user: &SignedIn, here: &str) -> Chrome {
    let mut links = Vec::new();
    let mut add = |href: String, label: &'static str| {
        let active = here == href || (href != "/" && here.starts_with(&format!("{href}/")));
        links.push(Link {
            href,
            label,
            active,
        });
    };
    if user.may_see_any(Action::ReadAggregates) {
        add("/dasbor".into(), "Dasbor");
    }
    if user.may_see_any(Action::ListPeople) {
        add("/pegawai".into(), "Pegawai");
    }
    if user.may_see_any(Action::Verify) {
        add("/verifikasi".into(), "Verifikasi");
    }
    if user.may(
        Action::ReadAggregates,
        Target::Instansi(user.actor.instansi),
    ) {
        add("/talenta".into(), "Siklus talenta");
    }
    if user.sees(View::OwnProfile) {
        add(format!("/pegawai/{}", user.actor.nip), "Profil saya");
    }
    add("/akun/sandi".into(), "Kata sandi");
    Chrome {
        user: Some(UserBar {
            nama: user.nama.clone(),
            role: user.role().label(),
            links,
        }),
        csrf: user.csrf.clone(),
        flashes: Vec::new(),
    }
}

/// [`chrome`] with a message on top.
pub(crate) fn chrome_with(user: &SignedIn, here: &str, flash: Option<Flash>) -> Chrome {
    let mut chrome = chrome(user, here);
    chrome.flashes.extend(flash);
    chrome
}

/// The `?ok=CODE` a form's redirect adds, so the page it lands on can say
/// what was done. Only codes of the page's own list become a message:
/// never text from the URL.
#[derive(serde::Deserialize)]
pub(crate) struct Done {
    ok: Option<String>,
}

impl Done {
    pub(crate) fn flash(self, messages: &[(&str, &'static str)]) -> Option<Flash> {
        let code = self.ok?;
        messages
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, text)| Flash::success(*text))
    }
}

/// A filter's choices: `all` first when given (the empty value, chosen
/// when nothing is), then each `(value, label)`; the one whose value is
/// `chosen` is selected.
pub(crate) fn choices(
    all: Option<&str>,
    items: impl IntoIterator<Item = (String, String)>,
    chosen: Option<&str>,
) -> Vec<Pilihan> {
    let all = all.map(|label| Pilihan {
        value: String::new(),
        label: label.to_owned(),
        selected: chosen.is_none(),
    });
    all.into_iter()
        .chain(items.into_iter().map(|(value, label)| Pilihan {
            selected: chosen == Some(value.as_str()),
            value,
            label,
        }))
        .collect()
}

/// The unit an OPD admin administers, if their account names one and they
/// may do `action` there.
pub(crate) async fn own_unit(
    state: &AppState,
    user: &SignedIn,
    action: Action,
) -> Result<Option<String>, WebError> {
    if !user.sees(View::OwnUnit) {
        return Ok(None);
    }
    let instansi = user.actor.instansi;
    let account = account(state.db(), InstansiId(instansi), &user.actor.nip).await?;
    Ok(account
        .and_then(|a| a.opd)
        .filter(|unit| user.may(action, Target::Unit { instansi, unit })))
}

/// The disclosure rule for `user`'s view of the counts of `target`: none
/// for whoever may list the people behind them; `[privasi]` for the rest
/// (`pengawas`), who see counts but no person, so that a small count names
/// no one ([`talenta_domain::privasi`]).
pub(crate) fn privasi<'a>(
    state: &'a AppState,
    user: &SignedIn,
    target: Target<'_>,
) -> Option<&'a talenta_domain::privasi::Privasi> {
    (!user.may(Action::ListPeople, target)).then_some(&state.rules().privasi)
}

/// What the mark of a hidden count means, under `rule`.
pub(crate) fn privasi_note(rule: &talenta_domain::privasi::Privasi) -> String {
    let min = rule.min_cell;
    format!(
        "Tanda {}: jumlah disembunyikan untuk melindungi data perorangan, karena kurang dari {min} \
         pegawai atau karena dapat dipakai untuk menghitung jumlah yang kurang dari {min}.",
        talenta_views::charts::TERSEMBUNYI
    )
}
