//! The enumerations of the public API (`../shared/API.md`, Conventions). Their snake_case names
//! are part of the contract: they appear in JSON, in the database and in URLs.

/// Defines an enumeration with its stable wire names, `ALL`, `as_str` and parsing.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::Invalid;
            fn try_from(s: &str) -> Result<Self, $crate::Invalid> {
                match s.trim() {
                    $($wire => Ok($name::$variant),)+
                    "" => Err($crate::Invalid::Blank),
                    _ => Err($crate::Invalid::UnknownValue),
                }
            }
        }
    };
}

/// Shared with the screening answers, which are enumerations of the same kind.
pub(crate) use wire_enum;

wire_enum! {
    /// Målgruppe: the benefit a citizen receives, which decides the contact schedule.
    TargetGroup {
        /// Dagpenge: insured with an a-kasse.
        InsuredUnemployed = "insured_unemployed",
        /// Jobparat kontanthjælp.
        JobReadyCashBenefit = "job_ready_cash_benefit",
        /// Aktivitetsparat kontanthjælp.
        ActivityReadyCashBenefit = "activity_ready_cash_benefit",
        /// Uddannelseshjælp until 1 July 2025, then kontanthjælp (lov nr. 1655/2024); kept as
        /// a group for the API and for cases from before. Which of the new visitation
        /// categories each such case belongs to is not verified (docs/contact-plan.md).
        EducationBenefit = "education_benefit",
        /// Sygedagpenge.
        SicknessBenefit = "sickness_benefit",
    }
}

impl TargetGroup {
    /// The groups of LAB § 6, nr. 2-5 (kontanthjælp and uddannelseshjælp), whose periods count
    /// from the first contact with the municipality about help (§ 9, stk. 2, nr. 2).
    pub fn is_cash_benefit(self) -> bool {
        matches!(
            self,
            TargetGroup::JobReadyCashBenefit
                | TargetGroup::ActivityReadyCashBenefit
                | TargetGroup::EducationBenefit
        )
    }
}

wire_enum! {
    /// Indsats: how much support a citizen gets, decided at visitation.
    Track {
        SelfService = "self_service",
        Standard = "standard",
        Intensive = "intensive",
    }
}

wire_enum! {
    /// What a signed-in person is. Staff roles are tied to one organisation, except `admin`.
    Role {
        Caseworker = "caseworker",
        Manager = "manager",
        Admin = "admin",
        Citizen = "citizen",
    }
}

wire_enum! {
    /// Kontaktform: how a conversation is held.
    Channel {
        InPerson = "in_person",
        Phone = "phone",
        Video = "video",
    }
}

wire_enum! {
    /// A municipality's choice, which can only be stricter than the law: every citizen's first
    /// conversation is in person by law (LAB § 33, stk. 1; `meetings::check_channel`), and on top
    /// of that the first conversation with *each* holder (jobcenter, a-kasse) is in person where
    /// the screening says so (the default), or for everyone.
    FirstMeetingPolicy {
        Screening = "screening",
        Everyone = "everyone",
    }
}

wire_enum! {
    /// Where a meeting stands. Only `booked` meetings can move, be cancelled or get an outcome.
    MeetingStatus {
        Booked = "booked",
        Cancelled = "cancelled",
        Held = "held",
        NoShow = "no_show",
    }
}

wire_enum! {
    /// What staff record once a meeting has begun.
    Outcome {
        Held = "held",
        NoShow = "no_show",
    }
}

impl From<Outcome> for MeetingStatus {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Held => MeetingStatus::Held,
            Outcome::NoShow => MeetingStatus::NoShow,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Invalid;

    #[test]
    fn wire_names_round_trip_through_parsing_and_json() {
        for g in TargetGroup::ALL {
            assert_eq!(TargetGroup::try_from(g.as_str()), Ok(*g));
            let json = serde_json::to_string(g).expect("serialises");
            assert_eq!(json, format!("\"{}\"", g.as_str()));
        }
        assert_eq!(Channel::try_from("fax"), Err(Invalid::UnknownValue));
        assert_eq!(Role::try_from(" "), Err(Invalid::Blank));
    }
}
