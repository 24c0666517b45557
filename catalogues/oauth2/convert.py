#!/usr/bin/env python3
"""Converts RFC 6749's error responses into an errcat spec with sections, and a read-back test.

The source (vendored beside this script, see README.md) is the RFC's text
as the RFC Editor publishes it: pages of 58 lines, each ending in a footer
(`Hardt ... [Page N]`), a form feed and a header (`RFC 6749 ... October
2012`). Three sections list the values of the `error` parameter, each
value with its own text: 4.1.2.1 (the authorization code grant's
authorization endpoint), 4.2.2.1 (the implicit grant's) and 5.2 (the
token endpoint). A value is a line indented by 9 spaces holding only the
code, and its text the lines indented by 15 after it, up to a blank line.

Writes (paths from the repository's root):

- `pipeline/tests/fixtures/oauth2_errors.yaml`: the spec. One section per
  RFC section, in the RFC's order, titled with its heading and number; one
  row per code, in the order the RFC first lists it; each row's
  `sections:` gives its text in every section that lists it, verbatim but
  for the line breaks (the lines of a text are joined with single spaces;
  the page breaks are dropped). A row has no `name`: the RFC names an
  error by its code alone. The RFC gives no text of a code outside its
  sections, so a row's own `description` is its text in the first
  section that lists it. The token endpoint answers with HTTP
  400 "unless specified otherwise", and `invalid_client` with 400 or 401:
  those are its statuses there. The authorization endpoints answer with a
  redirect that carries the code, and no status of its own: their sections
  give none, so no row has one, and the catalogue is not an HTTP one.
- `catalogues/oauth2/check/tests/read_back.rs`: every code's text and
  statuses in every section, read back through the generated crate.

Usage: convert.py [--check]   (--check: compare with the committed files, write nothing)
"""

import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from converting import quoted, write_or_check  # noqa: E402  (the catalogues' shared module)

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "rfc6749.txt"
SPEC = ROOT / "pipeline/tests/fixtures/oauth2_errors.yaml"
TEST = HERE / "check/tests/read_back.rs"

# (section id, the RFC's section number, the endpoint, its summary).
SECTIONS = [
    ("authorization_code", "4.1.2.1", "Authorization Code Grant, authorization endpoint",
     "The codes the authorization endpoint sends in the query component of the redirection URI, with HTTP 302 Found and no error status."),
    ("implicit", "4.2.2.1", "Implicit Grant, authorization endpoint",
     "The codes the authorization endpoint sends in the fragment component of the redirection URI, with HTTP 302 Found and no error status."),
    ("token", "5.2", "Token endpoint",
     "The codes the token endpoint answers with in a JSON body, with HTTP 400 (Bad Request) unless specified otherwise."),
]
# The statuses section 5.2 states: 400, "unless specified otherwise".
TOKEN_STATUSES = {"invalid_client": [400, 401]}

PAGE_LINE = re.compile(r"^(Hardt +Standards Track +\[Page \d+\]|RFC 6749 +OAuth 2\.0 +October 2012)$")
CODE_LINE = re.compile(r"^ {9}([a-z_]+)$")
TEXT_LINE = re.compile(r"^ {15}(\S.*)$")


def source_lines():
    """The RFC's lines without its page breaks (footer, form feed, header)."""
    text = SOURCE.read_text(encoding="ascii")
    return [line for line in text.replace("\f", "").split("\n") if not PAGE_LINE.match(line)]


def section_codes(lines, number):
    """Each code section `number` lists, with its text, in order."""
    heading = re.compile(rf"^{re.escape(number)}\.  Error Response$")
    start = next(i for i, line in enumerate(lines) if heading.match(line))
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"^\d+(\.\d+)*\.  ", lines[i]))
    codes, i = [], start
    while i < end:
        match = CODE_LINE.match(lines[i])
        if not match:
            i += 1
            continue
        text, i = [], i + 1
        while i < end and not TEXT_LINE.match(lines[i]):
            i += 1  # the blank lines left by a page break
        while i < end and TEXT_LINE.match(lines[i]):
            text.append(TEXT_LINE.match(lines[i])[1].rstrip())
            i += 1
        codes.append((match[1], " ".join(text)))
    return codes


def read_source():
    """The sections' codes, and every code in the order first listed."""
    lines = source_lines()
    listed = [section_codes(lines, number) for _, number, _, _ in SECTIONS]
    order = []
    for codes in listed:
        for code, _ in codes:
            if code not in order:
                order.append(code)
    return listed, order


def statuses(section, code):
    return (TOKEN_STATUSES.get(code, [400])) if section == "token" else []


def spec_text(listed, order):
    lines = [
        "# yaml-language-server: $schema=../../../spec/catalogue.schema.json",
        "# @generated by catalogues/oauth2/convert.py from catalogues/oauth2/rfc6749.txt:",
        "# run it again rather than editing this file.",
        "#",
        "# The values of OAuth 2.0's `error` parameter as RFC 6749 lists them, in",
        "# three sections, each with its own text (and, at the token endpoint, its",
        "# own statuses): one row per code, its meaning in each section under",
        "# `sections:`.",
        "title: The OAuth 2.0 Authorization Framework (RFC 6749) error codes",
        "codes: string",
        "crate: oauth2-errors",
        "version: 1.0.0",
        "package:",
        "  license: BSD-3-Clause",
        "sections:",
    ]
    for section, number, title, summary in SECTIONS:
        lines += [
            f"  - id: {section}",
            f"    title: {quoted(f'{number}. {title}')}",
            f"    summary: {quoted(summary)}",
        ]
    lines += [
        "tables:",
        "  - id: oauth",
        "    title: \"The `error` parameter\"",
        "    summary: \"Every value RFC 6749 defines for the `error` parameter of an error response, in the order the RFC first lists it.\"",
        "    errors:",
    ]
    for code in order:
        texts = [(section, dict(codes)[code]) for (section, *_), codes in zip(SECTIONS, listed) if code in dict(codes)]
        lines += [
            f"      - code: {code}",
            f"        description: {quoted(texts[0][1])}",
            "        sections:",
        ]
        for section, text in texts:
            lines.append(f"          {section}:")
            lines.append(f"            description: {quoted(text)}")
            found = statuses(section, code)
            if found:
                lines.append(f"            http_status: {found[0] if len(found) == 1 else found}")
    return "\n".join(lines) + "\n"


def test_text(listed, order):
    variants = {section: "".join(word.capitalize() for word in section.split("_")) for section, *_ in SECTIONS}
    lines = [
        "// @generated by catalogues/oauth2/convert.py from catalogues/oauth2/rfc6749.txt:",
        "// run it again rather than editing this file.",
        f"//! Every one of the {len(order)} codes of RFC 6749 in each of the {len(SECTIONS)} sections that list",
        "//! it, read back through the generated crate: its text there, verbatim, and",
        "//! the statuses the section answers it with; and each section's codes.",
        "",
        "use oauth2_errors::{ErrorCode, OauthError, Section};",
        "",
        "/// (section, code, its text there, its statuses there).",
        "#[rustfmt::skip]",
        "const LISTED: &[(Section, &str, &str, &[u16])] = &[",
    ]
    for (section, *_), codes in zip(SECTIONS, listed):
        for code, text in codes:
            found = ", ".join(str(status) for status in statuses(section, code))
            lines.append(f"    (Section::{variants[section]}, {json.dumps(code)}, {json.dumps(text)}, &[{found}]),")
    lines += [
        "];",
        "",
        "#[test]",
        "fn every_code_reads_back_in_every_section() {",
        "    for &(section, code, text, statuses) in LISTED {",
        "        let row = OauthError::from_code(code).expect(code);",
        "        assert_eq!(row.section_description(section), Some(text), \"{code} in {section}\");",
        "        assert_eq!(row.section_http_statuses(section), statuses, \"{code} in {section}\");",
        "        assert!(row.sections().contains(&section), \"{code} in {section}\");",
        "        assert!(section.codes().contains(&ErrorCode::Oauth(row)), \"{code} in {section}\");",
        "    }",
        "    // A section's codes come in the rows' order, each once.",
        "    for &section in Section::ALL {",
        "        let mut listed: Vec<&str> =",
        "            LISTED.iter().filter(|entry| entry.0 == section).map(|entry| entry.1).collect();",
        "        let mut codes: Vec<&str> = section.codes().iter().map(|code| code.code()).collect();",
        "        assert!(codes.iter().map(|code| OauthError::from_code(code)).is_sorted(), \"{section}\");",
        "        listed.sort_unstable();",
        "        codes.sort_unstable();",
        "        assert_eq!(codes, listed, \"{section}\");",
        "    }",
        "    for row in OauthError::ALL {",
        "        let first = row.sections()[0];",
        "        assert_eq!(Some(row.description()), row.section_description(first), \"{row:?}\");",
        "        assert_eq!(row.sections().len(), LISTED.iter().filter(|entry| entry.1 == row.code()).count());",
        "    }",
        f"    assert_eq!(OauthError::ALL.len(), {len(order)});",
        "}",
    ]
    return "\n".join(lines) + "\n"


def outputs():
    listed, order = read_source()
    yield SPEC, spec_text(listed, order)
    yield TEST, test_text(listed, order)


def main():
    write_or_check(ROOT, outputs)


if __name__ == "__main__":
    main()
