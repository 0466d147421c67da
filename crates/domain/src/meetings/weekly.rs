//! Recurring weekly availability ("Mon–Thu 9–12 in 30-minute slots") expanded into slots.
//!
//! Times of day are Copenhagen wall-clock times, so 9:00 stays 9:00 across the clock change while
//! the stored UTC instant moves by an hour. Public holidays are skipped and reported, so the
//! caseworker sees why a Thursday is missing.

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, ToSpan};

use crate::{Invalid, TimeSpan, public_holiday};

/// At most this many days ahead in one go (a half year), which bounds the work of one request.
pub const MAX_DAYS: i64 = 190;

/// At most this many slots from one request: a quarter of full working weeks in 15-minute
/// slots (2,000). More is a mistake (a night, five-minute slots), and its answer alone would be
/// megabytes (one request once made 52,808 slots and a 10.7 MB answer).
pub const MAX_SLOTS: usize = 2_000;

/// A pattern of slots repeated every week between two dates, both inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyAvailability {
    pub weekdays: Vec<Weekday>,
    pub day_start: Time,
    pub day_end: Time,
    pub slot_minutes: i64,
    pub first_day: Date,
    pub last_day: Date,
}

/// The slots a pattern gives, and the days it skipped for being public holidays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    pub slots: Vec<TimeSpan>,
    pub skipped: Vec<(Date, &'static str)>,
}

impl WeeklyAvailability {
    /// Checks the pattern as a whole; each refusal names the field it concerns.
    pub fn check(&self) -> Result<(), (&'static str, Invalid)> {
        if self.weekdays.is_empty() {
            return Err(("weekdays", Invalid::Empty));
        }
        if self.day_end <= self.day_start {
            return Err(("day_end", Invalid::EndBeforeStart));
        }
        if !(5..=240).contains(&self.slot_minutes) {
            return Err(("slot_minutes", Invalid::BadFormat));
        }
        if self.last_day < self.first_day {
            return Err(("last_day", Invalid::EndBeforeStart));
        }
        if (self.last_day - self.first_day).get_days() > MAX_DAYS as i32 {
            return Err((
                "last_day",
                Invalid::TooLong {
                    max: MAX_DAYS as usize,
                },
            ));
        }
        if self.slot_count() > MAX_SLOTS {
            return Err(("slot_minutes", Invalid::TooMany { max: MAX_SLOTS }));
        }
        Ok(())
    }

    /// How many slots the pattern gives at most (holidays not taken off): matching days times
    /// the slots that fit in a day. Only called once the day count is bounded.
    fn slot_count(&self) -> usize {
        let minutes = self.day_start.duration_until(self.day_end).as_mins().max(0);
        let per_day = usize::try_from(minutes / self.slot_minutes.max(1)).unwrap_or(0);
        let days = (0..=(self.last_day - self.first_day).get_days())
            .filter_map(|d| self.first_day.checked_add(i64::from(d).days()).ok())
            .filter(|d| self.weekdays.contains(&d.weekday()))
            .count();
        days.saturating_mul(per_day)
    }

    /// Every slot of the pattern in `tz`, in time order. Slots that would not fit whole before
    /// `day_end` are left out; a wall-clock time that does not exist (the spring-forward hour) is
    /// resolved forward, as a person would read the clock.
    pub fn expand(&self, tz: &TimeZone) -> Result<Expansion, (&'static str, Invalid)> {
        self.check()?;
        let step = SignedDuration::from_mins(self.slot_minutes);
        let mut out = Expansion {
            slots: Vec::new(),
            skipped: Vec::new(),
        };
        let mut day = self.first_day;
        while day <= self.last_day {
            if self.weekdays.contains(&day.weekday()) {
                if let Some(name) = public_holiday(day) {
                    out.skipped.push((day, name));
                } else {
                    let mut at = day.to_datetime(self.day_start);
                    let end_of_day = day.to_datetime(self.day_end);
                    while let Ok(next) = at.checked_add(step) {
                        if next > end_of_day {
                            break;
                        }
                        let start = tz
                            .to_ambiguous_zoned(at)
                            .later()
                            .map_err(|_| ("first_day", Invalid::Date))?;
                        let end = tz
                            .to_ambiguous_zoned(next)
                            .later()
                            .map_err(|_| ("first_day", Invalid::Date))?;
                        if let Ok(span) = TimeSpan::new(start.timestamp(), end.timestamp()) {
                            out.slots.push(span);
                        }
                        at = next;
                    }
                }
            }
            day = day
                .checked_add(1.day())
                .map_err(|_| ("last_day", Invalid::Date))?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn cph() -> TimeZone {
        TimeZone::get("Europe/Copenhagen").expect("tz")
    }

    fn mon_to_thu(first: Date, last: Date) -> WeeklyAvailability {
        use Weekday::*;
        WeeklyAvailability {
            weekdays: vec![Monday, Tuesday, Wednesday, Thursday],
            day_start: time(9, 0, 0, 0),
            day_end: time(12, 0, 0, 0),
            slot_minutes: 30,
            first_day: first,
            last_day: last,
        }
    }

    #[test]
    fn a_week_of_mornings_gives_six_slots_a_day() {
        let e = mon_to_thu(date(2026, 11, 23), date(2026, 11, 29))
            .expand(&cph())
            .expect("ok");
        assert_eq!(e.slots.len(), 4 * 6);
        assert!(e.skipped.is_empty());
        assert_eq!(e.slots[0].start().to_string(), "2026-11-23T08:00:00Z");
        assert_eq!(e.slots[5].end().to_string(), "2026-11-23T11:00:00Z");
    }

    #[test]
    fn nine_oclock_stays_nine_oclock_across_the_clock_change() {
        // Thursday 26 March (CET) and Monday 30 March 2026 (CEST).
        let e = mon_to_thu(date(2026, 3, 26), date(2026, 3, 30))
            .expand(&cph())
            .expect("ok");
        let starts: Vec<String> = e
            .slots
            .iter()
            .step_by(6)
            .map(|s| s.start().to_string())
            .collect();
        assert_eq!(starts, vec!["2026-03-26T08:00:00Z", "2026-03-30T07:00:00Z"]);
    }

    #[test]
    fn easter_days_are_skipped_and_named() {
        let e = mon_to_thu(date(2026, 3, 30), date(2026, 4, 9))
            .expand(&cph())
            .expect("ok");
        assert_eq!(
            e.skipped,
            vec![
                (date(2026, 4, 2), "Skærtorsdag"),
                (date(2026, 4, 6), "2. påskedag")
            ]
        );
        // 30/3, 31/3, 1/4, then 7/4, 8/4, 9/4.
        assert_eq!(e.slots.len(), 6 * 6);
    }

    #[test]
    fn slots_that_do_not_fit_are_left_out() {
        let mut p = mon_to_thu(date(2026, 11, 23), date(2026, 11, 23));
        p.slot_minutes = 45;
        assert_eq!(p.expand(&cph()).expect("ok").slots.len(), 4);
    }

    #[test]
    fn bad_patterns_name_their_field() {
        let mut p = mon_to_thu(date(2026, 11, 23), date(2026, 11, 22));
        assert_eq!(p.check(), Err(("last_day", Invalid::EndBeforeStart)));
        p.last_day = date(2027, 11, 23);
        assert_eq!(p.check(), Err(("last_day", Invalid::TooLong { max: 190 })));
        p.last_day = date(2026, 11, 30);
        p.day_end = time(8, 0, 0, 0);
        assert_eq!(p.check(), Err(("day_end", Invalid::EndBeforeStart)));
        p.day_end = time(12, 0, 0, 0);
        p.weekdays.clear();
        assert_eq!(p.check(), Err(("weekdays", Invalid::Empty)));
    }

    #[test]
    fn one_request_makes_at_most_two_thousand_slots() {
        // What a penetration test sent: every day, 00–24, five-minute slots, a week: 2,016.
        let mut p = mon_to_thu(date(2026, 11, 23), date(2026, 11, 29));
        p.weekdays = vec![
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ];
        p.day_start = time(0, 0, 0, 0);
        p.day_end = time(23, 59, 59, 0);
        p.slot_minutes = 5;
        assert_eq!(
            p.check(),
            Err(("slot_minutes", Invalid::TooMany { max: MAX_SLOTS }))
        );
        // A quarter of working weeks 8–16 in 15-minute slots fits (60 days × 32 = 1,920).
        let mut q = mon_to_thu(date(2027, 1, 4), date(2027, 3, 28));
        q.weekdays.push(Weekday::Friday);
        q.day_start = time(8, 0, 0, 0);
        q.day_end = time(16, 0, 0, 0);
        q.slot_minutes = 15;
        let made = q.expand(&cph()).expect("within the cap").slots.len();
        assert!(made <= MAX_SLOTS && made > 1_800, "{made}");
    }
}
