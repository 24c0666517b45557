#!/usr/bin/env python3
"""Converts Amazon S3's published list of error codes into an errcat spec and a read-back test.

The source (vendored beside this script, see README.md) is the section "List
of error codes" of the Amazon S3 API Reference's page "Error responses", as
AWS publishes it in Markdown: one bullet per entry, the code in bold (in
backticks or not, with or without spaces inside the bold), then sub-bullets
`**Description:**`, `**HTTP status code:**` and `**SOAP fault code
prefix:**`. One entry (`EntityTooLarge`) gives two meanings, each with its
own status, on two sub-bullets of the form `**Description:** … / **HTTP
status code:** … / **SOAP fault code prefix:** …`.

Writes (paths from the repository's root):

- `pipeline/tests/fixtures/s3.yaml`: the spec. One table, one row per
  entry, in the source's order, none dropped (`503 SlowDown`, below, is
  `SlowDown`'s other name): `code` the code and no
  `name` (the source names its errors by their codes alone), `description` the
  first description verbatim (Markdown and all), `http_status` the number
  the status column starts with (`N/A` is `none`: the error travels only
  as a SOAP fault), the status column verbatim as the row's `http_status_text`
  attribute, and the SOAP fault code prefix (`Client`, `Server`) as its
  `soap_fault_prefix` attribute (`N/A` gives none: the error is REST-only).
  An entry with a second meaning lists its status second (`[400, 405]`)
  and gives its text as the row's `explanation`. The entry `503 SlowDown`
  is `SlowDown` with its status written before the code: it is kept as that
  row's other name (`also_named`), its description as the row's
  `explanation`. The spec says `redirect_statuses: true`, since S3 answers
  `PermanentRedirect` with 301, `TemporaryRedirect` with 307 and
  `NotModified` with 304.
- `catalogues/s3/check/tests/read_back.rs`: a test that reads every entry
  back through the generated crate: its code, texts, statuses and
  attributes exactly as the source gives them.

Usage: convert.py [--check]   (--check: compare with the committed files, write nothing)
"""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from converting import quoted, write_or_check  # noqa: E402  (the catalogues' shared module)

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "ErrorResponses.md"
SPEC = ROOT / "pipeline" / "tests" / "fixtures" / "s3.yaml"
TEST = HERE / "check" / "tests" / "read_back.rs"

ENTRY = re.compile(r"^- \*\*\s*`?([^`*]+?)`?\s*\*\*$")
FIELD = re.compile(r"^  - \*\*(Description|HTTP status code|SOAP fault code prefix):\*\* ?(.*)$")
INLINE = re.compile(r"^(.*) / \*\*HTTP status code:\*\* (.*) / \*\*SOAP fault code prefix:\*\* (.*)$")
STATUS = re.compile(r"^`?(\d{3})\b")


def read_source(path):
    """Every entry: (code, [(description, status text, prefix), ...])."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        entry = ENTRY.match(line)
        if entry:
            entries.append((entry.group(1), []))
            continue
        field = FIELD.match(line)
        if not field:
            continue
        if not entries:
            sys.exit(f"line {number}: a field before any entry")
        meanings = entries[-1][1]
        key, value = field.groups()
        inline = INLINE.match(value) if key == "Description" else None
        if inline:
            meanings.append(list(inline.groups()))
        elif key == "Description":
            meanings.append([value, None, None])
        elif key == "HTTP status code":
            meanings[-1][1] = value
        else:
            meanings[-1][2] = value
    for code, meanings in entries:
        for meaning in meanings:
            if None in meaning:
                sys.exit(f"entry {code}: a meaning without its status or prefix")
    return entries


def status_of(text):
    found = STATUS.match(text)
    if found:
        return int(found.group(1))
    if text == "N/A":
        return None
    sys.exit(f"status {text!r} is neither a status nor N/A")


def rows_of(entries):
    """The spec's rows: dicts, in the source's order."""
    rows = []
    by_code = {}
    for code, meanings in entries:
        first = meanings[0]
        other_name = re.match(r"^(\d{3}) (\S+)$", code)
        if other_name and other_name.group(2) in by_code:
            row = by_code[other_name.group(2)]
            if status_of(first[1]) != row["statuses"][0]:
                sys.exit(f"entry {code}: its status is not {other_name.group(2)}'s")
            # Its status column and SOAP prefix are the row's; were they
            # not, folding it in would lose them.
            if (first[1], None if first[2] == "N/A" else first[2]) != (row["status_text"], row["prefix"]):
                sys.exit(f"entry {code}: its status column or SOAP prefix differs from {other_name.group(2)}'s")
            row["also_named"].append(code)
            row["explanation"] = first[0]
            continue
        status = status_of(first[1])
        row = {
            "code": code,
            "description": first[0],
            "statuses": [status] if status is not None else [],
            "status_text": first[1],
            "prefix": None if first[2] == "N/A" else first[2],
            "also_named": [],
            "explanation": None,
        }
        for meaning in meanings[1:]:
            row["statuses"].append(status_of(meaning[1]))
            row["explanation"] = meaning[0]
            row["status_text"] += " / " + meaning[1]
            if meaning[2] != first[2]:
                sys.exit(f"entry {code}: its meanings have other SOAP prefixes")
        rows.append(row)
        by_code[code] = row
    return rows


def spec_text(rows):
    out = [
        "# yaml-language-server: $schema=../../../spec/catalogue.schema.json",
        "# @generated by catalogues/s3/convert.py from catalogues/s3/ErrorResponses.md",
        "# (Amazon S3 API Reference, \"Error responses\"): run it again rather than editing this file.",
        "#",
        "# Amazon S3's error codes as published: string codes, each row's HTTP status",
        "# (3xx ones included; an error that travels only as a SOAP fault has none), the",
        "# status column verbatim and the SOAP fault code prefix as attributes.",
        "title: Amazon S3 error codes",
        "codes: string",
        "crate: s3-errors",
        "version: 0.1.0",
        "package:",
        "  license: CC-BY-SA-4.0",
        "redirect_statuses: true",
        "attributes:",
        "  soap_fault_prefix:",
        "    type: string",
        "    description: \"The SOAP 1.1 fault code the error's SOAP fault code starts with (`Client.NoSuchKey`); none where the source says N/A.\"",
        "  http_status_text:",
        "    type: string",
        "    required: true",
        "    description: \"The source's HTTP status column, verbatim; an entry with a second meaning gives each meaning's, joined by ` / `.\"",
        "tables:",
        "  - id: s3",
        "    title: List of error codes",
        "    summary: \"The following table lists Amazon S3 error codes.\"",
        "    errors:",
    ]
    for row in rows:
        out.append(f"      - code: {quoted(row['code'])}")
        out.append(f"        description: {quoted(row['description'])}")
        statuses = row["statuses"]
        if not statuses:
            out.append("        http_status: none")
        elif len(statuses) == 1:
            out.append(f"        http_status: {statuses[0]}")
        else:
            out.append(f"        http_status: [{', '.join(map(str, statuses))}]")
        if row["also_named"]:
            # `503 SlowDown` gives no constant name: it is SLOW_DOWN_503.
            names = [
                f"{{name: {quoted(name)}, rust_const: {'_'.join(re.findall('[A-Z][a-z]*', name)).upper()}_{name[:3]}}}"
                for name in row["also_named"]
            ]
            out.append(f"        also_named: [{', '.join(names)}]")
        if row["explanation"] is not None:
            out.append(f"        explanation: {quoted(row['explanation'])}")
        attributes = [f"http_status_text: {quoted(row['status_text'])}"]
        if row["prefix"] is not None:
            attributes.insert(0, f"soap_fault_prefix: {quoted(row['prefix'])}")
        out.append(f"        attributes: {{{', '.join(attributes)}}}")
    return "\n".join(out) + "\n"


def rust_str(text):
    return "\"" + "".join(
        {"\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t"}.get(ch, ch) for ch in text
    ) + "\""


def test_text(rows):
    out = [
        "// @generated by catalogues/s3/convert.py from catalogues/s3/ErrorResponses.md:",
        "// run it again rather than editing this file.",
        "//! Every entry of Amazon S3's list of error codes, read back through the",
        "//! generated crate: code, texts, statuses and attributes as published.",
        "//! One entry a line, as the script writes them: rustfmt leaves them be.",
        "",
        "use s3_errors::{ErrorCode, S3Error};",
        "",
        "/// (code, description, statuses, status column, SOAP prefix, other names, explanation)",
        "type Entry = (",
        "    &'static str,",
        "    &'static str,",
        "    &'static [u16],",
        "    &'static str,",
        "    Option<&'static str>,",
        "    &'static [&'static str],",
        "    Option<&'static str>,",
        ");",
        "",
        "#[rustfmt::skip]",
        "const ENTRIES: &[Entry] = &[",
    ]
    for row in rows:
        prefix = f"Some({rust_str(row['prefix'])})" if row["prefix"] is not None else "None"
        explanation = f"Some({rust_str(row['explanation'])})" if row["explanation"] is not None else "None"
        names = ", ".join(map(rust_str, row["also_named"]))
        out.append(
            f"    ({rust_str(row['code'])}, {rust_str(row['description'])}, &[{', '.join(map(str, row['statuses']))}], "
            f"{rust_str(row['status_text'])}, {prefix}, &[{names}], {explanation}),"
        )
    out += [
        "];",
        "",
        "#[test]",
        "fn every_entry_reads_back_as_published() {",
        f"    assert_eq!(S3Error::ALL.len(), {len(rows)});",
        "    assert_eq!(ENTRIES.len(), S3Error::ALL.len());",
        "    for (&(code, description, statuses, status_text, prefix, other_names, explanation), &error) in",
        "        ENTRIES.iter().zip(S3Error::ALL)",
        "    {",
        "        assert_eq!(S3Error::from_code(code), Some(error), \"{code}\");",
        "        assert_eq!(error.code(), code);",
        "        assert_eq!(error.name(), code);",
        "        assert_eq!(error.description(), description, \"{code}\");",
        "        assert_eq!(error.http_statuses(), statuses, \"{code}\");",
        "        assert_eq!(error.http_status(), statuses.first().copied(), \"{code}\");",
        "        assert_eq!(error.http_status_text(), status_text, \"{code}\");",
        "        assert_eq!(error.soap_fault_prefix(), prefix, \"{code}\");",
        "        assert_eq!(error.other_names(), other_names, \"{code}\");",
        "        assert_eq!(error.explanation(), explanation, \"{code}\");",
        "        for name in other_names {",
        "            assert_eq!(S3Error::from_name(name), Some(error), \"{name}\");",
        "        }",
        "        let outer = ErrorCode::S3(error);",
        "        assert_eq!(outer.http_status(), error.http_status());",
        "        assert_eq!(outer.http_statuses(), statuses);",
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n"


def outputs():
    rows = rows_of(read_source(SOURCE))
    yield SPEC, spec_text(rows)
    yield TEST, test_text(rows)


def main():
    write_or_check(ROOT, outputs)


if __name__ == "__main__":
    main()
