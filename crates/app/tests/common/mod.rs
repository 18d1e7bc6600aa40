//! What the app tests share: the day of the fixtures, the values they are
//! written in, a fresh database migrated, and the writes a scenario makes
//! between its steps. Each test binary uses part of it.
#![allow(dead_code)]

use talenta_domain::kompetensi::Levels;
use talenta_domain::personnel::{GolonganAsn, Jabatan, Pegawai};
use talenta_domain::{Golongan, Jenjang, Kotak, Nip, Periode};
use talenta_storage::{Db, Stored, WriteTx};
use talenta_testkit::TestDb;
use time::OffsetDateTime;
use time::macros::datetime;

/// When the fixtures are written and the cycle's steps are taken.
pub const T0: OffsetDateTime = datetime!(2026-06-30 10:00 UTC);

pub fn nip(text: &str) -> Nip {
    text.parse().unwrap()
}

pub fn s1() -> Periode {
    "2026-S1".parse().unwrap()
}

pub fn kotak(n: u8) -> Kotak {
    Kotak::new(n).unwrap()
}

/// A position of `opd` at `jenjang` with the competency standard
/// `standar`, without requirements of education or golongan.
pub fn jabatan(kode: &str, jenjang: Jenjang, opd: &str, standar: Levels) -> Jabatan {
    Jabatan {
        standar,
        ..talenta_testkit::records::jabatan(kode, opd, jenjang)
    }
}

/// A man, PNS of golongan IV/a born on the day his NIP says, holding
/// `jabatan` in `opd`; what the fixtures do not need is unknown.
pub fn pegawai(text: &str, nama: &str, jabatan: &str, opd: &str) -> Pegawai {
    let n = nip(text);
    Pegawai {
        golongan: Some(GolonganAsn::Pns(Golongan::IVA)),
        jabatan: Some(jabatan.into()),
        ..talenta_testkit::records::pegawai(n, nama, n.birth_date(), opd)
    }
}

/// The fresh database connected and migrated.
pub async fn migrated(database: &TestDb) -> Db {
    let db = Db::connect(&database.url).await.unwrap();
    db.migrate().await.unwrap();
    db
}

/// The write that seeds a fixture: its instansi (Kota Uji) created, and
/// the change-log entry its rows point at.
pub async fn seeding(db: &Db) -> (WriteTx, i64, i64) {
    let mut tx = db.begin_write().await.unwrap();
    let (instansi, _) = tx.upsert_instansi("9999", "Kota Uji").await.unwrap();
    let change = tx.record_change(T0, "uji", "seed", "").await.unwrap();
    (tx, instansi, change)
}

/// `rows` written to the fixture's instansi in a transaction of their own,
/// logged as `what`: new records arriving between a scenario's steps.
pub async fn write<T: Stored>(db: &Db, what: &str, rows: &[T]) {
    let mut tx = db.begin_write().await.unwrap();
    let change = tx.record_change(T0, "uji", what, "").await.unwrap();
    tx.upsert(1, change, rows).await.unwrap();
    tx.commit().await.unwrap();
}
