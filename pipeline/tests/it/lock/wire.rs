//! The lock on the error answer on the wire: the body's media type,
//! envelope and members, what its message holds, and the problem `type`
//! base. A body an older client can no longer read is breaking for `gen`
//! and `diff` alike; a member added is a feature (no version needed); and a lock from before
//! the wire was recorded takes the spec's as published.

use errcat_pipeline::compat::diff::{Bump, ChangeKind, diff};

use super::*;

/// `spec` with `body` (a YAML flow mapping) declared.
fn with_body(version: &str, body: &str) -> String {
    spec(version, ROWS, "").replace("tables:\n", &format!("body: {body}\ntables:\n"))
}

const BODY: &str = "{code: code, message: message, envelope: error}";

fn wire_lines(project: &Project) -> Vec<String> {
    let lock = fs::read_to_string(project.lock()).unwrap();
    lock.lines().filter(|l| l.starts_with("wire: ")).map(str::to_owned).collect()
}

fn load(yaml: &str) -> errcat_model::Catalogue {
    crate::load_text(Path::new("spec/shop.yaml"), "spec/shop.yaml", yaml).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_member_renamed_is_breaking_and_one_added_a_feature() {
    let project = Project::new(&with_body("1.0.0", BODY));
    project.generate(Mode::Write).unwrap();
    assert_eq!(
        wire_lines(&project),
        [
            "wire: body application/json",
            "wire: envelope \"error\"",
            "wire: member code \"code\"",
            "wire: member message \"message\"",
            "wire: message-text name",
        ]
    );

    let added = BODY.replace("envelope", "occurrence_id: requestId, envelope");
    // Not breaking: `gen` demands no version (only breaking changes need one).
    project.edit(&with_body("1.1.0", &added));
    project.generate(Mode::Write).expect("a member added is a feature");
    let changes = diff(&load(&with_body("1.0.0", BODY)), &load(&with_body("1.1.0", &added))).changes;
    let kinds: Vec<_> = changes.iter().map(|change| (change.kind, change.bump())).collect();
    assert_eq!(kinds, [(ChangeKind::WireChanged, Some(Bump::Minor))]);

    let renamed = added.replace("code: code", "code: errorCode");
    project.edit(&with_body("1.2.0", &renamed));
    let lock_before = fs::read(project.lock()).unwrap();
    let error = project.generate(Mode::Write).unwrap_err();
    assert!(error.contains("needs version 2.0.0"), "{error}");
    assert!(error.contains("the error body's code member is `errorCode` instead of `code`"), "{error}");
    assert_eq!(fs::read(project.lock()).unwrap(), lock_before, "a refused spec writes nothing");

    // `diff` between the two specs says the same.
    let changes = diff(&load(&with_body("1.1.0", &added)), &load(&with_body("1.2.0", &renamed))).changes;
    let kinds: Vec<_> = changes.iter().map(|change| (change.kind, change.bump())).collect();
    assert_eq!(kinds, [(ChangeKind::WireChanged, Some(Bump::Major))]);

    project.edit(&with_body("2.0.0", &renamed));
    project.generate(Mode::Write).expect("a major release allows it");
    assert!(wire_lines(&project).contains(&"wire: member code \"errorCode\"".to_owned()));
}

#[test]
fn a_body_added_is_a_feature_and_taken_away_is_breaking() {
    let project = Project::new(&spec("1.0.0", ROWS, ""));
    project.generate(Mode::Write).unwrap();
    assert_eq!(wire_lines(&project), ["wire: body none"]);
    project.edit(&with_body("1.1.0", BODY));
    project.generate(Mode::Write).expect("a body added is a feature");
    project.edit(&spec("1.2.0", ROWS, ""));
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(error.contains("needs version 2.0.0"), "{error}");
    assert!(error.contains("errors no longer have a body (`application/json`)"), "{error}");
}

#[test]
fn a_lock_from_before_the_wire_was_recorded_takes_the_spec_as_published() {
    let project = Project::new(&with_body("1.0.0", BODY));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    let old: String = lock.lines().filter(|l| !l.starts_with("wire: ")).map(|l| format!("{l}\n")).collect();
    fs::write(project.lock(), old).unwrap();
    assert!(matches!(
        outcome(&project.generate(Mode::Check).unwrap(), &project.lock()),
        Outcome::Stale { .. }
    ));
    assert_eq!(outcome(&project.generate(Mode::Write).unwrap(), &project.lock()), Outcome::Written);
    assert_eq!(fs::read_to_string(project.lock()).unwrap(), lock, "the record is written back as it was");
}
