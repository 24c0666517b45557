//! A version bump leaves the workspace consistent: `generate` brings the
//! generated package's entry in the workspace's `Cargo.lock` up to date,
//! so a checkout of the commit passes `cargo metadata --locked`; and it
//! edits no other lock, nor another package's entry.

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

/// Writes `dir/spec/shop.yaml` at `version`.
fn spec(dir: &Path, version: &str) {
    fs::create_dir_all(dir.join("spec")).unwrap();
    fs::write(dir.join("spec/shop.yaml"), SPEC.replace("0.1.0", version)).unwrap();
}

fn gen_into(dir: &Path, out: &str) -> Vec<errcat_pipeline::FileReport> {
    errcat_pipeline::generate(&dir.join("spec"), &dir.join(out), Mode::Write).expect("the spec is valid")
}

/// `Cargo.lock` for the workspace at `dir`. The optional dependencies
/// resolve from the local registry cache when it has them (CI's machine
/// does), else from the registry.
fn lock(dir: &Path) -> String {
    if !cargo(dir, &["generate-lockfile", "--offline"]).status.success() {
        let online = cargo(dir, &["generate-lockfile"]);
        assert!(online.status.success(), "{}", String::from_utf8_lossy(&online.stderr));
    }
    fs::read_to_string(dir.join("Cargo.lock")).unwrap()
}

fn assert_locked(dir: &Path) {
    let metadata = cargo(dir, &["metadata", "--locked", "--offline", "--format-version", "1"]);
    assert!(metadata.status.success(), "{}: {}", dir.display(), String::from_utf8_lossy(&metadata.stderr));
}

/// A crate `name` at `version` in `dir`, with nothing in it.
fn path_crate(dir: &Path, name: &str, version: &str, dependencies: &str) {
    fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2024\"\n\n[dependencies]\n{dependencies}"
    );
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    fs::write(dir.join("src/lib.rs"), "").unwrap();
}

fn workspace(dir: &Path, members: &str) {
    fs::write(dir.join("Cargo.toml"), format!("[workspace]\nresolver = \"3\"\n{members}\n")).unwrap();
}

fn lock_report(reports: &[errcat_pipeline::FileReport]) -> Option<Outcome> {
    reports.iter().find(|r| r.path.ends_with("Cargo.lock")).map(|r| r.outcome.clone())
}

#[test]
fn a_version_bump_updates_the_workspace_lock_and_metadata_stays_locked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    spec(root, "0.1.0");
    workspace(root, "members = [\"generated/shop-errors\"]");
    gen_into(root, "generated");
    let before = lock(root);
    assert!(before.contains("name = \"shop-errors\"\nversion = \"0.1.0\""), "{before}");

    spec(root, "0.2.0");
    let (spec, out) = (root.join("spec"), root.join("generated"));
    let check = errcat_pipeline::generate(&spec, &out, Mode::Check).unwrap();
    assert!(matches!(lock_report(&check), Some(Outcome::Stale { .. })), "check names the stale Cargo.lock");
    assert_eq!(fs::read_to_string(root.join("Cargo.lock")).unwrap(), before, "check writes nothing");

    let written = gen_into(root, "generated");
    assert_eq!(lock_report(&written), Some(Outcome::Written));
    let after = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    assert_eq!(after, before.replace("version = \"0.1.0\"", "version = \"0.2.0\""), "one line changes");
    assert_locked(root);

    let again = errcat_pipeline::generate(&spec, &out, Mode::Check).unwrap();
    assert_eq!(lock_report(&again), None, "a current Cargo.lock is not the generator's to report");
}

#[test]
fn an_older_path_copy_of_the_crate_keeps_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (root, ws) = (dir.path(), dir.path().join("ws"));
    spec(&ws, "0.1.0");
    workspace(&ws, "members = [\"app\", \"generated/shop-errors\"]");
    // Outside the workspace's folder, so not a member: a path dependency only.
    path_crate(&root.join("old/shop-errors"), "shop-errors", "0.0.9", "");
    path_crate(
        &ws.join("app"),
        "app",
        "0.1.0",
        "old = { package = \"shop-errors\", path = \"../../old/shop-errors\" }\n\
         shop-errors = { path = \"../generated/shop-errors\" }\n",
    );
    gen_into(&ws, "generated");
    let before = lock(&ws);
    assert!(before.contains("\"shop-errors 0.0.9\""), "{before}");

    spec(&ws, "0.2.0");
    assert_eq!(lock_report(&gen_into(&ws, "generated")), Some(Outcome::Written));
    let after = fs::read_to_string(ws.join("Cargo.lock")).unwrap();
    assert!(after.contains("name = \"shop-errors\"\nversion = \"0.0.9\"\n"), "{after}");
    assert_locked(&ws);
}

#[test]
fn a_preview_outside_the_members_leaves_the_lock_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    spec(root, "0.1.0");
    workspace(root, "members = [\"generated/shop-errors\"]");
    gen_into(root, "generated");
    gen_into(root, "target/preview");
    let before = lock(root);

    // `generated/` still holds 0.1.0: the lock must say so.
    spec(root, "0.2.0");
    assert_eq!(lock_report(&gen_into(root, "target/preview")), None);
    assert_eq!(fs::read_to_string(root.join("Cargo.lock")).unwrap(), before);
    assert_locked(root);
}

#[test]
fn a_lock_above_that_is_not_the_crate_s_workspace_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // A workspace whose own path package is named as the generated crate
    // is, and which keeps `proj/` (where the crate is generated) out.
    workspace(root, "members = [\"app\"]\nexclude = [\"proj\"]");
    path_crate(&root.join("old/shop-errors"), "shop-errors", "0.1.0", "");
    path_crate(&root.join("app"), "app", "0.1.0", "shop-errors = { path = \"../old/shop-errors\" }\n");
    let before = lock(root);
    let proj = root.join("proj");
    spec(&proj, "0.1.0");
    gen_into(&proj, "generated");

    spec(&proj, "0.2.0");
    assert_eq!(lock_report(&gen_into(&proj, "generated")), None);
    assert_eq!(fs::read_to_string(root.join("Cargo.lock")).unwrap(), before);
    assert_locked(root);
}

#[test]
fn a_crlf_lock_is_updated_with_its_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    spec(root, "0.1.0");
    workspace(root, "members = [\"generated/shop-errors\"]");
    gen_into(root, "generated");
    let crlf = lock(root).replace('\n', "\r\n");
    fs::write(root.join("Cargo.lock"), &crlf).unwrap();

    spec(root, "0.2.0");
    assert_eq!(lock_report(&gen_into(root, "generated")), Some(Outcome::Written));
    let after = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    assert_eq!(
        after,
        crlf.replace("\"shop-errors\"\r\nversion = \"0.1.0\"", "\"shop-errors\"\r\nversion = \"0.2.0\"")
    );
    assert_locked(root);
}

#[test]
fn a_lock_above_that_is_not_text_does_not_stop_gen() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("Cargo.lock"), b"\xff\xfe not a lock\n").unwrap();
    let proj = root.join("proj");
    spec(&proj, "0.1.0");
    gen_into(&proj, "generated");
    // The crate is a workspace of its own: its own lock is the one kept.
    let crate_dir = proj.join("generated/shop-errors");
    lock(&crate_dir);

    spec(&proj, "0.2.0");
    assert_eq!(lock_report(&gen_into(&proj, "generated")), Some(Outcome::Written));
    assert_locked(&crate_dir);
    assert_eq!(fs::read(root.join("Cargo.lock")).unwrap(), b"\xff\xfe not a lock\n");
}

#[test]
fn a_lock_left_behind_by_an_earlier_run_is_brought_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    spec(root, "0.1.0");
    workspace(root, "members = [\"generated/shop-errors\"]");
    gen_into(root, "generated");
    let before = lock(root);
    spec(root, "0.2.0");
    gen_into(root, "generated");
    // The manifest is at 0.2.0 already, the lock still at 0.1.0: the lock decides.
    fs::write(root.join("Cargo.lock"), &before).unwrap();

    let (spec, out) = (root.join("spec"), root.join("generated"));
    let check = errcat_pipeline::generate(&spec, &out, Mode::Check).unwrap();
    assert!(matches!(lock_report(&check), Some(Outcome::Stale { .. })), "check names the stale Cargo.lock");
    assert_eq!(lock_report(&gen_into(root, "generated")), Some(Outcome::Written));
    assert_locked(root);
}
