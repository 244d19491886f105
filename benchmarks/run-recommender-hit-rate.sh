#!/usr/bin/env bash
# Hit rate at 10 of the built-in recommender (serving's own ranking function) on a time split of the superstore orders,
# beside a popularity baseline on the same split. No services are started: it reads the CSV and ranks in-process.
#   run-recommender-hit-rate.sh [--data ../shared/data/superstore/superstore.csv] [--split 2018-01-01]... [--k 10]
#     [--planted 0.2]...   (also on a control with a known dependence planted in the purchases: see RecommenderHitRate)
# Needs: ./mvnw -B -ntp package -DskipTests -pl benchmarks -am
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
run_main io.tributary.benchmarks.RecommenderHitRate "$@"
