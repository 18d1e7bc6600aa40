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
use axum::http::StatusCode;
use talenta_domain::Nip;
use talenta_domain::access::{Action, View};
use talenta_views::pages::{LinkRow, Pilihan};
use talenta_views::{Chrome, Flash, Link, UserBar};

use crate::AppState;
use crate::caller::Caller;
use crate::session::CsrfToken;

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

/// The frame of a page for the caller, with the menu entries their role
/// may use; `here` is the current path, marked in the menu.
pub(crate) fn chrome(caller: &Caller, here: &str) -> Chrome {
    let mut links = Vec::new();
    let mut add = |href: String, label: &'static str| {
        let active = here == href || (href != "/" && here.starts_with(&format!("{href}/")));
        links.push(Link {
            href,
            label,
            active,
        });
    };
    if caller.may_see_any(Action::ReadAggregates) {
        add("/dasbor".into(), "Dasbor");
    }
    if caller.may_see_any(Action::ListPeople) {
        add("/pegawai".into(), "Pegawai");
    }
    if caller.may_see_any(Action::Verify) {
        add("/verifikasi".into(), "Verifikasi");
    }
    if caller.may_instansi(Action::ReadAggregates) {
        add("/talenta".into(), "Siklus talenta");
    }
    if caller.sees(View::OwnProfile) {
        add(
            format!("/pegawai/{}", caller.actor().nip.as_str()),
            "Profil saya",
        );
    }
    add("/akun/sandi".into(), "Kata sandi");
    let user = caller.user();
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
pub(crate) fn chrome_with(caller: &Caller, here: &str, flash: Option<Flash>) -> Chrome {
    let mut chrome = chrome(caller, here);
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
    /// The page as asked for, with the message of its code among
    /// `messages`, if any.
    pub(crate) fn outcome(self, messages: &[(&str, &'static str)]) -> Outcome {
        let flash = self.ok.and_then(|code| {
            messages
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, text)| Flash::success(*text))
        });
        Outcome {
            flash,
            status: StatusCode::OK,
        }
    }
}

/// What a page that forms land on says on top, and the status it answers
/// with: what was done (200), or why a form was refused (422 or, where
/// waiting helps, another).
pub(crate) struct Outcome {
    pub(crate) flash: Option<Flash>,
    pub(crate) status: StatusCode,
}

impl Outcome {
    /// The page again with why a form was refused, answered `status`.
    pub(crate) fn refused_as(message: String, status: StatusCode) -> Outcome {
        Outcome {
            flash: Some(Flash::error(message)),
            status,
        }
    }

    /// The page again with why a form was refused (422).
    pub(crate) fn refused(message: String) -> Outcome {
        Outcome::refused_as(message, StatusCode::UNPROCESSABLE_ENTITY)
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

/// A person's row in a table of people: linking to their profile, their
/// name and NIP, then `more`.
pub(crate) fn person_row(nip: &Nip, nama: &str, more: impl IntoIterator<Item = String>) -> LinkRow {
    LinkRow {
        href: Some(format!("/pegawai/{}", nip.as_str())),
        cells: [nama.to_owned(), nip.as_str().to_owned()]
            .into_iter()
            .chain(more)
            .collect(),
    }
}

/// [`person_row`] with the person's rank in front.
pub(crate) fn ranked_row(
    rank: impl ToString,
    nip: &Nip,
    nama: &str,
    more: impl IntoIterator<Item = String>,
) -> LinkRow {
    let mut row = person_row(nip, nama, more);
    row.cells.insert(0, rank.to_string());
    row
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
