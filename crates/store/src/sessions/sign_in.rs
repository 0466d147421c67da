//! Sign-ins under way at an identity provider (`migrations/0009_sign_in.sql`). The server keeps
//! what it must check when the browser returns — the PKCE verifier and the nonce — here rather
//! than in a cookie, so any instance can finish what another began and a `state` is good once.

use sqlx::Row;

use super::token_hash as state_hash;
use crate::{Store, StoreError};

/// What the callback needs from the redirect that began the sign-in.
#[derive(Clone, PartialEq, Eq)]
pub struct SignInAttempt {
    /// Which configured provider it went to (`mitid`, `medarbejder`).
    pub provider: String,
    pub nonce: String,
    pub code_verifier: String,
    /// The local path to go to once signed in (checked by the server before it is kept).
    pub return_to: Option<String>,
}

impl std::fmt::Debug for SignInAttempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInAttempt")
            .field("provider", &self.provider)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Remembers a sign-in sent to a provider under its `state`, for `ttl`.
    pub async fn begin_sign_in(
        &self,
        state: &str,
        attempt: &SignInAttempt,
        ttl: std::time::Duration,
    ) -> Result<(), StoreError> {
        let ttl = i64::try_from(ttl.as_micros()).unwrap_or(i64::MAX / 2);
        sqlx::query(
            "INSERT INTO sign_in_attempts (state_hash, provider, nonce, code_verifier, return_to, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(state_hash(state))
        .bind(&attempt.provider)
        .bind(&attempt.nonce)
        .bind(&attempt.code_verifier)
        .bind(&attempt.return_to)
        .bind(self.now_micros().saturating_add(ttl))
        .execute(&self.inner.write)
        .await?;
        Ok(())
    }

    /// Takes the sign-in begun under `state`, once: deleting it is what makes a replayed
    /// answer fail. `NotFound` for an unknown, used or expired state.
    pub async fn take_sign_in(&self, state: &str) -> Result<SignInAttempt, StoreError> {
        let row = sqlx::query(
            "DELETE FROM sign_in_attempts WHERE state_hash = $1 \
             RETURNING provider, nonce, code_verifier, return_to, expires_at",
        )
        .bind(state_hash(state))
        .fetch_optional(&self.inner.write)
        .await?
        .ok_or(StoreError::NotFound)?;
        let expires_at: i64 = row.try_get("expires_at")?;
        if expires_at <= self.now_micros() {
            return Err(StoreError::NotFound);
        }
        Ok(SignInAttempt {
            provider: row.try_get("provider")?,
            nonce: row.try_get("nonce")?,
            code_verifier: row.try_get("code_verifier")?,
            return_to: row.try_get("return_to")?,
        })
    }

    /// Housekeeping: forgets sign-ins nobody came back from.
    pub async fn delete_expired_sign_ins(&self) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sign_in_attempts WHERE expires_at <= $1")
            .bind(self.now_micros())
            .execute(&self.inner.write)
            .await?;
        Ok(done.rows_affected())
    }
}
