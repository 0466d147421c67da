//! Citizens: registration, reading, changing and listing — each through the acting user, with
//! visibility decided by the domain and every access by someone else written to the audit log.

use domain::contact_plan::CountedFrom;
use domain::{
    Actor, CitizenId, CitizenScope, Cpr, EmailAddress, FundCode, Login, MunicipalityCode,
    Organisation, PersonName, PhoneNumber, StaffId, TargetGroup, Track, Visibility,
    citizen_visibility,
};
use jiff::civil::Date;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::error::parse;
use crate::ids::{new_id, opt_typed, typed};
use crate::{Store, StoreError};

#[derive(Debug, Clone)]
pub struct NewCitizen {
    pub cpr: Cpr,
    pub name: PersonName,
    pub municipality: MunicipalityCode,
    pub target_group: TargetGroup,
    pub unemployed_since: Date,
    pub unemployment_fund: Option<FundCode>,
    pub login: Option<Login>,
    /// The days the law counts from, where the group has them (`CountedFrom::applies_to`);
    /// `None`: the start of unemployment.
    pub registered_on: Option<Date>,
    pub first_contact_on: Option<Date>,
    pub first_absence_on: Option<Date>,
}

/// A citizen as the API and pages show them. The full CPR number is not here: it is not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citizen {
    pub id: CitizenId,
    pub name: String,
    pub cpr_masked: String,
    pub municipality: MunicipalityCode,
    pub target_group: TargetGroup,
    pub unemployed_since: Date,
    pub unemployment_fund: Option<FundCode>,
    pub track: Option<Track>,
    pub caseworker_id: Option<StaffId>,
    pub in_person_requested: bool,
    /// For phone meetings and SMS notices.
    pub phone: Option<PhoneNumber>,
    pub email: Option<EmailAddress>,
    /// `false`: notices go out as printed letters.
    pub digital_mail: bool,
    /// The first meeting is to be in person (screening or staff decision).
    pub in_person_first: bool,
    /// The citizen cannot book for themself; staff book for them.
    pub self_booking_exempt: bool,
    /// The reason of BEK 1216/2023 § 45 staff gave; `None` for exemptions from before reasons
    /// were recorded.
    pub self_booking_exempt_reason: Option<domain::meetings::SelfBookingExemption>,
    /// Sent to the jobcenter from the start (LAB § 27, stk. 3).
    pub jobcenter_from_start: bool,
    /// Registration as a job seeker (LAB § 31, stk. 4); insured unemployed only.
    pub registered_on: Option<Date>,
    /// First contact with the municipality about help (LAB § 9, stk. 2, nr. 2); cash benefit.
    pub first_contact_on: Option<Date>,
    /// First day of absence (sygedagpengeloven § 13 b); sickness benefit.
    pub first_absence_on: Option<Date>,
    /// The language the citizen reads in, as a BCP 47 code (`da`, `en`, `uk`): notices and
    /// letters are written in it. The store keeps the code; the catalogue knows the languages.
    pub language: String,
    /// Where letters on paper go; `None` until given (a letter then waits as "mangler adresse").
    pub postal_address: Option<domain::PostalAddress>,
    /// The language an interpreter is needed in; `None`: no interpreter.
    pub interpreter_language: Option<domain::InterpreterLanguage>,
    /// Needs a way in without steps (wheelchair, walker): the letter says where it is.
    pub step_free_access: bool,
}

impl Citizen {
    /// The days the contact plan counts from.
    pub fn starts(&self) -> domain::contact_plan::StartDates {
        domain::contact_plan::StartDates {
            unemployed_since: self.unemployed_since,
            registered_on: self.registered_on,
            first_contact_on: self.first_contact_on,
            first_absence_on: self.first_absence_on,
        }
    }
}

/// The start days a citizen of `group` keeps: each given one, else the start of unemployment
/// where the group has that day (as migration 0015 did for existing citizens), else none.
pub(crate) fn start_days(
    group: TargetGroup,
    since: Date,
    given: [Option<Date>; 3],
) -> [Option<Date>; 3] {
    let days = CountedFrom::CITIZEN_DAYS;
    std::array::from_fn(|i| days[i].applies_to(group).then(|| given[i].unwrap_or(since)))
}

/// What a PATCH may change; `None` leaves a field as it is. `caseworker_id: Some(None)` removes
/// the assignment.
#[derive(Debug, Clone, Default)]
pub struct CitizenChange {
    pub caseworker_id: Option<Option<StaffId>>,
    pub in_person_requested: Option<bool>,
    pub target_group: Option<TargetGroup>,
    /// `Some(None)` removes the number.
    pub phone: Option<Option<PhoneNumber>>,
    pub email: Option<Option<EmailAddress>>,
    pub digital_mail: Option<bool>,
    pub in_person_first: Option<bool>,
    pub self_booking_exempt: Option<bool>,
    /// With `self_booking_exempt: Some(true)`: the reason (the API requires one).
    pub self_booking_exempt_reason: Option<domain::meetings::SelfBookingExemption>,
    /// Staff: sent to the jobcenter from the start (insured and under 25).
    pub jobcenter_from_start: Option<bool>,
    /// Staff: the days the law counts from; each only for a group that has it.
    pub registered_on: Option<Date>,
    pub first_contact_on: Option<Date>,
    pub first_absence_on: Option<Date>,
    /// `Some(None)` removes the address.
    pub postal_address: Option<Option<domain::PostalAddress>>,
    /// `Some(None)`: no interpreter needed.
    pub interpreter_language: Option<Option<domain::InterpreterLanguage>>,
    pub step_free_access: Option<bool>,
}

impl CitizenChange {
    /// Changes a citizen may make to their own record: how to reach them, where letters go,
    /// what they need to take part (interpreter, step-free access) and the wish to meet in
    /// person. Everything else is the jobcenter's decision.
    fn is_own_wish(&self) -> bool {
        self.caseworker_id.is_none()
            && self.target_group.is_none()
            && self.in_person_first.is_none()
            && self.self_booking_exempt.is_none()
            && self.self_booking_exempt_reason.is_none()
            && self.jobcenter_from_start.is_none()
            && self.registered_on.is_none()
            && self.first_contact_on.is_none()
            && self.first_absence_on.is_none()
    }
}

/// A search in the actor's own portfolio.
#[derive(Debug, Clone, Default)]
pub struct CitizenQuery {
    pub name_contains: Option<String>,
    pub target_group: Option<TargetGroup>,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

/// One line in a list of citizens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenSummary {
    pub id: CitizenId,
    pub name: String,
    pub cpr_masked: String,
    pub target_group: TargetGroup,
    pub unemployed_since: Date,
    pub track: Option<Track>,
}

#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

pub(crate) const COLUMNS: &str = "id, name, cpr_masked, municipality, target_group, unemployed_since, \
                       unemployment_fund, track, caseworker_id, in_person_requested, phone, email, \
                       digital_mail, in_person_first, self_booking_exempt, self_booking_exempt_reason, \
                       jobcenter_from_start, registered_on, first_contact_on, first_absence_on, language, \
                       address_street, address_postcode, address_town, interpreter_language, \
                       step_free_access";

fn date(column: &'static str, s: &str) -> Result<Date, StoreError> {
    s.parse().map_err(|_| StoreError::Corrupt { column })
}

/// A row's columns by name, whichever driver read it: sqlx, or the direct reads on SQLite.
pub(crate) trait Columns {
    fn text(&self, column: &str) -> Result<Option<String>, StoreError>;
    fn int(&self, column: &str) -> Result<i64, StoreError>;
    fn opt_int(&self, column: &str) -> Result<Option<i64>, StoreError>;
    fn required(&self, column: &'static str) -> Result<String, StoreError> {
        self.text(column)?.ok_or(StoreError::Corrupt { column })
    }
}

impl Columns for AnyRow {
    fn text(&self, column: &str) -> Result<Option<String>, StoreError> {
        Ok(self.try_get(column)?)
    }
    fn int(&self, column: &str) -> Result<i64, StoreError> {
        Ok(self.try_get(column)?)
    }
    fn opt_int(&self, column: &str) -> Result<Option<i64>, StoreError> {
        Ok(self.try_get(column)?)
    }
}

impl Columns for rusqlite::Row<'_> {
    fn text(&self, column: &str) -> Result<Option<String>, StoreError> {
        Ok(self.get(column)?)
    }
    fn int(&self, column: &str) -> Result<i64, StoreError> {
        Ok(self.get(column)?)
    }
    fn opt_int(&self, column: &str) -> Result<Option<i64>, StoreError> {
        Ok(self.get(column)?)
    }
}

pub(crate) fn from_row(row: &impl Columns) -> Result<Citizen, StoreError> {
    let track = row.text("track")?;
    Ok(Citizen {
        id: typed("id", &row.required("id")?)?,
        name: row.required("name")?,
        cpr_masked: row.required("cpr_masked")?,
        municipality: typed("municipality", &row.required("municipality")?)?,
        target_group: parse("target_group", &row.required("target_group")?)?,
        unemployed_since: date("unemployed_since", &row.required("unemployed_since")?)?,
        unemployment_fund: opt_typed(row, "unemployment_fund")?,
        track: track.as_deref().map(|t| parse("track", t)).transpose()?,
        caseworker_id: opt_typed(row, "caseworker_id")?,
        in_person_requested: row.int("in_person_requested")? != 0,
        phone: opt_typed(row, "phone")?,
        email: opt_typed(row, "email")?,
        digital_mail: row.int("digital_mail")? != 0,
        in_person_first: row.int("in_person_first")? != 0,
        self_booking_exempt: row.int("self_booking_exempt")? != 0,
        self_booking_exempt_reason: row
            .text("self_booking_exempt_reason")?
            .as_deref()
            .map(|r| parse("self_booking_exempt_reason", r))
            .transpose()?,
        jobcenter_from_start: row.int("jobcenter_from_start")? != 0,
        registered_on: opt_date(row, "registered_on")?,
        first_contact_on: opt_date(row, "first_contact_on")?,
        first_absence_on: opt_date(row, "first_absence_on")?,
        language: row.required("language")?,
        postal_address: postal_address(row)?,
        interpreter_language: row
            .text("interpreter_language")?
            .as_deref()
            .map(|code| {
                domain::InterpreterLanguage::try_from(code).map_err(|_| StoreError::Corrupt {
                    column: "interpreter_language",
                })
            })
            .transpose()?,
        step_free_access: row.int("step_free_access")? != 0,
    })
}

/// All three parts or none; a stored address that no longer parses is corrupt, not guessed at.
fn postal_address(row: &impl Columns) -> Result<Option<domain::PostalAddress>, StoreError> {
    let parts = (
        row.text("address_street")?,
        row.text("address_postcode")?,
        row.text("address_town")?,
    );
    match parts {
        (Some(street), Some(postcode), Some(town)) => {
            domain::PostalAddress::parse(&street, &postcode, &town)
                .map(Some)
                .map_err(|_| StoreError::Corrupt {
                    column: "address_street",
                })
        }
        _ => Ok(None),
    }
}

fn opt_date(row: &impl Columns, column: &'static str) -> Result<Option<Date>, StoreError> {
    row.text(column)?.map(|d| date(column, &d)).transpose()
}

pub(crate) fn scope_of(c: &Citizen) -> Result<CitizenScope, StoreError> {
    Ok(CitizenScope {
        citizen_id: c.id.clone(),
        municipality: c.municipality.clone(),
        fund: c.unemployment_fund.clone(),
    })
}

/// `%` and `_` typed by a user are literal characters, not wildcards.
fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    pub async fn create_citizen(
        &self,
        actor: &Actor,
        new: &NewCitizen,
    ) -> Result<Citizen, StoreError> {
        if !domain::may_register_citizen(actor, &new.municipality) {
            return Err(StoreError::Forbidden);
        }
        let id: CitizenId = typed("id", &new_id())?;
        let now = self.now_micros();
        let fund = new
            .unemployment_fund
            .as_ref()
            .map(|f| f.as_str().to_owned());
        let birth = new
            .cpr
            .birth_date()
            .map(|d| d.to_string())
            .unwrap_or_default();
        let given = [
            new.registered_on,
            new.first_contact_on,
            new.first_absence_on,
        ];
        if let Some(field) = CountedFrom::misplaced(new.target_group, &given) {
            return Err(StoreError::invalid(field, domain::Invalid::Combination));
        }
        let [registered_on, first_contact_on, first_absence_on] =
            start_days(new.target_group, new.unemployed_since, given);
        let mut tx = self.inner.write.begin().await?;
        self.check_orgs_exist(&mut tx, Some(new.municipality.as_str()), fund.as_deref())
            .await?;
        if let Some(login) = &new.login {
            sqlx::query(
                "INSERT INTO logins (login, subject_kind, subject_id) VALUES ($1, 'citizen', $2)",
            )
            .bind(login.as_str())
            .bind(id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(|e| match StoreError::from_insert(e) {
                StoreError::AlreadyExists => {
                    StoreError::invalid("login", domain::Invalid::Combination)
                }
                other => other,
            })?;
        }
        let inserted = sqlx::query(
            "INSERT INTO citizens (id, cpr_hmac, cpr_masked, birth_date, name, name_search, \
             municipality, target_group, unemployed_since, unemployment_fund, login, \
             in_person_requested, created_at, updated_at, registered_on, first_contact_on, \
             first_absence_on, cpr_sealed) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $12, $13, $14, $15, $16)",
        )
        .bind(id.as_str())
        .bind(self.inner.cpr_key.hash(&new.cpr))
        .bind(new.cpr.masked())
        .bind(birth)
        .bind(new.name.as_str())
        .bind(new.name.search_key())
        .bind(new.municipality.as_str())
        .bind(new.target_group.as_str())
        .bind(new.unemployed_since.to_string())
        .bind(fund.clone())
        .bind(new.login.as_ref().map(|l| l.as_str().to_owned()))
        .bind(now)
        .bind(registered_on.map(|d| d.to_string()))
        .bind(first_contact_on.map(|d| d.to_string()))
        .bind(first_absence_on.map(|d| d.to_string()))
        .bind(self.inner.cpr_key.seal(&new.cpr, id.as_str()))
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from_insert);
        if let Err(StoreError::AlreadyExists) = inserted {
            // Where it is registered is not the registering municipality's to know
            // (`case_transfers.rs`).
            drop(tx);
            return Err(self
                .registered_where(&new.cpr, new.municipality.as_str())
                .await);
        }
        inserted?;
        audit::insert(
            &mut tx,
            &[AuditEntry::new(
                self.now_micros(),
                actor,
                &id,
                AuditAction::CitizenCreated,
            )],
        )
        .await?;
        tx.commit().await?;
        Ok(Citizen {
            id: typed("id", id.as_str())?,
            name: new.name.as_str().to_owned(),
            cpr_masked: new.cpr.masked(),
            municipality: new.municipality.clone(),
            target_group: new.target_group,
            unemployed_since: new.unemployed_since,
            unemployment_fund: new.unemployment_fund.clone(),
            track: None,
            caseworker_id: None,
            in_person_requested: false,
            phone: None,
            email: None,
            digital_mail: true,
            in_person_first: false,
            self_booking_exempt: false,
            self_booking_exempt_reason: None,
            jobcenter_from_start: false,
            registered_on,
            first_contact_on,
            language: "da".to_owned(),
            first_absence_on,
            postal_address: None,
            interpreter_language: None,
            step_free_access: false,
        })
    }

    /// Reads a citizen for the actor. Hidden citizens are `NotFound`; a read by anyone but the
    /// citizen is durably logged before this returns.
    pub async fn citizen(&self, actor: &Actor, id: &CitizenId) -> Result<Citizen, StoreError> {
        self.read_visible(actor, id, AuditAction::CitizenRead, |_| true)
            .await
            .map(|(citizen, _)| citizen)
    }

    /// The one gate for reading a citizen's data: the citizen if the actor may see them
    /// (`NotFound` otherwise), `Forbidden` unless `allowed` accepts the actor's visibility, and
    /// the read durably logged as `action` when it is someone other than the citizen. A refused
    /// read is not logged: nothing was read.
    pub(crate) async fn read_visible(
        &self,
        actor: &Actor,
        id: &CitizenId,
        action: AuditAction,
        allowed: impl FnOnce(Visibility) -> bool,
    ) -> Result<(Citizen, Visibility), StoreError> {
        let (citizen, visibility) = self.load_visible(actor, id).await?;
        if !allowed(visibility) {
            return Err(StoreError::Forbidden);
        }
        if visibility.is_audited() {
            self.log_reads(vec![AuditEntry::new(self.now_micros(), actor, id, action)])
                .await?;
        }
        Ok((citizen, visibility))
    }

    /// The citizen whose CPR number this is, if the actor may see them (logged like a read).
    pub async fn citizen_by_cpr(&self, actor: &Actor, cpr: &Cpr) -> Result<Citizen, StoreError> {
        let id = self.citizen_id_by_cpr(cpr).await?;
        self.citizen(actor, &id).await
    }

    /// The id of the citizen with this CPR number (found by its keyed hash), or `NotFound`.
    /// Unscoped and unaudited: callers decide who may learn it.
    pub(crate) async fn citizen_id_by_cpr(&self, cpr: &Cpr) -> Result<CitizenId, StoreError> {
        let row = sqlx::query("SELECT id FROM citizens WHERE cpr_hmac = $1")
            .bind(self.inner.cpr_key.hash(cpr))
            .fetch_optional(&self.inner.read)
            .await?;
        typed("id", row.ok_or(StoreError::NotFound)?.try_get("id")?)
    }

    pub(crate) async fn load_visible(
        &self,
        actor: &Actor,
        id: &CitizenId,
    ) -> Result<(Citizen, Visibility), StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM citizens WHERE id = $1");
        let alone = || async {
            sqlx::query(&sql)
                .bind(id.as_str())
                .fetch_optional(self.reader())
                .await?
                .as_ref()
                .map(from_row)
                .transpose()
        };
        let citizen = match (&self.inner.direct, &self.inner.citizen_reads) {
            // SQLite: on this thread (`direct_reads.rs`).
            (Some(direct), _) => direct.query_one(&sql, &[id.as_str()], |r| from_row(r))?,
            // PostgreSQL: with the reads waiting at the same moment (`citizen_reads.rs`), on
            // the requests' connections; background work (the outbox's notices) reads alone, on
            // its own (`background.rs`).
            (None, Some(reads)) if !self.background => match reads.get(id.as_str()).await {
                Ok(citizen) => citizen,
                Err(()) => alone().await?,
            },
            (None, _) => alone().await?,
        };
        let citizen = citizen.ok_or(StoreError::NotFound)?;
        let visibility = citizen_visibility(actor, &scope_of(&citizen)?);
        if visibility.is_visible() {
            Ok((citizen, visibility))
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// Only what decides visibility, for calls that guard other data of the citizen.
    pub(crate) async fn citizen_scope(&self, id: &str) -> Result<CitizenScope, StoreError> {
        let row = sqlx::query("SELECT municipality, unemployment_fund FROM citizens WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.inner.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        let fund: Option<String> = row.try_get("unemployment_fund")?;
        Ok(CitizenScope {
            citizen_id: crate::ids::typed("id", id)?,
            municipality: parse("municipality", row.try_get::<&str, _>("municipality")?)?,
            fund: fund
                .as_deref()
                .map(|f| parse("unemployment_fund", f))
                .transpose()?,
        })
    }

    /// Changes a citizen's case data. The jobcenter and administrators may change everything; the
    /// citizen may only ask to meet in person (or withdraw that); the a-kasse changes nothing.
    pub async fn update_citizen(
        &self,
        actor: &Actor,
        id: &CitizenId,
        change: &CitizenChange,
    ) -> Result<Citizen, StoreError> {
        let (mut citizen, visibility) = self.load_visible(actor, id).await?;
        let allowed =
            visibility.may_change_case() || (visibility == Visibility::Own && change.is_own_wish());
        if !allowed {
            return Err(StoreError::Forbidden);
        }
        let mut tx = self.inner.write.begin().await?;
        if let Some(Some(caseworker)) = &change.caseworker_id {
            let ok = sqlx::query(
                "SELECT 1 FROM staff WHERE id = $1 AND municipality = $2 AND role IN ('caseworker', 'manager')",
            )
            .bind(caseworker.as_str())
            .bind(citizen.municipality.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            if ok.is_none() {
                return Err(StoreError::invalid(
                    "caseworker_id",
                    domain::Invalid::UnknownValue,
                ));
            }
        }
        if let Some(v) = &change.caseworker_id {
            citizen.caseworker_id = v.clone();
        }
        if let Some(v) = change.in_person_requested {
            citizen.in_person_requested = v;
        }
        // A new target group moves the citizen's meetings to another row of the report.
        let regrouped = change
            .target_group
            .is_some_and(|g| g != citizen.target_group);
        if let Some(v) = change.target_group {
            citizen.target_group = v;
        }
        if let Some(v) = &change.phone {
            citizen.phone = v.clone();
        }
        if let Some(v) = &change.email {
            citizen.email = v.clone();
        }
        if let Some(v) = change.digital_mail {
            citizen.digital_mail = v;
        }
        if let Some(v) = &change.postal_address {
            citizen.postal_address = v.clone();
        }
        if let Some(v) = change.interpreter_language {
            citizen.interpreter_language = v;
        }
        if let Some(v) = change.step_free_access {
            citizen.step_free_access = v;
        }
        if let Some(v) = change.in_person_first {
            citizen.in_person_first = v;
        }
        if let Some(v) = change.jobcenter_from_start {
            if v {
                // LAB § 27, stk. 3: insured and under 25 (checked on the stored date of birth).
                let born: String = sqlx::query("SELECT birth_date FROM citizens WHERE id = $1")
                    .bind(id.as_str())
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get("birth_date")?;
                let group = change.target_group.unwrap_or(citizen.target_group);
                let today = domain::clock_text::local_date(self.now());
                let young = born
                    .parse()
                    .is_ok_and(|b| domain::contact_plan::may_start_at_jobcenter(group, b, today));
                if !young {
                    return Err(StoreError::invalid(
                        "jobcenter_from_start",
                        domain::Invalid::Combination,
                    ));
                }
            }
            citizen.jobcenter_from_start = v;
        }
        // A day the (new) group does not have is refused rather than kept unused.
        let given = [
            change.registered_on,
            change.first_contact_on,
            change.first_absence_on,
        ];
        if let Some(field) = CountedFrom::misplaced(citizen.target_group, &given) {
            return Err(StoreError::invalid(field, domain::Invalid::Combination));
        }
        let kept = [
            &mut citizen.registered_on,
            &mut citizen.first_contact_on,
            &mut citizen.first_absence_on,
        ];
        for (kept, given) in kept.into_iter().zip(given) {
            if given.is_some() {
                *kept = given;
            }
        }
        if let Some(v) = change.self_booking_exempt {
            citizen.self_booking_exempt = v;
            citizen.self_booking_exempt_reason = if v {
                change.self_booking_exempt_reason
            } else {
                None
            };
        }
        sqlx::query(
            "UPDATE citizens SET caseworker_id = $1, in_person_requested = $2, target_group = $3, \
             phone = $4, email = $5, digital_mail = $6, in_person_first = $7, \
             self_booking_exempt = $8, self_booking_exempt_reason = $11, jobcenter_from_start = $12, \
             registered_on = $13, first_contact_on = $14, first_absence_on = $15, \
             address_street = $16, address_postcode = $17, address_town = $18, \
             interpreter_language = $19, step_free_access = $20, updated_at = $9 WHERE id = $10",
        )
        .bind(citizen.caseworker_id.as_ref().map(|c| c.as_str().to_owned()))
        .bind(i64::from(citizen.in_person_requested))
        .bind(citizen.target_group.as_str())
        .bind(citizen.phone.as_ref().map(|p| p.as_str().to_owned()))
        .bind(citizen.email.as_ref().map(|e| e.as_str().to_owned()))
        .bind(i64::from(citizen.digital_mail))
        .bind(i64::from(citizen.in_person_first))
        .bind(i64::from(citizen.self_booking_exempt))
        .bind(self.now_micros())
        .bind(id.as_str())
        .bind(citizen.self_booking_exempt_reason.map(|r| r.as_str()))
        .bind(i64::from(citizen.jobcenter_from_start))
        .bind(citizen.registered_on.map(|d| d.to_string()))
        .bind(citizen.first_contact_on.map(|d| d.to_string()))
        .bind(citizen.first_absence_on.map(|d| d.to_string()))
        .bind(citizen.postal_address.as_ref().map(|a| a.street.clone()))
        .bind(
            citizen
                .postal_address
                .as_ref()
                .map(|a| a.postcode.as_str().to_owned()),
        )
        .bind(citizen.postal_address.as_ref().map(|a| a.town.clone()))
        .bind(citizen.interpreter_language.map(|l| l.code()))
        .bind(i64::from(citizen.step_free_access))
        .execute(&mut *tx)
        .await?;
        if let Some(Some(address)) = &change.postal_address {
            crate::letters::address_waiting(&mut tx, id.as_str(), address).await?;
        }
        if regrouped {
            crate::report_days::mark_citizen(
                &mut tx,
                self.now_micros(),
                id.as_str(),
                citizen.municipality.as_str(),
            )
            .await?;
        }
        if visibility.is_audited() {
            audit::insert(
                &mut tx,
                &[AuditEntry::new(
                    self.now_micros(),
                    actor,
                    id,
                    AuditAction::CitizenUpdated,
                )],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(citizen)
    }

    /// The actor's portfolio: their municipality's or fund's citizens (all, for an administrator),
    /// filtered and paged by name. Every citizen shown is logged as seen in a list.
    pub async fn list_citizens(
        &self,
        actor: &Actor,
        query: &CitizenQuery,
    ) -> Result<Page<CitizenSummary>, StoreError> {
        let (scope_sql, scope_value) = match actor {
            Actor::Admin { .. } => ("$1 = $1", String::new()),
            Actor::Staff {
                organisation: Organisation::Municipality(m),
                ..
            } => ("municipality = $1", m.as_str().to_owned()),
            Actor::Staff {
                organisation: Organisation::Fund(f),
                ..
            } => ("unemployment_fund = $1", f.as_str().to_owned()),
            Actor::Citizen { .. } => return Err(StoreError::Forbidden),
        };
        let name = query
            .name_contains
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let pattern = like_pattern(&name.unwrap_or_default().to_lowercase());
        let group = query.target_group.map(|g| g.as_str()).unwrap_or_default();
        let filter = format!(
            "WHERE {scope_sql} AND name_search LIKE $2 ESCAPE '\\' AND ($3 = '' OR target_group = $3)"
        );
        let per_page = query.per_page.clamp(1, 200);
        let page = query.page.max(1);
        let total: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n FROM citizens {filter}"))
            .bind(&scope_value)
            .bind(&pattern)
            .bind(group)
            .fetch_one(&self.inner.read)
            .await?
            .try_get("n")?;
        let rows = sqlx::query(&format!(
            "SELECT id, name, cpr_masked, target_group, unemployed_since, track FROM citizens \
             {filter} ORDER BY name_search, id LIMIT $4 OFFSET $5"
        ))
        .bind(&scope_value)
        .bind(&pattern)
        .bind(group)
        .bind(i64::from(per_page))
        .bind(i64::from(page - 1) * i64::from(per_page))
        .fetch_all(&self.inner.read)
        .await?;
        let items = rows
            .iter()
            .map(|row| {
                let track: Option<String> = row.try_get("track")?;
                Ok(CitizenSummary {
                    id: typed("id", row.try_get("id")?)?,
                    name: row.try_get("name")?,
                    cpr_masked: row.try_get("cpr_masked")?,
                    target_group: parse("target_group", row.try_get::<&str, _>("target_group")?)?,
                    unemployed_since: date("unemployed_since", row.try_get("unemployed_since")?)?,
                    track: track.as_deref().map(|t| parse("track", t)).transpose()?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let seen = items
            .iter()
            .map(|c| AuditEntry::new(self.now_micros(), actor, &c.id, AuditAction::CitizenListed))
            .collect();
        self.log_reads(seen).await?;
        Ok(Page {
            items,
            total: u64::try_from(total).unwrap_or(0),
            page,
            per_page,
        })
    }
}
