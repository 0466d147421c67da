#!/usr/bin/env bash
# Benchmark (issue 21): one `jobunivers` server process (SQLite, demo mode) with 1,000 citizens
# queued for the chat and 50 staff on duty, every citizen's thread open on a WebSocket.
# Measures, in one run: live-message delivery before anyone queues (the baseline); the same
# messages in taken chats while staff take and end chats; how long a waiting citizen takes to
# learn their new place after each take (the socket's frame, and the re-read that shows it);
# and the self-help search over 2,000 answers against GET /healthz.
#
#   bench/chat-queue.sh [citizens] [staff] [seconds]     (default 1000 50 15)
#
# The load generator is crates/server/benches/chat_queue.rs; it shares the two cores with the
# server, as the DESIGN.md baselines do. Add DATABASE_URL=postgres://… to run it on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
CITIZENS="${1:-1000}"
STAFF="${2:-50}"
SECS="${3:-15}"
PORT=18290

ulimit -n "$(ulimit -Hn)"
cargo build --release -p jobunivers --quiet
LOAD=$(cargo bench -p server --bench chat_queue --no-run 2>&1 | grep -o 'target/release/deps/chat_queue-[0-9a-f]*' | head -1)
[ -d node_modules/dkfds ] || npm ci --no-audit --no-fund

WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
SERVER=""
JOBUNIVERS_LOG=warn ./target/release/jobunivers demo --listen "127.0.0.1:$PORT" --data "$WORK/data" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
"$LOAD" --url "http://127.0.0.1:$PORT" --citizens "$CITIZENS" --staff "$STAFF" --seconds "$SECS"
