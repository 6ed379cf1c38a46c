#!/usr/bin/env python3
"""SDK/baseline ratios from JMH JSON results of several rounds (run-adapters.sh).

For each pair it prints:
  * per-round ratios (SDK and baseline measured in the same JVM round, minutes apart);
  * the mean of the per-round ratios with a 95% t-interval over rounds (the between-round noise,
    which dominates on a shared machine), and min..max;
  * the ratio of the pooled means (all measurement iterations of all rounds) with a 95% interval
    propagated from each side's iteration spread.

A ratio > 1 means the SDK takes longer (latency) or does more (throughput): read the "better when"
column. Usage: ratios.py round-1.json round-2.json ...
"""
import json
import math
import statistics
import sys

# t(0.975, df) for small df
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
        10: 2.228, 12: 2.179, 14: 2.145, 19: 2.093, 24: 2.064, 29: 2.045, 39: 2.023, 59: 2.001}


def t975(df):
    if df <= 0:
        return float('nan')
    keys = sorted(k for k in T975 if k <= df)
    return T975[keys[-1]] if keys else 12.706


PAIRS = [
    # (label, sdk, baseline)
    ("Zeebe latency: Flowport / raw future stub", "ZeebeAdapterBenchmark.latency_flowport", "ZeebeAdapterBenchmark.latency_rawFutureStub"),
    ("Zeebe latency: Flowport / raw blocking stub", "ZeebeAdapterBenchmark.latency_flowport", "ZeebeAdapterBenchmark.latency_rawBlockingStub"),
    ("Zeebe latency: Flowport / official client", "ZeebeAdapterBenchmark.latency_flowport", "ZeebeAdapterBenchmark.latency_official"),
    ("Zeebe 64 in flight: Flowport / raw future stub", "ZeebeAdapterBenchmark.inflight64_flowport", "ZeebeAdapterBenchmark.inflight64_rawFutureStub"),
    ("Zeebe 64 in flight: Flowport / official client", "ZeebeAdapterBenchmark.inflight64_flowport", "ZeebeAdapterBenchmark.inflight64_official"),
    ("Flowable start latency: Flowport / raw OkHttp async", "FlowableAdapterBenchmark.latency_start_flowport", "FlowableAdapterBenchmark.latency_start_raw"),
    ("Flowable start latency: Flowport / raw OkHttp sync", "FlowableAdapterBenchmark.latency_start_flowport", "FlowableAdapterBenchmark.latency_start_rawSync"),
    ("Flowable get latency: Flowport / raw OkHttp async", "FlowableAdapterBenchmark.latency_get_flowport", "FlowableAdapterBenchmark.latency_get_raw"),
    ("Flowable start 64 in flight: Flowport / raw", "FlowableAdapterBenchmark.inflight64_start_flowport", "FlowableAdapterBenchmark.inflight64_start_raw"),
    ("Flowable get 64 in flight: Flowport / raw", "FlowableAdapterBenchmark.inflight64_get_flowport", "FlowableAdapterBenchmark.inflight64_get_raw"),
]


def load(paths):
    rounds = []
    for p in paths:
        with open(p) as f:
            data = json.load(f)
        r = {}
        for b in data:
            name = b["benchmark"].split("adapters.")[-1]
            raw = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
            r[name] = {"score": b["primaryMetric"]["score"], "unit": b["primaryMetric"]["scoreUnit"],
                       "mode": b["mode"], "iters": raw}
        rounds.append(r)
    return rounds


def mean_ci(xs):
    m = statistics.mean(xs)
    if len(xs) < 2:
        return m, float('nan')
    return m, t975(len(xs) - 1) * statistics.stdev(xs) / math.sqrt(len(xs))


def main(paths):
    rounds = load(paths)
    names = sorted({n for r in rounds for n in r})
    print(f"Rounds: {len(rounds)}\n")
    print("Raw scores (per round; pooled mean ± 95% CI over all measurement iterations; CV across rounds)")
    print(f"{'benchmark':52} {'unit':8} " + " ".join(f"{'r' + str(i + 1):>9}" for i in range(len(rounds)))
          + f" {'pooled':>10} {'±':>8} {'CV%':>5}")
    for n in names:
        per = [r[n]["score"] if n in r else float('nan') for r in rounds]
        iters = [x for r in rounds if n in r for x in r[n]["iters"]]
        m, ci = mean_ci(iters)
        valid = [p for p in per if not math.isnan(p)]
        cv = 100 * statistics.stdev(valid) / statistics.mean(valid) if len(valid) > 1 else float('nan')
        unit = next(r[n]["unit"] for r in rounds if n in r)
        print(f"{n:52} {unit:8} " + " ".join(f"{p:9.1f}" for p in per) + f" {m:10.1f} {ci:8.1f} {cv:5.1f}")
    print()
    print("Ratios SDK / baseline")
    print(f"{'pair':55} {'better':>7} " + " ".join(f"{'r' + str(i + 1):>6}" for i in range(len(rounds)))
          + f" {'mean':>6} {'±95%':>6} {'min':>6} {'max':>6} {'pooled':>7} {'±95%':>6}")
    for label, sdk, base in PAIRS:
        if not all(sdk in r and base in r for r in rounds):
            continue
        ratios = [r[sdk]["score"] / r[base]["score"] for r in rounds]
        m, ci = mean_ci(ratios)
        si = [x for r in rounds for x in r[sdk]["iters"]]
        bi = [x for r in rounds for x in r[base]["iters"]]
        sm, sci = mean_ci(si)
        bm, bci = mean_ci(bi)
        pooled = sm / bm
        perr = pooled * math.sqrt((sci / sm) ** 2 + (bci / bm) ** 2)
        better = "lower" if rounds[0][sdk]["mode"] == "avgt" else "higher"
        print(f"{label:55} {better:>7} " + " ".join(f"{x:6.3f}" for x in ratios)
              + f" {m:6.3f} {ci:6.3f} {min(ratios):6.3f} {max(ratios):6.3f} {pooled:7.3f} {perr:6.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
