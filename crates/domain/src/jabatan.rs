//! Jenjang jabatan: the levels of managerial and non-managerial positions.
//! UU 20/2023 Pasal 14 (manajerial: JPT utama/madya/pratama, administrator,
//! pengawas) and Pasal 18 (nonmanajerial: fungsional, pelaksana); JF keahlian
//! and keterampilan levels per domain.md §7.4.

/// A jenjang jabatan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Jenjang {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Pelaksana,
    AhliUtama,
    AhliMadya,
    AhliMuda,
    AhliPertama,
    Penyelia,
    Mahir,
    Terampil,
    Pemula,
}

/// Manajerial or nonmanajerial (UU 20/2023).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KelompokJabatan {
    Manajerial,
    Nonmanajerial,
}

impl Jenjang {
    pub const ALL: [Jenjang; 14] = [
        Jenjang::JptUtama,
        Jenjang::JptMadya,
        Jenjang::JptPratama,
        Jenjang::Administrator,
        Jenjang::Pengawas,
        Jenjang::Pelaksana,
        Jenjang::AhliUtama,
        Jenjang::AhliMadya,
        Jenjang::AhliMuda,
        Jenjang::AhliPertama,
        Jenjang::Penyelia,
        Jenjang::Mahir,
        Jenjang::Terampil,
        Jenjang::Pemula,
    ];

    /// Stable machine code used in files and configuration.
    pub const fn code(self) -> &'static str {
        match self {
            Jenjang::JptUtama => "jpt_utama",
            Jenjang::JptMadya => "jpt_madya",
            Jenjang::JptPratama => "jpt_pratama",
            Jenjang::Administrator => "administrator",
            Jenjang::Pengawas => "pengawas",
            Jenjang::Pelaksana => "pelaksana",
            Jenjang::AhliUtama => "ahli_utama",
            Jenjang::AhliMadya => "ahli_madya",
            Jenjang::AhliMuda => "ahli_muda",
            Jenjang::AhliPertama => "ahli_pertama",
            Jenjang::Penyelia => "penyelia",
            Jenjang::Mahir => "mahir",
            Jenjang::Terampil => "terampil",
            Jenjang::Pemula => "pemula",
        }
    }

    /// Name as written in the regulations.
    pub const fn label(self) -> &'static str {
        match self {
            Jenjang::JptUtama => "JPT Utama",
            Jenjang::JptMadya => "JPT Madya",
            Jenjang::JptPratama => "JPT Pratama",
            Jenjang::Administrator => "Administrator",
            Jenjang::Pengawas => "Pengawas",
            Jenjang::Pelaksana => "Pelaksana",
            Jenjang::AhliUtama => "Fungsional Ahli Utama",
            Jenjang::AhliMadya => "Fungsional Ahli Madya",
            Jenjang::AhliMuda => "Fungsional Ahli Muda",
            Jenjang::AhliPertama => "Fungsional Ahli Pertama",
            Jenjang::Penyelia => "Fungsional Penyelia",
            Jenjang::Mahir => "Fungsional Mahir",
            Jenjang::Terampil => "Fungsional Terampil",
            Jenjang::Pemula => "Fungsional Pemula",
        }
    }

    pub const fn kelompok(self) -> KelompokJabatan {
        match self {
            Jenjang::JptUtama
            | Jenjang::JptMadya
            | Jenjang::JptPratama
            | Jenjang::Administrator
            | Jenjang::Pengawas => KelompokJabatan::Manajerial,
            _ => KelompokJabatan::Nonmanajerial,
        }
    }

    /// A jenjang of jabatan fungsional (keahlian or keterampilan): the
    /// nonmanajerial levels other than pelaksana.
    pub const fn is_fungsional(self) -> bool {
        matches!(self.kelompok(), KelompokJabatan::Nonmanajerial)
            && !matches!(self, Jenjang::Pelaksana)
    }
}

/// Why a text is not a jenjang code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a jenjang jabatan (expected one of: jpt_utama, jpt_madya, jpt_pratama, administrator, pengawas, pelaksana, ahli_utama, ahli_madya, ahli_muda, ahli_pertama, penyelia, mahir, terampil, pemula)"
)]
pub struct JenjangError(pub String);

// Accepts the code (`jpt_pratama`) or the label (`JPT Pratama`,
// `Fungsional Ahli Muda`, `Ahli Muda`), case-insensitively.
parse_by_code!(Jenjang, JenjangError, |text: &str| {
    let key = crate::kode::snake_key_with_hyphens(text);
    key.strip_prefix("fungsional_").unwrap_or(&key).to_owned()
});

display_as!(Jenjang, label);

serde_as_text!(Jenjang, code);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels_round_trip() {
        for j in Jenjang::ALL {
            assert_eq!(j.code().parse::<Jenjang>(), Ok(j));
            assert_eq!(j.label().parse::<Jenjang>(), Ok(j));
        }
        assert_eq!("Ahli Muda".parse::<Jenjang>(), Ok(Jenjang::AhliMuda));
        assert_eq!("JPT-PRATAMA".parse::<Jenjang>(), Ok(Jenjang::JptPratama));
        assert!("eselon".parse::<Jenjang>().is_err());
    }

    #[test]
    fn managerial_and_fungsional_levels_per_uu_20_2023_pasal_14_and_18() {
        let manajerial: Vec<_> = Jenjang::ALL
            .into_iter()
            .filter(|j| j.kelompok() == KelompokJabatan::Manajerial)
            .collect();
        assert_eq!(
            manajerial,
            [
                Jenjang::JptUtama,
                Jenjang::JptMadya,
                Jenjang::JptPratama,
                Jenjang::Administrator,
                Jenjang::Pengawas
            ]
        );
        let fungsional: Vec<_> = Jenjang::ALL
            .into_iter()
            .filter(|j| j.is_fungsional())
            .collect();
        assert_eq!(
            fungsional,
            [
                Jenjang::AhliUtama,
                Jenjang::AhliMadya,
                Jenjang::AhliMuda,
                Jenjang::AhliPertama,
                Jenjang::Penyelia,
                Jenjang::Mahir,
                Jenjang::Terampil,
                Jenjang::Pemula
            ]
        );
    }
}
