//! A citizen moves to another municipality ("flyttet til kommunen").
//!
//! Registering a CPR number that another municipality holds says only that it is registered
//! elsewhere (`registered_elsewhere`), never where. The municipality the citizen moved to then
//! asks for the case by CPR number; the one holding it (its staff, or an administrator) accepts,
//! which moves the case, or declines. The asking side learns nothing of the case until it is
//! theirs. Both the request and the decision are in the citizen's access log.

use domain::{Actor, CitizenId, Cpr, Organisation, TransferId};
use jiff::Timestamp;
use sqlx::Row;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::ids::{new_id, typed};
use crate::{Store, StoreError, clock};

/// An open request, as the holding municipality sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingTransfer {
    pub id: TransferId,
    pub citizen_id: CitizenId,
    pub citizen_name: String,
    /// The municipality the citizen moved to.
    pub to_municipality: String,
    pub reason: String,
    pub requested_at: Timestamp,
}

/// The actor's municipality, for staff of one; administrators have none.
fn own_municipality(actor: &Actor) -> Option<&str> {
    match actor {
        Actor::Staff {
            organisation: Organisation::Municipality(m),
            ..
        } => Some(m.as_str()),
        _ => None,
    }
}

impl Store {
    /// The citizen with this CPR number and the municipality holding their case, in one read.
    async fn held_by(&self, cpr: &Cpr) -> Result<(CitizenId, String), StoreError> {
        let row = sqlx::query("SELECT id, municipality FROM citizens WHERE cpr_hmac = $1")
            .bind(self.inner.cpr_key.hash(cpr))
            .fetch_optional(&self.inner.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((
            typed("id", row.try_get("id")?)?,
            row.try_get("municipality")?,
        ))
    }

    /// `registered_elsewhere` when the CPR number's case is held by another municipality than
    /// `municipality`, else `AlreadyExists`; what a registration that found the number answers.
    pub(crate) async fn registered_where(&self, cpr: &Cpr, municipality: &str) -> StoreError {
        match self.held_by(cpr).await {
            Ok((_, m)) if m != municipality => StoreError::Conflict("registered_elsewhere"),
            Ok(_) => StoreError::AlreadyExists,
            Err(e) => e,
        }
    }

    /// Staff of the municipality a citizen moved to ask for the case, by CPR number. `NotFound`
    /// when nobody has it (register the citizen instead); `AlreadyExists` when it is theirs
    /// already; `transfer_pending` when they have asked already. Returns the request's id.
    pub async fn request_transfer(
        &self,
        actor: &Actor,
        cpr: &Cpr,
        reason: &str,
    ) -> Result<String, StoreError> {
        let to = own_municipality(actor).ok_or(StoreError::Forbidden)?;
        let (citizen_id, from) = self.held_by(cpr).await?;
        if from == to {
            return Err(StoreError::AlreadyExists);
        }
        let id = new_id();
        let mut tx = self.inner.write.begin().await?;
        sqlx::query(
            "INSERT INTO case_transfers (id, citizen_id, from_municipality, to_municipality, \
             requested_by, reason, requested_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending')",
        )
        .bind(&id)
        .bind(citizen_id.as_str())
        .bind(&from)
        .bind(to)
        .bind(actor.id())
        .bind(reason)
        .bind(self.now_micros())
        .execute(&mut *tx)
        .await
        .map_err(|e| match StoreError::from_insert(e) {
            StoreError::AlreadyExists => StoreError::Conflict("transfer_pending"),
            other => other,
        })?;
        let entry = AuditEntry::new(
            self.now_micros(),
            actor,
            &citizen_id,
            AuditAction::TransferRequested,
        );
        audit::insert(&mut tx, &[entry]).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The open requests for the cases the actor's municipality holds (an administrator: all),
    /// oldest first. The names shown are logged as read.
    pub async fn incoming_transfers(
        &self,
        actor: &Actor,
    ) -> Result<Vec<IncomingTransfer>, StoreError> {
        let from = match actor {
            Actor::Admin { .. } => "",
            _ => own_municipality(actor).ok_or(StoreError::Forbidden)?,
        };
        let rows = sqlx::query(
            "SELECT t.id, t.citizen_id, c.name, t.to_municipality, t.reason, t.requested_at \
             FROM case_transfers t JOIN citizens c ON c.id = t.citizen_id \
             WHERE t.status = 'pending' AND ($1 = '' OR t.from_municipality = $1) \
             ORDER BY t.requested_at, t.id",
        )
        .bind(from)
        .fetch_all(&self.inner.read)
        .await?;
        let out: Vec<IncomingTransfer> = rows
            .iter()
            .map(|r| {
                Ok(IncomingTransfer {
                    id: typed("id", r.try_get("id")?)?,
                    citizen_id: typed("citizen_id", r.try_get("citizen_id")?)?,
                    citizen_name: r.try_get("name")?,
                    to_municipality: r.try_get("to_municipality")?,
                    reason: r.try_get("reason")?,
                    requested_at: clock::from_micros(r.try_get("requested_at")?),
                })
            })
            .collect::<Result<_, StoreError>>()?;
        self.log_reads(
            out.iter()
                .map(|t| {
                    AuditEntry::new(
                        self.now_micros(),
                        actor,
                        &t.citizen_id,
                        AuditAction::CitizenListed,
                    )
                })
                .collect(),
        )
        .await?;
        Ok(out)
    }

    /// The holding municipality's staff (or an administrator) accept, which moves the case (no
    /// caseworker yet in the new municipality), or decline. Another municipality: `NotFound`;
    /// a request already decided: `transfer_decided`.
    pub async fn decide_transfer(
        &self,
        actor: &Actor,
        id: &TransferId,
        accept: bool,
    ) -> Result<(), StoreError> {
        let row = sqlx::query(
            "SELECT citizen_id, from_municipality, to_municipality, status FROM case_transfers \
             WHERE id = $1",
        )
        .bind(id.as_str())
        .fetch_optional(&self.inner.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let citizen_id: CitizenId = typed("citizen_id", row.try_get("citizen_id")?)?;
        let from: String = row.try_get("from_municipality")?;
        let to: String = row.try_get("to_municipality")?;
        let holder = matches!(actor, Actor::Admin { .. }) || own_municipality(actor) == Some(&from);
        if !holder {
            return Err(StoreError::NotFound);
        }
        let status = if accept { "accepted" } else { "declined" };
        let mut tx = self.inner.write.begin().await?;
        let changed = sqlx::query(
            "UPDATE case_transfers SET status = $1, decided_by = $2, decided_at = $3 \
             WHERE id = $4 AND status = 'pending'",
        )
        .bind(status)
        .bind(actor.id())
        .bind(self.now_micros())
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Err(StoreError::Conflict("transfer_decided"));
        }
        if accept {
            sqlx::query(
                "UPDATE citizens SET municipality = $1, caseworker_id = NULL, updated_at = $2 \
                 WHERE id = $3 AND municipality = $4",
            )
            .bind(&to)
            .bind(self.now_micros())
            .bind(citizen_id.as_str())
            .bind(&from)
            .execute(&mut *tx)
            .await?;
            // The citizen's meetings now count in the new municipality's reports.
            crate::report_days::mark_citizen(
                &mut tx,
                self.now_micros(),
                citizen_id.as_str(),
                &from,
            )
            .await?;
            crate::report_days::mark_citizen(&mut tx, self.now_micros(), citizen_id.as_str(), &to)
                .await?;
        }
        let action = if accept {
            AuditAction::TransferAccepted
        } else {
            AuditAction::TransferDeclined
        };
        audit::insert(
            &mut tx,
            &[AuditEntry::new(
                self.now_micros(),
                actor,
                &citizen_id,
                action,
            )],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
