//! The text of the statements over a [`Stored`] or [`View`] type, built
//! only from the compile-time names of its table and columns.

use super::{Stored, View};
use crate::value::Ty;

/// Selects the records of `T` whose first key column lies in `$2..=$3`, and
/// meet `filter`, in key order.
pub(super) fn range_sql<T: View>(filter: &str) -> String {
    format!(
        "SELECT {} FROM {} WHERE instansi_id = $1 AND {col} >= $2 AND {col} <= $3 {filter}ORDER BY {}",
        column_list::<T>(),
        T::TABLE,
        key_list::<T>(),
        col = first_column::<T>(),
    )
}

pub(super) fn first_column<T: View>() -> &'static str {
    T::COLUMNS.first().map_or("nip", |(name, _)| *name)
}

pub(crate) fn column_list<T: View>() -> String {
    T::COLUMNS
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The columns `first` then `then`, in `N` slots: the columns of a view
/// that begins with another view's (`stored! { view … { ..FIELD: VIEW, … } }`),
/// computed at compile time. `N` is the two lengths' sum.
pub(crate) const fn concat_columns<const N: usize>(
    first: &[(&'static str, Ty)],
    then: &[(&'static str, Ty)],
) -> [(&'static str, Ty); N] {
    let mut all = [("", Ty::Text); N];
    let mut slots: &mut [(&'static str, Ty)] = &mut all;
    let (mut first, mut then) = (first, then);
    let mut filled = 0;
    while let [slot, more_slots @ ..] = slots {
        match (first, then) {
            ([column, more @ ..], _) => {
                *slot = *column;
                first = more;
            }
            ([], [column, more @ ..]) => {
                *slot = *column;
                then = more;
            }
            ([], []) => break,
        }
        filled += 1;
        slots = more_slots;
    }
    // Checked when the view's columns are computed, at compile time.
    assert!(
        filled == N && first.is_empty() && then.is_empty(),
        "N is not the number of columns"
    );
    all
}

/// Deletes the records of `T` of instansi `$1` whose first `key_len` key
/// columns (at most [`Stored::KEY_LEN`]) equal `$2`, `$3`, ….
pub(super) fn delete_sql<T: Stored>(key_len: usize) -> String {
    let key: Vec<String> = T::COLUMNS
        .iter()
        .take(key_len)
        .zip(2..)
        .map(|((name, _), n)| format!(" AND {name} = ${n}"))
        .collect();
    format!(
        "DELETE FROM {} WHERE instansi_id = $1{}",
        T::TABLE,
        key.concat()
    )
}

pub(crate) fn key_list<T: View>() -> String {
    T::COLUMNS
        .iter()
        .take(T::KEY_LEN)
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// An identifier as SQL text, for both engines (constraint and index names
/// come from the catalogue, not from input).
pub(super) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `ON CONFLICT … DO UPDATE` that writes only rows whose values differ.
pub(super) fn on_conflict<T: Stored>() -> String {
    let rest = T::COLUMNS.iter().skip(T::KEY_LEN).map(|(name, _)| *name);
    let set: Vec<String> = rest
        .clone()
        .map(|c| format!("{c} = excluded.{c}"))
        .chain(std::iter::once(
            "perubahan_id = excluded.perubahan_id".to_owned(),
        ))
        .collect();
    let differs: Vec<String> = rest
        .map(|c| {
            format!(
                "{table}.{c} IS DISTINCT FROM excluded.{c}",
                table = T::TABLE
            )
        })
        .collect();
    format!(
        " ON CONFLICT (instansi_id, {key}) DO UPDATE SET {set} WHERE {differs}",
        key = key_list::<T>(),
        set = set.join(", "),
        differs = differs.join(" OR ")
    )
}

/// The multi-row `INSERT` of SQLite. Its parameters are anonymous (`?`):
/// sqlx looks up each `$n` by name, which SQLite answers by scanning the
/// statement's list of names, quadratic in a 30,000-parameter statement.
pub(super) fn insert_values_sql<T: Stored>(rows: usize, conflict: &str) -> String {
    let width = T::COLUMNS.len() + 2;
    let row = format!("({})", vec!["?"; width].join(", "));
    format!(
        "INSERT INTO {} (instansi_id, {}, perubahan_id) VALUES {}{conflict}",
        T::TABLE,
        column_list::<T>(),
        vec![row; rows].join(", "),
    )
}

/// `keys` as the JSON text that [`Db::json_list`] reads.
pub(crate) fn json_list_text(keys: &[impl AsRef<str>]) -> String {
    let keys: Vec<&str> = keys.iter().map(AsRef::as_ref).collect();
    serde_json::Value::from(keys).to_string()
}

#[cfg(test)]
mod tests {
    use super::super::example::Example;
    use super::*;

    #[test]
    fn lists_name_the_columns_and_the_key() {
        assert_eq!(column_list::<Example>(), "nip, tahun, catatan");
        assert_eq!(key_list::<Example>(), "nip, tahun");
        assert_eq!(first_column::<Example>(), "nip");
    }

    #[test]
    fn a_range_is_of_the_first_key_column_in_key_order() {
        assert_eq!(
            range_sql::<Example>("AND tahun >= $4 "),
            "SELECT nip, tahun, catatan FROM contoh WHERE instansi_id = $1 \
             AND nip >= $2 AND nip <= $3 AND tahun >= $4 ORDER BY nip, tahun"
        );
    }

    #[test]
    fn an_upsert_writes_only_rows_whose_values_differ() {
        assert_eq!(
            on_conflict::<Example>(),
            " ON CONFLICT (instansi_id, nip, tahun) DO UPDATE SET catatan = excluded.catatan, \
             perubahan_id = excluded.perubahan_id \
             WHERE contoh.catatan IS DISTINCT FROM excluded.catatan"
        );
    }

    #[test]
    fn sqlite_inserts_bind_anonymous_parameters_row_by_row() {
        assert_eq!(
            insert_values_sql::<Example>(2, ""),
            "INSERT INTO contoh (instansi_id, nip, tahun, catatan, perubahan_id) \
             VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)"
        );
    }

    #[test]
    fn identifiers_and_lists_are_quoted() {
        assert_eq!(quote_ident(r#"fk "x""#), r#""fk ""x""""#);
        assert_eq!(json_list_text(&["a", "b\"c"]), r#"["a","b\"c"]"#);
    }
}
