#!/usr/bin/env python3
"""Prints the workspace members whose every unit a `cargo test --no-run
--message-format=json...` read on standard input found fresh: built as
they are by an earlier `cargo test` of this run, which ran them. The
`--all-features` test step runs only the other members' tests again.
"""
import json
import subprocess
import sys


def main() -> None:
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--no-deps", "--format-version", "1"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    members = {package["id"]: package["name"] for package in metadata["packages"]}
    changed, seen = set(), set()
    for line in sys.stdin:
        if not line.startswith("{"):
            continue
        message = json.loads(line)
        if message.get("reason") != "compiler-artifact":
            continue
        name = members.get(message["package_id"])
        if name is None:
            continue
        seen.add(name)
        if not message["fresh"]:
            changed.add(name)
    for name in sorted(members.values()):
        # A member with no unit at all (none here) would be run, not skipped.
        if name in seen and name not in changed:
            print(name)


if __name__ == "__main__":
    main()
