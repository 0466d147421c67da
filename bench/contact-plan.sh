#!/usr/bin/env bash
# Benchmark (issue 4): the contact plan and the worklist at national scale on SQLite.
#
# Generates (once, in $DIR) 98 municipalities with a caseworker per 200 citizens, three a-kasser,
# CITIZENS citizens over all target groups and MEETINGS meetings each (held, cancelled, no-shows,
# booked ahead), then measures through the store, without HTTP:
#   - baseline: an audited read of one citizen (what GET /citizens/{id} does), p50/p99;
#   - one citizen's contact plan, read and computed (target p99 < 10 ms);
#   - one caseworker's worklist (target p99 < 50 ms);
#   - every plan recomputed (target < 60 s).
#
#   bench/contact-plan.sh [citizens] [meetings-per-citizen] [samples]   (defaults 1000000 20 300)
#   DIR=/somewhere bench/contact-plan.sh                                 (default /tmp/jobunivers-national)
# The 1,000,000-citizen database takes about 9 GB of disk and a while to generate (the progress
# bar shows how long); it is kept, so later runs only measure. Delete $DIR to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
CITIZENS="${1:-1000000}"
MEETINGS="${2:-20}"
SAMPLES="${3:-300}"
DIR="${DIR:-/tmp/jobunivers-national}"
BIN=./target/release/jobunivers

cargo build --release -p jobunivers --quiet
if [ ! -f "$DIR/jobunivers.db" ]; then
  echo "generating $CITIZENS citizens with $MEETINGS meetings each in $DIR"
  "$BIN" national-seed --data "$DIR" --citizens "$CITIZENS" --meetings "$MEETINGS"
fi
echo "database: $(du -sh "$DIR" | cut -f1)"
"$BIN" bench-plans --data "$DIR" --samples "$SAMPLES"
