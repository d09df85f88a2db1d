# The Keycloak peer of bench/run.sh (`bench/run.sh --with-keycloak`), sourced by it while BenchInfrastructure's
# PostgreSQL is up: fetches Keycloak from Maven Central, runs it in production mode on a database of its own on the
# same PostgreSQL server, creates a realm, a confidential client and the users over its admin REST API, and
# measures the peers of Latchkey's scenarios with the same wrk settings and warm-up. Writes `kc_*` lines to
# $OUT/results.txt. Needs run.sh's OUT, JAVA_HOME, THREADS, CONNECTIONS, DURATION, USERS, REFRESH_POOL, PASSWORD,
# now_ms and run_wrk.

KC_VERSION=${BENCH_KEYCLOAK_VERSION:-26.7.3}
KC_HOME="$OUT/keycloak-$KC_VERSION"
KC_PORT=18180; KC_MPORT=18190; KC_REALM=bench
KC_ADMIN_PASSWORD=bench-admin-password
export BENCH_CLIENT_ID=bench-app BENCH_CLIENT_SECRET=bench-client-secret

kc_property() { grep "^$1=" "$OUT/infra.properties" | cut -d= -f2- | sed 's/\\//g'; }

kc_fetch_and_build() {
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    echo "== fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central"
    ./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$OUT"
    (cd "$OUT" && "$JAVA_HOME/bin/jar" xf "keycloak-quarkus-dist-$KC_VERSION.zip")
    chmod +x "$KC_HOME"/bin/*.sh
  fi
  # `build` fixes the build-time options once; `start --optimized` then skips the augmentation at every start.
  "$KC_HOME/bin/kc.sh" build --db=postgres --health-enabled=true > "$OUT/keycloak-build.log" 2>&1
}

kc_start() { # kc_start RESULT_NAME
  local started; started=$(now_ms)
  # The same heap cap as the Latchkey jar (-Xmx576m, what a 768 MiB container gets from the chart).
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx576m" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
    "$KC_HOME/bin/kc.sh" start --optimized --db-url="$(kc_property bench.peer.jdbc-url)" \
      --db-username="$(kc_property bench.peer.username)" --db-password="$(kc_property bench.peer.password)" \
      --http-enabled=true --http-host=127.0.0.1 --http-port=$KC_PORT --http-management-port=$KC_MPORT \
      --hostname-strict=false --cache=local --log-level=WARN > "$OUT/keycloak.log" 2>&1 &
  KEYCLOAK=$!
  until curl -sf "http://127.0.0.1:$KC_MPORT/health/ready" > /dev/null; do
    kill -0 "$KEYCLOAK" 2>/dev/null || { echo "Keycloak exited, see $OUT/keycloak.log"; exit 1; }
    sleep 0.05
  done
  echo "$1 $(( $(now_ms) - started ))" | tee -a "$OUT/results.txt"
}

# The JVM's resident memory (kc.sh runs java as a child).
kc_rss_mib() {
  local pid; pid=$(pgrep -P "$KEYCLOAK" java || echo "$KEYCLOAK")
  echo $(( $(ps -o rss= -p "$pid") / 1024 ))
}

kc_admin_token() {
  curl -sf -X POST "http://127.0.0.1:$KC_PORT/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli -d username=admin -d "password=$KC_ADMIN_PASSWORD" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

kc_json() { # kc_json METHOD PATH BODY: one admin REST call with a fresh admin token
  curl -sf -X "$1" "http://127.0.0.1:$KC_PORT/admin$2" -H "Authorization: Bearer $(kc_admin_token)" \
    -H 'Content-Type: application/json' -d "$3" > /dev/null
}

# Realm settings matched to Latchkey's defaults: 15 min access tokens, refresh tokens rotated and single use.
kc_create_realm() {
  kc_json POST /realms "{\"realm\":\"$KC_REALM\",\"enabled\":true,\"accessTokenLifespan\":900,
    \"revokeRefreshToken\":true,\"refreshTokenMaxReuse\":0,\"bruteForceProtected\":false}"
  kc_json POST "/realms/$KC_REALM/clients" "{\"clientId\":\"$BENCH_CLIENT_ID\",\"enabled\":true,\"publicClient\":false,
    \"secret\":\"$BENCH_CLIENT_SECRET\",\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false}"
  : > "$OUT/kc-users.txt"
  for i in $(seq 1 "$USERS"); do
    kc_json POST "/realms/$KC_REALM/users" "{\"username\":\"bench-$i\",\"email\":\"bench-$i@example.com\",
      \"firstName\":\"Bench\",\"lastName\":\"User $i\",\"emailVerified\":true,\"enabled\":true,
      \"credentials\":[{\"type\":\"password\",\"value\":\"$PASSWORD\",\"temporary\":false}]}"
    echo "bench-$i" >> "$OUT/kc-users.txt"
  done
}

kc_token_endpoint() { echo "http://127.0.0.1:$KC_PORT/realms/$KC_REALM/protocol/openid-connect/token"; }

# kc_login USER [SCOPE]: one password grant, prints the whole token response.
kc_login() {
  curl -sf -X POST "$(kc_token_endpoint)" -d grant_type=password -d "client_id=$BENCH_CLIENT_ID" \
    -d "client_secret=$BENCH_CLIENT_SECRET" -d "username=$1" --data-urlencode "password=$PASSWORD" ${2:+-d "scope=$2"}
}

kc_warm_up() { wrk -t$THREADS -c$CONNECTIONS -d10s --timeout 10s -s "$1" "$2" > /dev/null; }

run_keycloak_peer() {
  echo "== Keycloak $KC_VERSION peer (production mode, same PostgreSQL server, same wrk settings)"
  kc_fetch_and_build
  # The first start creates the schema and the master realm; the figure compared is a restart on that database,
  # as Latchkey's is a start on migrated tables.
  kc_start kc_first_startup_ms
  kill "$KEYCLOAK"; wait "$KEYCLOAK" 2>/dev/null || true
  kc_start kc_startup_ms
  sleep 2; echo "kc_rss_idle_mib $(kc_rss_mib)" | tee -a "$OUT/results.txt"
  kc_create_realm
  local base="http://127.0.0.1:$KC_PORT/realms/$KC_REALM/protocol/openid-connect"
  # userinfo needs the openid scope; the login and refresh scenarios do without it (no ID token to sign), as
  # Latchkey's login answers an access and a refresh token only.
  : > "$OUT/kc-access-tokens.txt"
  while read -r user; do
    kc_login "$user" openid | sed -E 's/.*"access_token":"([^"]+)".*/\1\n/' >> "$OUT/kc-access-tokens.txt"
  done < "$OUT/kc-users.txt"
  export BENCH_TOKENS="$OUT/kc-access-tokens.txt"
  export BENCH_BASIC; BENCH_BASIC=$(printf '%s:%s' "$BENCH_CLIENT_ID" "$BENCH_CLIENT_SECRET" | base64 -w0)
  kc_warm_up bench/wrk/bearer.lua "$base/userinfo"
  TARGET="$base" run_wrk kc_userinfo bench/wrk/bearer.lua /userinfo
  kc_warm_up bench/wrk/introspect.lua "$base/token/introspect"
  TARGET="$base" run_wrk kc_introspect bench/wrk/introspect.lua /token/introspect
  unset BENCH_TOKENS
  CONNECTIONS=$(( 4 * $(nproc) )) kc_warm_up bench/wrk/kc-login.lua "$base/token"
  CONNECTIONS=$(( 4 * $(nproc) )) TARGET="$base" run_wrk kc_login bench/wrk/kc-login.lua /token
  echo "== seeding 2 x $REFRESH_POOL Keycloak refresh tokens (one pool warms up, the other is measured)"
  mapfile -t KC_USERS < "$OUT/kc-users.txt"
  local pool pids i
  for pool in kc-refresh-warm kc-refresh-tokens; do
    : > "$OUT/$pool.txt"
    pids=()
    for i in $(seq 1 "$REFRESH_POOL"); do
      kc_login "${KC_USERS[$(( i % USERS ))]}" | sed -E 's/.*"refresh_token":"([^"]+)".*/\1\n/' >> "$OUT/$pool.txt" &
      pids+=($!)
      if (( ${#pids[@]} == 8 )); then wait "${pids[@]}"; pids=(); fi
    done
    [ ${#pids[@]} -eq 0 ] || wait "${pids[@]}"
  done
  REFRESH_TOKENS="$OUT/kc-refresh-warm.txt" kc_warm_up bench/wrk/kc-refresh.lua "$base/token"
  REFRESH_TOKENS="$OUT/kc-refresh-tokens.txt" TARGET="$base" run_wrk kc_refresh bench/wrk/kc-refresh.lua /token
  kill "$KEYCLOAK"; wait "$KEYCLOAK" 2>/dev/null || true; KEYCLOAK=""
}
