//! "Breve til udskrivning": letters for citizens without digital mail, as PDFs for the
//! jobcenter to print and post, and marked once printed.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use catalogue::Lang;
use domain::notices::PrintReason;
use store::Letter;

use super::context::{Ctx, SignedIn};
use super::path::PagePath;
use super::{PageError, render};
use crate::AppState;
use crate::time_fmt::moment;

pub struct LetterRow {
    pub id: String,
    pub citizen_id: String,
    pub recipient: String,
    /// No postal address: not to be printed until one is given.
    pub address_missing: bool,
    pub subject: String,
    /// What the letter says as "Vores reference", so a caller quoting it is found here.
    pub reference: String,
    pub created: String,
    pub printed: Option<String>,
    /// Delivered to Digital Post rather than printed.
    pub digital_post: bool,
    /// Why a letter meant for Digital Post waits here to be printed (a catalogue key).
    pub fallback: Option<&'static str>,
}

fn row(l: Letter, lang: crate::i18n::Lang) -> LetterRow {
    LetterRow {
        created: moment(l.created_at, lang),
        printed: l.printed_at.map(|at| moment(at, lang)),
        address_missing: l.address.is_none(),
        digital_post: l.digital_post_at.is_some(),
        fallback: l.fallback.map(|why| match why {
            PrintReason::NoCpr => "letters-fallback-no-cpr",
            PrintReason::NoSenderCvr => "letters-fallback-no-sender-cvr",
            PrintReason::NotDelivered => "letters-fallback-not-delivered",
        }),
        reference: l.id.reference(),
        citizen_id: l.citizen_id.into(),
        id: l.id.into(),
        recipient: l.recipient,
        subject: l.subject,
    }
}

#[derive(Template)]
#[template(path = "letters.html")]
struct LettersPage {
    ctx: Ctx,
    waiting: Vec<LetterRow>,
    printed: Vec<LetterRow>,
}

/// `GET /medarbejder/breve`.
pub async fn list(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let err = |e| user.viewer.error(e);
    let waiting = state.store.letters(&user.actor, false).await.map_err(err)?;
    let printed = state.store.letters(&user.actor, true).await.map_err(err)?;
    Ok(render(&LettersPage {
        ctx: user.viewer.ctx(),
        waiting: waiting
            .into_iter()
            .map(|l| row(l, user.viewer.lang))
            .collect(),
        printed: printed
            .into_iter()
            .take(20)
            .map(|l| row(l, user.viewer.lang))
            .collect(),
    }))
}

/// `GET /medarbejder/breve/{id}/brev.pdf`.
pub async fn pdf_file(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::LetterId>,
) -> Result<Response, PageError> {
    let letter = state
        .store
        .letter(&user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    // Letters from before senders were kept name the jobcentre of the staff member printing.
    let sender = match &letter.sender {
        Some(lines) => lines.clone(),
        None => vec![old_sender(&state, &user, &letter).await?],
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"brev.pdf\""),
        ],
        workers::letter_pdf(&letter, &sender).map_err(|e| user.viewer.error(e))?,
    )
        .into_response())
}

async fn old_sender(
    state: &AppState,
    user: &SignedIn,
    letter: &Letter,
) -> Result<String, PageError> {
    let letter_lang = Lang::from_code(&letter.language).unwrap_or_default();
    Ok(match &user.actor {
        domain::Actor::Staff {
            organisation: domain::Organisation::Municipality(m),
            ..
        } => {
            let towns = state
                .store
                .municipalities()
                .await
                .map_err(|e| user.viewer.error(e))?;
            let town = towns
                .into_iter()
                .find(|t| t.code == m.as_str())
                .map(|t| t.name)
                .unwrap_or_default();
            letter_lang.fmt("notice-jobcenter", &[("town", (&town).into())])
        }
        _ => letter_lang.text("notice-sender-unknown").to_owned(),
    })
}

/// `POST /medarbejder/breve/{id}/udskrevet`.
pub async fn printed(
    State(state): State<AppState>,
    user: SignedIn,
    PagePath(id): PagePath<domain::LetterId>,
    Form(values): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(values.get("csrf"))?;
    state
        .store
        .mark_printed(&user.actor, &id)
        .await
        .map_err(|e| user.viewer.error(e))?;
    Ok(Redirect::to("/medarbejder/breve").into_response())
}
