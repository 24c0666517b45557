//! A version bump leaves the workspace consistent: `generate` brings the
//! generated package's entry in the workspace's `Cargo.lock` up to date,
//! so a checkout of the commit passes `cargo metadata --locked`.

use std::fs;
use std::path::Path;
use std::process::Command;

use errcat_pipeline::{Mode, Outcome};

const SPEC: &str = "title: Shop\ncrate: shop-errors\nversion: 0.1.0\ntables:\n  - id: shop\n    title: Shop\n    \
                    summary: Codes.\n    errors:\n      - code: 1001\n        name: OUT_OF_STOCK\n        \
                    description: Gone.\n        http_status: 409\n";

fn cargo(dir: &Path, args: &[&str]) -> std::process::Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo).current_dir(dir).args(args).output().expect("cargo runs")
}

#[test]
fn a_version_bump_updates_the_workspace_lock_and_metadata_stays_locked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("spec")).unwrap();
    fs::write(root.join("spec/shop.yaml"), SPEC).unwrap();
    fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"generated/shop-errors\"]\n",
    )
    .unwrap();
    let (spec, out) = (root.join("spec"), root.join("generated"));
    errcat_pipeline::generate(&spec, &out, Mode::Write).expect("the spec is valid");
    // The optional dependencies resolve from the local registry cache when
    // it has them (CI's machine does), else from the registry.
    let locked = cargo(root, &["generate-lockfile", "--offline"]);
    if !locked.status.success() {
        let online = cargo(root, &["generate-lockfile"]);
        assert!(online.status.success(), "{}", String::from_utf8_lossy(&online.stderr));
    }
    let before = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    assert!(before.contains("name = \"shop-errors\"\nversion = \"0.1.0\""), "{before}");

    fs::write(root.join("spec/shop.yaml"), SPEC.replace("version: 0.1.0", "version: 0.2.0")).unwrap();
    let check = errcat_pipeline::generate(&spec, &out, Mode::Check).unwrap();
    let lock_report = |reports: &[errcat_pipeline::FileReport]| {
        reports.iter().find(|r| r.path.ends_with("Cargo.lock")).map(|r| r.outcome.clone())
    };
    assert!(matches!(lock_report(&check), Some(Outcome::Stale { .. })), "check names the stale Cargo.lock");
    assert_eq!(fs::read_to_string(root.join("Cargo.lock")).unwrap(), before, "check writes nothing");

    let written = errcat_pipeline::generate(&spec, &out, Mode::Write).unwrap();
    assert_eq!(lock_report(&written), Some(Outcome::Written));
    let after = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    assert_eq!(after, before.replace("version = \"0.1.0\"", "version = \"0.2.0\""), "one line changes");
    let metadata = cargo(root, &["metadata", "--locked", "--offline", "--format-version", "1"]);
    assert!(metadata.status.success(), "{}", String::from_utf8_lossy(&metadata.stderr));

    let again = errcat_pipeline::generate(&spec, &out, Mode::Check).unwrap();
    assert_eq!(lock_report(&again), None, "a current Cargo.lock is not the generator's to report");
}
