//! The input of `talenta classify`: one row per employee with `nip`,
//! `kinerja` and `potensial` (0–100), in any column order, other columns
//! ignored.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::Read;

use talenta_domain::{Nip, Score};

use crate::delimited::{FileError, Table};
use crate::record::{Column, Record, RowError};

pub const COLUMNS: [Column; 3] = [
    Column::required("nip"),
    Column::required("kinerja").number(),
    Column::required("potensial").number(),
];

/// One valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    pub line: u64,
    pub nip: Nip,
    pub kinerja: Score,
    pub potensial: Score,
}

/// Every valid row and every error, in file order.
#[derive(Debug, Default)]
pub struct ScoreFile {
    pub rows: Vec<ScoreRow>,
    pub errors: Vec<RowError>,
}

/// Reads the whole file, collecting every bad value rather than stopping at
/// the first. A NIP seen twice is an error on its second line.
pub fn read_scores(input: impl Read) -> Result<ScoreFile, FileError> {
    let mut table = Table::open(input, &COLUMNS)?;
    let mut file = ScoreFile::default();
    let mut seen: HashMap<Nip, u64> = HashMap::new();
    while let Some(record) = table.next_record() {
        let record = record?;
        match parse_row(&record) {
            Ok(row) => match seen.entry(row.nip) {
                Entry::Occupied(first) => file.errors.push(record.error(
                    0,
                    row.nip.as_str(),
                    format!("duplicate NIP, first on line {}", first.get()),
                )),
                Entry::Vacant(slot) => {
                    slot.insert(row.line);
                    file.rows.push(row);
                }
            },
            Err(errors) => file.errors.extend(errors),
        }
    }
    Ok(file)
}

fn parse_row(record: &Record) -> Result<ScoreRow, Vec<RowError>> {
    let nip = record.get(0).and_then(|text| {
        Nip::parse(text).map_err(|errors| {
            let reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
            record.error(0, text, format!("invalid NIP: {}", reasons.join("; ")))
        })
    });
    let score = |index: usize| {
        record.get(index).and_then(|text| {
            text.parse::<Score>()
                .map_err(|e| record.error(index, text, e.to_string()))
        })
    };
    match (nip, score(1), score(2)) {
        (Ok(nip), Ok(kinerja), Ok(potensial)) => Ok(ScoreRow {
            line: record.place.number(),
            nip,
            kinerja,
            potensial,
        }),
        (nip, kinerja, potensial) => Err([nip.err(), kinerja.err(), potensial.err()]
            .into_iter()
            .flatten()
            .collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "196608011988031001";
    const B: &str = "198609262015051001";

    #[test]
    fn reads_rows_in_order_with_extra_columns() {
        let text = format!("nama,potensial,nip,kinerja\nAni,70,{A},85.5\nBudi,90,\"{B}\",60\n");
        let file = read_scores(text.as_bytes()).unwrap();
        assert!(file.errors.is_empty());
        assert_eq!(file.rows.len(), 2);
        assert_eq!(file.rows[0].nip.as_str(), A);
        assert_eq!(file.rows[0].kinerja.hundredths(), 8550);
        assert_eq!(file.rows[1].potensial.hundredths(), 9000);
        assert_eq!(file.rows[1].line, 3);
    }

    #[test]
    fn every_bad_value_is_reported_with_line_and_column() {
        let text = format!(
            "nip,kinerja,potensial\n{A},abc,101\n123,50,50\n{B},50\n{A},50,50\n{B},80,80\n{B},70,70\n"
        );
        let file = read_scores(text.as_bytes()).unwrap();
        let shown: Vec<String> = file.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "line 2, column 2 (kinerja): value \"abc\": not a number",
                "line 2, column 3 (potensial): value \"101\": outside 0-100",
                "line 3, column 1 (nip): value \"123\": invalid NIP: wrong length: a NIP has 18 digits, found 3",
                "line 4, column 3 (potensial): value \"\": missing value",
                "line 7, column 1 (nip): value \"198609262015051001\": duplicate NIP, first on line 6",
            ]
        );
        let lines: Vec<u64> = file.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [5, 6]);
    }
}
