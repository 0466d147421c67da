//! The free times the booking pages offer (issue 20): each time once, however many staff
//! members publish it, and at one chosen time each channel with the staff member the booking
//! would meet (`domain::meetings::Preferences`: the citizen's own caseworker first).
//!
//! Both read the same free slots as [`Store::available_slots`] (the API's list, one entry per
//! slot, which stays as API.md has it) and apply the same channel rules.

use domain::contact_plan::Holder;
use domain::meetings::{ChannelFacts, ChannelRefusal, Preferences, Proposed};
use domain::{Actor, Channel, CitizenId, MeetingId, TargetGroup, Visibility};
use jiff::Timestamp;
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Row};

use crate::audit::AuditAction;
use crate::slots::{SLOT_COLUMNS, Slot, free_for_citizen, slot_from_row};
use crate::{Citizen, Store, StoreError, clock};

/// One free time the citizen may book with someone, on at least one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FreeTime {
    pub start: Timestamp,
    pub end: Timestamp,
}

/// A free slot at the chosen time, with its owner's name.
#[derive(Debug, Clone)]
pub struct Offer {
    pub slot: Slot,
    pub staff_name: String,
}

/// One channel at the chosen time: allowed or why not, and the slots offering it, preferred
/// first (empty when refused).
#[derive(Debug, Clone)]
pub struct ChannelOffer {
    pub channel: Channel,
    pub verdict: Result<(), ChannelRefusal>,
    pub offers: Vec<Offer>,
}

/// What the last step of a booking offers at one time.
#[derive(Debug, Clone)]
pub struct TimeChoice {
    pub channels: Vec<ChannelOffer>,
    /// Whether the a-kasse may be asked to take part (a joint conversation).
    pub may_choose_fund: bool,
}

/// What every read of a citizen's free times starts from: the citizen (read as the slot list
/// is, audited), whose times they are and the channel facts. Shared by the API's slot list,
/// the booking pages' times and the choice at one time.
pub(crate) struct FreeSlotsFor {
    pub citizen: Citizen,
    pub visibility: Visibility,
    /// The slots' column and value: the citizen's municipality, or their a-kasse.
    column: &'static str,
    org: String,
    pub holder: Holder,
    pub facts: ChannelFacts,
}

impl FreeSlotsFor {
    /// The condition on free slots (`slots::free_for_citizen`) for this citizen.
    pub fn condition(&self) -> String {
        free_for_citizen(self.column)
    }

    /// Binds the condition's `$1`–`$6`: whose, the period [`from`, `to`) in micros (never
    /// before `now`), the query's own `$4`, the citizen and the meeting being moved.
    pub fn bind<'q>(
        &'q self,
        q: Query<'q, Any, AnyArguments<'q>>,
        (from, to): (i64, i64),
        fourth: i64,
        moving: Option<&'q MeetingId>,
    ) -> Query<'q, Any, AnyArguments<'q>> {
        q.bind(self.org.as_str())
            .bind(from)
            .bind(to)
            .bind(fourth)
            .bind(self.citizen.id.as_str())
            .bind(moving.map_or("", MeetingId::as_str))
    }
}

impl Store {
    /// [`FreeSlotsFor`] the citizen: their jobcenter's times, or their a-kasse's when `fund` is
    /// set (`None` without an a-kasse). `moving` is left out of the citizen's earlier meetings,
    /// so that moving the first meeting keeps it the first.
    pub(crate) async fn free_slots_for(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        fund: bool,
        moving: Option<&MeetingId>,
    ) -> Result<Option<FreeSlotsFor>, StoreError> {
        let (citizen, visibility) = self
            .read_visible(actor, citizen_id, AuditAction::AvailableSlotsRead, |_| true)
            .await?;
        let (column, org, holder) = if fund {
            let Some(f) = &citizen.unemployment_fund else {
                return Ok(None);
            };
            (
                "unemployment_fund",
                f.as_str().to_owned(),
                Holder::UnemploymentFund,
            )
        } else {
            let m = citizen.municipality.as_str().to_owned();
            ("municipality", m, Holder::Municipality)
        };
        let facts = self
            .channel_facts(&citizen, moving.map(MeetingId::as_str))
            .await?;
        Ok(Some(FreeSlotsFor {
            citizen,
            visibility,
            column,
            org,
            holder,
            facts,
        }))
    }

    /// The free times in [from, to) that the citizen may book with their jobcenter (or a-kasse,
    /// with `fund`), each once with the channels usable at it; at most `limit` times, earliest
    /// first. Read like the slot list (audited as such).
    #[expect(
        clippy::too_many_arguments,
        reason = "who asks, for whom, the period, whose times, the meeting moved and how many"
    )]
    pub async fn free_times(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        from: Timestamp,
        to: Timestamp,
        fund: bool,
        moving: Option<&MeetingId>,
        limit: u32,
    ) -> Result<Vec<FreeTime>, StoreError> {
        let Some(f) = self.free_slots_for(actor, citizen_id, fund, moving).await? else {
            return Ok(Vec::new());
        };
        // One row per distinct time and channel set, not per slot: ten caseworkers with the
        // same day are ten rows less to read.
        let sql = format!(
            "SELECT s.starts_at, s.ends_at, s.channels FROM slots s WHERE {} \
             GROUP BY s.starts_at, s.ends_at, s.channels ORDER BY s.starts_at, s.ends_at LIMIT $4",
            f.condition()
        );
        let period = (clock::to_micros(from.max(self.now())), clock::to_micros(to));
        let limit = i64::from(limit.clamp(1, 5000));
        let rows = f
            .bind(sqlx::query(&sql), period, limit, moving)
            .fetch_all(&self.inner.read)
            .await?;
        let mut out: Vec<FreeTime> = Vec::new();
        for row in &rows {
            let time = FreeTime {
                start: clock::from_micros(row.try_get("starts_at")?),
                end: clock::from_micros(row.try_get("ends_at")?),
            };
            // Rows come by time: a time already taken needs no second look.
            if out.last() == Some(&time) {
                continue;
            }
            let offered = crate::slots::channels_from_db(row.try_get("channels")?)?;
            let proposed = Proposed {
                start: time.start,
                holder: f.holder,
                offered: &offered,
            };
            if !domain::meetings::usable_channels(&f.facts, &proposed).is_empty() {
                out.push(time);
            }
        }
        Ok(out)
    }

    /// Every channel at the time [start, end): allowed or why not, and the free slots offering
    /// it in the order a booking tries them (the meeting's current holder when moving, the
    /// citizen's own caseworker, the staff member booking, then the rest).
    pub async fn time_choice(
        &self,
        actor: &Actor,
        citizen_id: &CitizenId,
        (start, end): (Timestamp, Timestamp),
        fund: bool,
        moving: Option<&MeetingId>,
    ) -> Result<TimeChoice, StoreError> {
        let Some(mut f) = self.free_slots_for(actor, citizen_id, fund, moving).await? else {
            return Err(StoreError::NotFound);
        };
        let current = match moving {
            Some(id) => {
                let (meeting, _, _) = self.load_meeting(actor, id).await?;
                f.facts.attendance_required = meeting.attendance_reason.is_some();
                Some(meeting.staff_id)
            }
            None => None,
        };
        let sql = format!(
            "SELECT {SLOT_COLUMNS}, (SELECT name FROM staff WHERE staff.id = s.staff_id) \
             AS staff_name FROM slots s WHERE {} AND s.ends_at = $4 ORDER BY s.id LIMIT 200",
            f.condition()
        );
        let at = clock::to_micros(start);
        let rows = f
            .bind(
                sqlx::query(&sql),
                (at, at + 1),
                clock::to_micros(end),
                moving,
            )
            .fetch_all(&self.inner.read)
            .await?;
        let booker = match actor {
            Actor::Staff { id, .. } => Some(id),
            _ => None,
        };
        let prefs = Preferences {
            current_holder: current.as_ref(),
            own_caseworker: f.citizen.caseworker_id.as_ref(),
            booker,
        };
        let mut offers = Vec::with_capacity(rows.len());
        for row in &rows {
            offers.push(Offer {
                staff_name: row.try_get("staff_name")?,
                slot: slot_from_row(row)?,
            });
        }
        prefs.order(&mut offers, |o| &o.slot.staff_id);
        let mut offered: Vec<Channel> = offers
            .iter()
            .flat_map(|o| o.slot.channels.iter().copied())
            .collect();
        offered.sort();
        offered.dedup();
        let proposed = Proposed {
            start,
            holder: f.holder,
            offered: &offered,
        };
        let channels = domain::meetings::channel_verdicts(&f.facts, &proposed)
            .into_iter()
            .map(|(channel, verdict)| ChannelOffer {
                channel,
                offers: match verdict {
                    Ok(()) => offers
                        .iter()
                        .filter(|o| o.slot.channels.contains(&channel))
                        .cloned()
                        .collect(),
                    Err(_) => Vec::new(),
                },
                verdict,
            })
            .collect();
        let first_insured = f.citizen.target_group == TargetGroup::InsuredUnemployed
            && f.facts.first_with(Holder::Municipality, start);
        // Asking the a-kasse to take part is for the jobcenter's meetings only.
        let may_choose_fund = moving.is_none()
            && f.holder == Holder::Municipality
            && f.citizen.unemployment_fund.is_some()
            && (f.visibility != Visibility::Own || first_insured);
        Ok(TimeChoice {
            channels,
            may_choose_fund,
        })
    }
}
