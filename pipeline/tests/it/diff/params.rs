//! `diff` on params and message templates: each param added, removed,
//! retyped or made required or optional, and each template change, classed
//! by what it breaks.

use super::*;

/// `OLD` with a param every error carries, and params and a message on CART_EMPTY.
fn with_params() -> String {
    OLD.replace(
        "tables:\n",
        "params:\n  request_id: {type: string, description: The call., required: false}\ntables:\n",
    )
    .replace(
        "The cart is empty., http_status: 409}",
        "The cart is empty., http_status: 409, \
         params: {cart: {type: string, description: The cart.}, items: {type: integer, description: Items., required: false}}, \
         message: \"Cart {$cart} is empty\"}",
    )
}

fn changed_from(old: &str, new: &str) -> CatalogueDiff {
    diff(&catalogue(old), &catalogue(new))
}

#[test]
fn params_gone_retyped_or_flipped_and_required_ones_added_are_breaking() {
    let old = with_params();
    let new = old
        .replace("version: 1.4.2", "version: 2.0.0")
        // `cart` becomes an integer, `items` required (data only), a required `owner` is new.
        .replace(
            "cart: {type: string, description: The cart.}",
            "cart: {type: integer, description: The cart.}",
        )
        .replace(
            "items: {type: integer, description: Items., required: false}",
            "items: {type: integer, description: Items., data_only: true}, \
             owner: {type: string, description: Who., data_only: true}",
        )
        // The shared param is gone.
        .replace("params:\n  request_id: {type: string, description: The call., required: false}\n", "");
    let diff = changed_from(&old, &new);
    assert_eq!(
        kinds(&diff),
        [
            (ChangeKind::ParamRemoved, None, "major"),
            (ChangeKind::ParamChanged, Some(1), "major"),
            (ChangeKind::ParamChanged, Some(1), "major"),
            (ChangeKind::ParamAdded, Some(1), "major"),
        ],
        "{diff}"
    );
    let summaries: Vec<&str> = diff.changes.iter().map(|change| change.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "param `request_id` of every error is gone: code that reads or sets it stops compiling",
            "param `cart` of code 1 `CART_EMPTY` is of type integer instead of string: its field changes type",
            "param `items` of code 1 `CART_EMPTY` is required now: every error must carry it, and errors sent without it no longer read",
            "required param `owner` (string) of code 1 `CART_EMPTY` is new: every error must carry it, and errors sent without it no longer read",
        ]
    );
    assert_eq!((diff.bump, diff.version_ok, diff.decision), (Some(Bump::Major), true, Decision::Accepted));
    let same = changed_from(&old, &new.replace("version: 2.0.0", "version: 1.5.0"));
    assert_eq!(same.decision, Decision::NeedsVersion, "{same}");
}

#[test]
fn a_required_param_made_optional_is_breaking_too() {
    let old = with_params();
    let new = old
        .replace("description: The cart.}", "description: The cart., required: false}")
        .replace("message: \"Cart {$cart} is empty\"", "message: \"The cart is empty\"");
    let diff = changed_from(&old, &new);
    assert_eq!(
        kinds(&diff),
        [(ChangeKind::ParamChanged, Some(1), "major"), (ChangeKind::MessageChanged, Some(1), "patch")]
    );
    assert!(diff.changes[0].summary.contains("is optional now: its field is an `Option`"), "{diff}");
    assert_eq!(diff.decision, Decision::NeedsVersion);
}

#[test]
fn optional_params_are_minor_and_templates_and_descriptions_patches() {
    let old = with_params();
    let new = old
        .replace("version: 1.4.2", "version: 1.5.0")
        .replace("description: The call., required: false}", "description: The call; for support., required: false}")
        .replace(
            "The cart is full., http_status: 409}",
            "The cart is full., http_status: 409, params: {limit: {type: number, description: L., required: false}}}",
        )
        .replace("message: \"Cart {$cart} is empty\"", "message: \"Cart '{$cart}' is empty\"")
        .replace(
            "The cart is locked., http_status: 409}",
            "The cart is locked., http_status: 409, message: \"Locked\"}",
        );
    let diff = changed_from(&old, &new);
    assert_eq!(
        kinds(&diff),
        [
            (ChangeKind::TextChanged, None, "patch"),
            (ChangeKind::MessageChanged, Some(1), "patch"),
            (ChangeKind::ParamAdded, Some(2), "minor"),
            (ChangeKind::MessageChanged, Some(3), "patch"),
        ],
        "{diff}"
    );
    assert_eq!(diff.changes[0].summary, "param `request_id` of every error: the description changed");
    assert_eq!(diff.changes[1].summary, "code 1 `CART_EMPTY`: the message template changed");
    assert_eq!(
        diff.changes[2].summary,
        "optional param `limit` (number) of code 2 `CART_FULL` is new: one more value clients may read"
    );
    assert_eq!(diff.changes[3].summary, "code 3 `CART_LOCKED` has a message template now");
    assert_eq!((diff.bump, diff.version_ok, diff.decision), (Some(Bump::Minor), true, Decision::Accepted));
}

#[test]
fn a_new_or_retired_code_brings_or_takes_its_params_alone() {
    let old = with_params();
    let new = old
        .replace("version: 1.4.2", "version: 2.0.0")
        .replace("      - {code: 1, name: CART_EMPTY", "      - {code: 4, name: CART_EMPTY");
    let diff = changed_from(
        &old,
        &new.replace("    retired:\n", "    retired:\n      - {code: 1, name: CART_EMPTY, reason: R.}\n"),
    );
    assert_eq!(
        kinds(&diff),
        [(ChangeKind::Retired, Some(1), "major"), (ChangeKind::Added, Some(4), "minor")],
        "{diff}"
    );
}
