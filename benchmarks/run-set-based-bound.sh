#!/usr/bin/env bash
# The demo pipeline's work done set-based by PostgreSQL alone (COPY of the file, then one statement per table), against
# COPY of the same file into a bare table: a bound for any design of the transform's batch path on this machine.
#   run-set-based-bound.sh [rows, default 1000000]
# Needs: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.SetBasedBound "$@"
