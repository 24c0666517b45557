#!/usr/bin/env python3
"""Prints, for a spec in the synthetic format, the enums a user would
write by hand with strum derives: one per table, variant = UpperCamel of
the name, discriminant = code, the same docs as the generated variants.
Used by bench/build-cost.sh as the baseline for the generated crate.

usage: python3 bench/strum_twin.py SPEC.yaml > lib.rs
"""
import re
import sys


def camel(name):
    return "".join(w[:1].upper() + w[1:].lower() for w in re.split(r"[^A-Za-z0-9]+", name) if w)


def tables(text):
    """The synthetic spec's tables: (id, [(code, name, description)])."""
    found = []
    for line in text.splitlines():
        s = line.strip()
        if line.startswith("  - id: "):
            found.append((s[len("- id: "):], []))
        elif s.startswith("- code: "):
            found[-1][1].append([int(s[len("- code: "):]), None, None])
        elif s.startswith("name: ") and found and found[-1][1]:
            found[-1][1][-1][1] = s[len("name: "):]
        elif s.startswith("description: ") and found and found[-1][1]:
            found[-1][1][-1][2] = s[len("description: "):].strip('"')
    return found


def main():
    out = ["//! The synthetic catalogue as hand-written enums with strum derives.", "#![allow(missing_docs)]"]
    for table_id, rows in tables(open(sys.argv[1]).read()):
        out.append("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,")
        out.append("    strum::EnumString, strum::IntoStaticStr, strum::FromRepr, strum::EnumMessage)]")
        out.append(f"#[repr(u32)]\n#[non_exhaustive]\npub enum {camel(table_id)}Error {{")
        for code, name, description in rows:
            out.append(f"    /// `{code} {name}`: {description}")
            out.append(f"    #[strum(serialize = \"{name}\", message = \"{description}\")]")
            out.append(f"    {camel(name)} = {code},")
        out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
