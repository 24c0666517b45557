//! A version bump whose workspace `Cargo.lock` cannot be kept current
//! because Cargo cannot say which workspace the crate is in: `gen` stops
//! with a message, never leaving the lock behind in silence.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const SPEC: &str = "title: Shop\ncrate: shop-errors\nversion: 0.2.0\ntables:\n  - id: shop\n    title: Shop\n    \
                    summary: Codes.\n    errors:\n      - code: 1001\n        name: OUT_OF_STOCK\n        \
                    description: Gone.\n        http_status: 409\n";

/// The lock of a workspace whose member `generated/shop-errors` was locked at 0.1.0.
const LOCK: &str = "version = 4\n\n[[package]]\nname = \"shop-errors\"\nversion = \"0.1.0\"\n";

/// A workspace at `dir` generated at 0.1.0 (which needs no Cargo: the
/// lock is current), then the spec bumped to 0.2.0.
fn bumped(dir: &Path) {
    fs::create_dir_all(dir.join("spec")).unwrap();
    fs::write(dir.join("spec/shop.yaml"), SPEC.replace("0.2.0", "0.1.0")).unwrap();
    fs::write(
        dir.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"generated/shop-errors\"]\n",
    )
    .unwrap();
    fs::write(dir.join("Cargo.lock"), LOCK).unwrap();
    fs::create_dir_all(dir.join("empty")).unwrap();
    let first = gen_with(dir, None, &dir.join("empty"));
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    fs::write(dir.join("spec/shop.yaml"), SPEC).unwrap();
}

fn gen_with(dir: &Path, cargo: Option<&Path>, path: &Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errcat"));
    command.current_dir(dir).args(["gen"]).env("PATH", path).env_remove("CARGO");
    if let Some(cargo) = cargo {
        command.env("CARGO", cargo);
    }
    command.output().expect("errcat runs")
}

fn assert_refused(dir: &Path, run: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    for expected in ["Cargo.lock", "locate-project", what, "CARGO", "cargo update -p shop-errors --offline"] {
        assert!(stderr.contains(expected), "`{expected}` missing from: {stderr}");
    }
    assert_eq!(fs::read_to_string(dir.join("Cargo.lock")).unwrap(), LOCK, "the lock is left as it was");
    let manifest = fs::read_to_string(dir.join("generated/shop-errors/Cargo.toml")).unwrap();
    assert!(manifest.contains("version = \"0.1.0\""), "nothing was written: {manifest}");
}

#[test]
fn without_cargo_a_stale_lock_stops_gen() {
    let dir = tempfile::tempdir().unwrap();
    bumped(dir.path());
    let run = gen_with(dir.path(), None, &dir.path().join("empty"));
    assert_refused(dir.path(), &run, "could not be run");
}

#[cfg(unix)]
#[test]
fn a_failing_cargo_stops_gen_with_its_message() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    bumped(dir.path());
    let cargo = dir.path().join("bin/cargo");
    fs::create_dir(dir.path().join("bin")).unwrap();
    fs::write(&cargo, "#!/bin/sh\necho 'error: the toolchain is broken' >&2\nexit 101\n").unwrap();
    fs::set_permissions(&cargo, fs::Permissions::from_mode(0o755)).unwrap();
    let run = gen_with(dir.path(), Some(&cargo), Path::new("/usr/bin:/bin"));
    assert_refused(dir.path(), &run, "error: the toolchain is broken");
}
