//! Request counts and latency by route, in Prometheus text format at `/metrics`, and the gauges
//! of the store. Written by hand rather than with a metrics crate: a few atomics per route are
//! all we need, and the hot path takes only a read lock once a route has been seen. Labels are
//! bounded by construction: the route is the matched route template (a route layer never sees
//! an unmatched path), the method one of the standard ones or `other` (20 requests with 2 KB
//! custom methods once added 320 series forever), the status a number.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

#[derive(Default)]
struct Series {
    count: AtomicU64,
    sum_micros: AtomicU64,
    buckets: [AtomicU64; BUCKETS.len()],
}

type Key = (String, String, u16);

#[derive(Default)]
pub struct Metrics {
    series: RwLock<HashMap<Key, Arc<Series>>>,
    /// Open WebSocket connections (live message threads).
    live_connections: std::sync::atomic::AtomicI64,
}

impl Metrics {
    /// A live connection opened (`1`) or closed (`-1`).
    pub fn live_connection(&self, change: i64) {
        self.live_connections.fetch_add(change, Ordering::Relaxed);
    }

    fn series(&self, key: Key) -> Option<Arc<Series>> {
        if let Some(s) = self.series.read().ok()?.get(&key) {
            return Some(s.clone());
        }
        let mut all = self.series.write().ok()?;
        Some(all.entry(key).or_default().clone())
    }

    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let Some(series) = self.series((method.to_owned(), route.to_owned(), status)) else {
            return;
        };
        series.count.fetch_add(1, Ordering::Relaxed);
        // Whole microseconds; a request longer than 584,000 years saturates.
        series
            .sum_micros
            .fetch_add((seconds * 1e6) as u64, Ordering::Relaxed);
        for (bound, bucket) in BUCKETS.iter().zip(&series.buckets) {
            if seconds <= *bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Prometheus text exposition format 0.0.4.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP http_requests_total HTTP requests by method, route and status.\n");
        out.push_str("# TYPE http_requests_total counter\n");
        let Ok(all) = self.series.read() else {
            return out;
        };
        let mut keys: Vec<&Key> = all.keys().collect();
        keys.sort();
        for key @ (method, route, status) in &keys {
            let s = &all[*key];
            let _ = writeln!(
                out,
                "http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {}",
                s.count.load(Ordering::Relaxed)
            );
        }
        out.push_str(
            "# HELP http_request_duration_seconds Time to answer, by method, route and status.\n",
        );
        out.push_str("# TYPE http_request_duration_seconds histogram\n");
        for key @ (method, route, status) in &keys {
            let s = &all[*key];
            let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{status}\"");
            for (bound, bucket) in BUCKETS.iter().zip(&s.buckets) {
                let _ = writeln!(
                    out,
                    "http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {}",
                    bucket.load(Ordering::Relaxed)
                );
            }
            let count = s.count.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {count}"
            );
            let sum = s.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
            let _ = writeln!(out, "http_request_duration_seconds_sum{{{labels}}} {sum}");
            let _ = writeln!(
                out,
                "http_request_duration_seconds_count{{{labels}}} {count}"
            );
        }
        out.push_str("# HELP live_connections Open WebSocket connections.\n");
        out.push_str("# TYPE live_connections gauge\n");
        let _ = writeln!(
            out,
            "live_connections {}",
            self.live_connections.load(Ordering::Relaxed)
        );
        out
    }
}

/// The method as a label: the standard ones by name, anything else `other`.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Appends the store's gauges and counters (`store::Gauges`), each with its Prometheus type.
pub fn render_gauges(out: &mut String, g: &store::Gauges) {
    let series: [(&str, &str, &str, String); 9] = [
        (
            "outbox_backlog",
            "gauge",
            "Notices not yet sent (outbox rows not done).",
            g.outbox_backlog.to_string(),
        ),
        (
            "audit_queue",
            "gauge",
            "Batches of access-log entries waiting to be written.",
            g.audit_queue.to_string(),
        ),
        (
            "db_read_pool_connections",
            "gauge",
            "Open connections of the read pool.",
            g.read_pool_size.to_string(),
        ),
        (
            "db_read_pool_idle",
            "gauge",
            "Idle connections of the read pool.",
            g.read_pool_idle.to_string(),
        ),
        (
            "db_write_pool_connections",
            "gauge",
            "Open connections of the write pool.",
            g.write_pool_size.to_string(),
        ),
        (
            "db_write_pool_idle",
            "gauge",
            "Idle connections of the write pool.",
            g.write_pool_idle.to_string(),
        ),
        (
            "booking_batches_total",
            "counter",
            "Transactions written by the bookings' group writer.",
            g.booking_batches.to_string(),
        ),
        (
            "booking_batch_rows_total",
            "counter",
            "Bookings tried in those transactions (rows per batch: this over the batches).",
            g.booking_batch_rows.to_string(),
        ),
        (
            "bookings_put_off_total",
            "counter",
            "Bookings put off to the next batch, their citizen held by another transaction.",
            g.bookings_put_off.to_string(),
        ),
    ];
    for (name, kind, help, value) in series {
        let _ = writeln!(
            out,
            "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}"
        );
    }
}

/// Middleware (as a route layer, so the matched route template is known).
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method()).to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counts_and_cumulative_buckets() {
        let m = Metrics::default();
        m.observe("GET", "/healthz", 200, 0.0002);
        m.observe("GET", "/healthz", 200, 0.003);
        let text = m.render();
        assert!(
            text.contains(
                "http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"
            )
        );
        assert!(text.contains("le=\"0.0005\"} 1"));
        assert!(text.contains("le=\"0.005\"} 2"));
        assert!(text.contains("le=\"+Inf\"} 2"));
    }
}
