"""Prints a bash script that walks through a README section as written.

Usage: walk_through.py README.md "## Heading" CHECKOUT

Every fenced block of the section follows a marker comment that says what
to do with it, so that no block goes unwalked:

    <!-- walk-through: sh -->             run it (bash, -euo pipefail)
    <!-- walk-through: file PATH -->      write it to PATH
    <!-- walk-through: append PATH -->    add it to the end of PATH
    <!-- walk-through: check PATH -->     PATH must have each of its lines

`path/to/errcat`, the one placeholder the section asks its reader to
fill in, becomes CHECKOUT.
"""

import re
import shlex
import sys

MARKER = re.compile(r"^<!-- walk-through: (sh|file|append|check)(?: (\S+))? -->$")


def section(text, heading):
    lines = text.split("\n")
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


def blocks(lines):
    """(action, path, body, line number) of each marked block."""
    i, pending = 0, None
    while i < len(lines):
        line = lines[i]
        marker = MARKER.match(line)
        if marker:
            pending = (marker.group(1), marker.group(2), i + 1)
        elif line.startswith("```"):
            if pending is None:
                sys.exit(f"a code block without a walk-through marker, line {i + 1} of the section")
            end = lines.index("```", i + 1)
            action, path, _ = pending
            yield action, path, "\n".join(lines[i + 1 : end]) + "\n"
            pending, i = None, end
        elif line.strip() and pending is not None and not line.startswith("<!--"):
            sys.exit(f"a walk-through marker not followed by a code block, line {pending[2]}")
        i += 1


def main():
    readme, heading, checkout = sys.argv[1:]
    with open(readme, encoding="utf-8") as f:
        lines = section(f.read(), heading)
    out = ["set -euo pipefail"]
    count = 0
    for action, path, body in blocks(lines):
        count += 1
        body = body.replace("path/to/errcat", checkout)
        out.append(f"echo '--- walk-through step {count}: {action} {path or ''}'")
        if action == "sh":
            out.append(body)
        elif action in ("file", "append"):
            quoted = shlex.quote(path)
            redirect = ">" if action == "file" else ">>"
            out.append(f"mkdir -p \"$(dirname {quoted})\"")
            out.append(f"cat {redirect} {quoted} <<'WALK_THROUGH_EOF'\n{body}WALK_THROUGH_EOF")
        else:
            for line in body.splitlines():
                out.append(f"grep -qxF -- {shlex.quote(line)} {shlex.quote(path)}")
    if count == 0:
        sys.exit(f"no walk-through steps under {heading}")
    print("\n".join(out))


main()
