# Sourced by the run-*.sh scripts of the packaged-suite benchmarks: runs one main class of target/benchmarks.jar
# from this folder, with the repository root as -Dtributary.root. Needs: ./mvnw -B -ntp install -DskipTests
# The pushing benchmarks keep more pushes in flight than a producer usually does: the suite's ingestion service, which
# inherits this environment, takes 64 per source unless told otherwise (its own default is 4, answered 429 beyond).
export TRIBUTARY_INGESTION_LIMITS_CONCURRENT_PUSHES="${TRIBUTARY_INGESTION_LIMITS_CONCURRENT_PUSHES:-64}"
run_main() {
  local here root jar java_bin main="$1"
  shift
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  root="$(dirname "$here")"
  jar="$here/target/benchmarks.jar"
  if [ ! -f "$jar" ]; then
    echo "$jar is missing; build first: ./mvnw -B -ntp install -DskipTests (in $root)" >&2
    exit 2
  fi
  java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  cd "$here"
  exec "$java_bin" -Xmx1g -Dtributary.root="$root" -cp "$jar" "$main" "$@"
}
