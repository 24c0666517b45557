//! Validation reports every problem of a spec, naming the row and the fix.

use std::path::Path;

fn problems(yaml: &str) -> Vec<String> {
    match crate::load_text(Path::new("spec/test.yaml"), "spec/test.yaml", yaml) {
        Ok(_) => Vec::new(),
        Err(found) => found.0.iter().map(|d| d.to_string()).collect(),
    }
}

fn spec_with_rows(rows: &str) -> String {
    format!(
        "title: T\ncrate: t-errors\nversion: 0.1.0\ntables:\n  - id: http\n    kind: http_status\n    title: H\n    summary: S\n    errors:\n      - {{code: 404, name: Not Found, description: D}}\n  - id: app\n    title: A\n    summary: S\n    errors:\n{rows}"
    )
}

#[test]
fn a_valid_spec_has_no_problems() {
    assert_eq!(
        problems(&spec_with_rows("      - {code: 1, name: ONE, description: D, http_status: 404}\n")),
        Vec::<String>::new()
    );
}

#[test]
fn duplicate_codes_across_tables() {
    let found =
        problems(&spec_with_rows("      - {code: 404, name: ONE, description: D, http_status: 404}\n"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("table `app`, row 1 (`ONE`): code 404 is already used by table `http`, row 1"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("--> spec/test.yaml:15:16\n"), "{}", found[0]);
    assert!(found[0].contains("15 |       - {code: 404, name: ONE"), "{}", found[0]);
    assert!(found[0].contains("help:"));
}

#[test]
fn duplicate_names_and_colliding_variants() {
    let found = problems(&spec_with_rows(
        "      - {code: 1, name: ACCESS_TOKEN_EXPIRED, description: D, http_status: 403}\n\
         \x20     - {code: 2, name: ACCESS_TOKEN_EXPIRED, description: D, http_status: 403}\n\
         \x20     - {code: 3, name: ACCESS-TOKEN-EXPIRED, description: D, http_status: 403}\n",
    ));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0]
            .contains("row 2 (`ACCESS_TOKEN_EXPIRED`): name `ACCESS_TOKEN_EXPIRED` is already used by row 1")
    );
    assert!(found[1].contains(
        "row 3 (`ACCESS-TOKEN-EXPIRED`): variant `AccessTokenExpired` is already derived for row 1"
    ));
    assert!(found[1].contains("rust_variant"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems(&spec_with_rows(
        "      - {code: 1, name: '', description: D, http_status: 403}\n\
         \x20     - {code: 2, name: TWO, description: '  '}\n\
         \x20     - {code: 3, name: THREE, description: D, http_status: 200}\n\
         \x20     - {code: 4, name: 4XX, description: D, http_status: 404}\n",
    ));
    let joined = found.join("\n");
    assert!(joined.contains("row 1 (``): `name` is blank"), "{joined}");
    assert!(joined.contains("row 2 (`TWO`): `description` is blank"), "{joined}");
    assert!(
        joined.contains("1 row has no `http_status`, but the catalogue is an HTTP one: `TWO` (table `app`)"),
        "{joined}"
    );
    assert!(joined.contains("row 3 (`THREE`): `http_status: 200` is not an HTTP error status"), "{joined}");
    assert!(
        joined
            .contains("row 4 (`4XX`): the name cannot become a Rust variant name: `4xx` starts with a digit"),
        "{joined}"
    );
    assert_eq!(found.len(), 5, "{joined}");
}

#[test]
fn http_status_tables_hold_error_statuses() {
    let yaml = "title: T\ncrate: t\nversion: 0.1.0\ntables:\n  - id: http\n    kind: http_status\n    title: H\n    summary: S\n    errors:\n      - {code: 302, name: Found, description: D}\n      - {code: 404, name: Not Found, description: D, http_status: 403}\n";
    let found = problems(yaml);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].contains("code 302 is not an HTTP error status"));
    assert!(found[1].contains("`http_status: 403` disagrees with code 404"));
}

#[test]
fn catalogue_level_problems() {
    let yaml = "title: ''\ncrate: Bad Crate\nversion: '1.0'\ntables: []\n";
    let found = problems(yaml);
    let joined = found.join("\n");
    assert!(joined.contains("`title` is blank"));
    assert!(joined.contains("`crate: Bad Crate` is not a valid package name"));
    assert!(joined.contains("`version: 1.0` is not a semver version"));
    assert!(joined.contains("the catalogue has no tables"));
}

#[test]
fn table_level_problems() {
    let yaml = "title: T\ncrate: t\nversion: 0.1.0\ntables:\n  - {id: Auth, title: A, summary: S, errors: []}\n  - {id: x, title: X, summary: S, rust_enum: ErrorCode, errors: [{code: 1, name: A, description: D, http_status: 400}]}\n  - {id: x, title: X, summary: S, errors: [{code: 2, name: B, description: D, http_status: 400}]}\n";
    let joined = problems(yaml).join("\n");
    assert!(joined.contains("id `Auth` is not snake_case"), "{joined}");
    assert!(joined.contains("table `Auth` has no rows"), "{joined}");
    assert!(joined.contains("`ErrorCode` cannot name the table's enum"), "{joined}");
    assert!(joined.contains("table id `x` is used by tables 2 and 3"), "{joined}");
}

#[test]
fn parser_problems_carry_a_position() {
    let found = problems(
        "title: T\ncrate: t\nversion: 0.1.0\ntables:\n  - id: a\n    title: A\n    summary: S\n    descripton: typo\n    errors: []\n",
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("unknown field `descripton`"), "{}", found[0]);
    assert!(found[0].contains("--> spec/test.yaml:8:5"), "{}", found[0]);

    let found = problems(
        "title: T\ncrate: t\nversion: 0.1.0\ntables:\n  - id: a\n    title: A\n    summary: S\n    errors:\n      - {code: -1, name: N, description: D, http_status: 400}\n",
    );
    assert!(found[0].contains("--> spec/test.yaml:9:"), "{}", found[0]);
}

#[test]
fn aliases_take_part_in_the_duplicate_checks() {
    let found = problems(&spec_with_rows(
        "      - {code: 1, name: ONE, description: D, http_status: 404, aliases: [10, 404, 1]}\n\
         \x20     - {code: 2, name: TWO, description: D, http_status: 404, aliases: [10]}\n\
         \x20     - {code: 10, name: TEN, description: D, http_status: 404}\n",
    ));
    let joined = found.join("\n");
    assert!(joined.contains("row 1 (`ONE`): alias 404 is already used by table `http`, row 1"), "{joined}");
    assert!(
        joined.contains("row 1 (`ONE`): alias 1 is already used by table `app`, row 1 (`ONE`)"),
        "{joined}"
    );
    assert!(
        joined
            .contains("row 2 (`TWO`): alias 10 is already used by table `app`, row 1 (`ONE`) (as an alias)"),
        "{joined}"
    );
    assert!(
        joined.contains("row 3 (`TEN`): code 10 is already used by table `app`, row 1 (`ONE`) (as an alias)"),
        "{joined}"
    );
    // Each alias gets its own caret.
    assert!(joined.contains("--> spec/test.yaml:15:78\n"), "{joined}");
    assert!(joined.contains("--> spec/test.yaml:16:74\n"), "{joined}");
    assert_eq!(found.len(), 4, "{joined}");
}

#[test]
fn http_status_rows_have_no_aliases() {
    let yaml = "title: T\ncrate: t\nversion: 0.1.0\ntables:\n  - id: http\n    kind: http_status\n    title: H\n    summary: S\n    errors:\n      - {code: 404, name: Not Found, description: D, aliases: [4040]}\n";
    let found = problems(yaml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("row 1 (`Not Found`): a row of an `http_status` table cannot have `aliases`"));
    assert!(found[0].contains("--> spec/test.yaml:10:63\n"), "{}", found[0]);
}

#[test]
fn one_http_status_table_at_most() {
    let yaml = "title: T\ncrate: t\nversion: 0.1.0\ntables:\n  - {id: a, kind: http_status, title: A, summary: S, errors: [{code: 404, name: N, description: D}]}\n  - {id: b, kind: http_status, title: B, summary: S, errors: [{code: 500, name: I, description: D}]}\n";
    let found = problems(yaml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("table `b`: table 1 already has `kind: http_status`"), "{}", found[0]);
    assert!(found[0].contains("--> spec/test.yaml:6:19\n"), "{}", found[0]);
}

#[test]
fn recovery_is_one_of_the_catalogues_own() {
    let row = |recovery: &str| {
        format!("      - {{code: 1, name: ONE, description: D, http_status: 404, recovery: {recovery}}}\n")
    };
    let declared = |rows: String| {
        spec_with_rows(&rows).replace(
            "version: 0.1.0\n",
            "version: 0.1.0\nrecoveries:\n  - {id: new_token, description: Get a new token.}\n  - {id: wait, description: Wait., retry: true}\n",
        )
    };
    assert_eq!(problems(&declared(row("new_token"))), Vec::<String>::new());

    let found = problems(&declared(row("new_tokn")));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("`recovery: new_tokn` is not one of the catalogue's `recoveries`"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("did you mean `new_token`?"), "{}", found[0]);
    assert!(found[0].contains("--> spec/test.yaml:18:"), "{}", found[0]);

    let found = problems(&declared(row("reboot")));
    assert!(found[0].contains("name one of `new_token`, `wait`, or declare `reboot`"), "{}", found[0]);

    // Knox's names mean nothing to a catalogue that declares none.
    let found = problems(&spec_with_rows(&row("retry_later")));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("names a recovery, but the catalogue declares none"), "{}", found[0]);
    assert!(found[0].contains("--> spec/test.yaml:15:"), "{}", found[0]);
}

#[test]
fn deprecated_and_retired_are_checked() {
    let found = problems(&format!(
        "{}    retired:\n\
         \x20     - {{code: 1, name: ONE, reason: R}}\n\
         \x20     - {{code: 7, name: SEVEN, reason: ' ', table: app}}\n\
         \x20     - {{code: 7, name: '', reason: R}}\n\
         retired:\n\
         \x20 - {{code: 8, name: EIGHT, reason: R}}\n\
         \x20 - {{code: 9, name: NINE, reason: R, table: Old Table}}\n",
        spec_with_rows("      - {code: 1, name: ONE, description: D, http_status: 404, deprecated: ''}\n")
    ));
    let joined = found.join("\n");
    assert!(joined.contains("row 1 (`ONE`): `deprecated` is blank"), "{joined}");
    assert!(
        joined.contains("retired code 1 (`ONE`): the code is retired but table `app`, row 1 (`ONE`) uses it")
    );
    assert!(joined.contains("help: a retired code is never reused"), "{joined}");
    assert!(
        joined.contains("retired code 7 (`SEVEN`): `table: app` inside table `app`'s own `retired:` list")
    );
    assert!(joined.contains("retired code 7 (`SEVEN`): `reason` is blank"), "{joined}");
    assert!(joined.contains("retired code 7 (``): the code is already retired at `tables[1].retired[1]`"));
    assert!(joined.contains("--> spec/test.yaml:19:16\n"), "{joined}");
    assert!(joined.contains("retired code 8 (`EIGHT`): the top-level `retired:` list needs `table`"));
    assert!(joined.contains("retired code 9 (`NINE`): `table: Old Table` is not a table id"), "{joined}");
    assert_eq!(found.len(), 8, "{joined}");
}

#[test]
fn retired_lists_are_optional_and_may_name_gone_tables() {
    let yaml = format!(
        "{}retired:\n  - {{code: 9, name: NINE, reason: Its table was withdrawn., table: billing}}\n",
        spec_with_rows(
            "      - {code: 1, name: ONE, description: D, http_status: 404, deprecated: Use TWO.}\n"
        )
    );
    assert_eq!(problems(&yaml), Vec::<String>::new());
}

#[test]
fn name_column_headings_are_one_non_blank_line() {
    let with_heading = |heading: &str| {
        spec_with_rows("      - {code: 1, name: ONE, description: D, http_status: 404}\n")
            .replace("  - id: app\n", &format!("  - id: app\n    name_column: {heading}\n"))
    };
    assert_eq!(problems(&with_heading("Message")), Vec::<String>::new());
    for heading in ["\"  \"", "\"Two\\nlines\""] {
        let found = problems(&with_heading(heading));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("table `app`: `name_column` must be one non-blank line"), "{}", found[0]);
        assert!(found[0].contains("--> spec/test.yaml:12:18\n"), "{}", found[0]);
        assert!(found[0].contains("help: write the column's heading"), "{}", found[0]);
    }
}

#[test]
fn variants_cannot_take_a_name_the_enums_impl_defines() {
    for reserved in ["ALL", "CODES", "NAMES", "DESCRIPTIONS", "RECOVERIES"] {
        let found = problems(&spec_with_rows(&format!(
            "      - {{code: 1, name: ONE, rust_variant: {reserved}, description: D, http_status: 404}}\n"
        )));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(&format!(
                "row 1 (`ONE`): variant `{reserved}` would take the name of `AppError::{reserved}`"
            )),
            "{}",
            found[0]
        );
        assert!(found[0].contains("--> spec/test.yaml:15:"), "{}", found[0]);
        assert!(
            found[0].contains("help: set `rust_variant` to another name, e.g. `rust_variant: "),
            "{}",
            found[0]
        );
    }
    // The near misses are variants of their own.
    let rows = "      - {code: 1, name: ALL, description: D, http_status: 404}\n\
                \x20     - {code: 2, name: Error, description: D, http_status: 404}\n\
                \x20     - {code: 3, name: Err, description: D, http_status: 404}\n\
                \x20     - {code: 4, name: X, rust_variant: Codes, description: D, http_status: 404}\n";
    assert_eq!(problems(&spec_with_rows(rows)), Vec::<String>::new());
}

#[test]
fn enums_cannot_take_a_name_the_response_module_uses() {
    for reserved in ["Field", "Visitor", "String"] {
        let yaml = spec_with_rows("      - {code: 1, name: ONE, description: D, http_status: 404}\n")
            .replace(
                "    kind: http_status\n",
                &format!("    kind: http_status\n    rust_enum: {reserved}\n"),
            );
        let found = problems(&yaml);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains(&format!("`{reserved}` cannot name the table's enum")), "{}", found[0]);
    }
    let yaml = spec_with_rows("      - {code: 1, name: ONE, description: D, http_status: 404}\n")
        .replace("    kind: http_status\n", "    kind: http_status\n    rust_enum: Option\n");
    assert_eq!(problems(&yaml), Vec::<String>::new());
}

#[test]
fn table_ids_must_give_an_error_code_variant() {
    let yaml = spec_with_rows("      - {code: 1, name: ONE, description: D, http_status: 404}\n")
        .replace("  - id: app\n", "  - id: self\n");
    let found = problems(&yaml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("table `self`: the id gives the `ErrorCode` variant `Self`, a Rust keyword"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("--> spec/test.yaml:11:9\n"), "{}", found[0]);
    assert!(found[0].contains("help: choose another id, e.g. `id: self_codes`"), "{}", found[0]);
    // An override of the enum's name does not change the `ErrorCode` variant.
    let found = problems(&yaml.replace("  - id: self\n", "  - id: self\n    rust_enum: SelfService\n"));
    assert_eq!(found.len(), 1, "{found:?}");
}

/// Every text reaches a doc comment of the generated crate, where rustc
/// refuses bidirectional controls and carriage returns.
#[test]
fn texts_hold_no_character_rustc_refuses_in_docs() {
    let spec = |bad: &str| {
        format!(
            "title: \"T{bad}\"\ncrate: t-errors\nversion: 0.1.0\ntables:\n  - id: app\n    title: \"A{bad}\"\n    summary: \"S{bad}\"\n    name_column: \"Message{bad}\"\n    errors:\n      - {{code: 1, name: \"ONE{bad}\", description: \"D{bad}\", http_status: 404, deprecated: \"Use two.{bad}\"}}\n    retired:\n      - {{code: 2, name: \"TWO{bad}\", reason: \"R{bad}\"}}\n"
        )
    };
    let fields = [
        ("the catalogue", "title", "1:8"),
        ("table `app`", "title", "6:12"),
        ("table `app`", "summary", "7:14"),
        ("table `app`", "name_column", "8:18"),
        ("row 1 (`ONE", "name", "10:25"),
        ("row 1 (`ONE", "description", "10:51"),
        ("row 1 (`ONE", "deprecated", "10:92"),
        ("retired code 2 (`TWO", "name", "12:25"),
        ("retired code 2 (`TWO", "reason", "12:46"),
    ];
    for bad in ["\\u202E", "\\u2066", "\\u202A", "\\u2069"] {
        let found = problems(&spec(bad));
        assert_eq!(found.len(), fields.len(), "{bad}: {found:#?}");
        let code_point = bad.trim_start_matches("\\u");
        for ((here, field, at), problem) in fields.iter().zip(&found) {
            assert!(problem.contains(here), "{problem}");
            assert!(
                problem.contains(&format!("`{field}` contains U+{code_point}, a bidirectional control")),
                "{problem}"
            );
            assert!(problem.contains(&format!("--> spec/test.yaml:{at}\n")), "{problem}");
            assert!(problem.contains("help: remove it"), "{problem}");
        }
    }
    let found = problems(&spec("\\r"));
    assert_eq!(found.len(), fields.len(), "{found:#?}");
    for ((_, field, _), problem) in fields.iter().zip(&found) {
        assert!(
            problem.contains(&format!("`{field}` contains a carriage return"))
                || (*field == "name_column" && problem.contains("must be one non-blank line")),
            "{problem}"
        );
    }
    let found = problems(&spec("\\0"));
    assert_eq!(found.len(), fields.len(), "{found:#?}");
    for ((_, field, _), problem) in fields.iter().zip(&found) {
        assert!(problem.contains(&format!("`{field}` contains a NUL character")), "{problem}");
    }
    // A name sits in a code span of the docs, where no escape reaches a tab.
    let found = problems(&spec("\\t"));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].contains("row 1 (`ONE") && found[0].contains("`name` contains a tab"), "{}", found[0]);
    assert!(
        found[1].contains("retired code 2 (`TWO") && found[1].contains("`name` contains a tab"),
        "{}",
        found[1]
    );
    // Marks that set a direction without changing it are allowed.
    assert_eq!(problems(&spec("\\u200F\\u200E")), Vec::<String>::new());
}

#[test]
fn crate_names_leave_the_standard_crates_and_keywords_alone() {
    let with_crate = |name: &str| {
        spec_with_rows("      - {code: 1, name: ONE, description: D, http_status: 404}\n")
            .replace("crate: t-errors\n", &format!("crate: {name}\n"))
    };
    for (name, why) in [
        ("core", "Rust's own `core` crate"),
        ("std", "Rust's own `std` crate"),
        ("alloc", "Rust's own `alloc` crate"),
        ("proc_macro", "Rust's own `proc_macro` crate"),
        ("proc-macro", "Rust's own `proc_macro` crate"),
        ("test", "Rust's own `test` crate"),
        ("serde", "the `serde` crate the generated crate depends on"),
        ("serde-json", "the `serde_json` crate the generated crate depends on"),
        ("http", "the `http` crate the generated crate depends on"),
        ("self", "a Rust keyword"),
        ("crate", "a Rust keyword"),
        ("super", "a Rust keyword"),
        ("fn", "a Rust keyword"),
        ("gen", "a Rust keyword"),
    ] {
        let found = problems(&with_crate(name));
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(found[0].contains(&format!("`crate: {name}` names {why}")), "{}", found[0]);
        assert!(found[0].contains("--> spec/test.yaml:2:8\n"), "{}", found[0]);
        assert!(
            found[0].contains(&format!("help: choose a name of your own, e.g. `crate: {name}-errors`")),
            "{}",
            found[0]
        );
    }
    for name in ["core-errors", "my_std", "tests", "http-errors"] {
        assert_eq!(problems(&with_crate(name)), Vec::<String>::new(), "{name}");
    }
}

/// A catalogue without HTTP still has its own recovery vocabulary: the
/// crate gets `Recovery` and `recovery()`, and no HTTP method or feature.
#[test]
fn recoveries_need_no_http() {
    let yaml = "title: T\ncrate: t-errors\nversion: 0.1.0\n\
                recoveries:\n  - {id: reconnect, description: Connect again., retry: true}\n\
                tables:\n  - id: app\n    title: A\n    summary: S\n    errors:\n\
                \x20     - {code: 1, name: GONE, description: D, recovery: reconnect}\n\
                \x20     - {code: 2, name: BAD, description: D}\n";
    let catalogue = crate::load_text(Path::new("spec/test.yaml"), "spec/test.yaml", yaml)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!catalogue.http);
    let files = errcat_pipeline::render(&[catalogue]);
    let file = |name: &str| {
        let file = files.iter().find(|file| file.path.ends_with(name)).unwrap_or_else(|| panic!("no {name}"));
        file.contents.clone()
    };
    let lib = file("src/lib.rs");
    assert!(lib.contains("pub enum Recovery {"), "{lib}");
    assert!(lib.contains("pub const fn recovery(self) -> ::core::option::Option<Recovery>"), "{lib}");
    assert!(lib.contains("pub const fn is_retry(self) -> bool"), "{lib}");
    assert!(!lib.contains("fn http_status("), "{lib}");
    assert!(!lib.contains("mod response"), "{lib}");
    let manifest = file("Cargo.toml");
    // Only `serde`, for the code enums and `Recovery` in a user's own types.
    assert!(manifest.contains("serde = [\"dep:serde\"]"), "{manifest}");
    assert!(!manifest.contains("http"), "{manifest}");
}

/// A catalogue of string codes without HTTP, `rows` under its one table.
fn string_spec(rows: &str) -> String {
    format!(
        "title: T\ncodes: string\ncrate: t-errors\nversion: 0.1.0\ntables:\n  - id: state\n    title: S\n    summary: S\n    errors:\n{rows}"
    )
}

#[test]
fn string_codes_keep_their_text_as_written() {
    let spec = string_spec(
        "      - {code: 01000, name: warning, description: D, aliases: ['01C00', 1_000]}\n\
         \x20     - {code: '42601', name: syntax_error, description: D}\n\
         \x20     - {code: 0100C, name: result_sets, description: D}\n",
    );
    let catalogue =
        crate::load_text(Path::new("spec/test.yaml"), "spec/test.yaml", &spec).expect("a valid spec");
    assert_eq!(catalogue.codes, errcat_model::CodeKind::String);
    let codes: Vec<String> = catalogue.rows().map(|(_, row)| row.code.to_string()).collect();
    // YAML reads a number with a leading zero, or with `_`, as text: kept as written.
    assert_eq!(codes, ["01000", "42601", "0100C"]);
    let aliases: Vec<String> = catalogue.tables[0].rows[0].aliases.iter().map(ToString::to_string).collect();
    assert_eq!(aliases, ["01C00", "1_000"]);
    assert!(!catalogue.http, "a string catalogue without statuses is not an HTTP one");
}

#[test]
fn string_codes_are_unique_text_and_never_numbers() {
    let found = problems(&string_spec(
        "      - {code: 42601, name: A, description: D}\n\
         \x20     - {code: 'x y', name: B, description: D}\n\
         \x20     - {code: dup, name: C, description: D}\n\
         \x20     - {code: other, name: E, description: D, aliases: [dup, Dup]}\n",
    ));
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].contains("the code 42601 is a number, but the catalogue has `codes: string`"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("quote the code exactly as written"), "{}", found[0]);
    assert!(found[1].contains("the code `x y` is not a string code"), "{}", found[1]);
    // Codes are compared as written: `Dup` is not `dup`.
    assert!(found[2].contains("alias dup is already used by table `state`, row 3"), "{}", found[2]);
}

#[test]
fn integer_codes_refuse_text_saying_how_to_write_the_number() {
    let found =
        problems(&spec_with_rows("      - {code: 01000, name: ONE, description: D, http_status: 404}\n"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("the code `01000` is text, but the catalogue's codes are numbers"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("without quotes or leading zeros (`1000`)"), "{}", found[0]);
}
