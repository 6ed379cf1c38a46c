#!/usr/bin/env bash
# Everything behind RESULTS-adapters.md, one step after the other (never two at once: 2 cores).
#   benchmarks/scripts/run-all-adapters.sh OUT_DIR        (from the repository root, after mvn package)
set -uo pipefail
OUT=${1:-benchmarks/target/adapter-results}
mkdir -p "$OUT"
cp benchmarks/target/benchmarks.jar "$OUT/bench.jar"
JAR="$OUT/bench.jar"
P=io.flowport.benchmarks.adapters
log() { echo "=== $* $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/steps.txt"; }

log "paired harness"
java -Xms1g -Xmx1g -cp "$JAR" $P.PairedRatioHarness 30 500 > "$OUT/paired.out" 2>&1
log "jmh rounds"
JAR="$JAR" benchmarks/scripts/run-adapters.sh 3 "$OUT/jmh" > "$OUT/jmh.out" 2>&1
log "wakeups"
java -Xms1g -Xmx1g -cp "$JAR" $P.WakeupsPerCallHarness 5000 > "$OUT/wakeups.out" 2>&1
log "breakdown + gc profile"
java -jar "$JAR" "$P.ZeebeOverheadBreakdownBenchmark" -f 1 -wi 4 -w 1 -i 5 -r 1 -prof gc \
    -rf json -rff "$OUT/breakdown.json" > "$OUT/breakdown.out" 2>&1
java -jar "$JAR" "$P.FlowableAdapterBenchmark.latency_(get|start)_(raw|flowport)\$" -f 1 -wi 4 -w 1 -i 5 -r 1 -prof gc \
    -rf json -rff "$OUT/flowable-gc.json" > "$OUT/flowable-gc.out" 2>&1
log "resources"
for k in zeebe-raw zeebe-flowport zeebe-official flowable-raw flowable-flowport; do
  java -Xms2g -Xmx2g -cp "$JAR" $P.AdapterResourcesHarness $k 10000 > "$OUT/resources-$k.out" 2>&1
done
log "done"
