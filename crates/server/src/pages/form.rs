//! A submitted form as the page shows it back: what was typed and what was wrong, per field.

use std::collections::HashMap;

use domain::FieldError;
use serde::de::DeserializeOwned;

use crate::i18n::Texts;

#[derive(Default)]
pub struct FormState {
    values: HashMap<String, String>,
    /// (field, message) in the order the fields were checked.
    pub errors: Vec<(String, String)>,
    /// The same, each message led by the field's label, for the summary at the top of the form.
    pub summary: Vec<(String, String)>,
}

/// The label of a form field, so the error summary can say which field a message is about.
fn label_key(field: &str) -> &'static str {
    match field {
        "cpr" => "field-cpr",
        "name" => "field-name",
        "municipality" => "field-municipality",
        "target_group" => "field-target-group",
        "unemployed_since" => "field-unemployed-since",
        "registered_on" => "field-registered-on",
        "first_contact_on" => "field-first-contact-on",
        "first_absence_on" => "field-first-absence-on",
        "unemployment_fund" => "field-fund",
        "login" => "field-login",
        "role" => "field-role",
        "code" => "field-code",
        "date" => "calendar-date",
        "day_start" => "calendar-from",
        "day_end" => "calendar-to",
        "channels" => "calendar-channels",
        "location" => "calendar-location",
        "weekdays" => "calendar-weekdays",
        "slot_minutes" => "calendar-slot-minutes",
        "first_day" => "calendar-first-day",
        "last_day" => "calendar-last-day",
        "worked_months_last_12" => "screening-q-worked",
        "education" => "screening-q-education",
        "health_limits_work" => "screening-q-health",
        "other_obstacles" => "screening-q-obstacles",
        "digital_comfort" => "screening-q-digital",
        "needs_interpreter" => "screening-q-interpreter",
        "own_assessment" => "screening-q-own",
        "wants_in_person" => "screening-q-in-person",
        "track" => "visitation-track",
        "gruppe" => "report-group-by",
        "fra" => "monitoring-from",
        "til" => "monitoring-to",
        "reason" => "visitation-reason",
        "exempt" => "plan-exemption-title",
        "exemption_reason" => "plan-exempt-reason",
        "body" => "messages-body",
        "satisfaction" => "survey-q-satisfaction",
        "channel_fit" => "survey-q-channel-fit",
        "personal" => "survey-q-personal",
        "helpful" => "survey-q-helpful",
        "more_remote" => "survey-q-more-remote",
        "callback" => "survey-q-callback",
        "comment" => "survey-q-comment",
        "tid" => "book-time-question",
        "channel" => "book-channel-question",
        "attendance_reason" => "book-attendance-reason",
        "location_id" => "book-location",
        "call_in_phone" => "book-call-in-phone",
        "rebook_until" => "book-rebook-until",
        "phone" => "field-phone",
        "email" => "field-email",
        "street" => "details-street",
        "postcode" => "details-postcode",
        "town" => "details-town",
        "interpreter_language" => "details-interpreter",
        "interpreter_mode" => "book-interpreter-mode",
        "companion" => "book-companion",
        "kode" => "survey-code-field",
        "way" => "survey-way",
        "question" => "help-question",
        "answer" => "help-answer",
        "q" => "help-search-label",
        f if f.ends_with("_opens") => "chat-hours-opens",
        f if f.ends_with("_closes") => "chat-hours-closes",
        _ => "form-error-summary",
    }
}

/// Radio groups and selects: a missing answer is "Vælg en af mulighederne", never "Udfyld
/// feltet" — there is no field to fill in (issue 20).
fn is_choice(field: &str) -> bool {
    matches!(
        field,
        "municipality"
            | "target_group"
            | "role"
            | "education"
            | "health_limits_work"
            | "other_obstacles"
            | "digital_comfort"
            | "needs_interpreter"
            | "own_assessment"
            | "wants_in_person"
            | "track"
            | "exempt"
            | "satisfaction"
            | "channel_fit"
            | "personal"
            | "helpful"
            | "more_remote"
            | "callback"
            | "way"
    )
}

/// The words for `problem` at `field`: what to do, specific where a missing answer has
/// better words than the generic ones.
pub fn problem_words(t: Texts, field: &str, problem: &domain::Invalid) -> &'static str {
    let missing = matches!(problem, domain::Invalid::Required | domain::Invalid::Blank);
    match field {
        _ if missing && is_choice(field) => t.text("invalid-choose"),
        "body" if missing => t.text("messages-body-required"),
        "q" if matches!(problem, domain::Invalid::TooLong { .. }) => t.text("help-search-too-long"),
        _ => t.invalid(problem),
    }
}

impl FormState {
    pub fn new(values: HashMap<String, String>) -> Self {
        Self {
            values,
            ..Self::default()
        }
    }

    pub fn with_errors(mut self, t: Texts, errors: &[FieldError]) -> Self {
        for e in errors {
            self.add_error(t, &e.field, problem_words(t, &e.field, &e.problem));
        }
        self
    }

    pub fn add_error(&mut self, t: Texts, field: &str, message: &str) {
        self.errors.push((field.to_owned(), message.to_owned()));
        self.summary.push((
            field.to_owned(),
            format!("{}: {message}", t.text(label_key(field))),
        ));
    }

    /// `value` for `field` unless something was typed there: what a form proposes.
    pub fn proposing(mut self, field: &str, value: &str) -> Self {
        self.values
            .entry(field.to_owned())
            .or_insert_with(|| value.to_owned());
        self
    }

    pub fn value(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    /// The ids for `aria-describedby`, linking the field to its hint and error, if any.
    pub fn describedby(&self, field: &str, hint_key: &str) -> String {
        let mut ids = Vec::new();
        if !hint_key.is_empty() {
            ids.push(format!("{field}-hint"));
        }
        if self.error(field).is_some() {
            ids.push(format!("{field}-error"));
        }
        ids.join(" ")
    }

    /// The fields as a request body type (all `Option<String>` fields), for the shared parsers.
    pub fn parse_as<T: DeserializeOwned + Default>(&self) -> T {
        let object: serde_json::Map<String, serde_json::Value> = self
            .values
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        serde_json::from_value(serde_json::Value::Object(object)).unwrap_or_default()
    }
}
