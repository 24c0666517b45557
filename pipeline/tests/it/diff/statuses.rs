//! `diff` on a row's several statuses (`http_status: [409, 423]`): one
//! added or removed is a minor change, and a response no status uses any
//! more is kept.

use super::*;

#[test]
fn a_status_added_to_a_row_is_minor() {
    let new =
        OLD.replace("The cart is full., http_status: 409}", "The cart is full., http_status: [409, 423]}");
    let diff = changed(&new);
    let found = kinds(&diff);
    assert!(found.contains(&(ChangeKind::HttpStatusChanged, Some(2), "minor")), "{found:?}");
    assert!(
        found.iter().any(|(kind, ..)| *kind == ChangeKind::ResponseAdded),
        "423 gets a response: {found:?}"
    );
    let change = diff.changes.iter().find(|c| c.kind == ChangeKind::HttpStatusChanged).unwrap();
    assert_eq!(change.summary, "code 2 `CART_FULL` may be answered with HTTP 409, 423 instead of 409");

    let back = super::diff(&catalogue(&new), &catalogue(OLD));
    let found = kinds(&back);
    assert!(found.contains(&(ChangeKind::HttpStatusChanged, Some(2), "minor")), "{found:?}");
    assert!(!found.iter().any(|(kind, ..)| *kind == ChangeKind::ResponseRemoved), "kept: {found:?}");
}
