#!/usr/bin/env bash
# Every benchmark of the packaged suite in one go, and a dated Markdown report: each benchmark's own section (its
# figures beside the reference it measured in the same run), the commit, the machine, and the machine's load during
# each step (CPU busy share of all cores and the highest 1-minute load average, sampled every 2 s by this script), and
# where each step's time went: its phases, each from the log line that began it to the next (every line of a step's
# output is stamped with the seconds since the step began as it arrives).
#   run-all.sh [--rows 1000000] [--skip-build] [--only REGEX]
# The report goes to benchmarks/reports/<UTC date and time>.md; each step's whole output to
# benchmarks/target/run-all/<same stamp>/<step>.log (<step>.timed: the same lines after their seconds into the step). A step whose script is not there is listed as such; a step that
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

# name | script and its arguments: the sizes the issues ask for, each through the pipeline once (benchmarks/README.md,
# "Where run-all.sh's time goes": the growth's 5,000,000 rows are built as a running pipeline's backlog, decision 0062).
# Benchmarks that do not need a fresh suite run in turn on one (run-sequence.sh; benchmarks/README.md says why each
# belongs where): the batch throughput, then the growth with the 5,000,000-row file of over 1 GB; the live latencies,
# the region query and the objectives' evaluation. The ingestion benchmark with its peer needs a suite of its own (no
# pipeline reading its records), as does the transform's backlog path (a first version declared over the file's records,
# decision 0061). The JMH step runs the service's own path and its stages beside the reference; the
# other CSV libraries and Jackson's writer (decisions 0013 and 0014, settled) are left to run-jmh.sh alone: half the
# step's time.
steps=(
  "ingestion-path-jmh|run-jmh.sh -wi 2 -w 2s -i 3 -r 2s -e FastCsv|Jackson|Univocity"
  "ingestion-and-kafka-connect-peer|run-peer.sh $rows"
  "transform-batch-and-growth|run-sequence.sh TransformBatch $rows -- Growth"
  "transform-backlog-path|run-backlog-path.sh $rows --service"
  "live-one-suite|run-sequence.sh RecommendationLatency -- RegionQueryLoad --max-staleness none,PT5S -- TransformLatency --seconds 30 --warmup 30 -- SloEvaluation --seconds 40"
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
# copies the step's output through, and each line after the seconds since $1 (epoch seconds) and a tab into $2
stamp_lines() {
  local t0="$1" line now
  while IFS= read -r line || [ -n "$line" ]; do
    printf '%s\n' "$line"
    printf -v now '%(%s)T' -1
    printf '%d\t%s\n' $(( now - t0 )) "$line" >&3
  done 3> "$2"
}
# the phases of a step from its stamped output ($1) and its whole time in seconds ($2): a phase begins at a line the
# benchmarks log (time of day, then the message; not an indented progress line, and of the suite's start only its first
# and last lines) or at each JMH benchmark, and lasts until the next; phases under 3 s are summed in one line
phases() {
  awk -F '\t' -v total="$2" '
    function emit(until,   d) {
      d = until - start
      if (d >= 3) {
        gsub(/\|/, "\\|", label)
        printf "| %d | %d | %s |\n", start, d, substr(label, 1, 110)
      } else {
        shortCount++
        shortSeconds += d
      }
    }
    BEGIN { label = "the step begins (its JVM starts)"; start = 0 }
    {
      t = $1 + 0
      line = $0
      sub(/^[^\t]*\t/, "", line)
      stamped = match(line, /^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])? /)
      message = stamped ? substr(line, RLENGTH + 1) : line
      begins = stamped && message !~ /^ / \
        && (message !~ /^\[suite\] / || message ~ /Starting PostgreSQL|All services are ready/)
      if (message ~ /^# Benchmark: / || message ~ /^# Run complete/) {
        begins = 1
      }
      if (begins) {
        emit(t)
        label = message
        start = t
      }
    }
    END {
      emit(total)
      if (shortCount > 0) {
        printf "| | %d | %d shorter phases together |\n", shortSeconds, shortCount
      }
    }' "$1"
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
: > "$report.phases"

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
  (cd "$here" && "./$script" $arguments) 2>&1 | stamp_lines "$t0" "$logs/$name.timed" > "$logs/$name.log"
  status=${PIPESTATUS[0]}
  t1=$(date +%s)
  echo "[$(date -u +%T)] $name: exit $status after $(( (t1 - t0) / 60 )) min $(( (t1 - t0) % 60 )) s"
  read -r busy1 all1 < <(cpu_ticks)
  busy=$(( all1 > all0 ? 100 * (busy1 - busy0) / (all1 - all0) : 0 ))
  printf '| %s | %s | %.1f | %d%% | %s |\n' "$name" "$status" "$(awk -v s=$(( t1 - t0 )) 'BEGIN { print s / 60 }')" "$busy" \
    "$(cat "$logs/load.max")" >> "$report.head"
  {
    echo
    echo "### $name: $(( t1 - t0 )) s"
    echo
    echo "| at s | seconds | phase (the line of the step's output that began it) |"
    echo "|---:|---:|---|"
    phases "$logs/$name.timed" $(( t1 - t0 ))
  } >> "$report.phases"
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
  echo
  echo "## Where the time went"
  echo
  echo "Each step's phases, from the line of its output that began each one to the next (seconds into the step, as the"
  echo "lines arrived); phases under 3 s are summed."
  cat "$report.phases"
  cat "$report.body"
} > "$report"
rm -f "$report.head" "$report.body" "$report.phases"
echo "report: $report"
