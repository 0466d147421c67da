//! The demo's no-shows with consequences: two citizens of Aalborg's first caseworker were
//! called in a few days ago and did not come, recorded without a reasonable excuse — so an
//! a-kasse has an availability notice in "Underretninger", Aalborg's benefits office (its
//! "Ydelseskontoret" team, with its own member) has one about a cash-benefit recipient, and
//! both citizens were told in their thread. Made through the real paths with the store's
//! clock set back for the moment (a time can only be published and booked ahead), then set
//! to where it was. Draws from no generator, so the rest of the demo world stays what it was.

use domain::meetings::CallInRequest;
use domain::{
    Actor, Channel, Login, MunicipalityCode, Organisation, Outcome, PersonName, Role, TargetGroup,
    TeamName, TimeSpan,
};
use jiff::civil::{Time, Weekday};
use jiff::{SignedDuration, ToSpan};
use store::{NewMeeting, NewSlot, NewStaff, Store, StoreError};

use crate::demo::invalid;

const BENEFITS_TEAM: &str = "Ydelseskontoret";

pub async fn seed(store: &Store, system: &Actor) -> Result<usize, StoreError> {
    let aalborg = MunicipalityCode::try_from("0851").map_err(|e| invalid("0851", e))?;
    let team = TeamName::try_from(BENEFITS_TEAM).map_err(|e| invalid(BENEFITS_TEAM, e))?;
    store
        .create_staff(
            system,
            &NewStaff {
                login: Login::try_from("aalborg.ydelse").map_err(|e| invalid("login", e))?,
                name: PersonName::try_from("Birgit Ydelse").map_err(|e| invalid("name", e))?,
                role: Role::Caseworker,
                organisation: Some(Organisation::Municipality(aalborg.clone())),
                team: Some(team.clone()),
            },
        )
        .await?;
    store
        .set_benefits_team(system, &aalborg, Some(&team))
        .await?;
    let Some(caseworker) = store
        .staff_list(system)
        .await?
        .into_iter()
        .find(|s| s.login == "aalborg.jk1")
    else {
        return Ok(0);
    };
    let actor = caseworker.actor()?;
    let place = store.locations(&actor).await?.into_iter().next();
    let query = store::CitizenQuery {
        per_page: 200,
        page: 1,
        ..Default::default()
    };
    let mut theirs = Vec::new();
    for summary in store.list_citizens(&actor, &query).await?.items {
        let c = store.citizen(&actor, &summary.id).await?;
        if c.caseworker_id.as_ref() == Some(&caseworker.id) {
            theirs.push(c);
        }
    }
    let insured = theirs.iter().find(|c| {
        c.target_group == TargetGroup::InsuredUnemployed && c.unemployment_fund.is_some()
    });
    let cash = theirs.iter().find(|c| c.target_group.is_cash_benefit());
    // A weekday morning three to five days ago, in Copenhagen.
    let real = store.now();
    let mut day = domain::clock_text::local_date(real).saturating_sub(3.days());
    while matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
        day = day.saturating_sub(1.day());
    }
    let mut made = 0;
    for (n, citizen) in [insured, cash].into_iter().flatten().enumerate() {
        let hour = 9 + i8::try_from(n).unwrap_or(0);
        let start = day
            .to_datetime(Time::constant(hour, 0, 0, 0))
            .to_zoned(domain::clock_text::copenhagen())
            .map_err(|_| StoreError::Corrupt {
                column: "demo time",
            })?
            .timestamp();
        let end = start + SignedDuration::from_mins(30);
        let span = TimeSpan::new(start, end).map_err(|e| invalid("span", e))?;
        store.set_clock(start - SignedDuration::from_hours(24));
        let slot = store
            .create_slots(
                &actor,
                &[NewSlot {
                    span,
                    channels: vec![Channel::InPerson],
                    location: place.as_ref().map(|p| p.name.clone()),
                }],
            )
            .await?
            .into_iter()
            .next();
        let booked = match slot {
            Some(slot) => store
                .book_meeting(
                    &actor,
                    &NewMeeting {
                        citizen_id: citizen.id.clone(),
                        slot_id: slot.id,
                        channel: Channel::InPerson,
                        purpose: Some("Jobsamtale".into()),
                        attendance_reason: None,
                        with_fund: false,
                        call_in: place.as_ref().map(|p| CallInRequest {
                            location_id: Some(p.id.clone()),
                            ..Default::default()
                        }),
                        interpreter: None,
                        companion: None,
                    },
                )
                .await
                .ok(),
            None => None,
        };
        if let Some(meeting) = booked {
            store.set_clock(start + SignedDuration::from_mins(40));
            // Recorded as the meeting page records it: the notice and the citizen's message.
            server::use_cases::no_show::record(store, &actor, &meeting.id, Outcome::NoShow, None)
                .await?;
            made += 1;
        }
    }
    store.set_clock(real);
    Ok(made)
}
