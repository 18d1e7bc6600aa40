//! What the merit audit reads of a period's map (issue 26): each placed
//! person's protected attributes beside their computed and final boxes.
//! The only read of `agama` and `daerah_asal`, which no rule reads: the
//! audit compares outcomes across them and shows aggregates only.

use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::jabatan::Jenjang;
use talenta_domain::nip::Gender;
use talenta_domain::{Kotak, Nip, Periode};
use time::Date;

use crate::records::stored;
use crate::value::Value;
use crate::{Db, StorageError};

/// A placed person of a period's map, as the merit audit groups them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeritRow {
    pub nip: Nip,
    pub jenis_kelamin: Gender,
    pub tanggal_lahir: Date,
    pub status: StatusKepegawaian,
    /// The jenjang of the position held.
    pub jenjang: Option<Jenjang>,
    pub agama: Option<String>,
    pub daerah_asal: Option<String>,
    /// The computed box and the final box (`peta_talenta_final`).
    pub kotak: Kotak,
    pub kotak_final: Kotak,
}

stored! {
    // Not one table: `Db::merit_rows` selects these columns by name from
    // the final map, the employee and their position.
    view MeritRow in "pegawai", key 1 {
        nip: "nip" Text,
        jenis_kelamin: "jenis_kelamin" Text,
        tanggal_lahir: "tanggal_lahir" Date,
        status: "status" Text,
        jenjang: "jenjang" Text,
        agama: "agama" Text,
        daerah_asal: "daerah_asal" Text,
        kotak: "kotak" Int,
        kotak_final: "kotak_final" Int,
    }
}

impl Db {
    /// Everyone placed in the period's map who is still an employee, by
    /// NIP.
    pub async fn merit_rows(
        &self,
        instansi_id: i64,
        periode: Periode,
    ) -> Result<Vec<MeritRow>, StorageError> {
        const SQL: &str = "SELECT t.nip AS nip, p.jenis_kelamin AS jenis_kelamin, \
                    p.tanggal_lahir AS tanggal_lahir, p.status AS status, j.jenjang AS jenjang, \
                    p.agama AS agama, \
                    p.daerah_asal AS daerah_asal, t.kotak AS kotak, t.kotak_final AS kotak_final \
             FROM peta_talenta_final t \
             JOIN pegawai p ON p.instansi_id = t.instansi_id AND p.nip = t.nip \
             LEFT JOIN jabatan j ON j.instansi_id = p.instansi_id AND j.kode = p.jabatan \
             WHERE t.instansi_id = $1 AND t.periode = $2 AND t.kotak IS NOT NULL \
             ORDER BY t.nip";
        let binds = vec![Value::int(instansi_id), Value::text(periode.to_string())];
        self.fetch_records(SQL.to_owned(), binds).await
    }
}
