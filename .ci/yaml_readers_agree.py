"""Every generated YAML document reads the same in YAML 1.1 and YAML 1.2.

PyYAML's SafeLoader resolves plain scalars by YAML 1.1 (`NO` and `on` are
booleans, `1_000` a number, `2001-12-14` a date). `Yaml12Loader` below
resolves them by the YAML 1.2 core schema, as yaml_serde (whose reading
the generator's own tests check) and most JavaScript tools do. A string
the generator forgot to quote reads differently in the two.

usage: python yaml_readers_agree.py FILE...
"""

import re
import sys

import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's implicit types only."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def core_int(loader, node):
    text = loader.construct_scalar(node)
    for prefix, base in (("0o", 8), ("0x", 16)):
        if text.startswith(prefix):
            return int(text[2:], base)
    return int(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", core_int)


def differences(a, b, path="$"):
    if type(a) is not type(b):
        yield f"{path}: YAML 1.1 reads {a!r} ({type(a).__name__}), YAML 1.2 reads {b!r} ({type(b).__name__})"
    elif isinstance(a, dict):
        if list(a) != list(b):
            yield f"{path}: keys differ: {list(a)!r} vs {list(b)!r}"
        for key in a.keys() & b.keys():
            yield from differences(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list):
        if len(a) != len(b):
            yield f"{path}: lengths differ"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, f"{path}[{i}]")
    elif a != b:
        yield f"{path}: YAML 1.1 reads {a!r}, YAML 1.2 reads {b!r}"


def main(files):
    failed = False
    for name in files:
        with open(name, encoding="utf-8") as f:
            text = f.read()
        found = list(differences(yaml.safe_load(text), yaml.load(text, Loader=Yaml12Loader)))
        for problem in found:
            print(f"{name}: {problem}")
        failed |= bool(found)
        if not found:
            print(f"{name}: YAML 1.1 and 1.2 agree")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
