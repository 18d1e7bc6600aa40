//! Academic titles (gelar) as they are written in Indonesian personnel
//! files: in front (dr., drg., Dr., Drs./Dra., H./Hj.) and behind, by level
//! and field (S.Pd., A.Md.Kep., M.Kes. ...).

use talenta_domain::TingkatPendidikan;

use crate::organisation::position::Profile;

use TingkatPendidikan as T;

/// The title behind the name for a degree in `field`.
fn degree(level: TingkatPendidikan, field: &str, profile: Profile) -> Option<&'static str> {
    let health = |d3: &'static str, s1: &'static str| match level {
        T::D1 | T::D2 | T::D3 => Some(d3),
        _ => Some(s1),
    };
    match level {
        T::D1 | T::D2 | T::D3 | T::D4 | T::S1 => {}
        _ => return None,
    }
    match field {
        "Keperawatan" => health("A.Md.Kep.", "S.Kep., Ners"),
        "Kebidanan" => health("A.Md.Keb.", "S.Tr.Keb."),
        "Farmasi" if profile == Profile::Apoteker => Some("S.Farm., Apt."),
        "Farmasi" => health("A.Md.Farm.", "S.Farm."),
        "Gizi" => health("A.Md.Gz.", "S.Gz."),
        "Kesehatan Lingkungan" => health("A.Md.KL.", "S.K.L."),
        "Analis Kesehatan" | "Teknologi Laboratorium Medis" => health("A.Md.AK.", "S.Tr.Kes."),
        "Radiologi" => health("A.Md.Rad.", "S.Tr.Rad."),
        "Fisioterapi" => health("A.Md.Ftr.", "S.Ft."),
        "Rekam Medis dan Informasi Kesehatan" => health("A.Md.RMIK.", "S.Tr.RMIK."),
        "Kesehatan Masyarakat" => health("A.Md.Kes.", "S.K.M."),
        "Kedokteran" | "Kedokteran Gigi" => None,
        _ if matches!(level, T::D1 | T::D2 | T::D3) => Some("A.Md."),
        "Pendidikan Agama Islam" => Some("S.Pd.I."),
        f if f.starts_with("Pendidikan")
            || f == "Bimbingan dan Konseling"
            || f == "Manajemen Pendidikan" =>
        {
            Some("S.Pd.")
        }
        "Ilmu Hukum" => Some("S.H."),
        "Akuntansi" | "Manajemen" | "Ekonomi Pembangunan" => Some("S.E."),
        "Teknik Informatika" | "Sistem Informasi" | "Ilmu Komputer" => Some("S.Kom."),
        "Arsitektur" => Some("S.Ars."),
        f if f.starts_with("Teknik") || f == "Perencanaan Wilayah dan Kota" => Some("S.T."),
        "Ilmu Komunikasi" => Some("S.I.Kom."),
        "Psikologi" => Some("S.Psi."),
        "Agribisnis" | "Agroteknologi" => Some("S.P."),
        "Peternakan" => Some("S.Pt."),
        "Perikanan" => Some("S.Pi."),
        "Statistika" => Some("S.Stat."),
        "Pariwisata" => Some("S.Par."),
        "Ilmu Perpustakaan" | "Kearsipan" => Some("S.IP."),
        "Biologi" | "Geografi" => Some("S.Si."),
        _ => Some("S.Sos."),
    }
}

/// The master's title for `field`.
fn master(field: &str, profile: Profile) -> &'static str {
    match (profile, field) {
        (Profile::Dokter, _) => "Sp.PD.",
        (Profile::DokterGigi, _) => "Sp.KG.",
        (_, f) if f.starts_with("Pendidikan") || f == "Bimbingan dan Konseling" => "M.Pd.",
        (_, "Ilmu Hukum") => "M.H.",
        (_, "Akuntansi" | "Manajemen" | "Ekonomi Pembangunan") => "M.M.",
        (_, f)
            if f.starts_with("Teknik")
                || f == "Arsitektur"
                || f == "Perencanaan Wilayah dan Kota" =>
        {
            "M.T."
        }
        (_, "Teknik Informatika" | "Sistem Informasi" | "Ilmu Komputer") => "M.Kom.",
        (Profile::Perawat | Profile::Bidan | Profile::Kesehatan | Profile::Apoteker, _)
        | (_, "Kesehatan Masyarakat") => "M.Kes.",
        (_, "Administrasi Negara" | "Ilmu Pemerintahan") => "M.AP.",
        _ => "M.Si.",
    }
}

/// The titles in front of and behind a name.
pub fn gelar(
    level: TingkatPendidikan,
    field: Option<&str>,
    profile: Profile,
    old: bool,
    male: bool,
) -> (Option<String>, Option<String>) {
    let field = field.unwrap_or("");
    let front = match (profile, level) {
        (_, T::S3) => Some("Dr."),
        (Profile::Dokter, _) => Some("dr."),
        (Profile::DokterGigi, _) => Some("drg."),
        // Sarjana before the 1990s wrote Drs./Dra. in front.
        (Profile::Leader | Profile::Guru | Profile::Analis, T::S1 | T::S2) if old => {
            Some(if male { "Drs." } else { "Dra." })
        }
        _ => None,
    };
    let bachelor = if front.is_some_and(|f| f.starts_with("Dr")) && front != Some("Dr.") {
        None
    } else {
        degree(level.min(T::S1), field, profile)
    };
    let behind = match level {
        T::S2 | T::S3 => Some(match bachelor {
            Some(b) => format!("{b}, {}", master(field, profile)),
            None => master(field, profile).to_owned(),
        }),
        _ => bachelor.map(str::to_owned),
    };
    (front.map(str::to_owned), behind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_follow_level_and_field() {
        assert_eq!(
            gelar(T::D3, Some("Keperawatan"), Profile::Perawat, false, false),
            (None, Some("A.Md.Kep.".into()))
        );
        assert_eq!(
            gelar(T::S1, Some("Kedokteran"), Profile::Dokter, false, true),
            (Some("dr.".into()), None)
        );
        assert_eq!(
            gelar(
                T::S2,
                Some("Kesehatan Masyarakat"),
                Profile::Leader,
                false,
                false
            ),
            (None, Some("S.K.M., M.Kes.".into()))
        );
        assert_eq!(
            gelar(T::Slta, None, Profile::Pelaksana, false, true),
            (None, None)
        );
    }
}
