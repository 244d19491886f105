#!/usr/bin/env bash
# JMH benchmark of the ingestion path (parse, check, serialise) against a readLine + split reference, single thread.
# Settings for a 2-core machine, with -prof gc for the bytes allocated per row (independent of load); extra arguments
# go to JMH (e.g. -prof jfr, -i 3 in place of the default, or a narrower regex such as IngestionPathBenchmark.parse$).
# Build first:
#   ./mvnw -B -ntp install -DskipTests      (or: ./mvnw -B -ntp package -pl benchmarks -am -DskipTests)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "$jar is missing; build it first: ./mvnw -B -ntp install -DskipTests (in $(dirname "$here"))" >&2
  exit 2
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
result="$here/target/jmh-result.json"
# busy and total CPU ticks of the machine, to tell afterwards how busy it was during the run
cpu_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat 2>/dev/null || echo "0 0"; }
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
read -r busy0 all0 < <(cpu_ticks)
# the settings for a 2-core machine, each unless the arguments give it (JMH refuses an option given twice)
defaults=(-f 1 -wi 3 -w 2s -i 5 -r 3s -t 1)
settings=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  case " $* " in
    *" ${defaults[k]} "*) ;;
    *) settings+=("${defaults[k]}" "${defaults[k + 1]}") ;;
  esac
done
"$java_bin" -jar "$jar" IngestionPathBenchmark "${settings[@]}" -prof gc -rf json -rff "$result" "$@"
read -r busy1 all1 < <(cpu_ticks)
echo
if [ "$all1" -gt "$all0" ]; then
  # JMH's single benchmark thread keeps one core busy; more than that is JIT, GC, or other processes
  echo "machine busy during the run: $(( 100 * (busy1 - busy0) / (all1 - all0) ))% of $(nproc) cores" \
       "(one benchmark thread = $(( 100 / $(nproc) ))%); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
"$java_bin" -cp "$jar" io.tributary.benchmarks.JmhReport "$result"
