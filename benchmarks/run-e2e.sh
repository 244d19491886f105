#!/usr/bin/env bash
# End-to-end ingestion benchmark: a generated CSV uploaded to the packaged suite until the batch is COMPLETED (every
# record acknowledged by Kafka), against PostgreSQL COPY FROM STDIN (psql \copy) of the same file, in the same run.
# A smaller file is ingested first to warm the services up and is not counted.
#   run-e2e.sh [rows, default 1000000] [--warmup-rows 200000] [--warmup-files 4] [--jfr] [--keep]
# --jfr records the ingestion service with JFR during the batch and prints its hotspots (figures then slightly lower).
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.IngestEndToEnd "$@"
