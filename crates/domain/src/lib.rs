//! The pure core of Jobunivers: the glossary of `../shared/DESIGN.md` as types, and the decisions
//! on them. Nothing here does I/O or knows about async, so every rule can be unit- and
//! property-tested in milliseconds.
//!
//! Values are parsed, not validated: a [`Cpr`] or a [`MunicipalityCode`] can only exist if it is
//! well-formed, so code that holds one never has to check again. A refusal is an [`Invalid`] that
//! names what is wrong with a stable code; the server translates codes to Danish.

pub mod access;
pub mod chat;
pub mod clock_text;
pub mod comment_themes;
mod contact;
pub mod contact_plan;
pub mod contact_report;
mod cpr;
mod enums;
pub mod help;
mod holidays;
mod ids;
mod invalid;
mod location;
pub mod meetings;
pub mod messages;
mod needs;
pub mod notices;
mod org;
mod person;
pub mod screening;
mod span;
pub mod survey_release;
pub mod surveys;

pub use access::{
    Actor, CitizenScope, Organisation, Visibility, citizen_visibility, may_register_citizen,
};
pub use contact::{EmailAddress, PhoneNumber, spoken_phone};
pub use cpr::Cpr;
pub use enums::{Channel, FirstMeetingPolicy, MeetingStatus, Outcome, Role, TargetGroup, Track};
pub use holidays::{add_working_days, is_working_day, public_holiday};
pub use ids::{
    ChatId, CitizenId, HelpAnswerId, LetterId, LocationId, MeetingId, NoticeId, ScreeningId,
    SlotId, StaffId, SurveyId, TransferId,
};
pub use invalid::{FieldError, Invalid};
pub use location::{NewLocation, PostalAddress, Postcode};
pub use needs::{Interpreter, InterpreterLanguage, InterpreterMode, provider_for};
pub use org::{Cvr, FundCode, MunicipalityCode, OrgName, TeamName};
pub use person::{Login, PersonName};
pub use span::{MAX_SPAN, TimeSpan};
