#!/usr/bin/env bash
# What do the public-data cache and request coalescing save? Builds Facet at HEAD with the demo services, each
# answering LATENCY late (as across a network), and runs three configurations in turn: the cache off (the default),
# coalescing alone (the public routes declared with ttl=0s: nothing kept, identical reads in flight shared), and the
# cache (ttl=30s). The load is a hot set of HOT products, ProductPage (web) and ProductDetail (mobile) requests taking
# them in turn. Prints one line per (configuration, query): throughput and latency from bench/Load.java, and the demo
# services' calls per request (all of them, and the catalog's and reviews' alone). Compare ratios from one run: the
# machine is shared.
#
#   bench/cache.sh                                   # defaults below
#   REQUESTS=20000 CONCURRENCY=32 LATENCY=20ms bench/cache.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8097}
REQUESTS=${REQUESTS:-8000}
CONCURRENCY=${CONCURRENCY:-16}
LATENCY=${LATENCY:-10ms}
HOT=${HOT:-20}
WORK=$(mktemp -d)
APP_PID=""

source "$ROOT/bench/facet.sh"
trap cleanup_facet EXIT

ROUTES=(catalog.products catalog.categories catalog.pages reviews.ratings)
declare_routes() { # ttl -> -D flags
  local route
  for route in "${ROUTES[@]}"; do
    printf -- '-Dfacet.cache.%s.ttl=%s ' "$route" "$1"
  done
}

hot_set() { # client operation file
  python3 - "$ROOT/clients/$1/$2.graphql" "$HOT" >"$3" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
for i in range(1, int(sys.argv[2]) + 1):
    print(json.dumps({"query": text, "variables": {"id": "p%d" % i}}))
PY
}

calls() { # -> "total catalog+reviews" calls the demo services have received so far
  curl -sf "localhost:$PORT/demo/calls" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(sum(c.values()), c.get("catalog",0)+c.get("reviews",0))'
}

measure() { # label client operation
  local before after sent
  before=$(calls)
  printf '%-11s %-14s ' "$1" "$3"
  java "$ROOT/bench/Load.java" "http://localhost:$PORT/graphql" "@$WORK/$3.jsonl" "$2" "$REQUESTS" "$CONCURRENCY" \
    | tr -d '\n'
  after=$(calls)
  sent=$((REQUESTS + REQUESTS / 4)) # Load.java warms up with a quarter more
  python3 -c 'import sys; b=sys.argv[1].split(); a=sys.argv[2].split(); n=int(sys.argv[3]); print(" calls_per_req=%.2f catalog+reviews_per_req=%.3f" % ((int(a[0])-int(b[0]))/n, (int(a[1])-int(b[1]))/n))' \
    "$before" "$after" "$sent"
}

echo "building HEAD (with demo services) ..."
build_facet head HEAD
hot_set web ProductPage "$WORK/ProductPage.jsonl"
hot_set mobile ProductDetail "$WORK/ProductDetail.jsonl"
echo "requests=$REQUESTS (+ a quarter to warm up) concurrency=$CONCURRENCY latency=$LATENCY hot set=$HOT products, $(nproc) cores"
for run in off coalescing cache; do
  case $run in
    off) flags=() ;;
    coalescing) read -r -a flags <<<"$(declare_routes 0s)" ;;
    cache) read -r -a flags <<<"$(declare_routes 30s)" ;;
  esac
  start_facet "$WORK/head" -Dfacet.demo.latency="$LATENCY" "${flags[@]}"
  measure "$run" web ProductPage
  measure "$run" mobile ProductDetail
  stop_facet
done
