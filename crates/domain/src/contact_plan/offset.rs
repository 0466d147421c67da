//! How far from the start of unemployment a conversation window opens or closes: "2 weeks",
//! "3 months", "5 working days". Written in the rule files the way the law words it, so a reader
//! can check a file against the paragraph it cites.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::add_working_days;

/// The unit a law uses for a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Days,
    Weeks,
    Months,
    /// Danish working days: Monday to Friday, public holidays left out.
    WorkingDays,
}

/// A distance from the start of unemployment, e.g. 3 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offset {
    pub amount: u16,
    pub unit: Unit,
}

/// No rule reaches further than this many months (the 16-month conversation is the furthest).
const MAX_MONTHS: u16 = 60;

impl Offset {
    /// The date `self` after `start`. Months keep the day of the month where it exists and
    /// clamp to the month's last day where it does not (31 January + 1 month = 28 February), as
    /// a person counting on a calendar would.
    pub fn after(self, start: Date) -> Date {
        let n = i64::from(self.amount);
        let moved = match self.unit {
            Unit::Days => start.checked_add(n.days()),
            Unit::Weeks => start.checked_add(n.weeks()),
            Unit::Months => start.checked_add(n.months()),
            Unit::WorkingDays => return add_working_days(start, u32::from(self.amount)),
        };
        moved.unwrap_or(start)
    }
}

impl TryFrom<&str> for Offset {
    type Error = String;

    /// Parses "<number> <unit>" with the unit in English, singular or plural:
    /// day(s), week(s), month(s), working day(s).
    fn try_from(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (number, unit) = text
            .split_once(' ')
            .ok_or_else(|| format!("\"{text}\" is not \"<number> <unit>\", e.g. \"2 weeks\""))?;
        let amount: u16 = number
            .parse()
            .map_err(|_| format!("\"{number}\" is not a whole number"))?;
        let unit = match unit.trim() {
            "day" | "days" => Unit::Days,
            "week" | "weeks" => Unit::Weeks,
            "month" | "months" => Unit::Months,
            "working day" | "working days" => Unit::WorkingDays,
            other => {
                return Err(format!(
                    "unknown unit \"{other}\"; use days, weeks, months or working days"
                ));
            }
        };
        let months = match unit {
            Unit::Days | Unit::WorkingDays => amount / 30,
            Unit::Weeks => amount / 4,
            Unit::Months => amount,
        };
        if months > MAX_MONTHS {
            return Err(format!("\"{text}\" is more than {MAX_MONTHS} months"));
        }
        Ok(Offset { amount, unit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn offset(s: &str) -> Offset {
        Offset::try_from(s).expect("offset")
    }

    #[test]
    fn offsets_count_as_a_calendar_does() {
        let start = date(2026, 1, 31);
        assert_eq!(offset("0 days").after(start), start);
        assert_eq!(offset("2 weeks").after(start), date(2026, 2, 14));
        assert_eq!(offset("1 month").after(start), date(2026, 2, 28));
        assert_eq!(offset("16 months").after(start), date(2027, 5, 31));
    }

    #[test]
    fn working_days_skip_weekends_and_easter() {
        // Wednesday 1 April 2026: Skærtorsdag, Langfredag and 2. påskedag are holidays.
        assert_eq!(
            offset("2 working days").after(date(2026, 4, 1)),
            date(2026, 4, 8)
        );
    }

    #[test]
    fn unreadable_offsets_say_what_is_wrong() {
        assert!(Offset::try_from("2weeks").is_err());
        assert!(Offset::try_from("two weeks").is_err());
        let unit = Offset::try_from("2 fortnights").expect_err("unknown unit");
        assert!(unit.contains("fortnights"), "{unit}");
        assert!(Offset::try_from("100 months").is_err());
    }
}
