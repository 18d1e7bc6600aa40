//! `jabatan`: positions and what they require of their holder.

use talenta_domain::personnel::Jabatan;
use talenta_domain::{BidangIlmu, Golongan, Jenjang, TingkatPendidikan};

use super::{Kind, RecordKind, Reference, Row, RowReader, Target, kompetensi};
use crate::record::{Column, Record, RowError};
use crate::values::{parse_code, parse_list, parse_whole, parse_yes_no, yes_no};

columns! {
    ID: Column::required("jabatanId"),
    NAMA: Column::required("jabatanNama"),
    UNOR: Column::required("unorId"),
    JENJANG: Column::required("jenjang"),
    PENDIDIKAN_MIN: Column::optional("tkPendidikanMin"),
    BIDANG_ILMU: Column::optional("bidangIlmu").max(1000),
    GOLONGAN_MIN: Column::optional("golRuangMin"),
    KOMPETENSI: ..kompetensi::COLUMNS,
    KUNCI: Column::optional("jabatanKunci"),
    KEBUTUHAN: Column::optional("kebutuhan").number(),
    BUP: Column::optional("bup").number(),
}

/// The BUP a position may record: the laws set from 58 (PP 11/2017 Pasal
/// 239) to 70 (a profesor); outside 50 to 75 is a typing error.
const BUP_YEARS: std::ops::RangeInclusive<u16> = 50..=75;

impl RecordKind for Jabatan {
    const KIND: Kind = Kind::Jabatan;
    const COLUMNS: &'static [Column] = COLUMNS;
    type Key = String;

    fn key(&self) -> String {
        self.kode.clone()
    }

    fn parse(record: &Record) -> Result<Jabatan, Vec<RowError>> {
        RowReader::parse(record, |row| {
            let kode = row.text(ID);
            let nama = row.text(NAMA);
            let opd = row.text(UNOR);
            let jenjang = row.req(JENJANG, parse_code::<Jenjang>);
            let min_pendidikan = row.opt(PENDIDIKAN_MIN, parse_code::<TingkatPendidikan>);
            let bidang_ilmu = row.opt(BIDANG_ILMU, |text| {
                parse_list(text, |item| Ok(BidangIlmu::new(item)))
            });
            let min_golongan = row.opt(GOLONGAN_MIN, parse_code::<Golongan>);
            let standar = kompetensi::read(row, KOMPETENSI);
            let kunci = row.opt(KUNCI, parse_yes_no);
            let kebutuhan = row.opt(KEBUTUHAN, |text| parse_whole(text, 1..=u16::MAX));
            let bup = row.opt(BUP, |text| {
                parse_whole(text, BUP_YEARS)
                    .and_then(|years| u8::try_from(years).map_err(|e| e.to_string()))
            });
            Some(Jabatan {
                kode: kode?,
                nama: nama?,
                opd: opd?,
                jenjang: jenjang?,
                min_pendidikan: min_pendidikan?,
                bidang_ilmu: bidang_ilmu?.unwrap_or_default(),
                min_golongan: min_golongan?,
                standar: standar?,
                kunci: kunci?.unwrap_or(false),
                kebutuhan: kebutuhan?.unwrap_or(1),
                bup: bup?,
            })
        })
    }

    fn write_row(&self, row: &mut Row) {
        row.text(&self.kode);
        row.text(&self.nama);
        row.text(&self.opd);
        row.text(self.jenjang.code());
        row.opt_text(self.min_pendidikan.map(TingkatPendidikan::code));
        row.list(&self.bidang_ilmu);
        row.opt_text(self.min_golongan.map(Golongan::ruang));
        kompetensi::write(row, &self.standar);
        row.text(yes_no(self.kunci));
        row.value(self.kebutuhan);
        row.opt_value(self.bup);
    }

    fn references(&self) -> Vec<Reference> {
        vec![Reference::new(UNOR, Target::Opd, &self.opd)]
    }

    fn provides(&self) -> Option<(Target, &str)> {
        Some((Target::Jabatan, &self.kode))
    }
}
