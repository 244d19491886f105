#!/usr/bin/env bash
# Serving's region query over a year of daily aggregates at a fixed rate (open loop, latency from each request's due
# time), beside PostgreSQL's own execution time of the same statement (EXPLAIN ANALYZE) in the same run.
#   run-region-query.sh [--rate 1000[,200...]] [--seconds 30] [--warmup 15] [--cells-per-day 100] [--grain total|day]
#                       [--explain-ms 50] [--keep]
# Needs the packaged services: ./mvnw -B -ntp package -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.RegionQueryLoad "$@"
