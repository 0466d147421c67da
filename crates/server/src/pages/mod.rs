//! Server-rendered pages on the Danish public design system (DKFDS). Every page works without
//! JavaScript: links, GET forms for searching and POST forms for changes (with a CSRF token).
//! Texts come from [`crate::i18n`]; templates are in `templates/` and escape everything.

mod absence;
mod admin;
pub mod assets;
mod booking;
mod booking_call_in;
mod booking_overdue;
mod booking_steps;
mod calendar;
mod case_transfers;
mod chat;
mod chat_hours;
mod chat_queue;
mod citizen;
mod citizen_page;
mod committee_report;
mod contact_report;
mod context;
mod details;
mod error;
mod exemption;
mod form;
mod help;
mod help_answers;
mod inbox;
mod letters;
mod meeting_view;
mod meetings;
mod messages;
mod monitoring;
mod notice_view;
mod notices;
mod path;
mod period;
mod plan_view;
mod public_info;
mod quotas;
mod register;
mod screening;
mod sign_in_provider;
mod signin;
mod staff;
mod surveys;
mod video;
mod worklist;

use askama::Template;
use axum::Router;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tower_http::services::ServeDir;

use crate::{AppState, ServerConfig};
pub use chat::waiting as chat_waiting;
pub use context::lang_of;
pub use error::PageError;

pub fn routes(config: &ServerConfig) -> Router<AppState> {
    let mut router = Router::new()
        .route("/", get(signin::root))
        .route("/sprog", get(signin::language))
        .route("/logud", axum::routing::post(signin::sign_out))
        .route("/borger", get(citizen::home))
        .route("/borger/adgangslog", get(citizen::access_log))
        .route(
            "/borger/oplysninger",
            get(details::own).post(details::save_own),
        )
        .route("/borger/samtaler", get(meetings::mine))
        .route(
            "/borger/beskeder",
            get(messages::mine).post(messages::write_mine),
        )
        .route(
            "/medarbejder/borgere/{id}/beskeder",
            get(messages::staff_thread).post(messages::write_staff),
        )
        .route(
            "/medarbejder/borgere/{id}/beskeder/tildel",
            axum::routing::post(messages::assign),
        )
        .route(
            "/borger/beskeder/laest",
            axum::routing::post(messages::mark_read_mine),
        )
        .route(
            "/medarbejder/borgere/{id}/beskeder/laest",
            axum::routing::post(messages::mark_read_staff),
        )
        .route("/medarbejder/indbakke", get(inbox::page))
        .route("/medarbejder/underretninger", get(notices::page))
        .route("/kontakt", get(public_info::contact))
        .route("/privatliv", get(public_info::privacy))
        .route("/tilgaengelighed", get(public_info::accessibility))
        .route("/was", get(public_info::statement))
        .route(
            "/underretninger/{id}/tilbagetraek",
            axum::routing::post(meetings::withdraw_notice),
        )
        .route("/static/live.js", get(live_js))
        .route("/static/video.js", get(video_js))
        .route("/static/chat_queue.js", get(chat_queue_js))
        .route("/borger/chat", axum::routing::post(chat::start_mine))
        .route("/borger/chat/afslut", axum::routing::post(chat::end_mine))
        .route(
            "/medarbejder/borgere/{id}/chat/afslut",
            axum::routing::post(chat::end_staff),
        )
        .route(
            "/medarbejder/borgere/{id}/chat/videre",
            axum::routing::post(chat::hand_over),
        )
        .route("/medarbejder/chat", get(chat_queue::page))
        .route(
            "/medarbejder/chat/vagt",
            axum::routing::post(chat_queue::duty),
        )
        .route(
            "/medarbejder/chat/naeste",
            axum::routing::post(chat_queue::next),
        )
        .route(
            "/medarbejder/chat/svar",
            get(help_answers::list).post(help_answers::create),
        )
        .route(
            "/medarbejder/chat/svar/{id}",
            get(help_answers::edit).post(help_answers::update),
        )
        .route(
            "/medarbejder/chat/aabningstider",
            get(chat_hours::page).post(chat_hours::save),
        )
        .route("/moeder/{id}/video", get(video::room))
        .route(
            "/moeder/{id}/video/tolk/{secret}",
            get(video::interpreter_room),
        )
        .route(
            "/borger/spoergeskema/{id}",
            get(surveys::form).post(surveys::submit),
        )
        .route(
            "/spoergeskema",
            get(surveys::by_code).post(surveys::submit_by_code),
        )
        .route(
            "/medarbejder/borgere/{citizen}/spoergeskema/{id}",
            get(surveys::record_form).post(surveys::record),
        )
        .route("/samtaler/ny", get(booking::form).post(booking::submit))
        .route("/samtaler/{id}", get(meetings::show))
        .route(
            "/samtaler/{id}/aflys",
            axum::routing::post(meetings::cancel),
        )
        .route(
            "/samtaler/{id}/udfald",
            axum::routing::post(meetings::outcome),
        )
        .route("/samtaler/{id}/afbud", axum::routing::post(absence::report))
        .route(
            "/samtaler/{id}/afbud/afgoerelse",
            axum::routing::post(absence::decide),
        )
        .route("/samtaler/{id}/kalender.ics", get(meetings::calendar_file))
        .route("/medarbejder/kalender", get(calendar::week))
        .route(
            "/medarbejder/kalender/nyt-link",
            axum::routing::post(calendar::renew_feed),
        )
        .route(
            "/medarbejder/tider",
            axum::routing::post(calendar::add_single),
        )
        .route(
            "/medarbejder/tider/ugentlig",
            axum::routing::post(calendar::add_weekly),
        )
        .route(
            "/medarbejder/tider/{id}/slet",
            axum::routing::post(calendar::remove),
        )
        .route("/kalender/{file}", get(calendar::feed))
        .route("/screening", get(screening::form).post(screening::submit))
        .route("/screening/{id}", get(screening::result))
        .route(
            "/medarbejder/borgere/{id}/visitation",
            axum::routing::post(screening::decide),
        )
        .route(
            "/borger/vurdering",
            axum::routing::post(screening::own_view),
        )
        .route("/leder/visitation", get(monitoring::page))
        .route("/leder/kontaktkrav", get(quotas::page))
        .route("/leder/rapporter", get(contact_report::page))
        .route("/leder/rapporter.csv", get(contact_report::csv))
        .route(
            "/leder/rapporter/udvalg.pdf",
            get(committee_report::pdf_file),
        )
        .route(
            "/leder/indstillinger",
            axum::routing::post(monitoring::set_policy),
        )
        .route("/medarbejder/breve", get(letters::list))
        .route("/medarbejder/flytninger", get(case_transfers::list))
        .route(
            "/medarbejder/flytninger/{id}/{answer}",
            axum::routing::post(case_transfers::decide),
        )
        .route(
            "/borgere/flyt",
            axum::routing::post(case_transfers::request),
        )
        .route("/medarbejder/breve/{id}/brev.pdf", get(letters::pdf_file))
        .route(
            "/medarbejder/breve/{id}/udskrevet",
            axum::routing::post(letters::printed),
        )
        .route("/medarbejder", get(staff::home))
        .route("/medarbejder/borgere/{id}", get(citizen_page::citizen))
        .route(
            "/medarbejder/borgere/{id}/oplysninger",
            get(details::for_citizen).post(details::save_for_citizen),
        )
        .route(
            "/medarbejder/borgere/{id}/selvbooking",
            axum::routing::post(staff::self_booking),
        )
        .route(
            "/medarbejder/borgere/{id}/fritagelse",
            axum::routing::post(exemption::submit),
        )
        .route(
            "/medarbejder/borgere/{id}/bookingfrist",
            axum::routing::post(booking_overdue::submit),
        )
        .route("/medarbejder/arbejdsliste", get(worklist::page))
        .route("/borgere/ny", get(register::form).post(register::submit))
        .route("/admin", get(admin::overview))
        .route(
            "/admin/kommuner/ny",
            get(admin::municipality_form).post(admin::municipality_submit),
        )
        .route(
            "/admin/a-kasser/ny",
            get(admin::fund_form).post(admin::fund_submit),
        )
        .route(
            "/admin/medarbejdere/ny",
            get(admin::staff_form).post(admin::staff_submit),
        )
        .route("/static/app.css", get(app_css))
        .nest_service("/static/dkfds", ServeDir::new(&config.dkfds_dir));
    router = if config.demo {
        router.route("/logind", get(signin::page).post(signin::submit))
    } else {
        router.route("/logind", get(signin::page))
    };
    router = router
        .route("/logind/{provider}", get(sign_in_provider::start))
        .route("/logind/{provider}/svar", get(sign_in_provider::callback));
    router.fallback(error::not_found)
}

async fn app_css() -> impl IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../static/app.css"),
    )
}

/// The one script of the pages: live message threads (progressive enhancement).
async fn live_js() -> impl IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        )],
        include_str!("../../static/live.js"),
    )
}

/// The staff chat queue's refresh.
async fn chat_queue_js() -> impl IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        )],
        include_str!("../../static/chat_queue.js"),
    )
}

/// The video room's script: device check, waiting room and WebRTC call.
async fn video_js() -> impl IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        )],
        include_str!("../../static/video.js"),
    )
}

/// Renders a template as an HTML response, or a plain 500 if the template itself fails.
/// A form page: 422 when it shows refusals, so a client (and a test) sees that nothing was
/// taken.
pub fn render_form<T: Template>(template: &T, refused: bool) -> Response {
    let mut response = render(template);
    if refused && response.status().is_success() {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

pub fn render<T: Template>(template: &T) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "Der skete en fejl hos os.",
            )
                .into_response()
        }
    }
}
