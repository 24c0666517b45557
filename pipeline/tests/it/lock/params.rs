//! The data errors carry is published API: the lock records each param
//! (of every error, and of each row) and each message template, `gen`
//! demands the bump a breaking change to them needs, `diff` says the same,
//! and a lock from before they were recorded takes the spec as published.

use std::fs;
use std::path::Path;

use errcat_pipeline::Mode;
use errcat_pipeline::compat::diff::{ChangeKind, Decision, diff};

use super::{Project, spec};

/// One row with params and a message, and a param every error carries.
fn shop(version: &str, table: &str) -> String {
    let rows = format!(
        "      - {{code: 1, name: CART_EMPTY, description: D, http_status: 400, \
         params: {{cart: {{type: string, description: The cart.{table}}}}}, message: \"Cart '{{$cart}}' is empty\"}}\n"
    );
    spec(version, &rows, "").replace(
        "tables:\n",
        "params:\n  request_id: {type: string, description: The call., required: false}\ntables:\n",
    )
}

fn load(yaml: &str) -> errcat_model::Catalogue {
    crate::load_text(Path::new("spec/shop.yaml"), "spec/shop.yaml", yaml).unwrap_or_else(|e| panic!("{e}"))
}

/// The lock's lines of params and messages.
fn param_lines(project: &Project) -> Vec<String> {
    let lock = fs::read_to_string(project.lock()).unwrap();
    let record = ["shared-param: ", "param: ", "message: ", "params none"];
    lock.lines()
        .filter(|line| record.iter().any(|start| line.starts_with(start)))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_param_made_optional_needs_the_bump_gen_and_diff_both_ask_for() {
    let before = shop("0.1.0", "");
    let project = Project::new(&before);
    project.generate(Mode::Write).unwrap();
    assert_eq!(
        param_lines(&project),
        [
            "shared-param: request_id string optional",
            "param: 1 cart string required",
            "message: 1 \"Cart '{$cart}' is empty\"",
        ]
    );
    // Optional, so no longer in the message.
    let after = shop("0.1.0", ", required: false").replace("Cart '{$cart}' is empty", "The cart is empty");
    project.edit(&after);
    let error = project.generate(Mode::Write).unwrap_err();
    let summary = "param `cart` of code 1 `CART_EMPTY` is optional now: its field is an `Option`, \
                   and clients that rely on it may find it absent";
    assert!(error.contains("1 breaking change since 0.1.0 needs version 0.2.0"), "{error}");
    assert!(error.contains(summary), "{error}");

    let report = diff(&load(&before), &load(&after));
    let changes: Vec<(ChangeKind, &str, bool)> =
        report.changes.iter().map(|c| (c.kind, c.summary.as_str(), c.is_breaking())).collect();
    assert_eq!(
        changes,
        [
            (ChangeKind::ParamChanged, summary, true),
            (ChangeKind::MessageChanged, "code 1 `CART_EMPTY`: the message template changed", false),
        ]
    );
    assert_eq!(report.decision, Decision::NeedsVersion);

    project.edit(&after.replace("version: 0.1.0", "version: 0.2.0"));
    project.generate(Mode::Write).expect("the bump makes it acceptable");
    assert_eq!(
        param_lines(&project),
        [
            "shared-param: request_id string optional",
            "param: 1 cart string optional",
            "message: 1 \"The cart is empty\"",
        ]
    );
}

#[test]
fn a_param_gone_from_every_error_is_breaking_and_an_optional_one_new_is_not() {
    let before = shop("1.0.0", "");
    let project = Project::new(&before);
    project.generate(Mode::Write).unwrap();
    let added = before.replace(
        "required: false}\n",
        "required: false}\n  region: {type: string, description: Where., required: false}\n",
    );
    project.edit(&added);
    project.generate(Mode::Write).expect("an optional param needs no breaking bump");
    assert_eq!(diff(&load(&before), &load(&added)).changes[0].kind, ChangeKind::ParamAdded);

    let gone = added.replace("  request_id: {type: string, description: The call., required: false}\n", "");
    project.edit(&gone);
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(error.contains("needs version 2.0.0"), "{error}");
    assert!(error.contains("param `request_id` of every error is gone"), "{error}");
    assert_eq!(diff(&load(&added), &load(&gone)).decision, Decision::NeedsVersion);
}

#[test]
fn a_lock_from_before_params_were_recorded_takes_the_spec_as_published() {
    let yaml = shop("0.1.0", "");
    let project = Project::new(&yaml);
    project.generate(Mode::Write).unwrap();
    let recorded = fs::read_to_string(project.lock()).unwrap();
    // The lock as an earlier version wrote it: no record of params at all.
    let earlier: String = recorded
        .lines()
        .filter(|line| !param_lines(&project).iter().any(|record| record == line))
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(!earlier.contains("\nparam: ") && !earlier.contains("\nshared-param: "), "{earlier}");
    fs::write(project.lock(), &earlier).unwrap();
    project.generate(Mode::Write).expect("the spec is taken as published");
    assert_eq!(fs::read_to_string(project.lock()).unwrap(), recorded);

    // Once recorded, `params none` tells a catalogue without params from an old lock.
    let plain = spec("0.1.0", "      - {code: 1, name: CART_EMPTY, description: D, http_status: 400}\n", "");
    let project = Project::new(&plain);
    project.generate(Mode::Write).unwrap();
    assert_eq!(param_lines(&project), ["params none"]);
    project.edit(&yaml);
    let error = project.generate(Mode::Write).unwrap_err();
    assert!(error.contains("required param `cart` (string) of code 1 `CART_EMPTY` is new"), "{error}");
}

#[test]
fn a_broken_param_line_is_named_at_its_line() {
    let project = Project::new(&shop("0.1.0", ""));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    let broken = lock.replace("param: 1 cart string required", "param: 1 cart text required");
    let line = 1 + broken.lines().position(|line| line.starts_with("param: 1 cart")).unwrap();
    fs::write(project.lock(), broken).unwrap();
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains(&format!(
            "line {line} of the lock is not a locked param or message: `text` is not a param type"
        )),
        "{error}"
    );
    assert!(error.contains(&format!("shop.lock:{line}:1")), "{error}");
}
