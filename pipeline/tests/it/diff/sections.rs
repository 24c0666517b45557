//! `diff` on sections: a code in one more section is a minor change, one
//! gone a major one, its text there reworded a patch and its statuses
//! there changed a minor one.

use super::*;

/// `OLD` with a section `checkout` that lists CART_EMPTY.
fn with_sections() -> String {
    OLD.replace("tables:\n", "sections:\n  - {id: checkout, title: Checkout, summary: S}\n  - {id: cart, title: Cart, summary: S}\ntables:\n")
        .replace(
            "The cart is empty., http_status: 409}",
            "The cart is empty., http_status: 409, sections: {checkout: {description: Nothing to buy.}}}",
        )
        .replace(
            "The cart is full., http_status: 409}",
            "The cart is full., http_status: 409, sections: {cart: {description: Full.}}}",
        )
}

#[test]
fn a_section_added_is_minor_one_removed_major_and_its_text_a_patch() {
    let old = with_sections();
    let added = old.replace(
        "{checkout: {description: Nothing to buy.}}",
        "{checkout: {description: Nothing to buy.}, cart: {description: Empty.}}",
    );
    let diff = diff(&catalogue(&old), &catalogue(&added));
    assert_eq!(kinds(&diff), [(ChangeKind::SectionAdded, Some(1), "minor")]);
    assert_eq!(diff.changes[0].summary, "code 1 appears in section `cart`, with its meaning there");

    let removed = added.replace(", cart: {description: Empty.}", "");
    let diff = super::diff(&catalogue(&added), &catalogue(&removed));
    assert_eq!(kinds(&diff), [(ChangeKind::SectionRemoved, Some(1), "major")]);

    let reworded = old.replace("Nothing to buy.", "Nothing in the cart to buy.");
    let diff = super::diff(&catalogue(&old), &catalogue(&reworded));
    assert_eq!(kinds(&diff), [(ChangeKind::SectionChanged, Some(1), "patch")]);

    let restatused =
        old.replace("{description: Nothing to buy.}", "{description: Nothing to buy., http_status: 422}");
    let diff = super::diff(&catalogue(&old), &catalogue(&restatused));
    assert_eq!(kinds(&diff), [(ChangeKind::SectionChanged, Some(1), "minor")]);
    assert_eq!(
        diff.changes[0].summary,
        "code 1 `CART_EMPTY` is answered in section `checkout` with HTTP 422 instead of 409"
    );
}
