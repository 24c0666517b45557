//! The committed `generated/` is exactly what `spec/` produces: a commit
//! that edits the spec without regenerating fails `cargo test`.

use std::path::Path;

use errcat_pipeline::{Mode, Outcome};

#[test]
fn generated_files_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("pipeline/ sits in the workspace");
    let reports = errcat_pipeline::generate(&root.join("spec"), &root.join("generated"), Mode::Check)
        .unwrap_or_else(|e| panic!("the bundled spec must generate cleanly:\n{e}"));
    assert!(!reports.is_empty());
    let stale: Vec<String> = reports
        .iter()
        .filter_map(|report| match &report.outcome {
            Outcome::Unchanged => None,
            Outcome::Missing => Some(format!("missing: {}", report.path.display())),
            Outcome::Stale { diff } => Some(format!("stale: {}\n{diff}", report.path.display())),
            Outcome::Obsolete => Some(format!("obsolete: {}", report.path.display())),
            Outcome::Written | Outcome::Removed => {
                Some(format!("changed in check mode: {}", report.path.display()))
            }
            other => Some(format!("{other}: {}", report.path.display())),
        })
        .collect();
    assert!(stale.is_empty(), "generated/ is out of date; run `cargo xtask gen`:\n{}", stale.join("\n"));
}
