#!/usr/bin/env bash
# Benchmark (issue 7): the contact report on the national-scale database, SQLite and PostgreSQL.
#
# Generates (once per backend) 98 municipalities, CITIZENS citizens with 20 meetings each
# (10,000,000 meetings at the default) and a survey for every held meeting, about one in four
# answered (~1,800,000 answers); then measures, through the store, without HTTP:
#   - counting every day once (what a bulk load or the upgrade to migration 0007 costs);
#   - the channel report for one municipality's year (as its manager) and for the whole
#     country's (as an administrator), the API's default period (the year up to now), p50/p99;
#     target < 1 s each;
#   - the baseline in the same run: the same meetings counted one by one, as the report did
#     before it kept counts per day and month;
#   - the monthly trend, and one municipality's year by team.
#
#   bench/reports.sh [citizens] [samples]        (defaults 500000 20)
#   DIR=/somewhere bench/reports.sh               (default /tmp/jobunivers-reports)
# The SQLite file takes about 6.5 GB and ~14 minutes to generate, PostgreSQL ~10 minutes; both
# are kept, so later runs only measure. Delete $DIR and drop database jobunivers_reports to start
# over.
set -euo pipefail
cd "$(dirname "$0")/.."
CITIZENS="${1:-500000}"
SAMPLES="${2:-20}"
DIR="${DIR:-/tmp/jobunivers-reports}"
PG="${JOBUNIVERS_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}"
DB=jobunivers_reports
BIN=./target/release/jobunivers

cargo build --release -p jobunivers --quiet
mkdir -p "$DIR"

echo "== SQLite"
if [ ! -f "$DIR/sqlite/jobunivers.db" ]; then
  env -u DATABASE_URL "$BIN" national-seed --data "$DIR/sqlite" --citizens "$CITIZENS" --meetings 20
fi
echo "database: $(du -sh "$DIR/sqlite" | cut -f1)"
env -u DATABASE_URL "$BIN" bench-reports --data "$DIR/sqlite" --samples "$SAMPLES"

echo "== PostgreSQL"
URL="${PG%/*}/$DB"
if [ ! -f "$DIR/pg.done" ]; then
  psql "$PG" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  DATABASE_URL="$URL" "$BIN" national-seed --data "$DIR/pg" --citizens "$CITIZENS" --meetings 20
  touch "$DIR/pg.done"
fi
DATABASE_URL="$URL" "$BIN" bench-reports --data "$DIR/pg" --samples "$SAMPLES"
