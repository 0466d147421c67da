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
# server, as the DESIGN.md baselines do. It runs on SQLite, then on a fresh PostgreSQL database
# (JOBUNIVERS_TEST_POSTGRES, default the local server), each with its own baseline.
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

PG="${JOBUNIVERS_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}"
DB="bench_chat_$$"
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; psql "$PG" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1; rm -rf "$WORK"' EXIT
SERVER=""

run_backend() {
  local name="$1" url="$2"
  echo "== $name"
  DATABASE_URL="$url" JOBUNIVERS_LOG=warn ./target/release/jobunivers demo --listen "127.0.0.1:$PORT" --data "$WORK/data-$name" > "$WORK/server-$name.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  "$LOAD" --url "http://127.0.0.1:$PORT" --citizens "$CITIZENS" --staff "$STAFF" --seconds "$SECS"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
}

run_backend sqlite "sqlite://$WORK/bench.db"
psql "$PG" -qc "CREATE DATABASE $DB" >/dev/null
run_backend postgres "${PG%/*}/$DB"
