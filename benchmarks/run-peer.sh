#!/usr/bin/env bash
# A real peer side by side: Apache Kafka Connect (standalone, its file source connector, in a JVM of its own) streams
# the lines of the same generated CSV file into the same broker, in the same run as the end-to-end ingestion benchmark
# (COPY, Tributary until every record is acknowledged by Kafka, Kafka alone). Prints records/s of both and the ratio.
#   run-peer.sh [rows, default 1000000] [--warmup-rows 200000] [--warmup-files 4] [--jfr] [--keep]
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.IngestEndToEnd --peer "$@"
