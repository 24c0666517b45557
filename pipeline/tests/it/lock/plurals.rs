//! A message that selects by a count is one template to the lock: a
//! variant reworded, added or removed is a patch, as any template change
//! is, and the lock records the template with its line breaks.

use std::fs;
use std::path::Path;

use errcat_pipeline::Mode;
use errcat_pipeline::compat::diff::{ChangeKind, Decision, diff};

use super::{Project, spec};

/// One row whose message selects by `count`, with the given variants.
fn shop(variants: &str) -> String {
    let rows = format!(
        "      - code: 1\n        name: CART_FULL\n        description: D\n        http_status: 409\n        \
         params:\n          count: {{type: integer, description: How many.}}\n        \
         message: |-\n          .input {{$count :integer}}\n          .match $count\n{variants}"
    );
    spec("1.0.0", &rows, "").replace("version: 1.0.0\n", "version: 1.0.0\nlocales: {default: en}\n")
}

const VARIANTS: &str = "          one {{{$count} item}}\n          * {{{$count} items}}\n";

fn load(yaml: &str) -> errcat_model::Catalogue {
    crate::load_text(Path::new("spec/shop.yaml"), "spec/shop.yaml", yaml).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_variant_reworded_added_or_removed_is_a_patch() {
    let before = shop(VARIANTS);
    let project = Project::new(&before);
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    let expected = "message: 1 \".input {$count :integer}\\u000a.match $count\\u000aone {{{$count} item}}\\u000a* {{{$count} items}}\"";
    assert!(lock.lines().any(|line| line == expected), "{lock}");

    let reworded = shop(&VARIANTS.replace("items}}", "items in the cart}}"));
    let added = shop(&format!("          0 {{{{The cart is empty}}}}\n{VARIANTS}"));
    let removed = shop("          0 {{The cart is empty}}\n          * {{{$count} items}}\n");
    for (after, what) in [(&reworded, "reworded"), (&added, "added"), (&removed, "removed")] {
        let report = diff(&load(&before), &load(after));
        let changes: Vec<(ChangeKind, bool)> =
            report.changes.iter().map(|c| (c.kind, c.is_breaking())).collect();
        assert_eq!(changes, [(ChangeKind::MessageChanged, false)], "{what}");
        assert_ne!(report.decision, Decision::NeedsVersion, "{what}");
        project.edit(after);
        project.generate(Mode::Write).unwrap_or_else(|e| panic!("{what}: {e}"));
    }
}
