//! `GET /moeder/{id}/video`: a video meeting's room (the `join_url`). The page says when and with
//! whom; `video.js` does the device check, the waiting room and the call. Video needs JavaScript;
//! without it the page says so and how else to reach us.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use store::StoreError;

use super::context::{Ctx, SignedIn};
use super::path::PagePath;
use super::{PageError, render};
use crate::AppState;
use crate::i18n::room_refusal;
use crate::time_fmt::when;

#[derive(Template)]
#[template(path = "video.html")]
struct VideoPage {
    ctx: Ctx,
    meeting_id: String,
    when: String,
    with_name: String,
    /// `host`, `adviser` or `citizen`.
    role: &'static str,
    ice_servers: String,
    /// Why the room is closed, if it is.
    closed: Option<&'static str>,
}

pub async fn room(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::MeetingId>,
) -> Result<Response, PageError> {
    let lang = user.viewer.lang;
    let (meeting, role, closed) = match state.store.video_room(&user.actor, &id, false).await {
        Ok((meeting, role)) => (meeting, role.as_str(), None),
        Err(StoreError::Room(refusal)) => {
            // A participant may see when the meeting was, and why the room is closed.
            let meeting = state
                .store
                .meeting(&user.actor, &id)
                .await
                .map_err(|e| user.viewer.error(e))?;
            (meeting, "", Some(room_refusal(lang, refusal)))
        }
        Err(e) => return Err(user.viewer.error(e)),
    };
    let with_name = if user.actor.is_staff() {
        user.viewer.ctx().t.text("video-the-citizen").to_owned()
    } else {
        meeting.staff_name.clone()
    };
    Ok(render(&VideoPage {
        ctx: user.viewer.ctx(),
        when: when(meeting.start, meeting.end, lang),
        meeting_id: meeting.id.to_string(),
        with_name,
        role,
        ice_servers: state.config.ice_servers.clone(),
        closed,
    }))
}
