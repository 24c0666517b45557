//! The workspace's `Cargo.lock` after a version bump: Cargo records each
//! path package's version there, so a bumped crate would leave a checkout
//! that fails `cargo metadata --locked`. The one line that changes is
//! edited in place, and written with the locks, all or nothing.
//!
//! Which lock, and which entry, is Cargo's answer, not a guess by file
//! name: the lock of the workspace that has the generated crate as a
//! member (`cargo locate-project --workspace`, which applies `members`,
//! their globs, `exclude`, `package.workspace` and the path dependencies
//! that become members), and in it the path package of that name at the
//! version the crate's manifest on disk still has, the one Cargo locked.
//! Cargo runs only when a crate's manifest on disk has another version
//! than the spec's: a regeneration without a bump spawns nothing.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use errcat_model::output::OutputFile;

use super::with_path;

/// The `Cargo.lock` files that hold one of `crates` (name, new version,
/// generated under `out/<name>`) as a path package at the version its
/// manifest on disk has, with that version brought up to date. Each keeps
/// its line endings (`\r\n` too, unlike the generated files).
pub(crate) fn updated_cargo_locks(out: &Path, crates: &[(&str, &str)]) -> io::Result<Vec<OutputFile>> {
    // Each lock as read, and as edited so far.
    let mut updated: Vec<(String, OutputFile)> = Vec::new();
    for &(name, version) in crates {
        let manifest = std::path::absolute(out.join(name).join("Cargo.toml"))?;
        let Some(old) = manifest_version(&manifest)? else { continue };
        if old == version {
            continue;
        }
        let Some(path) = workspace_lock(&manifest) else { continue };
        let index = match updated.iter().position(|(_, file)| file.path == path) {
            Some(index) => index,
            None => {
                let bytes = fs::read(&path).map_err(|e| with_path(e, &path))?;
                // Not text: not a lock Cargo wrote, nor one it can read.
                let Ok(text) = String::from_utf8(bytes) else { continue };
                updated.push((text.clone(), OutputFile { path, contents: text }));
                updated.len() - 1
            }
        };
        if let Some(text) = with_version(&updated[index].1.contents, name, &old, version) {
            updated[index].1.contents = text;
        }
    }
    // Only the ones that changed: an untouched lock is not the generator's to report.
    Ok(updated.into_iter().filter(|(read, file)| *read != file.contents).map(|(_, file)| file).collect())
}

/// The `version` of the package in the generated `manifest`, or `None`
/// when there is none yet (or it is not one the generator wrote).
fn manifest_version(manifest: &Path) -> io::Result<Option<String>> {
    let text = match fs::read(manifest) {
        Ok(bytes) => String::from_utf8(bytes).unwrap_or_default(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(with_path(e, manifest)),
    };
    // The generator's own layout: `version` is the first key of `[package]` to start with it.
    let package = text.lines().skip_while(|line| line.trim_end() != "[package]").skip(1);
    let version = package
        .take_while(|line| !line.starts_with('['))
        .find_map(|line| line.trim_end().strip_prefix("version = \"")?.strip_suffix('"'));
    Ok(version.map(str::to_owned))
}

/// The `Cargo.lock` of the workspace whose member `manifest` is, if it
/// has one. Cargo says which workspace; where Cargo cannot say (it is not
/// installed, or the crate is in no workspace it can load), there is no
/// lock Cargo reads to keep current.
fn workspace_lock(manifest: &Path) -> Option<PathBuf> {
    // The `cargo` running this build when there is one, so no toolchain file is consulted.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let found = Command::new(cargo)
        .args(["locate-project", "--workspace", "--message-format", "plain", "--offline", "--manifest-path"])
        .arg(manifest)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    let root = PathBuf::from(String::from_utf8(found.stdout).ok()?.trim_end_matches(['\n', '\r']));
    Some(root.parent()?.join("Cargo.lock")).filter(|lock| lock.is_file())
}

/// `lock` with the path package `name` at version `old` moved to `new`,
/// or `None` when it holds no such package. A path package is a
/// `[[package]]` entry without a `source`; a dependency names it with
/// its version only when a package of the same name is locked too, and
/// those references follow. Every line keeps its own ending.
fn with_version(lock: &str, name: &str, old: &str, new: &str) -> Option<String> {
    // Each line as its text and its ending, which is put back as it was.
    let lines: Vec<(&str, &str)> = lock
        .split_inclusive('\n')
        .map(|line| line.split_at(line.trim_end_matches(['\n', '\r']).len()))
        .collect();
    let (name_line, old_line) = (format!("name = \"{name}\""), format!("version = \"{old}\""));
    let mut starts: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].0 == "[[package]]").collect();
    starts.push(lines.len());
    let entry = starts.windows(2).map(|pair| pair[0]..pair[1]).find(|entry| {
        entry.clone().any(|i| lines[i].0 == name_line)
            && entry.clone().any(|i| lines[i].0 == old_line)
            && !entry.clone().any(|i| lines[i].0.starts_with("source = "))
    })?;
    let at = entry.clone().find(|&i| lines[i].0 == old_line)?;
    let (old_ref, new_ref) = (format!("\"{name} {old}\""), format!("\"{name} {new}\""));
    let mut out = String::with_capacity(lock.len() + new.len());
    for (i, &(text, ending)) in lines.iter().enumerate() {
        match i {
            _ if i == at => out.push_str(&format!("version = \"{new}\"")),
            // A reference in a `dependencies` array: ` "name version",`.
            _ if text.trim_start().starts_with('"') => out.push_str(&text.replace(&old_ref, &new_ref)),
            _ => out.push_str(text),
        }
        out.push_str(ending);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::with_version;

    const LOCK: &str = "# This file is automatically @generated by Cargo.\nversion = 4\n\n\
        [[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"shop-errors\",\n]\n\n\
        [[package]]\nname = \"shop-errors\"\nversion = \"0.1.0\"\n\n\
        [[package]]\nname = \"serde\"\nversion = \"0.1.0\"\nsource = \"registry+x\"\n";

    #[test]
    fn only_the_path_package_s_version_line_changes() {
        let bumped = with_version(LOCK, "shop-errors", "0.1.0", "0.2.0").expect("the entry is there");
        assert_eq!(
            bumped,
            LOCK.replace("\"shop-errors\"\nversion = \"0.1.0\"", "\"shop-errors\"\nversion = \"0.2.0\"")
        );
        assert_eq!(with_version(&bumped, "shop-errors", "0.1.0", "0.2.0"), None, "already current");
        assert_eq!(with_version(LOCK, "serde", "0.1.0", "0.2.0"), None, "a registry package is Cargo's");
        assert_eq!(with_version(LOCK, "other", "0.1.0", "0.2.0"), None);
    }

    #[test]
    fn references_with_a_version_follow() {
        let lock = LOCK.replace(" \"shop-errors\",", " \"shop-errors 0.1.0\",");
        let bumped = with_version(&lock, "shop-errors", "0.1.0", "1.0.0").expect("the entry is there");
        assert!(bumped.contains(" \"shop-errors 1.0.0\","), "{bumped}");
    }

    #[test]
    fn another_path_copy_and_line_endings_are_kept() {
        let two = LOCK.replace(
            "[[package]]\nname = \"serde\"",
            "[[package]]\nname = \"shop-errors\"\nversion = \"0.0.9\"\n\n[[package]]\nname = \"serde\"",
        );
        let bumped = with_version(&two, "shop-errors", "0.1.0", "0.2.0").unwrap();
        assert!(bumped.contains("\"shop-errors\"\nversion = \"0.0.9\"\n"), "the older copy stays: {bumped}");
        let crlf = two.replace('\n', "\r\n");
        assert_eq!(
            with_version(&crlf, "shop-errors", "0.1.0", "0.2.0").unwrap(),
            bumped.replace('\n', "\r\n")
        );
    }
}
