//! Dashboards, lists and exports over a small hand-built instansi, on
//! SQLite and PostgreSQL: the aggregates against counts worked out here,
//! scope per role, search and pagination, and XLSX exports holding the
//! rows of their list.

use std::io::Cursor;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use calamine::{Reader, Xlsx};
use talenta_app::Ctx;
use talenta_app::dashboard::{Dashboard, load};
use talenta_domain::access::Role;
use talenta_domain::{InstansiId, Nip, RuleSet};
use talenta_storage::{Db, NewAccount};
use talenta_testkit::TestDb;
use talenta_web::auth::token_hash;
use talenta_web::{AppState, Clock, Config};
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};
use tower::ServiceExt;

/// "Today" for every test: 10 May 2026.
const NOW: OffsetDateTime = datetime!(2026-05-10 09:00 UTC);
const TODAY: Date = date!(2026 - 05 - 10);

#[derive(Debug)]
struct Fixed;

impl Clock for Fixed {
    fn now(&self) -> OffsetDateTime {
        NOW
    }
}

macro_rules! exec {
    ($db:expr, $sql:expr $(, $bind:expr)* $(,)?) => {
        talenta_storage::on_db!($db, pool => {
            sqlx::query($sql)$(.bind($bind))*.execute(pool).await.unwrap();
        })
    };
}

// The employees: (NIP, name, status, unit, position).
const A1: &str = "197001011995031001";
const A2: &str = "198502022019092002";
const B1: &str = "198003032005011003";
const C1: &str = "198504042010012004";
const C2: &str = "199905052024011005";
const D1: &str = "197506062000031006";
const E1: &str = "199007072020092007";

const PEOPLE: [(&str, &str, &str, &str, Option<&str>); 7] = [
    (A1, "Ahmad Sekda", "PNS", "SETDA", None),
    (A2, "Ani Pppk", "PPPK", "SETDA", None),
    (
        B1,
        "Budi <b>Santoso</b>",
        "PNS",
        "DINKES",
        Some("J_PELAKSANA"),
    ),
    (C1, "Citra Puskesmas", "PNS", "PKM1", Some("J_AHLI_MUDA")),
    (C2, "Candra Cpns", "CPNS", "PKM1", None),
    (D1, "Dewi Pustu", "PNS", "PKM1A", None),
    (E1, "Eka Pkm Dua", "PPPK", "PKM2", None),
];

/// Staff of DISDIK, enough for two pages of a list.
const FILLERS: u32 = 55;

/// Valid NIPs (born 1 Jan 2000, TMT Jan 2024, male, sequence from 001),
/// as every page that reads whole records (the OPD dashboard's retention
/// count) checks stored NIPs.
fn filler_nip(i: u32) -> String {
    format!("200001012024011{:03}", i + 1)
}

/// The instansi: SETDA; DINKES with PKM1 (and PKM1A below it) and PKM2;
/// DISDIK with 55 staff and nothing else.
async fn build(db: &Db) {
    exec!(
        db,
        "INSERT INTO instansi (id, kode, nama) VALUES (1, 'KOTA', 'Kota Contoh')"
    );
    for (kode, nama, induk) in [
        ("SETDA", "Sekretariat Daerah", None),
        ("DINKES", "Dinas Kesehatan", None),
        ("DISDIK", "Dinas Pendidikan", None),
        ("PKM1", "Puskesmas Satu", Some("DINKES")),
        ("PKM1A", "Pustu Satu A", Some("PKM1")),
        ("PKM2", "Puskesmas Dua", Some("DINKES")),
    ] {
        exec!(
            db,
            "INSERT INTO opd (instansi_id, kode, nama, induk, perubahan_id) VALUES (1, $1, $2, $3, 1)",
            kode,
            nama,
            induk
        );
    }
    for (kode, nama, opd, jenjang) in [
        (
            "J_PELAKSANA",
            "Pengadministrasi Umum",
            "DINKES",
            "pelaksana",
        ),
        ("J_AHLI_MUDA", "Dokter Ahli Muda", "PKM1", "ahli_muda"),
    ] {
        exec!(
            db,
            "INSERT INTO jabatan (instansi_id, kode, nama, opd, jenjang, bidang_ilmu, kunci, kebutuhan, perubahan_id) \
             VALUES (1, $1, $2, $3, $4, '', FALSE, 1, 1)",
            kode,
            nama,
            opd,
            jenjang
        );
    }
    const PEGAWAI: &str = "INSERT INTO pegawai (instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, status, jabatan, opd, perubahan_id) \
         VALUES (1, $1, $2, 'L', $3, $4, $5, $6, 1)";
    for (nip, nama, status, opd, jabatan) in PEOPLE {
        exec!(
            db,
            PEGAWAI,
            nip,
            nama,
            date!(1980 - 01 - 01),
            status,
            jabatan,
            opd
        );
    }
    for i in 0..FILLERS {
        exec!(
            db,
            PEGAWAI,
            filler_nip(i),
            format!("Guru {i:02}"),
            date!(2000 - 01 - 01),
            "PNS",
            None::<&str>,
            "DISDIK"
        );
    }
    // Assessments on 10 May 2026 with a 3-year validity: from 10 May 2023.
    for (nip, tanggal) in [
        (A1, date!(2024 - 01 - 01)),
        (B1, date!(2023 - 05 - 10)), // the first day still current
        (C1, date!(2023 - 05 - 09)), // a day too old
        (D1, date!(2026 - 06 - 01)), // not yet held
        (E1, date!(2025 - 01 - 01)),
        (E1, date!(2025 - 02 - 01)), // two count once
    ] {
        exec!(
            db,
            "INSERT INTO asesmen (instansi_id, nip, tanggal, sumber, perubahan_id) VALUES (1, $1, $2, 'cact', 1)",
            nip,
            tanggal
        );
    }
    let verified = Some(datetime!(2026-04-01 10:00 UTC));
    for (nip, sha, jenis, at, catatan) in [
        (A1, "a1", "sk_pns", verified, None),
        (A1, "a2", "ijazah", verified, None),
        (A2, "a3", "sk_pns", verified, None), // not required of a PPPK
        (C2, "c1", "sk_cpns", verified, None),
        (C2, "c2", "sk_cpns", verified, None), // a second file of the same kind
        (D1, "d1", "ijazah", verified, Some("tidak terbaca")), // rejected
        (E1, "e1", "ijazah", None, None),      // pending
        (B1, "b1", "skp", None, None),         // pending
    ] {
        exec!(
            db,
            "INSERT INTO dokumen (instansi_id, nip, sha256, jenis, nama_file, ukuran, diverifikasi_oleh, diverifikasi_at, catatan, perubahan_id) \
             VALUES (1, $1, $2, $3, 'berkas.pdf', 10, NULL, $4, $5, 1)",
            nip,
            sha,
            jenis,
            at,
            catatan
        );
    }
    for (nomor, nip, status) in [
        (1, B1, "menunggu"),
        (2, A1, "disetujui"),
        (3, D1, "menunggu"),
    ] {
        exec!(
            db,
            "INSERT INTO usulan (instansi_id, nomor, nip, kolom, nilai_baru, status, diajukan) VALUES (1, $1, $2, 'email', 'x@y.id', $3, 0)",
            nomor as i64,
            nip,
            status
        );
    }
    for periode in ["2025-S2", "2026-S1"] {
        exec!(
            db,
            "INSERT INTO peta_talenta (instansi_id, periode, rule_set, cutoffs, dihitung_at, perubahan_id) VALUES (1, $1, 'r', 'c', $2, 1)",
            periode,
            NOW
        );
    }
    const ROW: &str = "INSERT INTO peta_talenta_pegawai (instansi_id, periode, nip, nama, opd, kinerja, potensial, kotak, nilai_talenta, kurang, perubahan_id) \
         VALUES (1, $1, $2, $3, $4, $5, $5, $6, $5, NULL, 1)";
    exec!(
        db,
        ROW,
        "2025-S2",
        A1,
        "Ahmad Sekda",
        "SETDA",
        Some(1000_i64),
        Some(1_i64)
    );
    for (nip, kotak, nilai) in [
        (A1, Some(9), Some(9000)),
        (A2, Some(5), Some(7000)),
        (B1, Some(9), Some(8500)),
        (C1, Some(7), Some(7500)),
        (C2, None, None),
        (D1, Some(1), Some(3000)),
        (E1, Some(9), Some(8000)),
    ] {
        let (_, nama, _, opd, _) = PEOPLE.iter().find(|p| p.0 == nip).unwrap();
        exec!(
            db,
            ROW,
            "2026-S1",
            nip,
            *nama,
            *opd,
            nilai.map(i64::from),
            kotak.map(i64::from)
        );
    }
}

struct Fixture {
    db: Db,
    _database: TestDb,
}

async fn fixtures() -> Vec<Fixture> {
    let mut databases = vec![talenta_testkit::sqlite()];
    databases.extend(talenta_testkit::postgres().await);
    let mut out = Vec::new();
    for database in databases {
        let db = Db::connect(&database.url).await.unwrap();
        db.migrate().await.unwrap();
        build(&db).await;
        out.push(Fixture {
            db,
            _database: database,
        });
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn aggregates_match_the_hand_counts_on_both_engines() {
    let rules = RuleSet::bundled().unwrap();
    let mut results: Vec<(Dashboard, Dashboard)> = Vec::new();
    for f in fixtures().await {
        let ctx = Ctx::new(
            &f.db,
            InstansiId(1),
            "uji",
            TODAY.midnight().assume_utc(),
            &rules,
        );
        let city = load(&ctx, None).await.unwrap();
        let groups: Vec<(&str, u64, u64, u64, u64)> = city
            .groups
            .iter()
            .map(|g| {
                let t = &g.tally;
                (
                    g.kode.as_str(),
                    t.pegawai,
                    t.profiled,
                    t.dokumen_ada,
                    t.dokumen_wajib,
                )
            })
            .collect();
        // Required: PNS 7, PPPK 6, CPNS 4 documents.
        assert_eq!(
            groups,
            [
                ("DINKES", 5, 2, 1, 7 + 7 + 4 + 7 + 6),
                ("DISDIK", FILLERS.into(), 0, 0, u64::from(FILLERS) * 7),
                ("SETDA", 2, 1, 2, 7 + 6),
            ]
        );
        assert_eq!(city.assessed_from, date!(2023 - 05 - 10));
        assert_eq!(city.periode.as_deref(), Some("2026-S1"));
        assert_eq!(city.total.kotak, [1, 0, 0, 0, 1, 0, 1, 0, 3]);
        assert_eq!(city.total.belum_dipetakan, 1);
        assert_eq!((city.queue.usulan, city.queue.dokumen), (2, 2));
        let jenjang: Vec<(Option<&str>, [u64; 9], u64)> = city
            .jenjang
            .iter()
            .map(|(j, t)| (j.as_deref(), t.kotak, t.belum_dipetakan))
            .collect();
        assert_eq!(
            jenjang,
            [
                (Some("ahli_muda"), [0, 0, 0, 0, 0, 0, 1, 0, 0], 0),
                (Some("pelaksana"), [0, 0, 0, 0, 0, 0, 0, 0, 1], 0),
                (None, [1, 0, 0, 0, 1, 0, 0, 0, 2], 1),
            ]
        );

        let dinkes = load(&ctx, Some("DINKES")).await.unwrap();
        let groups: Vec<(&str, u64, u64, [u64; 9])> = dinkes
            .groups
            .iter()
            .map(|g| {
                (
                    g.kode.as_str(),
                    g.tally.pegawai,
                    g.tally.profiled,
                    g.tally.kotak,
                )
            })
            .collect();
        // DINKES itself (its own staff), then each sub-unit with the units below.
        assert_eq!(
            groups,
            [
                ("DINKES", 1, 1, [0, 0, 0, 0, 0, 0, 0, 0, 1]),
                ("PKM1", 3, 0, [1, 0, 0, 0, 0, 0, 1, 0, 0]),
                ("PKM2", 1, 1, [0, 0, 0, 0, 0, 0, 0, 0, 1]),
            ]
        );
        assert_eq!((dinkes.queue.usulan, dinkes.queue.dokumen), (2, 2));
        let leaf = load(&ctx, Some("PKM1A")).await.unwrap();
        assert_eq!(leaf.groups.len(), 1);
        assert_eq!((leaf.total.pegawai, leaf.total.kotak[0]), (1, 1));
        results.push((city, dinkes));
    }
    if let [sqlite, postgres] = results.as_slice() {
        assert_eq!(sqlite, postgres, "both engines give the same numbers");
    }
}

/// The app over a fixture, with one signed-in account per role.
struct App {
    router: axum::Router,
}

impl App {
    async fn new(db: &Db) -> App {
        for (nip, nama, role, opd) in [
            (
                "190001012000011001",
                "Admin Bkpsdm",
                Role::AdminBkpsdm,
                None,
            ),
            (
                "190001012000011002",
                "Admin Dinkes",
                Role::AdminOpd,
                Some("DINKES"),
            ),
            ("190001012000011003", "Anggota Dewan", Role::Pengawas, None),
            ("190001012000011004", "Tim Penilai", Role::TimPenilai, None),
            (A1, "Ahmad Sekda", Role::Pegawai, None),
        ] {
            // Valid NIPs of no employee of the fixture.
            let nip = Nip::parse(nip).unwrap();
            db.put_account(
                &NewAccount {
                    instansi: 1,
                    nip,
                    nama,
                    role,
                    opd,
                    password_hash: "tidak dipakai",
                },
                NOW.unix_timestamp(),
            )
            .await
            .unwrap();
            db.login_succeeded(
                1,
                &nip,
                None,
                &token_hash(&format!("token-{}", role.code())),
                "csrf",
                &talenta_web::session::password_stamp("tidak dipakai"),
                NOW.unix_timestamp(),
            )
            .await
            .unwrap();
        }
        let state = AppState::new(
            db.clone(),
            Arc::new(Fixed),
            Config::default(),
            RuleSet::bundled().unwrap(),
        );
        App {
            router: talenta_web::router(state),
        }
    }

    async fn get(&self, role: Role, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        let request = Request::get(uri)
            .header(
                header::COOKIE,
                format!("talenta_sesi=1.token-{}", role.code()),
            )
            .body(Body::empty())
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, headers, body.to_vec())
    }

    async fn page(&self, role: Role, uri: &str) -> String {
        let (status, _, body) = self.get(role, uri).await;
        assert_eq!(status, StatusCode::OK, "{role} {uri}");
        String::from_utf8(body).unwrap()
    }

    async fn status(&self, role: Role, uri: &str) -> StatusCode {
        self.get(role, uri).await.0
    }

    /// The rows of a spreadsheet download, which must come as an xlsx
    /// attachment named `filename`.
    async fn xlsx(&self, role: Role, uri: &str, filename: &str) -> Vec<Vec<String>> {
        let (status, headers, body) = self.get(role, uri).await;
        assert_eq!(status, StatusCode::OK, "{role} {uri}");
        assert_eq!(
            headers[header::CONTENT_TYPE],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            format!("attachment; filename=\"{filename}\"")
        );
        xlsx_rows(body)
    }
}

/// The NIPs of a list page, in order.
fn nips(html: &str) -> Vec<String> {
    html.split("<tr data-nip=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

fn xlsx_rows(bytes: Vec<u8>) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn dashboards_by_role_and_scope() {
    for f in fixtures().await {
        let app = App::new(&f.db).await;
        let html = app.page(Role::AdminBkpsdm, "/dasbor").await;
        assert!(html.contains("<svg id=\"kotak-talenta\""));
        assert_eq!(
            html.matches("<a href=\"/peta?periode=2026-S1&amp;kotak=")
                .count(),
            9
        );
        assert!(html.contains("<a href=\"/peta?periode=2026-S1&amp;kotak=7\" data-kotak=\"7\""));
        assert!(html.contains("data-kotak=\"9\" data-jumlah=\"3\""));
        assert!(html.contains("data-kotak=\"5\" data-jumlah=\"1\""));
        for id in [
            "table id=\"progres-profil\"",
            "table id=\"kelengkapan-dokumen\"",
            "table id=\"sebaran-kotak-opd\"",
            "table id=\"sebaran-kotak-jenjang\"",
            "id=\"ke-verifikasi\" href=\"/verifikasi\"",
        ] {
            assert!(html.contains(id), "{id}");
        }
        assert!(html.contains("Terprofil: pegawai yang memiliki hasil asesmen bertanggal 10 Mei 2023 sampai 10 Mei 2026"));
        assert!(html.contains("<a href=\"/dasbor/opd/DINKES\">Dinas Kesehatan</a>"));
        assert!(
            html.contains("data-jumlah=\"4\""),
            "queue: 2 usulan + 2 dokumen"
        );
        assert!(!html.contains("style="));

        // An OPD admin is sent to their unit's dashboard, and sees no other.
        let (status, headers, _) = app.get(Role::AdminOpd, "/dasbor").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(headers[header::LOCATION], "/dasbor/opd/DINKES");
        let html = app.page(Role::AdminOpd, "/dasbor/opd/DINKES").await;
        assert!(html.contains("Dasbor Dinas Kesehatan"));
        assert!(html.contains(
            "<a href=\"/peta?periode=2026-S1&amp;kotak=9&amp;opd=DINKES\" data-kotak=\"9\""
        ));
        assert!(html.contains("data-kotak=\"9\" data-jumlah=\"2\""));
        assert!(!html.contains("Sekretariat Daerah"));
        assert!(
            app.page(Role::AdminOpd, "/dasbor/opd/PKM1")
                .await
                .contains("Dasbor Puskesmas Satu")
        );
        for uri in [
            "/dasbor/opd/SETDA",
            "/dasbor/opd/DISDIK",
            "/dasbor/opd/TIDAKADA",
        ] {
            assert_eq!(
                app.status(Role::AdminOpd, uri).await,
                StatusCode::NOT_FOUND,
                "{uri}"
            );
        }
        assert_eq!(
            app.status(Role::AdminBkpsdm, "/dasbor/opd/TIDAKADA").await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.status(Role::Pegawai, "/dasbor").await,
            StatusCode::NOT_FOUND
        );

        // Oversight: aggregates only, no drill-down, no list, no name.
        for uri in ["/dasbor", "/dasbor/opd/DINKES"] {
            let html = app.page(Role::Pengawas, uri).await;
            assert!(html.contains("data-kotak=\"9\""));
            assert!(!html.contains("<a href=\"/peta"), "{uri}");
            assert!(!html.contains("/verifikasi"));
            for (_, nama, ..) in PEOPLE {
                assert!(
                    !html.contains(nama) && !html.contains(nama.split(' ').next().unwrap()),
                    "{uri}: {nama}"
                );
            }
            assert!(!html.contains("Guru "));
        }
        for uri in [
            "/pegawai",
            "/peta",
            "/peta?kotak=9",
            "/pegawai?format=xlsx",
            "/peta?format=xlsx",
        ] {
            assert_eq!(
                app.status(Role::Pengawas, uri).await,
                StatusCode::NOT_FOUND,
                "{uri}"
            );
        }
        // The assessors see the map and may drill down, but verify nothing.
        let html = app.page(Role::TimPenilai, "/dasbor").await;
        assert!(html.contains("data-kotak=\"7\" aria-label"));
        assert!(!html.contains("/verifikasi\""));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn employee_list_searches_paginates_and_scopes() {
    for f in fixtures().await {
        let app = App::new(&f.db).await;
        let html = app.page(Role::AdminBkpsdm, "/pegawai").await;
        assert!(html.contains("form id=\"cari\"") && html.contains("name=\"q\""));
        assert!(html.contains("Menampilkan 1–50 dari 62 pegawai."));
        assert_eq!(nips(&html).len(), 50);
        assert!(html.contains("id=\"berikutnya\" href=\"/pegawai?hal=2\""));
        let second = app.page(Role::AdminBkpsdm, "/pegawai?hal=2").await;
        assert_eq!(nips(&second).len(), 12);
        assert!(second.contains("Menampilkan 51–62 dari 62 pegawai."));
        assert!(second.contains("id=\"sebelumnya\" href=\"/pegawai\""));
        assert!(!second.contains("id=\"berikutnya\""));

        // Name: case-insensitive contains; the name's markup is escaped.
        let html = app.page(Role::AdminBkpsdm, "/pegawai?q=SANTO").await;
        assert_eq!(nips(&html), [B1]);
        assert!(html.contains("Budi &#60;b&#62;Santoso&#60;/b&#62;"));
        assert!(!html.contains("<b>Santoso"));
        // NIP: a prefix, spaces allowed.
        assert_eq!(
            nips(&app.page(Role::AdminBkpsdm, "/pegawai?q=1985").await),
            [A2, C1]
        );
        assert_eq!(
            nips(
                &app.page(Role::AdminBkpsdm, "/pegawai?q=19850202+2019")
                    .await
            ),
            [A2]
        );
        assert_eq!(
            nips(
                &app.page(Role::AdminBkpsdm, "/pegawai?q=guru+5&opd=DISDIK")
                    .await
            )
            .len(),
            5
        );
        let html = app.page(Role::AdminBkpsdm, "/pegawai?q=50%25").await;
        assert!(nips(&html).is_empty());
        assert!(html.contains("Tidak ada pegawai yang cocok."));
        let html = app.page(Role::AdminBkpsdm, "/pegawai?hal=dua").await;
        assert!(html.contains("Nomor halaman “dua” tidak sah"));
        assert_eq!(nips(&html).len(), 50);

        // An OPD admin lists their unit and its sub-units only.
        let html = app.page(Role::AdminOpd, "/pegawai").await;
        assert_eq!(nips(&html), [D1, B1, C1, E1, C2]);
        assert!(!html.contains("Sekretariat Daerah"));
        assert_eq!(
            nips(&app.page(Role::AdminOpd, "/pegawai?opd=PKM1").await),
            [D1, C1, C2]
        );
        assert_eq!(
            nips(&app.page(Role::AdminOpd, "/pegawai?q=ahmad").await),
            Vec::<String>::new()
        );
        for (role, uri) in [
            (Role::AdminOpd, "/pegawai?opd=SETDA"),
            (Role::AdminOpd, "/pegawai?opd=SETDA&format=xlsx"),
            (Role::Pegawai, "/pegawai"),
        ] {
            assert_eq!(
                app.status(role, uri).await,
                StatusCode::NOT_FOUND,
                "{role} {uri}"
            );
        }

        // The export: the same rows as the list, all of them.
        let rows = app
            .xlsx(Role::AdminOpd, "/pegawai?format=xlsx", "pegawai.xlsx")
            .await;
        assert_eq!(rows[0][..2], ["NIP", "Nama"]);
        let exported: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(exported, [D1, B1, C1, E1, C2]);
        assert_eq!(rows[2][1], "Budi <b>Santoso</b>");
        assert_eq!(rows[2][4], "Pengadministrasi Umum");
        let (_, _, body) = app
            .get(Role::AdminBkpsdm, "/pegawai?format=xlsx&hal=2")
            .await;
        assert_eq!(xlsx_rows(body).len(), 1 + 62, "every row, not one page");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_drills_down_by_box_and_exports() {
    for f in fixtures().await {
        let app = App::new(&f.db).await;
        let html = app
            .page(Role::TimPenilai, "/peta?periode=2026-S1&kotak=9")
            .await;
        // Highest talent value first.
        assert_eq!(nips(&html), [A1, B1, E1]);
        assert!(html.contains(&format!("<a href=\"/pegawai/{A1}\">{A1}</a>")));
        assert!(html.contains("<td>90</td>"));
        // Without a period: the latest; unplaced people last.
        assert_eq!(
            nips(&app.page(Role::TimPenilai, "/peta").await),
            [A1, B1, E1, C1, A2, D1, C2]
        );
        assert_eq!(
            nips(&app.page(Role::TimPenilai, "/peta?periode=2025-S2").await),
            [A1]
        );
        assert_eq!(
            nips(&app.page(Role::TimPenilai, "/peta?jenjang=ahli_muda").await),
            [C1]
        );
        assert_eq!(
            nips(&app.page(Role::TimPenilai, "/peta?kotak=9&q=eka").await),
            [E1]
        );
        assert_eq!(
            nips(&app.page(Role::TimPenilai, "/peta?opd=PKM1").await),
            [C1, D1, C2]
        );
        for (uri, message) in [
            ("/peta?kotak=12", "Kotak “12” tidak sah"),
            ("/peta?periode=2030-S1", "periode “2030-S1” belum ada"),
            ("/peta?jenjang=eselon", "Jenjang “eselon” tidak dikenal"),
        ] {
            let html = app.page(Role::TimPenilai, uri).await;
            assert!(html.contains(message), "{uri}");
            assert!(nips(&html).is_empty(), "{uri}");
        }

        // The OPD admin's drill-down holds their units only.
        assert_eq!(
            nips(&app.page(Role::AdminOpd, "/peta?kotak=9").await),
            [B1, E1]
        );
        assert_eq!(
            app.status(Role::AdminOpd, "/peta?kotak=9&opd=SETDA").await,
            StatusCode::NOT_FOUND
        );
        let rows = app
            .xlsx(
                Role::AdminOpd,
                "/peta?kotak=9&format=xlsx",
                "peta-talenta-2026-S1-kotak-9.xlsx",
            )
            .await;
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][0], B1);
        assert_eq!(rows[1][6..], ["9", "85", "85", "85"]);
        assert_eq!(rows[2][0], E1);
    }
}
