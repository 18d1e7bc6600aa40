//! The CSV matrix reader: format, errors with line and column, and
//! robustness against arbitrary bytes.
// A test crate: helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;
use talenta_assign::CostMatrix;
use talenta_assign::matrix_csv::{MatrixCsvError, read};

#[test]
fn reads_ids_costs_and_forbidden_cells() {
    let input = "nip,P1,\"Kepala, Seksi\",P3\n\
                 199001,1.5,-2,\n\
                 199002, 3e2 ,,0.25\n";
    let matrix = read(input.as_bytes()).unwrap();
    assert_eq!(matrix.col_ids, ["P1", "Kepala, Seksi", "P3"]);
    assert_eq!(matrix.row_ids, ["199001", "199002"]);
    let expected = CostMatrix::from_cells(
        2,
        3,
        [Some(1.5), Some(-2.0), None, Some(300.0), None, Some(0.25)],
    )
    .unwrap();
    assert_eq!(matrix.costs, expected);
}

#[test]
fn accepts_crlf_blank_lines_and_a_byte_order_mark() {
    let input = "\u{feff}row,a,b\r\n\r\nx,1,2\r\ny,3,4\r\n";
    let matrix = read(input.as_bytes()).unwrap();
    assert_eq!(matrix.row_ids, ["x", "y"]);
    assert_eq!(
        matrix.costs,
        CostMatrix::new(2, 2, vec![1.0, 2.0, 3.0, 4.0]).unwrap()
    );
}

#[test]
fn a_header_alone_is_an_empty_matrix() {
    let matrix = read("row,a,b\n".as_bytes()).unwrap();
    assert!(matrix.row_ids.is_empty());
    assert_eq!((matrix.costs.rows(), matrix.costs.cols()), (0, 2));
}

fn error_of(input: &str) -> String {
    read(input.as_bytes()).unwrap_err().to_string()
}

#[test]
fn errors_name_line_column_and_value() {
    assert_eq!(
        error_of("row,a,b\nx,1,abc\n"),
        "line 2, column 3: 'abc' is not a number"
    );
    assert_eq!(
        error_of("row,a,b\nx,1,2\ny,1\n"),
        "line 3: 2 cells, but the header has 3"
    );
    assert_eq!(
        error_of("row,a,a\n"),
        "line 1, column 3: the id 'a' appears twice"
    );
    assert_eq!(
        error_of("row,a\nx,1\nx,2\n"),
        "line 3, column 1: the id 'x' appears twice"
    );
    assert_eq!(error_of("row,a\n,1\n"), "line 2, column 1: the id is empty");
    assert_eq!(
        error_of(""),
        "the input is empty: expected a header line of column ids"
    );
    assert!(error_of("row,a\nx,inf\n").starts_with("line 2, column 2: 'inf' is not a usable cost"));
    assert!(error_of("row,a\nx,NaN\n").starts_with("line 2, column 2: 'NaN' is not a usable cost"));
    assert!(
        error_of("row,a\nx,1e200\n").starts_with("line 2, column 2: '1e200' is not a usable cost")
    );
    assert!(matches!(
        read(&b"row,a\nx,\xff\n"[..]),
        Err(MatrixCsvError::NotUtf8 { line: 2, column: 2 })
    ));
}

fn to_csv(row_ids: &[String], col_ids: &[String], cells: &[Option<f64>]) -> String {
    let mut out = String::from("id");
    for id in col_ids {
        out.push(',');
        out.push_str(id);
    }
    out.push('\n');
    for (r, id) in row_ids.iter().enumerate() {
        out.push_str(id);
        for c in 0..col_ids.len() {
            out.push(',');
            if let Some(value) = cells[r * col_ids.len() + c] {
                out.push_str(&value.to_string());
            }
        }
        out.push('\n');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever the bytes, the reader returns a value or an error, never panics.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = read(bytes.as_slice());
    }

    /// Same, with bytes drawn mostly from CSV-significant characters, so that
    /// the structure-handling paths are reached more often than by noise.
    #[test]
    fn csv_like_bytes_never_panic(
        bytes in proptest::collection::vec(
            prop::sample::select(b",\n\r\"-+.e0123456789 xinfa\xff".to_vec()), 0..256)
    ) {
        if let Ok(matrix) = read(bytes.as_slice()) {
            prop_assert_eq!(matrix.row_ids.len(), matrix.costs.rows());
            prop_assert_eq!(matrix.col_ids.len(), matrix.costs.cols());
        }
    }

    /// Written then read back, a matrix is unchanged (shortest round-trip
    /// formatting of f64 is exact).
    #[test]
    fn round_trips(
        (rows, cols, cells) in (0usize..6, 0usize..6).prop_flat_map(|(r, c)| {
            (Just(r), Just(c), proptest::collection::vec(
                proptest::option::of(-1e6..1e6f64), r * c))
        })
    ) {
        let row_ids: Vec<String> = (0..rows).map(|r| format!("r{r}")).collect();
        let col_ids: Vec<String> = (0..cols).map(|c| format!("c{c}")).collect();
        let matrix = read(to_csv(&row_ids, &col_ids, &cells).as_bytes()).unwrap();
        prop_assert_eq!(&matrix.row_ids, &row_ids);
        prop_assert_eq!(&matrix.col_ids, &col_ids);
        prop_assert_eq!(matrix.costs, CostMatrix::from_cells(rows, cols, cells).unwrap());
    }
}
