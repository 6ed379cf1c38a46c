#!/usr/bin/env bash
# Runs the adapter benchmarks (Zeebe + Flowable) in ROUNDS rounds of one fork each, so every SDK
# benchmark and its baseline are measured in the same run, interleaved round by round (JMH runs
# all forks of one benchmark before the next; rounds of -f 1 alternate them instead). Then prints
# the SDK/baseline ratios (ratios.py).
#
#   benchmarks/scripts/run-adapters.sh [ROUNDS] [OUT_DIR]      (from the repository root)
#
# Copies the jar first, so a rebuild during the run cannot break the forks.
set -euo pipefail
ROUNDS=${1:-3}
OUT=${2:-benchmarks/target/adapter-results}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 4 -w 1 -i 5 -r 1}
mkdir -p "$OUT"
cp "${JAR:-benchmarks/target/benchmarks.jar}" "$OUT/benchmarks.jar"
for r in $(seq 1 "$ROUNDS"); do
  echo "=== round $r / $ROUNDS  $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
  java -jar "$OUT/benchmarks.jar" 'adapters\.(ZeebeAdapterBenchmark|FlowableAdapterBenchmark)\.' $JMH_OPTS \
      -rf json -rff "$OUT/round-$r.json" > "$OUT/round-$r.log" 2>&1
  tail -n 20 "$OUT/round-$r.log"
done
echo "=== done $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
python3 "$(dirname "$0")/ratios.py" "$OUT"/round-*.json
