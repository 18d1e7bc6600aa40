//! Personal branding (migration 0003): an employee's statement and items.
//! The employee's own voice, written directly (no verification), so no
//! perubahan: the personnel record is not touched.

use talenta_domain::branding::{Item, Jenis};

use talenta_domain::Nip;

use crate::{Db, StorageError, on_db, on_read};

/// A stored branding item, with its number (stable per employee).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandingItem {
    pub nomor: i64,
    pub item: Item,
}

/// An employee's branding: the statement (empty when never written) and
/// the items in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Branding {
    pub pernyataan: String,
    pub items: Vec<BrandingItem>,
}

/// nomor, jenis, judul, tahun, tautan.
type ItemRow = (i64, String, String, Option<i64>, Option<String>);

impl Db {
    pub async fn branding(&self, instansi: i64, nip: &Nip) -> Result<Branding, StorageError> {
        const STATEMENT: &str =
            "SELECT pernyataan FROM branding WHERE instansi_id = $1 AND nip = $2";
        const ITEMS: &str = "SELECT nomor, jenis, judul, tahun, tautan FROM branding_item \
             WHERE instansi_id = $1 AND nip = $2 ORDER BY nomor";
        let pernyataan: Option<String> = on_read!(self, pool => sqlx::query_scalar(STATEMENT)
            .bind(instansi).bind(nip.as_str()).fetch_optional(pool).await?);
        let rows: Vec<ItemRow> = on_read!(self, pool =>
            sqlx::query_as(ITEMS).bind(instansi).bind(nip.as_str()).fetch_all(pool).await?);
        let items = rows
            .into_iter()
            .map(|(nomor, jenis, judul, tahun, tautan)| {
                let jenis: Jenis =
                    jenis
                        .parse()
                        .map_err(|e: talenta_domain::branding::BrandingError| {
                            StorageError::Corrupt {
                                table: "branding_item",
                                column: "jenis",
                                value: jenis.clone(),
                                reason: e.to_string(),
                            }
                        })?;
                Ok(BrandingItem {
                    nomor,
                    item: Item {
                        jenis,
                        judul,
                        tahun: tahun.and_then(|y| i32::try_from(y).ok()),
                        tautan,
                    },
                })
            })
            .collect::<Result<_, StorageError>>()?;
        Ok(Branding {
            pernyataan: pernyataan.unwrap_or_default(),
            items,
        })
    }

    /// Replaces the statement; `now` in unix seconds.
    pub async fn set_pernyataan(
        &self,
        instansi: i64,
        nip: &Nip,
        pernyataan: &str,
        now: i64,
    ) -> Result<(), StorageError> {
        const UPSERT: &str = "INSERT INTO branding (instansi_id, nip, pernyataan, diubah) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (instansi_id, nip) DO UPDATE SET pernyataan = excluded.pernyataan, diubah = excluded.diubah";
        on_db!(self, pool => {
            sqlx::query(UPSERT).bind(instansi).bind(nip.as_str()).bind(pernyataan).bind(now)
                .execute(pool).await?;
        });
        Ok(())
    }

    /// Adds an item and returns its number (one more than the highest so
    /// far: numbers are never reused while an item holds them).
    pub async fn add_branding_item(
        &self,
        instansi: i64,
        nip: &Nip,
        item: &Item,
    ) -> Result<i64, StorageError> {
        const INSERT: &str = "INSERT INTO branding_item (instansi_id, nip, nomor, jenis, judul, tahun, tautan) \
             VALUES ($1, $2, (SELECT COALESCE(MAX(nomor), 0) + 1 FROM branding_item WHERE instansi_id = $1 AND nip = $2), \
             $3, $4, $5, $6) RETURNING nomor";
        let tahun = item.tahun.map(i64::from);
        let nomor: i64 = on_db!(self, pool => sqlx::query_scalar(INSERT)
            .bind(instansi).bind(nip.as_str()).bind(item.jenis.code()).bind(&item.judul).bind(tahun).bind(&item.tautan)
            .fetch_one(pool).await?);
        Ok(nomor)
    }

    /// Removes item `nomor`; `false` if the employee has no such item.
    pub async fn remove_branding_item(
        &self,
        instansi: i64,
        nip: &Nip,
        nomor: i64,
    ) -> Result<bool, StorageError> {
        const DELETE: &str =
            "DELETE FROM branding_item WHERE instansi_id = $1 AND nip = $2 AND nomor = $3";
        let affected = on_db!(self, pool => sqlx::query(DELETE).bind(instansi).bind(nip.as_str()).bind(nomor)
            .execute(pool).await?.rows_affected());
        Ok(affected > 0)
    }
}
