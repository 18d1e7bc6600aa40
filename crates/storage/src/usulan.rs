//! Proposed changes to personnel data (migration 0003, `usulan`), and the
//! verification queue they wait in. Approving one changes the employee's
//! record under a perubahan, in the same transaction ([`WriteTx`]).

use talenta_domain::usulan::{Kolom, Status, UsulanError};

use talenta_domain::Nip;

use crate::records::stored_nip;
use crate::{Db, StorageError, WriteTx, on_db, on_read, on_tx};

/// A stored proposal, with the name and unit of the employee it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usulan {
    pub nomor: i64,
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    pub kolom: Kolom,
    pub nilai_lama: Option<String>,
    pub nilai_baru: String,
    pub status: Status,
    /// Unix seconds.
    pub diajukan: i64,
    pub diputuskan_oleh: Option<String>,
    pub diputuskan: Option<i64>,
    pub catatan: Option<String>,
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    i64,
    Option<String>,
    Option<i64>,
    Option<String>,
);

const COLUMNS: &str = "u.nomor, u.nip, p.nama, p.opd, u.kolom, u.nilai_lama, u.nilai_baru, u.status, \
     u.diajukan, u.diputuskan_oleh, u.diputuskan, u.catatan \
     FROM usulan u JOIN pegawai p ON p.instansi_id = u.instansi_id AND p.nip = u.nip";

fn usulan(row: Row) -> Result<Usulan, StorageError> {
    let (
        nomor,
        nip,
        nama,
        opd,
        kolom,
        nilai_lama,
        nilai_baru,
        status,
        diajukan,
        oleh,
        pada,
        catatan,
    ) = row;
    let corrupt = |column: &'static str, value: String| {
        move |e: UsulanError| StorageError::Corrupt {
            table: "usulan",
            column,
            value,
            reason: e.to_string(),
        }
    };
    Ok(Usulan {
        kolom: kolom.parse().map_err(corrupt("kolom", kolom.clone()))?,
        status: status.parse().map_err(corrupt("status", status.clone()))?,
        nomor,
        nip: stored_nip("usulan", "nip", nip)?,
        nama,
        opd,
        nilai_lama,
        nilai_baru,
        diajukan,
        diputuskan_oleh: oleh,
        diputuskan: pada,
        catatan,
    })
}

impl Db {
    /// Records a proposal and returns its number. A pending proposal for
    /// the same field is replaced by the new value (one open question per
    /// field for the verifier).
    pub async fn propose(
        &self,
        instansi: i64,
        nip: &Nip,
        kolom: Kolom,
        nilai_lama: Option<&str>,
        nilai_baru: &str,
        now: i64,
    ) -> Result<i64, StorageError> {
        const REPLACE: &str = "UPDATE usulan SET nilai_lama = $4, nilai_baru = $5, diajukan = $6 \
             WHERE instansi_id = $1 AND nip = $2 AND kolom = $3 AND status = 'menunggu' RETURNING nomor";
        const INSERT: &str = "INSERT INTO usulan (instansi_id, nomor, nip, kolom, nilai_lama, nilai_baru, status, diajukan) \
             VALUES ($1, (SELECT COALESCE(MAX(nomor), 0) + 1 FROM usulan WHERE instansi_id = $1), \
             $2, $3, $4, $5, 'menunggu', $6) RETURNING nomor";
        let nomor: i64 = on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let replaced: Option<i64> = sqlx::query_scalar(REPLACE)
                .bind(instansi).bind(nip.as_str()).bind(kolom.code()).bind(nilai_lama).bind(nilai_baru).bind(now)
                .fetch_optional(&mut *tx).await?;
            let nomor = match replaced {
                Some(nomor) => nomor,
                None => sqlx::query_scalar(INSERT)
                    .bind(instansi).bind(nip.as_str()).bind(kolom.code()).bind(nilai_lama).bind(nilai_baru).bind(now)
                    .fetch_one(&mut *tx).await?,
            };
            tx.commit().await?;
            nomor
        });
        Ok(nomor)
    }

    /// The proposals of an employee, newest first.
    pub async fn usulan_of(&self, instansi: i64, nip: &Nip) -> Result<Vec<Usulan>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} WHERE u.instansi_id = $1 AND u.nip = $2 ORDER BY u.nomor DESC LIMIT 50"
        );
        let rows: Vec<Row> = on_read!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(instansi).bind(nip.as_str()).fetch_all(pool).await?);
        rows.into_iter().map(usulan).collect()
    }

    /// Proposal `nomor` of the instansi.
    pub async fn usulan(&self, instansi: i64, nomor: i64) -> Result<Option<Usulan>, StorageError> {
        let sql = format!("SELECT {COLUMNS} WHERE u.instansi_id = $1 AND u.nomor = $2");
        let row: Option<Row> = on_read!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(instansi).bind(nomor).fetch_optional(pool).await?);
        row.map(usulan).transpose()
    }

    /// Pending proposals of employees in unit `root` and below (`None`: the
    /// whole instansi), oldest first, at most `limit`; and how many there
    /// are in all.
    pub async fn pending_usulan(
        &self,
        instansi: i64,
        root: Option<&str>,
        limit: i64,
    ) -> Result<(Vec<Usulan>, i64), StorageError> {
        const FILTER: &str = " WHERE u.instansi_id = $1 AND u.status = 'menunggu' \
             AND ($2 IS NULL OR p.opd IN (SELECT kode FROM bawah))";
        let list = format!("SELECT {COLUMNS}{FILTER} ORDER BY u.diajukan, u.nomor LIMIT $3");
        let count = format!(
            "SELECT COUNT(*) FROM usulan u JOIN pegawai p ON p.instansi_id = u.instansi_id AND p.nip = u.nip{FILTER}"
        );
        let (rows, total): (Vec<Row>, i64) =
            self.pending(&list, &count, instansi, root, limit).await?;
        Ok((
            rows.into_iter().map(usulan).collect::<Result<_, _>>()?,
            total,
        ))
    }
}

impl WriteTx {
    /// Decides pending proposal `nomor`: `catatan` is the reason of a
    /// rejection. `false` if it was no longer pending (decided meanwhile).
    pub async fn decide_usulan(
        &mut self,
        instansi: i64,
        nomor: i64,
        status: Status,
        by: &str,
        catatan: Option<&str>,
        now: i64,
    ) -> Result<bool, StorageError> {
        const DECIDE: &str = "UPDATE usulan SET status = $3, diputuskan_oleh = $4, diputuskan = $5, catatan = $6 \
             WHERE instansi_id = $1 AND nomor = $2 AND status = 'menunggu'";
        let affected = on_tx!(self, tx => sqlx::query(DECIDE)
            .bind(instansi).bind(nomor).bind(status.code()).bind(by).bind(now).bind(catatan)
            .execute(&mut **tx).await?.rows_affected());
        Ok(affected == 1)
    }
}
