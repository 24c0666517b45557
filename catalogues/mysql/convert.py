#!/usr/bin/env python3
"""Converts MySQL's messages_to_clients.txt into an errcat spec and a render sample.

The source (vendored beside this script, see README.md) lists every error
the MySQL server sends to clients: a symbol (`ER_NO_SUCH_TABLE`), an
optional SQLSTATE and ODBC state, and the message in several languages, in
printf syntax. It is read as MySQL's own build tool, `utilities/comp_err.cc`,
reads it: `start-error-number N` numbers the symbols that follow from N on,
a message line is a language code and a C string literal (`\\\\`, `\\"`,
`\\'`, `\\n` and octal escapes), and `#` lines are comments.

Writes (paths from the repository's root):

- `pipeline/tests/fixtures/mysql_server.yaml`: the spec. One table per
  numbered section of the source, one row per symbol, all kept, in the
  source's order (obsolete ones too: their symbols say `OBSOLETE_`):
  `code` the error number, `name` the symbol, `description` the English
  message verbatim (printf conversions and all), `message` the same text as
  a MessageFormat 2 template, `params` one per conversion (named by the
  word before it where that word is one, `argN` otherwise; in a qualified
  name, `'%s.%s'`, the word names the last part and the part before it is
  its `schema`), and the
  SQLSTATE and ODBC state, where the source gives them, as the row's
  `sqlstate` and `odbc_state` attributes.
- `pipeline/tests/fixtures/mysql_server.TAG.yaml`: the translations, one
  file per language of the source but English (`LANGUAGES` maps MySQL's
  language names to BCP 47 tags), each row the language translates as
  `CODE: {description, message}`: the translated text verbatim, and the
  same text as a template whose placeholders are the English params, by
  position (printf cannot reorder its arguments, and every translation has
  the English conversions' kinds in the English order, which the script
  checks). Every language leaves rows in English (MySQL falls back to
  English too), so every locale is declared partial.
- `catalogues/mysql/check/tests/translations.rs`: every translated
  description read back through `description_in`, and a sample of
  translated messages rendered by `message_in` against C's printf of the
  translation with the same arguments, per language; a row a language
  leaves out answers in English.
- `catalogues/mysql/check/tests/cases.rs`: a sample of rows with arguments
  and the message C's printf writes for them (Python's `%` operator, which
  implements printf for these conversions), for the render test.

Conversions: `%s`, `%-.192s`, `%.*s` (any flag, width or precision) and
`%c` become string params; `%d`, `%u` with any length (`%lu`, `%lld`,
`%zu`) integer params; `%f` a number param; `%08x` a string param (the
hexadecimal text: a template has no number formats); `%%` a `%`; `%-.0s`,
which prints nothing, a data-only string param. A param is named after the
word just before its conversion (`Table '%-.192s'` -> `table`) when that is
a lowercase-able English word of three or more letters, not a stop word,
not a word a target language reserves and not already taken in the row;
otherwise `arg` and its position (`arg3`).

Usage: convert.py [--check]   (--check: compare with the committed files, write nothing)
"""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from converting import write_or_check  # noqa: E402  (the catalogues' shared module)

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "messages_to_clients.txt"
SPEC = ROOT / "pipeline/tests/fixtures/mysql_server.yaml"
CASES = HERE / "check/tests/cases.rs"
TRANSLATED = HERE / "check/tests/translations.rs"
VERSION = "9.7.2"

# One printf conversion, as C's printf reads it.
# A conversion followed by `.` and another conversion qualifies the next.
QUALIFIER = re.compile(r"\.%")
CONVERSION = re.compile(
    r"%(?P<flags>[-+ #0]*)(?P<width>\d+|\*)?(?:\.(?P<precision>\d*|\*))?"
    r"(?P<length>hh|h|ll|l|z|j|t|L)?(?P<kind>[diouxXcsfgeEp%])"
)
STOP_WORDS = {
    "the", "and", "are", "for", "from", "with", "into", "than", "that", "this", "was", "were",
    "has", "have", "had", "not", "but", "all", "any", "its", "his", "her", "can", "cannot",
    "been", "being", "which", "when", "where", "while", "will", "would", "should", "could",
    "must", "may", "use", "using", "used", "got", "get", "set", "after", "before", "only", "also",
    "such", "other", "one", "two", "per", "out", "off", "onto", "over", "under", "does", "did",
    "there", "their", "then", "these", "those", "some", "more", "most", "less", "least", "exist",
    "exists", "between", "within", "without", "because", "instead", "value", "type", "error",
}
# Words a target language reserves (errcat-model's `reserved_by`) that a
# message could put before a conversion.
RESERVED = {
    "abstract", "async", "await", "become", "box", "break", "const", "continue", "crate", "dyn",
    "else", "enum", "extern", "false", "final", "gen", "impl", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super",
    "trait", "true", "try", "typeof", "union", "unsafe", "unsized", "virtual", "where", "while",
    "yield", "case", "catch", "class", "debugger", "default", "delete", "export", "extends",
    "finally", "function", "instanceof", "new", "null", "switch", "throw", "var", "void",
    "implements", "interface", "package", "private", "protected", "public", "assert", "def",
    "del", "elif", "except", "global", "import", "lambda", "nonlocal", "pass", "raise",
}


def unescape(text, line_no):
    """The text of a C string literal's body, as comp_err's parse_text_line reads it."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = text[i + 1]
        if nxt in "\\\"'":
            out.append(nxt)
            i += 2
        elif nxt == "n":
            out.append("\n")
            i += 2
        elif nxt in "01234567":
            digits = re.match(r"[0-7]{1,3}", text[i + 1 :]).group(0)
            out.append(chr(int(digits, 8)))
            i += 1 + len(digits)
        else:
            sys.exit(f"line {line_no}: unknown escape \\{nxt}")
    return "".join(out)


def read_source(path):
    """The sections (banner title, rows) of the source, in order."""
    sections, banner, comments, current, number = [], None, [], None, None
    for line_no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("#"):
            comments.append(line)
            continue
        if not line.strip():
            continue
        if line.startswith("start-error-number"):
            number = int(line.split()[1])
            titles = [c.strip("# ") for c in comments if c.strip("# ").startswith("Error numbers starting at")]
            sections.append({"title": titles[-1], "rows": []})
            comments = []
            continue
        if line.startswith(("languages ", "default-language ", "reserved-error-section ")):
            comments = []
            continue
        if line[0] in " \t":
            match = re.fullmatch(r"[ \t]+(\S+)[ \t]+\"(.*)\"[ \t]*", line)
            if not match:
                sys.exit(f"line {line_no}: not a message line")
            current["messages"][match.group(1)] = unescape(match.group(2), line_no)
            continue
        if re.match(r"(OBSOLETE_)?(ER|WARN)_", line):
            words = line.split()
            current = {"code": number, "symbol": words[0], "states": words[1:], "messages": {}}
            sections[-1]["rows"].append(current)
            number += 1
            comments = []
            continue
        sys.exit(f"line {line_no}: not understood: {line!r}")
    return sections


def param_name(text_before, position, taken):
    """The name of the param a conversion at the end of `text_before` shows."""
    match = re.search(r"([A-Za-z]+)[\s'\"`(:=]*$", text_before)
    word = match.group(1).lower() if match else ""
    if (
        len(word) >= 3
        and re.fullmatch(r"[a-z]+", word)
        and word not in STOP_WORDS
        and word not in RESERVED
        and word not in taken
    ):
        return word
    return f"arg{position}"


def convert(text, names=None):
    """The MF2 template of a printf message, and its params in order (named `names`, if given)."""
    pieces, params, start, position = [], [], 0, 0
    # The word naming a qualified name (`Table '%s.%s'`): its last part's name.
    qualified = None
    escape = lambda s: s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    for match in CONVERSION.finditer(text):
        pieces.append(escape(text[start : match.start()]))
        start = match.end()
        kind = match.group("kind")
        if kind == "%":
            pieces.append("%")
            continue
        position += 1
        spec = match.group(0)
        taken = {p["name"] for p in params}
        if names is None and qualified is not None:
            # The qualified part: the name the word before the whole gives.
            name = qualified if qualified not in taken else f"arg{position}"
            qualified = None
        elif names is None and QUALIFIER.match(text, match.end()):
            # A qualifier (`'%s.%s'`: the schema of a table, say): the word
            # before names what it qualifies, the next conversion.
            word = param_name(text[: match.start()], position, taken)
            qualified = None if word.startswith("arg") else word
            name = "schema" if qualified is not None and "schema" not in taken else f"arg{position}"
        elif names is None:
            name = param_name(text[: match.start()], position, taken)
        else:
            name = names[position - 1] if position <= len(names) else f"arg{position}"
        if kind in "sc":
            ty = "string"
        elif kind in "diu":
            ty = "integer"
        elif kind in "fgeE":
            ty = "number"
        elif kind in "xX":
            ty = "string"
        else:
            raise SystemExit(f"unsupported conversion {spec} in {text!r}")
        shown = match.group("precision") != "0"
        params.append({"name": name, "type": ty, "conversion": spec, "shown": shown})
        if shown:
            pieces.append("{$" + name + "}")
    pieces.append(escape(text[start:]))
    return "".join(pieces), params


def yaml_string(text):
    """A YAML double-quoted scalar of `text` (escapes `\\`, `"` and control characters)."""
    out = []
    for c in text:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\x{ord(c):02x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def param_description(param, position):
    """What a param is: its place in the message and the source's conversion."""
    conversion = param["conversion"]
    what = {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
    }[param["type"]]
    if conversion[-1] in "xX":
        what = f"a number as printf's `{conversion}` writes it (hexadecimal text)"
    elif conversion.endswith("c"):
        what = "one character"
    note = "" if param["shown"] else " Not shown: the source prints it with precision 0."
    return f"Argument {position} of the message ({what}; `{conversion}` in the source).{note}"


# MySQL's language names (the source's `languages` line) and their BCP 47
# tags, in the source's order. `norwegian` is Bokmål and `norwegian-ny`
# Nynorsk; the Portuguese is Brazil's (`arquivo`, not `ficheiro`) and the
# Serbian is written in the Latin script (code page 1250).
LANGUAGES = {
    "cze": "cs",
    "dan": "da",
    "nla": "nl",
    "est": "et",
    "fre": "fr",
    "ger": "de",
    "greek": "el",
    "hun": "hu",
    "ita": "it",
    "jpn": "ja",
    "kor": "ko",
    "norwegian-ny": "nn",
    "nor": "nb",
    "pol": "pl",
    "por": "pt-BR",
    "rum": "ro",
    "rus": "ru",
    "serbian": "sr-Latn",
    "slo": "sk",
    "spa": "es",
    "swe": "sv",
    "ukr": "uk",
    "bgn": "bg",
}
NAMES = {
    "cs": "Czech",
    "da": "Danish",
    "nl": "Dutch",
    "et": "Estonian",
    "fr": "French",
    "de": "German",
    "el": "Greek",
    "hu": "Hungarian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nn": "Norwegian Nynorsk",
    "nb": "Norwegian Bokmål",
    "pl": "Polish",
    "pt-BR": "Brazilian Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sr-Latn": "Serbian (Latin script)",
    "sk": "Slovak",
    "es": "Spanish",
    "sv": "Swedish",
    "uk": "Ukrainian",
    "bg": "Bulgarian",
}


SECTION_IDS = {
    "1000": "mysql_5_6",
    "3000": "mysql_5_7",
    "3500": "mysql_8_0",
    "6000": "mysql_8_1",
    "6400": "mysql_9",
}


def spec_text(sections):
    lines = [
        "# yaml-language-server: $schema=../../../spec/catalogue.schema.json",
        "# @generated by catalogues/mysql/convert.py from catalogues/mysql/messages_to_clients.txt",
        f"# (MySQL {VERSION}): run it again rather than editing this file.",
        "#",
        "# MySQL server's errors sent to clients, every row as published: a catalogue",
        "# of integer codes without HTTP, whose English messages are printf templates",
        "# turned into typed params (see the script's docs for the rules), and each",
        "# row's SQLSTATE and ODBC state, where the source gives them, as attributes.",
        "title: MySQL server error messages",
        "crate: mysql-server-errors",
        f"version: {VERSION}",
        "package:",
        "  license: GPL-2.0-only",
        "attributes:",
        "  sqlstate:",
        "    type: string",
        '    description: "The SQLSTATE the server sends with the error (the source\'s second field)."',
        "  odbc_state:",
        "    type: string",
        '    description: "The ODBC state the source gives beside the SQLSTATE (its third field)."',
        "locales:",
        "  default: en",
        f"  others: [{', '.join(LANGUAGES.values())}]",
        "  # Every language leaves rows untranslated: they fall back to English.",
        f"  partial: [{', '.join(LANGUAGES.values())}]",
        "tables:",
    ]
    for section in sections:
        rows = section["rows"]
        first, last = rows[0]["code"], rows[-1]["code"]
        summary = f"Errors {first} to {last} of share/messages_to_clients.txt in MySQL {VERSION}."
        lines += [
            f"  - id: {SECTION_IDS[str(first)]}",
            f"    title: {yaml_string(section['title'])}",
            f"    summary: {yaml_string(summary)}",
            "    errors:",
        ]
        for row in rows:
            english = row["messages"]["eng"]
            template, params = convert(english)
            lines += [
                f"      - code: {row['code']}",
                f"        name: {row['symbol']}",
                f"        description: {yaml_string(english)}",
            ]
            if row["states"]:
                states = dict(zip(["sqlstate", "odbc_state"], row["states"]))
                values = ", ".join(f"{name}: {yaml_string(state)}" for name, state in states.items())
                lines.append(f"        attributes: {{{values}}}")
            if params:
                lines.append("        params:")
                for position, param in enumerate(params, 1):
                    lines += [
                        f"          {param['name']}:",
                        f"            type: {param['type']}",
                        f"            description: {yaml_string(param_description(param, position))}",
                    ]
                    if not param["shown"]:
                        lines.append("            data_only: true")
            lines.append(f"        message: {yaml_string(template)}")
    return "\n".join(lines) + "\n"


def translated_template(row, language):
    """A row's message in `language` as a template showing the English params, by position."""
    _, english = convert(row["messages"]["eng"])
    template, params = convert(row["messages"][language], [p["name"] for p in english])
    kinds = lambda ps: [(p["type"], p["shown"]) for p in ps]
    if kinds(params) != kinds(english):
        sys.exit(f"{row['symbol']}: the {language} message's conversions are not the English ones")
    return template


def translation_text(sections, language, tag):
    rows = [row for section in sections for row in section["rows"] if language in row["messages"]]
    total = sum(len(section["rows"]) for section in sections)
    lines = [
        "# @generated by catalogues/mysql/convert.py from catalogues/mysql/messages_to_clients.txt",
        f"# (MySQL {VERSION}): run it again rather than editing this file.",
        "#",
        f"# {NAMES[tag]} (`{tag}`, MySQL's `{language}`): {len(rows)} of the {total} rows of",
        "# mysql_server.yaml, each as the source writes it (`description`) and as a",
        "# template with the English params (`message`). The others fall back to English.",
    ]
    for row in rows:
        text = row["messages"][language]
        lines += [
            f"{row['code']}:",
            f"  description: {yaml_string(text)}",
            f"  message: {yaml_string(translated_template(row, language))}",
        ]
    return "\n".join(lines) + "\n"


def variant(symbol):
    """The generated variant (and value struct) name: UpperCamelCase at every `_`."""
    return "".join(word[:1].upper() + word[1:].lower() for word in re.split(r"[^A-Za-z0-9]+", symbol) if word)


def rust_string(text):
    out = []
    for c in text:
        if c in "\\\"":
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif ord(c) < 0x20:
            out.append(f"\\u{{{ord(c):x}}}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def argument(param, position):
    """A test argument for a param: (its Rust value, its C printf argument(s))."""
    conversion = param["conversion"]
    kind = conversion[-1]
    if kind == "s":
        text = f"{param['name']}-{position}" if param["shown"] else "unseen"
        c_args = (len(text.encode()), text) if ".*" in conversion else (text,)
        return f"s({rust_string(text)})", c_args
    if kind == "c":
        return 's("~")', ("~",)
    if kind in "xX":
        return f's({rust_string(conversion % 48879)})', (48879,)
    if kind == "f":
        value = 1.5 + position
        return repr(value), (value,)
    value = 40 + position
    return str(value), (value,)


def printf(text, args):
    """What C's printf writes for `text` and `args` (Python's `%` with C's length modifiers dropped)."""
    def c_to_python(match):
        conversion = match.group(0)
        if match.group("length"):
            conversion = conversion.replace(match.group("length"), "", 1)
        return conversion[:-1] + "d" if match.group("kind") == "u" else conversion

    python = CONVERSION.sub(c_to_python, text)
    return python % tuple(args)


def sample(sections):
    """Rows for the render test: every tenth row with params, and the first rows of each conversion kind."""
    chosen, kinds = [], {}
    rows = [(section, row) for section in sections for row in section["rows"]]
    for index, (section, row) in enumerate(rows):
        english = row["messages"]["eng"]
        # `%-.192s` and `%-.64s` are one kind; `%-.0s` (prints nothing) is its own.
        found = {re.sub(r"[1-9]\d*", "N", m.group(0)) for m in CONVERSION.finditer(english)}
        new = [kind for kind in found if kinds.get(kind, 0) < 2]
        if (found and index % 10 == 0) or new:
            chosen.append((section, row))
            for kind in found:
                kinds[kind] = kinds.get(kind, 0) + 1
    return chosen, sorted(kinds)


def cases_text(sections):
    chosen, kinds = sample(sections)
    lines = [
        "// @generated by catalogues/mysql/convert.py from catalogues/mysql/messages_to_clients.txt:",
        "// run it again rather than editing this file.",
        f"//! {len(chosen)} rows of MySQL {VERSION}'s client messages, rendered from typed values",
        "//! through `Display`, against what C's printf writes for the same arguments.",
        "//!",
        "//! Conversions covered: " + ", ".join(f"`{kind}`" for kind in kinds) + ".",
        "//! Every argument is shorter than its precision (printf truncates by bytes at",
        "//! the precision; the crate never truncates), and every message shorter than",
        "//! the server's 512-byte buffer. `%f` is the one kind printf writes",
        "//! otherwise: with six decimals (`2.500000`), where the crate writes a number",
        "//! as Rust's `Display` does (`2.5`); those rows are checked against printf",
        "//! with `%f` written that way instead, in `floats_differ_only_in_their_digits`.",
        "//! One case a line, as the script writes them: rustfmt leaves the tests be.",
        "",
        "use mysql_server_errors::values::*;",
        "",
        "fn s(text: &str) -> String {",
        "    text.to_owned()",
        "}",
        "",
    ]
    exact, floats = [], []
    for section, row in chosen:
        english = row["messages"]["eng"]
        _, params = convert(english)
        fields, c_args, shown_as_display = [], [], []
        for position, param in enumerate(params, 1):
            value, args = argument(param, position)
            fields.append(f"{param['name']}: {value}")
            c_args += args
        expected = printf(english, c_args)
        assert len(expected.encode()) < 512, row["symbol"]
        struct = f"{SECTION_IDS[str(section['rows'][0]['code'])]}::{variant(row['symbol'])}"
        literal = f"{struct} {{ {', '.join(fields)} }}" if fields else struct
        if any(p["conversion"].endswith("f") for p in params):
            display = CONVERSION.sub(lambda m: "%s" if m.group("kind") == "f" else m.group(0), english)
            shown = printf(display, [repr(a) if isinstance(a, float) else a for a in c_args])
            floats.append(f"        ({literal}.to_string(), {rust_string(expected)}, {rust_string(shown)}),")
        else:
            exact.append(f"        ({literal}.to_string(), {rust_string(expected)}),")
    for chunk, start in enumerate(range(0, len(exact), 40), 1):
        lines += [
            "#[test]",
            "#[rustfmt::skip]",
            f"fn renders_as_printf_{chunk}() {{",
            "    let cases: Vec<(String, &str)> = vec![",
            *exact[start : start + 40],
            "    ];",
            "    for (rendered, printf) in cases {",
            "        assert_eq!(rendered, printf);",
            "    }",
            "}",
            "",
        ]
    lines += [
        "#[test]",
        "#[rustfmt::skip]",
        "fn floats_differ_only_in_their_digits() {",
        "    let cases: Vec<(String, &str, &str)> = vec![",
        *floats,
        "    ];",
        "    assert!(!cases.is_empty());",
        "    for (rendered, printf, printf_with_display) in cases {",
        "        assert_ne!(rendered, printf);",
        "        assert_eq!(rendered, printf_with_display);",
        "    }",
        "}",
    ]
    states = []
    for section in sections:
        table = variant(SECTION_IDS[str(section["rows"][0]["code"])]) + "Error"
        for row in section["rows"]:
            if row["states"]:
                sqlstate, odbc = (row["states"] + [None])[:2]
                path = f"mysql_server_errors::{table}::{variant(row['symbol'])}"
                odbc = f"Some({rust_string(odbc)})" if odbc else "None"
                states.append(f"        ({path}.sqlstate(), {path}.odbc_state(), Some({rust_string(sqlstate)}), {odbc}),")
    # Every SQLSTATE and ODBC state the source gives, read back through the
    # crate's attribute getters, 100 rows a test.
    for chunk, start in enumerate(range(0, len(states), 100), 1):
        part = states[start : start + 100]
        lines += [
            "",
            f"/// Rows {start + 1} to {start + len(part)} of the {len(states)} with a SQLSTATE: each state",
            "/// the source gives, read back through the crate's attribute getters.",
            "#[test]",
            "#[rustfmt::skip]",
            f"fn states_read_back_{chunk}() {{",
            "    let cases = [",
            *part,
            "    ];",
            "    for (sqlstate, odbc_state, source_sqlstate, source_odbc_state) in cases {",
            "        assert_eq!((sqlstate, odbc_state), (source_sqlstate, source_odbc_state));",
            "    }",
            "}",
        ]
    return "\n".join(lines) + "\n"


def translation_cases(sections):
    """The tests of `translations.rs`, one set per language."""
    lines = [
        "// @generated by catalogues/mysql/convert.py from catalogues/mysql/messages_to_clients.txt:",
        "// run it again rather than editing this file.",
        f"//! MySQL {VERSION}'s translations read back through the crate, per language:",
        "//! every translated description through `description_in`, every eighth",
        "//! translated message (with no `%f`, `%x` or `%c`, whose text the English",
        "//! conversion decides) through `message_in` against C's printf of the",
        "//! translation, and a row the language leaves out, which answers in English.",
        "//! One case a line, as the script writes them: rustfmt leaves the tests be.",
        "",
        "use mysql_server_errors::values::*;",
        "use mysql_server_errors::{Locale, LocalizedMessage};",
        "",
        "fn s(text: &str) -> String {",
        "    text.to_owned()",
        "}",
    ]
    rows = [(section, row) for section in sections for row in section["rows"]]
    for language, tag in LANGUAGES.items():
        locale = "".join(part[:1].upper() + part[1:].lower() for part in tag.split("-"))
        descriptions, messages, fallback = [], [], None
        translated = [(section, row) for section, row in rows if language in row["messages"]]
        for index, (section, row) in enumerate(translated):
            table = variant(SECTION_IDS[str(section["rows"][0]["code"])]) + "Error"
            error = f"mysql_server_errors::{table}::{variant(row['symbol'])}"
            text = row["messages"][language]
            descriptions.append(f"        ({error}.description_in(Locale::{locale}), {rust_string(text)}),")
            if index % 8 == 0 and (case := message_case(section, row, language, locale)):
                messages.append(case)
        for section, row in rows:
            if language not in row["messages"] and convert(row["messages"]["eng"])[1]:
                fallback = message_case(section, row, "eng", locale)
                if fallback:
                    break
        lines += [
            "",
            f"/// {NAMES[tag]} (`{tag}`): its {len(descriptions)} descriptions, {len(messages)} of its messages, and",
            "/// a row it leaves out, in English.",
            "#[test]",
            "#[rustfmt::skip]",
            f"fn {tag.replace('-', '_').lower()}_reads_back() {{",
            f"    assert_eq!(Locale::from_tag({rust_string(tag)}), Some(Locale::{locale}));",
            "    let descriptions = [",
            *descriptions,
            "    ];",
            "    for (read, source) in descriptions {",
            "        assert_eq!(read, source);",
            "    }",
            "    let messages: Vec<(String, &str)> = vec![",
            *messages,
            *([fallback] if fallback else []),
            "    ];",
            "    for (rendered, printf) in messages {",
            "        assert_eq!(rendered, printf);",
            "    }",
            "}",
        ]
    return "\n".join(lines) + "\n"


def message_case(section, row, language, locale):
    """A value of `row` rendered in `locale` against printf of its `language` text, if comparable."""
    english, text = row["messages"]["eng"], row["messages"][language]
    _, params = convert(english)
    theirs = [m.group(0) for m in CONVERSION.finditer(text) if m.group("kind") != "%"]
    if len(theirs) != len(params):
        return None
    fields, c_args = [], []
    for position, (param, conversion) in enumerate(zip(params, theirs), 1):
        kind = conversion[-1]
        if kind in "fxXc" or kind != param["conversion"][-1] or (".*" in conversion) != (".*" in param["conversion"]):
            return None
        value, args = argument(param, position)
        fields.append(f"{param['name']}: {value}")
        c_args += args
    expected = printf(text, c_args)
    struct = f"{SECTION_IDS[str(section['rows'][0]['code'])]}::{variant(row['symbol'])}"
    literal = f"{struct} {{ {', '.join(fields)} }}" if fields else f"{struct} {{}}"
    return f"        ({literal}.message_in(Locale::{locale}), {rust_string(expected)}),"


def outputs():
    sections = read_source(SOURCE)
    yield SPEC, spec_text(sections)
    yield CASES, cases_text(sections)
    yield TRANSLATED, translation_cases(sections)
    for language, tag in LANGUAGES.items():
        yield SPEC.with_name(f"mysql_server.{tag}.yaml"), translation_text(sections, language, tag)


def main():
    write_or_check(ROOT, outputs)


if __name__ == "__main__":
    main()
