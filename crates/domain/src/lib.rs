//! # talenta-domain
//!
//! The rules of ASN talent management as pure functions over plain data:
//! NIP, reference data (golongan, jenjang jabatan, pendidikan, hukuman
//! disiplin), SKP predikat, competencies and JPM, the talent score, the
//! nine-box, and promotion eligibility. Every rule carries its legal source;
//! values the sources leave uncertain are configuration ([`RuleSet`]).
//!
//! Architecture invariant: this crate does no I/O and never reads the clock.
//! The reference date is always a parameter.

pub mod calendar;
pub mod disiplin;
pub mod eligibility;
pub mod golongan;
pub mod jabatan;
pub mod kompetensi;
pub mod nine_box;
pub mod nip;
pub mod pendidikan;
pub mod ruleset;
pub mod score;
pub mod skp;
pub mod talent;

pub use golongan::{Golongan, GolonganPppk};
pub use jabatan::Jenjang;
pub use nine_box::{AxisCutoffs, Cutoffs, KinerjaBand, Kotak, Placement, PotensialBand};
pub use nip::{AsnKind, Gender, Nip, NipError};
pub use pendidikan::{BidangIlmu, Pendidikan, TingkatPendidikan};
pub use ruleset::{RuleBook, RuleSet, RuleSetError};
pub use score::{Score, ScoreError};
pub use skp::{Predikat, Rating};
