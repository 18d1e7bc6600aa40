//! Career histories.

use talenta_domain::nip::AsnKind;
use talenta_domain::personnel::{
    GolonganAsn, RiwayatDiklat, RiwayatGolongan, RiwayatHukdis, RiwayatJabatan, RiwayatPendidikan,
    RiwayatPenghargaan,
};

use super::nip_as;
use crate::{Columns, StorageError};

stored! {
    RiwayatJabatan in "riwayat_jabatan", key 2 {
        nip: "nip" Text,
        tmt: "tmt" Date,
        jabatan: "jabatan" Text,
        nama_jabatan: "nama_jabatan" Text,
        opd: "opd" Text,
        jenjang: "jenjang" Text,
        nomor_sk: "nomor_sk" Text,
        tanggal_sk: "tanggal_sk" Date,
    }
}

stored! {
    RiwayatGolongan in "riwayat_golongan", key 2 {
        nip: "nip" Text,
        tmt: "tmt" Date,
        golongan: "golongan" Text,
        jenis_kp: "jenis_kp" Text,
        nomor_sk: "nomor_sk" Text,
        tanggal_sk: "tanggal_sk" Date,
    }
    then nip_by_golongan
}

/// The golongan says how the NIP was read: NI PPPK or PNS NIP.
fn nip_by_golongan(
    riwayat: RiwayatGolongan,
    row: &Columns,
) -> Result<RiwayatGolongan, StorageError> {
    let kind = match riwayat.golongan {
        GolonganAsn::Pns(_) => AsnKind::Pns,
        GolonganAsn::Pppk(_) => AsnKind::Pppk,
    };
    let nip = nip_as(row, "nip", riwayat.nip.as_str(), kind)?;
    Ok(RiwayatGolongan { nip, ..riwayat })
}

stored! {
    RiwayatPendidikan in "riwayat_pendidikan", key 3 {
        nip: "nip" Text,
        tingkat: "tingkat" Text,
        tahun_lulus: "tahun_lulus" Int,
        bidang_ilmu: "bidang_ilmu" Text,
        nama_sekolah: "nama_sekolah" Text,
    }
}

stored! {
    RiwayatDiklat in "riwayat_diklat", key 3 {
        nip: "nip" Text,
        nama: "nama" Text,
        mulai: "mulai" Date,
        selesai: "selesai" Date,
        jenis: "jenis" Text,
        jam: "jam" Int,
        penyelenggara: "penyelenggara" Text,
    }
}

stored! {
    RiwayatPenghargaan in "riwayat_penghargaan", key 3 {
        nip: "nip" Text,
        nama: "nama" Text,
        tanggal: "tanggal" Date,
        nomor_sk: "nomor_sk" Text,
    }
}

stored! {
    RiwayatHukdis in "riwayat_hukdis", key 3 {
        nip: "nip" Text,
        jenis: "jenis" Text,
        mulai: "mulai" Date,
        akhir: "akhir" Date,
        nomor_sk: "nomor_sk" Text,
        tanggal_sk: "tanggal_sk" Date,
        alasan: "alasan" Text,
    }
}
