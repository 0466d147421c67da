//! `GET /moeder/{id}/video`: a video meeting's room (the `join_url`). The page says when and with
//! whom; `video.js` does the device check, the waiting room and the call. Video needs JavaScript;
//! without it the page says so and how else to reach us.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use store::StoreError;

use super::context::{Ctx, SignedIn, Viewer};
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
    /// `host`, `adviser`, `citizen` or `interpreter`.
    role: &'static str,
    /// The room's signalling socket (the interpreter's carries their link's secret).
    live: String,
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
        live: format!("/live/meetings/{}/video", meeting.id),
        meeting_id: meeting.id.to_string(),
        with_name,
        role,
        ice_servers: state.config.ice_servers.clone(),
        closed,
    }))
}

/// `GET /moeder/{id}/video/tolk/{secret}`: the room for the meeting's interpreter, who has no
/// account here: the link staff sent them is the key (issue 19). They check their camera and
/// wait until staff let them in, like the citizen; they see when the meeting is and with whom,
/// nothing more.
pub async fn interpreter_room(
    State(state): State<AppState>,
    viewer: Viewer,
    axum::extract::Path((id, secret)): axum::extract::Path<(String, String)>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let id =
        domain::MeetingId::try_from(id.as_str()).map_err(|_| viewer.error(PageError::NotFound))?;
    let (meeting, role) = state
        .store
        .video_room_by_link(&id, &secret)
        .await
        .map_err(|e| viewer.error(e))?;
    Ok(render(&VideoPage {
        ctx: viewer.ctx(),
        when: when(meeting.start, meeting.end, lang),
        live: format!("/live/meetings/{}/video/tolk/{secret}", meeting.id),
        meeting_id: meeting.id.to_string(),
        with_name: meeting.staff_name.clone(),
        role: role.as_str(),
        ice_servers: state.config.ice_servers.clone(),
        closed: None,
    }))
}
