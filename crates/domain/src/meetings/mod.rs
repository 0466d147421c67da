//! Meetings (samtaler): availability, the channel rules and the life of a booking.

mod absence;
mod call_in;
mod channels;
mod lifecycle;
mod no_show;
mod parties;
mod pick;
mod self_booking;
mod video;
mod weekly;

pub use absence::{AbsenceReason, AbsenceStatus, MAX_ABSENCE_TEXT, check_report};
pub use call_in::{
    CallInRefusal, CallInRequest, FundParticipation, check_call_in, check_rebooking,
    fund_participation, may_rebook,
};
pub use channels::{
    ChannelFacts, ChannelRefusal, EarlierMeetings, FIRST_MEETING_SOURCE, Proposed,
    channel_verdicts, check_channel, usable_channels,
};
pub use lifecycle::{
    MeetingRefusal, cancellation_is_late, check_booking, check_changeable, check_outcome,
};
pub use no_show::{
    MAX_EXCUSE, NoticeDecision, NoticeKind, NoticeRecipient, notice_for, parse_excuse,
};
pub use parties::MeetingParties;
pub use pick::{PickReason, Preferences};
pub use self_booking::{SOURCE as SELF_BOOKING_SOURCE, SelfBookingExemption, books_themself};
pub use video::{OPEN_AFTER_END, RoomFacts, RoomRefusal, RoomRole, interpreter_role, room_role};
pub use weekly::{Expansion, MAX_DAYS, MAX_SLOTS, WeeklyAvailability};
