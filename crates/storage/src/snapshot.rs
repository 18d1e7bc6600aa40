//! Talent-map snapshots: one per instansi and period, with the rules it was
//! computed under, and one row per employee: scores and box, or what was
//! missing. Re-running a period replaces its snapshot in one transaction,
//! rewriting only the rows that changed.

use talenta_domain::periode::PeriodeError;
use talenta_domain::talent::Komponen;
use talenta_domain::{Kotak, Nip, Periode, Score};
use time::OffsetDateTime;

use crate::records::stored;
use crate::stored::{Stored, WriteTx, column_list};
use crate::value::Value;
use crate::{Db, StorageError};

/// One employee in a snapshot. Name and OPD are copied as they were, so a
/// snapshot stays readable after the employee record changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotRow {
    pub periode: Periode,
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    pub kinerja: Option<Score>,
    pub potensial: Option<Score>,
    pub kotak: Option<Kotak>,
    pub nilai_talenta: Option<Score>,
    /// The components without data, when not placed; empty when placed.
    pub kurang: Vec<Komponen>,
}

/// The header of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub periode: Periode,
    pub rule_set: String,
    pub cutoffs: String,
    pub dihitung_at: OffsetDateTime,
    /// The whole rule set the map was computed with (canonical TOML);
    /// `None` for a map computed before rule sets were kept (migration
    /// 0013).
    pub rule_set_toml: Option<String>,
}

stored! {
    SnapshotRow in "peta_talenta_pegawai", key 2 {
        periode: "periode" Text,
        nip: "nip" Text,
        nama: "nama" Text,
        opd: "opd" Text,
        kinerja: "kinerja" Int,
        potensial: "potensial" Int,
        kotak: "kotak" Int,
        nilai_talenta: "nilai_talenta" Int,
        kurang: "kurang" Text,
    }
}

impl WriteTx {
    /// Writes the header of the period's snapshot, replacing an earlier
    /// one's, and tells whether the period already holds rows. If it does,
    /// the rows follow with [`WriteTx::upsert`], which rewrites only those
    /// that changed (a map run again over unchanged records writes nearly
    /// nothing), then [`WriteTx::prune_snapshot`] removes the rows of people
    /// who are no longer employees of the instansi; if not, every row is new
    /// ([`WriteTx::insert_batch`]).
    pub async fn replace_snapshot(
        &mut self,
        instansi_id: i64,
        perubahan_id: i64,
        snapshot: &Snapshot,
    ) -> Result<bool, StorageError> {
        const HAS_ROWS: &str = "SELECT EXISTS (SELECT 1 FROM peta_talenta_pegawai \
             WHERE instansi_id = $1 AND periode = $2)";
        const UPSERT: &str = "INSERT INTO peta_talenta \
             (instansi_id, periode, rule_set, cutoffs, dihitung_at, perubahan_id, rule_set_toml) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (instansi_id, periode) DO UPDATE SET rule_set = excluded.rule_set, \
             cutoffs = excluded.cutoffs, dihitung_at = excluded.dihitung_at, \
             perubahan_id = excluded.perubahan_id, rule_set_toml = excluded.rule_set_toml";
        let at = snapshot
            .dihitung_at
            .replace_nanosecond(0)
            .unwrap_or(snapshot.dihitung_at);
        macro_rules! run {
            ($tx:expr) => {{
                sqlx::query(UPSERT)
                    .bind(instansi_id)
                    .bind(snapshot.periode.to_string())
                    .bind(&snapshot.rule_set)
                    .bind(&snapshot.cutoffs)
                    .bind(at)
                    .bind(perubahan_id)
                    .bind(snapshot.rule_set_toml.as_deref())
                    .execute(&mut **$tx)
                    .await?;
                sqlx::query_scalar(HAS_ROWS)
                    .bind(instansi_id)
                    .bind(snapshot.periode.to_string())
                    .fetch_one(&mut **$tx)
                    .await?
            }};
        }
        Ok(match self {
            WriteTx::Sqlite(tx) => run!(tx),
            WriteTx::Postgres(tx) => run!(tx),
        })
    }

    /// The row of `nip` in the map of `periode`, read inside this
    /// transaction: what a calibration checks before it writes.
    pub async fn snapshot_row(
        &mut self,
        instansi_id: i64,
        periode: &str,
        nip: &Nip,
    ) -> Result<Option<SnapshotRow>, StorageError> {
        let sql = format!(
            "SELECT {} FROM {} WHERE instansi_id = $1 AND periode = $2 AND nip = $3",
            column_list::<SnapshotRow>(),
            SnapshotRow::TABLE
        );
        Ok(self
            .fetch(
                sql,
                vec![
                    Value::int(instansi_id),
                    Value::text(periode),
                    Value::text(nip.as_str()),
                ],
            )
            .await?
            .pop())
    }

    /// Ends the writing of a snapshot of which `kept` rows were upserted,
    /// one per employee of the instansi: removes the period's other rows
    /// (of people no longer employed) and returns how many. When the period
    /// holds exactly `kept` rows there are none, and nothing is searched.
    pub async fn prune_snapshot(
        &mut self,
        instansi_id: i64,
        periode: &str,
        kept: u64,
    ) -> Result<u64, StorageError> {
        const COUNT: &str =
            "SELECT COUNT(*) FROM peta_talenta_pegawai WHERE instansi_id = $1 AND periode = $2";
        const PRUNE: &str = "DELETE FROM peta_talenta_pegawai \
             WHERE instansi_id = $1 AND periode = $2 AND NOT EXISTS \
             (SELECT 1 FROM pegawai p WHERE p.instansi_id = $1 AND p.nip = peta_talenta_pegawai.nip)";
        macro_rules! run {
            ($tx:expr) => {{
                let count: i64 = sqlx::query_scalar(COUNT)
                    .bind(instansi_id)
                    .bind(periode)
                    .fetch_one(&mut **$tx)
                    .await?;
                if u64::try_from(count).ok() == Some(kept) {
                    0
                } else {
                    sqlx::query(PRUNE)
                        .bind(instansi_id)
                        .bind(periode)
                        .execute(&mut **$tx)
                        .await?
                        .rows_affected()
                }
            }};
        }
        Ok(match self {
            WriteTx::Sqlite(tx) => run!(tx),
            WriteTx::Postgres(tx) => run!(tx),
        })
    }
}

impl Db {
    /// The snapshot header of a period, if it was computed.
    pub async fn snapshot(
        &self,
        instansi_id: i64,
        periode: &str,
    ) -> Result<Option<Snapshot>, StorageError> {
        const SQL: &str = "SELECT periode, rule_set, cutoffs, dihitung_at, rule_set_toml \
             FROM peta_talenta WHERE instansi_id = $1 AND periode = $2";
        type Row = (String, String, String, OffsetDateTime, Option<String>);
        let row: Option<Row> = match self {
            Db::Sqlite { read, .. } => {
                sqlx::query_as(SQL)
                    .bind(instansi_id)
                    .bind(periode)
                    .fetch_optional(read)
                    .await?
            }
            Db::Postgres(pool) => {
                sqlx::query_as(SQL)
                    .bind(instansi_id)
                    .bind(periode)
                    .fetch_optional(pool)
                    .await?
            }
        };
        row.map(|(periode, rule_set, cutoffs, dihitung_at, rule_set_toml)| {
            Ok(Snapshot {
                periode: periode
                    .parse()
                    .map_err(|e: PeriodeError| StorageError::Corrupt {
                        table: "peta_talenta",
                        column: "periode",
                        value: periode.clone(),
                        reason: e.to_string(),
                    })?,
                rule_set,
                cutoffs,
                dihitung_at,
                rule_set_toml,
            })
        })
        .transpose()
    }
}
