#!/usr/bin/env bash
# What do per-client schemas cost a request? Builds Facet at HEAD and at the commit before per-client schemas
# (BEFORE), both with the demo services, runs each in turn on this machine and sends both the same queries.
# Prints one line per (build, query); compare the two builds' numbers from one run, as ratios: the machine is shared.
#
#   bench/projection.sh                     # defaults below
#   REQUESTS=40000 CONCURRENCY=32 bench/projection.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BEFORE=${BEFORE:-330fed9}
PORT=${PORT:-8097}
REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-16}
WORK=$(mktemp -d)
APP_PID=""


source "$ROOT/bench/facet.sh"
trap cleanup_facet EXIT

measure() { # label
  measure_pages "$1"
}

echo "building HEAD and $BEFORE (with demo services) ..."
build_facet head HEAD
build_facet before "$BEFORE"
echo "requests=$REQUESTS (ProductPage: a quarter) concurrency=$CONCURRENCY, $(nproc) cores"
for build in before head; do
  start_facet "$WORK/$build"
  measure "$build"
  stop_facet
done
