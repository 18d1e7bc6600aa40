//! Rows to PostgreSQL's `COPY … (FORMAT csv)`.

use super::{Batch, Stored};
use crate::StorageError;
use crate::value::Value;

/// Bytes gathered before they are sent: one send per 64 KiB, not per row.
const SEND_AT: usize = 1 << 16;

/// Sends a batch's rows to a `COPY … (FORMAT csv)` of the columns
/// `instansi_id`, the columns of `T`, `perubahan_id`.
pub(super) async fn send_csv<T: Stored>(
    copy: &mut sqlx::postgres::PgCopyIn<&mut sqlx::PgConnection>,
    instansi_id: i64,
    perubahan_id: i64,
    batch: &Batch<T>,
) -> Result<(), StorageError> {
    let (instansi, perubahan) = (instansi_id.to_string(), perubahan_id.to_string());
    let mut buffer = String::with_capacity(2 * SEND_AT);
    for row in &batch.rows {
        push_row(&mut buffer, &instansi, row, &perubahan);
        if buffer.len() > SEND_AT {
            copy.send(buffer.as_bytes()).await?;
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        copy.send(buffer.as_bytes()).await?;
    }
    Ok(())
}

/// Appends one CSV line: the instansi, the row's values, the perubahan.
fn push_row(buffer: &mut String, instansi: &str, row: &[Value], perubahan: &str) {
    buffer.push_str(instansi);
    for value in row {
        buffer.push(',');
        value.write_csv(buffer);
    }
    buffer.push(',');
    buffer.push_str(perubahan);
    buffer.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_the_instansi_the_values_and_the_perubahan() {
        let mut buffer = String::new();
        push_row(
            &mut buffer,
            "7",
            &[Value::text("a,b"), Value::Int(None), Value::int(3)],
            "42",
        );
        push_row(&mut buffer, "7", &[], "43");
        assert_eq!(buffer, "7,\"a,b\",,3,42\n7,43\n");
    }
}
