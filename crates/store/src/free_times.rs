//! The free times the booking pages offer (issue 20): each time once, however many staff
//! members publish it, and at one chosen time each channel with the staff member the booking
//! would meet (`domain::meetings::Preferences`: the citizen's own caseworker first).
//!
//! Both read the same free slots as [`Store::available_slots`] (the API's list, one entry per
//! slot, which stays as API.md has it) and apply the same channel rules.

use domain::contact_plan::Holder;
use domain::meetings::{ChannelRefusal, PickReason, Preferences, Proposed};
use domain::{Actor, Channel, CitizenId, MeetingId, TargetGroup, Visibility};
use jiff::Timestamp;
use sqlx::Row;

use crate::audit::AuditAction;
use crate::slots::{SLOT_COLUMNS, Slot, free_for_citizen, slot_from_row};
use crate::{Citizen, Store, StoreError, clock};

/// One free time: when, and the channels the citizen may use at it with anyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeTime {
    pub start: Timestamp,
    pub end: Timestamp,
    pub channels: Vec<Channel>,
}

/// A free slot at the chosen time, with its owner's name and why it comes where it does.
#[derive(Debug, Clone)]
pub struct Offer {
    pub slot: Slot,
    pub staff_name: String,
    pub reason: PickReason,
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

/// Whose times, for whom: the citizen's jobcenter's, or their a-kasse's when `fund` is set
/// (none without an a-kasse): the column, its value and who holds a meeting in them.
pub(crate) fn organisation(
    citizen: &Citizen,
    fund: bool,
) -> Option<(&'static str, String, Holder)> {
    if fund {
        let f = citizen.unemployment_fund.as_ref()?;
        Some((
            "unemployment_fund",
            f.as_str().to_owned(),
            Holder::UnemploymentFund,
        ))
    } else {
        let m = citizen.municipality.as_str().to_owned();
        Some(("municipality", m, Holder::Municipality))
    }
}

impl Store {
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
        let (citizen, _) = self
            .read_visible(actor, citizen_id, AuditAction::AvailableSlotsRead, |_| true)
            .await?;
        let Some((column, org, holder)) = organisation(&citizen, fund) else {
            return Ok(Vec::new());
        };
        let facts = self
            .channel_facts(&citizen, moving.map(MeetingId::as_str))
            .await?;
        // One row per distinct time and channel set, not per slot: ten caseworkers with the
        // same day are ten rows less to read.
        let rows = sqlx::query(&format!(
            "SELECT s.starts_at, s.ends_at, s.channels FROM slots s WHERE {} \
             GROUP BY s.starts_at, s.ends_at, s.channels ORDER BY s.starts_at, s.ends_at LIMIT $4",
            free_for_citizen(column)
        ))
        .bind(org)
        .bind(clock::to_micros(from.max(self.now())))
        .bind(clock::to_micros(to))
        .bind(i64::from(limit.clamp(1, 5000)))
        .bind(citizen.id.as_str())
        .bind(moving.map_or("", MeetingId::as_str))
        .fetch_all(&self.inner.read)
        .await?;
        let mut out: Vec<FreeTime> = Vec::new();
        for row in &rows {
            let start = clock::from_micros(row.try_get("starts_at")?);
            let end = clock::from_micros(row.try_get("ends_at")?);
            let offered = crate::slots::channels_from_db(row.try_get("channels")?)?;
            let usable = domain::meetings::usable_channels(
                &facts,
                &Proposed {
                    start,
                    holder,
                    offered: &offered,
                },
            );
            if usable.is_empty() {
                continue;
            }
            match out.last_mut() {
                Some(t) if t.start == start && t.end == end => {
                    t.channels.extend(usable);
                    t.channels.sort();
                    t.channels.dedup();
                }
                _ => out.push(FreeTime {
                    start,
                    end,
                    channels: usable,
                }),
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
        let (citizen, visibility) = self
            .read_visible(actor, citizen_id, AuditAction::AvailableSlotsRead, |_| true)
            .await?;
        let Some((column, org, holder)) = organisation(&citizen, fund) else {
            return Err(StoreError::NotFound);
        };
        let mut facts = self
            .channel_facts(&citizen, moving.map(MeetingId::as_str))
            .await?;
        let current = match moving {
            Some(id) => {
                let (meeting, _, _) = self.load_meeting(actor, id).await?;
                facts.attendance_required = meeting.attendance_reason.is_some();
                Some(meeting.staff_id)
            }
            None => None,
        };
        let rows = sqlx::query(&format!(
            "SELECT {SLOT_COLUMNS}, (SELECT name FROM staff WHERE staff.id = s.staff_id) \
             AS staff_name FROM slots s WHERE {} AND s.ends_at = $4 ORDER BY s.id LIMIT 200",
            free_for_citizen(column)
        ))
        .bind(org)
        .bind(clock::to_micros(start.max(self.now())))
        .bind(clock::to_micros(start) + 1)
        .bind(clock::to_micros(end))
        .bind(citizen.id.as_str())
        .bind(moving.map_or("", MeetingId::as_str))
        .fetch_all(&self.inner.read)
        .await?;
        let booker = match actor {
            Actor::Staff { id, .. } => Some(id),
            _ => None,
        };
        let prefs = Preferences {
            current_holder: current.as_ref(),
            own_caseworker: citizen.caseworker_id.as_ref(),
            booker,
        };
        let mut offers = Vec::with_capacity(rows.len());
        for row in &rows {
            let slot = slot_from_row(row)?;
            offers.push(Offer {
                reason: prefs.reason(&slot.staff_id),
                staff_name: row.try_get("staff_name")?,
                slot,
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
            holder,
            offered: &offered,
        };
        let channels = domain::meetings::channel_verdicts(&facts, &proposed)
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
        let first_insured = citizen.target_group == TargetGroup::InsuredUnemployed
            && facts.first_with(Holder::Municipality, start);
        // Asking the a-kasse to take part is for the jobcenter's meetings only.
        let may_choose_fund = moving.is_none()
            && holder == Holder::Municipality
            && citizen.unemployment_fund.is_some()
            && (visibility != Visibility::Own || first_insured);
        Ok(TimeChoice {
            channels,
            may_choose_fund,
        })
    }
}
