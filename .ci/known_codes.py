"""Client generators keep a catalogue's listed codes as a union of
literals (openapi-typescript) and an enum (datamodel-code-generator),
beside the open fallback for codes outside the lists:

    known_codes.py OPENAPI_TYPESCRIPT DATAMODEL_CODEGEN DOCUMENT...

Each document (with an `ErrorBody`) is given to both generators, and the
generated TypeScript and Python are read back: `KnownCodes` is every
table's code schema, each a union of the table's literal codes (an `Enum`
in Python), and the body's `code` member is `KnownCodes | UnlistedCodes`,
so the listed codes are not swallowed into a plain `string` or `str`."""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

TS_LITERAL = r'(?:"(?:[^"\\]|\\.)*"|\d+)'
TS_UNION = rf"(?:(?:string|number) & \()?{TS_LITERAL}(?: \| {TS_LITERAL})*\)?"
TS_REF = r'components\["schemas"\]\["(\w+)"\]'


def codes_of(schema):
    """Every code a code schema lists: 3.1's `const`s or 3.0's `enum`."""
    if "enum" in schema:
        return list(schema["enum"])
    return [value["const"] for value in schema["oneOf"]]


def check_typescript(path, tables, text):
    types = dict(re.findall(r"^ {8}(\w+): (.*);$", text, re.M))
    known = types.get("KnownCodes", "")
    refs = re.findall(TS_REF, known)
    if refs != list(tables) or re.sub(TS_REF, "", known).replace("|", "").strip():
        return [f"{path}: KnownCodes is `{known}`, not a union of {list(tables)}"]
    problems = []
    for table, codes in tables.items():
        union = types.get(table, "")
        if not re.fullmatch(TS_UNION, union):
            problems.append(f"{path}: {table} is `{union}`, not a union of literals")
        literals = set(re.findall(TS_LITERAL, union))
        missing = [code for code in codes if (f'"{code}"' if isinstance(code, str) else str(code)) not in literals]
        if missing:
            problems.append(f"{path}: {table} lacks the literals {missing}")
    field = r'^ +\w+: components\["schemas"\]\["KnownCodes"\] \| components\["schemas"\]\["UnlistedCodes"\];$'
    if not re.search(field, text, re.M):
        problems.append(f"{path}: the body's code member is not `KnownCodes | UnlistedCodes`")
    return problems


def check_python(path, tables, text):
    problems = []
    known = re.search(r"^class KnownCodes\(RootModel\[(.*)\]\):$", text, re.M)
    if not known or [part.strip() for part in known.group(1).split("|")] != list(tables):
        problems.append(f"{path}: KnownCodes is not a root model of {list(tables)}")
    for table, codes in tables.items():
        enum = re.search(rf"^class {table}\((?:Int|Str)?Enum\):\n((?: {{4}}.*\n)+)", text, re.M)
        if not enum:
            problems.append(f"{path}: {table} is not an Enum")
            continue
        values = enum.group(1)
        missing = [code for code in codes if not re.search(rf" = {re.escape(repr(code))}$", values, re.M)]
        if missing:
            problems.append(f"{path}: {table} lacks the members {missing}")
    if not re.search(r"^ {4}\w+: KnownCodes \| UnlistedCodes = ", text, re.M):
        problems.append(f"{path}: the body's code member is not `KnownCodes | UnlistedCodes`")
    return problems


def main() -> int:
    typescript, datamodel, *documents = sys.argv[1:]
    problems = []
    with tempfile.TemporaryDirectory() as out:
        for document in documents:
            schemas = yaml.safe_load(open(document, encoding="utf-8"))["components"]["schemas"]
            tables = {name: codes_of(schemas[name]) for name in schemas if name.endswith("Code")}
            ts, py = Path(out, "types.ts"), Path(out, "models.py")
            subprocess.run([typescript, document, "-o", ts], check=True, capture_output=True)
            subprocess.run(
                [datamodel, "--input", document, "--input-file-type", "openapi", "--output", py,
                 "--output-model-type", "pydantic_v2.BaseModel", "--formatters", "black"],
                check=True,
                capture_output=True,
            )
            found = check_typescript(ts, tables, ts.read_text()) + check_python(py, tables, py.read_text())
            problems += [problem.replace(str(ts), f"{document} (TypeScript)").replace(str(py), f"{document} (Python)") for problem in found]
            if not found:
                print(f"{document}: {', '.join(tables)} stay literal unions and enums")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
