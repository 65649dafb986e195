# Shared by the benchmark scripts (source it): build Facet with the demo services, start and stop its jar.
# Expects ROOT, WORK and PORT to be set (MANAGEMENT_PORT, health and metrics, defaults to PORT + 1000); sets APP_PID.

build_facet() { # name commit -> $WORK/<name>, a worktree of that commit with the jar built
  git -C "$ROOT" worktree add --detach "$WORK/$1" "$2" >/dev/null 2>&1
  (cd "$WORK/$1" && ./mvnw -B -q package -DskipTests -Dfacet.demo.enabled=true >/dev/null)
}

# start_facet APP_DIR [-Dkey=value ...]: the demo services and identity provider on Facet's own port, every
# service URL pointing at them; later -D flags win, so a caller can send one service elsewhere. Rate limits are
# off: a load run from one address is exactly what they are for, and would measure them instead.
start_facet() {
  local app=$1 demo="http://localhost:$PORT/demo" flags=() service
  shift
  for service in accounts catalog inventory reviews orders recommendations; do
    flags+=("-Dquarkus.rest-client.$service.url=$demo/$service")
  done
  java -Dquarkus.http.port="$PORT" -Dquarkus.management.port="${MANAGEMENT_PORT:-$((PORT + 1000))}" \
    -Dquarkus.log.level="${LOG_LEVEL:-WARN}" -Dfacet.rate-limit.enabled=false \
    "${flags[@]}" \
    -Dquarkus.oidc.auth-server-url="$demo/oidc" -Dquarkus.oidc.discovery-enabled=false \
    -Dquarkus.oidc.jwks-path=jwks -Dquarkus.oidc.jwks.resolve-early=false -Dquarkus.oidc.token.issuer=facet-dev \
    "$@" -jar "$app/target/quarkus-app/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    # readiness on the management port; builds from before it had one answer on the main port
    curl -sf "localhost:${MANAGEMENT_PORT:-$((PORT + 1000))}/q/health/ready" >/dev/null 2>&1 && return 0
    curl -sf "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "Facet did not start; see $WORK/app.log" >&2
  exit 1
}

# Stops Facet and waits until it is gone: a JVM still shutting down when its worktree is removed hangs for good
# (it loads classes from the deleted jar).
stop_facet() {
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 150); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# For `trap cleanup_facet EXIT`: stops Facet, removes the worktrees under $WORK, then $WORK itself.
cleanup_facet() {
  stop_facet
  local tree
  for tree in "$WORK"/*/; do
    git -C "$ROOT" worktree remove --force "$tree" 2>/dev/null || true
  done
  rm -rf "$WORK"
}

measure_pages() { # label -> throughput of { __typename } and the web ProductPage against the running Facet on $PORT
  local typename='{"query":"{ __typename }"}'
  local product_page
  product_page=$(python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": {"id": "p6"}}))' \
    "$ROOT/clients/web/ProductPage.graphql")
  printf '%-7s %-12s ' "$1" "__typename"
  java "$ROOT/bench/Load.java" "http://localhost:$PORT/graphql" "$typename" web "$REQUESTS" "$CONCURRENCY"
  printf '%-7s %-12s ' "$1" "ProductPage"
  java "$ROOT/bench/Load.java" "http://localhost:$PORT/graphql" "$product_page" web "$((REQUESTS / 4))" "$CONCURRENCY"
}
