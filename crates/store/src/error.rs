//! The one error type of the store layer. The server maps each variant to an HTTP status and a
//! stable problem code in one place (`server::error`).

use domain::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The thing does not exist, or the actor may not know that it does.
    #[error("not found")]
    NotFound,
    /// The actor can see the thing but may not do this to it.
    #[error("not allowed")]
    Forbidden,
    /// A unique value (code, login, CPR number) is already taken.
    #[error("already exists")]
    AlreadyExists,
    /// The request collides with the current state: `slot_taken`, `overlap`,
    /// `adviser_unavailable`. Nothing was changed.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// 409 `citizen_busy`: the citizen has another booked meeting at this time (with any
    /// organisation). Only its time is named: the caller may not be allowed to see the rest.
    #[error("the citizen has another meeting {start}–{end}")]
    CitizenBusy {
        start: jiff::Timestamp,
        end: jiff::Timestamp,
    },
    /// The domain refused a change to a meeting (booking, move, cancellation, outcome).
    #[error("meeting refused: {0}")]
    Meeting(#[from] domain::meetings::MeetingRefusal),
    /// The channel may not be used for this citizen and meeting; the refusal says why.
    #[error("channel refused: {0}")]
    Channel(#[from] domain::meetings::ChannelRefusal),
    /// A visitation that differs from the recommendation (or has none to follow) needs a reason.
    #[error("a reason is required")]
    ReasonRequired,
    /// The law in force today has no conversations to exempt this citizen from.
    #[error("exemption not allowed")]
    ExemptionNotAllowed,
    /// The video room cannot be entered now (not a video meeting, not booked, over).
    #[error("room refused: {0}")]
    Room(domain::meetings::RoomRefusal),
    /// The actor has written too many messages in a short time; nothing was stored.
    #[error("rate limited")]
    RateLimited,
    /// Input that is well-formed but refers to something that is not there.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// A value in the database that the domain refuses: a bug or a manual edit, never user input.
    #[error("corrupt value in column {column}")]
    Corrupt { column: &'static str },
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// The database cannot be reached now: it is restarting, the network is down, or every
    /// connection is busy past the pool's wait. Nothing the caller did; try again shortly
    /// (HTTP 503 with `Retry-After`). The pool opens new connections by itself.
    #[error("database unavailable: {0}")]
    Unavailable(sqlx::Error),
    /// From the direct point reads on SQLite (`direct_reads.rs`).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The background audit writer has stopped; nothing can be read without being logged.
    #[error("the audit writer is not running")]
    AuditUnavailable,
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if unreachable(&e) {
            StoreError::Unavailable(e)
        } else {
            StoreError::Database(e)
        }
    }
}

/// Whether `e` says the database could not be reached or could not do it now, rather than that
/// it refused a statement: no connection (I/O, TLS, the pool's wait or close), PostgreSQL's own
/// "connection exception" (SQLSTATE class 08) and "operator intervention" on shutdown or
/// start-up (57P01 `admin_shutdown`, 57P02 `crash_shutdown`, 57P03 `cannot_connect_now`), and a
/// transaction it rolled back to break a deadlock or a serialization conflict (40P01, 40001):
/// nothing was changed, and the same request a moment later succeeds — 503 with
/// `Retry-After`, not 500.
pub fn unreachable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|c| {
            c.starts_with("08")
                || matches!(c.as_ref(), "57P01" | "57P02" | "57P03" | "40P01" | "40001")
        }),
        _ => false,
    }
}

impl StoreError {
    pub(crate) fn invalid(field: &'static str, problem: domain::Invalid) -> Self {
        StoreError::Invalid(vec![FieldError::new(field, problem)])
    }

    /// Maps a unique-constraint violation to [`StoreError::AlreadyExists`].
    pub(crate) fn from_insert(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::AlreadyExists,
            _ => e.into(),
        }
    }
}

/// Parses a stored value with the domain's own parser, so a bad row surfaces as `Corrupt`.
pub(crate) fn parse<'a, T: TryFrom<&'a str>>(
    column: &'static str,
    s: &'a str,
) -> Result<T, StoreError> {
    T::try_from(s).map_err(|_| StoreError::Corrupt { column })
}
