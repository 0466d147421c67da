//! Identifiers, one type per kind of thing, so a meeting's id cannot be passed where a
//! citizen's is expected. They are opaque to clients (API.md): the store makes them (26
//! characters of Crockford base32, time-ordered); parsing only checks they could be one of
//! ours, so a malformed id in a path is refused before the database is asked.

use crate::Invalid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
        )]
        #[serde(into = "String", try_from = "String")]
        pub struct $name(String);

        /// For serde: an id in a query string or a form is parsed like one in a path.
        impl TryFrom<String> for $name {
            type Error = Invalid;
            fn try_from(s: String) -> Result<Self, Invalid> {
                parse(&s)?;
                Ok(Self(s))
            }
        }

        impl TryFrom<&str> for $name {
            type Error = Invalid;
            fn try_from(s: &str) -> Result<Self, Invalid> {
                parse(s).map(|s| Self(s.to_owned()))
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

impl StaffId {
    /// The one id that is not a person: what the system does by itself (reminders, surveys)
    /// is logged as done by it.
    pub fn system() -> StaffId {
        StaffId("system".to_owned())
    }
}

/// What any of our ids looks like: 1 to 64 ASCII letters, digits, `-` or `_`.
fn parse(s: &str) -> Result<&str, Invalid> {
    if s.is_empty() {
        return Err(Invalid::Blank);
    }
    if s.len() > 64 {
        return Err(Invalid::TooLong { max: 64 });
    }
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        Ok(s)
    } else {
        Err(Invalid::BadFormat)
    }
}

id_type!(
    /// A citizen in Jobunivers.
    CitizenId
);
id_type!(
    /// A staff member (caseworker, a-kasse adviser, manager) or an administrator.
    StaffId
);
id_type!(
    /// A booked (or once booked) meeting.
    MeetingId
);
id_type!(
    /// A time a caseworker has published.
    SlotId
);
id_type!(
    /// A letter kept for the jobcentre to print.
    LetterId
);
id_type!(
    /// The survey after one held meeting.
    SurveyId
);
id_type!(
    /// One answered screening questionnaire.
    ScreeningId
);
id_type!(
    /// A request to move a citizen's case to another municipality.
    TransferId
);
id_type!(
    /// A place where an organisation meets citizens in person.
    LocationId
);
id_type!(
    /// An availability notice (underretning) after a missed obligation.
    NoticeId
);
id_type!(
    /// A live chat between a citizen and their jobcentre or a-kasse (issue 21).
    ChatId
);
id_type!(
    /// One of an organisation's self-help answers (issue 21).
    HelpAnswerId
);

impl LetterId {
    /// The letter's reference as printed on it and shown on "Breve" ("Vores reference:
    /// 7K2M-Q9XD"): the id's last eight characters, its random part, in two groups a person
    /// can read out on the phone, in capitals (ids are stored in small letters). Crockford
    /// base32 has no I, L, O or U to mishear.
    pub fn reference(&self) -> String {
        let tail = &self.0[self.0.len().saturating_sub(8)..];
        let (a, b) = tail.split_at(tail.len() / 2);
        format!("{a}-{b}").to_ascii_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_reference_is_the_ids_random_tail_in_two_groups() {
        let id = LetterId::try_from("01j0000000000000007k2mq9xd").expect("id");
        assert_eq!(id.reference(), "7K2M-Q9XD");
    }

    #[test]
    fn ids_are_parsed_once_and_keep_their_kind() {
        let id = CitizenId::try_from("01m8tsna60h50w5pzqv43g9qne").expect("ours");
        assert_eq!(id.as_str(), "01m8tsna60h50w5pzqv43g9qne");
        assert_eq!(id, "01m8tsna60h50w5pzqv43g9qne");
        assert_eq!(CitizenId::try_from(""), Err(Invalid::Blank));
        assert_eq!(MeetingId::try_from("../etc"), Err(Invalid::BadFormat));
        assert_eq!(
            SlotId::try_from("x".repeat(65).as_str()),
            Err(Invalid::TooLong { max: 64 })
        );
        assert_eq!(
            serde_json::to_string(&StaffId::try_from("system").expect("id")).expect("json"),
            "\"system\""
        );
    }
}
