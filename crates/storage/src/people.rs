//! Reads of one person for the web pages.

use talenta_domain::personnel::Pegawai;

use talenta_domain::Nip;

use crate::records::stored_nip;
use crate::stored::Stored;
use crate::{Db, StorageError};

impl Db {
    /// The employee `nip` of an instansi, if stored.
    pub async fn pegawai(&self, instansi: i64, nip: &Nip) -> Result<Option<Pegawai>, StorageError> {
        self.record::<Pegawai>(instansi, nip.as_str()).await
    }

    /// The record of `T` with the key `key`, if stored, of a table keyed by
    /// one column (an employee by NIP, a position or a unit by code).
    pub async fn record<T: Stored>(
        &self,
        instansi: i64,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        Ok(self.range_of::<T>(instansi, key, key).await?.pop())
    }

    /// Every record of `T` of one employee (any per-NIP table), in key order.
    pub async fn records_of<T: Stored>(
        &self,
        instansi: i64,
        nip: &Nip,
    ) -> Result<Vec<T>, StorageError> {
        self.range_of::<T>(instansi, nip.as_str(), nip.as_str())
            .await
    }
}

impl Db {
    /// Up to `limit` employees (NIP, name) of a unit and its sub-units,
    /// those placed in the talent map of `periode` first, then by NIP.
    pub async fn employees_in_unit(
        &self,
        instansi: i64,
        unit: &str,
        periode: &str,
        limit: i64,
    ) -> Result<Vec<(Nip, String)>, StorageError> {
        // Each unit's people through the index by unit (`CROSS JOIN`
        // keeps that order on SQLite).
        const SQL: &str = crate::scope::with_bawah!(
            "SELECT p.nip, p.nama FROM bawah b CROSS JOIN pegawai p \
             LEFT JOIN peta_talenta_pegawai t ON t.instansi_id = p.instansi_id AND t.periode = $3 AND t.nip = p.nip \
             WHERE p.instansi_id = $1 AND p.opd = b.kode \
             ORDER BY CASE WHEN t.kotak IS NULL THEN 1 ELSE 0 END, p.nip LIMIT $4"
        );
        let rows: Vec<(String, String)> = crate::on_read!(self, pool => sqlx::query_as(SQL)
            .bind(instansi)
            .bind(unit)
            .bind(periode)
            .bind(limit)
            .fetch_all(pool)
            .await?);
        rows.into_iter()
            .map(|(nip, nama)| Ok((stored_nip("pegawai", "nip", nip)?, nama)))
            .collect()
    }
}

impl Db {
    /// The NIPs of the employees whose current position is one of
    /// `jabatan`, by NIP (index `pegawai_jabatan`).
    pub async fn holders_among(
        &self,
        instansi: i64,
        jabatan: &[impl AsRef<str>],
    ) -> Result<Vec<Nip>, StorageError> {
        let sql = format!(
            "SELECT nip FROM pegawai WHERE instansi_id = $1 AND jabatan IN ({}) ORDER BY nip",
            self.json_list("$2")
        );
        let list = crate::stored::json_list_text(jabatan);
        let rows: Vec<(String,)> = crate::on_read!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(instansi)
            .bind(list)
            .fetch_all(pool)
            .await?);
        rows.into_iter()
            .map(|(nip,)| stored_nip("pegawai", "nip", nip))
            .collect()
    }
}
