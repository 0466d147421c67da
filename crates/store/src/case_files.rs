//! A portfolio's case files in one statement: each citizen with what the contact plan and the
//! worklist need (meetings, latest screening and decision, exemption), packed into one text.
//!
//! Why packed: the SQLite driver hands every result row from its worker thread to the caller
//! separately, and on these machines waking the other core costs 35–40 µs. A caseworker's 200
//! citizens read as ~600 rows over five queries spent more time in those hand-offs than in
//! SQLite; as one row they do not. Fields are separated by the ASCII unit separator (0x1F) and
//! citizens by the record separator (0x1E), which no stored text contains (names refuse control
//! characters; everything else is ours).

use domain::contact_plan::{Exemptions, Holder, PlanMeeting, StartDates};
use domain::{CitizenId, MeetingStatus, TargetGroup, Track};
use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::error::parse;
use crate::ids::typed;
use crate::{Store, StoreError, clock};

/// One citizen of a portfolio with their case facts.
pub(crate) struct CaseFile {
    pub id: CitizenId,
    pub name: String,
    pub municipality: String,
    pub fund: Option<String>,
    pub target_group: TargetGroup,
    /// The days the plan counts from (`unemployed_since` and the days of the law).
    pub starts: StartDates,
    pub track: Option<Track>,
    pub caseworker_id: Option<String>,
    pub created_at: Timestamp,
    pub last_signed_in_at: Option<Timestamp>,
    pub latest_screening: Option<Timestamp>,
    pub latest_visitation: Option<Timestamp>,
    /// Each organisation's latest exemption decision (2026 rules).
    pub exempt: Exemptions,
    /// Sent to the jobcenter from the start (LAB § 27, stk. 3).
    pub jobcenter_from_start: bool,
    pub meetings: Vec<PlanMeeting>,
    /// The latest meeting the citizen booked themself.
    pub own_booking: Option<Timestamp>,
    /// Since when the citizen's message has waited for the jobcenter, and for the a-kasse.
    pub waiting_jobcenter: Option<Timestamp>,
    pub waiting_fund: Option<Timestamp>,
    /// The latest survey answer asking to be called ("ring mig op").
    pub callback_requested: Option<Timestamp>,
    /// Since when a reported absence from a call-in has waited for the jobcenter's, and for
    /// the a-kasse's, decision.
    pub absence_jobcenter: Option<Timestamp>,
    pub absence_fund: Option<Timestamp>,
    /// Since when the oldest letter not yet printed has waited for the citizen's postal
    /// address (index `letters_address_missing`, migration 0026).
    pub letter_address_missing: Option<Timestamp>,
    /// Exempt from booking themself (BEK nr. 1216/2023 § 45): staff call them in.
    pub self_booking_exempt: bool,
}

const FIELDS: usize = 26;

impl CaseFile {
    /// What the contact plan needs of the citizen.
    pub fn plan_citizen(&self) -> domain::contact_plan::PlanCitizen {
        domain::contact_plan::PlanCitizen {
            target_group: self.target_group,
            starts: self.starts,
            exempt: self.exempt,
            jobcenter_from_start: self.jobcenter_from_start,
        }
    }
}

impl Store {
    /// The case files of the citizens matched by `scope` (on `citizens c`, one parameter `$1`):
    /// what the quota report and the census read.
    pub(crate) async fn case_files(
        &self,
        scope: &str,
        value: &str,
    ) -> Result<Vec<CaseFile>, StoreError> {
        let sql = select(scope);
        let row = sqlx::query(&sql)
            .bind(value)
            .fetch_one(&self.inner.read)
            .await?;
        unpack_all(&row)
    }
}

/// The case files of these citizens, read in the caller's transaction (the kept worklist
/// decides them there, `worklist_state.rs`). Citizens that no longer exist are left out.
pub(crate) async fn of_citizens(
    tx: &mut Transaction<'_, Any>,
    ids: &[String],
) -> Result<Vec<CaseFile>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    // Well below both backends' limit on parameters.
    for chunk in ids.chunks(500) {
        let params: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = select(&format!("c.id IN ({})", params.join(", ")));
        let mut query = sqlx::query(&sql);
        for id in chunk {
            query = query.bind(id.as_str());
        }
        out.extend(unpack_all(&query.fetch_one(&mut **tx).await?)?);
    }
    Ok(out)
}

/// The one statement that reads case files, for the citizens `scope` matches.
fn select(scope: &str) -> String {
    format!(
        "SELECT string_agg(c.id || '\u{1f}' || c.name || '\u{1f}' || c.municipality \
             || '\u{1f}' || COALESCE(c.unemployment_fund, '') || '\u{1f}' || c.target_group \
             || '\u{1f}' || c.unemployed_since || '\u{1f}' || COALESCE(c.track, '') \
             || '\u{1f}' || COALESCE(c.caseworker_id, '') || '\u{1f}' || CAST(c.created_at AS TEXT) \
             || '\u{1f}' || COALESCE(CAST(c.last_signed_in_at AS TEXT), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(MAX(submitted_at) AS TEXT) FROM screenings WHERE citizen_id = c.id), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(MAX(decided_at) AS TEXT) FROM visitations WHERE citizen_id = c.id), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(exempt AS TEXT) FROM plan_exemptions WHERE citizen_id = c.id \
                AND holder = 'unemployment_fund' ORDER BY decided_at DESC, id DESC LIMIT 1), '0') \
             || '\u{1f}' || COALESCE((SELECT CAST(exempt AS TEXT) FROM plan_exemptions WHERE citizen_id = c.id \
                AND holder = 'municipality' ORDER BY decided_at DESC, id DESC LIMIT 1), '0') \
             || '\u{1f}' || COALESCE((SELECT string_agg({MEETING_PACK}, ',') FROM meetings m WHERE m.citizen_id = c.id), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(waiting_since AS TEXT) FROM message_threads \
                WHERE citizen_id = c.id AND holder = 'jobcenter' AND waiting_for = 'staff'), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(waiting_since AS TEXT) FROM message_threads \
                WHERE citizen_id = c.id AND holder = 'a_kasse' AND waiting_for = 'staff'), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(MAX(answered_at) AS TEXT) FROM surveys \
                WHERE citizen_id = c.id AND callback = 1), '') \
             || '\u{1f}' || CAST(c.jobcenter_from_start AS TEXT) \
             || '\u{1f}' || COALESCE(c.registered_on, '') || '\u{1f}' || COALESCE(c.first_contact_on, '') \
             || '\u{1f}' || COALESCE(c.first_absence_on, '') \
             || '\u{1f}' || COALESCE((SELECT CAST(MIN(reported_at) AS TEXT) FROM absence_reports \
                WHERE citizen_id = c.id AND status = 'pending' AND holder = 'jobcenter'), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(MIN(reported_at) AS TEXT) FROM absence_reports \
                WHERE citizen_id = c.id AND status = 'pending' AND holder = 'a_kasse'), '') \
             || '\u{1f}' || CAST(c.self_booking_exempt AS TEXT) \
             || '\u{1f}' || COALESCE((SELECT CAST(MIN(created_at) AS TEXT) FROM letters \
                WHERE citizen_id = c.id AND printed_at IS NULL AND recipient_address IS NULL), ''), \
             '\u{1e}') AS packed FROM citizens c WHERE {scope}"
    )
}

fn unpack_all(row: &AnyRow) -> Result<Vec<CaseFile>, StoreError> {
    let Some(packed) = row.try_get::<Option<String>, _>("packed")? else {
        return Ok(Vec::new());
    };
    packed.split('\u{1e}').map(case_file).collect()
}

fn case_file(record: &str) -> Result<CaseFile, StoreError> {
    let corrupt = |column| move || StoreError::Corrupt { column };
    let f: Vec<&str> = record.split('\u{1f}').collect();
    let [
        id,
        name,
        municipality,
        fund,
        group,
        since,
        track,
        caseworker,
        created,
        signed_in,
        screened,
        decided,
        exempt_fund,
        exempt_municipality,
        meetings,
        waiting_jobcenter,
        waiting_fund,
        callback,
        jobcenter_from_start,
        registered_on,
        first_contact_on,
        first_absence_on,
        absent_jobcenter,
        absent_fund,
        self_booking_exempt,
        letter_address_missing,
    ] = <[&str; FIELDS]>::try_from(f).map_err(|_| StoreError::Corrupt { column: "citizens" })?;
    let micros = |s: &str, column: &'static str| -> Result<Option<Timestamp>, StoreError> {
        match s {
            "" => Ok(None),
            n => n
                .parse()
                .map(|m| Some(clock::from_micros(m)))
                .map_err(|_| corrupt(column)()),
        }
    };
    let day = |s: &str, column: &'static str| -> Result<Option<Date>, StoreError> {
        match s {
            "" => Ok(None),
            d => d.parse().map(Some).map_err(|_| corrupt(column)()),
        }
    };
    let mut plan_meetings = Vec::new();
    let mut own_booking = None;
    for text in meetings.split(',').filter(|t| !t.is_empty()) {
        let fact = unpack(text)?;
        own_booking = own_booking.max(fact.booked_by_citizen_at);
        plan_meetings.push(fact.meeting);
    }
    Ok(CaseFile {
        id: typed("id", id)?,
        name: name.to_owned(),
        municipality: municipality.to_owned(),
        fund: (!fund.is_empty()).then(|| fund.to_owned()),
        target_group: parse("target_group", group)?,
        starts: StartDates {
            unemployed_since: since.parse().map_err(|_| corrupt("unemployed_since")())?,
            registered_on: day(registered_on, "registered_on")?,
            first_contact_on: day(first_contact_on, "first_contact_on")?,
            first_absence_on: day(first_absence_on, "first_absence_on")?,
        },
        track: (!track.is_empty())
            .then(|| parse("track", track))
            .transpose()?,
        caseworker_id: (!caseworker.is_empty()).then(|| caseworker.to_owned()),
        created_at: micros(created, "created_at")?.ok_or_else(corrupt("created_at"))?,
        last_signed_in_at: micros(signed_in, "last_signed_in_at")?,
        latest_screening: micros(screened, "screenings")?,
        latest_visitation: micros(decided, "visitations")?,
        exempt: Exemptions {
            fund: exempt_fund == "1",
            municipality: exempt_municipality == "1",
        },
        jobcenter_from_start: jobcenter_from_start == "1",
        meetings: plan_meetings,
        own_booking,
        waiting_jobcenter: micros(waiting_jobcenter, "message_threads")?,
        waiting_fund: micros(waiting_fund, "message_threads")?,
        callback_requested: micros(callback, "surveys")?,
        absence_jobcenter: micros(absent_jobcenter, "absence_reports")?,
        absence_fund: micros(absent_fund, "absence_reports")?,
        self_booking_exempt: self_booking_exempt == "1",
        letter_address_missing: micros(letter_address_missing, "letters")?,
    })
}

/// A meeting as the plan reads it, and when the citizen booked it themself (for activity).
struct MeetingFact {
    pub meeting: PlanMeeting,
    pub booked_by_citizen_at: Option<Timestamp>,
}

/// One meeting of `m` as text for [`unpack`]: `id|starts_at|status|by_fund|joint|citizen_booked_at|remote`.
/// Whether an a-kasse holds it is asked of a subquery the database evaluates once per statement.
const MEETING_PACK: &str = "m.id || '|' || CAST(m.starts_at AS TEXT) || '|' || m.status \
     || '|' || CASE WHEN m.staff_id IN (SELECT id FROM staff WHERE unemployment_fund IS NOT NULL) THEN '1' ELSE '0' END \
     || '|' || CASE WHEN m.adviser_id IS NULL THEN '0' ELSE '1' END \
     || '|' || CASE WHEN m.booked_by_role = 'citizen' THEN CAST(m.booked_at AS TEXT) ELSE '' END \
     || '|' || CASE WHEN m.channel = 'in_person' THEN '0' ELSE '1' END";

/// One meeting from `plan_meetings`' packed text: `id|starts_at|status|by_fund|joint|citizen_booked_at|remote`.
fn unpack(text: &str) -> Result<MeetingFact, StoreError> {
    let corrupt = || StoreError::Corrupt { column: "meetings" };
    let mut parts = text.split('|');
    let mut next = || parts.next().ok_or_else(corrupt);
    let id = next()?.to_owned();
    let starts_at: i64 = next()?.parse().map_err(|_| corrupt())?;
    let status: MeetingStatus = parse("status", next()?)?;
    let holder = if next()? == "1" {
        Holder::UnemploymentFund
    } else {
        Holder::Municipality
    };
    let joint = next()? == "1";
    let booked_by_citizen_at = match next()? {
        "" => None,
        at => Some(clock::from_micros(at.parse().map_err(|_| corrupt())?)),
    };
    let remote = next()? == "1";
    Ok(MeetingFact {
        meeting: PlanMeeting::new(id, clock::from_micros(starts_at), status, holder, joint)
            .by_phone_or_video(remote),
        booked_by_citizen_at,
    })
}
