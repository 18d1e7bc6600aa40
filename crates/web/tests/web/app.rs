//! `TestApp`: the real router served on a free loopback port over a fresh
//! database, with a settable clock, a small generated city, its talent map,
//! and one account per role.

use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex};

use talenta_app::Ctx;
use talenta_app::import::{ImportFile, ImportOptions, Silent, import};
use talenta_domain::access::Role;
use talenta_domain::personnel::Pegawai;
use talenta_domain::{InstansiId, Nip, Periode, RuleSet};
use talenta_generate::{Config as CityConfig, Generator, output};
use talenta_ingest::Kind;
use talenta_ingest::xlsx::Limits;
use talenta_storage::{Db, NewAccount};
use talenta_testkit::{TempDir, TestDb};
use talenta_web::{AppState, Clock, Config};
use time::{Duration, OffsetDateTime, macros::datetime};

use crate::client::Client;

/// Every fixture account's password.
pub const PASSWORD: &str = "sandi-uji-yang-panjang-1";

/// Employees of the generated city: enough for every OPD the fixture
/// takes people from, small enough to import in well under a second.
const EMPLOYEES: u64 = 400;

/// The TLS proxy the test server trusts: clients connecting from it are
/// believed in `X-Forwarded-For`.
pub const PROXY: [u8; 4] = [127, 0, 0, 3];

/// The test server's cap on documents waiting per unit: small, so a test
/// reaches it with a few dozen uploads (the default is 2,000).
pub const UNIT_CAP: u32 = 30;

/// When every test starts: after the generator's as-of date, so the talent
/// map of this semester has SKP years to score.
pub const START: OffsetDateTime = datetime!(2026-03-02 08:00 UTC);

/// A NIP with the right shape that no employee has.
pub const MISSING_NIP: &str = "199901012020011999";

/// The name planted on [`People::xss`]: a script element and an attribute
/// breakout.
pub const XSS_NAME: &str = r#"<script>alert(1)</script> "><img src=x onerror=alert(1)>"#;

/// The clock the server reads: starts at [`START`] and moves only when a
/// test says so.
#[derive(Debug)]
pub struct TestClock(Mutex<OffsetDateTime>);

impl TestClock {
    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap();
        *now += by;
    }
}

impl Clock for TestClock {
    fn now(&self) -> OffsetDateTime {
        *self.0.lock().unwrap()
    }
}

/// Who signs in: one account per role, plus the admin of a second OPD for
/// checks across OPDs, plus the employee with the hostile name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Pegawai,
    AdminOpd,
    AdminOpdLain,
    AdminBkpsdm,
    TimPenilai,
    Pimpinan,
    Pengawas,
    Xss,
}

impl Who {
    /// Every role's account, for tests that go through all of them.
    pub const ROLES: [Who; 7] = [
        Who::Pegawai,
        Who::AdminOpd,
        Who::AdminOpdLain,
        Who::AdminBkpsdm,
        Who::TimPenilai,
        Who::Pimpinan,
        Who::Pengawas,
    ];
}

/// The fixture's OPDs: the employee, their colleague, the hostile name and
/// the OPD admin are in [`OPD`]; the outsider and the second admin in
/// [`OPD_LAIN`].
pub const OPD: &str = "DINKES";
pub const OPD_LAIN: &str = "SETDA";

/// A person of the fixture.
#[derive(Debug, Clone)]
pub struct Person {
    /// The 18 digits, as a path or a form holds them.
    pub nip: String,
    pub nama: String,
}

/// A NIP of the fixture, written as its digits, as the app takes it.
pub fn id(digits: &str) -> Nip {
    Nip::parse(digits).unwrap()
}

impl Person {
    /// The NIP as the app takes it.
    pub fn id(&self) -> Nip {
        Nip::parse(&self.nip).unwrap()
    }
}

/// The people tests point at.
#[derive(Debug, Clone)]
pub struct People {
    pub pegawai: Person,
    pub admin_opd: Person,
    pub admin_opd_lain: Person,
    pub admin_bkpsdm: Person,
    pub tim_penilai: Person,
    pub pimpinan: Person,
    pub pengawas: Person,
    /// In [`OPD`], with no account: in the OPD admin's scope, not the
    /// employee's.
    pub colleague: Person,
    /// In [`OPD_LAIN`], with no account.
    pub outsider: Person,
    /// In [`OPD`], named [`XSS_NAME`], with a `pegawai` account so the
    /// name also shows in the page header.
    pub xss: Person,
}

impl People {
    pub fn of(&self, who: Who) -> &Person {
        match who {
            Who::Pegawai => &self.pegawai,
            Who::AdminOpd => &self.admin_opd,
            Who::AdminOpdLain => &self.admin_opd_lain,
            Who::AdminBkpsdm => &self.admin_bkpsdm,
            Who::TimPenilai => &self.tim_penilai,
            Who::Pimpinan => &self.pimpinan,
            Who::Pengawas => &self.pengawas,
            Who::Xss => &self.xss,
        }
    }
}

/// A running server over a fresh database.
#[derive(Debug)]
pub struct TestApp {
    pub engine: &'static str,
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub base: String,
    /// The test's own connection, as the command line opens it; the server
    /// has its own, as `talenta serve` does ([`Db::connect_serving`]).
    pub db: Db,
    pub clock: Arc<TestClock>,
    pub instansi: i64,
    pub people: People,
    server: tokio::task::JoinHandle<()>,
    _database: TestDb,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The rules the server runs with.
static BUNDLED: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::bundled().unwrap());

impl TestApp {
    /// The context of the app's use cases over this city, as the command
    /// line makes it: the bundled rules, at [`START`].
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx::new(&self.db, InstansiId(self.instansi), "uji", START, &BUNDLED)
    }

    /// Over a fresh SQLite file.
    pub async fn sqlite() -> TestApp {
        TestApp::over(talenta_testkit::sqlite()).await
    }

    /// Over a fresh PostgreSQL database, or `None` when no server answers
    /// and PostgreSQL is not required (the testkit says so loudly).
    pub async fn postgres() -> Option<TestApp> {
        Some(TestApp::over(talenta_testkit::postgres().await?).await)
    }

    async fn over(database: TestDb) -> TestApp {
        let db = Db::connect(&database.url).await.unwrap();
        db.migrate().await.unwrap();
        import_city(&db, EMPLOYEES).await;
        let (instansi, _) = db.instansi_all().await.unwrap().into_iter().next().unwrap();
        let periode = Periode::containing(START.date()).unwrap();
        let rules = RuleSet::bundled().unwrap();
        let map = async || {
            let ctx = Ctx::new(&db, InstansiId(instansi), "uji", START, &rules);
            talenta_app::map::compute(&ctx, periode).await.unwrap();
        };
        map().await;
        let people = accounts(&db, instansi, &periode.to_string()).await;
        // Again, as the hostile name is now in the records: a snapshot
        // keeps the names it was computed with.
        map().await;

        let clock = Arc::new(TestClock(Mutex::new(START)));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = AppState::new(
            Db::connect_serving(&database.url).await.unwrap(),
            clock.clone(),
            Config {
                public_url: base.clone(),
                trusted_proxy: Some(PROXY.into()),
                upload_pending_per_unit: UNIT_CAP,
                ..Config::default()
            },
            rules,
        );
        let server = tokio::spawn(async move {
            talenta_web::serve(listener, state).await.unwrap();
        });
        TestApp {
            engine: database.engine,
            base,
            db,
            clock,
            instansi,
            people,
            server,
            _database: database,
        }
    }

    /// Maps the period before [`START`]'s too, so that boxes move between
    /// the two: `(before, now)`.
    pub async fn map_previous(&self) -> (Periode, Periode) {
        let now = Periode::containing(START.date()).unwrap();
        let before: Periode = "2025-S2".parse().unwrap();
        talenta_app::map::compute(&self.ctx(), before)
            .await
            .unwrap();
        (before, now)
    }

    /// A new visitor with an empty cookie jar.
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    /// A new visitor signed in as `who`.
    pub async fn signed_in(&self, who: Who) -> Client {
        let client = self.client();
        let page = client.login(&self.people.of(who).nip, PASSWORD).await;
        assert_eq!(
            page.status, 303,
            "[{}] login as {who:?} failed: {}",
            self.engine, page.body
        );
        client
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The stored account of `who`.
    pub async fn account(&self, who: Who) -> talenta_storage::Account {
        self.db
            .account(self.instansi, &self.people.of(who).id())
            .await
            .unwrap()
            .unwrap()
    }

    /// The failed sign-ins of `who`.
    pub async fn attempts(&self, who: Who) -> talenta_storage::Attempts {
        self.db
            .attempts(self.instansi, &self.people.of(who).id())
            .await
            .unwrap()
    }
}

/// Generates a city of `employees` into a temporary directory and imports
/// it, as `talenta demo` does.
pub async fn import_city(db: &Db, employees: u64) {
    let dir = write_city(employees);
    import(db, city_files(&dir), &import_options())
        .await
        .unwrap();
}

/// The files of a generated city of `employees`, as `talenta generate`
/// writes them, in a temporary directory.
pub fn write_city(employees: u64) -> TempDir {
    let dir = TempDir::new("talenta_web_city");
    let generator = Generator::new(CityConfig {
        employees,
        seed: 7,
        dirty: false,
    })
    .unwrap();
    output::write_all(&generator, 1, |kind| {
        let path: PathBuf = dir.path().join(format!("{}.csv", kind.name()));
        std::fs::File::create(&path).map(std::io::BufWriter::new)
    })
    .unwrap();
    dir
}

/// The files of a city written by [`write_city`], to import.
pub fn city_files(dir: &TempDir) -> Vec<ImportFile> {
    std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let kind: Kind = path.file_stem().unwrap().to_str().unwrap().parse().unwrap();
            ImportFile { kind, path }
        })
        .collect()
}

/// How the fixture imports: at [`START`], as `uji`.
pub fn import_options() -> ImportOptions {
    ImportOptions {
        instansi: None,
        actor: "uji".into(),
        now: START,
        max_errors: 10,
        limits: Limits::default(),
        progress: Arc::new(Silent),
    }
}

/// Picks the fixture's people, renames the hostile one, and creates the
/// accounts (all with [`PASSWORD`], hashed once).
async fn accounts(db: &Db, instansi: i64, periode: &str) -> People {
    let take = |unit: &'static str| async move {
        db.employees_in_unit(instansi, unit, periode, 4)
            .await
            .unwrap()
            .into_iter()
            .map(|(nip, nama)| Person {
                nip: nip.as_str().to_owned(),
                nama,
            })
            .collect::<Vec<_>>()
    };
    let mut opd = take(OPD).await.into_iter();
    let mut lain = take(OPD_LAIN).await.into_iter();
    let mut bkpsdm = take("BKPSDM").await.into_iter();
    let mut setwan = take("SETWAN").await.into_iter();
    let next = |from: &mut std::vec::IntoIter<Person>| from.next().unwrap();
    let mut people = People {
        pegawai: next(&mut opd),
        admin_opd: next(&mut opd),
        colleague: next(&mut opd),
        xss: next(&mut opd),
        admin_opd_lain: next(&mut lain),
        outsider: next(&mut lain),
        pimpinan: next(&mut lain),
        admin_bkpsdm: next(&mut bkpsdm),
        tim_penilai: next(&mut bkpsdm),
        pengawas: next(&mut setwan),
    };
    rename(db, instansi, &people.xss.nip, XSS_NAME).await;
    people.xss.nama = XSS_NAME.to_owned();

    let hash = talenta_web::auth::hash_password(PASSWORD.to_owned())
        .await
        .unwrap();
    let roles = [
        (Who::Pegawai, Role::Pegawai, None),
        (Who::AdminOpd, Role::AdminOpd, Some(OPD)),
        (Who::AdminOpdLain, Role::AdminOpd, Some(OPD_LAIN)),
        (Who::AdminBkpsdm, Role::AdminBkpsdm, None),
        (Who::TimPenilai, Role::TimPenilai, None),
        (Who::Pimpinan, Role::Pimpinan, None),
        (Who::Pengawas, Role::Pengawas, None),
        (Who::Xss, Role::Pegawai, None),
    ];
    for (who, role, opd) in roles {
        let person = people.of(who);
        db.put_account(
            &NewAccount {
                instansi,
                nip: person.id(),
                nama: &person.nama,
                role,
                opd,
                password_hash: &hash,
            },
            START.unix_timestamp(),
        )
        .await
        .unwrap();
    }
    people
}

/// Gives employee `nip` a new name, in one recorded change.
async fn rename(db: &Db, instansi: i64, nip: &str, nama: &str) {
    let nip = Nip::parse(nip).unwrap();
    let mut pegawai: Pegawai = db.pegawai(instansi, &nip).await.unwrap().unwrap();
    pegawai.nama = nama.to_owned();
    let mut tx = db.begin_write().await.unwrap();
    let change = tx
        .record_change(START, "uji", "ubah", &format!("nama {}", nip.as_str()))
        .await
        .unwrap();
    tx.upsert(instansi, change, &[pegawai]).await.unwrap();
    tx.commit().await.unwrap();
}

/// Runs each named `async fn(TestApp)` once per engine, as two tests
/// (`NAME::sqlite`, `NAME::postgres`), so nextest runs them in parallel
/// and a failure names its engine.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::app::TestApp::sqlite().await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) = $crate::app::TestApp::postgres().await {
                    super::$name(app).await;
                }
            }
        }
    )*};
}

/// The code of the first key position with a competency standard: a
/// target to plan development towards.
pub async fn key_position(app: &TestApp) -> String {
    let mut found = None;
    app.db
        .read_all::<talenta_domain::personnel::Jabatan>(app.instansi, |j| {
            if found.is_none() && j.kunci && !j.standar.is_empty() {
                found = Some(j.kode);
            }
            Ok(())
        })
        .await
        .unwrap();
    found.expect("the city has a key position with a standard")
}
