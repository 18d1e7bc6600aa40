//! The nine competency columns `jabatan` and `asesmen` share (`integritas`
//! … `perekatBangsa`): the eight managerial competencies, then Perekat
//! Bangsa (PermenPANRB 38/2017), in the order of [`UMUM`], one level 1–5
//! each, all nine or none.

use talenta_domain::kompetensi::{Levels, UMUM};

use super::{Row, RowReader};
use crate::record::Column;
use crate::values::parse_level;

/// The nine columns, in the order of [`UMUM`].
pub(crate) const COLUMNS: &[Column] = &[
    Column::optional("integritas").number(),
    Column::optional("kerjaSama").number(),
    Column::optional("komunikasi").number(),
    Column::optional("orientasiPadaHasil").number(),
    Column::optional("pelayananPublik").number(),
    Column::optional("pengembanganDiri").number(),
    Column::optional("mengelolaPerubahan").number(),
    Column::optional("pengambilanKeputusan").number(),
    Column::optional("perekatBangsa").number(),
];
const _: () = assert!(COLUMNS.len() == UMUM.len());

/// Reads the nine columns from `first` on: every level, or none (an empty
/// map). A partial set is an error at the first blank column.
pub(crate) fn read(reader: &mut RowReader<'_>, first: usize) -> Option<Levels> {
    let levels: Vec<Option<Option<_>>> = (first..first + COLUMNS.len())
        .map(|index| reader.opt(index, parse_level))
        .collect();
    let given = levels.iter().filter(|l| matches!(l, Some(Some(_)))).count();
    let blank = levels.iter().position(|l| matches!(l, Some(None)));
    if let Some(offset) = blank
        && given > 0
    {
        reader.fail(
            first + offset,
            "missing value: give all nine competency levels or none",
        );
        return None;
    }
    let levels: Option<Vec<_>> = levels.into_iter().collect();
    Some(
        UMUM.iter()
            .cloned()
            .zip(levels?)
            .filter_map(|(k, level)| Some((k, level?)))
            .collect(),
    )
}

/// Writes the nine columns; a competency the map lacks is blank.
pub(crate) fn write(row: &mut Row, levels: &Levels) {
    for k in &UMUM {
        row.opt_value(levels.get(k).map(|level| level.get()));
    }
}
