//! Units and positions.

use talenta_domain::personnel::{Jabatan, Opd};

stored! {
    Opd in "opd", key 1 {
        kode: "kode" Text,
        nama: "nama" Text,
        induk: "induk" Text,
    }
}

stored! {
    Jabatan in "jabatan", key 1 {
        kode: "kode" Text,
        nama: "nama" Text,
        opd: "opd" Text,
        jenjang: "jenjang" Text,
        min_pendidikan: "min_pendidikan" Text,
        bidang_ilmu: "bidang_ilmu" Text,
        min_golongan: "min_golongan" Text,
        kunci: "kunci" Bool,
        kebutuhan: "kebutuhan" Int,
        bup: "bup" Int,
    }
    levels standar
}
