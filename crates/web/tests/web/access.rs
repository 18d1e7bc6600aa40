//! The access-control matrix: every route that takes an id, for every role,
//! on a target in and out of the role's scope. Out of scope answers 404
//! with neither the target's name nor its NIP in the body, exactly as an
//! id that does not exist.
//!
//! Adding a route is one line in [`ROUTES`] (or [`PAGES`] for a page
//! without an id); a route with a new kind of scope adds a grid to
//! [`expected`].

use crate::app::{MISSING_NIP, OPD, OPD_LAIN, Person, TestApp, Who};
use crate::client::{Client, Page};
use crate::on_both_engines;

on_both_engines!(
    every_role_sees_exactly_its_scope,
    every_role_acts_exactly_in_its_scope,
    lists_hold_only_the_people_in_scope,
    pages_a_role_may_not_use_do_not_exist_for_it,
    anonymous_visitors_are_sent_to_login,
);

/// How a route decides who may see it; each scope has its own targets
/// (the columns of its grid in [`expected`]).
#[derive(Debug, Clone, Copy)]
enum Scope {
    /// One person's data (`Action::ReadProfile`).
    Person,
    /// One person's uploaded documents (`Action::ReadDocuments`).
    Documents,
    /// A unit's counts (`Action::ReadAggregates` on a unit).
    UnitAggregates,
    /// The people of a unit (`Action::ListPeople` on a unit).
    UnitList,
    /// One's own profile (`Action::EditOwnProfile`).
    OwnEdit,
    /// A person's pending documents and changes (`Action::Verify`).
    Verify,
    /// A person's development plan (`Action::PlanDevelopment`).
    Plan,
    /// A unit's evaluation of officeholders (`Action::ReadEvaluation`).
    UnitEvaluation,
}

/// The routes with an id, `{id}` standing for the target's (and `{sha}`
/// and `{usulan}` for the document and proposal every person gets in
/// [`with_pending`]).
const ROUTES: &[(&str, Scope)] = &[
    ("/pegawai/{id}", Scope::Person),
    ("/pegawai/{id}/dokumen/{sha}", Scope::Documents),
    ("/dasbor/opd/{id}", Scope::UnitAggregates),
    ("/pegawai?opd={id}", Scope::UnitList),
    ("/pegawai?opd={id}&format=xlsx", Scope::UnitList),
    ("/peta?opd={id}", Scope::UnitList),
    ("/peta?opd={id}&kotak=9", Scope::UnitList),
    ("/peta?opd={id}&format=xlsx", Scope::UnitList),
    ("/talenta/2026-S1/retensi?opd={id}", Scope::UnitList),
    ("/talenta/2026-S1/evaluasi?opd={id}", Scope::UnitEvaluation),
    // The one mapped period against itself: a period without a map is
    // not found.
    (
        "/talenta/perpindahan?dari=2026-S1&ke=2026-S1&opd={id}",
        Scope::UnitAggregates,
    ),
    ("/pegawai/{id}/idp", Scope::Person),
    ("/pegawai/{id}/idp/ubah?jabatan={jabatan}", Scope::Plan),
];

type Fields = &'static [(&'static str, &'static str)];

/// The forms with an id, posted with the session's CSRF token. In scope
/// they redirect (303, counted as allowed).
const ACTIONS: &[(&str, Scope, Fields)] = &[
    (
        "/pegawai/{id}/branding",
        Scope::OwnEdit,
        &[("pernyataan", "uji")],
    ),
    (
        "/pegawai/{id}/branding/item",
        Scope::OwnEdit,
        &[("jenis", "prestasi"), ("judul", "uji")],
    ),
    (
        "/pegawai/{id}/usulan",
        Scope::OwnEdit,
        &[("kolom", "tempat_lahir"), ("nilai", "Kota Matriks")],
    ),
    (
        "/verifikasi/dokumen/{id}/{sha}",
        Scope::Verify,
        &[("keputusan", "tolak"), ("alasan", "uji matriks")],
    ),
    (
        "/verifikasi/usulan/{usulan}",
        Scope::Verify,
        &[("keputusan", "tolak"), ("alasan", "uji matriks")],
    ),
    // After the item above was added: every own profile has item 1.
    ("/pegawai/{id}/branding/item/1/hapus", Scope::OwnEdit, &[]),
    // An empty plan: saved as none.
    (
        "/pegawai/{id}/idp",
        Scope::Plan,
        &[("jabatan", "{jabatan}"), ("aksi", "simpan")],
    ),
];

/// What a route's id points at, from the actor's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The actor themself.
    Own,
    /// An employee of [`crate::app::OPD`] (the OPD admin's, not the
    /// second admin's).
    Colleague,
    /// An employee of [`crate::app::OPD_LAIN`].
    Outsider,
    /// A NIP nobody has.
    MissingNip,
    /// [`crate::app::OPD`], the OPD admin's unit.
    Opd,
    /// [`crate::app::OPD_LAIN`], the second admin's unit.
    OpdLain,
    /// A unit code no unit has.
    MissingOpd,
}

/// 200 (or 303 for an action that redirects) in scope; 404 out of it.
const OK: u16 = 200;
const NO: u16 = 404;

/// The targets of a scope (columns) and the expected status for each role
/// (rows).
fn expected(scope: Scope) -> (&'static [Target], [(Who, &'static [u16]); 7]) {
    use Target::*;
    match scope {
        Scope::Person => (
            &[Own, Colleague, Outsider, MissingNip],
            [
                (Who::Pegawai, &[OK, NO, NO, NO]),
                (Who::AdminOpd, &[OK, OK, NO, NO]),
                (Who::AdminOpdLain, &[OK, NO, OK, NO]),
                (Who::AdminBkpsdm, &[OK, OK, OK, NO]),
                (Who::TimPenilai, &[OK, OK, OK, NO]),
                (Who::Pimpinan, &[OK, OK, OK, NO]),
                // Oversight sees no person, but may open its own
                // account's profile like anyone.
                (Who::Pengawas, &[OK, NO, NO, NO]),
            ],
        ),
        // The person and the admins who keep the records; never those
        // who assess or decide on talent (data minimisation).
        Scope::Documents => (
            &[Own, Colleague, Outsider, MissingNip],
            [
                (Who::Pegawai, &[OK, NO, NO, NO]),
                (Who::AdminOpd, &[OK, OK, NO, NO]),
                (Who::AdminOpdLain, &[OK, NO, OK, NO]),
                (Who::AdminBkpsdm, &[OK, OK, OK, NO]),
                (Who::TimPenilai, &[OK, NO, NO, NO]),
                (Who::Pimpinan, &[OK, NO, NO, NO]),
                (Who::Pengawas, &[OK, NO, NO, NO]),
            ],
        ),
        Scope::UnitAggregates => (
            &[Opd, OpdLain, MissingOpd],
            [
                (Who::Pegawai, &[NO, NO, NO]),
                (Who::AdminOpd, &[OK, NO, NO]),
                (Who::AdminOpdLain, &[NO, OK, NO]),
                (Who::AdminBkpsdm, &[OK, OK, NO]),
                (Who::TimPenilai, &[OK, OK, NO]),
                (Who::Pimpinan, &[OK, OK, NO]),
                (Who::Pengawas, &[OK, OK, NO]),
            ],
        ),
        Scope::UnitList => (
            &[Opd, OpdLain, MissingOpd],
            [
                (Who::Pegawai, &[NO, NO, NO]),
                (Who::AdminOpd, &[OK, NO, NO]),
                (Who::AdminOpdLain, &[NO, OK, NO]),
                (Who::AdminBkpsdm, &[OK, OK, NO]),
                (Who::TimPenilai, &[OK, OK, NO]),
                (Who::Pimpinan, &[OK, OK, NO]),
                // Oversight sees counts, never a list of people.
                (Who::Pengawas, &[NO, NO, NO]),
            ],
        ),
        Scope::OwnEdit => (
            &[Own, Colleague, Outsider, MissingNip],
            [
                (Who::Pegawai, &[OK, NO, NO, NO]),
                (Who::AdminOpd, &[OK, NO, NO, NO]),
                (Who::AdminOpdLain, &[OK, NO, NO, NO]),
                (Who::AdminBkpsdm, &[OK, NO, NO, NO]),
                (Who::TimPenilai, &[OK, NO, NO, NO]),
                (Who::Pimpinan, &[OK, NO, NO, NO]),
                (Who::Pengawas, &[OK, NO, NO, NO]),
            ],
        ),
        // Nobody verifies their own file.
        Scope::Verify => (
            &[Own, Colleague, Outsider, MissingNip],
            [
                (Who::Pegawai, &[NO, NO, NO, NO]),
                (Who::AdminOpd, &[NO, OK, NO, NO]),
                (Who::AdminOpdLain, &[NO, NO, OK, NO]),
                (Who::AdminBkpsdm, &[NO, OK, OK, NO]),
                (Who::TimPenilai, &[NO, NO, NO, NO]),
                (Who::Pimpinan, &[NO, NO, NO, NO]),
                (Who::Pengawas, &[NO, NO, NO, NO]),
            ],
        ),
        // The committee and the admins who keep the records, never on
        // their own plan; the PPK and the employee only read.
        Scope::Plan => (
            &[Own, Colleague, Outsider, MissingNip],
            [
                (Who::Pegawai, &[NO, NO, NO, NO]),
                (Who::AdminOpd, &[NO, OK, NO, NO]),
                (Who::AdminOpdLain, &[NO, NO, OK, NO]),
                (Who::AdminBkpsdm, &[NO, OK, OK, NO]),
                (Who::TimPenilai, &[NO, OK, OK, NO]),
                (Who::Pimpinan, &[NO, NO, NO, NO]),
                (Who::Pengawas, &[NO, NO, NO, NO]),
            ],
        ),
        // The BKPSDM, the committee and the PPK; never an OPD's admin,
        // even for their own unit.
        Scope::UnitEvaluation => (
            &[Opd, OpdLain, MissingOpd],
            [
                (Who::Pegawai, &[NO, NO, NO]),
                (Who::AdminOpd, &[NO, NO, NO]),
                (Who::AdminOpdLain, &[NO, NO, NO]),
                (Who::AdminBkpsdm, &[OK, OK, NO]),
                (Who::TimPenilai, &[OK, OK, NO]),
                (Who::Pimpinan, &[OK, OK, NO]),
                (Who::Pengawas, &[NO, NO, NO]),
            ],
        ),
    }
}

/// Pages without an id, and the status each role gets, in the order of
/// [`Who::ROLES`] (pegawai, admin_opd, admin_opd_lain, admin_bkpsdm,
/// tim_penilai, pimpinan, pengawas).
const PAGES: &[(&str, [u16; 7])] = &[
    ("/akun/sandi", [OK, OK, OK, OK, OK, OK, OK]),
    // An OPD admin is sent on to their unit's dashboard.
    ("/dasbor", [NO, 303, 303, OK, OK, OK, OK]),
    ("/pegawai", [NO, OK, OK, OK, OK, OK, NO]),
    ("/pegawai?format=xlsx", [NO, OK, OK, OK, OK, OK, NO]),
    ("/peta", [NO, OK, OK, OK, OK, OK, NO]),
    ("/peta?kotak=5", [NO, OK, OK, OK, OK, OK, NO]),
    ("/verifikasi", [NO, OK, OK, OK, NO, NO, NO]),
    // The talent cycle: counts for oversight, names for those who list people.
    ("/talenta", [NO, NO, NO, OK, OK, OK, OK]),
    (
        "/talenta/perpindahan?dari=2026-S1&ke=2026-S1",
        [NO, NO, NO, OK, OK, OK, OK],
    ),
    ("/talenta/2026-S1/kalibrasi", [NO, NO, NO, OK, OK, OK, NO]),
    ("/talenta/2026-S1/kelompok", [NO, NO, NO, OK, OK, OK, NO]),
    ("/talenta/2026-S1/retensi", [NO, NO, NO, OK, OK, OK, NO]),
    ("/talenta/2026-S1/evaluasi", [NO, NO, NO, OK, OK, OK, NO]),
    ("/jabatan", [NO, NO, NO, OK, OK, OK, NO]),
];

/// A target as a path's id, and what a 404 about it must not show.
struct Resolved {
    id: String,
    secrets: Vec<String>,
}

fn resolve(app: &TestApp, who: Who, target: Target) -> Resolved {
    let person = |p: &Person| Resolved {
        id: p.nip.clone(),
        secrets: [nip_forms(&p.nip).to_vec(), vec![p.nama.clone()]].concat(),
    };
    match target {
        Target::Own => person(app.people.of(who)),
        Target::Colleague => person(&app.people.colleague),
        Target::Outsider => person(&app.people.outsider),
        Target::MissingNip => Resolved {
            id: MISSING_NIP.to_owned(),
            secrets: nip_forms(MISSING_NIP).to_vec(),
        },
        // A unit's 404 must not show its people either.
        Target::Opd => Resolved {
            id: OPD.to_owned(),
            ..person(&app.people.colleague)
        },
        Target::OpdLain => Resolved {
            id: OPD_LAIN.to_owned(),
            ..person(&app.people.outsider)
        },
        Target::MissingOpd => Resolved {
            id: "TIDAK-ADA".to_owned(),
            secrets: Vec::new(),
        },
    }
}

/// A NIP as stored and as pages print it (`19850101 201001 1 001`).
fn nip_forms(nip: &str) -> [String; 2] {
    let spaced = if nip.len() == 18 {
        format!(
            "{} {} {} {}",
            &nip[..8],
            &nip[8..14],
            &nip[14..15],
            &nip[15..]
        )
    } else {
        nip.to_owned()
    };
    [nip.to_owned(), spaced]
}

async fn every_role_sees_exactly_its_scope(app: TestApp) {
    let pending = with_pending(&app).await;
    let mut failures = Vec::new();
    for (who, client) in signed_in_all(&app).await {
        for &(template, scope) in ROUTES {
            for (path, want, secrets) in cases(&app, who, template, scope, &pending) {
                let page = client.get(&path).await;
                check(
                    &mut failures,
                    format!("{who:?} GET {path}"),
                    &page,
                    want,
                    &secrets,
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "[{}] access matrix:\n{}",
        app.engine,
        failures.join("\n")
    );
}

async fn every_role_acts_exactly_in_its_scope(app: TestApp) {
    let pending = with_pending(&app).await;
    let mut failures = Vec::new();
    for (who, client) in signed_in_all(&app).await {
        for &(template, scope, fields) in ACTIONS {
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|&(name, value)| {
                    let value = if value == "{jabatan}" {
                        pending.jabatan.as_str()
                    } else {
                        value
                    };
                    (name, value)
                })
                .collect();
            for (path, want, secrets) in cases(&app, who, template, scope, &pending) {
                let page = client.submit("/akun/sandi", &path, &fields).await;
                check(
                    &mut failures,
                    format!("{who:?} POST {path}"),
                    &page,
                    want,
                    &secrets,
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "[{}] access matrix of forms:\n{}",
        app.engine,
        failures.join("\n")
    );
}

/// The paths of a route for `who`, each with the expected status and what
/// a 404 must not show.
fn cases(
    app: &TestApp,
    who: Who,
    template: &str,
    scope: Scope,
    pending: &Pending,
) -> Vec<(String, u16, Vec<String>)> {
    let (targets, grid) = expected(scope);
    let (_, row) = grid.iter().find(|(w, _)| *w == who).unwrap();
    assert_eq!(targets.len(), row.len(), "{template}: grid of {who:?}");
    targets
        .iter()
        .zip(row.iter())
        .map(|(&target, &want)| {
            let resolved = resolve(app, who, target);
            // A person with no proposal stands for a number nobody has.
            let usulan = pending.usulan.get(&resolved.id).copied().unwrap_or(999_999);
            let path = template
                .replace("{id}", &resolved.id)
                .replace("{sha}", &pending.sha)
                .replace("{usulan}", &usulan.to_string())
                .replace("{jabatan}", &pending.jabatan);
            (path, want, resolved.secrets)
        })
        .collect()
}

fn check(failures: &mut Vec<String>, line: String, page: &Page, want: u16, secrets: &[String]) {
    if page.status != want && !(want == OK && page.status == 303) {
        failures.push(format!("{line}: {} instead of {want}", page.status));
        return;
    }
    if want == NO {
        // The menu above names the signed-in user and links their own
        // profile (an error page keeps it): what a 404 must not show is in
        // the page itself.
        let shown = page
            .body
            .split_once("<main")
            .map_or(page.body.as_str(), |(_, main)| main);
        for secret in secrets.iter().filter(|s| shown.contains(*s)) {
            failures.push(format!("{line}: the 404 shows {secret:?}"));
        }
    }
}

/// What every fixture person has waiting for verification.
struct Pending {
    /// The hash of the document all of them have.
    sha: String,
    /// The number of each one's proposal, by NIP.
    usulan: std::collections::HashMap<String, i64>,
    /// A key position with a competency standard, to plan towards.
    jabatan: String,
}

/// Gives every fixture person the same pending document and a pending
/// proposal, so the verification routes have a target for every person.
async fn with_pending(app: &TestApp) -> Pending {
    let pdf = talenta_generate::documents::placeholder_pdf("SK matriks");
    let sha = talenta_web::auth::sha256_hex(&pdf);
    let p = &app.people;
    let people = [
        &p.pegawai,
        &p.admin_opd,
        &p.admin_opd_lain,
        &p.admin_bkpsdm,
        &p.tim_penilai,
        &p.pimpinan,
        &p.pengawas,
        &p.colleague,
        &p.outsider,
    ];
    let filed: Vec<talenta_storage::Filed<'_>> = people
        .iter()
        .map(|person| talenta_storage::Filed {
            nip: person.id(),
            jenis: "sk_cpns",
            nama_file: "matriks.pdf",
            sha256: &sha,
            ukuran: i64::try_from(pdf.len()).unwrap(),
            verified: false,
        })
        .collect();
    app.db
        .load_documents(
            app.instansi,
            &[(sha.as_str(), "application/pdf", pdf.as_slice())],
            &filed,
            "uji",
            crate::app::START,
        )
        .await
        .unwrap();
    let mut usulan = std::collections::HashMap::new();
    for person in people {
        let nomor = app
            .db
            .propose(
                app.instansi,
                &person.id(),
                talenta_domain::usulan::Kolom::GelarBelakang,
                None,
                "M.Si.",
                crate::app::START.unix_timestamp(),
            )
            .await
            .unwrap();
        usulan.insert(person.nip.clone(), nomor);
    }
    let jabatan = crate::app::key_position(app).await;
    Pending {
        sha,
        usulan,
        jabatan,
    }
}

/// Searching a list for someone out of scope finds nothing, for someone in
/// scope lists them (by NIP, or among the namesakes a name search finds).
async fn lists_hold_only_the_people_in_scope(app: TestApp) {
    let cases = [
        (Who::AdminOpd, &app.people.colleague, true),
        (Who::AdminOpd, &app.people.outsider, false),
        (Who::AdminOpdLain, &app.people.outsider, true),
        (Who::AdminOpdLain, &app.people.colleague, false),
        (Who::AdminBkpsdm, &app.people.outsider, true),
    ];
    for (who, person, found) in cases {
        let client = app.signed_in(who).await;
        for list in ["/pegawai", "/peta"] {
            for q in [person.nip.as_str(), person.nama.as_str()] {
                let path = format!("{list}?q={}", encode(q));
                let page = client.get(&path).await;
                assert_eq!(page.status, 200, "[{}] {who:?} GET {path}", app.engine);
                // Listed: a row links to the profile (the search box
                // shows the NIP searched for either way).
                let shown = page
                    .body
                    .contains(&format!("href=\"/pegawai/{}\"", person.nip));
                assert_eq!(
                    shown, found,
                    "[{}] {who:?} GET {path}: {} found",
                    app.engine, person.nip
                );
            }
        }
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn pages_a_role_may_not_use_do_not_exist_for_it(app: TestApp) {
    let mut failures = Vec::new();
    let clients = signed_in_all(&app).await;
    for &(path, statuses) in PAGES {
        for ((who, client), want) in clients.iter().zip(statuses) {
            let page = client.get(path).await;
            if page.status != want {
                failures.push(format!(
                    "{who:?} GET {path}: {} instead of {want}",
                    page.status
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "[{}] pages by role:\n{}",
        app.engine,
        failures.join("\n")
    );
}

async fn anonymous_visitors_are_sent_to_login(app: TestApp) {
    let visitor = app.client();
    // Every route at a target some role may see, and every page.
    let ids = ROUTES.iter().map(|&(template, scope)| {
        let (targets, _) = expected(scope);
        let resolved = resolve(&app, Who::AdminBkpsdm, targets[0]);
        let path = template
            .replace("{id}", &resolved.id)
            .replace("{sha}", &"0".repeat(64))
            .replace("{usulan}", "1")
            .replace("{jabatan}", "X");
        (path, resolved.secrets)
    });
    let pages = PAGES
        .iter()
        .map(|(path, _)| ((*path).to_owned(), Vec::new()));
    for (path, secrets) in ids.chain(pages) {
        let page = visitor.get(&path).await;
        assert_eq!(page.status, 303, "[{}] GET {path}", app.engine);
        assert!(
            page.location().starts_with("/masuk?lanjut="),
            "[{}] GET {path} goes to {}",
            app.engine,
            page.location()
        );
        assert!(
            secrets.iter().all(|s| !page.body.contains(s)),
            "[{}] GET {path} shows data to a visitor",
            app.engine
        );
    }
}

/// A signed-in client per role, in the order of [`Who::ROLES`].
async fn signed_in_all(app: &TestApp) -> Vec<(Who, Client)> {
    let mut clients = Vec::new();
    for who in Who::ROLES {
        clients.push((who, app.signed_in(who).await));
    }
    clients
}
