#!/usr/bin/env bash
# Several benchmarks of the packaged suite in turn in one JVM, on one suite started once with the first (instead of
# once for each); each prints its own report, and a table at the end gives each one's time. For benchmarks whose
# figures do not need a fresh suite only (benchmarks/README.md says which and why).
#   run-sequence.sh Benchmark [its arguments] [-- Benchmark [its arguments]]...
#   e.g. run-sequence.sh TransformBatch 1000000 -- Growth
# Needs the packaged services: ./mvnw -B -ntp install -DskipTests
set -euo pipefail
source "$(dirname "$0")/java-main.sh"
case " $* " in
  # as run-recommendation-latency.sh: co-purchases ranked ahead of the best sellers, so that a purchase shows in the
  # first answer that reflects it (the other benchmarks do not ask for recommendations)
  *" RecommendationLatency "*)
    export TRIBUTARY_SERVING_RECOMMENDATIONS_BLEND="${TRIBUTARY_SERVING_RECOMMENDATIONS_BLEND:-false}" ;;
esac
run_main io.tributary.benchmarks.Sequence "$@"
