//! The lock on other names (`also_named`): each is locked on a line of its
//! own; one added is a feature, one removed breaks `from_name` and the
//! constant, and a lock without any is written as before.

use super::*;

/// `ROWS` with CART_EMPTY also named EMPTY_CART and Cart Empty.
const NAMED: &str = "      - {code: 1, name: CART_EMPTY, description: D, http_status: 400, also_named: [EMPTY_CART, Cart \"Empty\"]}\n\
                     \x20     - {code: 2, name: CART_FULL, description: D, http_status: 409}\n";

#[test]
fn each_other_name_is_locked_and_removing_one_is_breaking() {
    let project = Project::new(&spec("1.0.0", NAMED, ""));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    let lines: Vec<&str> = lock.lines().filter(|l| l.starts_with("also_named: ")).collect();
    assert_eq!(lines, ["also_named: 1 \"Cart \\\"Empty\\\"\"", "also_named: 1 \"EMPTY_CART\""], "{lock}");
    assert_eq!(outcome(&project.generate(Mode::Check).unwrap(), &project.lock()), Outcome::Unchanged);

    // One more name is not breaking (`diff` calls it a minor change).
    let added = NAMED.replace("http_status: 409}", "http_status: 409, also_named: [FULL_CART]}");
    project.edit(&spec("1.1.0", &added, ""));
    project.generate(Mode::Write).expect("a new name is not breaking");
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\nalso_named: 2 \"FULL_CART\"\n"), "{lock}");

    // A name gone is breaking: `from_name` and the constant lose it.
    let dropped = added.replace("also_named: [EMPTY_CART, Cart \"Empty\"]", "also_named: [EMPTY_CART]");
    project.edit(&spec("1.2.0", &dropped, ""));
    let lock_before = fs::read(project.lock()).unwrap();
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(error.contains("needs version 2.0.0"), "{error}");
    assert!(error.contains("code 1 is no longer also named `Cart \"Empty\"`"), "{error}");
    assert_eq!(fs::read(project.lock()).unwrap(), lock_before, "a refused spec writes nothing");
    project.edit(&spec("2.0.0", &dropped, ""));
    project.generate(Mode::Write).expect("a major bump allows it");
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(!lock.contains("Empty\\\""), "{lock}");
}

#[test]
fn a_catalogue_without_other_names_has_no_line_of_them() {
    let project = Project::new(&spec("1.0.0", ROWS, ""));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(!lock.contains("also_named"), "{lock}");
}

#[test]
fn a_broken_other_name_line_is_named_with_its_line() {
    let project = Project::new(&spec("1.0.0", NAMED, ""));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    fs::write(project.lock(), lock.replace("also_named: 1 \"EMPTY_CART\"", "also_named: 1 EMPTY_CART"))
        .unwrap();
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains("is not a locked other name: the name EMPTY_CART is not a double-quoted string"),
        "{error}"
    );
}
