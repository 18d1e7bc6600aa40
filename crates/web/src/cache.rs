//! Dashboards are counts over a whole unit tree: computing one costs tens
//! of milliseconds, and a BKPSDM morning sends the same few dashboards to
//! many browsers. A computed dashboard serves until this server answers a
//! write (any successful unsafe request moves the generation: a
//! verification, an upload) or, for writes by other processes (`talenta
//! import`, `talenta map`), for at most [`TTL`].
//!
//! The dashboards' notice of key positions short of ready successors
//! counts the ready candidates of every key position, far dearer than the
//! counts: it is
//! kept per instansi per day ([`SUCCESSION_TTL`]), still dropped when
//! this server answers a write (a calibration moves people in and out of
//! line). So is an OPD's retention count, which reads the box history and
//! development of everyone it watches, and the evaluation of officeholders
//! the dashboards count, computed for the whole instansi.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use talenta_app::dashboard::Dashboard;
use talenta_app::evaluation::Evaluation;
use talenta_app::retention::RetentionRow;
use talenta_app::succession::Shortfall;
use talenta_domain::InstansiId;
use time::{Date, Duration, OffsetDateTime};

/// How long a dashboard may miss writes made by other processes.
pub const TTL: Duration = Duration::seconds(60);
/// How long the succession notice may miss writes by other processes: the
/// day it is keyed by.
pub const SUCCESSION_TTL: Duration = Duration::DAY;
/// Entries kept at most (units × days); beyond, the cache starts afresh.
const MAX_ENTRIES: usize = 1024;

/// The instansi, the unit (`None`: the whole instansi) and the day.
type Key = (InstansiId, Option<String>, Date);

#[derive(Debug)]
struct Entry<V> {
    generation: u64,
    computed: OffsetDateTime,
    value: Arc<V>,
}

/// Values computed per instansi, unit and day, each fresh for `ttl`.
#[derive(Debug)]
pub struct Cache<V> {
    ttl: Duration,
    generation: AtomicU64,
    entries: Mutex<HashMap<Key, Entry<V>>>,
}

pub type DashboardCache = Cache<Dashboard>;
pub type SuccessionCache = Cache<Vec<Shortfall>>;
pub type RetentionCache = Cache<Vec<RetentionRow>>;
/// The latest mapped period's evaluation; `None` before any map.
pub type EvaluationCache = Cache<Option<Evaluation>>;

impl<V> Cache<V> {
    pub fn new(ttl: Duration) -> Cache<V> {
        Cache {
            ttl,
            generation: AtomicU64::new(0),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// Something may have changed: every cached dashboard is stale.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// The value of `key` as of `now`: cached if still fresh, else
    /// computed by `load` and kept.
    pub async fn get_or_load<E>(
        &self,
        instansi: InstansiId,
        root: Option<&str>,
        today: Date,
        now: OffsetDateTime,
        load: impl Future<Output = Result<V, E>>,
    ) -> Result<Arc<V>, E> {
        let key: Key = (instansi, root.map(str::to_owned), today);
        let generation = self.generation.load(Ordering::Acquire);
        if let Some(entry) = self.lock().get(&key)
            && entry.generation == generation
            && now - entry.computed < self.ttl
        {
            return Ok(entry.value.clone());
        }
        let value = Arc::new(load.await?);
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(
            key,
            Entry {
                generation,
                computed: now,
                value: value.clone(),
            },
        );
        Ok(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Entry<V>>> {
        // A panic while holding the lock leaves a map that is still whole.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Paths whose requests write only sign-in state (sessions, failed
/// attempts, an account's password), which no cached count reads.
const SIGN_IN_ONLY: [&str; 4] = ["/masuk", "/keluar", "/akun/sandi", "/penyiapan"];

/// Middleware: a successful unsafe request may have written, so cached
/// dashboards and succession notices are stale afterwards; signing in and
/// out do not drop them (with many people signing in, nothing would stay
/// cached).
pub async fn invalidate_on_write(
    axum::extract::State(state): axum::extract::State<crate::AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let writes = !request.method().is_safe() && !SIGN_IN_ONLY.contains(&request.uri().path());
    let response = next.run(request).await;
    if writes && !response.status().is_client_error() && !response.status().is_server_error() {
        state.dashboards().changed();
        state.successions().changed();
        state.retentions().changed();
        state.evaluations().changed();
    }
    response
}
