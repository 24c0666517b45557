//! `errcat_pipeline::compat::diff` on pairs of catalogues: each kind of change is found,
//! refused or allowed with the version bump it needs, and the whole diff
//! says what `cargo xtask gen` will do.

use std::path::Path;

use errcat_model::Catalogue;
use errcat_model::Code;
use errcat_pipeline::compat::diff::{Bump, CatalogueDiff, ChangeKind, Decision, diff};

mod aliases;
mod names;
mod params;
mod sections;
mod statuses;

fn catalogue(yaml: &str) -> Catalogue {
    crate::load_text(Path::new("spec/shop.yaml"), "spec/shop.yaml", yaml).unwrap_or_else(|e| panic!("{e}"))
}

/// The published catalogue every test changes.
const OLD: &str = "\
title: Shop
crate: shop-errors
version: 1.4.2
recoveries:
  - {id: retry_later, description: Try again later., retry: true}
  - {id: fix_request, description: Change the request.}
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

/// Each change's kind, code and verdict: `refused`, or the bump it needs.
fn kinds(diff: &CatalogueDiff) -> Vec<(ChangeKind, Option<u32>, &'static str)> {
    let verdict = |c: &errcat_pipeline::compat::diff::Change| match c.bump() {
        None => "refused",
        Some(Bump::Major) => "major",
        Some(Bump::Minor) => "minor",
        Some(Bump::Patch) => "patch",
        Some(other) => panic!("a bump this test does not know: {other}"),
    };
    diff.changes.iter().map(|c| (c.kind, c.code.as_ref().and_then(Code::integer), verdict(c))).collect()
}

#[test]
fn an_unchanged_catalogue_has_no_changes() {
    let diff = changed(OLD);
    assert_eq!(diff.changes, []);
    assert_eq!(diff.bump, None);
    assert!(diff.version_ok && !diff.is_breaking());
    assert_eq!(diff.decision, Decision::Accepted);
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
    assert_eq!(
        kinds(&diff),
        [(ChangeKind::Deprecated, Some(3), "minor"), (ChangeKind::Added, Some(4), "minor")]
    );
    assert_eq!(diff.changes[0].summary, "code 3 `CART_LOCKED` is deprecated: Carts no longer lock.");
    assert_eq!(diff.changes[1].summary, "code 4 `COUPON_USED` is new: `CartError::CouponUsed`");
    assert_eq!(diff.bump, Some(Bump::Minor));
    assert_eq!(diff.needed_version.as_deref(), Some("1.5.0"));
    assert!(diff.version_ok);
    let patch = changed(&new.replace("version: 1.5.0", "version: 1.4.3"));
    assert!(!patch.version_ok, "a patch is not enough for a release");
    assert_eq!(patch.decision, Decision::Accepted, "the lock requires a bump only for a breaking change");
    assert!(
        patch.to_string().contains(
            "a minor change: needs version 1.5.0 or later: version 1.4.3 is not: set `version: 1.5.0` before publishing \
             (`gen` requires a bump only for a breaking change)"
        ),
        "{patch}"
    );
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
            (ChangeKind::TextChanged, None, "patch"),
            (ChangeKind::TextChanged, Some(2), "patch"),
            (ChangeKind::TextChanged, Some(9), "patch"),
        ]
    );
    assert_eq!(diff.changes[0].summary, "table `cart`'s title changed");
    assert_eq!((diff.bump, diff.version_ok), (Some(Bump::Patch), true));
}

#[test]
fn a_changed_http_status_is_minor() {
    let diff =
        changed(&OLD.replace("The cart is full., http_status: 409", "The cart is full., http_status: 507"));
    // 507 is new to the documents: a response of its own.
    assert_eq!(
        kinds(&diff),
        [(ChangeKind::ResponseAdded, None, "minor"), (ChangeKind::HttpStatusChanged, Some(2), "minor")]
    );
    assert_eq!(
        diff.changes[0].summary,
        "response `InsufficientStorage` (HTTP 507) is new in the OpenAPI documents"
    );
    assert_eq!(diff.changes[1].summary, "code 2 `CART_FULL` is answered with HTTP 507 instead of 409");
    assert!(!diff.version_ok, "1.4.2 needs 1.5.0");
}

#[test]
fn a_changed_recovery_is_minor() {
    let diff = changed(&OLD.replace(
        "The cart is full., http_status: 409}",
        "The cart is full., http_status: 409, recovery: retry_later}",
    ));
    assert_eq!(kinds(&diff), [(ChangeKind::RecoveryChanged, Some(2), "minor")]);
    assert_eq!(diff.changes[0].summary, "code 2 `CART_FULL`: recovery is `retry_later` instead of `none`");
    assert!(!diff.version_ok, "1.4.2 needs 1.5.0");
}

#[test]
fn the_recovery_vocabulary_changes_the_recovery_enum() {
    // A new value is a new variant of a `#[non_exhaustive]` enum.
    let diff = changed(&OLD.replace(
        "  - {id: fix_request, description: Change the request.}\n",
        "  - {id: fix_request, description: Change the request.}\n  - {id: call_us, description: Call us.}\n",
    ));
    assert_eq!(kinds(&diff), [(ChangeKind::RecoveryAdded, None, "minor")]);
    assert_eq!(diff.changes[0].summary, "recovery `call_us` is new: variant `Recovery::CallUs`");

    // A value no row names is gone: its variant with it. (One a row names
    // cannot go: the row's `recovery` is then an unknown name.)
    let diff = changed(&OLD.replace("  - {id: fix_request, description: Change the request.}\n", ""));
    assert_eq!(kinds(&diff), [(ChangeKind::RecoveryRemoved, None, "major")]);

    // Renamed: one value gone, one new.
    let diff = changed(&OLD.replace("{id: fix_request,", "{id: amend_request,"));
    assert_eq!(
        kinds(&diff),
        [(ChangeKind::RecoveryRemoved, None, "major"), (ChangeKind::RecoveryAdded, None, "minor")]
    );

    let diff =
        changed(&OLD.replace("description: Change the request.}", "description: Change it., retry: true}"));
    assert_eq!(
        kinds(&diff),
        [(ChangeKind::RecoveryChanged, None, "minor"), (ChangeKind::TextChanged, None, "patch")]
    );
    assert_eq!(diff.changes[0].summary, "recovery `fix_request`: `is_retry()` is true instead of false");
}

#[test]
fn retiring_is_breaking_and_removing_or_renaming_is_refused() {
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
            (ChangeKind::Removed, Some(2), "refused"),
            (ChangeKind::Renamed, Some(3), "refused"),
            (ChangeKind::Unlisted, Some(9), "refused"),
            // Listed under table `cart`'s `retired:`, though it was `http`'s.
            (ChangeKind::Moved, Some(409), "refused"),
            (ChangeKind::Retired, Some(409), "major"),
        ]
    );
    assert_eq!(
        diff.changes[0].summary,
        "code 2 `CART_FULL` (table `cart`) is locked but gone from spec/shop.yaml"
    );
    assert_eq!(
        diff.changes[3].summary,
        "retired code 409 `Conflict` was published in table `http`, not `cart`"
    );
    assert_eq!(
        diff.changes[0].fix(),
        Some(
            "codes are API: restore the row, deprecate it (`deprecated: \"why\"`), or retire it by adding \
             `- {code: 2, name: CART_FULL, reason: \"why\"}` to table `cart`'s `retired:` list"
        )
    );
    assert_eq!(
        diff.changes[1].summary,
        "code 3 `CART_IS_LOCKED` was published as `CART_LOCKED`; renaming a code breaks every client that matches its name"
    );
    assert_eq!(diff.changes[4].summary, "code 409 `Conflict` is retired: `HttpError::Conflict` is removed");
    let breaking: Vec<bool> = diff.changes.iter().map(|c| c.is_breaking()).collect();
    assert_eq!(breaking, [true, true, false, true, true], "dropping a retired entry breaks no program");
    assert!(diff.is_breaking() && diff.is_refused());
    assert_eq!(diff.decision, Decision::Refused);
    assert_eq!(diff.bump, Some(Bump::Major));
    assert_eq!(diff.needed_version.as_deref(), Some("2.0.0"));
    assert!(!diff.version_ok);
    let text = diff.to_string();
    assert!(
        text.contains(
            "  refused  -      code 2 `CART_FULL` (table `cart`) is locked but gone from spec/shop.yaml\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n                  fix: codes are API: restore the row"), "{text}");
    assert!(text.contains("  breaking major  code 409 `Conflict` is retired"), "{text}");
    assert!(
        text.contains(
            "a major change: needs version 2.0.0 or later: version 1.4.2 is not: set `version: 2.0.0`"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("`gen` refuses 4 changes whatever the version: undo them as each fix says"),
        "{text}"
    );
    let bumped = changed(&new.replace("version: 1.4.2", "version: 2.0.0"));
    assert!(bumped.version_ok);
    assert_eq!(bumped.decision, Decision::Refused, "no version makes a refused change acceptable");
}

#[test]
fn dropping_a_retired_entry_is_refused() {
    let new = OLD
        .replace("version: 1.4.2", "version: 1.4.3")
        .replace("    retired:\n      - {code: 9, name: CART_GONE, reason: Carts never vanish.}\n", "");
    let diff = changed(&new);
    assert_eq!(kinds(&diff), [(ChangeKind::Unlisted, Some(9), "refused")]);
    assert_eq!(
        diff.changes[0].summary,
        "retired code 9 `CART_GONE` (table `cart`) is locked but gone from spec/shop.yaml"
    );
    assert_eq!(
        diff.changes[0].fix(),
        Some(
            "a retired code stays listed so it is never reused: \
             add `- {code: 9, name: CART_GONE, reason: \"why\"}` to table `cart`'s `retired:` list back"
        )
    );
    assert_eq!((diff.bump, diff.decision), (None, Decision::Refused));
    assert!(diff.is_refused() && !diff.is_breaking());
    let text = diff.to_string();
    assert!(text.contains("  refused  -      retired code 9 `CART_GONE`"), "{text}");
}

#[test]
fn renaming_or_moving_a_retired_entry_is_refused() {
    let renamed = changed(&OLD.replace("name: CART_GONE,", "name: CART_VANISHED,"));
    assert_eq!(kinds(&renamed), [(ChangeKind::Renamed, Some(9), "refused")]);
    assert_eq!(renamed.changes[0].summary, "retired code 9 `CART_VANISHED` was published as `CART_GONE`");
    assert_eq!(
        renamed.changes[0].fix(),
        Some("a retired code keeps the name it had: write `name: CART_GONE`")
    );
    assert_eq!(renamed.decision, Decision::Refused);

    let moved = changed(
        &(OLD.replace("    retired:\n      - {code: 9, name: CART_GONE, reason: Carts never vanish.}\n", "")
            + "retired:\n  - {code: 9, name: CART_GONE, table: http, reason: Carts never vanish.}\n"),
    );
    assert_eq!(kinds(&moved), [(ChangeKind::Moved, Some(9), "refused")]);
    assert_eq!(
        moved.changes[0].summary,
        "retired code 9 `CART_GONE` was published in table `cart`, not `http`"
    );
}

#[test]
fn swapping_rows_is_a_patch_for_the_docs_and_all() {
    let swapped = OLD.replace("version: 1.4.2", "version: 1.4.3").replace(
        "      - {code: 1, name: CART_EMPTY, description: The cart is empty., http_status: 409}\n      - {code: 2, name: CART_FULL, description: The cart is full., http_status: 409}\n",
        "      - {code: 2, name: CART_FULL, description: The cart is full., http_status: 409}\n      - {code: 1, name: CART_EMPTY, description: The cart is empty., http_status: 409}\n",
    );
    let diff = changed(&swapped);
    assert_eq!(kinds(&diff), [(ChangeKind::Reordered, None, "patch")]);
    assert_eq!(diff.changes[0].table.as_deref(), Some("cart"));
    assert_eq!(
        diff.changes[0].summary,
        "table `cart`'s rows are in a new order: the docs and `CartError::ALL` list them so"
    );
    assert!(diff.version_ok && !diff.is_breaking());
    assert_eq!(diff.decision, Decision::Accepted);

    // Adding a row between others keeps the order of the rest.
    let inserted = OLD.replace(
        "      - {code: 2, name: CART_FULL,",
        "      - {code: 5, name: CART_NEW, description: D., http_status: 409}\n      - {code: 2, name: CART_FULL,",
    );
    assert_eq!(kinds(&changed(&inserted)), [(ChangeKind::Added, Some(5), "minor")]);

    // Tables in another order: `ErrorCode`, one variant per table, sorts so.
    let http = "  - id: http\n    kind: http_status\n    title: Statuses\n    summary: S\n    errors:\n      - {code: 404, name: Not Found, description: Nothing here.}\n      - {code: 409, name: Conflict, description: Try again.}\n";
    let tables = OLD.replace(http, "") + http;
    let diff = changed(&tables);
    assert_eq!(kinds(&diff), [(ChangeKind::Reordered, None, "minor")]);
    assert_eq!(
        diff.changes[0].summary,
        "the tables are in a new order: the docs list them so, and `ErrorCode` values sort so"
    );
}

#[test]
fn a_lower_version_is_refused() {
    let diff = changed(&OLD.replace("version: 1.4.2", "version: 1.4.1"));
    assert_eq!(kinds(&diff), [(ChangeKind::VersionLowered, None, "refused")]);
    assert_eq!(diff.changes[0].summary, "`version: 1.4.1` is older than 1.4.2");
    assert_eq!(diff.changes[0].fix(), Some("versions only go up: set `version: 1.4.2` or later"));
    assert_eq!(diff.decision, Decision::Refused);
}

#[test]
fn a_renamed_package_is_a_new_crate() {
    let diff = changed(&OLD.replace("crate: shop-errors", "crate: shop-error-codes"));
    assert_eq!(kinds(&diff), [(ChangeKind::CrateRenamed, None, "patch")]);
    assert!(!diff.is_breaking(), "users of the old package keep it: {diff}");
    assert_eq!(diff.decision, Decision::Accepted);
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
            (ChangeKind::RustRenamed, None, "major"),
            (ChangeKind::TableAdded, None, "minor"),
            (ChangeKind::Moved, Some(1), "refused"),
            (ChangeKind::RustRenamed, Some(2), "major"),
            (ChangeKind::Reused, Some(9), "refused"),
        ]
    );
    assert_eq!(diff.changes[0].summary, "table `http`'s enum `HttpError` is now `Status`");
    assert_eq!(
        diff.changes[2].summary,
        "code 1 `CART_EMPTY` was published in table `cart`; moving it changes its enum"
    );
    assert_eq!(diff.changes[3].summary, "code 2 `CART_FULL`: `CartError::CartFull` is now `CartError::Full`");
    assert_eq!(
        diff.changes[4].summary,
        "code 9 `CART_BACK` reuses a retired code: 9 was `CART_GONE` in table `cart`"
    );
    assert!(diff.changes.iter().all(|c| c.is_breaking() || c.kind == ChangeKind::TableAdded));
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
    assert_eq!(kinds(&diff), [(ChangeKind::Retired, Some(2), "major")]);
    assert_eq!(diff.needed_version.as_deref(), Some("0.5.0"));
    assert!(!diff.version_ok);
    assert_eq!(diff.decision, Decision::NeedsVersion);
    let bumped = errcat_pipeline::compat::diff::diff(&catalogue(&old), &catalogue(&retire("version: 0.5.0")));
    assert!(bumped.version_ok && bumped.is_breaking(), "a breaking change stays breaking, bump or not");
    assert_eq!(bumped.decision, Decision::Accepted);
}

#[test]
fn json_names_kinds_and_bumps_in_snake_case() {
    let diff = changed(&OLD.replace("name: CART_LOCKED,", "name: CART_IS_LOCKED,"));
    let json = serde_json::to_value(&diff).unwrap();
    assert_eq!(json["crate"], "shop-errors");
    assert_eq!(json["changes"][0]["kind"], "renamed");
    assert_eq!(json["changes"][0]["code"], 3);
    assert_eq!(json["changes"][0]["verdict"], "refused");
    assert!(json["changes"][0]["fix"].as_str().unwrap().starts_with("restore `name: CART_LOCKED`"), "{json}");
    assert!(json["changes"][0].get("bump").is_none(), "{json}");
    assert_eq!(json["changes"][0]["breaking"], true);
    assert_eq!(json["decision"], "refused");
    assert_eq!(json["bump"], serde_json::Value::Null, "no allowed change");

    let retired = changed(
        &OLD.replace("version: 1.4.2", "version: 2.0.0")
            .replace(
                "      - {code: 2, name: CART_FULL, description: The cart is full., http_status: 409}\n",
                "",
            )
            .replace("    retired:\n", "    retired:\n      - {code: 2, name: CART_FULL, reason: R}\n"),
    );
    let json = serde_json::to_value(&retired).unwrap();
    assert_eq!(json["changes"][0]["verdict"], "allowed");
    assert_eq!(json["changes"][0]["bump"], "major");
    assert!(json["changes"][0].get("fix").is_none(), "{json}");
    assert_eq!(json["bump"], "major");
    assert_eq!(json["needed_version"], "2.0.0");
    assert_eq!(json["decision"], "accepted");
}
