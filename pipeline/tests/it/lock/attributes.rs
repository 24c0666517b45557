//! Per-row attributes are published API: the lock records each
//! declaration and each row's values, `gen` demands the bump a removed or
//! retyped getter needs, and `diff` classes every change the same way.

use std::fs;
use std::path::Path;

use errcat_pipeline::Mode;
use errcat_pipeline::compat::diff::{ChangeKind, Decision, diff};

use super::{Project, spec};

/// Two rows with attributes: `sqlstate` every row gives, `retryable` one.
fn shop(version: &str) -> String {
    let rows = "      - {code: 1, name: CART_EMPTY, description: D, http_status: 400, \
                attributes: {sqlstate: '40001', retryable: true}}\n\
                \x20     - {code: 2, name: CART_FULL, description: D, http_status: 409, \
                attributes: {sqlstate: HY000}}\n";
    spec(version, rows, "").replace(
        "tables:\n",
        "attributes:\n  sqlstate: {type: string, description: The state., required: true}\n  \
         retryable: {type: boolean, description: Whether to retry.}\ntables:\n",
    )
}

fn load(yaml: &str) -> errcat_model::Catalogue {
    crate::load_text(Path::new("spec/shop.yaml"), "spec/shop.yaml", yaml).unwrap_or_else(|e| panic!("{e}"))
}

/// The lock's lines of attributes and their values.
fn attribute_lines(project: &Project) -> Vec<String> {
    let lock = fs::read_to_string(project.lock()).unwrap();
    lock.lines()
        .filter(|line| line.starts_with("attribute: ") || line.starts_with("value: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_removed_attribute_needs_the_bump_gen_and_diff_both_ask_for() {
    let before = shop("1.0.0");
    let project = Project::new(&before);
    project.generate(Mode::Write).unwrap();
    assert_eq!(
        attribute_lines(&project),
        [
            "attribute: sqlstate string required",
            "attribute: retryable boolean optional",
            "value: 1 sqlstate \"40001\"",
            "value: 1 retryable true",
            "value: 2 sqlstate \"HY000\"",
        ]
    );
    // Read back as written: a second run changes nothing.
    project.generate(Mode::Check).expect("the lock reads back");

    let after = before
        .replace("  retryable: {type: boolean, description: Whether to retry.}\n", "")
        .replace(", retryable: true", "");
    project.edit(&after);
    let error = project.generate(Mode::Write).unwrap_err();
    let summary = "attribute `retryable` is gone, and the getter `retryable()` of every table enum with it";
    assert!(error.contains("1 breaking change since 1.0.0 needs version 2.0.0"), "{error}");
    assert!(error.contains(summary), "{error}");
    let report = diff(&load(&before), &load(&after));
    let changes: Vec<(ChangeKind, &str, bool)> =
        report.changes.iter().map(|c| (c.kind, c.summary.as_str(), c.is_breaking())).collect();
    assert_eq!(changes, [(ChangeKind::AttributeRemoved, summary, true)]);
    assert_eq!(report.decision, Decision::NeedsVersion);

    project.edit(&after.replace("version: 1.0.0", "version: 2.0.0"));
    project.generate(Mode::Write).expect("the bump makes it acceptable");
    assert_eq!(
        attribute_lines(&project),
        ["attribute: sqlstate string required", "value: 1 sqlstate \"40001\"", "value: 2 sqlstate \"HY000\""]
    );
}

#[test]
fn a_retyped_attribute_is_breaking_and_a_new_one_or_a_changed_value_is_minor() {
    let before = shop("1.0.0");
    let retyped = before.replace("required: true}", "}");
    let report = diff(&load(&before), &load(&retyped));
    assert_eq!(report.changes.len(), 1, "{report}");
    assert_eq!(report.changes[0].kind, ChangeKind::AttributeRetyped);
    assert_eq!(
        report.changes[0].summary,
        "attribute `sqlstate`: the getter `sqlstate()` returns `Option<&'static str>` instead of `&'static str`"
    );
    assert!(report.changes[0].is_breaking());

    let grown = before
        .replace("tables:\n", "  severity: {type: integer, description: How bad.}\ntables:\n")
        .replace("sqlstate: HY000}", "sqlstate: HY001, severity: -1}");
    let report = diff(&load(&before), &load(&grown));
    let changes: Vec<(ChangeKind, &str, bool)> =
        report.changes.iter().map(|c| (c.kind, c.summary.as_str(), c.is_breaking())).collect();
    assert_eq!(
        changes,
        [
            (
                ChangeKind::AttributeDeclared,
                "attribute `severity` is new: a getter `severity()` on every table enum",
                false
            ),
            (
                ChangeKind::AttributeValueChanged,
                "code 2 `CART_FULL`: `sqlstate` is \"HY001\" instead of \"HY000\"",
                false
            ),
        ]
    );
    // The lock requires a bump only for a breaking change; a release needs the minor one.
    assert_eq!((report.decision, report.version_ok), (Decision::Accepted, false));
    assert_eq!(report.needed_version.as_deref(), Some("1.1.0"));
    let project = Project::new(&before);
    project.generate(Mode::Write).unwrap();
    project.edit(&grown.replace("version: 1.0.0", "version: 1.1.0"));
    project.generate(Mode::Write).expect("a minor bump is enough");
}

/// A code line of the string code `value` (or `attribute`) is a code
/// line, not one of the attributes' record: those lines have a `:`. The
/// empty string code's values are locked under `""`.
#[test]
fn string_codes_named_like_the_record_lines_stay_codes() {
    let yaml = shop("0.1.0")
        .replace("version: 0.1.0\n", "version: 0.1.0\ncodes: string\n")
        .replace("code: 1,", "code: value,")
        .replace("code: 2,", "code: attribute,")
        .replace(
            "    errors:\n",
            "    errors:\n      - {code: '', name: Unknown, description: D, http_status: 500, \
             attributes: {sqlstate: HY000, retryable: false}}\n",
        );
    let project = Project::new(&yaml);
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\nvalue cart active 0.1.0 CartError::CartEmpty \"CART_EMPTY\"\n"), "{lock}");
    assert!(lock.contains("\nattribute cart active 0.1.0 CartError::CartFull \"CART_FULL\"\n"), "{lock}");
    assert!(lock.contains("\nvalue: value retryable true\n"), "{lock}");
    assert!(lock.contains("\nvalue: \"\" retryable false\n"), "{lock}");
    project.generate(Mode::Check).expect("the lock reads back");
    // A value changed on the empty code is seen, and named as `""`.
    let changed = yaml.replace("retryable: false}", "retryable: true}");
    let report = diff(&load(&yaml), &load(&changed));
    assert_eq!(report.changes[0].summary, "code \"\" `Unknown`: `retryable` is true instead of false");
}
