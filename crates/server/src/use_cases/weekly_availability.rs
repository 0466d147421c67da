//! Publishing recurring weekly availability as slots: expanded in Copenhagen time, public
//! holidays left out (and named), times already passed dropped, all slots or none.

use domain::meetings::WeeklyAvailability;
use domain::{Actor, Channel, FieldError, Invalid};
use jiff::civil::Date;
use store::{NewSlot, Slot, Store, StoreError};

/// What was published, and the public holidays left out.
pub struct Published {
    pub slots: Vec<Slot>,
    pub skipped: Vec<(Date, &'static str)>,
}

/// Why nothing was published.
pub enum Refused {
    /// A field is wrong (the pattern cannot be expanded, or every time has passed).
    Field(FieldError),
    /// The store refused (an overlap with an existing slot, or not allowed).
    Store(StoreError),
}

pub async fn publish(
    store: &Store,
    actor: &Actor,
    pattern: &WeeklyAvailability,
    channels: &[Channel],
    location: Option<&str>,
) -> Result<Published, Refused> {
    let expansion = pattern
        .expand(&crate::time_fmt::copenhagen())
        .map_err(|(field, problem)| Refused::Field(FieldError::new(field, problem)))?;
    let now = store.now();
    let slots: Vec<NewSlot> = expansion
        .slots
        .iter()
        .filter(|s| s.start() > now)
        .map(|&span| NewSlot {
            span,
            channels: channels.to_vec(),
            location: location.map(str::to_owned),
        })
        .collect();
    if slots.is_empty() {
        return Err(Refused::Field(FieldError::new("first_day", Invalid::Empty)));
    }
    let slots = store
        .create_slots(actor, &slots)
        .await
        .map_err(Refused::Store)?;
    Ok(Published {
        slots,
        skipped: expansion.skipped,
    })
}
