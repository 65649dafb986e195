#!/usr/bin/env bash
# How long does each registered operation take when one service is dead or hanging? Builds Facet at HEAD with the
# demo services, then starts it once healthy and, for each of the six services, once with that service dead
# (a closed port: connections are refused) and once hanging (bench/Outage.java accepts and never answers), and
# sends every registered operation REPEATS times. Prints one line per (scenario, operation): median and slowest
# answer in ms, HTTP statuses and error codes. Compare with the deadline (facet.downstream.deadline, 3 s).
#
#   bench/outage.sh                  # defaults below
#   REPEATS=5 SERVICES="reviews catalog" bench/outage.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8098}
HANG_PORT=${HANG_PORT:-8099}
DEAD_PORT=${DEAD_PORT:-9}
REPEATS=${REPEATS:-3}
SERVICES=${SERVICES:-"accounts catalog inventory reviews orders recommendations"}
WORK=$(mktemp -d)
APP_PID=""
HANG_PID=""

source "$ROOT/bench/facet.sh"
cleanup() {
  [ -n "$HANG_PID" ] && kill "$HANG_PID" 2>/dev/null || true
  cleanup_facet
}
trap cleanup EXIT

echo "building HEAD (with demo services) ..."
build_facet head HEAD

java "$ROOT/bench/Outage.java" hang "$HANG_PORT" 3600 &
HANG_PID=$!

start() { # service mode: Facet with one service dead or hanging (none for a healthy shop)
  case "$2" in
    dead) LOG_LEVEL=ERROR start_facet "$WORK/head" "-Dquarkus.rest-client.$1.url=http://127.0.0.1:$DEAD_PORT/$1" ;;
    hanging) LOG_LEVEL=ERROR start_facet "$WORK/head" "-Dquarkus.rest-client.$1.url=http://127.0.0.1:$HANG_PORT/$1" ;;
    *) LOG_LEVEL=ERROR start_facet "$WORK/head" ;;
  esac
}

measure() { # label
  local web mobile
  web=$(curl -sf "localhost:$PORT/demo/oidc/token?user=u3&client=shop-web")
  mobile=$(curl -sf "localhost:$PORT/demo/oidc/token?user=u3&client=shop-mobile")
  # one unmeasured round first: JIT, connections, JWKS
  java "$ROOT/bench/Outage.java" measure "http://localhost:$PORT/graphql" "$ROOT/clients" "$web" "$mobile" 1 warm-up >/dev/null
  java "$ROOT/bench/Outage.java" measure "http://localhost:$PORT/graphql" "$ROOT/clients" "$web" "$mobile" "$REPEATS" "$1"
}

echo "repeats=$REPEATS, $(nproc) cores; deadline 3 s (the default)"
start none none
measure "all healthy"
stop_facet
for service in $SERVICES; do
  for mode in dead hanging; do
    start "$service" "$mode"
    measure "$service $mode"
    stop_facet
  done
done
