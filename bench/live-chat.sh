#!/usr/bin/env bash
# Benchmark (issue 6): one `jobunivers` server process (SQLite, demo mode) with many WebSocket
# clients that have message threads open, and messages written over the API at a fixed rate;
# p50/p99 of the time from a message's POST to its arrival on each open socket, and the
# server's memory per connection. The same workload against a minimal broadcast server (per-
# thread channels, no authentication, no database) in the same run is the baseline.
#
#   bench/live-chat.sh [clients] [messages/s] [seconds]     (default 10000 1000 10)
#
# The load generator is crates/server/benches/live_chat.rs; it shares the two cores with the
# server, as the DESIGN.md baselines do.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS="${1:-10000}"
RATE="${2:-1000}"
SECS="${3:-10}"
PORT=18282
BASE_PORT=18283

# 10,000 clients in this process and their 10,000 ends in the server's: raise the soft limit
# on open files to the hard one (20,000 on these machines).
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((CLIENTS + 1000)) ]; then
  echo "open-file limit $(ulimit -n) is too low for $CLIENTS clients" >&2; exit 1
fi

cargo build --release -p jobunivers --quiet
LOAD=$(cargo bench -p server --bench live_chat --no-run 2>&1 | grep -o 'target/release/deps/live_chat-[0-9a-f]*' | head -1)
[ -d node_modules/dkfds ] || npm ci --no-audit --no-fund

WORK=$(mktemp -d)
trap 'kill $SERVER $BASELINE 2>/dev/null || true; rm -rf "$WORK"' EXIT
SERVER=""
BASELINE=""

env -u DATABASE_URL JOBUNIVERS_LOG=warn ./target/release/jobunivers demo --listen "127.0.0.1:$PORT" --data "$WORK/data" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
"$LOAD" --url "http://127.0.0.1:$PORT" --server-pid "$SERVER" --clients "$CLIENTS" --rate "$RATE" --seconds "$SECS"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true

"$LOAD" --serve-baseline "127.0.0.1:$BASE_PORT" &
BASELINE=$!
for _ in $(seq 1 50); do (echo > "/dev/tcp/127.0.0.1/$BASE_PORT") 2>/dev/null && break; sleep 0.1; done
"$LOAD" --baseline "http://127.0.0.1:$BASE_PORT" --server-pid "$BASELINE" --clients "$CLIENTS" --rate "$RATE" --seconds "$SECS"
