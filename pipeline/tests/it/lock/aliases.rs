//! The lock on aliases, retired entries and string codes: each alias is
//! locked as its row, and `gen` and `diff` refuse the same changes.

use super::*;

/// `ROWS` with aliases 11 and 12 on CART_EMPTY.
const ALIASED: &str = "      - {code: 1, name: CART_EMPTY, description: D, http_status: 400, aliases: [11, 12]}\n\
                       \x20     - {code: 2, name: CART_FULL, description: D, http_status: 409}\n";

#[test]
fn each_alias_is_locked_on_its_own_line_as_its_row() {
    let project = Project::new(&spec("0.1.0", ALIASED, ""));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    let lines: Vec<&str> = lock.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        lines,
        [
            "version 0.1.0",
            "response 400 BadRequest active 0.1.0",
            "response 409 Conflict active 0.1.0",
            "params none",
            "wire: body none",
            "1 cart active 0.1.0 CartError::CartEmpty \"CART_EMPTY\"",
            "2 cart active 0.1.0 CartError::CartFull \"CART_FULL\"",
            "11 cart alias-of:1 0.1.0 CartError::CartEmpty \"CART_EMPTY\"",
            "12 cart alias-of:1 0.1.0 CartError::CartEmpty \"CART_EMPTY\"",
        ]
    );
    assert_eq!(outcome(&project.generate(Mode::Check).unwrap(), &project.lock()), Outcome::Unchanged);

    // A new alias is added like a new code, at the spec's version.
    project.edit(&spec(
        "0.1.1",
        &ALIASED.replace("http_status: 409}", "http_status: 409, aliases: [20]}"),
        "",
    ));
    project.generate(Mode::Write).expect("adding an alias is not breaking");
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\n20 cart alias-of:2 0.1.1 CartError::CartFull \"CART_FULL\"\n"), "{lock}");
    assert!(lock.contains("\n11 cart alias-of:1 0.1.0 "), "first versions are kept: {lock}");
}

#[test]
fn a_removed_alias_is_refused_at_its_row_until_it_is_retired_with_a_bump() {
    let project = Project::new(&spec("0.1.0", ALIASED, ""));
    project.generate(Mode::Write).unwrap();
    let lock_before = fs::read(project.lock()).unwrap();
    let dropped = ALIASED.replace("aliases: [11, 12]", "aliases: [12]");

    project.edit(&spec("0.2.0", &dropped, ""));
    for mode in [Mode::Check, Mode::Write] {
        let error = project.generate(mode).unwrap_err();
        assert!(
            error.contains(
                "error: alias 11 of code 1 `CART_EMPTY` (table `cart`) is locked but gone from spec/shop.yaml"
            ),
            "{error}"
        );
        assert!(error.contains("spec/shop.yaml:9:9\n"), "the row is named: {error}");
        assert!(
            error.contains(
                "help: aliases are API (`from_code(11)` gives `CartError::CartEmpty`): add 11 back to the row's \
                 `aliases`, or retire it by adding `- {code: 11, name: CART_EMPTY, reason: \"why\"}` to table \
                 `cart`'s `retired:` list"
            ),
            "{error}"
        );
        assert!(!error.contains("alias 12"), "{error}");
    }
    assert_eq!(fs::read(project.lock()).unwrap(), lock_before, "a refused spec writes nothing");

    // Retiring it is breaking: `from_code(11)` stops finding the row.
    let retired = "    retired:\n      - {code: 11, name: CART_EMPTY, reason: Never sent any more.}\n";
    project.edit(&spec("0.1.1", &dropped, retired));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(error.contains("error: 1 breaking change since 0.1.0 needs version 0.2.0"), "{error}");
    assert!(
        error.contains("alias 11 of code 1 `CART_EMPTY` is retired: `from_code(11)` no longer gives `CartError::CartEmpty`"),
        "{error}"
    );

    project.edit(&spec("0.2.0", &dropped, retired));
    project.generate(Mode::Write).expect("a breaking bump allows it");
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\n11 cart retired 0.1.0 CartError::CartEmpty \"CART_EMPTY\"\n"), "{lock}");
    assert!(lock.contains("\n12 cart alias-of:1 0.1.0 "), "{lock}");
}

#[test]
fn a_retired_code_is_never_reused_as_an_alias() {
    let retired = "    retired:\n      - {code: 11, name: CART_EMPTY, reason: R}\n      - {code: 2, name: CART_FULL, reason: R}\n";
    let row1 = "      - {code: 1, name: CART_EMPTY, description: D, http_status: 400, aliases: [12]}\n";
    let project = Project::new(&spec("0.1.0", ALIASED, ""));
    project.generate(Mode::Write).unwrap();
    project.edit(&spec("0.2.0", row1, retired));
    project.generate(Mode::Write).unwrap();

    // A retired row's code and a retired alias, both given back as aliases,
    // their retired entries dropped.
    let reuse =
        "      - {code: 1, name: CART_EMPTY, description: D, http_status: 400, aliases: [2, 11, 12]}\n";
    project.edit(&spec("1.0.0", reuse, ""));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains(
            "error: alias 2 of code 1 `CART_EMPTY` reuses a retired code: 2 was `CART_FULL` in table `cart`"
        ),
        "{error}"
    );
    assert!(error.contains("spec/shop.yaml:9:81\n"), "the alias is named: {error}");
    assert!(
        error.contains("help: a retired code is never reused, not even as an alias: remove 2 from `aliases`"),
        "{error}"
    );
    assert!(
        error.contains("alias 11 of code 1 `CART_EMPTY` reuses a retired code: 11 was `CART_EMPTY`"),
        "{error}"
    );
    assert!(error.contains("spec/shop.yaml:9:84\n"), "{error}");
}

#[test]
fn renaming_a_row_is_refused_for_its_aliases_too() {
    let project = Project::new(&spec("0.1.0", ALIASED, ""));
    project.generate(Mode::Write).unwrap();
    project.edit(&spec("1.0.0", &ALIASED.replace("CART_EMPTY", "CART_VOID"), ""));
    let error = project.generate(Mode::Write).unwrap_err();
    assert!(
        error.contains(
            "error: code 1 `CART_VOID` was published as `CART_EMPTY`, as were its aliases 11, 12; renaming a code breaks"
        ),
        "{error}"
    );
    assert!(error.contains("spec/shop.yaml:9:25\n"), "{error}");
    assert!(error.contains("help: restore `name: CART_EMPTY`"), "{error}");
    assert!(!error.contains("error: alias"), "one problem, reported once at the row: {error}");
}

#[test]
fn moving_an_alias_to_another_row_needs_a_breaking_bump() {
    let project = Project::new(&spec("1.2.0", ALIASED, ""));
    project.generate(Mode::Write).unwrap();
    // 12 belongs to CART_FULL after all; 11 goes to a row of another table.
    let moved = spec(
        "1.3.0",
        &ALIASED
            .replace("aliases: [11, 12]", "aliases: []")
            .replace("http_status: 409}", "http_status: 409, aliases: [12]}"),
        "",
    ) + "  - id: order\n    title: Orders\n    summary: S\n    errors:\n      - {code: 30, name: ORDER_EMPTY, description: D, http_status: 400, aliases: [11]}\n";
    project.edit(&moved);
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(error.contains("error: 2 breaking changes since 1.2.0 need version 2.0.0"), "{error}");
    assert!(
        error.contains(
            "alias 11 moved from code 1 `CART_EMPTY` to code 30 `ORDER_EMPTY`: `from_code(11)` gives \
             `OrderError::OrderEmpty`, not `CartError::CartEmpty`"
        ),
        "{error}"
    );
    assert!(
        error.contains(
            "alias 12 moved from code 1 `CART_EMPTY` to code 2 `CART_FULL`: `from_code(12)` gives \
             `CartError::CartFull`, not `CartError::CartEmpty`"
        ),
        "{error}"
    );
    assert!(error.contains("help: set `version: 2.0.0`, or undo the changes"), "{error}");

    project.edit(&moved.replace("version: 1.3.0", "version: 2.0.0"));
    project.generate(Mode::Write).expect("a major bump allows it");
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\n11 order alias-of:30 1.2.0 OrderError::OrderEmpty \"ORDER_EMPTY\"\n"), "{lock}");
    assert!(lock.contains("\n12 cart alias-of:2 1.2.0 CartError::CartFull \"CART_FULL\"\n"), "{lock}");
}

#[test]
fn a_code_made_an_alias_of_another_row_is_refused_and_of_its_own_row_is_breaking() {
    let project = Project::new(&spec("1.2.0", ROWS, ""));
    project.generate(Mode::Write).unwrap();

    // Code 2 would read as CART_EMPTY: a rename, refused like one.
    let merged = "      - {code: 1, name: CART_EMPTY, description: D, http_status: 400, aliases: [2]}\n";
    project.edit(&spec("2.0.0", merged, ""));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains(
            "error: alias 2 of code 1 `CART_EMPTY` was published as its own code `CART_FULL` in table `cart`; \
             making it an alias of another error breaks every client that reads it"
        ),
        "{error}"
    );
    assert!(error.contains("spec/shop.yaml:9:81\n"), "the alias is named: {error}");
    assert!(error.contains("help: remove 2 from `aliases` and restore its row `CART_FULL`"), "{error}");

    // Renumbering a row and keeping its old code as an alias changes `code()`.
    let renumbered = ROWS.replace(
        "{code: 2, name: CART_FULL, description: D, http_status: 409}",
        "{code: 3, name: CART_FULL, description: D, http_status: 409, aliases: [2]}",
    );
    project.edit(&spec("1.3.0", &renumbered, ""));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains(
            "code 2 `CART_FULL` is now an alias of code 3: `CartError::CartFull`'s `code()` changes"
        ),
        "{error}"
    );
    project.edit(&spec("2.0.0", &renumbered, ""));
    project.generate(Mode::Write).expect("a major bump allows it");
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\n2 cart alias-of:3 1.2.0 CartError::CartFull \"CART_FULL\"\n"), "{lock}");
}

/// What `diff` says of the same edit `gen` checks against the lock.
fn diff_of(old: &str, new: &str) -> errcat_pipeline::compat::diff::CatalogueDiff {
    let path = Path::new("spec/shop.yaml");
    let load = |yaml: &str| crate::load_text(path, "spec/shop.yaml", yaml).unwrap_or_else(|e| panic!("{e}"));
    errcat_pipeline::compat::diff::diff(&load(old), &load(new))
}

const RETIRED: &str = "    retired:\n      - {code: 9, name: CART_GONE, reason: Never sent.}\n";

#[test]
fn dropping_a_retired_entry_is_refused_by_gen_and_by_diff() {
    let old = spec("0.2.0", ROWS, RETIRED);
    let project = Project::new(&old);
    project.generate(Mode::Write).unwrap();
    for version in ["0.2.0", "0.2.1", "1.0.0"] {
        let new = spec(version, ROWS, "");
        project.edit(&new);
        let error = project.generate(Mode::Check).unwrap_err();
        let message = "retired code 9 `CART_GONE` (table `cart`) is locked but gone from spec/shop.yaml";
        assert!(error.contains(&format!("error: {message}")), "{error}");
        assert!(error.contains("help: a retired code stays listed so it is never reused"), "{error}");

        let diff = diff_of(&old, &new);
        assert_eq!(diff.decision, errcat_pipeline::compat::diff::Decision::Refused, "{diff}");
        assert_eq!(diff.changes.iter().map(|c| c.summary.as_str()).collect::<Vec<_>>(), [message]);
        assert!(diff.changes[0].is_refused() && !diff.changes[0].is_breaking(), "{diff}");
    }
}

#[test]
fn renaming_a_retired_entry_is_refused_by_gen_and_by_diff_at_its_name() {
    let old = spec("0.2.0", ROWS, RETIRED);
    let project = Project::new(&old);
    project.generate(Mode::Write).unwrap();
    let new = spec("1.0.0", ROWS, &RETIRED.replace("CART_GONE", "CART_VANISHED"));
    project.edit(&new);
    let error = project.generate(Mode::Check).unwrap_err();
    let message = "retired code 9 `CART_VANISHED` was published as `CART_GONE`";
    assert!(error.contains(&format!("error: {message}")), "{error}");
    // The name's line, with a caret under it.
    assert!(error.contains("spec/shop.yaml:12:25\n"), "{error}");
    assert!(error.contains("help: a retired code keeps the name it had: write `name: CART_GONE`"), "{error}");

    let diff = diff_of(&old, &new);
    assert_eq!(diff.decision, errcat_pipeline::compat::diff::Decision::Refused, "{diff}");
    assert_eq!(diff.changes.iter().map(|c| c.summary.as_str()).collect::<Vec<_>>(), [message]);
}

#[test]
fn swapping_rows_is_accepted_by_gen_and_a_patch_for_diff() {
    let old = spec("0.2.0", ROWS, RETIRED);
    let project = Project::new(&old);
    project.generate(Mode::Write).unwrap();
    let lock = fs::read(project.lock()).unwrap();
    let mut rows: Vec<&str> = ROWS.lines().collect();
    rows.swap(0, 1);
    let new = spec("0.2.0", &(rows.join("\n") + "\n"), RETIRED);
    project.edit(&new);

    let reports = project.generate(Mode::Write).expect("a new order needs no bump from the lock");
    assert_eq!(outcome(&reports, &project.lock()), Outcome::Unchanged, "the lock is in code order");
    assert_eq!(fs::read(project.lock()).unwrap(), lock);
    // The generated crate lists the rows in their new order: docs and `ALL`.
    let lib = fs::read_to_string(project.out.join("shop-errors/src/lib.rs")).unwrap();
    let all = &lib[lib.find("pub const ALL").expect("an ALL constant")..];
    assert!(all.find("CartFull").unwrap() < all.find("CartEmpty").unwrap(), "{all}");

    let diff = diff_of(&old, &new);
    assert_eq!(diff.decision, errcat_pipeline::compat::diff::Decision::Accepted, "{diff}");
    assert_eq!(diff.changes.len(), 1, "{diff}");
    assert_eq!(diff.changes[0].kind, errcat_pipeline::compat::diff::ChangeKind::Reordered);
    assert_eq!(diff.changes[0].bump(), Some(errcat_pipeline::compat::diff::Bump::Patch));
    // A release says so with a patch bump; the lock does not require one.
    assert_eq!((diff.needed_version.as_deref(), diff.version_ok), (Some("0.2.1"), false), "{diff}");
}

/// A catalogue of string codes with one table, `codes` its `codes:` line.
fn string_spec(codes: &str, version: &str, rows: &str) -> String {
    format!(
        "title: Shop\n{codes}crate: shop-errors\nversion: {version}\ntables:\n  - id: cart\n    title: Cart errors\n    summary: S\n    errors:\n{rows}"
    )
}

const STRING_ROWS: &str = "      - {code: cart_empty, name: CART_EMPTY, description: D, aliases: ['0001']}\n\
                           \x20     - {code: '42601', name: CART_FULL, description: D}\n";

#[test]
fn string_codes_are_locked_as_text_and_kept_like_numbers() {
    let project = Project::new(&string_spec("codes: string\n", "0.1.0", STRING_ROWS));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    let lines: Vec<&str> = lock.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        lines,
        [
            "version 0.1.0",
            "codes string",
            "responses none",
            "params none",
            "wire: body none",
            "0001 cart alias-of:cart_empty 0.1.0 CartError::CartEmpty \"CART_EMPTY\"",
            "42601 cart active 0.1.0 CartError::CartFull \"CART_FULL\"",
            "cart_empty cart active 0.1.0 CartError::CartEmpty \"CART_EMPTY\"",
        ]
    );
    assert_eq!(outcome(&project.generate(Mode::Check).unwrap(), &project.lock()), Outcome::Unchanged);

    // A locked string code that vanishes is refused like a number, with
    // the entry to retire it written as the spec writes the code.
    project.edit(&string_spec(
        "codes: string\n",
        "0.1.0",
        "      - {code: cart_empty, name: CART_EMPTY, description: D, aliases: ['0001']}\n",
    ));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(error.contains("error: code 42601 `CART_FULL` (table `cart`) is locked but gone"), "{error}");
    assert!(error.contains("`- {code: \"42601\", name: CART_FULL, reason: \"why\"}`"), "{error}");

    // So is a vanished string alias, which the help quotes as Rust and as
    // the spec write it.
    project.edit(&string_spec(
        "codes: string\n",
        "0.1.0",
        "      - {code: cart_empty, name: CART_EMPTY, description: D}\n\
         \x20     - {code: '42601', name: CART_FULL, description: D}\n",
    ));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains(
            "help: aliases are API (`from_code(\"0001\")` gives `CartError::CartEmpty`): add \"0001\" back to the row's `aliases`"
        ),
        "{error}"
    );
    // A code whose case changed is another code, and the help says so.
    project.edit(&string_spec("codes: string\n", "0.1.0", &STRING_ROWS.replace("cart_empty", "Cart_empty")));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains("error: code cart_empty `CART_EMPTY` (table `cart`) is locked but gone"),
        "{error}"
    );
    assert!(
        error.contains("(`Cart_empty` is another code: codes compare exactly, case included)"),
        "{error}"
    );
    let diff = diff_of(
        &string_spec("codes: string\n", "0.1.0", STRING_ROWS),
        &string_spec(
            "codes: string\n",
            "0.2.0",
            "      - code: cart_empty\n        name: CART_EMPTY\n        description: D\n\
             \x20     - {code: '42601', name: CART_FULL, description: D}\n\
             \x20   retired:\n      - {code: '0001', name: CART_EMPTY, reason: R}\n",
        ),
    );
    assert!(
        diff.changes.iter().any(|change| change.summary.contains("`from_code(\"0001\")` no longer gives")),
        "{diff}"
    );
}

#[test]
fn switching_the_kind_of_codes_is_refused_once() {
    let project = Project::new(&spec("0.1.0", ROWS, ""));
    project.generate(Mode::Write).unwrap();
    project.edit(&string_spec(
        "codes: string\n",
        "1.0.0",
        "      - {code: '1', name: CART_EMPTY, description: D, http_status: 400}\n\
         \x20     - {code: '2', name: CART_FULL, description: D, http_status: 409}\n",
    ));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains("error: `codes: string`: the catalogue published integer codes, and every `code()` would change type"),
        "{error}"
    );
    assert!(
        error.contains("help: a catalogue's codes keep their kind: set `codes: integer` again"),
        "{error}"
    );
    assert!(error.contains("shop.yaml:2:8"), "the diagnostic points at `codes:`: {error}");
    assert_eq!(error.matches("error:").count(), 1, "one change, not one per code: {error}");

    let diff = diff_of(&spec("0.1.0", ROWS, ""), &string_spec("codes: string\n", "1.0.0", STRING_ROWS));
    assert_eq!(diff.changes.len(), 1, "{:?}", diff.changes);
    assert_eq!(diff.changes[0].kind, errcat_pipeline::compat::diff::ChangeKind::CodesChanged);
    assert!(diff.changes[0].is_refused() && diff.changes[0].is_breaking());
}
