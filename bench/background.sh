#!/usr/bin/env bash
# Benchmark (issue 22 item 6): requests while the background work after a bulk load runs.
#
# A fresh PostgreSQL database gets a generated world (`jobunivers national-seed`: CITIZENS
# citizens in MUNICIPALITIES municipalities, MEETINGS meetings each). A bulk load leaves the
# report's day counts to be made and every worklist case to be decided, so the server started
# on it has minutes of background work (store/src/background.rs). Meanwhile and afterwards, in
# windows of WINDOW seconds, wrk asks for one caseworker's worklist (`GET /api/v1/worklist`, 16
# connections) and reports p50/p99 and requests/s per window; the windows after the background
# work is done are the baseline of the same run. Target: the worklist's p99 stays under 50 ms
# (the caseworker's worklist target) while the background work runs.
#
#   bench/background.sh [citizens] [municipalities] [meetings]   (defaults 200000 20 20)
#   WINDOW=10 BACKEND=sqlite bench/background.sh                  (SQLite in a temporary folder)
#   BIN=/tmp/jobunivers-before bench/background.sh                (measure another build as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
CITIZENS="${1:-200000}"
TOWNS="${2:-20}"
MEETINGS="${3:-20}"
WINDOW="${WINDOW:-10}"
BACKEND="${BACKEND:-postgres}"
PG="${JOBUNIVERS_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}"
PORT=18185
URL="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
BIN="${BIN:-}"
if [ -z "$BIN" ]; then
  cargo build --release -p jobunivers --quiet
  BIN=./target/release/jobunivers
fi
[ -d node_modules/dkfds ] || npm ci --no-audit --no-fund >/dev/null

WORK=$(mktemp -d)
DB="ju_bench_bg_$$"
cleanup() {
  kill "${SERVER:-}" 2>/dev/null || true
  [ "$BACKEND" = postgres ] && psql "$PG" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ "$BACKEND" = postgres ]; then
  psql "$PG" -qc "CREATE DATABASE $DB" >/dev/null
  export DATABASE_URL="${PG%/*}/$DB"
  pending() { psql "$DATABASE_URL" -Atqc "SELECT (SELECT COUNT(*) FROM worklist_marks) + (SELECT CASE WHEN counted = 1 THEN 0 ELSE 1 END FROM report_state)"; }
else
  unset DATABASE_URL
  pending() { sqlite3 "$WORK/data/jobunivers.db" "SELECT (SELECT COUNT(*) FROM worklist_marks) + (SELECT CASE WHEN counted = 1 THEN 0 ELSE 1 END FROM report_state)"; }
fi

echo "generating $CITIZENS citizens in $TOWNS municipalities, $MEETINGS meetings each ($BACKEND)"
t0=$SECONDS
# The demo's world first (its sign-in and organisations), then the generated one beside it.
$BIN demo --seed-only --data "$WORK/data" >/dev/null 2>&1
$BIN national-seed --data "$WORK/data" --citizens "$CITIZENS" --municipalities "$TOWNS" --meetings "$MEETINGS" 2>/dev/null
echo "generated in $((SECONDS - t0)) s; cases and report days waiting: $(pending)"

JOBUNIVERS_LOG=warn $BIN demo --listen "127.0.0.1:$PORT" --data "$WORK/data" > "$WORK/server.log" 2>&1 &
SERVER=$!
t0=$SECONDS
for _ in $(seq 1 1500); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$URL/healthz" >/dev/null || { echo "the server did not start:"; tail -20 "$WORK/server.log"; exit 1; }
echo "server up after $((SECONDS - t0)) s"
token=$(curl -sf -X POST "$URL/api/v1/dev/session" -H 'content-type: application/json' -d '{"login":"jk1000.0"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
cat > "$WORK/auth.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
LUA
p99() { awk '$1=="99%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } printf "%.1f", v }' "$1"; }
p50() { awk '$1=="50%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } printf "%.1f", v }' "$1"; }
rps() { awk '/Requests\/sec/ { printf "%.0f", $2 }' "$1"; }

started=$SECONDS
after=0
window=0
while [ "$after" -lt 3 ]; do
  waiting=$(pending)
  TOKEN="$token" wrk -t2 -c16 -d"${WINDOW}s" --latency -s "$WORK/auth.lua" "$URL/api/v1/worklist" > "$WORK/w.txt"
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/w.txt")
  state="background work running ($waiting waiting at the start)"
  [ "$waiting" = 0 ] && { state="baseline: background work done"; after=$((after + 1)); }
  window=$((window + 1))
  printf '%4ds  worklist p50 %6s ms  p99 %6s ms  %6s req/s  %s %s\n' "$((SECONDS - started))" "$(p50 "$WORK/w.txt")" "$(p99 "$WORK/w.txt")" "$(rps "$WORK/w.txt")" "$state" "$errors"
done
