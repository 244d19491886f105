#!/usr/bin/env bash
# Live evaluation at scale: 1,000 objectives evaluated every 10 s by the packaged requirements service, its CPU as a
# share of one core beside the same service holding none, and the delay from a violation to its alert.
#   run-slo.sh [--objectives 1000] [--seconds 120] [--violations 3]
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.SloEvaluation "$@"
