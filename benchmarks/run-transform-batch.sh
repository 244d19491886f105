#!/usr/bin/env bash
# Batch throughput of the transform path: a generated CSV uploaded to the packaged suite until the demo pipeline has
# applied every record and serving counts every row, against PostgreSQL COPY FROM STDIN of the same file, same run.
# A 100,000-row file goes the same way first and is not counted (--warmup-rows, 0 for none).
#   run-transform-batch.sh [rows, default 1000000] [--warmup-rows 100000] [--jfr] [--pg-sample] [--pair-index] [--keep]
# --jfr records the transform service with JFR during the run and prints its hotspots; --pg-sample samples
# PostgreSQL's active statements; --pair-index (an experiment) adds an index on curated.sales (customer_id, product_id).
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.TransformBatch "$@"
