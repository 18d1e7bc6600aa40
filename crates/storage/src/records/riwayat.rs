//! Career histories.

use talenta_domain::nip::AsnKind;
use talenta_domain::personnel::{
    GolonganAsn, RiwayatDiklat, RiwayatGolongan, RiwayatHukdis, RiwayatJabatan, RiwayatPendidikan,
    RiwayatPenghargaan,
};

use super::{bidang, date, nip, nip_as, read_bidang, read_nip};
use crate::{Columns, StorageError, Stored, Ty, Value};

impl Stored for RiwayatJabatan {
    const TABLE: &'static str = "riwayat_jabatan";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("tmt", Ty::Date),
        ("jabatan", Ty::Text),
        ("nama_jabatan", Ty::Text),
        ("opd", Ty::Text),
        ("jenjang", Ty::Text),
        ("nomor_sk", Ty::Text),
        ("tanggal_sk", Ty::Date),
    ];
    const KEY_LEN: usize = 2;

    fn values(&self) -> Vec<Value> {
        vec![
            nip(&self.nip),
            date(self.tmt),
            Value::opt_text(self.jabatan.as_ref()),
            Value::text(&self.nama_jabatan),
            Value::opt_text(self.opd.as_ref()),
            Value::text(self.jenjang.code()),
            Value::opt_text(self.nomor_sk.as_ref()),
            Value::Date(self.tanggal_sk),
        ]
    }

    fn decode(row: &mut Columns) -> Result<RiwayatJabatan, StorageError> {
        Ok(RiwayatJabatan {
            nip: read_nip(row)?,
            tmt: row.date()?,
            jabatan: row.opt_text()?,
            nama_jabatan: row.text()?,
            opd: row.opt_text()?,
            jenjang: row.parse()?,
            nomor_sk: row.opt_text()?,
            tanggal_sk: row.opt_date()?,
        })
    }
}

impl Stored for RiwayatGolongan {
    const TABLE: &'static str = "riwayat_golongan";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("tmt", Ty::Date),
        ("golongan", Ty::Text),
        ("jenis_kp", Ty::Text),
        ("nomor_sk", Ty::Text),
        ("tanggal_sk", Ty::Date),
    ];
    const KEY_LEN: usize = 2;

    fn values(&self) -> Vec<Value> {
        vec![
            nip(&self.nip),
            date(self.tmt),
            Value::text(self.golongan.code()),
            Value::opt_text(self.jenis_kp.as_ref()),
            Value::opt_text(self.nomor_sk.as_ref()),
            Value::Date(self.tanggal_sk),
        ]
    }

    fn decode(row: &mut Columns) -> Result<RiwayatGolongan, StorageError> {
        // The golongan says how the NIP was read: NI PPPK or PNS NIP.
        let nip_text = row.text()?;
        let tmt = row.date()?;
        let golongan: GolonganAsn = row.parse()?;
        let kind = match golongan {
            GolonganAsn::Pns(_) => AsnKind::Pns,
            GolonganAsn::Pppk(_) => AsnKind::Pppk,
        };
        Ok(RiwayatGolongan {
            nip: nip_as(row, "nip", nip_text, kind)?,
            tmt,
            golongan,
            jenis_kp: row.opt_text()?,
            nomor_sk: row.opt_text()?,
            tanggal_sk: row.opt_date()?,
        })
    }
}

impl Stored for RiwayatPendidikan {
    const TABLE: &'static str = "riwayat_pendidikan";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("tingkat", Ty::Text),
        ("tahun_lulus", Ty::Int),
        ("bidang_ilmu", Ty::Text),
        ("nama_sekolah", Ty::Text),
    ];
    const KEY_LEN: usize = 3;

    fn values(&self) -> Vec<Value> {
        vec![
            nip(&self.nip),
            Value::text(self.tingkat.code()),
            Value::int(self.tahun_lulus),
            bidang(self.bidang_ilmu.as_ref()),
            Value::opt_text(self.nama_sekolah.as_ref()),
        ]
    }

    fn decode(row: &mut Columns) -> Result<RiwayatPendidikan, StorageError> {
        Ok(RiwayatPendidikan {
            nip: read_nip(row)?,
            tingkat: row.parse()?,
            tahun_lulus: row.int()?,
            bidang_ilmu: read_bidang(row)?,
            nama_sekolah: row.opt_text()?,
        })
    }
}

impl Stored for RiwayatDiklat {
    const TABLE: &'static str = "riwayat_diklat";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("nama", Ty::Text),
        ("mulai", Ty::Date),
        ("selesai", Ty::Date),
        ("jenis", Ty::Text),
        ("jam", Ty::Int),
        ("penyelenggara", Ty::Text),
    ];
    const KEY_LEN: usize = 3;

    fn values(&self) -> Vec<Value> {
        vec![
            nip(&self.nip),
            Value::text(&self.nama),
            date(self.mulai),
            Value::Date(self.selesai),
            Value::opt_text(self.jenis.as_ref()),
            Value::opt_int(self.jam),
            Value::opt_text(self.penyelenggara.as_ref()),
        ]
    }

    fn decode(row: &mut Columns) -> Result<RiwayatDiklat, StorageError> {
        Ok(RiwayatDiklat {
            nip: read_nip(row)?,
            nama: row.text()?,
            mulai: row.date()?,
            selesai: row.opt_date()?,
            jenis: row.opt_text()?,
            jam: row.opt_small()?,
            penyelenggara: row.opt_text()?,
        })
    }
}

impl Stored for RiwayatPenghargaan {
    const TABLE: &'static str = "riwayat_penghargaan";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("nama", Ty::Text),
        ("tanggal", Ty::Date),
        ("nomor_sk", Ty::Text),
    ];
    const KEY_LEN: usize = 3;

    fn values(&self) -> Vec<Value> {
        vec![
            nip(&self.nip),
            Value::text(&self.nama),
            date(self.tanggal),
            Value::opt_text(self.nomor_sk.as_ref()),
        ]
    }

    fn decode(row: &mut Columns) -> Result<RiwayatPenghargaan, StorageError> {
        Ok(RiwayatPenghargaan {
            nip: read_nip(row)?,
            nama: row.text()?,
            tanggal: row.date()?,
            nomor_sk: row.opt_text()?,
        })
    }
}

impl Stored for RiwayatHukdis {
    const TABLE: &'static str = "riwayat_hukdis";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("jenis", Ty::Text),
        ("mulai", Ty::Date),
        ("akhir", Ty::Date),
        ("nomor_sk", Ty::Text),
        ("tanggal_sk", Ty::Date),
        ("alasan", Ty::Text),
    ];
    const KEY_LEN: usize = 3;

    fn values(&self) -> Vec<Value> {
        vec![
            nip(&self.nip),
            Value::text(self.jenis.code()),
            date(self.mulai),
            Value::Date(self.akhir),
            Value::opt_text(self.nomor_sk.as_ref()),
            Value::Date(self.tanggal_sk),
            Value::opt_text(self.alasan.as_ref()),
        ]
    }

    fn decode(row: &mut Columns) -> Result<RiwayatHukdis, StorageError> {
        Ok(RiwayatHukdis {
            nip: read_nip(row)?,
            jenis: row.parse()?,
            mulai: row.date()?,
            akhir: row.opt_date()?,
            nomor_sk: row.opt_text()?,
            tanggal_sk: row.opt_date()?,
            alasan: row.opt_text()?,
        })
    }
}
