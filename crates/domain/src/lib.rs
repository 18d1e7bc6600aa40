//! # talenta-domain
//!
//! The rules of ASN talent management as pure functions over plain data:
//! NIP, reference data (golongan, jenjang jabatan, pendidikan, hukuman
//! disiplin), SKP predikat, competencies and JPM, the talent score, the
//! nine-box, the talent map of a period, promotion eligibility, and the
//! talent cycle (calibration, pools, succession, readiness, retention,
//! movement, development plans, the six-monthly evaluation of
//! officeholders). Every
//! rule carries its legal source; values the sources leave uncertain are
//! configuration ([`RuleSet`]).
//!
//! Architecture invariant: this crate does no I/O and never reads the clock.
//! The reference date is always a parameter.

/// Serialises a reference-data type as its text code and reads it back
/// through its `FromStr`, so files and rule sets use the names people write.
macro_rules! serde_as_text {
    ($type:ty, $code:ident) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.$code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// `Display` for a reference-data type: it prints as the text `$text`
/// gives (its code or its label).
macro_rules! display_as {
    ($type:ty, $text:ident) => {
        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.$text())
            }
        }
    };
}

/// A code enum from one list of its variants, each with its stable code
/// (`Variant = "code"`): the enum, `ALL` (every variant, in the order
/// listed) and `code()` (the text files, configuration and storage use).
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $code:literal,)+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($name::$variant),+].len()] = [$($name::$variant),+];

            /// The stable code: what files, configuration and storage hold.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }
        }
    };
}

/// `FromStr` for a code enum: the one of its `ALL` whose code equals the
/// key `$key` makes of the text, otherwise the error `$make_error` makes of
/// the text as given; without `$make_error`, the error is `$error` of that
/// text.
macro_rules! parse_by_code {
    ($type:ty, $error:ident, $key:expr) => {
        parse_by_code!($type, $error, $error, $key);
    };
    ($type:ty, $error:ty, $make_error:expr, $key:expr) => {
        impl std::str::FromStr for $type {
            type Err = $error;

            fn from_str(text: &str) -> Result<$type, $error> {
                let key: String = $key(text);
                <$type>::ALL
                    .into_iter()
                    .find(|value| value.code() == key)
                    .ok_or_else(|| $make_error(text.to_owned()))
            }
        }
    };
}

pub mod access;
pub mod berkas;
pub mod branding;
pub mod calendar;
pub mod cycle;
pub mod development;
pub mod disiplin;
pub mod dokumen;
pub mod eligibility;
pub mod evaluasi;
pub mod golongan;
pub mod jabatan;
mod kode;
pub mod kompetensi;
pub mod merit;
pub mod movement;
pub mod nine_box;
pub mod nip;
pub mod pendidikan;
pub mod periode;
pub mod personnel;
pub mod pool;
pub mod privasi;
pub mod readiness;
pub mod retention;
pub mod ruleset;
pub mod score;
pub mod skp;
pub mod succession;
pub mod talent;
pub mod talent_map;
pub mod teks;
pub mod usulan;

pub use golongan::{Golongan, GolonganPppk};
pub use jabatan::Jenjang;
pub use nine_box::{AxisCutoffs, Cutoffs, KinerjaBand, Kotak, Placement, PotensialBand};
pub use nip::{AsnKind, Gender, Nip, NipError};
pub use pendidikan::{BidangIlmu, Pendidikan, TingkatPendidikan};
pub use periode::{Periode, PeriodeError, Semester};
pub use personnel::InstansiId;
pub use ruleset::{RuleBook, RuleSet, RuleSetError};
pub use score::{Score, ScoreError};
pub use skp::{Predikat, Rating};
