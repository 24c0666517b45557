#!/usr/bin/env python3
"""Splits a `cargo build --timings` report into the workspace's crates and their dependencies.

Usage: python3 bench/timings_split.py TARGET/cargo-timings/cargo-timing.html [...]

For each report, prints the sum of every unit's duration, the part spent
on packages whose names start with `errcat` or are `xtask` (the
generator's own), the part spent on everything else, and the longest
units. With `CARGO_BUILD_JOBS=1` the units do not overlap, so the sums
are the build's time split by who is compiled.
"""

import json
import re
import sys

OWN = ("errcat", "xtask")


def main(paths):
    if not paths:
        sys.exit(__doc__)
    for path in paths:
        with open(path, encoding="utf-8") as report:
            text = report.read()
        found = re.search(r"const UNIT_DATA = (\[.*?\]);\n", text, re.S)
        if found is None:
            sys.exit(f"{path}: no UNIT_DATA in this file; is it cargo's --timings report?")
        units = json.loads(found.group(1))
        own = sum(u["duration"] for u in units if u["name"].startswith(OWN))
        deps = sum(u["duration"] for u in units if not u["name"].startswith(OWN))
        print(f"{path}: units {own + deps:.1f} s, dependencies {deps:.1f} s, own {own:.1f} s")
        for unit in sorted(units, key=lambda u: -u["duration"])[:8]:
            print(f"    {unit['duration']:6.1f} s  {unit['name']} {unit.get('target', '').strip()}")


if __name__ == "__main__":
    main(sys.argv[1:])
