//! The unit tree walk that scopes a read to a unit and its sub-units.

/// Prefixes `$query` with the table `bawah (kode)`: unit `$2` of instansi
/// `$1` and every unit below it (empty when `$2` is NULL: a query for the
/// whole instansi tests `$2 IS NULL` first). `UNION` ends the walk on a
/// cycle. The walk goes from each unit found to its children through the
/// index on `(instansi_id, induk)`; `CROSS JOIN` keeps that order on
/// SQLite, whose planner (3.51, with statistics sampled from the first
/// rows of each index) otherwise scanned every unit of the instansi for
/// each unit found: 18 s for the 5,481 units under one OPD of 80,045.
macro_rules! with_bawah {
    ($($query:tt)*) => {
        concat!(
            "WITH RECURSIVE bawah (kode) AS ( \
               SELECT kode FROM opd WHERE instansi_id = $1 AND kode = $2 \
               UNION SELECT o.kode FROM bawah b CROSS JOIN opd o \
                 WHERE o.instansi_id = $1 AND o.induk = b.kode) ",
            $($query)*
        )
    };
}
pub(crate) use with_bawah;

impl crate::Db {
    /// A page of a queue of pending items scoped by [`with_bawah!`]: the
    /// rows `list` selects and the number `count` counts, each written
    /// after the prefix, binding `$1` the instansi and `$2` the unit (NULL:
    /// the whole instansi); `list` binds `$3` the limit.
    pub(crate) async fn pending<R>(
        &self,
        list: &str,
        count: &str,
        instansi: i64,
        root: Option<&str>,
        limit: i64,
    ) -> Result<(Vec<R>, i64), crate::StorageError>
    where
        R: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        let list = format!("{}{list}", with_bawah!());
        let count = format!("{}{count}", with_bawah!());
        let rows: Vec<R> = crate::on_read!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(list))
            .bind(instansi).bind(root).bind(limit).fetch_all(pool).await?);
        let total: i64 = crate::on_read!(self, pool => sqlx::query_scalar(sqlx::AssertSqlSafe(count))
            .bind(instansi).bind(root).fetch_one(pool).await?);
        Ok((rows, total))
    }
}
