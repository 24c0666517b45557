//! `diff` on other names (`also_named`): one added is a minor change, one
//! removed a major one, and a row gone takes its names with it unremarked.

use super::*;

/// `OLD` with CART_EMPTY also named EMPTY_CART.
fn with_names() -> String {
    OLD.replace(
        "The cart is empty., http_status: 409}",
        "The cart is empty., http_status: 409, also_named: [EMPTY_CART]}",
    )
}

#[test]
fn a_name_added_is_minor_and_one_removed_is_major() {
    let old = with_names();
    let added = old.replace(
        "The cart is full., http_status: 409}",
        "The cart is full., http_status: 409, also_named: [FULL_CART]}",
    );
    let diff = diff(&catalogue(&old), &catalogue(&added));
    assert_eq!(kinds(&diff), [(ChangeKind::OtherNameAdded, Some(2), "minor")]);
    assert_eq!(
        diff.changes[0].summary,
        "code 2 is also named `FULL_CART`: `from_name` finds it by one more name"
    );

    let removed = old.replace(", also_named: [EMPTY_CART]", "");
    let diff = super::diff(&catalogue(&old), &catalogue(&removed));
    assert_eq!(kinds(&diff), [(ChangeKind::OtherNameRemoved, Some(1), "major")]);
}

#[test]
fn a_row_retired_takes_its_names_with_it() {
    let old = with_names();
    let retired = old
        .replace("      - {code: 1, name: CART_EMPTY, description: The cart is empty., http_status: 409, also_named: [EMPTY_CART]}\n", "")
        .replace("    retired:\n", "    retired:\n      - {code: 1, name: CART_EMPTY, reason: Carts are never empty.}\n");
    let diff = diff(&catalogue(&old), &catalogue(&retired));
    assert!(
        kinds(&diff).iter().all(|(kind, ..)| *kind != ChangeKind::OtherNameRemoved),
        "{:?}",
        kinds(&diff)
    );
    assert!(kinds(&diff).contains(&(ChangeKind::Retired, Some(1), "major")), "{:?}", kinds(&diff));
}
