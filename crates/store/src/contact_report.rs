//! The contact report's counts: meetings in a period by outcome, with their survey answers,
//! grouped by channel, target group or municipality, in one statement. Surveys are joined to
//! their meeting, so a survey counts in the period of the meeting it was about.

use domain::contact_report::{ContactCounts, GroupBy, months};
use domain::{Actor, Organisation, Role};
use jiff::Timestamp;
use sqlx::Row;

use crate::{Store, StoreError, clock};

/// Which meetings a report may count (a condition on `m` and `c` with parameter `$3`): a
/// municipality's manager their citizens', an a-kasse's manager those its staff held, an
/// administrator all. Caseworkers and citizens: `Forbidden`.
fn report_scope(actor: &Actor) -> Result<(&'static str, String), StoreError> {
    Ok(match actor {
        Actor::Admin { .. } => ("$3 = ''", String::new()),
        Actor::Staff {
            role: Role::Manager,
            organisation: Organisation::Municipality(m),
            ..
        } => ("c.municipality = $3", m.as_str().to_owned()),
        Actor::Staff {
            role: Role::Manager,
            organisation: Organisation::Fund(f),
            ..
        } => (
            "m.staff_id IN (SELECT id FROM staff WHERE unemployment_fund = $3)",
            f.as_str().to_owned(),
        ),
        _ => return Err(StoreError::Forbidden),
    })
}

impl Store {
    /// How many free-text answers about meetings in [from, to) touch each theme
    /// (`domain::comment_themes`); the comments themselves never leave the store.
    pub async fn comment_themes(
        &self,
        actor: &Actor,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<(&'static str, u64)>, StoreError> {
        let (scope, value) = report_scope(actor)?;
        let rows = sqlx::query(&format!(
            "SELECT v.comment FROM surveys v JOIN meetings m ON m.id = v.meeting_id \
             JOIN citizens c ON c.id = m.citizen_id \
             WHERE v.comment IS NOT NULL AND m.starts_at >= $1 AND m.starts_at < $2 AND ({scope})"
        ))
        .bind(clock::to_micros(from))
        .bind(clock::to_micros(to))
        .bind(value)
        .fetch_all(&self.inner.read)
        .await?;
        let comments: Vec<String> = rows
            .iter()
            .map(|r| r.try_get("comment"))
            .collect::<Result<_, _>>()?;
        Ok(domain::comment_themes::count_themes(
            comments.iter().map(String::as_str),
        ))
    }

    /// Counts per group for meetings starting in [from, to): a municipality's manager sees their
    /// municipality's citizens, an a-kasse's manager the meetings its staff held, an
    /// administrator everything. Caseworkers and citizens: `Forbidden`.
    pub async fn contact_counts(
        &self,
        actor: &Actor,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<Vec<(String, ContactCounts)>, StoreError> {
        if group_by == GroupBy::Month {
            // The trend: each Copenhagen month of the period, summed over channels.
            let mut out = Vec::new();
            for (label, start, end) in months(from, to) {
                let mut total = ContactCounts::default();
                for (_, c) in self.grouped(actor, start, end, GroupBy::Channel).await? {
                    total.add(&c);
                }
                out.push((label, total));
            }
            return Ok(out);
        }
        self.grouped(actor, from, to, group_by).await
    }

    async fn grouped(
        &self,
        actor: &Actor,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
    ) -> Result<Vec<(String, ContactCounts)>, StoreError> {
        let (scope, value) = report_scope(actor)?;
        let key = match group_by {
            GroupBy::Channel | GroupBy::Month => "m.channel",
            GroupBy::TargetGroup => "c.target_group",
            GroupBy::Municipality => "c.municipality",
        };
        let sql = format!(
            "SELECT {key} AS k, COUNT(*) AS meetings, \
             SUM(CASE WHEN m.status = 'held' THEN 1 ELSE 0 END) AS held, \
             SUM(CASE WHEN m.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled, \
             SUM(CASE WHEN m.status = 'cancelled' AND m.cancelled_late = 1 THEN 1 ELSE 0 END) AS cancelled_late, \
             SUM(CASE WHEN m.status = 'no_show' THEN 1 ELSE 0 END) AS no_show, \
             SUM(CASE WHEN m.booked_by_role = 'citizen' THEN 1 ELSE 0 END) AS citizen_booked, \
             SUM(CASE WHEN v.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered, \
             SUM(CASE WHEN v.satisfaction >= 4 THEN 1 ELSE 0 END) AS satisfied, \
             SUM(CASE WHEN v.channel_fit >= 4 THEN 1 ELSE 0 END) AS channel_fit, \
             SUM(CASE WHEN v.personal IN ('same', 'more') THEN 1 ELSE 0 END) AS personal, \
             SUM(CASE WHEN v.helpful >= 4 THEN 1 ELSE 0 END) AS helpful, \
             SUM(CASE WHEN v.more_remote >= 4 THEN 1 ELSE 0 END) AS wants_remote \
             FROM meetings m JOIN citizens c ON c.id = m.citizen_id \
             LEFT JOIN surveys v ON v.meeting_id = m.id \
             WHERE m.starts_at >= $1 AND m.starts_at < $2 AND ({scope}) \
             GROUP BY {key} ORDER BY {key}"
        );
        let rows = sqlx::query(&sql)
            .bind(clock::to_micros(from))
            .bind(clock::to_micros(to))
            .bind(value)
            .fetch_all(&self.inner.read)
            .await?;
        rows.iter()
            .map(|r| {
                let n = |c: &str| -> Result<u64, StoreError> {
                    let v: Option<i64> = r.try_get(c)?;
                    Ok(u64::try_from(v.unwrap_or(0)).unwrap_or(0))
                };
                Ok((
                    r.try_get("k")?,
                    ContactCounts {
                        meetings: n("meetings")?,
                        held: n("held")?,
                        cancelled: n("cancelled")?,
                        cancelled_late: n("cancelled_late")?,
                        no_show: n("no_show")?,
                        citizen_booked: n("citizen_booked")?,
                        answered: n("answered")?,
                        satisfied: n("satisfied")?,
                        channel_fit: n("channel_fit")?,
                        personal: n("personal")?,
                        helpful: n("helpful")?,
                        wants_remote: n("wants_remote")?,
                    },
                ))
            })
            .collect()
    }
}
