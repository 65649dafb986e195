#!/usr/bin/env bash
# What do the shared stores cost a request? Builds Facet at HEAD and at BEFORE (the commit before them), both with
# the demo services, and runs in turn: BEFORE and HEAD with in-process rate limits on (a bucket too large to refuse
# anything: the cost of the check, not of refusals), then HEAD with the buckets and persisted queries in Redis
# (redis-server 6.2.6 taken from embedded-redis's jar in the local Maven repository, on loopback). All load comes
# from one address: one anonymous bucket, the hottest key Redis can have. Prints one line per (run, query); compare
# ratios from one run, the machine is shared.
#
#   bench/shared.sh                         # defaults below
#   REQUESTS=40000 CONCURRENCY=32 bench/shared.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BEFORE=${BEFORE:-14f43cc}
PORT=${PORT:-8098}
REDIS_PORT=${REDIS_PORT:-6391}
REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-16}
REDIS_JAR=${REDIS_JAR:-$HOME/.m2/repository/com/github/codemonstur/embedded-redis/1.4.3/embedded-redis-1.4.3.jar}
WORK=$(mktemp -d)
APP_PID=""
REDIS_PID=""

source "$ROOT/bench/facet.sh"
cleanup() {
  [ -z "$REDIS_PID" ] || kill "$REDIS_PID" 2>/dev/null || true
  cleanup_facet
}
trap cleanup EXIT

LIMITS=(-Dfacet.rate-limit.enabled=true -Dfacet.rate-limit.anonymous.capacity=1000000000
  -Dfacet.rate-limit.anonymous.period=1s)

measure() { # label
  local typename='{"query":"{ __typename }"}'
  local product_page
  product_page=$(python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": {"id": "p6"}}))' \
    "$ROOT/clients/web/ProductPage.graphql")
  printf '%-12s %-12s ' "$1" "__typename"
  java "$ROOT/bench/Load.java" "http://localhost:$PORT/graphql" "$typename" web "$REQUESTS" "$CONCURRENCY"
  printf '%-12s %-12s ' "$1" "ProductPage"
  java "$ROOT/bench/Load.java" "http://localhost:$PORT/graphql" "$product_page" web "$((REQUESTS / 4))" "$CONCURRENCY"
}

echo "building HEAD and $BEFORE (with demo services) ..."
build_facet head HEAD
build_facet before "$BEFORE"
unzip -p "$REDIS_JAR" redis-server-6.2.6-v5-linux-amd64 >"$WORK/redis-server"
chmod +x "$WORK/redis-server"
echo "requests=$REQUESTS (ProductPage: a quarter) concurrency=$CONCURRENCY, $(nproc) cores"
for build in before head; do
  start_facet "$WORK/$build" "${LIMITS[@]}"
  measure "$build"
  stop_facet
done
"$WORK/redis-server" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
sleep 0.5
start_facet "$WORK/head" "${LIMITS[@]}" -Dquarkus.redis.hosts="redis://localhost:$REDIS_PORT"
measure "head+redis"
stop_facet
# Was Redis what decided? Its count of scripts run, and the guard's outage lines (each one a spell of fallbacks).
exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT"
printf 'INFO commandstats\r\n' >&3
timeout 1 cat <&3 | grep -E 'cmdstat_(eval|get|set):' | tr -d '\r' || true
exec 3>&-
echo "outages logged: $(grep -c 'RedisGuard' "$WORK/app.log" || true)"
