#!/usr/bin/env bash
# How fast does Facet refuse what it refuses? Builds Facet at HEAD with the demo services, starts it, and sends
# each hostile request of the Security section (and, for comparison, two ordinary ones) with bench/Load.java.
# Prints one line per request: throughput and latency percentiles; compare them with each other, as ratios.
#
#   bench/refusals.sh                # defaults below
#   REQUESTS=2000 CONCURRENCY=8 bench/refusals.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8096}
REQUESTS=${REQUESTS:-1000}
CONCURRENCY=${CONCURRENCY:-4}
WORK=$(mktemp -d)
APP_PID=""

source "$ROOT/bench/facet.sh"
trap cleanup_facet EXIT

echo "building HEAD (with demo services) ..."
build_facet head HEAD
start_facet "$WORK/head"

# One request body per file, named for what it is (too large for a command line, some of them).
mkdir -p "$WORK/bodies"
python3 - "$WORK/bodies" "$ROOT/clients/web/ProductPage.graphql" <<'PY'
import json, sys
out, product_page = sys.argv[1], open(sys.argv[2]).read()
bodies = [
    ("typename (ordinary)", {"query": "{ __typename }"}),
    ("ProductPage (ordinary)", {"query": product_page, "variables": {"id": "p6"}}),
    ("1 MB query", {"query": '{ product(id: "p6") { ' + "name " * 210000 + "} }"}),
    ("6000 tokens", {"query": '{ product(id: "p6") { ' + "name " * 6000 + "} }"}),
    ("1000 aliases", {"query": '{ product(id: "p6") { ' + " ".join(f"a{i}: name" for i in range(1000)) + " } }"}),
    ("50-deep nesting", {"query": "{ " + 'product(id: "p6") { ' * 50 + "name" + " }" * 50 + " }"}),
    ("costly (20301)", {"query": '{ products(category: "c1", first: 100) { edges { node { reviews(first: 100) '
                                 '{ author { name } } } } } }'}),
    ("unknown field", {"query": '{ product(id: "p6") { nme } }'}),
]
for index, (name, body) in enumerate(bodies):
    with open(f"{out}/{index:02d} {name}.json", "w") as file:
        json.dump(body, file)
PY

echo "requests=$REQUESTS concurrency=$CONCURRENCY, $(nproc) cores (a request counts as failed when it has errors)"
for file in "$WORK"/bodies/*.json; do
  name=$(basename "$file" .json)
  name=${name:3}
  printf '%-24s ' "$name"
  count=$REQUESTS
  [ "$name" = "1 MB query" ] && count=$((REQUESTS / 10))
  java "$ROOT/bench/Load.java" "http://localhost:$PORT/graphql" "@$file" web "$count" "$CONCURRENCY"
done
stop_facet
