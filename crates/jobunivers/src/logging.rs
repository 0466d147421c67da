//! Structured logs to standard error: human-readable text by default, one JSON object per line
//! with `JOBUNIVERS_LOG_FORMAT=json` (for a log collector). Each request's lines carry its id.

use tracing_subscriber::EnvFilter;

use crate::config::LogConfig;

pub fn init(config: &LogConfig) {
    let filter = EnvFilter::try_new(&config.filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second init (in tests) is harmless; ignore it.
    let _ = if config.json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
