#!/usr/bin/env bash
# Runs the JMH stage benchmarks (extraction, rule evaluation, workbook, WARC writing) and writes
# out/bench/jmh.json. Extra arguments go to JMH, e.g. `bench/jmh.sh Extraction` or `bench/jmh.sh -prof gc`.
# Builds through the reactor (nothing is installed into ~/.m2); `mvn verify` never runs these.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p out/bench
mvn -B -q -o -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
# One fork; each benchmark class sets its iterations (2 × 2 s warm-up, 3 × 2 s measured; single shots: none
# and 2–3):
# about 3 minutes on 2 cores. Real pages are read from engine/src/test/resources/real-pages (-Dgongkai.realPages=DIR to move).
exec java -Dgongkai.realPages="${GONGKAI_REAL_PAGES:-$root/engine/src/test/resources/real-pages}" -cp "$cp" org.openjdk.jmh.Main \
    -f 1 -rf json -rff out/bench/jmh.json "$@"
