//! `/logind/{provider}`: production sign-in through OpenID Connect, against the test identity
//! provider (`crates/test-idp`) over real HTTP — the same exchange a MitID broker makes.

use reqwest::header::{LOCATION, SET_COOKIE};
use reqwest::{Client, StatusCode, Url};
use server::sign_in::{Audience, OidcConfig};
use test_idp::{Alg, Quirks, TestIdp};

use crate::helpers::{TestApp, World, demo_config, spawn_on};
use store::{Backend, backend_tests};

const SECRET: &str = "test-secret";

struct SignIn {
    app: TestApp,
    world: World,
    idp: TestIdp,
}

/// An app whose citizens sign in at `idp` and whose staff too (two clients of one provider),
/// in demo mode so the test can set up its world through the API.
async fn spawn(backend: store::Backend, acr: Option<&str>) -> SignIn {
    spawn_budget(backend, acr, demo_config().sign_in_starts_per_minute).await
}

/// The same, beginning at most `starts` sign-ins a minute.
async fn spawn_budget(backend: store::Backend, acr: Option<&str>, starts: u32) -> SignIn {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let app_url = format!("http://{}", listener.local_addr().expect("addr"));
    let clients = ["mitid", "medarbejder"]
        .map(|slug| test_idp::Client {
            id: format!("ju-{slug}"),
            secret: SECRET.into(),
            redirect_uri: format!("{app_url}/logind/{slug}/svar"),
        })
        .to_vec();
    let idp_listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let idp = TestIdp::start(idp_listener, clients).expect("idp");
    let provider = |audience: Audience, claim: &str| OidcConfig {
        audience,
        issuer: idp.url.clone(),
        client_id: format!("ju-{}", audience.slug()),
        client_secret: SECRET.into(),
        scopes: "openid".into(),
        claim: claim.into(),
        acr: acr.map(str::to_owned),
    };
    let mut config = demo_config();
    config.sign_in_starts_per_minute = starts;
    config.public_url = app_url;
    config.sign_in = vec![
        provider(Audience::Citizen, "cprNumberIdentifier"),
        provider(Audience::Staff, "preferred_username"),
    ];
    let app = spawn_on(listener, backend, config).await;
    let world = app.world().await;
    SignIn { app, world, idp }
}

/// A browser: keeps cookies, follows no redirects (the test follows them by hand).
fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_owned()
}

fn sets_session(r: &reqwest::Response) -> bool {
    r.headers().get_all(SET_COOKIE).iter().any(|c| {
        c.to_str()
            .is_ok_and(|c| c.starts_with("ju_session=") && !c.starts_with("ju_session=;"))
    })
}

impl SignIn {
    /// Goes to the provider from the sign-in button and types `user` there (or cancels);
    /// returns the URL the provider sends the browser back to.
    async fn at_provider(&self, browser: &Client, slug: &str, user: Option<&str>) -> String {
        self.at_provider_from(browser, &format!("/logind/{slug}"), user)
            .await
    }

    /// The same, from a given start (e.g. with `?tilbage=…`).
    async fn at_provider_from(&self, browser: &Client, start: &str, user: Option<&str>) -> String {
        let r = browser
            .get(format!("{}{start}", self.app.url))
            .send()
            .await
            .expect("start");
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "start {start}");
        let authorize = Url::parse(&location(&r)).expect("url");
        assert!(authorize.as_str().starts_with(&self.idp.url), "{authorize}");
        let page = browser.get(authorize.clone()).send().await.expect("page");
        assert_eq!(
            page.status(),
            StatusCode::OK,
            "the provider accepts the request"
        );
        let mut form: Vec<(String, String)> = authorize
            .query_pairs()
            .filter(|(k, _)| {
                [
                    "client_id",
                    "redirect_uri",
                    "state",
                    "nonce",
                    "code_challenge",
                ]
                .contains(&k.as_ref())
            })
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        match user {
            Some(u) => form.push(("user".into(), u.into())),
            None => form.push(("cancel".into(), "1".into())),
        }
        let r = browser
            .post(format!("{}/authorize", self.idp.url))
            .form(&form)
            .send()
            .await
            .expect("authorize");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        location(&r)
    }

    async fn back(&self, browser: &Client, callback: &str) -> reqwest::Response {
        browser.get(callback).send().await.expect("callback")
    }

    /// The whole round trip; the response of the return to Jobunivers.
    async fn sign_in(&self, browser: &Client, slug: &str, user: &str) -> reqwest::Response {
        let callback = self.at_provider(browser, slug, Some(user)).await;
        self.back(browser, &callback).await
    }
}

async fn page_text(browser: &Client, url: &str) -> (StatusCode, String) {
    let r = browser.get(url).send().await.expect("get");
    (r.status(), r.text().await.expect("text"))
}

backend_tests!(citizens_sign_in_with_mitid_by_cpr_and_staff_by_login);
async fn citizens_sign_in_with_mitid_by_cpr_and_staff_by_login(backend: Backend) {
    let s = spawn(backend, None).await;
    s.app
        .citizen(&s.world, "010190-1234", "borger.x", "insured_unemployed")
        .await;

    let citizen = browser();
    let r = s.sign_in(&citizen, "mitid", "0101901234").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/");
    assert!(sets_session(&r));
    let (status, home) = page_text(&citizen, &format!("{}/borger", s.app.url)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Borger borger.x"), "the citizen's own page");

    // RS256, as most brokers sign, works as well as ES256.
    s.idp.set_quirks(Quirks {
        alg: Alg::Rs256,
        ..Quirks::default()
    });
    let staff = browser();
    let r = s.sign_in(&staff, "medarbejder", "cw.aalborg").await;
    assert!(sets_session(&r), "staff signed in by login");
    let (status, home) = page_text(&staff, &format!("{}/medarbejder", s.app.url)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Navn cw.aalborg"));

    // Found, never created: an unknown CPR number, and a citizen's login at the staff door.
    for (slug, user, says) in [
        ("mitid", "0202801234", "Vi kan ikke finde dig i Jobunivers"),
        ("medarbejder", "borger.x", "Din bruger har ikke adgang"),
    ] {
        let b = browser();
        let r = s.sign_in(&b, slug, user).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{slug} {user}");
        assert!(!sets_session(&r));
        assert!(r.text().await.expect("text").contains(says));
    }
}

backend_tests!(forged_replayed_and_foreign_answers_start_no_session);
async fn forged_replayed_and_foreign_answers_start_no_session(backend: Backend) {
    let s = spawn(backend, None).await;
    s.app
        .citizen(&s.world, "010190-1234", "borger.x", "insured_unemployed")
        .await;

    // Tokens that fail a check, each as a broken provider or an attacker could make them.
    let bad = [
        (
            "forged signature",
            Quirks {
                unpublished_key: true,
                ..Quirks::default()
            },
        ),
        (
            "for another service",
            Quirks {
                audience: Some("someone-else".into()),
                ..Quirks::default()
            },
        ),
        (
            "another sign-in's nonce",
            Quirks {
                nonce: Some("replayed".into()),
                ..Quirks::default()
            },
        ),
        (
            "expired",
            Quirks {
                expired: true,
                ..Quirks::default()
            },
        ),
        (
            "another issuer",
            Quirks {
                issuer: Some("https://evil.example".into()),
                ..Quirks::default()
            },
        ),
    ];
    for (what, quirks) in bad {
        s.idp.set_quirks(quirks);
        let b = browser();
        let r = s.sign_in(&b, "mitid", "0101901234").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{what}");
        assert!(!sets_session(&r), "{what}");
        assert!(
            r.text()
                .await
                .expect("text")
                .contains("Vi kunne ikke bekræfte dit log ind"),
            "{what}"
        );
    }
    s.idp.set_quirks(Quirks::default());

    // An answer is good once, and only in the browser that asked for it.
    let asked = browser();
    let callback = s.at_provider(&asked, "mitid", Some("0101901234")).await;
    let other = browser();
    let r = s.back(&other, &callback).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "someone else's answer");
    assert!(!sets_session(&r));
    assert!(r.text().await.expect("text").contains("Prøv igen"));
    let r = s.back(&asked, &callback).await;
    assert!(sets_session(&r), "the browser that asked signs in");
    let r = s.back(&asked, &callback).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "replayed");
    assert!(!sets_session(&r));

    // Cancelling at the provider.
    let b = browser();
    let callback = s.at_provider(&b, "mitid", None).await;
    let r = s.back(&b, &callback).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.text().await.expect("text").contains("Du afbrød log ind"));

    // A provider in trouble is not the person cancelling.
    let b = browser();
    let start = b
        .get(format!("{}/logind/mitid", s.app.url))
        .send()
        .await
        .expect("start");
    let authorize = Url::parse(&location(&start)).expect("url");
    let state = authorize
        .query_pairs()
        .find(|(k, _)| k == "state")
        .map(|(_, v)| v.into_owned())
        .expect("state");
    let mut back = Url::parse(&format!("{}/logind/mitid/svar", s.app.url)).expect("url");
    back.query_pairs_mut()
        .append_pair("error", "temporarily_unavailable")
        .append_pair("state", &state);
    let r = s.back(&b, back.as_str()).await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert!(r.text().await.expect("text").contains("Prøv igen om lidt"));

    let (status, _) = page_text(&b, &format!("{}/logind/ukendt", s.app.url)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_required_assurance_level_is_asked_for_and_checked() {
    let substantial = "https://data.gov.dk/concept/core/nsis/loa/Substantial";
    let s = spawn(store::Backend::Sqlite, Some(substantial)).await;
    s.app
        .citizen(&s.world, "010190-1234", "borger.x", "insured_unemployed")
        .await;
    let b = browser();
    let start = b
        .get(format!("{}/logind/mitid", s.app.url))
        .send()
        .await
        .expect("start");
    assert!(location(&start).contains("acr_values="), "asked for");
    s.idp.set_quirks(Quirks {
        acr: Some("https://data.gov.dk/concept/core/nsis/loa/Low".into()),
        ..Quirks::default()
    });
    let r = s.sign_in(&b, "mitid", "0101901234").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "too low");
    s.idp.set_quirks(Quirks {
        acr: Some(substantial.into()),
        ..Quirks::default()
    });
    let r = s.sign_in(&b, "mitid", "0101901234").await;
    assert!(sets_session(&r), "substantial is enough");
}

#[tokio::test]
async fn an_unreachable_provider_is_explained_and_production_shows_no_demo_users() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    // A provider address where nothing listens.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let nowhere = format!("http://{}", closed.local_addr().expect("addr"));
    drop(closed);
    let mut config = demo_config();
    config.demo = false;
    config.sign_in = vec![OidcConfig {
        audience: Audience::Citizen,
        issuer: nowhere,
        client_id: "ju".into(),
        client_secret: SECRET.into(),
        scopes: "openid".into(),
        claim: "cprNumberIdentifier".into(),
        acr: None,
    }];
    let app = spawn_on(listener, store::Backend::Sqlite, config).await;
    let b = browser();
    let (status, page) = page_text(&b, &format!("{}/logind", app.url)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Log ind med MitID"));
    assert!(
        !page.contains("Log ind som medarbejder"),
        "only what is configured"
    );
    assert!(!page.contains("admin"), "no demo users outside the demo");
    let (status, page) = page_text(&b, &format!("{}/logind/mitid", app.url)).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert!(page.contains("Vi kan ikke komme i kontakt med log ind-tjenesten"));
}

#[tokio::test]
async fn after_signing_in_people_return_to_the_page_they_were_going_to() {
    let s = spawn(store::Backend::Sqlite, None).await;
    s.app
        .citizen(&s.world, "010190-1234", "borger.x", "insured_unemployed")
        .await;
    let b = browser();
    // A link from a notice, followed while signed out.
    let r = b
        .get(format!("{}/borger/samtaler", s.app.url))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/logind?tilbage=%2Fborger%2Fsamtaler");
    let (_, page) = page_text(&b, &format!("{}{}", s.app.url, location(&r))).await;
    assert!(
        page.contains("href=\"/logind/mitid?tilbage=%2Fborger%2Fsamtaler\""),
        "the MitID button carries the way back"
    );
    let callback = s
        .at_provider_from(
            &b,
            "/logind/mitid?tilbage=%2Fborger%2Fsamtaler",
            Some("0101901234"),
        )
        .await;
    let r = s.back(&b, &callback).await;
    assert!(sets_session(&r));
    assert_eq!(location(&r), "/borger/samtaler");

    // Only paths on this site: anything else ends at the front page.
    for elsewhere in [
        "%2F%2Fevil.example",
        "https%3A%2F%2Fevil.example",
        "%2F%5Cevil.example",
    ] {
        let b = browser();
        let callback = s
            .at_provider_from(
                &b,
                &format!("/logind/mitid?tilbage={elsewhere}"),
                Some("0101901234"),
            )
            .await;
        let r = s.back(&b, &callback).await;
        assert_eq!(location(&r), "/", "{elsewhere}");
    }

    // The demo's users go back too.
    let b = browser();
    let r = b
        .post(format!("{}/logind", s.app.url))
        .form(&[("login", "borger.x"), ("tilbage", "/borger/samtaler")])
        .send()
        .await
        .expect("post");
    assert_eq!(location(&r), "/borger/samtaler");
}

#[tokio::test]
async fn beginning_sign_ins_is_bounded_per_minute() {
    let s = spawn_budget(store::Backend::Sqlite, None, 3).await;
    let b = browser();
    for _ in 0..3 {
        let r = b
            .get(format!("{}/logind/mitid", s.app.url))
            .send()
            .await
            .expect("start");
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "to the provider");
    }
    let (status, text) = page_text(&b, &format!("{}/logind/mitid", s.app.url)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(text.contains("Vent et minut"), "{text}");
}
