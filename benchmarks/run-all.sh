#!/usr/bin/env bash
# Every benchmark of the packaged suite in one go, and a dated Markdown report: each benchmark's own section (its
# figures beside the reference it measured in the same run), the commit, the machine, and the machine's load during
# each step (CPU busy share of all cores and the highest 1-minute load average, sampled every 2 s by this script).
#   run-all.sh [--rows 1000000] [--skip-build] [--only REGEX]
# The report goes to benchmarks/reports/<UTC date and time>.md; each step's whole output to
# benchmarks/target/run-all/<same stamp>/<step>.log. A step whose script is not there is listed as such; a step that
# fails is reported with its exit status and the end of its output, and the run goes on.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
rows=1000000
build=1
only='.'
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# name | script and its arguments: the set and the sizes chosen so that the whole run stays under 20 minutes here.
# Benchmarks that do not need a fresh suite run in turn on one (run-sequence.sh; benchmarks/README.md says why each
# belongs where): the batch throughput, then the growth with the 5,000,000-row file of over 1 GB; the live latencies,
# the region query and the objectives' evaluation. The ingestion benchmark with its peer needs a suite of its own (no
# pipeline reading its records).
steps=(
  "ingestion-path-jmh|run-jmh.sh -wi 2 -w 2s -i 3 -r 2s"
  "ingestion-and-kafka-connect-peer|run-peer.sh $rows"
  "transform-batch-and-growth|run-sequence.sh TransformBatch $rows -- Growth"
  "live-one-suite|run-sequence.sh RecommendationLatency -- RegionQueryLoad --max-staleness none,PT5S -- TransformLatency --seconds 30 --warmup 30 -- SloEvaluation --seconds 60"
  "recommender-hit-rate|run-recommender-hit-rate.sh"
)

stamp="$(date -u +%Y-%m-%dT%H%MZ)"
logs="$here/target/run-all/$stamp"
report="$here/reports/$stamp.md"
mkdir -p "$logs" "$here/reports"

if [ "$build" = 1 ]; then
  echo "building the services and the benchmarks (tests skipped)..."
  (cd "$root" && ./mvnw -B -ntp -q install -DskipTests) > "$logs/build.log" 2>&1 || {
    echo "the build failed; see $logs/build.log" >&2
    exit 1
  }
fi

# busy and total CPU ticks of the machine
cpu_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
# the highest 1-minute load average seen by the sampler since it was last reset
sample_load() {
  local max=0 now
  while true; do
    now=$(cut -d' ' -f1 /proc/loadavg)
    if [ -f "$logs/load.reset" ]; then
      max=0
      rm -f "$logs/load.reset"
    fi
    max=$(awk -v a="$max" -v b="$now" 'BEGIN { print (b > a ? b : a) }')
    echo "$max" > "$logs/load.max"
    sleep 2
  done
}
sample_load &
sampler=$!
trap 'kill $sampler 2>/dev/null' EXIT

{
  echo "# Benchmarks, $stamp"
  echo
  echo "Commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)');"
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) of memory, $(uname -sr);"
  echo "$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1). Command: \`benchmarks/run-all.sh --rows $rows\`."
  echo
  echo "| step | exit | minutes | machine busy | highest load average |"
  echo "|---|---|---|---|---|"
} > "$report.head"
: > "$report.body"

started=$(date +%s)
for step in "${steps[@]}"; do
  name="${step%%|*}"
  command="${step#*|}"
  script="${command%% *}"
  arguments="${command#"$script"}"
  if ! [[ "$name" =~ $only ]]; then
    continue
  fi
  if [ ! -x "$here/$script" ]; then
    echo "| $name | not present (\`$script\`) | | | |" >> "$report.head"
    continue
  fi
  echo "[$(date -u +%T)] $name: $command"
  touch "$logs/load.reset"
  sleep 3
  read -r busy0 all0 < <(cpu_ticks)
  t0=$(date +%s)
  # shellcheck disable=SC2086 # the arguments are words
  (cd "$here" && "./$script" $arguments) > "$logs/$name.log" 2>&1
  status=$?
  t1=$(date +%s)
  read -r busy1 all1 < <(cpu_ticks)
  busy=$(( all1 > all0 ? 100 * (busy1 - busy0) / (all1 - all0) : 0 ))
  printf '| %s | %s | %.1f | %d%% | %s |\n' "$name" "$status" "$(awk -v s=$(( t1 - t0 )) 'BEGIN { print s / 60 }')" "$busy" \
    "$(cat "$logs/load.max")" >> "$report.head"
  {
    echo
    echo "## $name"
    echo
    echo "\`benchmarks/$command\` — exit $status, $(( t1 - t0 )) s; whole output: \`benchmarks/target/run-all/$stamp/$name.log\`"
    echo
    # the benchmark's own report: from its first Markdown heading (a sequence prints several); on failure also the
    # end of its output
    if grep -q '^## ' "$logs/$name.log"; then
      sed -n '/^## /,$p' "$logs/$name.log" | sed 's/^## /### /'
    fi
    if [ "$status" != 0 ] || ! grep -q '^## ' "$logs/$name.log"; then
      echo
      echo '```'
      tail -n 40 "$logs/$name.log"
      echo '```'
    fi
  } >> "$report.body"
done
ended=$(date +%s)

{
  cat "$report.head"
  echo
  echo "Whole run: $(( (ended - started) / 60 )) min $(( (ended - started) % 60 )) s (the build not counted)."
  cat "$report.body"
} > "$report"
rm -f "$report.head" "$report.body"
echo "report: $report"
