//! Appraisals and assessments.

use talenta_domain::personnel::{Asesmen, Skp};

stored! {
    Skp in "skp", key 2 {
        nip: "nip" Text,
        tahun: "tahun" Int,
        hasil_kerja: "hasil_kerja" Text,
        perilaku_kerja: "perilaku_kerja" Text,
        predikat: "predikat" Text,
        nilai_penguat: "nilai_penguat" Int,
        penilai_nip: "penilai_nip" Text,
        penilai_nama: "penilai_nama" Text,
    }
}

stored! {
    Asesmen in "asesmen", key 3 {
        nip: "nip" Text,
        tanggal: "tanggal" Date,
        sumber: "sumber" Text,
        potensi: "potensi" Int,
    }
    levels kompetensi
}
