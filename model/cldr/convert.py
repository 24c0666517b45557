#!/usr/bin/env python3
"""Converts CLDR's cardinal plural rules into the Rust table errcat-model uses.

The source, vendored beside this script, is `plurals.json` of the
repository `unicode-org/cldr-json` (CLDR 47), path
`cldr-json/cldr-core/supplemental/plurals.json`, commit
`b08a82b582f1120d630d623f9e5073316741574d`, verbatim (SHA-256
`83f10932abb4ce2c4681725c6d11e4c01097a758830677127142c80c79bd6322`),
under the Unicode License v3 (`LICENSE` beside it).

A message selects on an integer param, so every rule is read for integer
operands only (UTS #35, "Plural Operand Meanings"): `n` and `i` are the
number's absolute value, and `v`, `w`, `f`, `t`, `c` and `e` are 0. A
relation on one of those is then true or false, and folds away
(`i = 1 and v = 0` is `n == 1`); a category whose condition folds to false
is one no integer has (Polish `other`), and gets no branch.

Writes `model/src/plural/cldr.rs` (paths from the repository's root): one
function per distinct rule, `fn(u64) -> Category`, with the same body as
text (`RULES`), which the Rust emitter copies into a generated crate for
each declared locale whose messages select; and `LOCALES`, each CLDR
locale's tag, its categories in CLDR's order, and its rule.

Usage: convert.py [--check]   (--check: compare with the committed file, write nothing)
"""

import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "model/cldr/plurals.json"
TARGET = ROOT / "model/src/plural/cldr.rs"
CATEGORIES = ["zero", "one", "two", "few", "many", "other"]
ZERO_OPERANDS = {"v", "w", "f", "t", "c", "e"}


def parse_condition(text):
    """`and`/`or` of relations, as [[relation, …], …] (or of ands)."""
    ors = []
    for alternative in text.split(" or "):
        ands = []
        for relation in alternative.split(" and "):
            found = re.fullmatch(
                r"\s*([nivwftce])\s*(?:(?:%|mod)\s*(\d+))?\s*(=|!=)\s*([\d.,]+)\s*", relation
            )
            if not found:
                sys.exit(f"convert.py: cannot read the relation {relation!r}")
            operand, modulus, operator, ranges = found.groups()
            values = []
            for item in ranges.split(","):
                low, _, high = item.partition("..")
                values.append((int(low), int(high or low)))
            ands.append((operand, int(modulus) if modulus else None, operator == "=", values))
        ors.append(ands)
    return ors


def merged(values):
    """The ranges in order, those that touch or overlap joined (`1, 2, 3` is `1..=3`)."""
    out = []
    for low, high in sorted(values):
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def fold(relation):
    """A relation as Rust text, or True/False when its operand is always 0."""
    operand, modulus, equal, values = relation
    if operand in ZERO_OPERANDS:
        inside = any(low <= 0 <= high for low, high in values)
        return inside == equal
    expression = f"n % {modulus}" if modulus else "n"
    values = merged(values)
    # `n % 10 == 0` would be `n.is_multiple_of(10)` to Clippy, which a
    # generated crate's Rust (1.85) does not have: a pattern says it for both.
    if len(values) == 1 and values[0][0] == values[0][1] and not (modulus and values[0][0] == 0):
        return f"{expression} {'==' if equal else '!='} {values[0][0]}"
    patterns = " | ".join(str(low) if low == high else f"{low}..={high}" for low, high in values)
    test = f"matches!({expression}, {patterns})"
    return test if equal else f"!{test}"


def condition(text):
    """The condition as Rust text over `n: u64`, or True/False."""
    alternatives = []
    for ands in parse_condition(text):
        terms = []
        for relation in ands:
            term = fold(relation)
            if term is False:
                terms = None
                break
            if term is not True:
                terms.append(term)
        if terms is None:
            continue
        if not terms:
            return True
        alternatives.append(terms)
    if not alternatives:
        return False
    if len(alternatives) == 1:
        return " && ".join(alternatives[0])
    return " || ".join(f"({' && '.join(t)})" if len(t) > 1 else t[0] for t in alternatives)


def body(rules):
    """The function's body: `if … { Category::One } else …`."""
    branches = []
    for category in CATEGORIES[:-1]:
        rule = rules.get(category)
        if rule is None:
            continue
        test = condition(rule)
        if test is False:
            continue
        name = f"Category::{category.capitalize()}"
        if test is True:
            branches.append((None, name))
            break
        branches.append((test, name))
    if not branches or branches[-1][0] is not None:
        branches.append((None, "Category::Other"))
    if len(branches) == 1:
        return branches[0][1]
    text = ""
    for test, name in branches:
        if test is None:
            text += f" else {{ {name} }}"
        else:
            text += f"{' else ' if text else ''}if {test} {{ {name} }}"
    return text


def main():
    data = json.loads(SOURCE.read_text(encoding="utf-8"))["supplemental"]
    cardinal = data["plurals-type-cardinal"]
    bodies = []
    locales = []
    for tag in sorted(cardinal):
        rules = {}
        for key, value in cardinal[tag].items():
            category = key.removeprefix("pluralRule-count-")
            rules[category] = value.split("@", 1)[0].strip()
        text = body(rules)
        if text not in bodies:
            bodies.append(text)
        categories = [c for c in CATEGORIES if c in rules]
        locales.append((tag, categories, bodies.index(text)))
    out = [
        "//! CLDR's cardinal plural rules for integer operands, one function per",
        "//! distinct rule: @generated by `model/cldr/convert.py` from CLDR "
        + data["version"]["_cldrVersion"]
        + "'s",
        "//! `plurals.json` (Unicode License v3, `model/cldr/LICENSE`); do not edit.",
        "",
        "use super::{Category, Locale, Rule};",
        "",
        "/// Each distinct rule: its function and its body as text.",
        "pub(super) static RULES: &[Rule] = &[",
    ]
    for index, text in enumerate(bodies):
        out.append(f"    Rule {{ select: rule_{index}, body: {json.dumps(text)} }},")
    out += ["];", "", "/// Each CLDR locale: its tag, its categories and its rule (an index into `RULES`).",
            "pub(super) static LOCALES: &[Locale] = &["]
    for tag, categories, index in locales:
        names = ", ".join(f"Category::{c.capitalize()}" for c in categories)
        out.append(f'    Locale {{ tag: "{tag}", categories: &[{names}], rule: {index} }},')
    out.append("];")
    for index, text in enumerate(bodies):
        out += ["", f"fn rule_{index}(n: u64) -> Category {{"]
        if "n" not in re.sub(r"Category::\w+", "", text):
            out[-1] = f"fn rule_{index}(_: u64) -> Category {{"
        out += [f"    {text}", "}"]
    rendered = "\n".join(out) + "\n"
    if "--check" in sys.argv[1:]:
        if TARGET.read_text(encoding="utf-8") != rendered:
            sys.exit(f"convert.py: {TARGET.relative_to(ROOT)} is not what the converter writes; run it")
        return
    TARGET.write_text(rendered, encoding="utf-8")


if __name__ == "__main__":
    main()
