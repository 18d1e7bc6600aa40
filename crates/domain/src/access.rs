//! Who may do what to whose data: the one access policy of the web
//! application (issue 5), as a pure function over the actor, the action and
//! the target. Every handler asks [`authorize`] before it reads or writes;
//! a refusal on a target with an id is answered as "not found", so a URL
//! never tells whether the record exists.
//!
//! Roles follow the actors of manajemen talenta (PermenPANRB 3/2020 and the
//! BKPSDM practice in the seed articles):
//!
//! | role            | scope                                   | may                                             |
//! |-----------------|-----------------------------------------|-------------------------------------------------|
//! | `pegawai`       | only their own records                  | read, edit own profile, propose changes, upload |
//! | `admin_opd`     | employees of their OPD (and sub-units)  | read, verify pending changes and documents      |
//! | `admin_bkpsdm`  | the whole instansi                      | read, verify, manage accounts                   |
//! | `tim_penilai`   | talent data of the instansi             | read talent data and profiles; calibrate boxes  |
//! | `pimpinan`      | the whole instansi (PPK)                | read and approve                                |
//! | `pengawas`      | the instansi, aggregates only (DPRD)    | dashboards and decision logs, no person         |
//!
//! Everyone may edit their own account (password) and, when they are an
//! employee, see their own profile. The six-monthly evaluation of
//! officeholders is read by the BKPSDM, the committee and the PPK.
//!
//! What a role is shown, apart from any record (its landing page, its own
//! profile's link, whether its pages are those of one unit), is decided
//! here too, by [`may_see`]: no page compares roles itself.

use crate::nip::Nip;
use crate::personnel::InstansiId;

/// The role of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Pegawai,
    AdminOpd,
    AdminBkpsdm,
    TimPenilai,
    Pimpinan,
    Pengawas,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Pegawai,
        Role::AdminOpd,
        Role::AdminBkpsdm,
        Role::TimPenilai,
        Role::Pimpinan,
        Role::Pengawas,
    ];

    /// The stable code, as stored and printed (`admin_opd`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Pegawai => "pegawai",
            Role::AdminOpd => "admin_opd",
            Role::AdminBkpsdm => "admin_bkpsdm",
            Role::TimPenilai => "tim_penilai",
            Role::Pimpinan => "pimpinan",
            Role::Pengawas => "pengawas",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Role::Pegawai => "Pegawai",
            Role::AdminOpd => "Admin OPD",
            Role::AdminBkpsdm => "Admin BKPSDM",
            Role::TimPenilai => "Tim Penilai Talenta",
            Role::Pimpinan => "Pimpinan (PPK)",
            Role::Pengawas => "Pengawas",
        }
    }
}

display_as!(Role, code);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown role {0:?}: expected pegawai, admin_opd, admin_bkpsdm, tim_penilai, pimpinan or pengawas"
)]
pub struct UnknownRole(pub String);

parse_by_code!(Role, UnknownRole, str::to_owned);

/// The person acting: their account's instansi, login NIP, role and, for an
/// OPD admin, the units they administer (their OPD and its sub-units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub instansi: InstansiId,
    pub nip: Nip,
    pub role: Role,
    /// Unit codes in scope of an `admin_opd` (empty for other roles).
    pub units: Vec<String>,
}

/// What the actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read a person's profile: personal data, career, documents, talent position.
    ReadProfile,
    /// See a person's sensitive attributes (religion, region of origin;
    /// UU 27/2022): only the person and the admins who keep the records,
    /// never those who assess or decide on talent.
    ReadSensitive,
    /// Read a person's uploaded documents (the files, their names and
    /// verification notes): only the person and the admins who keep the
    /// records (data minimisation, UU 27/2022), never those who assess or
    /// decide on talent; they see the checklist's completeness.
    ReadDocuments,
    /// Edit a person's own personal branding, propose data changes, upload documents.
    EditOwnProfile,
    /// Approve or reject a person's pending changes and documents.
    Verify,
    /// See dashboards: counts and percentages, no person named.
    ReadAggregates,
    /// List people (search, nine-box drill-down, exports of lists).
    ListPeople,
    /// Create accounts and reset their passwords.
    ManageAccounts,
    /// Move a person to another box of a period's talent map, with a
    /// reason: the talent committee's decision (PermenPANRB 3/2020).
    Calibrate,
    /// Draft, edit and track a person's individual development plan
    /// (IDP): the committee and the admins who keep the person's records;
    /// the person reads it on their profile but does not set it.
    PlanDevelopment,
    /// See the six-monthly evaluation of officeholders: which holders of
    /// structural positions are listed for evaluation, and why. A matter
    /// for the PPK, the BKPSDM and the talent committee, not for an OPD's
    /// admin.
    ReadEvaluation,
}

impl Action {
    /// Every action, for a policy checked over all of them.
    pub const ALL: [Action; 11] = [
        Action::ReadProfile,
        Action::ReadSensitive,
        Action::ReadDocuments,
        Action::EditOwnProfile,
        Action::Verify,
        Action::ReadAggregates,
        Action::ListPeople,
        Action::ManageAccounts,
        Action::Calibrate,
        Action::PlanDevelopment,
        Action::ReadEvaluation,
    ];
}

/// What the action is done to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// One employee, by instansi, NIP and the unit they work in.
    Person {
        instansi: InstansiId,
        nip: Nip,
        unit: &'a str,
    },
    /// One unit (OPD) of an instansi.
    Unit { instansi: InstansiId, unit: &'a str },
    /// A whole instansi.
    Instansi(InstansiId),
}

impl Target<'_> {
    fn instansi(&self) -> InstansiId {
        match *self {
            Target::Person { instansi, .. }
            | Target::Unit { instansi, .. }
            | Target::Instansi(instansi) => instansi,
        }
    }
}

/// What a role's pages show, whoever the records are of: a decision on
/// the pages themselves rather than an action on a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The dashboards as the page a signed-in user lands on; an employee
    /// who keeps no records lands on their own profile instead.
    DashboardHome,
    /// A link to their own profile: every account of an employee of the
    /// instansi. Oversight accounts (DPRD) need not be employees.
    OwnProfile,
    /// Pages scoped to the unit the account names and its sub-units,
    /// rather than to the whole instansi: an OPD's admin.
    OwnUnit,
}

/// Whether `role` is shown `view`. Pure and total.
pub fn may_see(role: Role, view: View) -> bool {
    match view {
        View::DashboardHome => role != Role::Pegawai,
        View::OwnProfile => role != Role::Pengawas,
        View::OwnUnit => role == Role::AdminOpd,
    }
}

/// Whether `actor` may do `action` to `target`. Pure and total: every
/// (role, action, target) has an answer, and the answer is `false` for any
/// target in another instansi.
pub fn authorize(actor: &Actor, action: Action, target: Target<'_>) -> bool {
    if target.instansi() != actor.instansi {
        return false;
    }
    let own = matches!(target, Target::Person { nip, .. } if nip == actor.nip);
    let in_units = |unit: &str| actor.units.iter().any(|u| u == unit);
    match (actor.role, action) {
        // Anyone who is an employee sees and edits their own profile.
        (
            _,
            Action::ReadProfile
            | Action::EditOwnProfile
            | Action::ReadSensitive
            | Action::ReadDocuments,
        ) if own => true,
        // Nobody verifies their own changes or documents: an admin's own
        // file goes to another admin (or the BKPSDM).
        // Nor plans their own development.
        (_, Action::Verify | Action::Calibrate | Action::PlanDevelopment) if own => false,
        // Only the committee calibrates, on anyone of the instansi.
        (Role::TimPenilai, Action::Calibrate) => true,
        (_, Action::Calibrate) => false,
        (_, Action::EditOwnProfile) => false,
        (Role::Pegawai, _) => false,

        (
            Role::AdminOpd,
            Action::ReadProfile
            | Action::ReadSensitive
            | Action::ReadDocuments
            | Action::Verify
            | Action::ListPeople
            | Action::PlanDevelopment,
        ) => match target {
            Target::Person { unit, .. } | Target::Unit { unit, .. } => in_units(unit),
            Target::Instansi(_) => false,
        },
        (Role::AdminOpd, Action::ReadAggregates) => match target {
            Target::Unit { unit, .. } => in_units(unit),
            Target::Person { .. } | Target::Instansi(_) => false,
        },
        (Role::AdminOpd, Action::ManageAccounts | Action::ReadEvaluation) => false,

        (Role::AdminBkpsdm, _) => true,
        (
            Role::TimPenilai | Role::Pimpinan,
            Action::ReadProfile | Action::ReadAggregates | Action::ListPeople,
        ) => true,
        // The committee plans development; the PPK reads it.
        (Role::TimPenilai, Action::PlanDevelopment) => true,
        (Role::Pimpinan, Action::PlanDevelopment) => false,
        (Role::TimPenilai | Role::Pimpinan, Action::ReadEvaluation) => true,
        (
            Role::TimPenilai | Role::Pimpinan,
            Action::ReadSensitive | Action::ReadDocuments | Action::Verify | Action::ManageAccounts,
        ) => false,

        // Oversight sees aggregates only: never a person, never a list.
        (Role::Pengawas, Action::ReadAggregates) => !matches!(target, Target::Person { .. }),
        (Role::Pengawas, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nip(text: &str) -> Nip {
        Nip::parse(text).unwrap()
    }

    fn actor(role: Role) -> Actor {
        Actor {
            instansi: InstansiId(1),
            nip: nip("199001012015011001"),
            role,
            units: if role == Role::AdminOpd {
                vec!["DINKES".into(), "DINKES.PKM1".into()]
            } else {
                Vec::new()
            },
        }
    }

    /// A person of instansi `instansi` in `unit`.
    fn person(instansi: i64, digits: &str, unit: &'static str) -> Target<'static> {
        Target::Person {
            instansi: InstansiId(instansi),
            nip: nip(digits),
            unit,
        }
    }

    fn own() -> Target<'static> {
        person(1, "199001012015011001", "BAPPEDA")
    }
    fn in_unit() -> Target<'static> {
        person(1, "198505052010012002", "DINKES.PKM1")
    }
    fn in_other_unit() -> Target<'static> {
        person(1, "198505052010012003", "DISDIK")
    }
    fn other_instansi() -> Target<'static> {
        person(2, "198505052010012004", "DINKES")
    }

    /// The policy table, row by row: role, action, target, allowed.
    #[test]
    fn policy_table() {
        use Action::*;
        use Role::*;
        let unit = Target::Unit {
            instansi: InstansiId(1),
            unit: "DINKES",
        };
        let other_unit = Target::Unit {
            instansi: InstansiId(1),
            unit: "DISDIK",
        };
        let instansi = Target::Instansi(InstansiId(1));
        let table: &[(Role, Action, Target<'_>, bool)] = &[
            (Pegawai, ReadProfile, own(), true),
            (Pegawai, EditOwnProfile, own(), true),
            (Pegawai, ReadProfile, in_unit(), false),
            (Pegawai, Verify, own(), false),
            (Pegawai, ReadAggregates, instansi, false),
            (Pegawai, ListPeople, unit, false),
            (AdminOpd, ReadProfile, in_unit(), true),
            (AdminOpd, ReadProfile, in_other_unit(), false),
            (AdminOpd, Verify, in_unit(), true),
            (AdminOpd, Verify, in_other_unit(), false),
            (AdminOpd, EditOwnProfile, in_unit(), false),
            (AdminOpd, ReadAggregates, unit, true),
            (AdminOpd, ReadAggregates, other_unit, false),
            (AdminOpd, ReadAggregates, instansi, false),
            (AdminOpd, ListPeople, unit, true),
            (AdminOpd, ListPeople, instansi, false),
            (AdminOpd, ManageAccounts, instansi, false),
            (AdminBkpsdm, ReadProfile, in_other_unit(), true),
            (AdminBkpsdm, Verify, in_other_unit(), true),
            (AdminBkpsdm, EditOwnProfile, in_other_unit(), false),
            (AdminBkpsdm, ManageAccounts, instansi, true),
            (TimPenilai, ReadProfile, in_other_unit(), true),
            (TimPenilai, ListPeople, instansi, true),
            (TimPenilai, Verify, in_other_unit(), false),
            (TimPenilai, ReadSensitive, in_other_unit(), false),
            (Pimpinan, ReadSensitive, in_unit(), false),
            (AdminOpd, ReadSensitive, in_unit(), true),
            (AdminOpd, ReadSensitive, in_other_unit(), false),
            (AdminBkpsdm, ReadSensitive, in_other_unit(), true),
            (Pegawai, ReadSensitive, own(), true),
            (Pengawas, ReadSensitive, in_unit(), false),
            (Pimpinan, ReadProfile, in_unit(), true),
            (Pimpinan, ReadAggregates, instansi, true),
            (Pimpinan, Verify, in_unit(), false),
            (Pengawas, ReadAggregates, instansi, true),
            (Pengawas, ReadAggregates, unit, true),
            (Pengawas, ReadProfile, in_unit(), false),
            (Pengawas, ListPeople, instansi, false),
            (Pengawas, ReadAggregates, in_unit(), false),
            (Pengawas, Verify, in_unit(), false),
            (Pegawai, PlanDevelopment, own(), false),
            (AdminOpd, PlanDevelopment, in_unit(), true),
            (AdminOpd, PlanDevelopment, in_other_unit(), false),
            (AdminBkpsdm, PlanDevelopment, in_other_unit(), true),
            (AdminBkpsdm, PlanDevelopment, own(), false),
            (TimPenilai, PlanDevelopment, in_other_unit(), true),
            (TimPenilai, PlanDevelopment, own(), false),
            (Pimpinan, PlanDevelopment, in_unit(), false),
            (Pengawas, PlanDevelopment, in_unit(), false),
            (Pegawai, ReadEvaluation, instansi, false),
            (Pegawai, ReadEvaluation, own(), false),
            (AdminOpd, ReadEvaluation, unit, false),
            (AdminOpd, ReadEvaluation, instansi, false),
            (AdminBkpsdm, ReadEvaluation, instansi, true),
            (TimPenilai, ReadEvaluation, instansi, true),
            (TimPenilai, ReadEvaluation, unit, true),
            (Pimpinan, ReadEvaluation, instansi, true),
            (Pimpinan, ReadEvaluation, unit, true),
            (Pengawas, ReadEvaluation, instansi, false),
            (Pegawai, ReadDocuments, own(), true),
            (Pegawai, ReadDocuments, in_unit(), false),
            (AdminOpd, ReadDocuments, in_unit(), true),
            (AdminOpd, ReadDocuments, in_other_unit(), false),
            (AdminBkpsdm, ReadDocuments, in_other_unit(), true),
            (TimPenilai, ReadDocuments, in_other_unit(), false),
            (TimPenilai, ReadDocuments, own(), true),
            (Pimpinan, ReadDocuments, in_unit(), false),
            (Pengawas, ReadDocuments, in_unit(), false),
        ];
        for &(role, action, target, allowed) in table {
            assert_eq!(
                authorize(&actor(role), action, target),
                allowed,
                "{role} {action:?} {target:?}"
            );
        }
    }

    #[test]
    fn nothing_crosses_an_instansi() {
        for role in Role::ALL {
            for action in Action::ALL {
                assert!(!authorize(&actor(role), action, other_instansi()));
                assert!(!authorize(
                    &actor(role),
                    action,
                    Target::Instansi(InstansiId(2))
                ));
            }
        }
    }

    #[test]
    fn every_employee_sees_their_own_profile() {
        for role in Role::ALL {
            assert!(
                authorize(&actor(role), Action::ReadProfile, own()),
                "{role}"
            );
            assert!(
                authorize(&actor(role), Action::EditOwnProfile, own()),
                "{role}"
            );
        }
    }

    #[test]
    fn nobody_verifies_their_own_file() {
        let own_in_unit = Target::Person {
            instansi: InstansiId(1),
            nip: nip("199001012015011001"),
            unit: "DINKES",
        };
        for role in Role::ALL {
            assert!(
                !authorize(&actor(role), Action::Verify, own_in_unit),
                "{role}"
            );
            assert!(!authorize(&actor(role), Action::Verify, own()), "{role}");
        }
        assert!(authorize(&actor(Role::AdminOpd), Action::Verify, in_unit()));
    }

    #[test]
    fn only_the_committee_calibrates_and_never_itself() {
        for role in Role::ALL {
            let allowed = authorize(&actor(role), Action::Calibrate, in_unit());
            assert_eq!(allowed, role == Role::TimPenilai, "{role}");
            assert!(!authorize(&actor(role), Action::Calibrate, own()), "{role}");
        }
    }

    /// What each role is shown: the dashboards as home, the link to
    /// their own profile, pages of their own unit.
    #[test]
    fn view_table() {
        use Role::*;
        const VIEWS: [View; 3] = [View::DashboardHome, View::OwnProfile, View::OwnUnit];
        let table: [(Role, [bool; 3]); 6] = [
            (Pegawai, [false, true, false]),
            (AdminOpd, [true, true, true]),
            (AdminBkpsdm, [true, true, false]),
            (TimPenilai, [true, true, false]),
            (Pimpinan, [true, true, false]),
            (Pengawas, [true, false, false]),
        ];
        for (role, shown) in table {
            for (view, shown) in VIEWS.into_iter().zip(shown) {
                assert_eq!(may_see(role, view), shown, "{role} {view:?}");
            }
        }
    }

    /// Whoever lands on the dashboards may read some of them; whoever
    /// lands on their profile may read it.
    #[test]
    fn the_landing_page_is_one_the_role_may_read() {
        for role in Role::ALL {
            let me = actor(role);
            if may_see(role, View::DashboardHome) {
                let unit = Target::Unit {
                    instansi: InstansiId(1),
                    unit: "DINKES",
                };
                assert!(
                    authorize(&me, Action::ReadAggregates, Target::Instansi(InstansiId(1)))
                        || authorize(&me, Action::ReadAggregates, unit),
                    "{role}"
                );
            } else {
                assert!(authorize(&me, Action::ReadProfile, own()), "{role}");
            }
        }
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.code().parse::<Role>(), Ok(role));
        }
        assert!("admin".parse::<Role>().is_err());
    }
}
