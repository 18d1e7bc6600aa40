//! Uploaded documents (migrations 0002 and 0003): the file in `berkas`,
//! by content hash, and the employee's `dokumen` row pointing at it. A
//! document is pending until an admin decides; a rejection keeps its
//! reason in `catatan`. Uploads and decisions are written under a
//! perubahan (who and when).

use time::OffsetDateTime;

use talenta_domain::Nip;

use crate::records::stored_nip;
use crate::{Db, StorageError, on_read, on_tx};

/// Where a document stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verifikasi {
    Menunggu,
    Disetujui { oleh: String },
    Ditolak { oleh: String, alasan: String },
}

/// A stored document (without its content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub nip: Nip,
    /// The employee's name and unit, for the verification queue.
    pub nama: String,
    pub opd: String,
    pub sha256: String,
    pub jenis: String,
    pub nama_file: String,
    pub ukuran: i64,
    pub verifikasi: Verifikasi,
}

/// What an upload's caps are checked against: the documents waiting for
/// verification, of the employee and of their unit, and the employee's
/// uploads since a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadLoad {
    pub pending_person: i64,
    pub pending_unit: i64,
    pub recent: i64,
}

/// An upload to store.
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a> {
    pub nip: Nip,
    pub jenis: &'a str,
    pub nama_file: &'a str,
    pub mime: &'a str,
    /// Lowercase hex SHA-256 of `content`.
    pub sha256: &'a str,
    pub content: &'a [u8],
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    bool,
);

const COLUMNS: &str = "d.nip, p.nama, p.opd, d.sha256, d.jenis, d.nama_file, d.ukuran, \
     d.diverifikasi_oleh, d.catatan, d.diverifikasi_at IS NOT NULL \
     FROM dokumen d JOIN pegawai p ON p.instansi_id = d.instansi_id AND p.nip = d.nip";

fn document(row: Row) -> Result<Document, StorageError> {
    let (nip, nama, opd, sha256, jenis, nama_file, ukuran, oleh, catatan, decided) = row;
    let verifikasi = match (decided, oleh, catatan) {
        (false, _, _) => Verifikasi::Menunggu,
        (true, oleh, None) => Verifikasi::Disetujui {
            oleh: oleh.unwrap_or_default(),
        },
        (true, oleh, Some(alasan)) => Verifikasi::Ditolak {
            oleh: oleh.unwrap_or_default(),
            alasan,
        },
    };
    Ok(Document {
        nip: stored_nip("dokumen", "nip", nip)?,
        nama,
        opd,
        sha256,
        jenis,
        nama_file,
        ukuran,
        verifikasi,
    })
}

impl Db {
    /// Stores an upload as a pending document of `upload.nip`, by `actor`
    /// at `at`. The same content uploaded again for the same employee
    /// becomes pending again under the new kind and name, unless it is
    /// already verified as that kind.
    pub async fn add_document(
        &self,
        instansi: i64,
        upload: Upload<'_>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), StorageError> {
        const FILE: &str = "INSERT INTO berkas (instansi_id, sha256, mime, isi) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (instansi_id, sha256) DO NOTHING";
        const ROW: &str = "INSERT INTO dokumen (instansi_id, nip, sha256, jenis, nama_file, ukuran, perubahan_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (instansi_id, nip, sha256) DO UPDATE SET jenis = excluded.jenis, \
             nama_file = excluded.nama_file, diverifikasi_oleh = NULL, diverifikasi_at = NULL, catatan = NULL, \
             perubahan_id = excluded.perubahan_id \
             WHERE dokumen.diverifikasi_at IS NULL OR dokumen.catatan IS NOT NULL OR dokumen.jenis <> excluded.jenis";
        let size = i64::try_from(upload.content.len()).unwrap_or(i64::MAX);
        let detail = format!(
            "{} {} {} ({} byte)",
            upload.nip.as_str(),
            upload.jenis,
            upload.sha256,
            size
        );
        let mut tx = self.begin_write().await?;
        let change = tx
            .record_change(at, actor, "unggah_dokumen", &detail)
            .await?;
        on_tx!(&mut tx, tx => {
            sqlx::query(FILE).bind(instansi).bind(upload.sha256).bind(upload.mime).bind(upload.content)
                .execute(&mut **tx).await?;
            sqlx::query(ROW).bind(instansi).bind(upload.nip.as_str()).bind(upload.sha256).bind(upload.jenis)
                .bind(upload.nama_file).bind(size).bind(change)
                .execute(&mut **tx).await?;
        });
        tx.commit().await
    }

    /// The load an upload by employee `nip` would add to: pending documents
    /// of theirs and of their unit (OPD), and their uploads at or after
    /// `since` (from the change log, so a file sent again counts again).
    pub async fn upload_load(
        &self,
        instansi: i64,
        nip: &Nip,
        since: OffsetDateTime,
    ) -> Result<UploadLoad, StorageError> {
        const PERSON: &str = "SELECT COUNT(*) FROM dokumen WHERE instansi_id = $1 AND nip = $2 \
             AND diverifikasi_at IS NULL";
        const UNIT: &str = "SELECT COUNT(*) FROM dokumen d JOIN pegawai p ON p.instansi_id = d.instansi_id AND p.nip = d.nip \
             WHERE d.instansi_id = $1 AND d.diverifikasi_at IS NULL \
             AND p.opd = (SELECT opd FROM pegawai WHERE instansi_id = $1 AND nip = $2)";
        const RECENT: &str = "SELECT COUNT(*) FROM perubahan WHERE action = 'unggah_dokumen' \
             AND actor = $1 AND at >= $2";
        // As record_change stores times: UTC, whole seconds.
        let since = since
            .to_offset(time::UtcOffset::UTC)
            .replace_nanosecond(0)
            .unwrap_or(since);
        let (pending_person, pending_unit, recent): (i64, i64, i64) = on_read!(self, pool => (
            sqlx::query_scalar(PERSON).bind(instansi).bind(nip.as_str()).fetch_one(pool).await?,
            sqlx::query_scalar(UNIT).bind(instansi).bind(nip.as_str()).fetch_one(pool).await?,
            sqlx::query_scalar(RECENT).bind(nip.as_str()).bind(since).fetch_one(pool).await?,
        ));
        Ok(UploadLoad {
            pending_person,
            pending_unit,
            recent,
        })
    }

    /// Whether the instansi has no document at all (a demo city not yet
    /// given its files).
    pub async fn no_documents(&self, instansi: i64) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT NOT EXISTS (SELECT 1 FROM dokumen WHERE instansi_id = $1)";
        let none: bool =
            on_read!(self, pool => sqlx::query_scalar(SQL).bind(instansi).fetch_one(pool).await?);
        Ok(none)
    }

    /// The documents of an employee, by kind then name.
    pub async fn documents_of(
        &self,
        instansi: i64,
        nip: &Nip,
    ) -> Result<Vec<Document>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} WHERE d.instansi_id = $1 AND d.nip = $2 ORDER BY d.jenis, d.nama_file, d.sha256"
        );
        let rows: Vec<Row> = on_read!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(instansi).bind(nip.as_str()).fetch_all(pool).await?);
        rows.into_iter().map(document).collect()
    }

    /// One document of an employee, with its stored media type and content.
    pub async fn document_file(
        &self,
        instansi: i64,
        nip: &Nip,
        sha256: &str,
    ) -> Result<Option<(Document, String, Vec<u8>)>, StorageError> {
        let sql =
            format!("SELECT {COLUMNS} WHERE d.instansi_id = $1 AND d.nip = $2 AND d.sha256 = $3");
        const CONTENT: &str = "SELECT mime, isi FROM berkas WHERE instansi_id = $1 AND sha256 = $2";
        let row: Option<Row> = on_read!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(instansi).bind(nip.as_str()).bind(sha256).fetch_optional(pool).await?);
        let Some(row) = row else {
            return Ok(None);
        };
        let file: Option<(String, Vec<u8>)> = on_read!(self, pool => sqlx::query_as(CONTENT)
            .bind(instansi).bind(sha256).fetch_optional(pool).await?);
        file.map(|(mime, content)| Ok((document(row)?, mime, content)))
            .transpose()
    }

    /// Pending documents of employees in unit `root` and below (`None`: the
    /// whole instansi), at most `limit`; and how many there are in all.
    pub async fn pending_documents(
        &self,
        instansi: i64,
        root: Option<&str>,
        limit: i64,
    ) -> Result<(Vec<Document>, i64), StorageError> {
        const FILTER: &str = " WHERE d.instansi_id = $1 AND d.diverifikasi_at IS NULL \
             AND ($2 IS NULL OR p.opd IN (SELECT kode FROM bawah))";
        let list =
            format!("SELECT {COLUMNS}{FILTER} ORDER BY d.perubahan_id, d.nip, d.sha256 LIMIT $3");
        let count = format!(
            "SELECT COUNT(*) FROM dokumen d JOIN pegawai p ON p.instansi_id = d.instansi_id AND p.nip = d.nip{FILTER}"
        );
        let (rows, total): (Vec<Row>, i64) =
            self.pending(&list, &count, instansi, root, limit).await?;
        Ok((
            rows.into_iter().map(document).collect::<Result<_, _>>()?,
            total,
        ))
    }

    /// Decides a pending document: `alasan` is the reason of a rejection
    /// (`None`: verified). `false` if it was not pending (decided meanwhile).
    pub async fn decide_document(
        &self,
        instansi: i64,
        nip: &Nip,
        sha256: &str,
        alasan: Option<&str>,
        by: &str,
        at: OffsetDateTime,
    ) -> Result<bool, StorageError> {
        const DECIDE: &str = "UPDATE dokumen SET diverifikasi_oleh = $4, diverifikasi_at = $5, catatan = $6, perubahan_id = $7 \
             WHERE instansi_id = $1 AND nip = $2 AND sha256 = $3 AND diverifikasi_at IS NULL";
        let action = if alasan.is_some() {
            "tolak_dokumen"
        } else {
            "setujui_dokumen"
        };
        let at = at
            .to_offset(time::UtcOffset::UTC)
            .replace_nanosecond(0)
            .unwrap_or(at);
        let mut tx = self.begin_write().await?;
        let change = tx
            .record_change(at, by, action, &format!("{} {sha256}", nip.as_str()))
            .await?;
        let affected = on_tx!(&mut tx, tx => sqlx::query(DECIDE)
            .bind(instansi).bind(nip.as_str()).bind(sha256).bind(by).bind(at).bind(alasan).bind(change)
            .execute(&mut **tx).await?.rows_affected());
        if affected == 1 {
            tx.commit().await?;
            Ok(true)
        } else {
            tx.rollback().await?;
            Ok(false)
        }
    }
}

/// A document of a bulk load (the demo city's files on record).
#[derive(Debug, Clone)]
pub struct Filed<'a> {
    pub nip: Nip,
    pub jenis: &'a str,
    pub nama_file: &'a str,
    pub sha256: &'a str,
    pub ukuran: i64,
    /// Verified by `actor` at the load's time, or pending.
    pub verified: bool,
}

impl Db {
    /// Loads `files` (sha256, media type, content) and the `documents`
    /// pointing at them in one transaction under one perubahan by `actor`.
    pub async fn load_documents(
        &self,
        instansi: i64,
        files: &[(&str, &str, &[u8])],
        documents: &[Filed<'_>],
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), StorageError> {
        const FILE: &str = "INSERT INTO berkas (instansi_id, sha256, mime, isi) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (instansi_id, sha256) DO NOTHING";
        // Eight parameters a row: well under SQLite's 32,766 per statement.
        const CHUNK: usize = 1000;
        let at = at
            .to_offset(time::UtcOffset::UTC)
            .replace_nanosecond(0)
            .unwrap_or(at);
        let mut tx = self.begin_write().await?;
        let detail = format!("{} dokumen", documents.len());
        let change = tx.record_change(at, actor, "muat_dokumen", &detail).await?;
        for (sha256, mime, content) in files {
            on_tx!(&mut tx, tx => {
                sqlx::query(FILE).bind(instansi).bind(sha256).bind(mime).bind(content)
                    .execute(&mut **tx).await?;
            });
        }
        for chunk in documents.chunks(CHUNK) {
            on_tx!(&mut tx, tx => {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO dokumen (instansi_id, nip, sha256, jenis, nama_file, ukuran, \
                     diverifikasi_oleh, diverifikasi_at, perubahan_id) ",
                );
                insert.push_values(chunk, |mut row, d| {
                    row.push_bind(instansi)
                        .push_bind(d.nip.as_str())
                        .push_bind(d.sha256)
                        .push_bind(d.jenis)
                        .push_bind(d.nama_file)
                        .push_bind(d.ukuran)
                        .push_bind(d.verified.then_some(actor))
                        .push_bind(d.verified.then_some(at))
                        .push_bind(change);
                });
                insert.push(" ON CONFLICT (instansi_id, nip, sha256) DO NOTHING");
                insert.build().execute(&mut **tx).await?;
            });
        }
        tx.commit().await
    }
}
