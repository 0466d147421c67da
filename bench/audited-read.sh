#!/usr/bin/env bash
# Benchmark (issue 2): an authenticated, audited GET /api/v1/citizens/{id} against GET /healthz
# in the same run, 64 concurrent connections on loopback with wrk, on SQLite and PostgreSQL.
# Every audited read's log entry is durable (committed, synchronous=FULL on SQLite) before the
# response is sent; entries are committed in groups.
#
#   bench/audited-read.sh [seconds]      (default 15; needs wrk: apt-get install wrk)
#
# Prints requests/s and p99 per case and the audited read as a share of healthz.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-15}"
PG="${JOBUNIVERS_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}"
PORT=18181
URL="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cargo build --release -p jobunivers --quiet
[ -d node_modules/dkfds ] || npm ci --no-audit --no-fund

WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

cat > "$WORK/auth.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
LUA

# wrk --latency prints "99%  1.23ms"; turn it into milliseconds.
p99() { awk '$1=="99%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } printf "%.2f", v }' "$1"; }
rps() { awk '/Requests\/sec/ { printf "%.0f", $2 }' "$1"; }

run_backend() {
  local name="$1" url="$2"
  DATABASE_URL="$url" JOBUNIVERS_LOG=warn ./target/release/jobunivers demo --listen "127.0.0.1:$PORT" --data "$WORK/data-$name" > "$WORK/server-$name.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.2; done
  local admin token id
  admin=$(curl -sf -X POST "$URL/api/v1/dev/session" -H 'content-type: application/json' -d '{"login":"admin"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  id=$(curl -sf -X POST "$URL/api/v1/citizens" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
      -d '{"cpr":"0101701234","name":"Bench Mark","municipality":"0851","target_group":"insured_unemployed","unemployed_since":"2026-01-05"}' \
      | sed 's/.*"id":"\([^"]*\)".*/\1/')
  token=$(curl -sf -X POST "$URL/api/v1/dev/session" -H 'content-type: application/json' -d '{"login":"aalborg.jk1"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  wrk -t2 -c64 -d2s "$URL/healthz" >/dev/null  # warm-up
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency "$URL/healthz" > "$WORK/healthz-$name.txt"
  TOKEN="$token" wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/auth.lua" "$URL/api/v1/citizens/$id" > "$WORK/read-$name.txt"
  local audited
  audited=$(curl -sf "$URL/api/v1/citizens/$id/access-log" -H "authorization: Bearer $admin" | grep -o '"citizen.read"' | wc -l)
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  if grep -q "Non-2xx" "$WORK/read-$name.txt"; then echo "$name: some audited reads failed:"; cat "$WORK/read-$name.txt"; fi
  local h r
  h=$(rps "$WORK/healthz-$name.txt"); r=$(rps "$WORK/read-$name.txt")
  printf '%-10s healthz %8s req/s p99 %6s ms | audited read %8s req/s p99 %6s ms | ratio %5.1f %% | audit rows (last 1000 shown) %s\n' \
    "$name" "$h" "$(p99 "$WORK/healthz-$name.txt")" "$r" "$(p99 "$WORK/read-$name.txt")" "$(echo "100*$r/$h" | bc -l)" "$audited"
}

echo "64 connections, ${SECONDS_PER_RUN}s each, $(nproc) cores, wrk and server on the same machine"
run_backend sqlite "sqlite://$WORK/bench.db"
DB="ju_bench_$$"
psql "$PG" -qc "CREATE DATABASE $DB" >/dev/null
run_backend postgres "${PG%/*}/$DB"
psql "$PG" -qc "DROP DATABASE $DB" >/dev/null
