# Sourced by .ci/run and bench/run.sh: exports JAVA_HOME to a JDK >= 21 (the current one if it is recent enough,
# else the newest under /usr/lib/jvm), or fails with a clear message.
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

usable_jdk() {
  [ -x "$1/bin/java" ] && [ "$(java_major "$1/bin/java")" -ge 21 ]
}

if [ -n "${JAVA_HOME:-}" ] && usable_jdk "$JAVA_HOME"; then
  :
elif command -v java >/dev/null && [ "$(java_major java)" -ge 21 ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    if usable_jdk "$candidate"; then JAVA_HOME="$candidate"; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "No JDK 21 or newer found (default: $(java -version 2>&1 | head -1)); install one." >&2
    exit 1
  fi
fi
export JAVA_HOME
