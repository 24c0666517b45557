"""What every catalogue's `convert.py` shares: the YAML string it writes
texts as, and writing its outputs, or with `--check` comparing them with
the committed files (as CI does) and writing nothing.
"""

import json
import sys


def quoted(text):
    """A YAML double-quoted scalar: JSON's string syntax is one."""
    return json.dumps(text, ensure_ascii=False)


def write_or_check(root, outputs):
    """Writes each `(path, text)` of `outputs`; with `--check`, names every
    file under `root` that differs and fails. `outputs` is called only once
    the arguments are understood."""
    check = sys.argv[1:] == ["--check"]
    if sys.argv[1:] not in ([], ["--check"]):
        sys.exit("usage: convert.py [--check]")
    stale = []
    for path, text in outputs():
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(root)))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.exit("not what convert.py writes (run it again): " + ", ".join(stale))
