//! The call-in row written beside a meeting staff call a citizen in to (`NewMeeting::call_in`;
//! the facts are listed in `domain::meetings::call_in`).

use domain::Organisation;
use domain::contact_plan::Holder;
use domain::meetings::{CallInRequest, FundParticipation};
use sqlx::{Any, Transaction};

use crate::locations::Location;
use crate::meetings::Meeting;
use crate::{Store, StoreError, clock};

/// Writes the call-in of meeting `id`, in the booking's transaction.
/// `participation`: § 20, stk. 1, nr. 13, as the booking decided it.
pub(super) async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    call_in: &CallInRequest,
    participation: Option<FundParticipation>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO call_ins (meeting_id, location_id, phone, rebook_until, fund_participation, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(call_in.location_id.as_ref().map(|l| l.as_str().to_owned()))
    .bind(call_in.phone.as_ref().map(ToString::to_string))
    .bind(call_in.rebook_until.map(clock::to_micros))
    .bind(participation.map(|p| p.as_str()))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Whose meeting it is: the organisation of the staff member holding it. What a call-in's
    /// rebooking and a reported absence are measured against.
    pub(crate) async fn meeting_holder(&self, meeting: &Meeting) -> Result<Holder, StoreError> {
        Ok(
            match self.staff_by_id(&meeting.staff_id).await?.organisation {
                Some(Organisation::Fund(_)) => Holder::UnemploymentFund,
                _ => Holder::Municipality,
            },
        )
    }

    /// The call-in's location, which must be one of `holder`'s (the organisation whose time
    /// it is): a location of another organisation is refused naming the field, like an
    /// unknown one.
    pub(super) async fn call_in_location(
        &self,
        call_in: &CallInRequest,
        holder: &Organisation,
    ) -> Result<Option<Location>, StoreError> {
        let Some(id) = &call_in.location_id else {
            return Ok(None);
        };
        let unknown = || StoreError::invalid("call_in.location_id", domain::Invalid::UnknownValue);
        let location = match self.location(id).await {
            Ok(location) => location,
            Err(StoreError::NotFound) => return Err(unknown()),
            Err(e) => return Err(e),
        };
        if location.organisation != *holder {
            return Err(unknown());
        }
        Ok(Some(location))
    }
}
