#!/usr/bin/env bash
# The transform's backlog path, measured with the service's own decoder and pipeline: a file uploaded with no pipeline
# declared, its records read back from the dataset's topic, decoded and run through the demo pipeline on several
# threads, copied into an unindexed table, then the indexes, aggregate and features built set-based and swapped in with
# the consumer offsets in one transaction; then the set-based bound on the same file and PostgreSQL.
#   run-backlog-path.sh [rows, default 300000] [--threads 1] [--warmup-records 100000] [--parallel-build] [--compare]
#   [--keep]
# The first 100,000 records are read, decoded and run once first, their rows dropped (the JIT warm-up), not counted.
# One thread copies in the build's own transaction; --threads N copies on N connections, each committed, then builds;
# --parallel-build builds the indexes and aggregate on one connection and the features on another at once.
# --compare builds the tables beside the service's and checks them, value for value, against the per-record path's.
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.BacklogPath "$@"
