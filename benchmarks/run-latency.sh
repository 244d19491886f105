#!/usr/bin/env bash
# Streaming latency of the transform path: events pushed to the packaged suite's ingestion service at a steady rate,
# each request timed until serving's sales by region counts all its events (p50/p95/p99/max, CPU per process), both
# by polling the metrics API and as pushed on its live stream (Server-Sent Events; --no-sse leaves that out).
#   run-latency.sh [--rate 2000] [--seconds 60] [--per-request 100] [--warmup 60] [--poll-ms 20] [--jfr] [--pg-sample]
#                  [--no-sse] [--keep]
# --jfr records the transform and ingestion services with JFR during the measure and prints their hotspots.
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.TransformLatency "$@"
