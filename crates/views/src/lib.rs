//! # talenta-views
//!
//! The pages of the web application as askama templates (`templates/`, in
//! Bahasa Indonesia) and the view models they render: plain strings and
//! numbers, already formatted. Handlers in `talenta-web` fill them; this
//! crate knows no HTTP and no SQL, so an edit to a handler does not re-run
//! template code generation (askama re-generates every template of a crate
//! it compiles).
//!
//! Every value is escaped as HTML unless a template says otherwise; the
//! only unescaped output is SVG this workspace draws (`charts`).

pub mod charts;
pub mod pages;

pub use askama::{Error as RenderError, Template};

/// What every page shows around its content: the signed-in user's bar and
/// menu, the CSRF token forms and htmx requests carry, and one-time messages.
#[derive(Debug, Clone, Default)]
pub struct Chrome {
    pub user: Option<UserBar>,
    pub csrf: String,
    pub flashes: Vec<Flash>,
}

/// The signed-in user, as the page header shows them.
#[derive(Debug, Clone)]
pub struct UserBar {
    pub nama: String,
    pub role: &'static str,
    pub links: Vec<Link>,
}

/// A menu entry.
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub label: &'static str,
    pub active: bool,
}

/// A one-time message at the top of a page.
#[derive(Debug, Clone)]
pub struct Flash {
    /// `sukses` or `galat` (a CSS class).
    pub kind: &'static str,
    pub text: String,
}

impl Flash {
    pub fn success(text: impl Into<String>) -> Flash {
        Flash {
            kind: "sukses",
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Flash {
        Flash {
            kind: "galat",
            text: text.into(),
        }
    }
}

/// A table of a page: a caption, column headings and rows of text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// Shown instead of the table when there are no rows.
    pub empty: &'static str,
}
