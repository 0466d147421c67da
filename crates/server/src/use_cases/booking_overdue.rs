//! A missed self-booking deadline: an insured citizen who must book their conversations
//! themself (not exempt, BEK nr. 1216/2023 § 45) has one past its deadline and not booked
//! (worklist `booking_overdue`). Staff of the organisation holding that conversation send the
//! availability notice to the citizen's a-kasse, and the citizen is told in their thread what
//! to do now. The plan decides whether the deadline was missed, so nothing is sent on a guess.

use domain::contact_plan::{ContactPlan, Holder, ItemStatus, PlanItem, RuleBook, contact_plan};
use domain::messages::MessageBody;
use domain::{Actor, CitizenId};
use store::{AvailabilityNotice, Citizen, Store, StoreError};

use crate::i18n::Lang;

/// The conversation of `holder` whose booking deadline the citizen missed, if any: they must
/// book themselves and have an a-kasse to tell, and it is past its deadline and not booked.
/// What the contact plan page offers the button on, and what sending checks.
pub fn missed_deadline<'p>(
    plan: &'p ContactPlan<'p>,
    citizen: &Citizen,
    holder: Holder,
) -> Option<&'p PlanItem<'p>> {
    let self_books =
        domain::meetings::books_themself(citizen.target_group, citizen.self_booking_exempt)
            && citizen.unemployment_fund.is_some();
    plan.items
        .iter()
        .find(|i| self_books && i.status == ItemStatus::Overdue && i.holder == holder)
}

pub async fn notify(
    store: &Store,
    book: &RuleBook,
    actor: &Actor,
    citizen_id: &CitizenId,
) -> Result<AvailabilityNotice, StoreError> {
    let Actor::Staff { organisation, .. } = actor else {
        return Err(StoreError::Forbidden);
    };
    let holder = Holder::of_organisation(organisation);
    let inputs = store.plan_inputs(actor, citizen_id).await?;
    let citizen = &inputs.citizen;
    let self_books =
        domain::meetings::books_themself(citizen.target_group, citizen.self_booking_exempt)
            && citizen.unemployment_fund.is_some();
    let today = crate::time_fmt::local_date(store.now());
    let plan = contact_plan(book, inputs.plan_citizen(), &inputs.meetings, today);
    let missed = plan
        .items
        .iter()
        .find(|i| i.status == ItemStatus::Overdue && i.holder == holder);
    let (Some(item), true) = (missed, self_books) else {
        return Err(StoreError::Conflict("no_booking_overdue"));
    };
    let due_by = domain::clock_text::day_start(item.due_by);
    let notice = store
        .send_booking_overdue_notice(actor, citizen, due_by, holder)
        .await?;
    let lang = Lang::from_code(&citizen.language).unwrap_or_default();
    let day = catalogue::dates::long_date(lang, item.due_by);
    let text = lang.fmt("notice-booking-overdue-message", &[("day", (&day).into())]);
    if let Ok(body) = MessageBody::try_from(text.as_str()) {
        store.post_message(actor, citizen_id, None, &body).await?;
    }
    Ok(notice)
}
