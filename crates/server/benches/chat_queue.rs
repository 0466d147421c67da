//! Load generator for `bench/chat-queue.sh` (issue 21): one `jobunivers` server with 1,000
//! citizens queued for the chat and 50 staff on duty, each citizen's thread open on a socket.
//!
//! Measured against a running server, all in one run:
//! 1. **baseline**: live messages (staff writing in citizens' threads, delivery to the citizen's
//!    socket) before anyone queues — the live-message path as it was before the chat;
//! 2. **chat**: the same messages in taken chats, while staff take the next chat and end old
//!    ones every `--take-every-ms` and the other citizens wait; and the **queue-position
//!    update**: from a staff member's take (or end) being sent until each waiting citizen's
//!    socket has the `queue` frame, which carries the new place in words (the page shows it
//!    as it comes, asking nothing more);
//! 3. **self-help search**: `--answers` answers written over the API, then `--searches`
//!    searches by citizens with Danish word forms; `GET /healthz` the same number of times at
//!    the same concurrency is its baseline.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::sync::Semaphore;
use tokio_tungstenite::tungstenite::Message as Frame;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)] as f64 / 1000.0
}

struct Args {
    url: String,
    citizens: usize,
    staff: usize,
    seconds: u64,
    rate: usize,
    take_every_ms: u64,
    answers: usize,
    searches: usize,
}

fn args() -> Args {
    let mut a = Args {
        url: "http://127.0.0.1:18290".into(),
        citizens: 1000,
        staff: 50,
        seconds: 15,
        rate: 20,
        take_every_ms: 1000,
        answers: 2000,
        searches: 2000,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().expect("a value after the flag");
        match flag.as_str() {
            "--url" => a.url = value(),
            "--citizens" => a.citizens = value().parse().expect("number"),
            "--staff" => a.staff = value().parse().expect("number"),
            "--seconds" => a.seconds = value().parse().expect("number"),
            "--rate" => a.rate = value().parse().expect("number"),
            "--take-every-ms" => a.take_every_ms = value().parse().expect("number"),
            "--answers" => a.answers = value().parse().expect("number"),
            "--searches" => a.searches = value().parse().expect("number"),
            _ => {} // cargo bench passes --bench
        }
    }
    a
}

/// The API as one signed-in person uses it.
#[derive(Clone)]
struct Api {
    http: reqwest::Client,
    url: String,
}

impl Api {
    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut req = self.http.request(method, format!("{}{path}", self.url));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.expect("send");
        let status = r.status().as_u16();
        let text = r.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Value {
        let (status, v) = self
            .send(reqwest::Method::POST, path, token, Some(body))
            .await;
        assert!(status < 300, "POST {path}: {status} {v}");
        v
    }

    async fn token(&self, login: &str) -> String {
        self.post("/api/v1/dev/session", None, json!({ "login": login }))
            .await["token"]
            .as_str()
            .expect("token")
            .to_owned()
    }
}

/// Runs `make(i)` for i in 0..n, `width` at a time, in order of i.
async fn each<T: Send + 'static, F>(n: usize, width: usize, make: impl Fn(usize) -> F) -> Vec<T>
where
    F: std::future::Future<Output = T> + Send + 'static,
{
    let gate = Arc::new(Semaphore::new(width));
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let permit = gate.clone().acquire_owned().await.expect("gate");
        let f = make(i);
        tasks.push(tokio::spawn(async move {
            let out = f.await;
            drop(permit);
            out
        }));
    }
    let mut out = Vec::with_capacity(n);
    for t in tasks {
        out.push(t.await.expect("task"));
    }
    out
}

/// Per staff member, their open chats as (chat id, citizen id), oldest first.
type OpenChats = Arc<Mutex<Vec<Vec<(String, String)>>>>;

struct Citizen {
    id: String,
    token: String,
}

/// What the sockets record.
#[derive(Default)]
struct Seen {
    baseline: Mutex<Vec<u64>>,
    chat: Mutex<Vec<u64>>,
    frame: Mutex<Vec<u64>>,
    /// Which phase deliveries count for: false baseline, true chat.
    queued: AtomicBool,
    /// Position updates are measured only in the chat phase.
    measuring: AtomicBool,
    /// When the latest take or end was sent (µs since the epoch).
    last_action: AtomicU64,
}

fn sorted(m: &Mutex<Vec<u64>>) -> Vec<u64> {
    let mut v = std::mem::take(&mut *m.lock().expect("lock"));
    v.sort_unstable();
    v
}

/// Posts `rate` messages a second for `seconds`, message k by staff k % staff in the thread
/// `thread(staff)` names (None: skipped).
async fn write_messages(
    api: &Api,
    staff: &[String],
    rate: usize,
    seconds: u64,
    thread: impl Fn(usize) -> Option<String>,
) -> usize {
    let total = rate * usize::try_from(seconds).expect("small");
    let mut interval = tokio::time::interval(Duration::from_millis(10));
    let per_tick = (rate / 100).max(1);
    let every = (100 / rate.max(1)).max(1);
    let (mut sent, mut tick) = (0, 0usize);
    let mut posts = Vec::new();
    while sent < total {
        interval.tick().await;
        tick += 1;
        if rate < 100 && tick % every != 0 {
            continue;
        }
        for _ in 0..per_tick.min(total - sent) {
            let s = sent % staff.len();
            sent += 1;
            let Some(citizen) = thread(s) else { continue };
            let (api, token) = (api.clone(), staff[s].clone());
            posts.push(tokio::spawn(async move {
                let body = json!({ "body": format!("bench {}", now_micros()) });
                api.send(
                    reqwest::Method::POST,
                    &format!("/api/v1/citizens/{citizen}/messages"),
                    Some(&token),
                    Some(body),
                )
                .await
            }));
        }
    }
    let mut ok = 0;
    for p in posts {
        if p.await.is_ok_and(|(s, _)| s < 300) {
            ok += 1;
        }
    }
    ok
}

const WORDS: [&str; 40] = [
    "booke",
    "samtale",
    "møde",
    "aflyse",
    "flytte",
    "syg",
    "ferie",
    "dagpenge",
    "kontanthjælp",
    "tolk",
    "bisidder",
    "adresse",
    "telefon",
    "video",
    "fremmøde",
    "jobcenter",
    "akasse",
    "cv",
    "jobnet",
    "kursus",
    "uddannelse",
    "praktik",
    "løntilskud",
    "job",
    "ansøgning",
    "rådighed",
    "sanktion",
    "brev",
    "post",
    "kalender",
    "plan",
    "kontaktforløb",
    "helbred",
    "læge",
    "attest",
    "barn",
    "pasning",
    "transport",
    "udland",
    "pension",
];

fn question(i: usize) -> (String, String) {
    let w = |k: usize| WORDS[(i * 7 + k * 13) % WORDS.len()];
    (
        format!("Hvordan {} jeg {} og {} nr. {i}?", w(0), w(1), w(2)),
        format!(
            "Du kan {} din {} under Mine samtaler. Husk {}, {} og {}. Spørg os om {}.",
            w(0),
            w(1),
            w(3),
            w(4),
            w(5),
            w(6)
        ),
    )
}

fn search_words(i: usize) -> String {
    let w = |k: usize| WORDS[(i * 11 + k * 17) % WORDS.len()];
    match i % 3 {
        0 => format!("{}de", w(0)),
        1 => format!("hvordan {} jeg {}", w(0), w(1)),
        _ => format!("{} {} {}", w(0), w(1), w(2)),
    }
}

async fn timed(
    api: &Api,
    n: usize,
    width: usize,
    path: impl Fn(usize) -> (String, Option<String>),
) -> Vec<u64> {
    let jobs: Vec<(String, Option<String>)> = (0..n).map(&path).collect();
    let jobs = Arc::new(jobs);
    let mut v = each(n, width, |i| {
        let (api, jobs) = (api.clone(), jobs.clone());
        async move {
            let (p, token) = &jobs[i];
            let t0 = Instant::now();
            let (status, _) = api
                .send(reqwest::Method::GET, p, token.as_deref(), None)
                .await;
            assert!(status < 300, "GET {p}: {status}");
            u64::try_from(t0.elapsed().as_micros()).unwrap_or(u64::MAX)
        }
    })
    .await;
    v.sort_unstable();
    v
}

#[tokio::main]
async fn main() {
    let a = args();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(512)
        .build()
        .expect("client");
    let api = Api {
        http,
        url: a.url.clone(),
    };
    // Monday 7 December 2026, 10:00 in Copenhagen (sessions begun before a jump of the clock
    // would have lapsed), and a chat open all day, every day.
    api.post(
        "/api/v1/dev/clock",
        None,
        json!({"now": "2026-12-07T09:00:00Z"}),
    )
    .await;
    let admin = api.token("admin").await;
    api.post(
        "/api/v1/municipalities",
        Some(&admin),
        json!({"code": "0461", "name": "Odense"}),
    )
    .await;
    let day = json!({"opens": "00:00", "closes": "23:59"});
    let week: serde_json::Map<String, Value> = server::api::chat::hours::DAY_NAMES
        .iter()
        .map(|d| ((*d).to_owned(), day.clone()))
        .collect();
    let (s, v) = api
        .send(
            reqwest::Method::PUT,
            "/api/v1/municipalities/0461/chat-hours",
            Some(&admin),
            Some(Value::Object(week)),
        )
        .await;
    assert!(s < 300, "hours: {s} {v}");

    let setup = Instant::now();
    let staff: Vec<String> = each(a.staff, 16, |i| {
        let (api, admin) = (api.clone(), admin.clone());
        async move {
            let login = format!("odense.chat{i}");
            api.post("/api/v1/staff", Some(&admin), json!({"login": login, "name": format!("Chat Medarbejder {i}"), "role": "caseworker", "municipality": "0461"})).await;
            api.token(&login).await
        }
    })
    .await;
    let citizens: Vec<Citizen> = each(a.citizens, 16, |i| {
        let (api, admin) = (api.clone(), admin.clone());
        async move {
            // Born 1 January 1940 + i days: a valid, unique CPR number per citizen.
            let born = jiff::civil::date(1940, 1, 1)
                .checked_add(jiff::Span::new().days(i64::try_from(i).expect("small")))
                .expect("date");
            let login = format!("odense.borger{i}");
            let made = api.post("/api/v1/citizens", Some(&admin), json!({"cpr": format!("{}{}", born.strftime("%d%m%y"), 4000 + i % 1000),
                "name": format!("Chat Borger {i}"), "municipality": "0461", "target_group": "job_ready_cash_benefit",
                "unemployed_since": "2026-11-02", "login": login})).await;
            Citizen { id: made["id"].as_str().expect("id").to_owned(), token: api.token(&login).await }
        }
    })
    .await;
    let citizens = Arc::new(citizens);
    println!(
        "set up {} staff and {} citizens in {:.1} s",
        staff.len(),
        citizens.len(),
        setup.elapsed().as_secs_f64()
    );

    // Every citizen's thread open on a socket; a `chat` frame makes them re-read their place.
    let seen = Arc::new(Seen::default());
    let ws_url = a.url.replace("http://", "ws://");
    let mut readers = Vec::new();
    for c in citizens.iter() {
        let mut request = format!("{ws_url}/live/citizens/{}/messages", c.id)
            .into_client_request()
            .expect("request");
        request.headers_mut().insert(
            "authorization",
            format!("Bearer {}", c.token).parse().expect("header"),
        );
        let (mut socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("connect");
        let seen = seen.clone();
        readers.push(tokio::spawn(async move {
            while let Some(Ok(frame)) = socket.next().await {
                let Frame::Text(text) = frame else { continue };
                let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                match v["type"].as_str() {
                    Some("message") => {
                        let body = v["message"]["body"].as_str().unwrap_or_default();
                        if let Some(sent) = body
                            .strip_prefix("bench ")
                            .and_then(|s| s.parse::<u64>().ok())
                        {
                            let into = if seen.queued.load(Ordering::Relaxed) {
                                &seen.chat
                            } else {
                                &seen.baseline
                            };
                            into.lock()
                                .expect("lock")
                                .push(now_micros().saturating_sub(sent));
                        }
                    }
                    // The queue moved: the frame carries the citizen's new place.
                    Some("queue") if seen.measuring.load(Ordering::Relaxed) => {
                        let since = seen.last_action.load(Ordering::Relaxed);
                        if v["status"].as_str().is_some_and(|s| !s.is_empty()) {
                            seen.frame
                                .lock()
                                .expect("lock")
                                .push(now_micros().saturating_sub(since));
                        }
                    }
                    _ => {}
                }
            }
        }));
    }
    println!("{} sockets open", readers.len());

    // 1. Baseline: staff s writes in citizen s's thread; nobody queues yet.
    let ids: Vec<String> = citizens.iter().map(|c| c.id.clone()).collect();
    let sent = write_messages(&api, &staff, a.rate, a.seconds, |s| Some(ids[s].clone())).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let baseline = sorted(&seen.baseline);
    println!(
        "baseline live messages: {sent} sent, {} delivered; delivery p50 {:.1} ms, p99 {:.1} ms",
        baseline.len(),
        percentile(&baseline, 0.5),
        percentile(&baseline, 0.99)
    );

    // 2. Everyone on duty, everyone queued; each staff member takes one chat.
    seen.queued.store(true, Ordering::Relaxed);
    each(staff.len(), 16, |s| {
        let (api, token) = (api.clone(), staff[s].clone());
        async move {
            api.send(
                reqwest::Method::PUT,
                "/api/v1/chat/duty",
                Some(&token),
                Some(json!({"on_duty": true})),
            )
            .await
        }
    })
    .await;
    let queued = Instant::now();
    each(citizens.len(), 16, |i| {
        let (api, citizens) = (api.clone(), citizens.clone());
        async move {
            let c = &citizens[i];
            api.post(
                &format!("/api/v1/citizens/{}/chat", c.id),
                Some(&c.token),
                json!({}),
            )
            .await
        }
    })
    .await;
    println!(
        "{} citizens queued in {:.1} s",
        citizens.len(),
        queued.elapsed().as_secs_f64()
    );
    let open: OpenChats = Arc::new(Mutex::new(vec![Vec::new(); staff.len()]));
    let take = {
        let (api, staff, open, seen) = (api.clone(), staff.clone(), open.clone(), seen.clone());
        move |s: usize| {
            let (api, token, open, seen) =
                (api.clone(), staff[s].clone(), open.clone(), seen.clone());
            async move {
                let oldest = {
                    let mine = &open.lock().expect("lock")[s];
                    (mine.len() >= 3).then(|| mine[0].clone())
                };
                if let Some((chat, _)) = oldest {
                    seen.last_action.store(now_micros(), Ordering::Relaxed);
                    api.post(
                        &format!("/api/v1/chats/{chat}/end"),
                        Some(&token),
                        json!({"conversation": true}),
                    )
                    .await;
                    open.lock().expect("lock")[s].remove(0);
                }
                seen.last_action.store(now_micros(), Ordering::Relaxed);
                let (status, chat) = api
                    .send(
                        reqwest::Method::POST,
                        "/api/v1/chat/next",
                        Some(&token),
                        None,
                    )
                    .await;
                if status == 200 {
                    let pair = (
                        chat["id"].as_str().unwrap_or_default().to_owned(),
                        chat["citizen_id"].as_str().unwrap_or_default().to_owned(),
                    );
                    open.lock().expect("lock")[s].push(pair);
                }
            }
        }
    };
    for s in 0..staff.len() {
        take(s).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;

    // 3. Messages in the taken chats while staff go on taking and ending.
    seen.measuring.store(true, Ordering::Relaxed);
    let stop = Arc::new(AtomicBool::new(false));
    let taker = {
        let (stop, every, staff_n) = (stop.clone(), a.take_every_ms, staff.len());
        let take = take.clone();
        tokio::spawn(async move {
            let mut round = 0;
            let mut interval = tokio::time::interval(Duration::from_millis(every));
            interval.tick().await;
            while !stop.load(Ordering::Relaxed) {
                interval.tick().await;
                take(round % staff_n).await;
                round += 1;
            }
            round
        })
    };
    let latest = open.clone();
    let sent = write_messages(&api, &staff, a.rate, a.seconds, move |s| {
        latest.lock().expect("lock")[s]
            .last()
            .map(|(_, citizen)| citizen.clone())
    })
    .await;
    stop.store(true, Ordering::Relaxed);
    let rounds = taker.await.expect("taker");
    tokio::time::sleep(Duration::from_secs(3)).await;
    seen.measuring.store(false, Ordering::Relaxed);
    let chat = sorted(&seen.chat);
    let frame = sorted(&seen.frame);
    println!(
        "chat messages with {} queued and {} on duty: {sent} sent, {} delivered; delivery p50 {:.1} ms, p99 {:.1} ms ({:.2}× the baseline's p99)",
        citizens.len(),
        staff.len(),
        chat.len(),
        percentile(&chat, 0.5),
        percentile(&chat, 0.99),
        percentile(&chat, 0.99) / percentile(&baseline, 0.99)
    );
    println!(
        "queue-position updates after {rounds} takes or ends: {} new places shown, p50 {:.1} ms, p99 {:.1} ms ({:.2}× the baseline's p99)",
        frame.len(),
        percentile(&frame, 0.5),
        percentile(&frame, 0.99),
        percentile(&frame, 0.99) / percentile(&baseline, 0.99)
    );
    for r in &readers {
        r.abort();
    }

    // 4. Self-help search over `answers` answers.
    let writer = staff[0].clone();
    let made = Instant::now();
    each(a.answers, 16, |i| {
        let (api, token) = (api.clone(), writer.clone());
        async move {
            let (question, answer) = question(i);
            api.post(
                "/api/v1/help-answers",
                Some(&token),
                json!({"question": question, "answer": answer}),
            )
            .await
        }
    })
    .await;
    println!(
        "{} answers written in {:.1} s",
        a.answers,
        made.elapsed().as_secs_f64()
    );
    let c0 = &citizens[0];
    let first = Instant::now();
    api.send(
        reqwest::Method::GET,
        &format!("/api/v1/citizens/{}/help?q=booke", c0.id),
        Some(&c0.token),
        None,
    )
    .await;
    println!(
        "first search (builds the index) {:.1} ms",
        first.elapsed().as_secs_f64() * 1000.0
    );
    let cs = citizens.clone();
    let search = timed(&api, a.searches, 8, move |i| {
        let c = &cs[i % cs.len()];
        let q = search_words(i).replace(' ', "%20");
        (
            format!("/api/v1/citizens/{}/help?q={q}", c.id),
            Some(c.token.clone()),
        )
    })
    .await;
    let health = timed(&api, a.searches, 8, |_| ("/healthz".to_owned(), None)).await;
    println!(
        "self-help search over {} answers: p50 {:.2} ms, p99 {:.2} ms; GET /healthz p50 {:.2} ms, p99 {:.2} ms ({:.2}× its p99)",
        a.answers,
        percentile(&search, 0.5),
        percentile(&search, 0.99),
        percentile(&health, 0.5),
        percentile(&health, 0.99),
        percentile(&search, 0.99) / percentile(&health, 0.99)
    );
}
