//! Employees as they are now.

use talenta_domain::personnel::Pegawai;

use super::nip_as;
use crate::{Columns, StorageError};

stored! {
    Pegawai in "pegawai", key 1 {
        nip: "nip" Text,
        nama: "nama" Text,
        gelar_depan: "gelar_depan" Text,
        gelar_belakang: "gelar_belakang" Text,
        jenis_kelamin: "jenis_kelamin" Text,
        tempat_lahir: "tempat_lahir" Text,
        tanggal_lahir: "tanggal_lahir" Date,
        status: "status" Text,
        golongan: "golongan" Text,
        tmt_golongan: "tmt_golongan" Date,
        jabatan: "jabatan" Text,
        tmt_jabatan: "tmt_jabatan" Date,
        opd: "opd" Text,
        pendidikan: "pendidikan" Text,
        bidang_ilmu: "bidang_ilmu" Text,
        tmt_cpns: "tmt_cpns" Date,
        tmt_pns: "tmt_pns" Date,
        agama: "agama" Text,
        daerah_asal: "daerah_asal" Text,
        email: "email" Text,
        no_hp: "no_hp" Text,
    }
    then nip_by_status
}

/// The status says how the NIP was read: NI PPPK or PNS NIP.
fn nip_by_status(pegawai: Pegawai, row: &Columns) -> Result<Pegawai, StorageError> {
    let nip = nip_as(row, "nip", pegawai.nip.as_str(), pegawai.status.asn_kind())?;
    Ok(Pegawai { nip, ..pegawai })
}
