#!/usr/bin/env bash
# Serving's region query over a year of daily aggregates at a fixed rate (open loop, latency from each request's due
# time), beside PostgreSQL's own execution time of the same statement (EXPLAIN ANALYZE) in the same run, while a
# change is committed to the aggregate every --commit-ms (0: none), so that serving's answer cache (decision 0052) is
# measured with its misses; the cache's share of hits and misses is reported. TRIBUTARY_SERVING_ANSWER_CACHE_ENABLED=false
# in the environment runs serving without the cache.
#   run-region-query.sh [--rate 1000[,200...]] [--seconds 30] [--warmup 15] [--cells-per-day 100] [--grain total|day]
#                       [--explain-ms 50] [--commit-ms 1000] [--max-staleness none,PT5S] [--jfr] [--keep]
# Needs the packaged services: ./mvnw -B -ntp package -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.RegionQueryLoad "$@"
