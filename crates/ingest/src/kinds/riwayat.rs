//! The six histories of an employee (riwayat jabatan, golongan, pendidikan,
//! diklat, penghargaan, hukuman disiplin), each in a module of its own
//! with its columns. Each row names its employee by `nipBaru` in the first
//! column.

use talenta_domain::disiplin::JenisHukuman;
use talenta_domain::personnel::{
    GolonganAsn, RiwayatDiklat, RiwayatGolongan, RiwayatHukdis, RiwayatJabatan, RiwayatPendidikan,
    RiwayatPenghargaan,
};
use talenta_domain::{AsnKind, BidangIlmu, Jenjang, TingkatPendidikan};
use time::Date;

use super::{Kind, RecordKind, Reference, Row, RowReader, Target};
use crate::record::{Column, Record, RowError};
use crate::values::{format_date, parse_code, parse_date, parse_nip, parse_whole, parse_year};

/// Reports an end date before the start date (named `start_name`) on the
/// end's column.
fn check_order(
    row: &mut RowReader<'_>,
    (start_name, start): (&str, Option<Date>),
    (end_column, end): (usize, Option<Date>),
) {
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        row.fail(
            end_column,
            format!(
                "before {start_name} {}: expected the same day or later",
                format_date(start)
            ),
        );
    }
}

mod jabatan {
    use super::*;

    columns! {
        NIP: Column::required("nipBaru"),
        TMT: Column::required("tmtJabatan"),
        JABATAN: Column::optional("jabatanId"),
        NAMA: Column::required("namaJabatan"),
        UNOR: Column::optional("unorId"),
        JENJANG: Column::required("jenjang"),
        NOMOR_SK: Column::optional("nomorSk"),
        TANGGAL_SK: Column::optional("tanggalSk"),
    }

    impl RecordKind for RiwayatJabatan {
        const KIND: Kind = Kind::RiwayatJabatan;
        const COLUMNS: &'static [Column] = COLUMNS;
        /// The NIP's digits and the TMT.
        type Key = (String, Date);

        fn key(&self) -> (String, Date) {
            (self.nip.as_str().to_owned(), self.tmt)
        }

        fn parse(record: &Record) -> Result<RiwayatJabatan, Vec<RowError>> {
            RowReader::parse(record, |row| {
                let nip = row.nip(NIP);
                let tmt = row.req(TMT, parse_date);
                let jabatan = row.opt_text(JABATAN);
                let nama_jabatan = row.text(NAMA);
                let opd = row.opt_text(UNOR);
                let jenjang = row.req(JENJANG, parse_code::<Jenjang>);
                let nomor_sk = row.opt_text(NOMOR_SK);
                let tanggal_sk = row.opt(TANGGAL_SK, parse_date);
                Some(RiwayatJabatan {
                    nip: nip?,
                    tmt: tmt?,
                    jabatan: jabatan?,
                    nama_jabatan: nama_jabatan?,
                    opd: opd?,
                    jenjang: jenjang?,
                    nomor_sk: nomor_sk?,
                    tanggal_sk: tanggal_sk?,
                })
            })
        }

        fn write_row(&self, row: &mut Row) {
            row.text(self.nip.as_str());
            row.date(self.tmt);
            row.opt_text(self.jabatan.as_deref());
            row.text(&self.nama_jabatan);
            row.opt_text(self.opd.as_deref());
            row.text(self.jenjang.code());
            row.opt_text(self.nomor_sk.as_deref());
            row.opt_date(self.tanggal_sk);
        }

        fn references(&self) -> Vec<Reference> {
            let mut references = vec![Reference::new(NIP, Target::Pegawai, self.nip.as_str())];
            references.extend(
                self.jabatan
                    .iter()
                    .map(|code| Reference::new(JABATAN, Target::Jabatan, code)),
            );
            references.extend(
                self.opd
                    .iter()
                    .map(|code| Reference::new(UNOR, Target::Opd, code)),
            );
            references
        }
    }
}

mod golongan {
    use super::*;

    columns! {
        NIP: Column::required("nipBaru"),
        TMT: Column::required("tmtGolongan"),
        GOLONGAN: Column::required("golongan"),
        JENIS_KP: Column::optional("jenisKPNama"),
        NOMOR_SK: Column::optional("skNomor"),
        TANGGAL_SK: Column::optional("skTanggal"),
    }

    impl RecordKind for RiwayatGolongan {
        const KIND: Kind = Kind::RiwayatGolongan;
        const COLUMNS: &'static [Column] = COLUMNS;
        /// The NIP's digits and the TMT.
        type Key = (String, Date);

        fn key(&self) -> (String, Date) {
            (self.nip.as_str().to_owned(), self.tmt)
        }

        fn parse(record: &Record) -> Result<RiwayatGolongan, Vec<RowError>> {
            RowReader::parse(record, |row| {
                let golongan = row.req(GOLONGAN, parse_code::<GolonganAsn>);
                // The golongan says the kind of ASN: a PPPK golongan goes with an
                // NI PPPK, a golongan/ruang with a PNS NIP (which must then have
                // a month in digits 13-14).
                let kind = golongan.map(|g| match g {
                    GolonganAsn::Pns(_) => AsnKind::Pns,
                    GolonganAsn::Pppk(_) => AsnKind::Pppk,
                });
                let nip = row.req(NIP, |text| parse_nip(text, kind));
                let tmt = row.req(TMT, parse_date);
                let jenis_kp = row.opt_text(JENIS_KP);
                let nomor_sk = row.opt_text(NOMOR_SK);
                let tanggal_sk = row.opt(TANGGAL_SK, parse_date);
                Some(RiwayatGolongan {
                    nip: nip?,
                    tmt: tmt?,
                    golongan: golongan?,
                    jenis_kp: jenis_kp?,
                    nomor_sk: nomor_sk?,
                    tanggal_sk: tanggal_sk?,
                })
            })
        }

        fn write_row(&self, row: &mut Row) {
            row.text(self.nip.as_str());
            row.date(self.tmt);
            row.text(self.golongan.code());
            row.opt_text(self.jenis_kp.as_deref());
            row.opt_text(self.nomor_sk.as_deref());
            row.opt_date(self.tanggal_sk);
        }

        fn references(&self) -> Vec<Reference> {
            vec![Reference::new(NIP, Target::Pegawai, self.nip.as_str())]
        }
    }
}

mod pendidikan {
    use super::*;

    columns! {
        NIP: Column::required("nipBaru"),
        TINGKAT: Column::required("tkPendidikan"),
        TAHUN_LULUS: Column::required("tahunLulus").number(),
        BIDANG_ILMU: Column::optional("bidangIlmu"),
        NAMA_SEKOLAH: Column::optional("namaSekolah"),
    }

    impl RecordKind for RiwayatPendidikan {
        const KIND: Kind = Kind::RiwayatPendidikan;
        const COLUMNS: &'static [Column] = COLUMNS;
        /// The NIP's digits, the level and the year of graduation.
        type Key = (String, TingkatPendidikan, i32);

        fn key(&self) -> (String, TingkatPendidikan, i32) {
            (self.nip.as_str().to_owned(), self.tingkat, self.tahun_lulus)
        }

        fn parse(record: &Record) -> Result<RiwayatPendidikan, Vec<RowError>> {
            RowReader::parse(record, |row| {
                let nip = row.nip(NIP);
                let tingkat = row.req(TINGKAT, parse_code::<TingkatPendidikan>);
                let tahun_lulus = row.req(TAHUN_LULUS, |text| parse_year(text, 1900..=2100));
                let bidang_ilmu = row.opt(BIDANG_ILMU, |text| Ok(BidangIlmu::new(text)));
                let nama_sekolah = row.opt_text(NAMA_SEKOLAH);
                Some(RiwayatPendidikan {
                    nip: nip?,
                    tingkat: tingkat?,
                    tahun_lulus: tahun_lulus?,
                    bidang_ilmu: bidang_ilmu?,
                    nama_sekolah: nama_sekolah?,
                })
            })
        }

        fn write_row(&self, row: &mut Row) {
            row.text(self.nip.as_str());
            row.text(self.tingkat.code());
            row.value(self.tahun_lulus);
            row.opt_text(self.bidang_ilmu.as_ref().map(BidangIlmu::as_str));
            row.opt_text(self.nama_sekolah.as_deref());
        }

        fn references(&self) -> Vec<Reference> {
            vec![Reference::new(NIP, Target::Pegawai, self.nip.as_str())]
        }
    }
}

mod diklat {
    use super::*;

    columns! {
        NIP: Column::required("nipBaru"),
        NAMA: Column::required("namaDiklat"),
        MULAI: Column::required("tanggalMulai"),
        SELESAI: Column::optional("tanggalSelesai"),
        JENIS: Column::optional("jenisDiklat"),
        JAM: Column::optional("jumlahJam").number(),
        PENYELENGGARA: Column::optional("penyelenggara"),
    }

    impl RecordKind for RiwayatDiklat {
        const KIND: Kind = Kind::RiwayatDiklat;
        const COLUMNS: &'static [Column] = COLUMNS;
        /// The NIP's digits, the training's name and its first day.
        type Key = (String, String, Date);

        fn key(&self) -> (String, String, Date) {
            (self.nip.as_str().to_owned(), self.nama.clone(), self.mulai)
        }

        fn parse(record: &Record) -> Result<RiwayatDiklat, Vec<RowError>> {
            RowReader::parse(record, |row| {
                let nip = row.nip(NIP);
                let nama = row.text(NAMA);
                let mulai = row.req(MULAI, parse_date);
                let selesai = row.opt(SELESAI, parse_date);
                let jenis = row.opt_text(JENIS);
                let jam = row.opt(JAM, |text| parse_whole(text, 0..=u16::MAX));
                let penyelenggara = row.opt_text(PENYELENGGARA);
                check_order(row, ("tanggalMulai", mulai), (SELESAI, selesai.flatten()));
                Some(RiwayatDiklat {
                    nip: nip?,
                    nama: nama?,
                    mulai: mulai?,
                    selesai: selesai?,
                    jenis: jenis?,
                    jam: jam?,
                    penyelenggara: penyelenggara?,
                })
            })
        }

        fn write_row(&self, row: &mut Row) {
            row.text(self.nip.as_str());
            row.text(&self.nama);
            row.date(self.mulai);
            row.opt_date(self.selesai);
            row.opt_text(self.jenis.as_deref());
            row.opt_value(self.jam);
            row.opt_text(self.penyelenggara.as_deref());
        }

        fn references(&self) -> Vec<Reference> {
            vec![Reference::new(NIP, Target::Pegawai, self.nip.as_str())]
        }
    }
}

mod penghargaan {
    use super::*;

    columns! {
        NIP: Column::required("nipBaru"),
        NAMA: Column::required("namaPenghargaan"),
        TANGGAL: Column::required("skTanggal"),
        NOMOR_SK: Column::optional("skNomor"),
    }

    impl RecordKind for RiwayatPenghargaan {
        const KIND: Kind = Kind::RiwayatPenghargaan;
        const COLUMNS: &'static [Column] = COLUMNS;
        /// The NIP's digits, the award's name and its date.
        type Key = (String, String, Date);

        fn key(&self) -> (String, String, Date) {
            (
                self.nip.as_str().to_owned(),
                self.nama.clone(),
                self.tanggal,
            )
        }

        fn parse(record: &Record) -> Result<RiwayatPenghargaan, Vec<RowError>> {
            RowReader::parse(record, |row| {
                let nip = row.nip(NIP);
                let nama = row.text(NAMA);
                let tanggal = row.req(TANGGAL, parse_date);
                let nomor_sk = row.opt_text(NOMOR_SK);
                Some(RiwayatPenghargaan {
                    nip: nip?,
                    nama: nama?,
                    tanggal: tanggal?,
                    nomor_sk: nomor_sk?,
                })
            })
        }

        fn write_row(&self, row: &mut Row) {
            row.text(self.nip.as_str());
            row.text(&self.nama);
            row.date(self.tanggal);
            row.opt_text(self.nomor_sk.as_deref());
        }

        fn references(&self) -> Vec<Reference> {
            vec![Reference::new(NIP, Target::Pegawai, self.nip.as_str())]
        }
    }
}

mod hukdis {
    use super::*;

    columns! {
        NIP: Column::required("nipBaru"),
        JENIS: Column::required("jenisHukuman"),
        MULAI: Column::required("hukumanTanggal"),
        AKHIR: Column::optional("akhirHukumTanggal"),
        NOMOR_SK: Column::optional("skNomor"),
        TANGGAL_SK: Column::optional("skTanggal"),
        ALASAN: Column::optional("alasanHukumanDisiplin").max(1000),
    }

    impl RecordKind for RiwayatHukdis {
        const KIND: Kind = Kind::RiwayatHukdis;
        const COLUMNS: &'static [Column] = COLUMNS;
        /// The NIP's digits, the sanction and its TMT.
        type Key = (String, JenisHukuman, Date);

        fn key(&self) -> (String, JenisHukuman, Date) {
            (self.nip.as_str().to_owned(), self.jenis, self.mulai)
        }

        fn parse(record: &Record) -> Result<RiwayatHukdis, Vec<RowError>> {
            RowReader::parse(record, |row| {
                let nip = row.nip(NIP);
                let jenis = row.req(JENIS, parse_code::<JenisHukuman>);
                let mulai = row.req(MULAI, parse_date);
                let akhir = row.opt(AKHIR, parse_date);
                let nomor_sk = row.opt_text(NOMOR_SK);
                let tanggal_sk = row.opt(TANGGAL_SK, parse_date);
                let alasan = row.opt_text(ALASAN);
                check_order(row, ("hukumanTanggal", mulai), (AKHIR, akhir.flatten()));
                let (jenis, mulai) = (jenis?, mulai?);
                Some(RiwayatHukdis {
                    nip: nip?,
                    jenis,
                    mulai,
                    // A blank end is the sanction's own length from its TMT.
                    akhir: akhir?.or_else(|| jenis.akhir(mulai)),
                    nomor_sk: nomor_sk?,
                    tanggal_sk: tanggal_sk?,
                    alasan: alasan?,
                })
            })
        }

        fn write_row(&self, row: &mut Row) {
            row.text(self.nip.as_str());
            row.text(self.jenis.code());
            row.date(self.mulai);
            row.opt_date(self.akhir);
            row.opt_text(self.nomor_sk.as_deref());
            row.opt_date(self.tanggal_sk);
            row.opt_text(self.alasan.as_deref());
        }

        fn references(&self) -> Vec<Reference> {
            vec![Reference::new(NIP, Target::Pegawai, self.nip.as_str())]
        }
    }
}
