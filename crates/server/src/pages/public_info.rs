//! What every Danish public site must have, linked from every page's footer and readable
//! without signing in: how to reach each organisation (`/kontakt`), how personal data is
//! handled (`/privatliv`), and the accessibility statement (`/was`, the short address the
//! Agency for Digital Government asks for, redirecting to the statement the operator published
//! with its WAS-Tool — lov nr. 692 af 8. juni 2018 § 4, BEK nr. 904 af 22. august 2019 — or,
//! until there is one, to `/tilgaengelighed`, our own account of what is tested and what is
//! known not to work).

use askama::Template;
use axum::extract::State;
use axum::response::{Redirect, Response};
use domain::Actor;

use super::context::{Ctx, Viewer};
use super::{PageError, render};
use crate::AppState;

/// An organisation as the contact page shows it.
pub struct ContactCard {
    pub name: String,
    /// "Jobcenter" or "A-kasse", in the reader's language.
    pub kind: &'static str,
    /// "70 10 08 51" and `tel:+4570100851`.
    pub phone: Option<(String, String)>,
    pub phone_hours: Option<String>,
    pub email: Option<String>,
    /// The data protection officer's address (GDPR art. 37–39).
    pub dpo_email: Option<String>,
    /// The signed-in citizen's own jobcentre or a-kasse: shown first.
    pub yours: bool,
}

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    ctx: Ctx,
    cards: Vec<ContactCard>,
}

pub async fn contact(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let cards = cards(&state, &viewer).await?;
    Ok(render(&ContactPage {
        ctx: viewer.ctx(),
        cards,
    }))
}

/// Every organisation as the contact and privacy pages show it, the signed-in citizen's own
/// first.
async fn cards(state: &AppState, viewer: &Viewer) -> Result<Vec<ContactCard>, PageError> {
    // A citizen's own organisations come first: read from their own record, not logged.
    let own = match &viewer.session {
        Some((_, actor @ Actor::Citizen { citizen_id, .. })) => {
            state.store.citizen(actor, citizen_id).await.ok().map(|c| {
                (
                    c.municipality.to_string(),
                    c.unemployment_fund.map(|f| f.to_string()),
                )
            })
        }
        _ => None,
    };
    let ctx = viewer.ctx();
    let mut cards: Vec<ContactCard> = state
        .store
        .org_contacts()
        .await
        .map_err(|e| viewer.error(e))?
        .into_iter()
        .map(|o| ContactCard {
            yours: own.as_ref().is_some_and(|(m, f)| {
                if o.is_fund {
                    f.as_deref() == Some(o.code.as_str())
                } else {
                    *m == o.code
                }
            }),
            kind: ctx.t.text(if o.is_fund {
                "contact-kind-fund"
            } else {
                "contact-kind-jobcentre"
            }),
            phone: o
                .phone
                .map(|p| (domain::spoken_phone(&p), format!("tel:{p}"))),
            phone_hours: o.phone_hours,
            email: o.email,
            dpo_email: o.dpo_email,
            name: o.name,
        })
        .collect();
    // Stable: within each group the store's order (municipalities, then a-kasser, by name).
    cards.sort_by_key(|c| !c.yours);
    Ok(cards)
}

#[derive(Template)]
#[template(path = "privacy.html")]
struct PrivacyPage {
    ctx: Ctx,
    /// Each organisation's data protection officer (GDPR art. 13(1)(b)).
    cards: Vec<ContactCard>,
}

pub async fn privacy(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let cards = cards(&state, &viewer).await?;
    Ok(render(&PrivacyPage {
        ctx: viewer.ctx(),
        cards,
    }))
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct AccessibilityPage {
    ctx: Ctx,
    statement_url: Option<String>,
}

pub async fn accessibility(State(state): State<AppState>, viewer: Viewer) -> Response {
    render(&AccessibilityPage {
        ctx: viewer.ctx(),
        statement_url: state.config.accessibility_statement_url.clone(),
    })
}

/// `/was`: to the published statement, or to our own page until there is one.
pub async fn statement(State(state): State<AppState>) -> Redirect {
    match &state.config.accessibility_statement_url {
        Some(url) => Redirect::to(url),
        None => Redirect::to("/tilgaengelighed"),
    }
}
