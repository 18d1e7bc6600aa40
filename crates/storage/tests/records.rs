//! Every kind of personnel record stored and read back, on SQLite and on
//! PostgreSQL (see `common`).

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::fmt::Debug;

use common::{migrated, pegawai};
use talenta_domain::disiplin::JenisHukuman;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::kompetensi::{Kompetensi, Level, Levels, UMUM};
use talenta_domain::nip::AsnKind;
use talenta_domain::personnel::{
    Asesmen, GolonganAsn, Jabatan, Opd, Pegawai, RiwayatDiklat, RiwayatGolongan, RiwayatHukdis,
    RiwayatJabatan, RiwayatPendidikan, RiwayatPenghargaan, Skp, SumberAsesmen,
};
use talenta_domain::{
    BidangIlmu, Gender, Golongan, GolonganPppk, Jenjang, Nip, Predikat, Rating, Score,
    TingkatPendidikan,
};
use talenta_storage::{Db, Persyaratan, Stored, SyaratJabatan, Value, WriteTx, Written};
use talenta_testkit::{each_engine, records};
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

const FIRST: OffsetDateTime = datetime!(2026-03-01 08:00 UTC);
const SECOND: OffsetDateTime = datetime!(2026-03-02 09:30 UTC);
const THIRD: OffsetDateTime = datetime!(2026-03-03 10:45 UTC);

/// A PNS NIP: born 15 March 1985, CPNS from January 2010, a woman.
const SITI: &str = "198503152010012003";
/// A PNS NIP with every optional field of its pegawai empty.
const BUDI: &str = "198001012005011001";
/// Digits 13-14 are a month, so by its digits alone a PNS NIP; its pegawai is
/// a PPPK, so there it is an NI PPPK (appointed 2020, contract code 11), as
/// in a golongan history with a PPPK golongan. Records that do not say the
/// kind of ASN read it by its digits, as import does.
const KETUT: &str = "199001012020111001";

fn nip(text: &str) -> Nip {
    text.parse().unwrap()
}

fn pppk(text: &str) -> Nip {
    Nip::parse_as(text, AsnKind::Pppk).unwrap()
}

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

/// Levels for the nine stored competencies, from `first` upwards, wrapping.
fn nine_levels(first: u8) -> Levels {
    UMUM.iter()
        .cloned()
        .zip(0..)
        .map(|(k, i)| (k, level((first - 1 + i) % 5 + 1)))
        .collect()
}

fn opds() -> Vec<Opd> {
    vec![
        records::opd("DINKES", "Dinas Kesehatan"),
        Opd {
            kode: "DINKES-YANKES".into(),
            nama: "Bidang \"Pelayanan\" Kesehatan, Ünit ñ — 日本 'x' \\ ,".into(),
            induk: Some("DINKES".into()),
        },
        records::opd("BAPPEDA", ""),
    ]
}

fn jabatans() -> Vec<Jabatan> {
    vec![
        Jabatan {
            standar: nine_levels(1),
            ..records::kepala_dinas()
        },
        Jabatan {
            nama: "Pengadministrasi \"Umum\", Seksi 'Ümum'".into(),
            kebutuhan: 65_535,
            ..records::jabatan("PELAKSANA", "DINKES-YANKES", Jenjang::Pelaksana)
        },
        Jabatan {
            kode: "BAPPEDA-PERENCANA".into(),
            nama: "Perencana Ahli Muda".into(),
            opd: "BAPPEDA".into(),
            jenjang: Jenjang::AhliMuda,
            min_pendidikan: Some(TingkatPendidikan::D4),
            bidang_ilmu: vec![BidangIlmu::new("Perencanaan Wilayah dan Kota")],
            min_golongan: Some(Golongan::IIIC),
            // Only some of the nine: stored as given, the rest NULL.
            standar: [(Kompetensi::PerekatBangsa, level(3))]
                .into_iter()
                .collect(),
            kunci: false,
            kebutuhan: 0,
            // A BUP recorded on the position itself: stored and read back.
            bup: Some(58),
        },
    ]
}

fn pegawais() -> Vec<Pegawai> {
    vec![
        Pegawai {
            nip: nip(SITI),
            nama: "Siti Rahmawati".into(),
            gelar_depan: Some("dr.".into()),
            gelar_belakang: Some("M.Kes., \"Sp.A\"".into()),
            jenis_kelamin: Gender::P,
            tempat_lahir: Some("Serang".into()),
            tanggal_lahir: date!(1985 - 03 - 15),
            status: StatusKepegawaian::Pns,
            golongan: Some(GolonganAsn::Pns(Golongan::IVA)),
            tmt_golongan: Some(date!(2022 - 04 - 01)),
            jabatan: Some("DINKES-KADIS".into()),
            tmt_jabatan: Some(date!(2024 - 01 - 02)),
            opd: "DINKES".into(),
            pendidikan: Some(TingkatPendidikan::S2),
            bidang_ilmu: Some(BidangIlmu::new("Kesehatan Masyarakat")),
            tmt_cpns: Some(date!(2010 - 01 - 01)),
            tmt_pns: Some(date!(2011 - 01 - 01)),
            agama: Some("Islam".into()),
            daerah_asal: Some("Banten".into()),
            email: Some("siti@serangkota.go.id".into()),
            no_hp: Some("+62 812-3456-7890".into()),
        },
        Pegawai {
            nama: "Budi".into(),
            status: StatusKepegawaian::Cpns,
            opd: "DINKES-YANKES".into(),
            ..pegawai(BUDI)
        },
        Pegawai {
            nip: pppk(KETUT),
            nama: "I Ketut O'Neil \"Jr\", 日本 — Ñusa\nBaris dua".into(),
            // An empty text is kept apart from a missing one.
            gelar_depan: Some(String::new()),
            gelar_belakang: Some("S.Kom.".into()),
            jenis_kelamin: Gender::L,
            tempat_lahir: Some("Denpasar".into()),
            tanggal_lahir: date!(1990 - 01 - 01),
            status: StatusKepegawaian::Pppk,
            golongan: Some(GolonganAsn::Pppk(GolonganPppk::new(9).unwrap())),
            tmt_golongan: Some(date!(2020 - 11 - 01)),
            jabatan: Some("BAPPEDA-PERENCANA".into()),
            tmt_jabatan: None,
            opd: "BAPPEDA".into(),
            pendidikan: Some(TingkatPendidikan::D4),
            bidang_ilmu: None,
            tmt_cpns: None,
            tmt_pns: None,
            agama: None,
            daerah_asal: Some("Bali".into()),
            email: None,
            no_hp: Some("0361-123".into()),
        },
    ]
}

fn riwayat_jabatans() -> Vec<RiwayatJabatan> {
    vec![
        RiwayatJabatan {
            nip: nip(SITI),
            tmt: date!(2024 - 01 - 02),
            jabatan: Some("DINKES-KADIS".into()),
            nama_jabatan: "Kepala Dinas Kesehatan".into(),
            opd: Some("DINKES".into()),
            jenjang: Jenjang::JptPratama,
            nomor_sk: Some("821/001/BKPSDM/2024".into()),
            tanggal_sk: Some(date!(2023 - 12 - 28)),
        },
        records::riwayat_jabatan(
            nip(SITI),
            date!(2018 - 07 - 01),
            "Kepala Puskesmas \"Ciracas\"",
            Jenjang::Pengawas,
        ),
        RiwayatJabatan {
            jabatan: Some("BAPPEDA-PERENCANA".into()),
            opd: Some("BAPPEDA".into()),
            tanggal_sk: Some(date!(2020 - 10 - 15)),
            ..records::riwayat_jabatan(
                nip(KETUT),
                date!(2020 - 11 - 01),
                "Perencana Ahli Muda — 計画",
                Jenjang::AhliMuda,
            )
        },
    ]
}

fn riwayat_golongans() -> Vec<RiwayatGolongan> {
    vec![
        RiwayatGolongan {
            nip: nip(SITI),
            tmt: date!(2022 - 04 - 01),
            golongan: GolonganAsn::Pns(Golongan::IVA),
            jenis_kp: Some("Reguler".into()),
            nomor_sk: Some("SK \"A\", 2022".into()),
            tanggal_sk: Some(date!(2022 - 03 - 20)),
        },
        RiwayatGolongan {
            nip: nip(SITI),
            tmt: date!(2010 - 01 - 01),
            golongan: GolonganAsn::Pns(Golongan::IIIB),
            jenis_kp: None,
            nomor_sk: None,
            tanggal_sk: None,
        },
        // The golongan tells its NIP is an NI PPPK.
        RiwayatGolongan {
            nip: pppk(KETUT),
            tmt: date!(2020 - 11 - 01),
            golongan: GolonganAsn::Pppk(GolonganPppk::new(9).unwrap()),
            jenis_kp: None,
            nomor_sk: Some(String::new()),
            tanggal_sk: None,
        },
    ]
}

fn riwayat_pendidikans() -> Vec<RiwayatPendidikan> {
    vec![
        RiwayatPendidikan {
            nip: nip(SITI),
            tingkat: TingkatPendidikan::S2,
            tahun_lulus: 2016,
            bidang_ilmu: Some(BidangIlmu::new("Kesehatan Masyarakat")),
            nama_sekolah: Some("Universitas Indonesia".into()),
        },
        RiwayatPendidikan {
            nip: nip(SITI),
            tingkat: TingkatPendidikan::S1,
            tahun_lulus: 2008,
            bidang_ilmu: Some(BidangIlmu::new("Kedokteran")),
            nama_sekolah: Some("Universitas 'Padjadjaran', Bandung".into()),
        },
        RiwayatPendidikan {
            nip: nip(BUDI),
            tingkat: TingkatPendidikan::Slta,
            tahun_lulus: 1998,
            bidang_ilmu: None,
            nama_sekolah: None,
        },
    ]
}

fn riwayat_diklats() -> Vec<RiwayatDiklat> {
    vec![
        RiwayatDiklat {
            nip: nip(SITI),
            nama: "Pelatihan Kepemimpinan Nasional Tingkat II".into(),
            mulai: date!(2023 - 05 - 08),
            selesai: Some(date!(2023 - 09 - 29)),
            jenis: Some("struktural".into()),
            jam: Some(u16::MAX),
            penyelenggara: Some("LAN \"RI\"".into()),
        },
        RiwayatDiklat {
            nip: nip(SITI),
            nama: "Pelatihan Kepemimpinan Nasional Tingkat II".into(),
            mulai: date!(2019 - 02 - 01),
            selesai: None,
            jenis: None,
            jam: None,
            penyelenggara: None,
        },
        RiwayatDiklat {
            nip: nip(BUDI),
            nama: "Latsar CPNS — Ångström".into(),
            mulai: date!(2005 - 03 - 01),
            selesai: Some(date!(2005 - 03 - 21)),
            jenis: Some("prajabatan".into()),
            jam: Some(0),
            penyelenggara: Some("BKPSDM".into()),
        },
    ]
}

fn riwayat_penghargaans() -> Vec<RiwayatPenghargaan> {
    vec![
        RiwayatPenghargaan {
            nip: nip(SITI),
            nama: "Satyalancana Karya Satya X Tahun".into(),
            tanggal: date!(2020 - 08 - 17),
            nomor_sk: Some("Keppres 12/TK/2020".into()),
        },
        RiwayatPenghargaan {
            nip: nip(SITI),
            nama: "Satyalancana Karya Satya X Tahun".into(),
            tanggal: date!(2021 - 08 - 17),
            nomor_sk: None,
        },
        RiwayatPenghargaan {
            nip: nip(KETUT),
            nama: "Pegawai \"Teladan\", 'Terbaik' 🏅".into(),
            tanggal: date!(2023 - 12 - 01),
            nomor_sk: None,
        },
    ]
}

fn riwayat_hukdises() -> Vec<RiwayatHukdis> {
    vec![
        RiwayatHukdis {
            nip: nip(BUDI),
            jenis: JenisHukuman::TeguranLisan,
            mulai: date!(2021 - 02 - 01),
            akhir: Some(date!(2021 - 02 - 01)),
            nomor_sk: Some("800/12/2021".into()),
            tanggal_sk: Some(date!(2021 - 01 - 28)),
            alasan: Some("Terlambat \"berulang\",\nbaris kedua".into()),
        },
        RiwayatHukdis {
            nip: nip(BUDI),
            jenis: JenisHukuman::PemotonganTukin6Bulan,
            mulai: date!(2021 - 02 - 01),
            akhir: None,
            nomor_sk: None,
            tanggal_sk: None,
            alasan: None,
        },
        RiwayatHukdis {
            nip: nip(SITI),
            jenis: JenisHukuman::PemberhentianDenganHormat,
            mulai: date!(2025 - 06 - 30),
            akhir: None,
            nomor_sk: None,
            tanggal_sk: None,
            alasan: Some(String::new()),
        },
    ]
}

fn skps() -> Vec<Skp> {
    vec![
        Skp {
            nip: nip(SITI),
            tahun: 2024,
            hasil_kerja: Rating::DiAtasEkspektasi,
            perilaku_kerja: Rating::DiAtasEkspektasi,
            predikat: Predikat::SangatBaik,
            nilai_penguat: Some(Score::from_hundredths(8_750).unwrap()),
            penilai_nip: Some(nip(BUDI)),
            penilai_nama: Some("Budi \"Atasan\"".into()),
        },
        Skp {
            nip: nip(SITI),
            tahun: 2023,
            hasil_kerja: Rating::SesuaiEkspektasi,
            perilaku_kerja: Rating::DiBawahEkspektasi,
            predikat: Predikat::Kurang,
            nilai_penguat: Some(Score::MAX),
            penilai_nip: None,
            penilai_nama: None,
        },
        Skp {
            nip: nip(KETUT),
            tahun: 2024,
            hasil_kerja: Rating::DiBawahEkspektasi,
            perilaku_kerja: Rating::DiBawahEkspektasi,
            predikat: Predikat::SangatKurang,
            nilai_penguat: Some(Score::ZERO),
            penilai_nip: Some(nip(SITI)),
            penilai_nama: None,
        },
    ]
}

fn asesmens() -> Vec<Asesmen> {
    vec![
        Asesmen {
            nip: nip(SITI),
            tanggal: date!(2025 - 02 - 10),
            sumber: SumberAsesmen::AssessmentCenter,
            potensi: Some(Score::from_hundredths(7_333).unwrap()),
            kompetensi: nine_levels(3),
        },
        Asesmen {
            nip: nip(SITI),
            tanggal: date!(2025 - 02 - 10),
            sumber: SumberAsesmen::Cact,
            potensi: Some(Score::ZERO),
            kompetensi: Levels::new(),
        },
        Asesmen {
            nip: nip(KETUT),
            tanggal: date!(2024 - 11 - 05),
            sumber: SumberAsesmen::Lainnya,
            potensi: None,
            kompetensi: nine_levels(5),
        },
    ]
}

/// What a kind's rows refer to, stored before them.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Needs {
    Nothing,
    Opd,
    Jabatan,
    Pegawai,
}

async fn store_needs(tx: &mut WriteTx, instansi: i64, perubahan: i64, needs: Needs) {
    if needs >= Needs::Opd {
        tx.upsert(instansi, perubahan, &opds()).await.unwrap();
    }
    if needs >= Needs::Jabatan {
        tx.upsert(instansi, perubahan, &jabatans()).await.unwrap();
    }
    if needs >= Needs::Pegawai {
        tx.upsert(instansi, perubahan, &pegawais()).await.unwrap();
    }
}

/// A key column value, ordered as both engines order it.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum KeyPart {
    Text(String),
    Int(i64),
    Date(Date),
}

fn key<T: Stored>(row: &T) -> Vec<KeyPart> {
    row.values()
        .into_iter()
        .take(T::KEY_LEN)
        .map(|value| match value {
            Value::Text(Some(t)) => KeyPart::Text(t),
            Value::Int(Some(n)) => KeyPart::Int(n),
            Value::Date(Some(d)) => KeyPart::Date(d),
            other => panic!("key value {other:?}"),
        })
        .collect()
}

async fn read_all<T: Stored>(db: &Db, instansi: i64) -> Vec<T> {
    let mut rows = Vec::new();
    db.read_all(instansi, |row| {
        rows.push(row);
        Ok(())
    })
    .await
    .unwrap();
    rows
}

/// The perubahan of each stored row of `T`, in key order.
async fn perubahan_ids<T: Stored>(db: &Db, instansi: i64) -> Vec<i64> {
    let keys: Vec<&str> = T::COLUMNS
        .iter()
        .take(T::KEY_LEN)
        .map(|(name, _)| *name)
        .collect();
    let sql = format!(
        "SELECT perubahan_id FROM {} WHERE instansi_id = $1 ORDER BY {}",
        T::TABLE,
        keys.join(", ")
    );
    talenta_storage::on_db!(db, pool => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(instansi)
        .fetch_all(pool)
        .await
        .unwrap())
}

async fn count(db: &Db, sql: &'static str) -> i64 {
    talenta_storage::on_db!(db, pool => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap())
}

/// Stores `rows` (with what they refer to) on each engine and checks that
/// they read back identical, in key order; that storing them again writes
/// nothing; that `change` (one field of the first row) writes one row; and
/// that a transaction dropped without commit leaves nothing.
/// A write transaction with the instansi stored and the first change
/// recorded: (transaction, instansi id, perubahan id).
async fn begin_first(db: &Db) -> (WriteTx, i64, i64) {
    let mut tx = db.begin_write().await.unwrap();
    let instansi = tx
        .upsert_instansi("3673", "Pemerintah Kota Serang")
        .await
        .unwrap()
        .0;
    let first = tx
        .record_change(FIRST, "admin", "import", "")
        .await
        .unwrap();
    (tx, instansi, first)
}

async fn round_trip<T>(db: &Db, needs: Needs, rows: Vec<T>, change: impl Fn(&mut T))
where
    T: Stored + Clone + PartialEq + Debug,
{
    let n = u64::try_from(rows.len()).unwrap();
    let mut sorted = rows.clone();
    sorted.sort_by_key(key);
    let engine = db.engine();
    let (mut tx, instansi, first) = begin_first(db).await;
    store_needs(&mut tx, instansi, first, needs).await;
    let written = tx.upsert(instansi, first, &rows).await.unwrap();
    assert_eq!(
        written,
        Written {
            written: n,
            unchanged: 0
        },
        "{engine:?}"
    );
    tx.commit().await.unwrap();
    assert_eq!(read_all::<T>(db, instansi).await, sorted, "{engine:?}");

    // The same rows again: nothing written, every row keeps its perubahan.
    let mut tx = db.begin_write().await.unwrap();
    let second = tx
        .record_change(SECOND, "admin", "import", "")
        .await
        .unwrap();
    let written = tx.upsert(instansi, second, &rows).await.unwrap();
    assert_eq!(
        written,
        Written {
            written: 0,
            unchanged: n
        },
        "{engine:?}"
    );
    tx.commit().await.unwrap();
    assert_eq!(
        perubahan_ids::<T>(db, instansi).await,
        vec![first; rows.len()],
        "{engine:?}"
    );

    // One field of one row changed: that row is written.
    let mut changed = rows.clone();
    change(&mut changed[0]);
    assert_ne!(changed[0], rows[0], "the change changes nothing");
    let mut tx = db.begin_write().await.unwrap();
    let third = tx.record_change(THIRD, "admin", "edit", "").await.unwrap();
    let written = tx.upsert(instansi, third, &changed).await.unwrap();
    assert_eq!(
        written,
        Written {
            written: 1,
            unchanged: n - 1
        },
        "{engine:?}"
    );
    tx.commit().await.unwrap();
    let mut expected = changed.clone();
    expected.sort_by_key(key);
    assert_eq!(read_all::<T>(db, instansi).await, expected, "{engine:?}");
    let stamps: Vec<i64> = expected
        .iter()
        .map(|row| if *row == changed[0] { third } else { first })
        .collect();
    assert_eq!(perubahan_ids::<T>(db, instansi).await, stamps, "{engine:?}");

    // Dropped without commit: no instansi, perubahan or row of it stays.
    let instansi_before = count(db, "SELECT COUNT(*) FROM instansi").await;
    let perubahan_before = count(db, "SELECT COUNT(*) FROM perubahan").await;
    {
        let mut tx = db.begin_write().await.unwrap();
        let other = tx.upsert_instansi("3674", "Kota Lain").await.unwrap().0;
        let p = tx
            .record_change(THIRD, "admin", "import", "")
            .await
            .unwrap();
        store_needs(&mut tx, other, p, needs).await;
        tx.upsert(other, p, &rows).await.unwrap();
        tx.upsert(instansi, p, &rows).await.unwrap();
    }
    assert_eq!(read_all::<T>(db, instansi).await, expected, "{engine:?}");
    assert_eq!(read_all::<T>(db, instansi + 1).await, Vec::<T>::new());
    assert_eq!(
        count(db, "SELECT COUNT(*) FROM instansi").await,
        instansi_before
    );
    assert_eq!(
        count(db, "SELECT COUNT(*) FROM perubahan").await,
        perubahan_before
    );
}

async fn opd_round_trips(db: &Db) {
    round_trip(db, Needs::Nothing, opds(), |o| {
        o.induk = Some("BAPPEDA".into())
    })
    .await;
}

async fn jabatan_round_trips(db: &Db) {
    round_trip(db, Needs::Opd, jabatans(), |j| {
        j.standar.insert(Kompetensi::PerekatBangsa, level(5));
    })
    .await;
}

/// Every position of an instansi read in chunks (two full, one short) on
/// each engine: all of them, in code order, with their requirements, and
/// none of another instansi.
async fn every_position_is_read_chunk_by_chunk(db: &Db) {
    let mut positions = jabatans();
    let template = positions[0].clone();
    positions.extend((0..20_000).map(|i| Jabatan {
        kode: format!("SD-{i:05}-GURU"),
        ..template.clone()
    }));
    let mut expected: Vec<SyaratJabatan> = positions
        .iter()
        .map(|j| SyaratJabatan {
            kode: j.kode.clone(),
            persyaratan: Persyaratan {
                bidang_ilmu: j.bidang_ilmu.clone(),
                standar: j.standar.clone(),
            },
        })
        .collect();
    expected.sort_by(|a, b| a.kode.cmp(&b.kode));
    let engine = db.engine();
    let (mut tx, instansi, first) = begin_first(db).await;
    store_needs(&mut tx, instansi, first, Needs::Opd).await;
    tx.upsert(instansi, first, &positions).await.unwrap();
    let other = tx
        .upsert_instansi("3604", "Kabupaten Serang")
        .await
        .unwrap()
        .0;
    tx.commit().await.unwrap();

    let mut read = Vec::new();
    let count = db
        .all_of(instansi, |p: SyaratJabatan| read.push(p))
        .await
        .unwrap();
    assert_eq!(count, 20_003, "{engine:?}");
    assert!(read == expected, "{engine:?}: positions differ");
    let none = db.all_of(other, |_: SyaratJabatan| ()).await.unwrap();
    assert_eq!(none, 0, "{engine:?}");
}

async fn pegawai_round_trips(db: &Db) {
    round_trip(db, Needs::Jabatan, pegawais(), |p| p.no_hp = None).await;
}

async fn riwayat_jabatan_round_trips(db: &Db) {
    round_trip(db, Needs::Pegawai, riwayat_jabatans(), |r| {
        r.tanggal_sk = Some(date!(2023 - 12 - 29));
    })
    .await;
}

async fn riwayat_golongan_round_trips(db: &Db) {
    round_trip(db, Needs::Pegawai, riwayat_golongans(), |r| {
        r.golongan = GolonganAsn::Pns(Golongan::IVB);
    })
    .await;
}

async fn riwayat_pendidikan_round_trips(db: &Db) {
    round_trip(db, Needs::Pegawai, riwayat_pendidikans(), |r| {
        r.bidang_ilmu = None;
    })
    .await;
}

async fn riwayat_diklat_round_trips(db: &Db) {
    round_trip(db, Needs::Pegawai, riwayat_diklats(), |r| r.jam = Some(30)).await;
}

async fn riwayat_penghargaan_round_trips(db: &Db) {
    round_trip(db, Needs::Pegawai, riwayat_penghargaans(), |r| {
        r.nomor_sk = Some("Keppres 12/TK/2020 'ralat'".into());
    })
    .await;
}

async fn riwayat_hukdis_round_trips(db: &Db) {
    round_trip(db, Needs::Pegawai, riwayat_hukdises(), |r| r.akhir = None).await;
}

async fn skp_round_trips(db: &Db) {
    round_trip(db, Needs::Pegawai, skps(), |s| {
        s.nilai_penguat = Some(Score::from_hundredths(8_751).unwrap());
    })
    .await;
}

async fn asesmen_round_trips(db: &Db) {
    round_trip(db, Needs::Pegawai, asesmens(), |a| {
        a.kompetensi = Levels::new();
    })
    .await;
}

/// 2,500 employees: more rows than one SQLite statement binds.
async fn a_large_batch_round_trips(db: &Db) {
    let pegawai: Vec<Pegawai> = (0..2_500_u32)
        .map(|i| {
            let day = u8::try_from(i / 999 + 1).unwrap();
            let text = format!("198001{day:02}2005011{:03}", i % 999 + 1);
            Pegawai {
                nip: nip(&text),
                nama: format!("Pegawai \"{i}\", ke-{i}"),
                tanggal_lahir: Date::from_calendar_date(1980, time::Month::January, day).unwrap(),
                tempat_lahir: (i % 2 == 0).then(|| "Serang".to_owned()),
                ..pegawais()[1].clone()
            }
        })
        .collect();
    let (mut tx, instansi, p) = begin_first(db).await;
    store_needs(&mut tx, instansi, p, Needs::Jabatan).await;
    let written = tx.upsert(instansi, p, &pegawai).await.unwrap();
    assert_eq!(written.written, 2_500, "{:?}", db.engine());
    tx.commit().await.unwrap();
    assert_eq!(read_all::<Pegawai>(db, instansi).await, pegawai);

    let mut tx = db.begin_write().await.unwrap();
    let p = tx
        .record_change(SECOND, "admin", "import", "")
        .await
        .unwrap();
    let written = tx.upsert(instansi, p, &pegawai).await.unwrap();
    assert_eq!(
        written,
        Written {
            written: 0,
            unchanged: 2_500
        }
    );
    tx.commit().await.unwrap();
}

async fn an_opd_may_come_before_its_parent_but_not_without_it(db: &Db) {
    let child = Opd {
        kode: "DINKES-YANKES".into(),
        nama: "Bidang Pelayanan Kesehatan".into(),
        induk: Some("DINKES".into()),
    };
    let parent = records::opd("DINKES", "Dinas Kesehatan");
    let engine = db.engine();
    // The parent in a later statement of the same transaction.
    let (mut tx, instansi, p) = begin_first(db).await;
    tx.upsert(instansi, p, std::slice::from_ref(&child))
        .await
        .unwrap();
    tx.upsert(instansi, p, std::slice::from_ref(&parent))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        read_all::<Opd>(db, instansi).await,
        vec![parent.clone(), child.clone()],
        "{engine:?}"
    );

    // A parent that never comes fails the commit, and nothing stays.
    let orphan = Opd {
        kode: "X-1".into(),
        nama: "Yatim".into(),
        induk: Some("X".into()),
    };
    let mut tx = db.begin_write().await.unwrap();
    let p = tx
        .record_change(SECOND, "admin", "import", "")
        .await
        .unwrap();
    tx.upsert(instansi, p, std::slice::from_ref(&orphan))
        .await
        .unwrap();
    assert!(tx.commit().await.is_err(), "{engine:?} committed an orphan");
    assert_eq!(
        read_all::<Opd>(db, instansi).await,
        vec![parent.clone(), child.clone()],
        "{engine:?}"
    );
}

/// Each kind names every column of its table but `instansi_id` and
/// `perubahan_id`, its key columns first and exactly the primary key.
#[tokio::test]
async fn every_kind_matches_its_table() {
    async fn check<T: Stored>(db: &Db) {
        let Db::Sqlite { read, .. } = db else {
            panic!("the first database is SQLite")
        };
        let mut columns: Vec<(String, i64)> =
            sqlx::query_as("SELECT name, pk FROM pragma_table_info($1)")
                .bind(T::TABLE)
                .fetch_all(read)
                .await
                .unwrap();
        columns.retain(|(name, _)| name != "instansi_id" && name != "perubahan_id");
        let mut key: Vec<(i64, &str)> = columns
            .iter()
            .filter(|(_, pk)| *pk > 0)
            .map(|(name, pk)| (*pk, name.as_str()))
            .collect();
        key.sort();
        let key: Vec<&str> = key.into_iter().map(|(_, name)| name).collect();
        let ours: Vec<&str> = T::COLUMNS.iter().map(|(name, _)| *name).collect();
        assert_eq!(&ours[..T::KEY_LEN], key.as_slice(), "{}", T::TABLE);
        let mut theirs: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
        let mut ours = ours;
        theirs.sort_unstable();
        ours.sort_unstable();
        assert_eq!(ours, theirs, "{}", T::TABLE);
    }
    let file = talenta_testkit::sqlite();
    let db = &migrated(&file).await;
    check::<Opd>(db).await;
    check::<Jabatan>(db).await;
    check::<Pegawai>(db).await;
    check::<RiwayatJabatan>(db).await;
    check::<RiwayatGolongan>(db).await;
    check::<RiwayatPendidikan>(db).await;
    check::<RiwayatDiklat>(db).await;
    check::<RiwayatPenghargaan>(db).await;
    check::<RiwayatHukdis>(db).await;
    check::<Skp>(db).await;
    check::<Asesmen>(db).await;
}

/// Migration 0011 rebuilds `jabatan` and `pegawai` on SQLite (WITHOUT
/// ROWID) in a database that already holds records: every row survives,
/// and the tables that reference them still do, enforced.
#[tokio::test]
async fn rebuilding_employees_and_positions_keeps_every_row_and_reference() {
    let file = talenta_testkit::sqlite();
    let db = Db::connect(&file.url).await.unwrap();
    let Db::Sqlite { write, read, .. } = &db else {
        panic!("a SQLite URL opened {:?}", db.engine());
    };
    sqlx::migrate!("migrations/sqlite")
        .run_to(10, write)
        .await
        .unwrap();
    // Today's writer names the `bup` column of migration 0012: it is there
    // while the records are written, then gone, as in a database of 0010.
    let bup_column = |sql: &'static str| async move {
        sqlx::query(sql).execute(write).await.unwrap();
    };
    bup_column("ALTER TABLE jabatan ADD COLUMN bup INTEGER").await;
    let (mut tx, instansi, first) = begin_first(&db).await;
    store_needs(&mut tx, instansi, first, Needs::Pegawai).await;
    tx.upsert(instansi, first, &skps()).await.unwrap();
    tx.upsert(instansi, first, &asesmens()).await.unwrap();
    tx.commit().await.unwrap();
    bup_column("ALTER TABLE jabatan DROP COLUMN bup").await;

    db.migrate().await.unwrap();

    let rowid_tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('pegawai', 'jabatan') \
         AND sql NOT LIKE '%WITHOUT ROWID'",
    )
    .fetch_all(read)
    .await
    .unwrap();
    assert_eq!(rowid_tables, Vec::<String>::new());
    let without_bup = jabatans()
        .into_iter()
        .map(|j| Jabatan { bup: None, ..j })
        .collect();
    assert_eq!(
        read_all::<Jabatan>(&db, instansi).await,
        sorted(without_bup)
    );
    assert_eq!(read_all::<Pegawai>(&db, instansi).await, sorted(pegawais()));
    assert_eq!(read_all::<Skp>(&db, instansi).await, sorted(skps()));
    assert_eq!(read_all::<Asesmen>(&db, instansi).await, sorted(asesmens()));
    let broken: Vec<String> = sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(read)
        .await
        .unwrap();
    assert_eq!(broken, Vec::<String>::new());
    // The references are enforced again: an SKP of no employee is refused.
    let mut orphan = skps();
    orphan.truncate(1);
    orphan[0].nip = Nip::parse("199001012015031001").unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let error = tx.upsert(instansi, first, &orphan).await.unwrap_err();
    assert!(error.to_string().contains("FOREIGN KEY"), "{error}");
}

each_engine!(
    migrated => opd_round_trips,
    jabatan_round_trips,
    pegawai_round_trips,
    riwayat_jabatan_round_trips,
    riwayat_golongan_round_trips,
    riwayat_pendidikan_round_trips,
    riwayat_diklat_round_trips,
    riwayat_penghargaan_round_trips,
    riwayat_hukdis_round_trips,
    skp_round_trips,
    asesmen_round_trips,
    every_position_is_read_chunk_by_chunk,
    a_large_batch_round_trips,
    an_opd_may_come_before_its_parent_but_not_without_it,
);

fn sorted<T: Stored>(mut rows: Vec<T>) -> Vec<T> {
    rows.sort_by_key(key);
    rows
}
