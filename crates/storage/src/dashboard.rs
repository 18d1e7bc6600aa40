//! The aggregates of a dashboard: counts per unit group of employees,
//! assessments, verified documents, talent boxes and pending verifications,
//! each one `GROUP BY` query over a recursive walk of the OPD tree.
//!
//! A dashboard is drawn for the whole instansi or for one unit. Its rows
//! are *groups*: for the instansi, each top-level OPD with everything below
//! it; for a unit, the unit itself (its own staff only) and each of its
//! direct sub-units with everything below them. Every query starts from the
//! same `grup` table (unit code → group code), so the numbers of one page
//! add up, and the whole page costs six queries whatever the size of the
//! city.

use time::Date;

use crate::{Db, StorageError, on_read};

/// Maps every unit in scope to its group. `$1` the instansi; `$2` the root
/// unit, or NULL for the whole instansi. A unit's own row keeps the unit as
/// its group, and the walk does not descend from it, so its sub-units head
/// their own groups. `UNION` (not `UNION ALL`) ends the walk on a cycle.
macro_rules! with_grup {
    ($($query:tt)*) => {
        concat!(
            "WITH RECURSIVE grup (kode, grup) AS ( \
               SELECT kode, kode FROM opd WHERE instansi_id = $1 \
                 AND (CASE WHEN $2 IS NULL THEN induk IS NULL ELSE (kode = $2 OR induk = $2) END) \
               UNION SELECT o.kode, g.grup FROM grup g CROSS JOIN opd o \
                 WHERE o.instansi_id = $1 AND o.induk = g.kode AND ($2 IS NULL OR g.kode <> $2)) ",
            $($query)*
        )
    };
}

/// The groups of the scope, by code: (code, name).
const GROUPS: &str = with_grup!(
    "SELECT o.kode, o.nama FROM grup g JOIN opd o ON o.instansi_id = $1 AND o.kode = g.kode \
     WHERE g.kode = g.grup ORDER BY o.kode"
);

/// Employees per group and status, and how many of them have an assessment
/// dated in `$3..=$4`.
const EMPLOYEES: &str = with_grup!(
    "SELECT g.grup, p.status, COUNT(*), \
       SUM(CASE WHEN EXISTS (SELECT 1 FROM asesmen a WHERE a.instansi_id = p.instansi_id \
         AND a.nip = p.nip AND a.tanggal >= $3 AND a.tanggal <= $4) THEN 1 ELSE 0 END) \
     FROM pegawai p JOIN grup g ON p.opd = g.kode WHERE p.instansi_id = $1 \
     GROUP BY g.grup, p.status ORDER BY g.grup, p.status"
);

/// Employees per group, status and document kind with a verified document
/// of that kind (verified: decided, with no rejection note), for a unit:
/// `CROSS JOIN` keeps SQLite's join order (unit, its people, their
/// documents), so a unit's dashboard reads only its own people's
/// documents. PostgreSQL plans either statement as an inner join.
const DOCUMENTS_OF_UNIT: &str = with_grup!(
    "SELECT g.grup, p.status, d.jenis, COUNT(DISTINCT p.nip) \
     FROM grup g CROSS JOIN pegawai p CROSS JOIN dokumen d \
     WHERE p.instansi_id = $1 AND p.opd = g.kode AND d.instansi_id = p.instansi_id AND d.nip = p.nip \
       AND d.diverifikasi_at IS NOT NULL AND d.catatan IS NULL \
     GROUP BY g.grup, p.status, d.jenis ORDER BY g.grup, p.status, d.jenis"
);

/// The same for the whole instansi, from the documents: every unit is in
/// scope, so each document finds its employee by key and the employee's
/// group, rather than every employee looking for documents (6.6 s against
/// 21 s over a million employees and 3.8 million documents).
const DOCUMENTS_OF_INSTANSI: &str = with_grup!(
    "SELECT g.grup, p.status, d.jenis, COUNT(DISTINCT p.nip) \
     FROM dokumen d CROSS JOIN pegawai p CROSS JOIN grup g \
     WHERE d.instansi_id = $1 AND d.diverifikasi_at IS NOT NULL AND d.catatan IS NULL \
       AND p.instansi_id = d.instansi_id AND p.nip = d.nip AND g.kode = p.opd \
     GROUP BY g.grup, p.status, d.jenis ORDER BY g.grup, p.status, d.jenis"
);

/// Rows of the map of period `$3` per group (by the unit the map
/// recorded), jenjang of the current position, and final box (NULL: not
/// placed). For a unit, its rows are kept by their own unit first: SQLite
/// inlines the view's calibration join right after each row, which would
/// otherwise be sought for every row of the period before the groups drop
/// those of other units.
const BOXES: &str = with_grup!(
    "SELECT g.grup, j.jenjang, t.kotak_final, COUNT(*) \
     FROM peta_talenta_final t JOIN grup g ON t.opd = g.kode \
     LEFT JOIN pegawai p ON p.instansi_id = t.instansi_id AND p.nip = t.nip \
     LEFT JOIN jabatan j ON j.instansi_id = p.instansi_id AND j.kode = p.jabatan \
     WHERE t.instansi_id = $1 AND t.periode = $3 AND ($2 IS NULL OR t.opd IN (SELECT kode FROM grup)) \
     GROUP BY g.grup, j.jenjang, t.kotak_final ORDER BY g.grup, j.jenjang, t.kotak_final"
);

/// Pending proposals and pending documents of employees in scope: each
/// pending row (`CROSS JOIN` keeps them first on SQLite) finds its
/// employee by key, then asks whether the employee's unit is in scope
/// (`EXISTS`). With `p.opd IN (…)` SQLite 3.51 sought every unit in scope
/// for every pending row: 80,045 units times 39,860 pending documents in
/// a city of a million, where this takes 0.25 s.
const QUEUE: &str = with_grup!(
    "SELECT \
       (SELECT COUNT(*) FROM usulan u CROSS JOIN pegawai p \
          WHERE u.instansi_id = $1 AND u.status = 'menunggu' \
            AND p.instansi_id = u.instansi_id AND p.nip = u.nip \
            AND EXISTS (SELECT 1 FROM grup g WHERE g.kode = p.opd)), \
       (SELECT COUNT(*) FROM dokumen d CROSS JOIN pegawai p \
          WHERE d.instansi_id = $1 AND d.diverifikasi_at IS NULL \
            AND p.instansi_id = d.instansi_id AND p.nip = d.nip \
            AND EXISTS (SELECT 1 FROM grup g WHERE g.kode = p.opd))"
);

/// A row group of a dashboard: a unit and everything counted under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitGroup {
    pub kode: String,
    pub nama: String,
}

/// Employees of one group and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCount {
    pub grup: String,
    /// `CPNS`, `PNS` or `PPPK`, as stored.
    pub status: String,
    pub pegawai: i64,
    /// Those with a current assessment.
    pub profiled: i64,
}

/// Employees of one group and status holding a verified document of a kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedCount {
    pub grup: String,
    pub status: String,
    pub jenis: String,
    pub pegawai: i64,
}

/// Snapshot rows of one group, jenjang and box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxCount {
    pub grup: String,
    /// The jenjang code of the current position; `None` without one.
    pub jenjang: Option<String>,
    /// `None`: in the snapshot but not placed (data missing).
    pub kotak: Option<u8>,
    pub pegawai: i64,
}

/// What waits for verification in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Queue {
    pub usulan: i64,
    pub dokumen: i64,
}

/// Everything a dashboard counts, in one scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardCounts {
    pub groups: Vec<UnitGroup>,
    pub employees: Vec<StatusCount>,
    pub documents: Vec<VerifiedCount>,
    /// The latest talent-map period, if any map was computed.
    pub periode: Option<String>,
    /// Rows of the latest period's snapshot.
    pub boxes: Vec<BoxCount>,
    pub queue: Queue,
}

impl Db {
    /// The latest talent-map period of an instansi (periods sort as text:
    /// `2025-S2` < `2026-S1`).
    pub async fn latest_periode(&self, instansi: i64) -> Result<Option<String>, StorageError> {
        const SQL: &str = "SELECT MAX(periode) FROM peta_talenta WHERE instansi_id = $1";
        let periode: Option<String> =
            on_read!(self, pool => sqlx::query_scalar(SQL).bind(instansi).fetch_one(pool).await?);
        Ok(periode)
    }

    /// The counts of the dashboard of `root` (a unit and its sub-units) or,
    /// with `None`, of the whole instansi. An employee counts as profiled
    /// with an assessment dated in `assessed_from..=today`.
    pub async fn dashboard_counts(
        &self,
        instansi: i64,
        root: Option<&str>,
        assessed_from: Date,
        today: Date,
    ) -> Result<DashboardCounts, StorageError> {
        let periode = self.latest_periode(instansi).await?;
        let groups: Vec<(String, String)> = on_read!(self, pool => sqlx::query_as(GROUPS)
            .bind(instansi).bind(root).fetch_all(pool).await?);
        let employees: Vec<(String, String, i64, i64)> = on_read!(self, pool => sqlx::query_as(EMPLOYEES)
            .bind(instansi).bind(root).bind(assessed_from).bind(today).fetch_all(pool).await?);
        let documents_sql = match root {
            Some(_) => DOCUMENTS_OF_UNIT,
            None => DOCUMENTS_OF_INSTANSI,
        };
        let documents: Vec<(String, String, String, i64)> = on_read!(self, pool => sqlx::query_as(documents_sql)
            .bind(instansi).bind(root).fetch_all(pool).await?);
        let boxes: Vec<(String, Option<String>, Option<i64>, i64)> = match &periode {
            Some(periode) => on_read!(self, pool => sqlx::query_as(BOXES)
                .bind(instansi).bind(root).bind(periode).fetch_all(pool).await?),
            None => Vec::new(),
        };
        let (usulan, dokumen): (i64, i64) = on_read!(self, pool => sqlx::query_as(QUEUE)
            .bind(instansi).bind(root).fetch_one(pool).await?);
        Ok(DashboardCounts {
            groups: groups
                .into_iter()
                .map(|(kode, nama)| UnitGroup { kode, nama })
                .collect(),
            employees: employees
                .into_iter()
                .map(|(grup, status, pegawai, profiled)| StatusCount {
                    grup,
                    status,
                    pegawai,
                    profiled,
                })
                .collect(),
            documents: documents
                .into_iter()
                .map(|(grup, status, jenis, pegawai)| VerifiedCount {
                    grup,
                    status,
                    jenis,
                    pegawai,
                })
                .collect(),
            periode,
            boxes: boxes
                .into_iter()
                .map(|(grup, jenjang, kotak, pegawai)| {
                    Ok(BoxCount {
                        grup,
                        jenjang,
                        kotak: kotak.map(small_kotak).transpose()?,
                        pegawai,
                    })
                })
                .collect::<Result<_, StorageError>>()?,
            queue: Queue { usulan, dokumen },
        })
    }

    /// Whether unit `kode` exists in the instansi.
    pub async fn unit_exists(&self, instansi: i64, kode: &str) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT EXISTS (SELECT 1 FROM opd WHERE instansi_id = $1 AND kode = $2)";
        let exists: bool = on_read!(self, pool => sqlx::query_scalar(SQL).bind(instansi).bind(kode).fetch_one(pool).await?);
        Ok(exists)
    }
}

/// A stored box number as a byte; anything else is corrupt data.
fn small_kotak(kotak: i64) -> Result<u8, StorageError> {
    u8::try_from(kotak)
        .ok()
        .filter(|k| (1..=9).contains(k))
        .ok_or_else(|| StorageError::Corrupt {
            table: "peta_talenta_pegawai",
            column: "kotak",
            value: kotak.to_string(),
            reason: "a box is 1 to 9".into(),
        })
}
