//! Opening the database: which backend, which pools, which durability.

use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

use crate::audit::AuditWriter;
use crate::{CprKey, StoreError};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// `sqlite://…` or `postgres://…` (also `postgresql://`); anything else is refused.
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// How to open the store. `Debug` leaves out the CPR key and any password in the URL.
#[derive(Clone)]
pub struct StoreOptions {
    pub url: String,
    pub cpr_key: CprKey,
    /// Reader connections (SQLite) or all connections (PostgreSQL).
    pub max_connections: u32,
    pub meetings: MeetingSettings,
}

/// The jobcenter's rules of practice for meetings, from configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingSettings {
    /// How long before a meeting the reminder goes out.
    pub reminder_before: jiff::SignedDuration,
    /// A cancellation later than this before the start is recorded as late.
    pub late_cancellation: jiff::SignedDuration,
}

impl Default for MeetingSettings {
    fn default() -> Self {
        Self {
            reminder_before: jiff::SignedDuration::from_hours(24),
            late_cancellation: jiff::SignedDuration::from_hours(24),
        }
    }
}

/// The database URL with every credential hidden, for logs: the user and password before the
/// host (up to the *last* `@`, since a password may hold an unencoded `@`), and query parameters
/// that carry secrets (`password`, `sslpassword`, `passfile`, anything naming a key or secret).
/// Hiding too much is harmless here; hiding too little is not.
pub fn redacted_url(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) => (format!("{scheme}://"), rest),
        None => (String::new(), url),
    };
    let rest = match rest.rsplit_once('@') {
        Some((_, host)) => format!("<credentials>@{host}"),
        None => rest.to_owned(),
    };
    let (base, query) = match rest.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (rest.as_str(), None),
    };
    let Some(query) = query else {
        return format!("{scheme}{base}");
    };
    let secret = |key: &str| {
        let key = key.to_ascii_lowercase();
        ["pass", "secret", "key", "token"]
            .iter()
            .any(|word| key.contains(word))
    };
    let params: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if secret(key) => format!("{key}=<redacted>"),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{scheme}{base}?{}", params.join("&"))
}

impl std::fmt::Debug for StoreOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreOptions")
            .field("url", &redacted_url(&self.url))
            .field("max_connections", &self.max_connections)
            .finish_non_exhaustive()
    }
}

/// A handle to the database; cheap to clone, shared by all requests.
#[derive(Clone)]
pub struct Store {
    pub(crate) inner: Arc<Inner>,
    /// Background work (`background.rs`): its own pool on PostgreSQL, pauses between pieces.
    pub(crate) background: bool,
}

pub(crate) struct Inner {
    pub(crate) backend: Backend,
    /// Reads. On SQLite several connections read in parallel under WAL.
    pub(crate) read: AnyPool,
    /// Writes. On SQLite exactly one connection, so writers queue in Rust instead of failing
    /// with SQLITE_BUSY; on PostgreSQL the same pool as `read`.
    pub(crate) write: AnyPool,
    /// Background work's own connections on PostgreSQL (`background.rs`); `None` on SQLite,
    /// where every write shares the one writer anyway.
    pub(crate) background: Option<AnyPool>,
    pub(crate) cpr_key: CprKey,
    /// Point reads on SQLite without sqlx's thread hop (`direct_reads.rs`); `None` on PostgreSQL.
    pub(crate) direct: Option<crate::direct_reads::DirectReads>,
    /// Citizens' rows read in groups on PostgreSQL (`citizen_reads.rs`); `None` on SQLite.
    pub(crate) citizen_reads: Option<crate::citizen_reads::CitizenReads>,
    pub(crate) audit: AuditWriter,
    /// Group commit for plain bookings, on either backend (`booking/group.rs`, `group_pg.rs`).
    pub(crate) bookings: crate::booking::BookingWriter,
    /// Group commit for messages, on SQLite only.
    pub(crate) messages:
        Option<crate::group_commit::GroupWriter<crate::messages::writer::Messages>>,
    pub(crate) sessions: crate::sessions::SessionCache,
    /// The rule book (`RuleBook::fingerprint`, as text) the kept worklist is known to be
    /// decided with (`worklist_state.rs`); empty until checked against the database.
    pub(crate) worklist_rules: std::sync::Mutex<String>,
    /// Worklist decisions since its tables' statistics were last refreshed
    /// (`worklist_statistics.rs`).
    pub(crate) worklist_decided: std::sync::atomic::AtomicUsize,
    pub(crate) meetings: MeetingSettings,
    /// Added to the wall clock; only tests and the demo move it (`Store::advance_clock`,
    /// `Store::set_clock`).
    pub(crate) clock_offset_micros: std::sync::atomic::AtomicI64,
    /// How long a session may go unused, in microseconds; 0: no limit
    /// (`Store::set_session_idle`).
    pub(crate) session_idle_micros: std::sync::atomic::AtomicI64,
    /// Live thread events (`events.rs`).
    pub(crate) events: crate::events::EventBus,
    /// For the PostgreSQL listener's own connection. Never printed: it may hold a password.
    pub(crate) url: String,
}

impl Store {
    pub async fn connect(options: &StoreOptions) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(&options.url).ok_or_else(|| {
            StoreError::Database(sqlx::Error::Configuration(
                "DATABASE_URL must start with sqlite:// or postgres://".into(),
            ))
        })?;
        let mut direct = None;
        let mut background = None;
        let (read, write) = match backend {
            Backend::Sqlite => {
                let url = if options.url.contains('?') {
                    options.url.clone()
                } else {
                    format!("{}?mode=rwc", options.url)
                };
                let connect: AnyConnectOptions = url.parse()?;
                // One writer first, so the file exists in WAL mode before readers open it.
                let write = sqlite_pool(1).connect_with(connect.clone()).await?;
                let read = sqlite_pool(options.max_connections.max(1))
                    .connect_with(connect)
                    .await?;
                direct = crate::direct_reads::DirectReads::open(
                    &options.url,
                    usize::try_from(options.max_connections).unwrap_or(1),
                )?;
                (read, write)
            }
            Backend::Postgres => {
                let pool = postgres_pool(options.max_connections.max(2))
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(&options.url)
                    .await?;
                background = Some(crate::background::pool(&options.url)?);
                (pool.clone(), pool)
            }
        };
        let audit = AuditWriter::start(match backend {
            Backend::Sqlite => write.clone(),
            // A connection of its own: every audited read waits for its entry's commit, so the
            // writer must not queue for a pooled connection behind the reads waiting for it.
            Backend::Postgres => postgres_pool(1)
                .acquire_timeout(Duration::from_secs(10))
                .connect_lazy(&options.url)?,
        });
        let citizen_reads = (backend == Backend::Postgres)
            .then(|| crate::citizen_reads::CitizenReads::start(read.clone()));
        let bookings = crate::booking::BookingWriter::start(
            match backend {
                Backend::Sqlite => write.clone(),
                // A connection of its own, as the audit writer's: a booking storm's requests
                // hold the pooled connections for their reads, and a writer queueing behind
                // them for each batch wrote a quarter of what it does alone (issue 22).
                Backend::Postgres => postgres_pool(1)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_lazy(&options.url)?,
            },
            // A booking put off by its writer too often waits for its citizen's lock on a
            // connection of the shared pool, beside the writer (`group_commit.rs`).
            write.clone(),
            backend,
        );
        let messages = (backend == Backend::Sqlite)
            .then(|| crate::group_commit::GroupWriter::start(write.clone(), write.clone()));
        let store = Store {
            background: false,
            inner: Arc::new(Inner {
                backend,
                read,
                write,
                background,
                cpr_key: options.cpr_key.clone(),
                direct,
                citizen_reads,
                audit,
                bookings,
                messages,
                sessions: Default::default(),
                worklist_rules: Default::default(),
                worklist_decided: Default::default(),
                meetings: options.meetings,
                clock_offset_micros: Default::default(),
                session_idle_micros: Default::default(),
                events: Default::default(),
                url: options.url.clone(),
            }),
        };
        if backend == Backend::Postgres {
            store.listen_for_ended_sessions().await;
        }
        Ok(store)
    }

    /// Applies the migrations that have not run yet. Safe to call at every start-up.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.inner.write).await?;
        crate::worklist_marks::install(&self.inner.write, self.inner.backend).await?;
        self.resume_report_counting().await
    }

    /// A trivial query, for readiness checks.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.inner.read).await?;
        Ok(())
    }

    /// The one clock of the store: every decision and every stamp (audit, cancelled_at,
    /// created_at, session expiry) reads it. The wall clock, unless the demo or a test has set
    /// it (`set_clock`, `advance_clock`); from there it runs on with the wall clock.
    pub fn now(&self) -> jiff::Timestamp {
        crate::clock::from_micros(self.now_micros())
    }

    /// `now()` as stored: microseconds since the epoch, UTC.
    pub(crate) fn now_micros(&self) -> i64 {
        let offset = self
            .inner
            .clock_offset_micros
            .load(std::sync::atomic::Ordering::Relaxed);
        crate::clock::to_micros(jiff::Timestamp::now()).saturating_add(offset)
    }

    /// Sets the clock to `at`, from where it runs on. For the demo (its fixed start date and
    /// `POST /api/v1/dev/clock`) and tests; a production server never calls it.
    pub fn set_clock(&self, at: jiff::Timestamp) {
        let offset = crate::clock::to_micros(at) - crate::clock::to_micros(jiff::Timestamp::now());
        self.inner
            .clock_offset_micros
            .store(offset, std::sync::atomic::Ordering::Relaxed);
    }

    /// Moves this store's clock forward, so a test can reach a meeting's start without waiting.
    #[cfg(feature = "testing")]
    pub fn advance_clock(&self, by: jiff::SignedDuration) {
        let micros = i64::try_from(by.as_micros()).unwrap_or(i64::MAX);
        self.inner
            .clock_offset_micros
            .fetch_add(micros, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn meeting_settings(&self) -> MeetingSettings {
        self.inner.meetings
    }

    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    /// Waits for queued audit entries to be written and closes the pools.
    pub async fn close(&self) {
        self.inner.audit.flush().await;
        self.inner.read.close().await;
        self.inner.write.close().await;
        if let Some(pool) = &self.inner.background {
            pool.close().await;
        }
    }
}

/// SQLite connections: WAL so readers never wait for the writer, `synchronous=FULL` so an
/// acknowledged write survives a power cut (the audit writer commits in groups to keep this
/// affordable), foreign keys on, and a busy timeout for the rare checkpoint contention.
/// A 32 MB page cache per connection (SQLite's default is 2 MB): at national scale a worklist
/// touches a few hundred pages, and the upper levels of the big indexes then stay in memory.
fn sqlite_pool(max: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(max)
        .min_connections(1)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                for pragma in [
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA synchronous = FULL",
                    "PRAGMA foreign_keys = ON",
                    "PRAGMA busy_timeout = 5000",
                    "PRAGMA cache_size = -32768",
                ] {
                    conn.execute(pragma).await?;
                }
                Ok(())
            })
        })
}

/// PostgreSQL connections, with the query compiler (JIT) off. Our statements are short; JIT
/// compiles any whose estimated cost is high, and after a bulk load, before the statistics
/// catch up, that cost 0.44 s on a 7 ms read of 200 case files (every batch of the kept
/// worklist, `worklist_state.rs`). A setting of our sessions, not of the server.
pub(crate) fn postgres_pool(max: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(max)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                conn.execute("SET jit = off").await?;
                Ok(())
            })
        })
}

#[cfg(test)]
mod tests {
    use super::redacted_url;

    #[test]
    fn no_credential_reaches_the_log() {
        let cases = [
            (
                "postgres://ju:hemmelig@db:5432/ju",
                "postgres://<credentials>@db:5432/ju",
            ),
            (
                "postgres://ju:p@ss@w0rd@db/ju",
                "postgres://<credentials>@db/ju",
            ),
            (
                "postgres://db/ju?user=ju&password=hemmelig&sslmode=require",
                "postgres://db/ju?user=ju&password=<redacted>&sslmode=require",
            ),
            (
                "postgres://db/ju?sslpassword=x&PassFile=/p&sslkey=/k",
                "postgres://db/ju?sslpassword=<redacted>&PassFile=<redacted>&sslkey=<redacted>",
            ),
            (
                "sqlite://./data/ju.db?mode=rwc",
                "sqlite://./data/ju.db?mode=rwc",
            ),
        ];
        for (url, shown) in cases {
            assert_eq!(redacted_url(url), shown);
            for secret in ["hemmelig", "ss@w0rd", "w0rd"] {
                assert!(!redacted_url(url).contains(secret), "{url}");
            }
        }
    }
}
