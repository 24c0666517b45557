//! `diff` on aliases, explanations and HTTP: each alias change is found
//! and classed as a code's would be, and the texts beside the description too.

use super::*;

/// `OLD` with aliases: 11 and 12 for CART_EMPTY, 21 for CART_FULL.
fn aliased() -> String {
    OLD.replace(
        "The cart is empty., http_status: 409}",
        "The cart is empty., http_status: 409, aliases: [11, 12]}",
    )
    .replace("The cart is full., http_status: 409}", "The cart is full., http_status: 409, aliases: [21]}")
}

fn changed_from(old: &str, new: &str) -> CatalogueDiff {
    diff(&catalogue(old), &catalogue(new))
}

#[test]
fn an_added_alias_is_minor() {
    let old = aliased();
    let new = old.replace("version: 1.4.2", "version: 1.5.0").replace("aliases: [21]", "aliases: [21, 22]");
    let diff = changed_from(&old, &new);
    assert_eq!(kinds(&diff), [(ChangeKind::AliasAdded, Some(22), "minor")]);
    assert_eq!(diff.changes[0].alias_of, Some(Code::Integer(2)));
    assert_eq!(
        diff.changes[0].summary,
        "alias 22 of code 2 `CART_FULL` is new: `from_code(22)` gives `CartError::CartFull`"
    );
    assert_eq!((diff.bump, diff.version_ok), (Some(Bump::Minor), true));
    assert!(diff.to_string().contains("  ok       minor  alias 22 of code 2 `CART_FULL` is new"), "{diff}");
    assert!(!changed_from(&old, &new.replace("version: 1.5.0", "version: 1.4.3")).version_ok);
}

#[test]
fn retired_aliases_are_breaking_and_removed_or_reused_ones_refused() {
    let old = aliased();
    let new =
        old.replace("aliases: [11, 12]", "aliases: [9]").replace("aliases: [21]", "aliases: []").replace(
            "      - {code: 9, name: CART_GONE, reason: Carts never vanish.}\n",
            "      - {code: 21, name: CART_FULL, reason: Never sent any more.}\n",
        );
    let diff = changed_from(&old, &new);
    assert_eq!(
        kinds(&diff),
        [
            (ChangeKind::Reused, Some(9), "refused"),
            (ChangeKind::AliasRemoved, Some(11), "refused"),
            (ChangeKind::AliasRemoved, Some(12), "refused"),
            (ChangeKind::Retired, Some(21), "major"),
        ]
    );
    assert_eq!(
        diff.changes[0].summary,
        "alias 9 of code 1 `CART_EMPTY` reuses a retired code: 9 was `CART_GONE` in table `cart`"
    );
    assert_eq!(
        diff.changes[1].summary,
        "alias 11 of code 1 `CART_EMPTY` (table `cart`) is locked but gone from spec/shop.yaml"
    );
    assert_eq!(
        diff.changes[1].fix(),
        Some(
            "aliases are API (`from_code(11)` gives `CartError::CartEmpty`): add 11 back to the row's `aliases`, \
             or retire it by adding `- {code: 11, name: CART_EMPTY, reason: \"why\"}` to table `cart`'s `retired:` list"
        )
    );
    assert_eq!(
        diff.changes[3].summary,
        "alias 21 of code 2 `CART_FULL` is retired: `from_code(21)` no longer gives `CartError::CartFull`"
    );
    let alias_of: Vec<Option<u32>> =
        diff.changes.iter().map(|c| c.alias_of.as_ref().and_then(Code::integer)).collect();
    assert_eq!(alias_of, [Some(1), Some(1), Some(1), Some(2)]);
    assert_eq!((diff.bump, diff.needed_version.as_deref()), (Some(Bump::Major), Some("2.0.0")));
    assert_eq!(diff.decision, Decision::Refused);
    let text = diff.to_string();
    assert!(
        text.contains("  refused  -      alias 12 of code 1 `CART_EMPTY` (table `cart`) is locked but gone"),
        "{text}"
    );
}

#[test]
fn moved_aliases_are_breaking_and_renumbered_rows_too() {
    let old = aliased();
    // 12 moves to CART_FULL, 11 becomes the own code of a new row, code 3
    // becomes an alias of CART_EMPTY, and CART_FULL swaps its code and alias.
    let new = old
        .replace("aliases: [11, 12]", "aliases: [3]")
        .replace(
            "{code: 2, name: CART_FULL, description: The cart is full., http_status: 409, aliases: [21]}",
            "{code: 21, name: CART_FULL, description: The cart is full., http_status: 409, aliases: [2, 12]}",
        )
        .replace(
            "      - {code: 3, name: CART_LOCKED, description: The cart is locked., http_status: 409}\n",
            "      - {code: 11, name: CART_CLOSED, description: D., http_status: 409}\n",
        );
    let diff = changed_from(&old, &new);
    assert_eq!(
        kinds(&diff),
        [
            (ChangeKind::Renumbered, Some(2), "major"),
            (ChangeKind::Moved, Some(3), "refused"),
            (ChangeKind::AliasMoved, Some(11), "major"),
            (ChangeKind::AliasMoved, Some(12), "major"),
            (ChangeKind::Renumbered, Some(21), "major"),
        ]
    );
    let summaries: Vec<&str> = diff.changes.iter().map(|c| c.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "code 2 `CART_FULL` is now an alias of code 21: `CartError::CartFull`'s `code()` changes",
            "alias 3 of code 1 `CART_EMPTY` was published as its own code `CART_LOCKED` in table `cart`; making it an alias of another error breaks every client that reads it",
            "alias 11 of code 1 `CART_EMPTY` is now the code of `CART_CLOSED`: `from_code(11)` gives `CartError::CartClosed`, not `CartError::CartEmpty`",
            "alias 12 moved from code 1 `CART_EMPTY` to code 21 `CART_FULL`: `from_code(12)` gives `CartError::CartFull`, not `CartError::CartEmpty`",
            "alias 21 of code 2 `CART_FULL` is now the row's own code: `CartError::CartFull`'s `code()` changes",
        ]
    );
    let alias_of: Vec<Option<u32>> =
        diff.changes.iter().map(|c| c.alias_of.as_ref().and_then(Code::integer)).collect();
    assert_eq!(alias_of, [Some(21), Some(1), Some(1), Some(21), Some(2)]);
    assert!(diff.is_breaking() && !diff.version_ok);
    assert_eq!(diff.decision, Decision::Refused);

    // An alias that stays on its row, renamed variant or not, is no change of its own.
    let renamed = old.replace(
        "http_status: 409, aliases: [11, 12]}",
        "http_status: 409, aliases: [11, 12], rust_variant: Empty}",
    );
    assert_eq!(kinds(&changed_from(&old, &renamed)), [(ChangeKind::RustRenamed, Some(1), "major")]);
}

#[test]
fn json_names_alias_changes_and_their_rows() {
    let old = aliased();
    let new =
        old.replace("aliases: [11, 12]", "aliases: [11]").replace("aliases: [21]", "aliases: [21, 12, 22]");
    let json = serde_json::to_value(changed_from(&old, &new)).unwrap();
    assert_eq!(json["changes"][0]["kind"], "alias_moved");
    assert_eq!(json["changes"][0]["code"], 12);
    assert_eq!(json["changes"][0]["alias_of"], 2);
    assert_eq!(json["changes"][0]["table"], "cart");
    assert_eq!(json["changes"][0]["breaking"], true);
    assert_eq!(json["changes"][0]["bump"], "major");
    assert_eq!(json["changes"][1]["kind"], "alias_added");
    assert_eq!(json["changes"][1]["bump"], "minor");
    assert_eq!(json["changes"][1]["breaking"], false);
    assert_eq!(json["bump"], "major");
    let removed =
        serde_json::to_value(changed_from(&old, &old.replace("aliases: [21]", "aliases: []"))).unwrap();
    assert_eq!(removed["changes"][0]["kind"], "alias_removed");
    assert_eq!(removed["changes"][0]["verdict"], "refused");
    assert_eq!(removed["changes"][0]["alias_of"], 2);
    // A change to a code that is no alias has no `alias_of`.
    let plain =
        serde_json::to_value(changed(&OLD.replace("name: CART_LOCKED,", "name: CART_IS_LOCKED,"))).unwrap();
    assert!(plain["changes"][0].get("alias_of").is_none(), "{plain}");
}

#[test]
fn explanations_causes_and_solutions_are_texts() {
    let new = OLD.replace(
        "The cart is empty., http_status: 409}",
        "The cart is empty., http_status: 409, explanation: Nothing was added., causes: [A new session.], solutions: [Add an item.]}",
    );
    let diff = changed(&new);
    assert_eq!(
        kinds(&diff),
        [
            (ChangeKind::TextChanged, Some(1), "patch"),
            (ChangeKind::TextChanged, Some(1), "patch"),
            (ChangeKind::TextChanged, Some(1), "patch"),
        ]
    );
    let summaries: Vec<&str> = diff.changes.iter().map(|c| c.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "code 1 `CART_EMPTY`: the explanation changed",
            "code 1 `CART_EMPTY`: the causes changed",
            "code 1 `CART_EMPTY`: the solutions changed",
        ]
    );
    assert_eq!(diff.bump, Some(Bump::Patch));
    // A cause removed is a text change too.
    let fewer = diff_of(&new, &new.replace("causes: [A new session.], ", ""));
    assert_eq!(kinds(&fewer), [(ChangeKind::TextChanged, Some(1), "patch")]);
}

fn diff_of(old: &str, new: &str) -> CatalogueDiff {
    diff(&catalogue(old), &catalogue(new))
}

#[test]
fn dropping_http_is_breaking_and_adding_it_is_minor() {
    let without = "\
title: Shop
crate: shop-errors
version: 1.4.2
tables:
  - id: cart
    title: Cart errors
    summary: S
    errors:
      - {code: 1, name: CART_EMPTY, description: The cart is empty.}
";
    let with = without.replace("The cart is empty.}", "The cart is empty., http_status: 409}");
    let dropped = diff_of(&with, without);
    // The documents lose their responses, which other documents reference.
    assert_eq!(
        kinds(&dropped),
        [(ChangeKind::HttpStatusChanged, None, "major"), (ChangeKind::ResponseRemoved, None, "major")]
    );
    assert!(dropped.changes[0].summary.contains("no longer an HTTP one"), "{}", dropped.changes[0].summary);
    let added = diff_of(without, &with);
    assert_eq!(
        kinds(&added),
        [(ChangeKind::HttpStatusChanged, None, "minor"), (ChangeKind::ResponseAdded, None, "minor")]
    );
}

/// `OLD` with string codes: no status table, each code its name in lower case.
const OLD_STRINGS: &str = "\
title: Shop
codes: string
crate: shop-errors
version: 1.4.2
tables:
  - id: cart
    title: Cart errors
    summary: S
    errors:
      - {code: cart_empty, name: CART_EMPTY, description: The cart is empty., http_status: 409, aliases: ['0001']}
      - {code: cart_full, name: CART_FULL, description: The cart is full., http_status: 409}
    retired:
      - {code: cart_gone, name: CART_GONE, reason: Carts never vanish.}
";

#[test]
fn string_codes_are_classed_as_numbers_are_but_their_order_sorts_the_enum() {
    let old = catalogue(OLD_STRINGS);
    let changes = |new: &str| diff(&old, &catalogue(new)).changes;

    // Swapped rows: their discriminants are their rows, so `Ord` changes.
    let swapped = OLD_STRINGS.replace("version: 1.4.2", "version: 1.5.0").replace(
        "      - {code: cart_empty, name: CART_EMPTY, description: The cart is empty., http_status: 409, aliases: ['0001']}\n      - {code: cart_full, name: CART_FULL, description: The cart is full., http_status: 409}\n",
        "      - {code: cart_full, name: CART_FULL, description: The cart is full., http_status: 409}\n      - {code: cart_empty, name: CART_EMPTY, description: The cart is empty., http_status: 409, aliases: ['0001']}\n",
    );
    let found = changes(&swapped);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].kind, found[0].bump()), (ChangeKind::Reordered, Some(Bump::Minor)));
    assert!(found[0].summary.ends_with("and `CartError` values sort so"), "{}", found[0].summary);

    // A renamed code and a moved alias name their codes as text.
    let renamed = OLD_STRINGS.replace("name: CART_FULL,", "name: CART_IS_FULL,");
    let found = changes(&renamed);
    assert_eq!(found[0].kind, ChangeKind::Renamed);
    assert_eq!(found[0].code, Some(Code::String("cart_full".to_owned())));
    let moved =
        OLD_STRINGS.replace("version: 1.4.2", "version: 2.0.0").replace(", aliases: ['0001']}", "}").replace(
            "description: The cart is full., http_status: 409}",
            "description: The cart is full., http_status: 409, aliases: ['0001']}",
        );
    let found = changes(&moved);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, ChangeKind::AliasMoved);
    assert_eq!(found[0].alias_of, Some(Code::String("cart_full".to_owned())));
    let json = serde_json::to_value(&found[0]).expect("a change serializes");
    assert_eq!((json["code"].as_str(), json["alias_of"].as_str()), (Some("0001"), Some("cart_full")));
}
