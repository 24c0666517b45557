"""Client generators type each row's params, and the examples carry them:

    params_types.py OPENAPI_TYPESCRIPT TSC DATAMODEL_CODEGEN DOCUMENT...

In each document, every row with params has a `<Enum><Variant>Body` (and
a `…Problem` with problem details) that the `TypedErrorBody`
(`TypedProblemDetails`) union lists before the plain schema: the plain
body (inside an envelope, its `…Members`) joined to a `<Names>Params`
schema that rows declaring the same params share, with the code
narrowed to the row's own. For every example of such a code:

- the example validates against its row's own schema, not only the
  union (whose plain branch takes any extra member);
- TypeScript (openapi-typescript, then `tsc --strict`): the example is a
  value of its row's type and of the union, and a copy with any param of
  the wrong type, or without a required param, is not (`@ts-expect-error`
  fails the compile if a param were typed `unknown` or optional);
- Python (datamodel-code-generator's pydantic models): the example
  validates as its row's model, the union reads it as that model, and a
  copy with any param of the wrong type, or without a required param, is
  refused.

In both, a copy with the code of another row with params is not of its
row's type either: rows that share a params schema keep a code each
(an `enum` of codes is a schema of its own, `<Enum><Variant>Codes`,
which datamodel-code-generator types as the row's own enum, where it
would type a bare `enum` beside the plain body's code as any code)."""

import copy
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from openapi_schema_validator import OAS30Validator, OAS31Validator

# A value of another type than each JSON type a param has, which no
# lenient reading (pydantic's lax mode) turns into one.
WRONG = {"string": 42, "integer": "many", "number": "lots", "boolean": "maybe", "array": [42]}


def params_schemas(schemas):
    """Each row with params: its base name, codes, params (name to JSON
    type) and required params, read through the shared params schema its
    body refers to."""
    rows = {}
    for name, schema in schemas.items():
        if not name.endswith("Body") or name in ("ErrorBody", "TypedErrorBody"):
            continue
        typed = schemas.get(f"{name[:-4]}Members", schema)
        code_key, code = next(iter(typed["properties"].items()))
        params = schemas[typed["allOf"][1]["$ref"].rsplit("/", 1)[1]]
        # An `enum` of codes is a schema of its own.
        if "$ref" in code:
            code = schemas[code["$ref"].rsplit("/", 1)[1]]
        codes = [code["const"]] if "const" in code else code["enum"]
        rows[name[:-4]] = {
            "code_key": code_key,
            "codes": codes,
            "params": {param: value["type"] for param, value in params["properties"].items()},
            "required": params.get("required", []),
        }
    return rows


def examples(document, rows):
    """Every example of a code with params: (row, suffix, value, members),
    `members` the object holding the code (inside the envelope, if any)."""
    found = []
    for response in document["components"].get("responses", {}).values():
        for media, content in response.get("content", {}).items():
            suffix = "Problem" if media == "application/problem+json" else "Body"
            for example in content.get("examples", {}).values():
                value = example["value"]
                for row, facts in rows.items():
                    members = value if facts["code_key"] in value else next(iter(value.values()))
                    if isinstance(members, dict) and members.get(facts["code_key"]) in facts["codes"]:
                        found.append((row, suffix, value, members))
    return found


def variants(facts, value, members):
    """Copies of `value`, each with one param wrong: (what, copy)."""
    for param, kind in facts["params"].items():
        wrong = copy.deepcopy(value)
        inner = wrong if members is value else next(iter(wrong.values()))
        inner[param] = WRONG[kind]
        yield f"`{param}` as {json.dumps(WRONG[kind])}", wrong
    for param in facts["required"]:
        wrong = copy.deepcopy(value)
        inner = wrong if members is value else next(iter(wrong.values()))
        del inner[param]
        yield f"no `{param}`", wrong


def other_code(rows, row, value, members):
    """A copy of `value` with the code of another row that has params, if
    there is one: each row's type keeps its own code, whichever rows share
    its params schema."""
    for other, facts in rows.items():
        if other != row and facts["codes"][0] not in rows[row]["codes"]:
            wrong = copy.deepcopy(value)
            inner = wrong if members is value else next(iter(wrong.values()))
            inner[rows[row]["code_key"]] = facts["codes"][0]
            return [(f"the code of {other}", wrong)]
    return []


def check_examples(path, document, found):
    validator = OAS31Validator if document["openapi"].startswith("3.1") else OAS30Validator
    problems = []
    for row, suffix, value, _ in found:
        schema = {"$ref": f"#/components/schemas/{row}{suffix}", "components": document["components"]}
        errors = [error.message for error in validator(schema).iter_errors(value)]
        if errors:
            problems.append(f"{path}: an example of {row}{suffix} is not one: {errors[0]}")
    return problems


def check_typescript(path, document, rows, found, typescript, tsc, out):
    types, check = Path(out, "types.ts"), Path(out, "check.ts")
    subprocess.run([typescript, path, "-o", types], check=True, capture_output=True)
    lines = ['import type { components } from "./types";', 'type S = components["schemas"];']
    for n, (row, suffix, value, members) in enumerate(found):
        union = "TypedProblemDetails" if suffix == "Problem" else "TypedErrorBody"
        lines.append(f'export const ok{n}: S["{row}{suffix}"] = {json.dumps(value)};')
        lines.append(f'export const union{n}: S["{union}"] = ok{n};')
        for m, (what, wrong) in enumerate(list(variants(rows[row], value, members)) + other_code(rows, row, value, members)):
            lines.append(f"// {what}")
            lines.append("// @ts-expect-error")
            lines.append(f'export const wrong{n}_{m}: S["{row}{suffix}"] = {json.dumps(wrong)};')
    check.write_text("\n".join(lines) + "\n")
    result = subprocess.run(
        [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "esnext",
         "--moduleResolution", "bundler", str(check)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        lines = [re.sub(r"\S*check\.ts", "check.ts", line) for line in result.stdout.splitlines() if "error" in line]
        return [f"{path} (TypeScript): {line}" for line in lines]
    return []


def check_python(path, rows, found, datamodel, out):
    models = Path(out, "models.py")
    subprocess.run(
        [datamodel, "--input", path, "--input-file-type", "openapi", "--output", models,
         "--output-model-type", "pydantic_v2.BaseModel", "--formatters", "black"],
        check=True,
        capture_output=True,
    )
    spec = importlib.util.spec_from_file_location(f"models_{abs(hash(path))}", models)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    from pydantic import ValidationError

    problems = []
    for row, suffix, value, members in found:
        model = getattr(module, f"{row}{suffix}")
        union = getattr(module, "TypedProblemDetails" if suffix == "Problem" else "TypedErrorBody")
        try:
            model.model_validate(value)
        except ValidationError as error:
            problems.append(f"{path} (Python): an example of {row}{suffix} is refused: {error}")
            continue
        read = union.model_validate(value).root
        if type(read) is not model:
            problems.append(f"{path} (Python): the union reads an example of {row}{suffix} as {type(read).__name__}")
        for what, wrong in list(variants(rows[row], value, members)) + other_code(rows, row, value, members):
            try:
                model.model_validate(wrong)
                problems.append(f"{path} (Python): {row}{suffix} takes {what}")
            except ValidationError:
                pass
    return problems


def main() -> int:
    typescript, tsc, datamodel, *documents = sys.argv[1:]
    problems = []
    with tempfile.TemporaryDirectory() as out:
        for path in documents:
            document = yaml.safe_load(open(path, encoding="utf-8"))
            rows = params_schemas(document["components"]["schemas"])
            found = examples(document, rows)
            if not rows or not found:
                problems.append(f"{path}: no row with params, or no example of one")
                continue
            found_problems = (
                check_examples(path, document, found)
                + check_typescript(path, document, rows, found, typescript, tsc, out)
                + check_python(path, rows, found, datamodel, out)
            )
            problems += found_problems
            if not found_problems:
                print(f"{path}: {len(found)} examples of {', '.join(rows)} are typed in TypeScript and Python")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
