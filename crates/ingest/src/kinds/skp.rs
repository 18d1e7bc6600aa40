//! `skp`: annual SKP results (PermenPANRB 6/2022). The predikat is never
//! taken on trust: it is the matrix's predikat of the two ratings, and a
//! `kuadranKinerja` that says otherwise is an error.

use talenta_domain::personnel::Skp;
use talenta_domain::skp::predikat;
use talenta_domain::{Nip, Predikat, Rating};

use super::{Kind, RecordKind, Reference, Row, RowReader, Target};
use crate::record::{Column, Record, RowError};
use crate::values::{parse_code, parse_nip, parse_score, parse_year};

columns! {
    NIP: Column::required("nipBaru"),
    TAHUN: Column::required("tahun").number(),
    HASIL: Column::required("hasilKinerja"),
    PERILAKU: Column::required("perilakuKerja"),
    KUADRAN: Column::optional("kuadranKinerja"),
    PENGUAT: Column::optional("nilaiKinerjaPenguat").number(),
    PENILAI_NIP: Column::optional("nipNrpPenilai"),
    PENILAI_NAMA: Column::optional("namaPenilai").max(100),
}

impl RecordKind for Skp {
    const KIND: Kind = Kind::Skp;
    const COLUMNS: &'static [Column] = COLUMNS;
    /// The NIP's digits and the year.
    type Key = (String, i32);

    fn key(&self) -> (String, i32) {
        (self.nip.as_str().to_owned(), self.tahun)
    }

    fn parse(record: &Record) -> Result<Skp, Vec<RowError>> {
        RowReader::parse(record, |row| {
            let nip = row.nip(NIP);
            // A plausible year catches a date or a two-digit year here.
            let tahun = row.req(TAHUN, |text| parse_year(text, 2000..=2100));
            let hasil_kerja = row.req(HASIL, parse_code::<Rating>);
            let perilaku_kerja = row.req(PERILAKU, parse_code::<Rating>);
            let kuadran = row.opt(KUADRAN, parse_code::<Predikat>);
            let nilai_penguat = row.opt(PENGUAT, parse_score);
            let penilai_nip = row.opt(PENILAI_NIP, |text| parse_nip(text, None));
            let penilai_nama = row.opt_text(PENILAI_NAMA);
            let predikat = match (hasil_kerja, perilaku_kerja) {
                (Some(hasil), Some(perilaku)) => Some(predikat(hasil, perilaku)),
                _ => None,
            };
            if let (Some(expected), Some(Some(given))) = (predikat, kuadran)
                && given != expected
            {
                row.fail(
                    KUADRAN,
                    format!(
                        "not the predikat of hasilKinerja and perilakuKerja: expected {}",
                        expected.code()
                    ),
                );
            }
            Some(Skp {
                nip: nip?,
                tahun: tahun?,
                hasil_kerja: hasil_kerja?,
                perilaku_kerja: perilaku_kerja?,
                predikat: predikat?,
                nilai_penguat: nilai_penguat?,
                penilai_nip: penilai_nip?,
                penilai_nama: penilai_nama?,
            })
        })
    }

    fn write_row(&self, row: &mut Row) {
        row.text(self.nip.as_str());
        row.value(self.tahun);
        row.text(self.hasil_kerja.code());
        row.text(self.perilaku_kerja.code());
        row.text(self.predikat.code());
        row.opt_value(self.nilai_penguat);
        row.opt_text(self.penilai_nip.as_ref().map(Nip::as_str));
        row.opt_text(self.penilai_nama.as_deref());
    }

    fn references(&self) -> Vec<Reference> {
        vec![Reference::new(NIP, Target::Pegawai, self.nip.as_str())]
    }
}
