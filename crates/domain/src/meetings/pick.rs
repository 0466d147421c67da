//! Whom a booking meets when several staff members publish the same time (issue 20).
//!
//! The booking pages show each time once, not once per caseworker (ten identical links told a
//! citizen nothing, WCAG 2.4.4), so the server chooses among the free slots at that time. It
//! keeps continuity first: the staff member who holds the meeting being moved, then the
//! citizen's own caseworker, then the staff member booking on the citizen's behalf; among the
//! rest, the order the store read them in. The page then names whom the citizen will meet, so
//! a move never changes the caseworker silently.

use crate::StaffId;

/// Why a slot's owner comes first; the order of the variants is the order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PickReason {
    /// Holds the meeting being moved.
    CurrentHolder,
    /// The citizen's own caseworker.
    OwnCaseworker,
    /// The staff member booking on the citizen's behalf.
    Booker,
    /// Anyone else with the time free.
    Other,
}

/// The staff members a booking would rather meet, if they have the time free.
#[derive(Debug, Clone, Copy, Default)]
pub struct Preferences<'a> {
    pub current_holder: Option<&'a StaffId>,
    pub own_caseworker: Option<&'a StaffId>,
    pub booker: Option<&'a StaffId>,
}

impl Preferences<'_> {
    /// Why `staff` would be chosen before others (or `Other`).
    pub fn reason(&self, staff: &StaffId) -> PickReason {
        if self.current_holder == Some(staff) {
            PickReason::CurrentHolder
        } else if self.own_caseworker == Some(staff) {
            PickReason::OwnCaseworker
        } else if self.booker == Some(staff) {
            PickReason::Booker
        } else {
            PickReason::Other
        }
    }

    /// Sorts `items` by preference of their owner, keeping the given order among equals (the
    /// first is what the booking takes; the next ones are tried if it is taken meanwhile).
    pub fn order<T>(&self, items: &mut [T], staff: impl Fn(&T) -> &StaffId) {
        items.sort_by_key(|item| self.reason(staff(item)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> StaffId {
        StaffId::try_from(s.to_owned()).expect("id")
    }

    #[test]
    fn continuity_comes_first_then_the_read_order() {
        let (a, b, c, d) = (id("a"), id("b"), id("c"), id("d"));
        let mut slots = vec![a.clone(), b.clone(), c.clone(), d.clone()];
        let prefs = Preferences {
            current_holder: Some(&d),
            own_caseworker: Some(&c),
            booker: Some(&b),
        };
        prefs.order(&mut slots, |s| s);
        assert_eq!(slots, vec![d.clone(), c.clone(), b.clone(), a.clone()]);
        assert_eq!(prefs.reason(&c), PickReason::OwnCaseworker);
        assert_eq!(prefs.reason(&a), PickReason::Other);
    }

    #[test]
    fn without_preferences_the_read_order_stands() {
        let mut slots = vec![id("z"), id("a"), id("m")];
        Preferences::default().order(&mut slots, |s| s);
        assert_eq!(slots, vec![id("z"), id("a"), id("m")]);
    }

    #[test]
    fn a_caseworker_who_also_books_counts_as_the_citizens_own() {
        let me = id("me");
        let prefs = Preferences {
            current_holder: None,
            own_caseworker: Some(&me),
            booker: Some(&me),
        };
        assert_eq!(prefs.reason(&me), PickReason::OwnCaseworker);
    }
}
