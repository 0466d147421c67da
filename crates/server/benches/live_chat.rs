//! Load generator for `bench/live-chat.sh` (issue 6): many WebSocket clients with message threads
//! open, and messages written over HTTP at a fixed rate; measures how long a message takes from
//! the POST being sent to its arrival on each open socket.
//!
//! Two targets, measured the same way in the same run:
//! - `--url URL`: a running `jobunivers` server (authenticated sockets, messages stored on disk,
//!   the audit log, notices, read through the thread view);
//! - `--baseline URL`: the minimal broadcast server this program also serves with
//!   `--serve-baseline ADDR` (per-thread broadcast channels, no authentication, no database).
//!
//! Each thread has two viewers (as a caseworker and a citizen would), so `--clients 10000` means
//! 5,000 threads and two deliveries per message. Writers take turns so that nobody exceeds the
//! per-person rate limit.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::ws::{Message as WsMessage, WebSocketUpgrade};
use axum::extract::{Path, State};
use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::sync::{Semaphore, broadcast};
use tokio_tungstenite::tungstenite::Message as Frame;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

struct Args {
    url: Option<String>,
    baseline: Option<String>,
    serve_baseline: Option<String>,
    clients: usize,
    rate: usize,
    seconds: u64,
    server_pid: Option<u32>,
}

fn args() -> Args {
    let mut a = Args {
        url: None,
        baseline: None,
        serve_baseline: None,
        clients: 10_000,
        rate: 1_000,
        seconds: 10,
        server_pid: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().expect("a value after the flag");
        match flag.as_str() {
            "--url" => a.url = Some(value()),
            "--baseline" => a.baseline = Some(value()),
            "--serve-baseline" => a.serve_baseline = Some(value()),
            "--clients" => a.clients = value().parse().expect("number"),
            "--rate" => a.rate = value().parse().expect("number"),
            "--seconds" => a.seconds = value().parse().expect("number"),
            "--server-pid" => a.server_pid = Some(value().parse().expect("pid")),
            _ => {} // cargo bench passes --bench
        }
    }
    a
}

/// Resident memory of a process in KiB.
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)] as f64 / 1000.0
}

// --- the minimal baseline server ---

type Channels = Arc<Mutex<HashMap<String, broadcast::Sender<String>>>>;

fn channel(channels: &Channels, thread: &str) -> broadcast::Sender<String> {
    let mut map = channels.lock().expect("lock");
    map.entry(thread.to_owned())
        .or_insert_with(|| broadcast::channel(64).0)
        .clone()
}

async fn serve_baseline(addr: &str) {
    let channels: Channels = Arc::default();
    let app = axum::Router::new()
        .route(
            "/ws/{thread}",
            axum::routing::get(
                |State(c): State<Channels>, Path(thread): Path<String>, ws: WebSocketUpgrade| async move {
                    let mut rx = channel(&c, &thread).subscribe();
                    ws.on_upgrade(move |mut socket| async move {
                        while let Ok(text) = rx.recv().await {
                            if socket.send(WsMessage::Text(text.into())).await.is_err() {
                                break;
                            }
                        }
                    })
                },
            ),
        )
        .route(
            "/send/{thread}",
            axum::routing::post(
                |State(c): State<Channels>, Path(thread): Path<String>, body: String| async move {
                    let _ = channel(&c, &thread).send(body);
                    "ok"
                },
            ),
        )
        .with_state(channels);
    let listener = tokio::net::TcpListener::bind(addr).await.expect("bind");
    axum::serve(listener, app).await.expect("serve");
}

// --- the workload ---

/// What each thread needs: where its sockets connect, and how to write in it.
struct Target {
    socket_url: String,
    post_url: String,
    token: Option<String>,
}

async fn setup_jobunivers(http: &reqwest::Client, url: &str, threads: usize) -> Vec<Target> {
    let http = http.clone();
    let post = move |path: String, token: Option<String>, body: Value| {
        let http = http.clone();
        async move {
            let mut req = http.post(path).json(&body);
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            req.send()
                .await
                .expect("send")
                .json::<Value>()
                .await
                .expect("json")
        }
    };
    let admin = post(
        format!("{url}/api/v1/dev/session"),
        None,
        json!({"login": "admin"}),
    )
    .await["token"]
        .as_str()
        .expect("admin token")
        .to_owned();
    let gate = Arc::new(Semaphore::new(32));
    let mut tasks = Vec::new();
    for i in 0..threads {
        let (gate, post, admin, url) = (gate.clone(), post.clone(), admin.clone(), url.to_owned());
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire().await.expect("gate");
            // Born 1 January 1950 + i days: a valid, unique CPR number per citizen.
            let born = jiff::civil::date(1950, 1, 1)
                .checked_add(jiff::Span::new().days(i64::try_from(i).expect("small")))
                .expect("date");
            let cpr = format!("{}{}", born.strftime("%d%m%y"), 7000 + i % 1000);
            let citizen = post(
                format!("{url}/api/v1/citizens"),
                Some(admin.clone()),
                json!({"cpr": cpr, "name": format!("Bench Borger {i}"), "municipality": "0851",
                       "target_group": "job_ready_cash_benefit", "unemployed_since": "2026-06-01"}),
            )
            .await;
            let login = format!("bench.jk{i}");
            post(
                format!("{url}/api/v1/staff"),
                Some(admin.clone()),
                json!({"login": login, "name": format!("Bench Jobkonsulent {i}"), "role": "caseworker", "municipality": "0851"}),
            )
            .await;
            let token = post(format!("{url}/api/v1/dev/session"), None, json!({"login": login})).await["token"]
                .as_str()
                .expect("token")
                .to_owned();
            let id = citizen["id"].as_str().expect("citizen id").to_owned();
            Target {
                socket_url: format!("{}/live/citizens/{id}/messages", url.replace("http://", "ws://")),
                post_url: format!("{url}/api/v1/citizens/{id}/messages"),
                token: Some(token),
            }
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("setup"));
    }
    out
}

fn setup_baseline(url: &str, threads: usize) -> Vec<Target> {
    (0..threads)
        .map(|i| Target {
            socket_url: format!("{}/ws/t{i}", url.replace("http://", "ws://")),
            post_url: format!("{url}/send/t{i}"),
            token: None,
        })
        .collect()
}

struct Report {
    connect_secs: f64,
    sent: usize,
    delivered: usize,
    latencies: Vec<u64>,
    post_latencies: Vec<u64>,
    kib_per_connection: Option<f64>,
}

async fn run(
    targets: Arc<Vec<Target>>,
    clients: usize,
    rate: usize,
    seconds: u64,
    pid: Option<u32>,
    jobunivers: bool,
) -> Report {
    let latencies: Arc<Mutex<Vec<u64>>> = Arc::default();
    let rss_before = pid.and_then(rss_kib);
    let started = Instant::now();
    let gate = Arc::new(Semaphore::new(200));
    let mut readers = Vec::new();
    for c in 0..clients {
        let target = &targets[c / 2];
        let mut request = target
            .socket_url
            .clone()
            .into_client_request()
            .expect("request");
        if let Some(t) = &target.token {
            request.headers_mut().insert(
                "authorization",
                format!("Bearer {t}").parse().expect("header"),
            );
        }
        let permit = gate.clone().acquire_owned().await.expect("gate");
        let (mut socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("connect");
        drop(permit);
        let latencies = latencies.clone();
        readers.push(tokio::spawn(async move {
            while let Some(Ok(frame)) = socket.next().await {
                let Frame::Text(text) = frame else { continue };
                let body = if jobunivers {
                    let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                    v["message"]["body"].as_str().unwrap_or_default().to_owned()
                } else {
                    text.to_string()
                };
                if let Some(sent) = body
                    .strip_prefix("bench ")
                    .and_then(|s| s.parse::<u64>().ok())
                {
                    let latency = now_micros().saturating_sub(sent);
                    latencies.lock().expect("lock").push(latency);
                }
            }
        }));
    }
    let connect_secs = started.elapsed().as_secs_f64();
    // Let the server settle before measuring its memory.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let kib_per_connection = match (rss_before, pid.and_then(rss_kib)) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a) as f64 / clients as f64),
        _ => None,
    };

    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(512)
        .build()
        .expect("client");
    let post_latencies: Arc<Mutex<Vec<u64>>> = Arc::default();
    let in_flight = Arc::new(Semaphore::new(512));
    let total = rate * usize::try_from(seconds).expect("small");
    let threads = targets.len();
    let tick = Duration::from_millis(10);
    let per_tick = (rate / 100).max(1);
    let mut interval = tokio::time::interval(tick);
    let mut sent = 0;
    let mut posts = Vec::new();
    while sent < total {
        interval.tick().await;
        for _ in 0..per_tick.min(total - sent) {
            let target = &targets[sent % threads];
            let mut req = http.post(&target.post_url);
            let body = format!("bench {}", now_micros());
            req = if jobunivers {
                req.json(&json!({ "body": body }))
            } else {
                req.body(body)
            };
            if let Some(t) = &target.token {
                req = req.bearer_auth(t);
            }
            let permit = in_flight.clone().acquire_owned().await.expect("permit");
            let post_latencies = post_latencies.clone();
            posts.push(tokio::spawn(async move {
                let t0 = Instant::now();
                let ok = req.send().await.is_ok_and(|r| r.status().is_success());
                drop(permit);
                if ok {
                    post_latencies
                        .lock()
                        .expect("lock")
                        .push(u64::try_from(t0.elapsed().as_micros()).unwrap_or(u64::MAX));
                }
            }));
            sent += 1;
        }
    }
    for p in posts {
        let _ = p.await;
    }
    // Late deliveries count too; then stop the readers.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for r in &readers {
        r.abort();
    }
    for r in readers {
        let _ = r.await;
    }
    let mut latencies = std::mem::take(&mut *latencies.lock().expect("lock"));
    latencies.sort_unstable();
    let mut post_latencies = std::mem::take(&mut *post_latencies.lock().expect("lock"));
    post_latencies.sort_unstable();
    Report {
        connect_secs,
        sent,
        delivered: latencies.len(),
        latencies,
        post_latencies,
        kib_per_connection,
    }
}

fn print(name: &str, r: &Report, clients: usize) {
    println!(
        "{name}: {clients} sockets connected in {:.1} s; {} messages sent, {} of {} deliveries; \
         delivery p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; POST p50 {:.1} ms, p99 {:.1} ms; {}",
        r.connect_secs,
        r.sent,
        r.delivered,
        r.sent * 2,
        percentile(&r.latencies, 0.5),
        percentile(&r.latencies, 0.99),
        percentile(&r.latencies, 1.0),
        percentile(&r.post_latencies, 0.5),
        percentile(&r.post_latencies, 0.99),
        r.kib_per_connection.map_or_else(
            || "memory not measured".to_owned(),
            |k| format!("{k:.1} KiB server memory per socket")
        ),
    );
}

#[tokio::main]
async fn main() {
    let a = args();
    if let Some(addr) = a.serve_baseline {
        serve_baseline(&addr).await;
        return;
    }
    let threads = a.clients.div_ceil(2);
    let http = reqwest::Client::new();
    if let Some(url) = &a.url {
        let targets = Arc::new(setup_jobunivers(&http, url, threads).await);
        let r = run(targets, a.clients, a.rate, a.seconds, a.server_pid, true).await;
        print("jobunivers", &r, a.clients);
    }
    if let Some(url) = &a.baseline {
        let targets = Arc::new(setup_baseline(url, threads));
        let r = run(targets, a.clients, a.rate, a.seconds, a.server_pid, false).await;
        print("baseline", &r, a.clients);
    }
}
