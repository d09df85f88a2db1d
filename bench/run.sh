#!/usr/bin/env bash
# The benchmark suite (bench/README.md): builds the service, starts it on real PostgreSQL, Redis and Kafka on
# loopback, runs bounded wrk loads and writes the figures into bench/RESULTS.md. About 12 minutes (20 with --with-keycloak); needs wrk
# (installed from Debian's packages when missing, which needs root).
# bench/run.sh --check: only the build steps (without `clean`, so the test reports of an earlier `verify` stay),
# then checks that the classpath the benchmark runs on takes the project's own modules from this checkout (their
# target/ jars, written by this run), never from a local Maven repository where they may be missing (a fresh
# clone) or stale. Runs in .ci/run.
# bench/run.sh --with-keycloak: also runs Keycloak as a peer (bench/keycloak.sh) on the same PostgreSQL server with
# the same wrk settings, and writes both columns side by side.
set -euo pipefail
CHECK=false; WITH_KEYCLOAK=false
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=true ;;
    --with-keycloak) WITH_KEYCLOAK=true ;;
    *) echo "usage: bench/run.sh [--check | --with-keycloak]"; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=bench/out
mkdir -p "$OUT"
rm -f "$OUT"/infra.properties "$OUT"/*.log "$OUT"/*.txt "$OUT"/*.jfr
rm -rf "$OUT"/keycloak-*/data

source .ci/java-home.sh
JAVA="$JAVA_HOME/bin/java"
if ! $CHECK && ! { command -v wrk && command -v curl && command -v ps; } >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk curl procps >/dev/null
fi

THREADS=2; CONNECTIONS=32; DURATION=${BENCH_DURATION:-15s}
PORT=18080; MPORT=18081; USERS=50; REFRESH_POOL=${BENCH_REFRESH_POOL:-64}
PASSWORD='correct horse battery staple'

echo "== building"
# One reactor build: the classpath is resolved while the modules it needs are in the reactor, so it names their
# target/ jars (a separate `-pl bootstrap dependency:build-classpath` looks for them in ~/.m2 and fails on a fresh
# clone). The relative output file lands in each module's own target/.
# --check runs after CI's `verify` and keeps its test reports (no `clean`); it forces the module jars to be
# re-created so their mtimes prove they come from this build.
GOALS="clean package"; STARTED="$OUT/.build-started"
if $CHECK; then GOALS="package -Dmaven.jar.forceCreation=true"; touch "$STARTED"; sleep 1; fi
./mvnw -B -q -pl bootstrap -am $GOALS dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp bootstrap/target/bench-classpath.txt "$OUT/classpath.txt"
./mvnw -B -q -f bench/jmh/pom.xml package
JAR=$(ls bootstrap/target/bootstrap-*.jar | grep -v plain | head -1)
CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat "$OUT/classpath.txt")"

if $CHECK; then
  modules=(domain application adapters-web adapters-redis adapters-persistence adapters-kafka adapters-mail test-support)
  from_repository=$(tr ':' '\n' < "$OUT/classpath.txt" | grep '/io/latchkey/' || true)
  [ -z "$from_repository" ] || { echo "check failed: project modules taken from a Maven repository:"; echo "$from_repository"; exit 1; }
  for module in "${modules[@]}"; do
    entry=$(tr ':' '\n' < "$OUT/classpath.txt" | grep -E "/$module/target/$module-[^/]*\.jar$" | head -1 || true)
    [ -n "$entry" ] && [ -f "$entry" ] || { echo "check failed: no $module/target jar on the classpath"; exit 1; }
    [ "$entry" -nt "$STARTED" ] || { echo "check failed: $entry was not built by this run"; exit 1; }
  done
  [ -f "$JAR" ] && [ -f bench/jmh/target/benchmarks.jar ] || { echo "check failed: service or JMH jar missing"; exit 1; }
  "$JAVA_HOME/bin/javap" -cp "$CP" io.latchkey.bootstrap.bench.BenchInfrastructure > /dev/null \
    || { echo "check failed: BenchInfrastructure not on the classpath"; exit 1; }
  echo "== check passed: $JAR, bench/jmh/target/benchmarks.jar, classpath of $(tr ':' '\n' < "$OUT/classpath.txt" | wc -l) entries"
  exit 0
fi

cleanup() {
  for pid in "${SERVICE:-}" "${KEYCLOAK:-}" "${INFRA:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

echo "== starting PostgreSQL, Redis and Kafka"
"$JAVA" -cp "$CP" io.latchkey.bootstrap.bench.BenchInfrastructure "$OUT/infra.properties" > "$OUT/infra.log" 2>&1 &
INFRA=$!
until [ -f "$OUT/infra.properties" ]; do sleep 0.5; done

now_ms() { date +%s%3N; }
# start_service NAME HEALTH_PATH [args…]: starts the jar, waits for HEALTH_PATH, sets SERVICE and READY_MS.
start_service() {
  local name=$1 health=$2; shift 2
  local started; started=$(now_ms)
  # The heap a 768 MiB container gets from the chart's -XX:MaxRAMPercentage=75. Rate limits are off: wrk logs in
  # thousands of times a second from one address, which is exactly what they exist to stop.
  # SERVICE_DIR (default the checkout) is where the JVM starts, JVM_OPTS its options; exec keeps $! the JVM's pid.
  ( cd "${SERVICE_DIR:-.}" && exec "$JAVA" -Xmx576m ${JVM_OPTS:-} -jar "$JAR" \
      --spring.config.additional-location="file:$ROOT/$OUT/infra.properties" \
      --server.port=$PORT --management.server.port=$MPORT --latchkey.sessions.cleanup.enabled=false \
      --latchkey.rate-limits.enabled=false --logging.level.root=WARN "$@" ) > "$OUT/$name.log" 2>&1 &
  SERVICE=$!
  until curl -sf "http://localhost:$MPORT$health" >/dev/null; do sleep 0.05; done
  READY_MS=$(( $(now_ms) - started ))
}
stop_service() { kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; SERVICE=""; }
rss_mib() { echo $(( $(ps -o rss= -p "$SERVICE") / 1024 )); }
# warm_up SCRIPT PATH [SECONDS]: 10 s (or SECONDS) of the same load, discarded, so the JIT has compiled the path
# being measured.
warm_up() { wrk -t$THREADS -c$CONNECTIONS -d"${3:-10}"s --timeout 10s -s "$1" "http://localhost:$PORT$2" > /dev/null; }
# A service restarted for one scenario has run nothing else: 30 s of warm-up, about what the main service's JIT had
# before scenario 2 (registrations and logins, then 10 s on /ping and 10 s on /me). Scenario 12 measured 924 req/s
# after 10 s and over 6,000 after a minute.
RESTARTED_WARM_UP=30
# run_wrk NAME SCRIPT PATH: records "NAME requests=… rps=… p50=… …" in results.txt. TARGET (default the service)
# is the base URL PATH is appended to; THREADS, CONNECTIONS and DURATION may be set for one call.
run_wrk() {
  local name=$1 script=$2 path=$3
  wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --timeout 10s -s "$script" "${TARGET:-http://localhost:$PORT}$path" \
    > "$OUT/wrk-$name.txt"
  echo "$name $(grep '^RESULT' "$OUT/wrk-$name.txt" | cut -d' ' -f2-)" | tee -a "$OUT/results.txt"
}

INTROSPECTION_SECRET=bench-introspection-secret-0123456789abcdef
export BENCH_BASIC; BENCH_BASIC=$(printf 'bench:%s' "$INTROSPECTION_SECRET" | base64 -w0)
echo "== scenarios 1, 2, 5, 6, 8, 10, 11 (near cache on)"
start_service main /actuator/health/readiness --latchkey.client-address.trusted-proxies=1 \
  --latchkey.introspection.clients.bench="$(printf '%s' "$INTROSPECTION_SECRET" | sha256sum | cut -d' ' -f1)"
echo "startup_ms $READY_MS" | tee -a "$OUT/results.txt"
sleep 2; echo "rss_idle_mib $(rss_mib)" | tee -a "$OUT/results.txt"
: > "$OUT/users.txt"; : > "$OUT/access-tokens.txt"
for i in $(seq 1 $USERS); do
  email="bench-$i-$(date +%s%N)@example.com"
  curl -sf -o /dev/null -X POST "http://localhost:$PORT/api/v1/accounts" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$PASSWORD\"}"
  echo "$email" >> "$OUT/users.txt"
  curl -sf -X POST "http://localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1\n/' >> "$OUT/access-tokens.txt"
done
warm_up bench/wrk/report.lua /ping
warm_up bench/wrk/bearer.lua /api/v1/me
run_wrk noop bench/wrk/report.lua /ping
( peak=0; while kill -0 "$SERVICE" 2>/dev/null && [ ! -f "$OUT/.load-done" ]; do r=$(rss_mib); [ "$r" -gt "$peak" ] && peak=$r; echo "$peak" > "$OUT/rss-peak.txt"; sleep 0.5; done ) &
SAMPLER=$!
"$JAVA_HOME/bin/jcmd" "$SERVICE" JFR.start name=me settings=profile > /dev/null
run_wrk me_near bench/wrk/bearer.lua /api/v1/me
"$JAVA_HOME/bin/jcmd" "$SERVICE" JFR.stop name=me filename="$(pwd)/$OUT/profile.jfr" > /dev/null
touch "$OUT/.load-done"; wait $SAMPLER 2>/dev/null || true; rm -f "$OUT/.load-done"
echo "rss_load_mib $(cat "$OUT/rss-peak.txt")" | tee -a "$OUT/results.txt"
warm_up bench/wrk/introspect.lua /api/v1/auth/introspect
run_wrk introspect bench/wrk/introspect.lua /api/v1/auth/introspect
# At the instance's password capacity (four per core in flight): more connections would only measure how fast the
# excess is shed, which scenario 11 does.
CONNECTIONS=$(( 4 * $(nproc) )) run_wrk login bench/wrk/login.lua /api/v1/auth/login
echo "== scenario 11 (login storm: 128 concurrent logins beside /me at 8 connections)"
THREADS=1 CONNECTIONS=8 run_wrk storm_me_alone bench/wrk/bearer.lua /api/v1/me
THREADS=1 CONNECTIONS=128 run_wrk storm_login bench/wrk/login.lua /api/v1/auth/login &
STORM=$!
sleep 1 # the storm is under way before /me is measured beside it
THREADS=1 CONNECTIONS=8 DURATION=$(( ${DURATION%s} - 2 ))s run_wrk storm_me bench/wrk/bearer.lua /api/v1/me
wait $STORM
echo "== seeding 2 x $REFRESH_POOL refresh tokens (one pool warms up, the other is measured)"
# Each seeding login from an address of its own, retried after a 503 overloaded (Retry-After).
login_refresh() {
  curl -sf --retry 10 -X POST "http://localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: 10.250.$(( $2 / 250 )).$(( $2 % 250 + 1 ))" \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"refresh_token":"([^"]+)".*/\1\n/'
}
mapfile -t EMAILS < "$OUT/users.txt"
SEEDED=0
for pool in refresh-warm refresh-tokens; do
  : > "$OUT/$pool.txt"
  PIDS=()
  for i in $(seq 1 "$REFRESH_POOL"); do
    SEEDED=$(( SEEDED + 1 ))
    login_refresh "${EMAILS[$(( SEEDED % USERS ))]}" "$SEEDED" >> "$OUT/$pool.txt" &
    PIDS+=($!)
    if (( ${#PIDS[@]} == 8 )); then wait "${PIDS[@]}"; PIDS=(); fi
  done
  [ ${#PIDS[@]} -eq 0 ] || wait "${PIDS[@]}"
done
REFRESH_TOKENS="$OUT/refresh-warm.txt" warm_up bench/wrk/refresh.lua /api/v1/auth/refresh
REFRESH_TOKENS="$OUT/refresh-tokens.txt" run_wrk refresh bench/wrk/refresh.lua /api/v1/auth/refresh
stop_service

echo "== scenario 8, as the container runs it (extracted jar, ahead-of-time cache from a training run; deploy/Dockerfile)"
rm -rf "$OUT/image" && mkdir -p "$OUT/image"
rm -rf "$OUT/layers"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --layers --destination "$OUT/layers" > /dev/null
for layer in dependencies spring-boot-loader snapshot-dependencies application; do cp -r "$OUT/layers/$layer/." "$OUT/image/"; done
mv "$OUT"/image/bootstrap-*.jar "$OUT/image/latchkey.jar"
TRAINING=(--latchkey.token.signing.allow-ephemeral=true --spring.flyway.enabled=false
  --spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/training --spring.data.redis.port=1
  --spring.kafka.bootstrap-servers=127.0.0.1:1 --spring.kafka.admin.auto-create=false --logging.level.root=ERROR)
(cd "$OUT/image" && "$JAVA" -Xmx576m -XX:AOTCacheOutput=app.aot --enable-native-access=ALL-UNNAMED -Dspring.context.exit=onRefresh \
  -jar latchkey.jar "${TRAINING[@]}") \
  > "$OUT/aot-training.log" 2>&1
JAR=latchkey.jar SERVICE_DIR="$OUT/image" JVM_OPTS="-XX:AOTCache=app.aot --enable-native-access=ALL-UNNAMED" \
  start_service aot /actuator/health/readiness
echo "startup_aot_ms $READY_MS" | tee -a "$OUT/results.txt"
sleep 2; echo "rss_idle_aot_mib $(rss_mib)" | tee -a "$OUT/results.txt"
stop_service

echo "== scenario 3 (near cache off: every check reads Redis)"
start_service near_off /actuator/health/readiness --latchkey.cache.near-enabled=false
warm_up bench/wrk/bearer.lua /api/v1/me "$RESTARTED_WARM_UP"
run_wrk me_redis bench/wrk/bearer.lua /api/v1/me
stop_service

echo "== scenario 4 (near cache off, Redis unreachable: every check reads PostgreSQL)"
start_service redis_down /actuator/health/liveness --latchkey.cache.near-enabled=false --spring.data.redis.port=1 \
  --latchkey.cache.fallback-max-concurrent=1000
warm_up bench/wrk/bearer.lua /api/v1/me "$RESTARTED_WARM_UP"
run_wrk me_postgres bench/wrk/bearer.lua /api/v1/me
stop_service

echo "== scenario 12 (near cache on, Redis unreachable: each PostgreSQL answer is kept near for the near-cache TTL)"
start_service redis_down_near /actuator/health/liveness --spring.data.redis.port=1 \
  --latchkey.cache.fallback-max-concurrent=1000
warm_up bench/wrk/bearer.lua /api/v1/me "$RESTARTED_WARM_UP"
run_wrk me_postgres_near bench/wrk/bearer.lua /api/v1/me
stop_service
if $WITH_KEYCLOAK; then
  source bench/keycloak.sh
  run_keycloak_peer
fi
kill "$INFRA"; wait "$INFRA" 2>/dev/null || true; INFRA=""

echo "== raw rates on this machine, 2 threads (Argon2id at the service's parameters, RS256 signing)"
for bench in PasswordHashBenchmark JwtSigningBenchmark.sign; do
  "$JAVA" -jar bench/jmh/target/benchmarks.jar "$bench" -p algorithm=RS256 -f 1 -wi 1 -w 3s -i 2 -r 5s -t 2 -bm thrpt -tu s \
    > "$OUT/raw-$bench.txt" 2>&1
  echo "raw_$bench $(awk '/^(Password|JwtSigning)/ { for (i = 1; i <= NF; i++) if ($i == "thrpt") print $(i + 2) }' "$OUT/raw-$bench.txt" | tail -1)" | tee -a "$OUT/results.txt"
done

echo "== scenario 7 (logout on A -> rejection on B)"
./mvnw -B -q -pl bootstrap -am verify -Dit.test=RevocationPropagationIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false > "$OUT/propagation-build.log" 2>&1 || { echo "propagation run failed, see $OUT/propagation-build.log"; exit 1; }

echo "== scenario 9 (three instances under /me load: logout on one -> first 401 on the other two; Redis up, then down)"
./mvnw -B -q -pl bootstrap -am verify -Dit.test=CrossInstanceRevocationIT -Drevocation.seconds="${DURATION%s}" -Dtest=NONE \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false > "$OUT/revocation-three-build.log" 2>&1 \
  || { echo "three-instance revocation run failed, see $OUT/revocation-three-build.log"; exit 1; }
cat "$OUT/revocation-three-instances.txt"

"$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$OUT/profile.jfr" > "$OUT/hot-methods.txt" 2>&1 || true
"$JAVA" bench/tools/WriteResults.java "$OUT" bench/RESULTS.md "$(nproc)" "$("$JAVA" -version 2>&1 | head -1)" "$(wrk -v 2>&1 | head -1)"
echo "== done: bench/RESULTS.md"
