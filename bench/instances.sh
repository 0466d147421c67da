#!/usr/bin/env bash
# Benchmark (issue 22 items 1 and 2): the booking storm on one PostgreSQL database served by 1, 2
# and 3 `jobunivers` processes, each on its own port. 64 connections in all, spread over the
# instances by the load generator (one wrk per instance with its share of the connections and of
# the slots), 8 s each, a fresh database per run. On 2 cores more instances add no cores: the
# question is whether N instances lose anything against one (target ≥ 95 %), and whether any
# slot or citizen is booked twice (must be 0).
#
# Baselines in the same run: pgbench's tpcb-like transaction (64 clients; it writes four rows a
# transaction, as a booking does) and the booking transaction through the store without HTTP
# (`jobunivers bench-claim`, 64 tasks). Every acknowledged booking is durable
# (synchronous_commit=on, PostgreSQL's default).
#
#   bench/instances.sh [slots] [instance counts]   (defaults 40000 and "1 2 3"; needs wrk, psql,
#                                                   pgbench, bc)
#   BIN=/tmp/jobunivers-before bench/instances.sh    (measure another build as it is)
#   BY_CITIZEN=1 bench/instances.sh                  (each citizen booked through one instance)
#   POOL=8 bench/instances.sh                        (each instance's pool, default 8)
#   POOL_TOTAL=8 bench/instances.sh                  (the pools' sum held at 8 whatever N: each
#                                                   instance gets its share, rounded up)
#   CITIZENS=10000 bench/instances.sh                (the storm's slots spread over that many
#                                                   citizens, default the demo's 100 — each then
#                                                   booked many times a second through every
#                                                   instance at once, the worst case for the
#                                                   citizens' locks)
#   HISTORY=100000 bench/instances.sh               (each database first given that many past
#                                                   meetings of the storm's citizens, then its
#                                                   statistics gathered: a database with a past)
#   CLAIMS=24000 bench/instances.sh                  (bookings in the raw transaction's run: as
#                                                   many as take about pgbench's 8 s)
#   DURATION=20 bench/instances.sh                   (seconds of each storm, default 8; the
#                                                   background workers start every 10 s, so a
#                                                   short storm may or may not pay for them)
#   SAMPLE=1 bench/instances.sh                      (where the time goes: PostgreSQL's sessions
#                                                   sampled every 50 ms during each storm, by
#                                                   wait and statement, and the cores' seconds
#                                                   by program)
set -euo pipefail
cd "$(dirname "$0")/.."
SLOTS="${1:-40000}"
COUNTS="${2:-1 2 3}"
PG="${JOBUNIVERS_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}"
# BIN=…: another build to measure (e.g. the one before a change), used as it is.
BIN="${BIN:-}"
# Each instance's pool: `serve`'s default (the demo's own is 4).
POOL="${POOL:-8}"
# POOL_TOTAL=8: the database's budget of pooled connections shared by the instances instead,
# each then given its share, rounded up (8, 4, 3), as docs/operations.md tells an operator.
POOL_TOTAL="${POOL_TOTAL:-}"
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ -z "$BIN" ]; then
  cargo build --release -p jobunivers --quiet
  BIN=./target/release/jobunivers
fi
[ -d node_modules/dkfds ] || npm ci --no-audit --no-fund >/dev/null

WORK=$(mktemp -d)
SERVERS=()
DBS=()
cleanup() {
  for p in "${SERVERS[@]}"; do kill "$p" 2>/dev/null || true; done
  for d in "${DBS[@]}"; do psql "$PG" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# HISTORY=N: past meetings first, and then the tables' statistics, as autovacuum keeps them
# on a database in use (and as pgbench's initialisation does for its own tables). This
# machine's PostgreSQL has autovacuum off, so without it the storm's tables have none; with
# statistics of an empty meetings table the planner reads each booking's first-meeting facts
# by scanning all meetings (309 bookings/s), with none at all by a bitmap scan and a sort of
# the citizen's meetings (1,058 buffers), with a table's real size by the index (12 buffers).
HISTORY="${HISTORY:-0}"
analyse() {
  [ "$HISTORY" = 0 ] || psql "$url" -qc "ANALYZE" >/dev/null
}

fresh_db() {  # name: creates it and sets $url. Not in $(…): a subshell's DBS+= would be
  # lost, and the cleanup would leave every database behind (it did, a gigabyte each).
  psql "$PG" -qc "CREATE DATABASE $1" >/dev/null
  DBS+=("$1")
  url="${PG%/*}/$1"
}

pools="a pool of $POOL per instance"
[ -z "$POOL_TOTAL" ] || pools="pools of $POOL_TOTAL in all, shared by the instances"
echo "booking storm over N instances on one PostgreSQL: $SLOTS slots of ${CITIZENS:-100} citizens, 64 connections in all, $pools, $(nproc) cores, load generator on the same machine"

if [ -n "$PGBENCH" ]; then
  fresh_db "ju_bench_pgbench_$$"
  # Scale 64: as many branches as clients, so pgbench does not queue on its own branch rows.
  "$PGBENCH" -q -i -s 64 "$url" >/dev/null 2>&1
  tps=$("$PGBENCH" -c 64 -j 2 -T 8 "$url" 2>/dev/null | awk '/^tps/ {printf "%.0f", $3}')
  echo "baseline: pgbench tpcb-like, scale 64, 64 clients, 8 s: $tps transactions/s"
fi

# The raw booking transaction on a database of its own: its 6,000 meetings for 100 citizens
# would otherwise be in the first storm's database, which the later ones do not have.
fresh_db "ju_bench_claim_$$"
DATABASE_URL="$url" $BIN bench-seed --data "$WORK/data-claim" --slots "$SLOTS" --history "$HISTORY" --out /dev/null 2>/dev/null
analyse
DATABASE_URL="$url" JOBUNIVERS_DB_MAX_CONNECTIONS="$POOL" $BIN bench-claim --data "$WORK/data-claim" --count "${CLAIMS:-24000}" --tasks 64 | sed 's/^/baseline: /'

# SAMPLE=1: the cores' seconds so far of PostgreSQL and of the instances (from /proc; with their
# children's that ended, so a PostgreSQL session closed during the storm is counted in the
# postmaster's), and of the whole machine; wrk's are added from `times` at the end.
cpu_seconds() {
  local tick app
  tick=$(getconf CLK_TCK)
  # The instances' processes are named after the binary (BIN=/tmp/ju-before: "ju-before"),
  # cut to the kernel's 15 characters.
  app=$(basename "$BIN" | cut -c1-15)
  for stat in /proc/[0-9]*/stat; do cat "$stat" 2>/dev/null || true; echo; done |
    awk -v t="$tick" -v app="$app" '{ name = $0; sub(/^[0-9]+ \(/, "", name); sub(/\).*/, "", name);
      rest = $0; sub(/^[^)]*\) /, "", rest); split(rest, f, " ");
      if (name ~ /^postgres/) name = "postgres"; if (name == app) name = "jobunivers";
      s[name] += (f[12] + f[13] + f[14] + f[15]) / t }
      END { printf "postgres %.2f\njobunivers %.2f\n", s["postgres"], s["jobunivers"] }'
  awk -v t="$(getconf CLK_TCK)" '/^cpu / { printf "machine %.2f\n", ($2 + $3 + $4 + $7 + $8) / t }' /proc/stat
}

# SAMPLE=1: PostgreSQL's sessions of the storm's database, every 50 ms, one line each.
sample_sessions() {  # url
  # One psql session fed a query every 50 ms: starting psql for each sample took longer.
  while [ ! -e "$WORK/stop-sampling" ]; do
    # A session waiting for a lock also names what the one it waits for is doing.
    echo "SELECT a.state || ' | ' || COALESCE(a.wait_event_type || ':' || a.wait_event, 'cpu') \
      || ' | ' || regexp_replace(left(a.query, 60), '\s+', ' ', 'g') \
      || COALESCE(' <- waits for: ' || b.state || ' | ' || regexp_replace(left(b.query, 50), '\s+', ' ', 'g'), '') \
      FROM pg_stat_activity a LEFT JOIN pg_stat_activity b \
      ON a.wait_event_type = 'Lock' AND b.pid = (pg_blocking_pids(a.pid))[1] \
      WHERE a.datname = '${1##*/}' AND a.pid <> pg_backend_pid() AND a.state <> 'idle';"
    echo '\echo -- sample'
    sleep 0.05
  done | psql "$PG" -Atq 2>/dev/null
}

# SAMPLE=1, where PostgreSQL has pg_stat_statements loaded (shared_preload_libraries; not a
# default): the storm's statements by PostgreSQL's time (planning included where
# pg_stat_statements.track_planning is on), per call and per booking made.
statements_reset() {  # url
  psql "$1" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 &&
    psql "$1" -Atqc "SELECT pg_stat_statements_reset()" >/dev/null 2>&1 || true
}
report_statements() {  # url bookings
  psql "$1" -Atq -F ' ' 2>/dev/null <<SQL || true
SELECT format('    %6s ms/booking  %7s calls  %6s rows/call  exec %6s ms  plan %6s ms  %s',
  round(((total_exec_time + total_plan_time) / GREATEST($2, 1))::numeric, 3), calls,
  round(rows::numeric / GREATEST(calls, 1), 1), round(mean_exec_time::numeric, 3),
  round((total_plan_time / GREATEST(calls, 1))::numeric, 3),
  regexp_replace(left(query, 70), '\s+', ' ', 'g'))
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time + total_plan_time DESC LIMIT 14
SQL
}

report_samples() {  # n
  local f="$WORK/samples-$n.txt" samples
  samples=$(grep -c '^-- sample' "$f" || true)
  echo "  $n instance(s), sessions of PostgreSQL busy per sample ($samples samples), by state, wait and statement:"
  { grep -v '^-- sample' "$f" || true; } | sort | uniq -c | sort -rn |
    awk -v s="$samples" 'NR <= 20 { c = $1; $1 = ""; printf "    %5.2f %s\n", c / (s ? s : 1), $0 }'
  cpu_seconds > "$WORK/cpu-after-$n"
  # wrk's own seconds, from `times` (its second line: the children's user and system time).
  local wrk_seconds
  wrk_seconds=$(for f in "$WORK"/wrk-times-"$n"-*; do sed -n 2p "$f"; done |
    awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } } END { printf "%.1f", s }')
  echo "  cores' seconds during the storm, by program: $(paste "$WORK/cpu-before-$n" "$WORK/cpu-after-$n" | awk '{ printf "%s %.1f  ", $1, $4 - $2 }')wrk $wrk_seconds"
}

run() {  # n
  local n=$1 url data="$WORK/data-$1"
  fresh_db "ju_bench_inst_$$_$n"
  DATABASE_URL="$url" $BIN bench-seed --data "$data" --slots "$SLOTS" --history "$HISTORY" --citizens "${CITIZENS:-100}" --out "$WORK/slots-$n.txt" 2>/dev/null
  analyse
  # One after the other: the first start tops up the demo's calendar, the others find it done.
  SERVERS=()
  local pool="$POOL"
  [ -z "$POOL_TOTAL" ] || pool=$(( (POOL_TOTAL + n - 1) / n ))
  for i in $(seq 1 "$n"); do
    DATABASE_URL="$url" JOBUNIVERS_DB_MAX_CONNECTIONS="$pool" JOBUNIVERS_LOG=warn $BIN demo --listen "127.0.0.1:$((18190 + i))" --data "$data" > "$WORK/server-$n-$i.log" 2>&1 &
    SERVERS+=($!)
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$((18190 + i))/healthz" >/dev/null && break; sleep 0.2; done
  done
  # A bulk-loaded past leaves every worklist case to decide and every report day to count: let
  # the instances' background work finish first, as it would long before a real storm.
  if [ "$HISTORY" != 0 ]; then
    for _ in $(seq 1 600); do
      [ "$(psql "$url" -Atqc "SELECT (SELECT COUNT(*) FROM worklist_marks) + (SELECT CASE WHEN counted = 1 THEN 0 ELSE 1 END FROM report_state)")" = 0 ] && break
      sleep 0.5
    done
  fi
  local token
  token=$(curl -sf -X POST "http://127.0.0.1:18191/api/v1/dev/session" -H 'content-type: application/json' -d '{"login":"aalborg.jk1"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  # Each instance books its own share of the slots, round robin, with its share of 64.
  # BY_CITIZEN=1: each citizen's slots all go to one instance. The seed has 100 citizens, each
  # booked 400 times in 8 s; round robin has every instance's batches lock the same citizens
  # at once (a citizen booked through three servers in the same milliseconds, which real
  # bookings are not), and the batches then wait for each other's commits.
  if [ -n "${BY_CITIZEN:-}" ]; then
    awk -v n="$n" -v out="$WORK/part-$n-" '{ if (!($2 in k)) k[$2] = c++ % n; printf "%s\n", $0 > (out sprintf("%02d", k[$2])) }' "$WORK/slots-$n.txt"
  else
    split -n "r/$n" -d "$WORK/slots-$n.txt" "$WORK/part-$n-"
  fi
  # The notification workers' share of the storm: deliveries recorded while it lasts.
  local delivered_before
  delivered_before=$(psql "$url" -Atqc "SELECT COUNT(*) FROM deliveries")
  local wrks=() i=0
  for part in "$WORK"/part-"$n"-*; do
    i=$((i + 1))
    local conns=$(( (64 + n - i) / n ))
    # `times` after wrk: the cores' seconds wrk used (the load generator's share of the machine).
    ( THREADS=1 TOKEN="$token" SLOTS_FILE="$part" \
      wrk -t1 -c"$conns" -d"${DURATION:-8}s" --latency -s bench/book.lua "http://127.0.0.1:$((18190 + i))" > "$WORK/storm-$n-$i.txt"
      times > "$WORK/wrk-times-$n-$i" ) &
    wrks+=($!)
  done
  local sampler=""
  if [ -n "${SAMPLE:-}" ]; then
    cpu_seconds > "$WORK/cpu-before-$n"
    statements_reset "$url"
    rm -f "$WORK/stop-sampling"
    sample_sessions "$url" > "$WORK/samples-$n.txt" &
    sampler=$!
  fi
  wait "${wrks[@]}"
  local delivered
  delivered=$(( $(psql "$url" -Atqc "SELECT COUNT(*) FROM deliveries") - delivered_before ))
  if [ -n "$sampler" ]; then
    touch "$WORK/stop-sampling"; wait "$sampler" || true
    report_samples "$n"
  fi
  # What the instances' booking writers did (`/metrics`): rows per batch is what group commit
  # shares among bookings, and N instances' writers each see a share of the storm.
  local counts="" i
  for i in $(seq 1 "$n"); do
    counts="$counts $(curl -sf "http://127.0.0.1:$((18190 + i))/metrics" | awk '
      $1 == "booking_batches_total" { b = $2 } $1 == "booking_batch_rows_total" { r = $2 }
      $1 == "bookings_put_off_total" { p = $2 }
      END { printf "%d/%d=%.1f (%d put off)", r, b, (b ? r / b : 0), p }')"
  done
  echo "  $n instance(s), each writer's bookings tried/batches = rows per batch:$counts; notices drafted during the storm: $delivered"
  for p in "${SERVERS[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done
  SERVERS=()
  local created=0 other=0 secs=0 p99s=""
  for f in "$WORK"/storm-"$n"-*.txt; do
    created=$((created + $(awk '/^created/ {print $2}' "$f")))
    other=$((other + $(awk '/^created/ {print $6}' "$f")))
    secs=$(awk -v s="$secs" '/requests in/ {gsub(/s,/,"",$4); print ($4 > s ? $4 : s)}' "$f")
    p99s="$p99s $(awk '$1=="99%" {print $2}' "$f")"
  done
  if [ -n "${SAMPLE:-}" ]; then
    echo "  $n instance(s), PostgreSQL's time by statement (pg_stat_statements, if loaded):"
    report_statements "$url" "$created"
  fi
  local twice citizen_twice rate
  twice=$(psql "$url" -Atqc "SELECT COUNT(*) FROM (SELECT slot_id FROM meetings WHERE status = 'booked' AND slot_id IS NOT NULL GROUP BY slot_id HAVING COUNT(*) > 1) d")
  citizen_twice=$(psql "$url" -Atqc "SELECT COUNT(*) FROM (SELECT citizen_id, starts_at FROM meetings WHERE status = 'booked' GROUP BY citizen_id, starts_at HAVING COUNT(*) > 1) d")
  rate=$(echo "$created / $secs" | bc -l)
  [ "$n" = "$(echo "$COUNTS" | awk '{print $1}')" ] && ONE="$rate"
  printf '%s instance(s): %s bookings in %ss -> %.0f bookings/s (%.0f %% of the first run), other answers %s, p99 per instance:%s; slots booked twice %s, citizens booked twice at one time %s\n' \
    "$n" "$created" "$secs" "$rate" "$(echo "100 * $rate / $ONE" | bc -l)" "$other" "$p99s" "$twice" "$citizen_twice"
}

for n in $COUNTS; do run "$n"; done
