#!/usr/bin/env bash
# How soon a purchase posted to ingestion changes that customer's recommendations: new customers each buy one product
# at a steady rate (open loop), and each one's recommendations are asked for until products bought together with it
# come first (p50/p95/p99/max from the purchase's due time, against p99 < 1 s).
#   run-recommendation-latency.sh [--rate 20] [--seconds 30] [--warmup 30] [--history 5000] [--poll-ms 10] [--keep]
# Needs the packaged services: ./mvnw -B -ntp package -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.RecommendationLatency "$@"
