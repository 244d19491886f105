# Sourced by the run-*.sh scripts of the packaged-suite benchmarks: runs one main class of target/benchmarks.jar
# from this folder, with the repository root as -Dtributary.root. Needs: ./mvnw -B -ntp install -DskipTests
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
