//! `asesmen`: assessment results, a potensi score, the nine competency
//! levels, or both.

use talenta_domain::personnel::{Asesmen, SumberAsesmen};
use time::Date;

use super::{Kind, RecordKind, Reference, Row, RowReader, Target, kompetensi};
use crate::record::{Column, Record, RowError};
use crate::values::{parse_code, parse_date, parse_nip, parse_score};

const NIP: usize = 0;
const TANGGAL: usize = 1;
const SUMBER: usize = 2;
const POTENSI: usize = 3;
const KOMPETENSI: usize = 4;

impl RecordKind for Asesmen {
    const KIND: Kind = Kind::Asesmen;
    const COLUMNS: &'static [Column] = &[
        Column::required("nipBaru"),
        Column::required("tanggal"),
        Column::required("sumber"),
        Column::optional("nilaiPotensi").number(),
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
    /// The NIP's digits, the date and who assessed.
    type Key = (String, Date, SumberAsesmen);

    fn key(&self) -> (String, Date, SumberAsesmen) {
        (self.nip.as_str().to_owned(), self.tanggal, self.sumber)
    }

    fn parse(record: &Record) -> Result<Asesmen, Vec<RowError>> {
        RowReader::parse(record, |row| {
            let nip = row.req(NIP, |text| parse_nip(text, None));
            let tanggal = row.req(TANGGAL, parse_date);
            let sumber = row.req(SUMBER, parse_code::<SumberAsesmen>);
            let potensi = row.opt(POTENSI, parse_score);
            let kompetensi = kompetensi::read(row, KOMPETENSI);
            if let (Some(None), Some(levels)) = (potensi, &kompetensi)
                && levels.is_empty()
            {
                row.fail(
                    POTENSI,
                    "missing value: give nilaiPotensi, the nine competency levels, or both",
                );
            }
            Some(Asesmen {
                nip: nip?,
                tanggal: tanggal?,
                sumber: sumber?,
                potensi: potensi?,
                kompetensi: kompetensi?,
            })
        })
    }

    fn write_row(&self, row: &mut Row) {
        row.text(self.nip.as_str());
        row.date(self.tanggal);
        row.text(self.sumber.code());
        row.opt_value(self.potensi);
        kompetensi::write(row, &self.kompetensi);
    }

    fn references(&self) -> Vec<Reference> {
        vec![Reference {
            column: NIP,
            target: Target::Pegawai,
            code: self.nip.as_str().to_owned(),
        }]
    }
}
