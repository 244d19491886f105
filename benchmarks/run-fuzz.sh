#!/usr/bin/env bash
# Long fuzzing runs of the readers of what users send (Jazzer): every *FuzzTest of catalog, ingestion-service and
# transform-service, each for DURATION (default 30m) in a JVM of its own, after replaying its kept inputs. The build
# runs the same tests for 10 s each; see docs/decisions/0019-supervised-local-run-and-fuzzing.md.
#
#   benchmarks/run-fuzz.sh [DURATION] [extra Maven arguments]     e.g. benchmarks/run-fuzz.sh 2h -Djazzer.keep_going=5
#   FUZZ_MODULES=catalog benchmarks/run-fuzz.sh 10m                 only the targets of these modules
#
# A crash is saved as crash-<sha1> in the target's inputs folder (src/test/resources/.../<Class>Inputs/<method>/),
# where it stays as a regression input once fixed; the corpus grows in <module>/.cifuzz-corpus/ (not committed). The
# end prints, per target, the inputs tried and the findings.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-30m}"
[ $# -gt 0 ] && shift
log="$root/benchmarks/target/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
mkdir -p "$(dirname "$log")"
started="$(dirname "$log")/fuzz-started"
touch "$started"
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) fuzzing each target for $duration on $(nproc) cores, load average" \
     "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); log in $log"
cd "$root"
# test-compile, then the fuzz execution alone: the other tests do not run
# fuzz.basedir=.: the module, so that the corpus grows from run to run and crashes land in src/test/resources
./mvnw -B -ntp -pl "${FUZZ_MODULES:-catalog,ingestion-service,transform-service}" -am test-compile surefire:test@fuzz \
    -Dfuzz.duration="$duration" -Dfuzz.basedir=. -Dmaven.test.failure.ignore=true "$@" >"$log" 2>&1 || true
echo
# libFuzzer ends each run with "Done <inputs> runs in <seconds> second(s)", after a finding too
awk '
  /Running io\.tributary\..*FuzzTest/ { target = $NF; sub(/^io\.tributary\./, "", target) }
  /^#[0-9]+[ \t]+(DONE|pulse|NEW|REDUCE)/ { cov[target] = $4 }
  /^Done [0-9]+ runs in/ { inputs[target] = $2 }
  /^com\.code_intelligence\.jazzer\.junit\.FuzzTestFindingException/ { findings[target]++ }
  /Tests run: .* -- in io\.tributary\..*FuzzTest/ { seen[target] = 1 }
  END {
    printf "%-55s %12s %8s %9s\n", "target", "inputs", "edges", "findings"
    for (t in seen) printf "%-55s %12s %8s %9d\n", t, inputs[t] ? inputs[t] : "?", cov[t] ? cov[t] : "?", findings[t]
  }' "$log"
found="$(find "$root"/*/src/test/resources -path '*FuzzTestInputs*' -name 'crash-*' -newer "$started" 2>/dev/null || true)"
if [ -n "$found" ]; then
  echo
  echo "new crash inputs (fix the reader, keep the file as a regression input):"
  echo "$found"
  exit 1
fi
