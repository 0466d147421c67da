//! A portfolio's case files in one statement: each citizen with what the contact plan and the
//! worklist need (meetings, latest screening and decision, exemption), packed into one text.
//!
//! Why packed: the SQLite driver hands every result row from its worker thread to the caller
//! separately, and on these machines waking the other core costs 35–40 µs. A caseworker's 200
//! citizens read as ~600 rows over five queries spent more time in those hand-offs than in
//! SQLite; as one row they do not. Fields are separated by the ASCII unit separator (0x1F) and
//! citizens by the record separator (0x1E), which no stored text contains (names refuse control
//! characters; everything else is ours).

use domain::contact_plan::PlanMeeting;
use domain::{TargetGroup, Track};
use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;

use crate::contact_plan::{MEETING_PACK, unpack};
use crate::error::parse;
use crate::{Store, StoreError, clock};

/// One citizen of a portfolio with their case facts.
pub(crate) struct CaseFile {
    pub id: String,
    pub name: String,
    pub target_group: TargetGroup,
    pub unemployed_since: Date,
    pub track: Option<Track>,
    pub caseworker_id: Option<String>,
    pub created_at: Timestamp,
    pub last_signed_in_at: Option<Timestamp>,
    pub latest_screening: Option<Timestamp>,
    pub latest_visitation: Option<Timestamp>,
    pub exempt: bool,
    pub meetings: Vec<PlanMeeting>,
    /// The latest meeting the citizen booked themself.
    pub own_booking: Option<Timestamp>,
}

const FIELDS: usize = 12;

impl Store {
    /// The case files of the citizens matched by `scope` (on `c`, one parameter `$1`).
    pub(crate) async fn case_files(
        &self,
        scope: &str,
        value: &str,
    ) -> Result<Vec<CaseFile>, StoreError> {
        let sql = format!(
            "SELECT string_agg(c.id || '\u{1f}' || c.name || '\u{1f}' || c.target_group \
             || '\u{1f}' || c.unemployed_since || '\u{1f}' || COALESCE(c.track, '') \
             || '\u{1f}' || COALESCE(c.caseworker_id, '') || '\u{1f}' || CAST(c.created_at AS TEXT) \
             || '\u{1f}' || COALESCE(CAST(c.last_signed_in_at AS TEXT), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(MAX(submitted_at) AS TEXT) FROM screenings WHERE citizen_id = c.id), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(MAX(decided_at) AS TEXT) FROM visitations WHERE citizen_id = c.id), '') \
             || '\u{1f}' || COALESCE((SELECT CAST(exempt AS TEXT) FROM plan_exemptions WHERE citizen_id = c.id \
                ORDER BY decided_at DESC, id DESC LIMIT 1), '0') \
             || '\u{1f}' || COALESCE((SELECT string_agg({MEETING_PACK}, ',') FROM meetings m WHERE m.citizen_id = c.id), ''), \
             '\u{1e}') AS packed FROM citizens c WHERE {scope}"
        );
        let row = sqlx::query(&sql)
            .bind(value)
            .fetch_one(&self.inner.read)
            .await?;
        let Some(packed) = row.try_get::<Option<String>, _>("packed")? else {
            return Ok(Vec::new());
        };
        packed.split('\u{1e}').map(case_file).collect()
    }
}

fn case_file(record: &str) -> Result<CaseFile, StoreError> {
    let corrupt = |column| move || StoreError::Corrupt { column };
    let f: Vec<&str> = record.split('\u{1f}').collect();
    let [
        id,
        name,
        group,
        since,
        track,
        caseworker,
        created,
        signed_in,
        screened,
        decided,
        exempt,
        meetings,
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
    let mut plan_meetings = Vec::new();
    let mut own_booking = None;
    for text in meetings.split(',').filter(|t| !t.is_empty()) {
        let fact = unpack(text)?;
        own_booking = own_booking.max(fact.booked_by_citizen_at);
        plan_meetings.push(fact.meeting);
    }
    Ok(CaseFile {
        id: id.to_owned(),
        name: name.to_owned(),
        target_group: parse("target_group", group)?,
        unemployed_since: since.parse().map_err(|_| corrupt("unemployed_since")())?,
        track: (!track.is_empty())
            .then(|| parse("track", track))
            .transpose()?,
        caseworker_id: (!caseworker.is_empty()).then(|| caseworker.to_owned()),
        created_at: micros(created, "created_at")?.ok_or_else(corrupt("created_at"))?,
        last_signed_in_at: micros(signed_in, "last_signed_in_at")?,
        latest_screening: micros(screened, "screenings")?,
        latest_visitation: micros(decided, "visitations")?,
        exempt: exempt == "1",
        meetings: plan_meetings,
        own_booking,
    })
}
