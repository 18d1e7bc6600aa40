//! Employees as they are now.

use talenta_domain::TingkatPendidikan;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::personnel::{GolonganAsn, Pegawai};

use super::{bidang, date, nip, nip_as, read_bidang};
use crate::{Columns, StorageError, Stored, Ty, Value};

impl Stored for Pegawai {
    const TABLE: &'static str = "pegawai";
    const COLUMNS: &'static [(&'static str, Ty)] = &[
        ("nip", Ty::Text),
        ("nama", Ty::Text),
        ("gelar_depan", Ty::Text),
        ("gelar_belakang", Ty::Text),
        ("jenis_kelamin", Ty::Text),
        ("tempat_lahir", Ty::Text),
        ("tanggal_lahir", Ty::Date),
        ("status", Ty::Text),
        ("golongan", Ty::Text),
        ("tmt_golongan", Ty::Date),
        ("jabatan", Ty::Text),
        ("tmt_jabatan", Ty::Date),
        ("opd", Ty::Text),
        ("pendidikan", Ty::Text),
        ("bidang_ilmu", Ty::Text),
        ("tmt_cpns", Ty::Date),
        ("tmt_pns", Ty::Date),
        ("agama", Ty::Text),
        ("daerah_asal", Ty::Text),
        ("email", Ty::Text),
        ("no_hp", Ty::Text),
    ];
    const KEY_LEN: usize = 1;

    fn values(&self) -> Vec<Value> {
        vec![
            nip(&self.nip),
            Value::text(&self.nama),
            Value::opt_text(self.gelar_depan.as_ref()),
            Value::opt_text(self.gelar_belakang.as_ref()),
            Value::text(self.jenis_kelamin.code()),
            Value::opt_text(self.tempat_lahir.as_ref()),
            date(self.tanggal_lahir),
            Value::text(self.status.label()),
            Value::opt_text(self.golongan.map(GolonganAsn::code)),
            Value::Date(self.tmt_golongan),
            Value::opt_text(self.jabatan.as_ref()),
            Value::Date(self.tmt_jabatan),
            Value::text(&self.opd),
            Value::opt_text(self.pendidikan.map(TingkatPendidikan::code)),
            bidang(self.bidang_ilmu.as_ref()),
            Value::Date(self.tmt_cpns),
            Value::Date(self.tmt_pns),
            Value::opt_text(self.agama.as_ref()),
            Value::opt_text(self.daerah_asal.as_ref()),
            Value::opt_text(self.email.as_ref()),
            Value::opt_text(self.no_hp.as_ref()),
        ]
    }

    fn decode(row: &mut Columns) -> Result<Pegawai, StorageError> {
        // The status says how the NIP was read: NI PPPK or PNS NIP.
        let nip_text = row.text()?;
        let nama = row.text()?;
        let gelar_depan = row.opt_text()?;
        let gelar_belakang = row.opt_text()?;
        let jenis_kelamin = row.parse()?;
        let tempat_lahir = row.opt_text()?;
        let tanggal_lahir = row.date()?;
        let status: StatusKepegawaian = row.parse()?;
        Ok(Pegawai {
            nip: nip_as(row, "nip", nip_text, status.asn_kind())?,
            nama,
            gelar_depan,
            gelar_belakang,
            jenis_kelamin,
            tempat_lahir,
            tanggal_lahir,
            status,
            golongan: row.parse_opt()?,
            tmt_golongan: row.opt_date()?,
            jabatan: row.opt_text()?,
            tmt_jabatan: row.opt_date()?,
            opd: row.text()?,
            pendidikan: row.parse_opt()?,
            bidang_ilmu: read_bidang(row)?,
            tmt_cpns: row.opt_date()?,
            tmt_pns: row.opt_date()?,
            agama: row.opt_text()?,
            daerah_asal: row.opt_text()?,
            email: row.opt_text()?,
            no_hp: row.opt_text()?,
        })
    }
}
