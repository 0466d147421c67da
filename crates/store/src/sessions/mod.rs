//! Sign-in sessions. A session token is 32 random bytes shown once to the client; only its
//! SHA-256 is stored. The same token works as a cookie (pages) and as a bearer token (API).

pub(crate) mod revocations;
pub(crate) mod sign_in;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use domain::Actor;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::{Store, StoreError, staff};

/// A fresh session: the token to hand to the client, and who it signs in.
#[derive(Clone)]
pub struct NewSession {
    pub token: String,
    pub actor: Actor,
}

impl std::fmt::Debug for NewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewSession")
            .field("actor", &self.actor)
            .finish_non_exhaustive()
    }
}

/// Recently resolved tokens, so a busy client costs no session queries. An entry lives at most
/// [`CACHE_TTL`] and never past its session's expiry. Signing out removes the entry on this
/// instance at once; other instances notice within `CACHE_TTL` — the price of not asking the
/// database on every request.
#[derive(Default)]
pub(crate) struct SessionCache {
    entries: Mutex<HashMap<String, (Actor, Instant)>>,
}

const CACHE_TTL: Duration = Duration::from_secs(30);
/// Beyond this many signed-in clients the cache starts over rather than grow without bound.
const CACHE_MAX: usize = 100_000;

impl SessionCache {
    fn get(&self, hash: &str) -> Option<Actor> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(hash)
            .filter(|(_, until)| *until > Instant::now())
            .map(|(a, _)| a.clone())
    }

    fn put(&self, hash: String, actor: Actor, session_left: Duration) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CACHE_MAX {
                entries.clear();
            }
            entries.insert(hash, (actor, Instant::now() + session_left.min(CACHE_TTL)));
        }
    }

    pub(crate) fn remove(&self, hash: &str) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(hash);
        }
    }
}

/// What is stored of a secret handed to a browser (session tokens, sign-in states).
pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl Store {
    /// Starts a session for a login without a password. Only the demo's sign-in and the
    /// operator's `jobunivers token` command call this; people in production sign in through
    /// an identity provider ([`Store::start_citizen_session`], [`Store::start_staff_session`]).
    /// Unknown login: `NotFound`.
    pub async fn start_session(
        &self,
        login: &str,
        ttl: Duration,
    ) -> Result<NewSession, StoreError> {
        let row = sqlx::query("SELECT subject_kind, subject_id FROM logins WHERE login = $1")
            .bind(login)
            .fetch_optional(&self.inner.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        let kind: String = row.try_get("subject_kind")?;
        let subject: String = row.try_get("subject_id")?;
        self.open_session(&kind, &subject, ttl).await
    }

    /// Starts a session for the citizen an identity provider vouched for by CPR number.
    /// `NotFound` when no citizen has that number: citizens are registered by their jobcenter,
    /// never by signing in.
    pub async fn start_citizen_session(
        &self,
        cpr: &domain::Cpr,
        ttl: Duration,
    ) -> Result<NewSession, StoreError> {
        let id = self.citizen_id_by_cpr(cpr).await?;
        self.open_session("citizen", id.as_str(), ttl).await
    }

    /// Starts a session for the staff member (or administrator) an identity provider vouched
    /// for by login. A citizen's login is `NotFound` here: the staff provider signs in staff.
    pub async fn start_staff_session(
        &self,
        login: &str,
        ttl: Duration,
    ) -> Result<NewSession, StoreError> {
        let row = sqlx::query(
            "SELECT subject_id FROM logins WHERE login = $1 AND subject_kind = 'staff'",
        )
        .bind(login)
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let id: String = row.try_get("subject_id")?;
        self.open_session("staff", &id, ttl).await
    }

    async fn open_session(
        &self,
        kind: &str,
        subject: &str,
        ttl: Duration,
    ) -> Result<NewSession, StoreError> {
        let actor = self.actor_for_subject(kind, subject).await?;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let token = hex::encode(bytes);
        let now = self.now_micros();
        let ttl_micros = i64::try_from(ttl.as_micros()).unwrap_or(i64::MAX / 2);
        sqlx::query(
            "INSERT INTO sessions (token_hash, subject_kind, subject_id, created_at, expires_at, idle_until) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash(&token))
        .bind(kind)
        .bind(subject)
        .bind(now)
        .bind(now.saturating_add(ttl_micros))
        .bind(self.idle_until(now))
        .execute(&self.inner.write)
        .await?;
        if kind == "citizen" {
            // A sign-in is self-service activity: the worklist flags citizens who go quiet.
            sqlx::query("UPDATE citizens SET last_signed_in_at = $1 WHERE id = $2")
                .bind(now)
                .bind(subject)
                .execute(&self.inner.write)
                .await?;
        }
        Ok(NewSession { token, actor })
    }

    /// Sessions unused for `idle` end (0: no limit). Set once at start-up from configuration.
    pub fn set_session_idle(&self, idle: Duration) {
        let micros = i64::try_from(idle.as_micros()).unwrap_or(i64::MAX / 2);
        self.inner
            .session_idle_micros
            .store(micros, std::sync::atomic::Ordering::Relaxed);
    }

    /// Until when a session used at `now` stays open without use; 0 without an idle limit.
    fn idle_until(&self, now: i64) -> i64 {
        match self
            .inner
            .session_idle_micros
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            0 => 0,
            idle => now.saturating_add(idle),
        }
    }

    /// Who a token signs in, or `NotFound` for an unknown, expired or idle token. This is a use
    /// of the session: it keeps it from going idle.
    pub async fn actor_for_token(&self, token: &str) -> Result<Actor, StoreError> {
        self.lookup_session(token, true).await
    }

    /// Whether the session still stands, without counting as a use (an open socket's check must
    /// not keep a forgotten browser signed in). `NotFound` when it does not.
    pub async fn session_stands(&self, token: &str) -> Result<Actor, StoreError> {
        self.lookup_session(token, false).await
    }

    async fn lookup_session(&self, token: &str, used: bool) -> Result<Actor, StoreError> {
        let hash = token_hash(token);
        if let Some(actor) = self.inner.sessions.get(&hash) {
            return Ok(actor);
        }
        let now = self.now_micros();
        let row = sqlx::query(
            "SELECT subject_kind, subject_id, expires_at, idle_until FROM sessions \
             WHERE token_hash = $1 AND expires_at > $2 AND (idle_until = 0 OR idle_until > $2)",
        )
        .bind(&hash)
        .bind(now)
        // On the writer's connection, not a reader's: on SQLite a reader's connection was seen
        // to answer from a snapshot older than the sign-out's commit (the ended session came
        // back for another 30 s; `live::an_open_socket_closes_when_its_session_ends…`). Only a
        // cache miss reads here, once per session and 30 s. On PostgreSQL the pools are one.
        .fetch_optional(&self.inner.write)
        .await?
        .ok_or(StoreError::NotFound)?;
        let kind: String = row.try_get("subject_kind")?;
        let subject: String = row.try_get("subject_id")?;
        let expires_at: i64 = row.try_get("expires_at")?;
        let mut idle_until: i64 = row.try_get("idle_until")?;
        let fresh = self.idle_until(now);
        // Moved forward only when it gains a while (a quarter of the limit, at most a minute),
        // so an active session costs a write now and then, not one per request.
        let step = (fresh - now) / 4;
        if used && fresh > 0 && fresh - idle_until > step.min(60_000_000) {
            sqlx::query("UPDATE sessions SET idle_until = $1 WHERE token_hash = $2")
                .bind(fresh)
                .bind(&hash)
                .execute(&self.inner.write)
                .await?;
            idle_until = fresh;
        }
        let actor = self.actor_for_subject(&kind, &subject).await?;
        // Kept at most half the idle time that is left, so that use while the copy is kept
        // (which does not reach the database) cannot let the session go idle meanwhile.
        let left = if idle_until > 0 {
            (expires_at - now).min((idle_until - now) / 2)
        } else {
            expires_at - now
        };
        let left = Duration::from_micros(u64::try_from(left).unwrap_or(0));
        self.inner.sessions.put(hash, actor.clone(), left);
        Ok(actor)
    }

    /// Ends a session here at once, and on PostgreSQL on every other instance when the
    /// deletion commits (`sessions/revocations.rs`).
    pub async fn end_session(&self, token: &str) -> Result<(), StoreError> {
        let hash = token_hash(token);
        self.inner.sessions.remove(&hash);
        let mut tx = self.inner.write.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
        if self.inner.backend == crate::Backend::Postgres {
            revocations::notify_in(&mut tx, &hash).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Housekeeping: removes expired sessions, returns how many.
    pub async fn delete_expired_sessions(&self) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(self.now_micros())
            .execute(&self.inner.write)
            .await?;
        Ok(done.rows_affected())
    }

    async fn actor_for_subject(&self, kind: &str, id: &str) -> Result<Actor, StoreError> {
        match kind {
            "staff" => {
                let row = sqlx::query(
                    "SELECT id, login, name, role, municipality, unemployment_fund, team FROM staff WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&self.inner.read)
                .await?
                .ok_or(StoreError::NotFound)?;
                staff::from_row(&row)?.actor()
            }
            "citizen" => {
                let row = sqlx::query("SELECT name FROM citizens WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.inner.read)
                    .await?
                    .ok_or(StoreError::NotFound)?;
                Ok(Actor::Citizen {
                    citizen_id: crate::ids::typed("subject_id", id)?,
                    name: row.try_get("name")?,
                })
            }
            _ => Err(StoreError::Corrupt {
                column: "subject_kind",
            }),
        }
    }
}

/// A user offered on the demo's sign-in page.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub login: String,
    pub name: String,
    /// `staff` or `citizen`.
    pub kind: String,
    pub role: String,
    pub organisation: Option<String>,
    /// Staff of an a-kasse.
    pub in_fund: bool,
}

impl Store {
    /// Everyone who can sign in, for the demo's sign-in page only (it shows citizens' names, so
    /// the server offers it in demo mode alone).
    pub async fn demo_logins(&self) -> Result<Vec<DemoLogin>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.login, s.name, 'staff' AS kind, s.role, COALESCE(s.municipality, s.unemployment_fund) AS org, \
             CAST(CASE WHEN s.unemployment_fund IS NULL THEN 0 ELSE 1 END AS BIGINT) AS in_fund \
             FROM staff s \
             UNION ALL \
             SELECT c.login, c.name, 'citizen' AS kind, 'citizen' AS role, c.municipality AS org, \
             CAST(0 AS BIGINT) AS in_fund \
             FROM citizens c WHERE c.login IS NOT NULL \
             ORDER BY 3 DESC, 1",
        )
        .fetch_all(&self.inner.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DemoLogin {
                    login: r.try_get("login")?,
                    name: r.try_get("name")?,
                    kind: r.try_get("kind")?,
                    role: r.try_get("role")?,
                    organisation: r.try_get("org")?,
                    in_fund: r.try_get::<i64, _>("in_fund")? != 0,
                })
            })
            .collect()
    }
}
