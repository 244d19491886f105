#!/usr/bin/env bash
# Streaming latency of the transform path: events pushed to the packaged suite's ingestion service at a steady rate,
# each request timed until serving's sales by region counts all its events (p50/p95/p99/max, CPU per process).
#   run-latency.sh [--rate 2000] [--seconds 60] [--per-request 100] [--warmup 60] [--poll-ms 20] [--jfr] [--pg-sample] [--keep]
# --jfr records the transform service with JFR during the measure and prints its hotspots.
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "$jar is missing; build first: ./mvnw -B -ntp install -DskipTests (in $root)" >&2
  exit 2
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$here"
exec "$java_bin" -Xmx1g -Dtributary.root="$root" -cp "$jar" io.tributary.benchmarks.TransformLatency "$@"
