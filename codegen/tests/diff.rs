//! `codegen::diff` on pairs of catalogues: each kind of change is found,
//! classed breaking or not, and turned into the version bump it needs.

use std::path::Path;

use codegen::Catalogue;
use codegen::diff::{Bump, CatalogueDiff, ChangeKind, diff};

fn catalogue(yaml: &str) -> Catalogue {
    let path = Path::new("spec/shop.yaml");
    let spec = codegen::parse(path, yaml).unwrap_or_else(|e| panic!("{e}"));
    codegen::model::validate(path, "spec/shop.yaml", &spec).unwrap_or_else(|e| panic!("{e}"))
}

/// The published catalogue every test changes.
const OLD: &str = "\
title: Shop
crate: shop-errors
version: 1.4.2
tables:
  - id: http
    kind: http_status
    title: Statuses
    summary: S
    errors:
      - {code: 404, name: Not Found, description: Nothing here.}
      - {code: 409, name: Conflict, description: Try again.}
  - id: cart
    title: Cart errors
    summary: S
    errors:
      - {code: 1, name: CART_EMPTY, description: The cart is empty., http_status: 409}
      - {code: 2, name: CART_FULL, description: The cart is full., http_status: 409}
      - {code: 3, name: CART_LOCKED, description: The cart is locked., http_status: 409}
    retired:
      - {code: 9, name: CART_GONE, reason: Carts never vanish.}
";

fn changed(new: &str) -> CatalogueDiff {
    diff(&catalogue(OLD), &catalogue(new))
}

fn kinds(diff: &CatalogueDiff) -> Vec<(ChangeKind, Option<u32>, bool)> {
    diff.changes.iter().map(|c| (c.kind, c.code, c.breaking)).collect()
}

#[test]
fn an_unchanged_catalogue_has_no_changes() {
    let diff = changed(OLD);
    assert_eq!(diff.changes, []);
    assert_eq!(diff.bump, None);
    assert!(diff.version_ok && !diff.is_breaking());
    assert!(diff.to_string().ends_with("no changes"), "{diff}");
}

#[test]
fn additions_and_deprecations_are_minor() {
    let new = OLD
        .replace("version: 1.4.2", "version: 1.5.0")
        .replace(
            "http_status: 409}\n    retired:",
            "http_status: 409}\n      - {code: 4, name: COUPON_USED, description: D., http_status: 409}\n    retired:",
        )
        .replace(
            "The cart is locked., http_status: 409}",
            "The cart is locked., http_status: 409, deprecated: Carts no longer lock.}",
        );
    let diff = changed(&new);
    assert_eq!(kinds(&diff), [(ChangeKind::Deprecated, Some(3), false), (ChangeKind::Added, Some(4), false)]);
    assert_eq!(diff.changes[0].summary, "code 3 `CART_LOCKED` is deprecated: Carts no longer lock.");
    assert_eq!(diff.changes[1].summary, "code 4 `COUPON_USED` is new: `CartError::CouponUsed`");
    assert_eq!(diff.bump, Some(Bump::Minor));
    assert_eq!(diff.needed_version.as_deref(), Some("1.5.0"));
    assert!(diff.version_ok);
    assert!(!changed(&new.replace("version: 1.5.0", "version: 1.4.3")).version_ok, "a patch is not enough");
}

#[test]
fn text_changes_are_patches() {
    let new = OLD
        .replace("version: 1.4.2", "version: 1.4.3")
        .replace("The cart is full.", "The cart holds 100 items at most.")
        .replace("title: Cart errors", "title: Errors of the cart")
        .replace("Carts never vanish.", "Carts never vanish; use CART_EMPTY.");
    let diff = changed(&new);
    assert_eq!(
        kinds(&diff),
        [
            (ChangeKind::TextChanged, None, false),
            (ChangeKind::TextChanged, Some(2), false),
            (ChangeKind::TextChanged, Some(9), false),
        ]
    );
    assert_eq!(diff.changes[0].summary, "table `cart`'s title changed");
    assert_eq!((diff.bump, diff.version_ok), (Some(Bump::Patch), true));
}

#[test]
fn a_changed_http_status_is_minor() {
    let diff =
        changed(&OLD.replace("The cart is full., http_status: 409", "The cart is full., http_status: 507"));
    assert_eq!(kinds(&diff), [(ChangeKind::HttpStatusChanged, Some(2), false)]);
    assert_eq!(diff.changes[0].summary, "code 2 `CART_FULL` is answered with HTTP 507 instead of 409");
    assert!(!diff.version_ok, "1.4.2 needs 1.5.0");
}

#[test]
fn retiring_removing_and_renaming_are_breaking() {
    let new = OLD
        .replace("      - {code: 2, name: CART_FULL, description: The cart is full., http_status: 409}\n", "")
        .replace("name: CART_LOCKED,", "name: CART_IS_LOCKED,")
        .replace("      - {code: 409, name: Conflict, description: Try again.}\n", "")
        .replace("    retired:\n", "    retired:\n      - {code: 409, name: Conflict, reason: R}\n")
        .replace("      - {code: 9, name: CART_GONE, reason: Carts never vanish.}\n", "");
    let diff = changed(&new);
    assert_eq!(
        kinds(&diff),
        [
            (ChangeKind::Removed, Some(2), true),
            (ChangeKind::Renamed, Some(3), true),
            (ChangeKind::Unlisted, Some(9), false),
            (ChangeKind::Retired, Some(409), true),
        ]
    );
    assert_eq!(
        diff.changes[0].summary,
        "code 2 `CART_FULL` is gone without being retired: `CartError::CartFull` is removed"
    );
    assert_eq!(diff.changes[3].summary, "code 409 `Conflict` is retired: `HttpError::Conflict` is removed");
    assert!(diff.is_breaking());
    assert_eq!(diff.bump, Some(Bump::Major));
    assert_eq!(diff.needed_version.as_deref(), Some("2.0.0"));
    assert!(!diff.version_ok);
    let text = diff.to_string();
    assert!(text.contains("  breaking major  code 2 `CART_FULL` is gone"), "{text}");
    assert!(
        text.contains("  ok       patch  retired code 9 `CART_GONE` is no longer listed as retired"),
        "{text}"
    );
    assert!(
        text.contains("needs a major bump, to 2.0.0 or later: version 1.4.2 is not: set `version: 2.0.0`"),
        "{text}"
    );
    assert!(changed(&new.replace("version: 1.4.2", "version: 2.0.0")).version_ok);
}

#[test]
fn moved_reused_and_rust_renamed_codes_are_breaking() {
    let new = OLD
        .replace(
            "      - {code: 1, name: CART_EMPTY, description: The cart is empty., http_status: 409}\n",
            "",
        )
        .replace(
            "    summary: S\n    errors:\n      - {code: 404",
            "    summary: S\n    rust_enum: Status\n    errors:\n      - {code: 404",
        )
        .replace(
            "name: CART_FULL, description: The cart is full., http_status: 409",
            "name: CART_FULL, description: The cart is full., http_status: 409, rust_variant: Full",
        )
        .replace(
            "    retired:\n      - {code: 9, name: CART_GONE, reason: Carts never vanish.}\n",
            "      - {code: 9, name: CART_BACK, description: D., http_status: 409}\n",
        )
        + "  - id: order\n    title: Orders\n    summary: S\n    errors:\n      - {code: 1, name: CART_EMPTY, description: The cart is empty., http_status: 409}\n";
    let diff = changed(&new);
    assert_eq!(
        kinds(&diff),
        [
            (ChangeKind::RustRenamed, None, true),
            (ChangeKind::TableAdded, None, false),
            (ChangeKind::Moved, Some(1), true),
            (ChangeKind::RustRenamed, Some(2), true),
            (ChangeKind::Reused, Some(9), true),
        ]
    );
    assert_eq!(diff.changes[0].summary, "table `http`'s enum `HttpError` is now `Status`");
    assert_eq!(diff.changes[2].summary, "code 1 `CART_EMPTY` moved from table `cart` to `order`");
    assert_eq!(
        diff.changes[3].summary,
        "code 2 `CART_FULL`: variant `CartError::CartFull` is now `CartError::Full`"
    );
    assert_eq!(
        diff.changes[4].summary,
        "retired code 9 `CART_GONE` is used again, by `CART_BACK` (`CartError::CartBack`)"
    );
}

#[test]
fn below_one_the_minor_number_is_the_breaking_one() {
    let old = OLD.replace("version: 1.4.2", "version: 0.4.2");
    let retire = |version: &str| {
        old.replace("version: 0.4.2", version)
            .replace(
                "      - {code: 2, name: CART_FULL, description: The cart is full., http_status: 409}\n",
                "",
            )
            .replace("    retired:\n", "    retired:\n      - {code: 2, name: CART_FULL, reason: R}\n")
    };
    let diff = diff(&catalogue(&old), &catalogue(&retire("version: 0.4.3")));
    assert_eq!(kinds(&diff), [(ChangeKind::Retired, Some(2), true)]);
    assert_eq!(diff.needed_version.as_deref(), Some("0.5.0"));
    assert!(!diff.version_ok);
    let bumped = codegen::diff::diff(&catalogue(&old), &catalogue(&retire("version: 0.5.0")));
    assert!(bumped.version_ok && bumped.is_breaking(), "a breaking change stays breaking, bump or not");
}

#[test]
fn json_names_kinds_and_bumps_in_snake_case() {
    let diff = changed(&OLD.replace("name: CART_LOCKED,", "name: CART_IS_LOCKED,"));
    let json = serde_json::to_value(&diff).unwrap();
    assert_eq!(json["crate"], "shop-errors");
    assert_eq!(json["bump"], "major");
    assert_eq!(json["changes"][0]["kind"], "renamed");
    assert_eq!(json["changes"][0]["code"], 3);
    assert_eq!(json["changes"][0]["breaking"], true);
    assert_eq!(json["needed_version"], "2.0.0");
}
