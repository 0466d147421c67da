//! iCalendar (RFC 5545) for meetings: one VEVENT for "add to calendar", and a caseworker's feed.
//!
//! Times are written as Copenhagen wall-clock times with a VTIMEZONE that carries the EU rule
//! (last Sunday of March and October), so every calendar shows 9:00 as 9:00 on both sides of
//! the clock change. Text is escaped and lines folded as the RFC demands; this is the only place
//! that writes the format.

use std::fmt::Write;

use domain::{Channel, MeetingStatus};
use jiff::Timestamp;
use store::Meeting;

const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// What one event says; built by the caller for its reader (citizen or caseworker).
pub struct Event<'a> {
    pub meeting: &'a Meeting,
    pub summary: String,
    pub description: String,
    pub url: String,
}

/// A calendar with the given events, ready to serve as `text/calendar`, stamped `now` (the
/// store's clock).
pub fn calendar(name: &str, events: &[Event<'_>], now: Timestamp) -> String {
    let mut out = String::new();
    out.push_str("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Jobunivers//DA\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    out.push_str("X-WR-TIMEZONE:Europe/Copenhagen\r\n");
    out.push_str(VTIMEZONE);
    let stamp = utc(now);
    for e in events {
        let m = e.meeting;
        out.push_str("BEGIN:VEVENT\r\n");
        line(&mut out, &format!("UID:{}@jobunivers", m.id));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;TZID=Europe/Copenhagen:{}", local(m.start)),
        );
        line(
            &mut out,
            &format!("DTEND;TZID=Europe/Copenhagen:{}", local(m.end)),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if let (Channel::InPerson, Some(location)) = (m.channel, &m.location) {
            line(&mut out, &format!("LOCATION:{}", escape(location)));
        }
        line(&mut out, &format!("URL:{}", e.url));
        let status = if m.status == MeetingStatus::Cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        line(&mut out, &format!("STATUS:{status}"));
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn local(t: Timestamp) -> String {
    t.to_zoned(crate::time_fmt::copenhagen())
        .strftime("%Y%m%dT%H%M%S")
        .to_string()
}

fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets, never inside a UTF-8 character (§3.1).
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    let _ = out.write_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Role;

    fn meeting(start: &str, end: &str) -> Meeting {
        Meeting {
            id: domain::MeetingId::try_from("m1").expect("id"),
            citizen_id: domain::CitizenId::try_from("c1").expect("id"),
            staff_id: domain::StaffId::try_from("s1").expect("id"),
            staff_name: "Karen".into(),
            slot_id: None,
            adviser_id: None,
            adviser_name: None,
            start: start.parse().expect("ts"),
            end: end.parse().expect("ts"),
            channel: Channel::InPerson,
            location: Some("Jobcenter Aalborg, Kjellerups Torv 5".into()),
            purpose: None,
            attendance_reason: None,
            status: MeetingStatus::Booked,
            booked_by_role: Role::Citizen,
            cancellation: None,
            call_in: None,
            absence: None,
            no_show_excuse: None,
            interpreter: None,
            companion: None,
            by_fund: false,
        }
    }

    fn one(m: &Meeting) -> String {
        calendar(
            "Mine samtaler",
            &[Event {
                meeting: m,
                summary: "Samtale, jobcenter".into(),
                description: "Linje 1\nLinje 2; slut".into(),
                url: "http://x/m1".into(),
            }],
            "2026-03-01T12:00:00Z".parse().expect("ts"),
        )
    }

    #[test]
    fn nine_oclock_is_nine_oclock_on_both_sides_of_the_clock_change() {
        // Friday 27 March 2026 09:00 CET is 08:00Z; Monday 30 March 09:00 CEST is 07:00Z.
        let winter = one(&meeting("2026-03-27T08:00:00Z", "2026-03-27T08:30:00Z"));
        let summer = one(&meeting("2026-03-30T07:00:00Z", "2026-03-30T07:30:00Z"));
        assert!(
            winter.contains("DTSTART;TZID=Europe/Copenhagen:20260327T090000\r\n"),
            "{winter}"
        );
        assert!(
            summer.contains("DTSTART;TZID=Europe/Copenhagen:20260330T090000\r\n"),
            "{summer}"
        );
        assert!(summer.contains("DTEND;TZID=Europe/Copenhagen:20260330T093000\r\n"));
        assert_eq!(summer.matches("BEGIN:VEVENT").count(), 1);
        assert!(summer.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    }

    #[test]
    fn text_is_escaped_and_long_lines_are_folded() {
        let ics = one(&meeting("2026-03-27T08:00:00Z", "2026-03-27T08:30:00Z"));
        assert!(ics.contains("DESCRIPTION:Linje 1\\nLinje 2\\; slut\r\n"));
        assert!(ics.contains("LOCATION:Jobcenter Aalborg\\, Kjellerups Torv 5\r\n"));
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        let mut folded = String::new();
        line(&mut folded, &format!("SUMMARY:{}", "æ".repeat(60)));
        assert!(folded.contains("\r\n "));
        assert_eq!(
            folded.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "æ".repeat(60))
        );
    }
}
