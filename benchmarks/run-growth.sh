#!/usr/bin/env bash
# How the batch path's cost grows with the file: generated CSV files of 100,000, 1,000,000 and 5,000,000 rows (the
# last over 1 GB) uploaded in turn to one packaged suite with the demo pipeline, each timed until published and until
# applied, with each service's peak heap and resident set and the CPU of each process.
#   run-growth.sh [sizes, default 100000,1000000,5000000] [--keep]
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.Growth "$@"
