//! The lock on sections: each code's sections are locked a line each; a
//! code in one more section is a feature, one gone is breaking, and its
//! text there reworded needs no new version at all (no lock records it).

use super::*;

/// A catalogue of two sections: CART_EMPTY in both, CART_FULL in `checkout`.
fn sectioned(version: &str, rows: &str) -> String {
    format!(
        "title: Shop\ncrate: shop-errors\nversion: {version}\n\
         sections:\n  - {{id: checkout, title: Checkout, summary: S}}\n  - {{id: cart, title: Cart, summary: S}}\n\
         tables:\n  - id: cart\n    title: Cart errors\n    summary: S\n    errors:\n{rows}"
    )
}

const ROWS: &str = "      - {code: 1, name: CART_EMPTY, description: D, http_status: 400, sections: {checkout: {description: Nothing to buy.}, cart: {description: Empty.}}}\n\
                    \x20     - {code: 2, name: CART_FULL, description: D, http_status: 409, sections: {checkout: {description: Too much.}}}\n";

#[test]
fn each_section_of_a_code_is_locked_and_leaving_one_is_breaking() {
    let project = Project::new(&sectioned("1.0.0", ROWS));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    let lines: Vec<&str> = lock.lines().filter(|l| l.starts_with("section: ")).collect();
    assert_eq!(
        lines,
        ["section: 1 \"cart\"", "section: 1 \"checkout\"", "section: 2 \"checkout\""],
        "{lock}"
    );
    assert_eq!(outcome(&project.generate(Mode::Check).unwrap(), &project.lock()), Outcome::Unchanged);

    // A text reworded in a section: no lock line changes, no version needed.
    let reworded = ROWS.replace("Too much.", "The cart is too full.");
    project.edit(&sectioned("1.0.0", &reworded));
    project.generate(Mode::Write).expect("a text in a section is no API");

    // One more section is not breaking.
    let added = reworded.replace(
        "{checkout: {description: The cart is too full.}}",
        "{checkout: {description: The cart is too full.}, cart: {description: Full.}}",
    );
    project.edit(&sectioned("1.1.0", &added));
    project.generate(Mode::Write).expect("a new section of a code is not breaking");
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\nsection: 2 \"cart\"\n"), "{lock}");

    // A section gone is breaking: `section_description` gives `None` there.
    let dropped = added.replace(", cart: {description: Empty.}", "");
    project.edit(&sectioned("1.2.0", &dropped));
    let lock_before = fs::read(project.lock()).unwrap();
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(error.contains("needs version 2.0.0"), "{error}");
    assert!(error.contains("code 1 no longer appears in section `cart`"), "{error}");
    assert_eq!(fs::read(project.lock()).unwrap(), lock_before, "a refused spec writes nothing");
    project.edit(&sectioned("2.0.0", &dropped));
    project.generate(Mode::Write).expect("a major bump allows it");
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(!lock.contains("section: 1 \"cart\""), "{lock}");
}

#[test]
fn a_broken_section_line_is_named_with_its_line() {
    let project = Project::new(&sectioned("1.0.0", ROWS));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    fs::write(project.lock(), lock.replace("section: 2 \"checkout\"", "section: 2 checkout")).unwrap();
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains("is not a locked section: the id checkout is not a double-quoted string"),
        "{error}"
    );
}
