#!/usr/bin/env bash
# Benchmark (issue 4): the contact plan and the worklist at national scale on SQLite.
#
# Generates (once, in $DIR) 98 municipalities with a caseworker per 200 citizens, three a-kasser,
# CITIZENS citizens over all target groups and MEETINGS meetings each (held, cancelled, no-shows,
# booked ahead), then measures through the store, without HTTP:
#   - baseline: an audited read of one citizen (what GET /citizens/{id} does), p50/p99;
#   - one citizen's contact plan, read and computed (target p99 < 10 ms);
#   - one caseworker's worklist (target p99 < 50 ms);
#   - the kept worklist decided for every case once (what the first start after the upgrade or
#     a bulk load does in the background), then a manager's worklist of the first municipality
#     and an a-kasse's of its whole a-kasse, a page at a time, with a meeting booked before
#     each view (issue 22 item 5: target p99 < 100 ms at 30,000 citizens);
#   - every plan recomputed (target < 60 s).
#
#   bench/contact-plan.sh [citizens] [meetings-per-citizen] [samples] [municipalities]
#                                             (defaults 1000000 20 300 98)
#   DIR=/somewhere bench/contact-plan.sh      (default /tmp/jobunivers-national)
#   bench/contact-plan.sh 30000 20 300 1      (one municipality of 30,000: a manager's view)
#   DATABASE_URL=postgres://…/db bench/contact-plan.sh …   (PostgreSQL: generated into that
#                                             database, which must be empty the first time)
# The 1,000,000-citizen database takes about 9 GB of disk and a while to generate (the progress
# bar shows how long); it is kept, so later runs only measure. Delete $DIR to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
CITIZENS="${1:-1000000}"
MEETINGS="${2:-20}"
SAMPLES="${3:-300}"
TOWNS="${4:-98}"
DIR="${DIR:-/tmp/jobunivers-national}"
BIN=./target/release/jobunivers

cargo build --release -p jobunivers --quiet
if [ -n "${DATABASE_URL:-}" ]; then
  generated=$(psql "$DATABASE_URL" -Atqc "SELECT COUNT(*) FROM citizens" 2>/dev/null || echo 0)
else
  generated=$([ -f "$DIR/jobunivers.db" ] && echo 1 || echo 0)
fi
if [ "$generated" = 0 ]; then
  echo "generating $CITIZENS citizens in $TOWNS municipalities with $MEETINGS meetings each"
  "$BIN" national-seed --data "$DIR" --citizens "$CITIZENS" --meetings "$MEETINGS" --municipalities "$TOWNS"
fi
[ -z "${DATABASE_URL:-}" ] && echo "database: $(du -sh "$DIR" | cut -f1)"
"$BIN" bench-plans --data "$DIR" --samples "$SAMPLES"
