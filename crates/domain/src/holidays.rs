//! Danish public holidays (helligdage), computed rather than listed, so no year runs out.
//!
//! Jobcenters are closed on these days, so availability never offers a slot on one. The moveable
//! feasts hang on Easter Sunday (the Gregorian computus below). Store Bededag (the fourth Friday
//! after Easter) was abolished as a public holiday by Lov nr. 76 of 28 February 2023 with effect
//! from 2024. Grundlovsdag, Christmas Eve and New Year's Eve are not public holidays by law, though
//! many workplaces close; a jobcenter that closes then blocks those days by not publishing slots.

use jiff::ToSpan;
use jiff::civil::Date;

/// The Danish name of the public holiday on `date`, if it is one.
pub fn public_holiday(date: Date) -> Option<&'static str> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some("Nytårsdag"),
        (12, 25) => Some("Juledag"),
        (12, 26) => Some("2. juledag"),
        _ => None,
    };
    fixed.or_else(|| {
        let easter = easter_sunday(date.year())?;
        let offset = (date - easter).get_days();
        match offset {
            -3 => Some("Skærtorsdag"),
            -2 => Some("Langfredag"),
            0 => Some("Påskedag"),
            1 => Some("2. påskedag"),
            26 if date.year() < 2024 => Some("Store bededag"),
            39 => Some("Kristi himmelfartsdag"),
            49 => Some("Pinsedag"),
            50 => Some("2. pinsedag"),
            _ => None,
        }
    })
}

/// Whether `date` is a working day: Monday to Friday and not a public holiday.
pub fn is_working_day(date: Date) -> bool {
    use jiff::civil::Weekday::{Saturday, Sunday};
    !matches!(date.weekday(), Saturday | Sunday) && public_holiday(date).is_none()
}

/// The working day `n` working days after `date` (n = 0 gives `date` itself if it is one).
pub fn add_working_days(date: Date, n: u32) -> Date {
    let mut day = date;
    let mut left = n;
    while !is_working_day(day) || left > 0 {
        if is_working_day(day) {
            left -= 1;
        }
        match day.checked_add(1.day()) {
            Ok(next) => day = next,
            Err(_) => return day,
        }
    }
    day
}

/// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_matches_the_almanac() {
        for (year, month, day) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
        ] {
            assert_eq!(easter_sunday(year), Some(date(year, month, day)), "{year}");
        }
    }

    #[test]
    fn the_holidays_of_2026() {
        let holidays: Vec<(Date, &str)> = (0..365)
            .filter_map(|d| {
                let day = date(2026, 1, 1).checked_add(d.days()).ok()?;
                public_holiday(day).map(|name| (day, name))
            })
            .collect();
        assert_eq!(
            holidays,
            vec![
                (date(2026, 1, 1), "Nytårsdag"),
                (date(2026, 4, 2), "Skærtorsdag"),
                (date(2026, 4, 3), "Langfredag"),
                (date(2026, 4, 5), "Påskedag"),
                (date(2026, 4, 6), "2. påskedag"),
                (date(2026, 5, 14), "Kristi himmelfartsdag"),
                (date(2026, 5, 24), "Pinsedag"),
                (date(2026, 5, 25), "2. pinsedag"),
                (date(2026, 12, 25), "Juledag"),
                (date(2026, 12, 26), "2. juledag"),
            ]
        );
    }

    #[test]
    fn store_bededag_ended_with_2023() {
        // Easter 2023 was 9 April; Store Bededag the 5th of May.
        assert_eq!(public_holiday(date(2023, 5, 5)), Some("Store bededag"));
        // Easter 2024 was 31 March; the fourth Friday after it, 26 April, is a working day.
        assert_eq!(public_holiday(date(2024, 4, 26)), None);
        assert!(is_working_day(date(2024, 4, 26)));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Wednesday 1 April 2026 + 1 working day: Thursday and Friday are Easter holidays,
        // then the weekend and Easter Monday, so Tuesday 7 April.
        assert_eq!(add_working_days(date(2026, 4, 1), 1), date(2026, 4, 7));
        // A Saturday with n = 0 rolls forward to Monday.
        assert_eq!(add_working_days(date(2026, 11, 21), 0), date(2026, 11, 23));
        assert_eq!(add_working_days(date(2026, 11, 23), 2), date(2026, 11, 25));
    }
}
