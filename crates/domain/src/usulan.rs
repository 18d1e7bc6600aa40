//! Proposed changes to one's own personnel data (usulan perubahan): an
//! employee proposes, an admin of their OPD verifies (approves or rejects
//! with a reason), and only an approved proposal changes the record. Which
//! fields an employee may propose is this list: identity, rank, position
//! and history come from SK documents that the BKPSDM imports, not from a
//! form.

use crate::personnel::Pegawai;
use crate::teks::{self, Lines, TeksError};
use crate::{BidangIlmu, TingkatPendidikan};

/// A field of [`Pegawai`] an employee may propose a change to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kolom {
    GelarDepan,
    GelarBelakang,
    TempatLahir,
    Pendidikan,
    BidangIlmu,
    Email,
    NoHp,
}

/// The longest reason for a rejection, in characters: what the form allows.
pub const MAX_ALASAN: usize = 500;

impl Kolom {
    pub const ALL: [Kolom; 7] = [
        Kolom::GelarDepan,
        Kolom::GelarBelakang,
        Kolom::TempatLahir,
        Kolom::Pendidikan,
        Kolom::BidangIlmu,
        Kolom::Email,
        Kolom::NoHp,
    ];

    /// The stored code: the column name of the employee file (SIASN names).
    pub fn code(self) -> &'static str {
        match self {
            Kolom::GelarDepan => "gelar_depan",
            Kolom::GelarBelakang => "gelar_belakang",
            Kolom::TempatLahir => "tempat_lahir",
            Kolom::Pendidikan => "pendidikan",
            Kolom::BidangIlmu => "bidang_ilmu",
            Kolom::Email => "email",
            Kolom::NoHp => "no_hp",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kolom::GelarDepan => "Gelar depan",
            Kolom::GelarBelakang => "Gelar belakang",
            Kolom::TempatLahir => "Tempat lahir",
            Kolom::Pendidikan => "Tingkat pendidikan",
            Kolom::BidangIlmu => "Bidang ilmu",
            Kolom::Email => "Surel",
            Kolom::NoHp => "Nomor HP",
        }
    }

    /// The field's value in `pegawai` now, as text (`None`: empty).
    pub fn current(self, pegawai: &Pegawai) -> Option<String> {
        match self {
            Kolom::GelarDepan => pegawai.gelar_depan.clone(),
            Kolom::GelarBelakang => pegawai.gelar_belakang.clone(),
            Kolom::TempatLahir => pegawai.tempat_lahir.clone(),
            Kolom::Pendidikan => pegawai.pendidikan.map(|t| t.code().to_owned()),
            Kolom::BidangIlmu => pegawai.bidang_ilmu.as_ref().map(|b| b.as_str().to_owned()),
            Kolom::Email => pegawai.email.clone(),
            Kolom::NoHp => pegawai.no_hp.clone(),
        }
    }

    /// The longest value, in characters: the import's maximum of the same
    /// column (docs/formats.md) or less, so an approved value exports and
    /// imports back.
    pub const fn max(self) -> usize {
        match self {
            Kolom::GelarDepan | Kolom::GelarBelakang | Kolom::NoHp => 30,
            Kolom::TempatLahir | Kolom::Pendidikan | Kolom::BidangIlmu | Kolom::Email => 100,
        }
    }

    /// Checks a proposed value and returns it as it will be stored (empty:
    /// clear the field, allowed where the field is optional by nature).
    pub fn check(self, value: &str) -> Result<String, UsulanError> {
        let value = teks::check(value, self.max(), Lines::One)
            .map_err(|error| UsulanError::Teks { kolom: self, error })?;
        let value = value.as_str();
        let refuse = |reason: &'static str| UsulanError::Invalid {
            kolom: self,
            reason,
        };
        match self {
            Kolom::GelarDepan | Kolom::GelarBelakang => Ok(value.to_owned()),
            Kolom::TempatLahir | Kolom::BidangIlmu if value.is_empty() => {
                Err(refuse("wajib diisi"))
            }
            Kolom::TempatLahir => Ok(value.to_owned()),
            Kolom::BidangIlmu => Ok(BidangIlmu::new(value).as_str().to_owned()),
            Kolom::Pendidikan => value
                .parse::<TingkatPendidikan>()
                .map(|t| t.code().to_owned())
                .map_err(|_| refuse("bukan tingkat pendidikan (SD … S3)")),
            Kolom::Email => {
                let (user, host) = value.split_once('@').ok_or(refuse("bukan alamat surel"))?;
                let fine = !user.is_empty()
                    && host.contains('.')
                    && !host.starts_with('.')
                    && !host.ends_with('.')
                    && !host.contains('@')
                    && !value.contains(char::is_whitespace);
                if fine {
                    Ok(value.to_owned())
                } else {
                    Err(refuse("bukan alamat surel"))
                }
            }
            Kolom::NoHp => {
                let digits = value.strip_prefix('+').unwrap_or(value);
                let fine =
                    (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
                if fine {
                    Ok(value.to_owned())
                } else {
                    Err(refuse("8 sampai 15 angka, boleh diawali +"))
                }
            }
        }
    }

    /// Writes an approved value (as returned by [`Kolom::check`]) into
    /// `pegawai`.
    pub fn apply(self, pegawai: &mut Pegawai, value: &str) -> Result<(), UsulanError> {
        let value = self.check(value)?;
        let optional = || (!value.is_empty()).then(|| value.clone());
        match self {
            Kolom::GelarDepan => pegawai.gelar_depan = optional(),
            Kolom::GelarBelakang => pegawai.gelar_belakang = optional(),
            Kolom::TempatLahir => pegawai.tempat_lahir = optional(),
            Kolom::Pendidikan => {
                pegawai.pendidikan = Some(value.parse().map_err(|_| UsulanError::Invalid {
                    kolom: self,
                    reason: "bukan tingkat pendidikan",
                })?);
            }
            Kolom::BidangIlmu => pegawai.bidang_ilmu = Some(BidangIlmu::new(&value)),
            Kolom::Email => pegawai.email = optional(),
            Kolom::NoHp => pegawai.no_hp = optional(),
        }
        Ok(())
    }
}

display_as!(Kolom, code);

parse_by_code!(Kolom, UsulanError, UsulanError::UnknownKolom, str::to_owned);

/// The state of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Menunggu,
    Disetujui,
    Ditolak,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Menunggu, Status::Disetujui, Status::Ditolak];

    pub fn code(self) -> &'static str {
        match self {
            Status::Menunggu => "menunggu",
            Status::Disetujui => "disetujui",
            Status::Ditolak => "ditolak",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Menunggu => "Menunggu verifikasi",
            Status::Disetujui => "Disetujui",
            Status::Ditolak => "Ditolak",
        }
    }
}

parse_by_code!(
    Status,
    UsulanError,
    UsulanError::UnknownStatus,
    str::to_owned
);

/// A verifier's decision on a proposal or a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keputusan {
    Setujui,
    /// Rejected, with the reason the employee reads.
    Tolak(String),
}

impl Keputusan {
    /// Reads a decision from a form: `setujui`, or `tolak` with a reason
    /// (required, at most 500 characters).
    pub fn from_form(keputusan: &str, alasan: &str) -> Result<Keputusan, UsulanError> {
        match keputusan {
            "setujui" => Ok(Keputusan::Setujui),
            "tolak" => {
                let alasan =
                    teks::check(alasan, MAX_ALASAN, Lines::One).map_err(UsulanError::Alasan)?;
                if alasan.is_empty() {
                    Err(UsulanError::AlasanRequired)
                } else {
                    Ok(Keputusan::Tolak(alasan))
                }
            }
            other => Err(UsulanError::UnknownKeputusan(other.to_owned())),
        }
    }
}

/// Why a proposal or decision is refused; shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsulanError {
    #[error("kolom {0:?} tidak dapat diusulkan")]
    UnknownKolom(String),
    #[error("status usulan {0:?} tidak dikenal")]
    UnknownStatus(String),
    #[error("{}: {reason}", kolom.label())]
    Invalid { kolom: Kolom, reason: &'static str },
    #[error("{}: {error}", kolom.label())]
    Teks { kolom: Kolom, error: TeksError },
    #[error("keputusan {0:?} bukan setujui atau tolak")]
    UnknownKeputusan(String),
    #[error("alasan penolakan wajib diisi")]
    AlasanRequired,
    #[error("alasan {0}")]
    Alasan(TeksError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_per_field() {
        let ok = |k: Kolom, v: &str| k.check(v).unwrap();
        let bad = |k: Kolom, v: &str| k.check(v).unwrap_err().to_string();
        assert_eq!(
            ok(Kolom::Email, " nama@serangkota.go.id "),
            "nama@serangkota.go.id"
        );
        assert_eq!(bad(Kolom::Email, "nama@"), "Surel: bukan alamat surel");
        assert_eq!(bad(Kolom::Email, "a b@c.id"), "Surel: bukan alamat surel");
        assert_eq!(bad(Kolom::Email, "a@b@c.id"), "Surel: bukan alamat surel");
        assert_eq!(ok(Kolom::NoHp, "+6281234567890"), "+6281234567890");
        assert_eq!(ok(Kolom::NoHp, "081234567"), "081234567");
        assert!(Kolom::NoHp.check("0812-3456").is_err());
        assert!(Kolom::NoHp.check("1234567").is_err());
        assert_eq!(ok(Kolom::Pendidikan, "s-2"), "S2");
        assert_eq!(
            bad(Kolom::Pendidikan, "magister"),
            "Tingkat pendidikan: bukan tingkat pendidikan (SD … S3)"
        );
        assert_eq!(
            ok(Kolom::BidangIlmu, " Kesehatan   Masyarakat "),
            "Kesehatan Masyarakat"
        );
        assert_eq!(bad(Kolom::BidangIlmu, ""), "Bidang ilmu: wajib diisi");
        assert_eq!(ok(Kolom::GelarDepan, ""), "");
        assert_eq!(ok(Kolom::TempatLahir, &"x".repeat(100)), "x".repeat(100));
        assert_eq!(
            bad(Kolom::TempatLahir, &"x".repeat(101)),
            "Tempat lahir: paling panjang 100 karakter"
        );
        assert_eq!(ok(Kolom::GelarBelakang, &"x".repeat(30)), "x".repeat(30));
        assert!(Kolom::GelarBelakang.check(&"x".repeat(31)).is_err());
        for value in ["Serang\u{0}", "Serang\nBanten", "Ser\tang"] {
            assert!(
                bad(Kolom::TempatLahir, value).contains("karakter kendali"),
                "{value:?}"
            );
        }
        assert_eq!(
            "nip".parse::<Kolom>().unwrap_err().to_string(),
            "kolom \"nip\" tidak dapat diusulkan"
        );
        for kolom in Kolom::ALL {
            assert_eq!(kolom.code().parse::<Kolom>(), Ok(kolom));
        }
    }

    #[test]
    fn decisions_need_a_reason_to_reject() {
        assert_eq!(Keputusan::from_form("setujui", ""), Ok(Keputusan::Setujui));
        assert_eq!(
            Keputusan::from_form("tolak", " ijazah tidak terbaca "),
            Ok(Keputusan::Tolak("ijazah tidak terbaca".into()))
        );
        assert_eq!(
            Keputusan::from_form("tolak", "  "),
            Err(UsulanError::AlasanRequired)
        );
        assert!(Keputusan::from_form("tolak", &"x".repeat(500)).is_ok());
        assert_eq!(
            Keputusan::from_form("tolak", &"x".repeat(501)),
            Err(UsulanError::Alasan(TeksError::TooLong(500)))
        );
        assert_eq!(
            Keputusan::from_form("tolak", "tidak\u{0}sah")
                .unwrap_err()
                .to_string(),
            "alasan berisi karakter kendali (misalnya NUL atau pindah baris) yang tidak diperbolehkan"
        );
        assert!(Keputusan::from_form("hapus", "").is_err());
    }
}
