//! `spawn_app`: the whole application on a free port over a fresh database, with an
//! administrator, and small helpers to call it.

use domain::{Actor, Login, PersonName, Role, StaffId};
use std::time::Duration;

use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use server::ServerConfig;
use store::testing::fresh_store;
use store::{Backend, NewStaff, Store};

pub use store::testing::BACKENDS;

pub struct TestApp {
    pub url: String,
    pub client: Client,
    pub store: Store,
}

fn dkfds_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/dkfds/dist")
}

/// The repository's rule files, as the demo loads them.
pub fn rules() -> std::sync::Arc<domain::contact_plan::RuleBook> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    std::sync::Arc::new(server::load_rules(&dir).expect("the repository's rules"))
}

/// The demo's configuration, with sessions that outlast the clock moves of the tests (weeks
/// forward, to reach a meeting's start): sessions expire by the store's one clock.
pub fn demo_config() -> ServerConfig {
    let mut config = ServerConfig::demo(dkfds_dir(), rules());
    config.session_ttl = std::time::Duration::from_secs(400 * 24 * 3600);
    config
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_with(backend, demo_config()).await
}

pub async fn spawn_with(backend: Backend, config: ServerConfig) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    spawn_on(listener, backend, config).await
}

/// On a listener bound beforehand, for a test that must know the address before the
/// configuration (an identity provider's redirect URI).
pub async fn spawn_on(
    listener: tokio::net::TcpListener,
    backend: Backend,
    config: ServerConfig,
) -> TestApp {
    let app = serve_store(listener, fresh_store(backend).await, config).await;
    let system = Actor::Admin {
        id: StaffId::try_from("system").expect("an id"),
        name: "System".into(),
    };
    let admin = NewStaff {
        login: Login::try_from("admin").expect("login"),
        name: PersonName::try_from("Ada Admin").expect("name"),
        role: Role::Admin,
        organisation: None,
        team: None,
    };
    app.store
        .create_staff(&system, &admin)
        .await
        .expect("admin");
    app
}

/// The application over `store` on `listener`.
async fn serve_store(
    listener: tokio::net::TcpListener,
    store: Store,
    config: ServerConfig,
) -> TestApp {
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let app = server::app(store.clone(), config);
    tokio::spawn(async move { axum_serve(listener, app).await });
    let client = Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    TestApp { url, client, store }
}

/// A second instance of `first`'s application on the same PostgreSQL database, as in the
/// national deployment: what one instance caches must follow what the other changes.
pub async fn twin(first: &TestApp) -> TestApp {
    let store = store::Store::connect(&store::testing::twin_options(&first.store))
        .await
        .expect("second instance");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    serve_store(listener, store, demo_config()).await
}

async fn axum_serve(listener: tokio::net::TcpListener, app: axum::Router) {
    let _ = server::serve(listener, app).await;
}

impl TestApp {
    /// A token through the demo sign-in.
    pub async fn token(&self, login: &str) -> String {
        let r = self
            .post("/api/v1/dev/session", None, &json!({ "login": login }))
            .await;
        assert_eq!(r.status(), StatusCode::OK, "sign in {login}");
        r.json::<Value>().await.expect("json")["token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.send(self.client.post(format!("{}{path}", self.url)), token)
            .json(body)
            .send()
            .await
            .expect("send")
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.send(self.client.patch(format!("{}{path}", self.url)), token)
            .json(body)
            .send()
            .await
            .expect("send")
    }

    pub async fn put(&self, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.send(self.client.put(format!("{}{path}", self.url)), token)
            .json(body)
            .send()
            .await
            .expect("send")
    }

    pub async fn post_raw(&self, path: &str, token: Option<&str>, body: &str) -> Response {
        self.send(self.client.post(format!("{}{path}", self.url)), token)
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .expect("send")
    }

    /// A page as a signed-in browser gets it: the session in the cookie, not a bearer token.
    pub async fn page(&self, path: &str, session: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.url))
            .header("cookie", format!("ju_session={session}"))
            .send()
            .await
            .expect("page")
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        self.send(self.client.get(format!("{}{path}", self.url)), token)
            .send()
            .await
            .expect("send")
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> Response {
        self.send(self.client.delete(format!("{}{path}", self.url)), token)
            .send()
            .await
            .expect("send")
    }

    fn send(
        &self,
        builder: reqwest::RequestBuilder,
        token: Option<&str>,
    ) -> reqwest::RequestBuilder {
        match token {
            Some(t) => builder.bearer_auth(t),
            None => builder,
        }
    }

    /// Aalborg and Aarhus, a fund, and a caseworker in each; returns their tokens.
    pub async fn world(&self) -> World {
        let admin = self.token("admin").await;
        for (code, name) in [("0851", "Aalborg"), ("0751", "Aarhus")] {
            let r = self
                .post(
                    "/api/v1/municipalities",
                    Some(&admin),
                    &json!({"code": code, "name": name}),
                )
                .await;
            assert_eq!(r.status(), StatusCode::CREATED);
        }
        let r = self
            .post(
                "/api/v1/unemployment-funds",
                Some(&admin),
                &json!({"code": "3F", "name": "3F A-kasse"}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
        for (login, org) in [
            ("cw.aalborg", json!({"municipality": "0851"})),
            ("cw.aarhus", json!({"municipality": "0751"})),
            ("adv.3f", json!({"unemployment_fund": "3F"})),
        ] {
            let mut body =
                json!({"login": login, "name": format!("Navn {login}"), "role": "caseworker"});
            body.as_object_mut()
                .expect("object")
                .extend(org.as_object().expect("object").clone());
            let r = self.post("/api/v1/staff", Some(&admin), &body).await;
            assert_eq!(r.status(), StatusCode::CREATED, "{login}");
        }
        World {
            aalborg: self.token("cw.aalborg").await,
            aarhus: self.token("cw.aarhus").await,
            fund: self.token("adv.3f").await,
            admin,
        }
    }
}

pub struct World {
    pub admin: String,
    pub aalborg: String,
    pub aarhus: String,
    pub fund: String,
}

/// The problem+json body of a refused request, checked for its media type and code.
pub async fn problem(r: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(r.status(), status);
    let media = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(media, "application/problem+json");
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], status.as_u16());
    body
}

/// The fields a `validation_failed` problem names, in its order.
pub fn problem_fields(p: &Value) -> Vec<&str> {
    p["errors"]
        .as_array()
        .map(|es| es.iter().filter_map(|e| e["field"].as_str()).collect())
        .unwrap_or_default()
}

impl TestApp {
    /// A GET that must answer 200, as JSON.
    pub async fn get_json(&self, path: &str, token: Option<&str>) -> Value {
        let r = self.get(path, token).await;
        assert_eq!(r.status(), StatusCode::OK, "GET {path}");
        r.json().await.expect("json")
    }

    /// A member of Aalborg's staff made by the administrator; returns (id, token).
    pub async fn staff(&self, world: &World, login: &str, role: &str) -> (String, String) {
        let body = json!({"login": login, "name": format!("Navn {login}"), "role": role, "municipality": "0851"});
        let r = self.post("/api/v1/staff", Some(&world.admin), &body).await;
        assert_eq!(r.status(), StatusCode::CREATED, "staff {login}");
        let id = r.json::<Value>().await.expect("json")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        (id, self.token(login).await)
    }

    /// A citizen of Aalborg registered by the Aalborg caseworker, who signs in as `login` (name
    /// "Borger <login>", insured in 3F when `group` is `insured_unemployed`); returns (id, token).
    pub async fn citizen(
        &self,
        world: &World,
        cpr: &str,
        login: &str,
        group: &str,
    ) -> (String, String) {
        let mut body = json!({
            "cpr": cpr, "name": format!("Borger {login}"), "municipality": "0851", "login": login,
            "target_group": group, "unemployed_since": "2026-09-01"
        });
        if group == "insured_unemployed" {
            body["unemployment_fund"] = json!("3F");
        }
        let r = self
            .post("/api/v1/citizens", Some(&world.aalborg), &body)
            .await;
        assert_eq!(r.status(), StatusCode::CREATED, "citizen {login}");
        let id = r.json::<Value>().await.expect("json")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        (id, self.token(login).await)
    }

    /// The staff member with `login`, as the store sees them acting.
    pub async fn staff_actor(&self, login: &str) -> Actor {
        let system = Actor::Admin {
            id: StaffId::try_from("system").expect("an id"),
            name: "System".into(),
        };
        let staff = self.store.staff_list(&system).await.expect("staff");
        let member = staff
            .iter()
            .find(|m| m.login == login)
            .expect("staff member");
        member.actor().expect("actor")
    }

    /// The citizen's first conversation, held in person with the staff member with the login
    /// `login` a month ago: the law's condition for meeting by phone or video (LAB § 33).
    pub async fn first_conversation_held(&self, login: &str, citizen: &str) {
        let staff = self.staff_actor(login).await;
        store::testing::first_conversation_held(&self.store, citizen, staff.id()).await;
    }

    /// A video meeting of the caller (staff) with `citizen`, in a new 30-minute slot starting
    /// `hours` from the store's clock, on a whole minute; returns the meeting's id. The citizen
    /// first gets a conversation held in person a month ago, as the law requires (LAB § 33).
    pub async fn video_meeting(&self, token: &str, citizen: &str, hours: i64) -> String {
        let at = self
            .store
            .now()
            .checked_add(jiff::SignedDuration::from_hours(hours))
            .expect("time");
        let start =
            jiff::Timestamp::from_second(at.as_second() - at.as_second() % 60).expect("time");
        let end = start
            .checked_add(jiff::SignedDuration::from_mins(30))
            .expect("time");
        let body = json!({"start": start.to_string(), "end": end.to_string(), "channels": ["video", "phone"]});
        let r = self.post("/api/v1/slots", Some(token), &body).await;
        assert_eq!(r.status(), StatusCode::CREATED, "slot");
        let slot = r.json::<Value>().await.expect("slot");
        let staff = slot["caseworker_id"].as_str().expect("caseworker");
        store::testing::first_conversation_held(&self.store, citizen, staff).await;
        let body = json!({"citizen_id": citizen, "slot_id": slot["id"], "channel": "video"});
        let r = self.post("/api/v1/meetings", Some(token), &body).await;
        assert_eq!(r.status(), StatusCode::CREATED, "meeting");
        r.json::<Value>().await.expect("meeting")["id"]
            .as_str()
            .expect("id")
            .to_owned()
    }
}
