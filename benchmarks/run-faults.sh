#!/usr/bin/env bash
# Fault injection, long: the system test FaultInjectionIT with many records and kills. While the generator's orders go
# in as uploaded files and pushes of events, every service is killed (SIGKILL) at random moments and started again by
# the local suite's supervisor, the Kafka broker is restarted once and PostgreSQL killed once; at the end the curated
# rows and the aggregate must equal the totals computed from the input, and every batch's counts add up. It prints
# one [faults] line: the kills, the restarts and the counts.
#   run-faults.sh [rows, default 100000] [kills, default 24] [seed, default 31]
# Packages the services first (tests skipped); the run itself takes about 10 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
kills="${2:-24}"
seed="${3:-31}"
mkdir -p target
./mvnw -B -ntp verify -pl ingestion-service,transform-service,serving-service,requirements-service,system-test -am \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultInjectionIT \
  -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtributary.faults.rows="$rows" -Dtributary.faults.kills="$kills" -Dtributary.faults.seed="$seed" \
  | tee target/run-faults.log | grep -E '^\[faults\]|Tests run:|BUILD|FAIL|expected'
