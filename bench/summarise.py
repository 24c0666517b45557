#!/usr/bin/env python3
"""Prints criterion's latest results as a Markdown table: for each
benchmark, the median time per iteration and the range (fastest and
slowest sample), then each row's ratio to the group's first entry.

usage: python3 bench/summarise.py [FILTER]   (reads target/criterion/)
"""
import json
import pathlib
import sys


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3), ("ns", 1)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns * 1000:.3g} ps"


def main():
    root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    rows = {}
    for bench in sorted(root.glob("**/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        name = meta["full_id"]
        if wanted not in name:
            continue
        sample = json.loads((bench.parent / "sample.json").read_text())
        per_iter = sorted(t / n for t, n in zip(sample["times"], sample["iters"]))
        median = per_iter[len(per_iter) // 2]
        group = meta["group_id"]
        rows.setdefault(group, []).append((meta.get("function_id") or meta.get("value_str") or "", median, per_iter[0], per_iter[-1]))
    print("| benchmark | median | range (fastest – slowest sample) | ratio to first |")
    print("| --- | ---: | --- | ---: |")
    for group, entries in rows.items():
        base = entries[0][1]
        for function, median, low, high in entries:
            print(f"| {group}/{function} | {fmt(median)} | {fmt(low)} – {fmt(high)} | {median / base:.2f}× |")


if __name__ == "__main__":
    main()
