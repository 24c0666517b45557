//! `errcat explain CODE`: a code's whole entry from the spec, a retired
//! code told from one never published, and near matches for a typo.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn errcat(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat")).current_dir(dir).args(args).output().expect("errcat runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A repository whose `spec/` holds one catalogue with every kind of entry.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("spec")).unwrap();
    let spec = r#"title: Shop
crate: shop-errors
version: 0.1.0
problem_details:
  type_base: https://docs.example.com/errors
body:
  code: code
tables:
  - id: cart
    title: Cart errors
    summary: What the cart answers.
    errors:
      - code: 1001
        name: CART_EMPTY
        description: "The cart is *empty*."
        http_status: 409
        aliases: [1901]
        explanation: "An order needs\nat least one item."
        causes: [The last item was removed.]
        solutions: [Add an item first.]
      - code: 1002
        name: CART_FULL
        description: The cart is full.
        http_status: 409
        deprecated: use 1001's checks instead
    retired:
      - {code: 1003, name: CART_LOCKED, reason: Merged into CART_FULL (1002).}
"#;
    fs::write(dir.path().join("spec/shop.yaml"), spec).unwrap();
    dir
}

#[test]
fn explain_prints_a_codes_whole_entry() {
    let dir = repository();
    let run = errcat(dir.path(), &["explain", "1001"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let entry = text(&run.stdout);
    for line in [
        "1001 CART_EMPTY\n",
        "In: Shop / Cart errors (table `cart`)\n",
        "HTTP status: 409 Conflict\n",
        "Also sent as: 1901\n",
        "\nThe cart is *empty*.\n",
        "Explanation:\n  An order needs\n  at least one item.\n",
        "Causes:\n  - The last item was removed.\n",
        "Solutions:\n  - Add an item first.\n",
        "Problem type: https://docs.example.com/errors#1001\n",
    ] {
        assert!(entry.contains(line), "{line:?} in:\n{entry}");
    }
    // A link to the entry names it too, and an alias leads to its row.
    let by_link = errcat(dir.path(), &["explain", "https://docs.example.com/errors#1001"]);
    assert_eq!(text(&by_link.stdout), entry);
    let alias = text(&errcat(dir.path(), &["explain", "1901"]).stdout);
    assert!(
        alias.starts_with("1901 is an alias: services send it for 1001.\n\n1001 CART_EMPTY\n"),
        "{alias}"
    );
    let deprecated = text(&errcat(dir.path(), &["explain", "1002"]).stdout);
    assert!(deprecated.contains("1002 CART_FULL (deprecated)\n"), "{deprecated}");
    assert!(deprecated.contains("Deprecated: use 1001's checks instead\n"), "{deprecated}");
}

#[test]
fn a_retired_code_says_why_and_one_never_published_names_the_near_ones() {
    let dir = repository();
    let retired = errcat(dir.path(), &["explain", "1003"]);
    assert_eq!(retired.status.code(), Some(0), "{}", text(&retired.stderr));
    let entry = text(&retired.stdout);
    assert!(entry.starts_with("1003 CART_LOCKED (retired)\n"), "{entry}");
    assert!(entry.contains("Retired: Merged into CART_FULL (1002).\n"), "{entry}");

    let unknown = errcat(dir.path(), &["explain", "1004"]);
    assert_eq!(unknown.status.code(), Some(1));
    let message = text(&unknown.stderr);
    assert!(
        message.starts_with("error: no code `1004` in spec/shop.yaml: it was never published"),
        "{message}"
    );
    assert!(
        message.contains(
            "did you mean `1001` (CART_EMPTY) or `1002` (CART_FULL) or `1003` (CART_LOCKED, retired)?"
        ),
        "{message}"
    );
    assert!(text(&unknown.stdout).is_empty());
    // A name is near its own code.
    let name = text(&errcat(dir.path(), &["explain", "cart_full"]).stderr);
    assert!(name.contains("did you mean `1002` (CART_FULL)?"), "{name}");
    let far = text(&errcat(dir.path(), &["explain", "nothing-like-it"]).stderr);
    assert!(far.contains("never published") && !far.contains("did you mean"), "{far}");
}

#[test]
fn explain_needs_one_code_and_a_spec_that_loads() {
    let dir = repository();
    let none = errcat(dir.path(), &["explain"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none.stderr).contains("`explain` needs a code"), "{}", text(&none.stderr));
    let two = errcat(dir.path(), &["explain", "1001", "1002"]);
    assert_eq!(two.status.code(), Some(2));
    assert!(text(&two.stderr).contains("takes one code"), "{}", text(&two.stderr));
    fs::write(dir.path().join("spec/shop.yaml"), "title: [").unwrap();
    let bad = errcat(dir.path(), &["explain", "1001"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("spec/shop.yaml"), "{}", text(&bad.stderr));
}

/// A code that sections list: each section's title and id, its statuses
/// there and its meaning there, in the catalogue's order.
#[test]
fn explain_prints_a_codes_sections() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("spec")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../pipeline/tests/fixtures/oauth2_errors.yaml");
    fs::copy(fixture, dir.path().join("spec/oauth2_errors.yaml")).unwrap();
    let run = errcat(dir.path(), &["explain", "invalid_client"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let entry = text(&run.stdout);
    assert!(
        entry.contains(
            "\nSections:\n  5.2. Token endpoint (`token`): HTTP 400 Bad Request, or 401 Unauthorized\n    \
             Client authentication failed (e.g., unknown client,"
        ),
        "{entry}"
    );
    let request = text(&errcat(dir.path(), &["explain", "invalid_request"]).stdout);
    let at = |needle: &str| request.find(needle).unwrap_or_else(|| panic!("{needle}: {request}"));
    assert!(
        at("(`authorization_code`)\n    The request is missing") < at("(`implicit`)\n")
            && at("(`implicit`)\n")
                < at(
                    "(`token`): HTTP 400 Bad Request\n    The request is missing a required parameter, includes an unsupported"
                ),
        "{request}"
    );
    // A code no section lists has no such lines.
    let plain = text(&errcat(repository().path(), &["explain", "1001"]).stdout);
    assert!(plain.contains("1001 CART_EMPTY") && !plain.contains("Sections:"), "{plain}");
}
