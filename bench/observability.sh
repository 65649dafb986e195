#!/usr/bin/env bash
# What do metrics, traces and request ids cost a request? Builds Facet at HEAD and at the commit before them
# (BEFORE), both with the demo services, runs them in turn, ROUNDS times (before, head, before, head, ...), with
# docker/jvm.options and sends both the same queries. Prints one line per (round, build, query) and each build's
# resident set size after its load; compare the two builds' numbers from one run, as ratios: the machine is shared.
# No OTLP endpoint is set: spans are made, not exported. EXTRA (e.g. -Dquarkus.otel.traces.sampler=always_off) is
# given to the HEAD build only.
#
#   bench/observability.sh
#   ROUNDS=3 REQUESTS=40000 CONCURRENCY=32 BEFORE=main bench/observability.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BEFORE=${BEFORE:-2000c7d} # main before observability
ROUNDS=${ROUNDS:-2}
EXTRA=${EXTRA:-}
PORT=${PORT:-8098}
REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-16}
WORK=$(mktemp -d)
APP_PID=""

source "$ROOT/bench/facet.sh"
trap cleanup_facet EXIT

measure() { # label
  measure_pages "$1"
  printf '%-7s rss_mb=%d\n' "$1" "$(( $(ps -o rss= -p "$APP_PID") / 1024 ))"
}

echo "building HEAD and $BEFORE (with demo services) ..."
build_facet head HEAD
build_facet before "$BEFORE"
echo "requests=$REQUESTS (ProductPage: a quarter) concurrency=$CONCURRENCY, $(nproc) cores, docker/jvm.options"
for round in $(seq 1 "$ROUNDS"); do
  for build in before head; do
    extra=()
    [ "$build" = head ] && [ -n "$EXTRA" ] && extra=($EXTRA)
    start_facet "$WORK/$build" "@$ROOT/docker/jvm.options" "${extra[@]}"
    measure "$build"
    stop_facet
  done
done
