//! The workspace's `Cargo.lock` after a version bump: Cargo records each
//! path package's version there, so a bumped crate would leave a checkout
//! that fails `cargo metadata --locked`. The one line that changes is
//! edited in place, and written with the locks, all or nothing.
//!
//! What is stale is the lock's own entry, not the manifest's version: a
//! `Cargo.lock` in a folder above the crate (with a `Cargo.toml` beside
//! it) that lists a path package of the crate's name, but none at the
//! spec's version, is brought up to date on every run until it is, so a
//! run that could not do it is repaired by the next. Whether that lock is
//! the crate's is Cargo's answer, not a guess by file name:
//! `cargo locate-project --workspace` (which applies `members`, their
//! globs, `exclude`, `package.workspace` and the path dependencies that
//! become members). Cargo runs only for such a stale lock, so a
//! regeneration without a bump spawns nothing; when it cannot run, or
//! fails, the run stops and says so rather than leave the lock behind.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use errcat_model::output::OutputFile;

use super::{Error, with_path};

/// The `Cargo.lock` files of the workspaces that have one of `crates`
/// (name, version, generated under `out/<name>`) as a member and list it
/// at another version, with that version brought up to date. Each keeps
/// its line endings (`\r\n` too, unlike the generated files).
pub(crate) fn updated_cargo_locks(out: &Path, crates: &[(&str, &str)]) -> Result<Vec<OutputFile>, Error> {
    // Each lock as read, and as edited so far.
    let mut updated: Vec<(String, OutputFile)> = Vec::new();
    for &(name, version) in crates {
        let manifest = std::path::absolute(out.join(name).join("Cargo.toml")).map_err(Error::Io)?;
        // A crate not written yet is in no workspace Cargo has locked.
        if !manifest.is_file() {
            continue;
        }
        let on_disk = manifest_version(&manifest).map_err(Error::Io)?;
        // Cargo's answer for this crate, asked at most once.
        let mut workspace: Option<Option<PathBuf>> = None;
        for folder in manifest.ancestors().skip(1) {
            let path = folder.join("Cargo.lock");
            let index = match updated.iter().position(|(_, file)| file.path == path) {
                Some(index) => index,
                // Unreadable, or not text: not a lock Cargo wrote, nor one it can read.
                None => match fs::read(&path).ok().and_then(|bytes| String::from_utf8(bytes).ok()) {
                    Some(text) => {
                        updated.push((text.clone(), OutputFile { path: path.clone(), contents: text }));
                        updated.len() - 1
                    }
                    None => continue,
                },
            };
            let text = &updated[index].1.contents;
            let Some(old) = stale_version(text, name, version, on_disk.as_deref()) else { continue };
            // Without a manifest beside it, no workspace reads this lock.
            if !folder.join("Cargo.toml").is_file() {
                continue;
            }
            if workspace.is_none() {
                workspace = Some(workspace_root(&manifest, folder, &path, name)?);
            }
            let Some(Some(root)) = &workspace else { continue };
            // The same folder, however each path spells it (`..`, links).
            if fs::canonicalize(root).ok().is_none_or(|root| Some(root) != fs::canonicalize(folder).ok()) {
                continue;
            }
            if let Some(text) = with_version(text, name, &old, version) {
                updated[index].1.contents = text;
            }
        }
    }
    // Only the ones that changed: an untouched lock is not the generator's to report.
    Ok(updated.into_iter().filter(|(read, file)| *read != file.contents).map(|(_, file)| file).collect())
}

/// The version of the path package `name` in `lock` that is to become
/// `version`, or `None` when the lock is current (or has no such package).
/// Beside an older path copy of the crate, the entry is the one at the
/// version of the manifest on disk, the one Cargo locked.
fn stale_version(lock: &str, name: &str, version: &str, on_disk: Option<&str>) -> Option<String> {
    let versions = path_versions(lock, name);
    if versions.iter().any(|locked| locked == version) {
        return None;
    }
    match on_disk.filter(|on_disk| versions.iter().any(|locked| locked == on_disk)) {
        Some(on_disk) => Some(on_disk.to_owned()),
        None if versions.len() == 1 => versions.into_iter().next(),
        // Several copies and none the manifest's: which is the crate's is not known.
        None => None,
    }
}

/// The versions of the path packages (entries without a `source`) named
/// `name` in `lock`, whatever its line endings.
fn path_versions(lock: &str, name: &str) -> Vec<String> {
    let name_line = format!("name = \"{name}\"");
    let mut versions = Vec::new();
    for entry in lock.split("[[package]]").skip(1) {
        let mut lines = entry.lines().map(|line| line.trim_end_matches('\r'));
        let (mut named, mut sourced, mut found) = (false, false, None);
        for line in lines.by_ref().take_while(|line| !line.starts_with('[')) {
            named |= line == name_line;
            sourced |= line.starts_with("source = ");
            found = found.or_else(|| line.strip_prefix("version = \"")?.strip_suffix('"'));
        }
        if let (true, false, Some(found)) = (named, sourced, found) {
            versions.push(found.to_owned());
        }
    }
    versions
}

/// The `version` of the package in the generated `manifest`, or `None`
/// when it is not one the generator wrote.
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

/// The root folder of the workspace whose member `manifest` is, or
/// `None` when it is in none Cargo can load while Cargo loads the one at
/// `folder` (the crate is then not that workspace's member). An error
/// when Cargo cannot be run, or fails for both, naming `lock`.
fn workspace_root(manifest: &Path, folder: &Path, lock: &Path, name: &str) -> Result<Option<PathBuf>, Error> {
    let failed =
        |problem: String| Error::CargoLock { lock: lock.to_owned(), problem, package: name.to_owned() };
    match locate_workspace(manifest) {
        Ok(root) => Ok(Some(root)),
        Err(Located::Failed(problem)) => match locate_workspace(&folder.join("Cargo.toml")) {
            Ok(_) => Ok(None),
            Err(_) => Err(failed(problem)),
        },
        Err(Located::NotRun(problem)) => Err(failed(problem)),
    }
}

/// Why Cargo gave no workspace: it could not be run, or it ran and failed.
enum Located {
    NotRun(String),
    Failed(String),
}

/// The folder of the workspace root of `manifest`, by
/// `cargo locate-project --workspace`.
fn locate_workspace(manifest: &Path) -> Result<PathBuf, Located> {
    // The `cargo` running this build when there is one, so no toolchain file is consulted.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let args = ["locate-project", "--workspace", "--message-format", "plain", "--offline", "--manifest-path"];
    let shown = format!("`{} {} {}`", Path::new(&cargo).display(), args.join(" "), manifest.display());
    let output = Command::new(&cargo)
        .args(args)
        .arg(manifest)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Located::NotRun(format!("{shown} could not be run: {e}")))?;
    let stdout = String::from_utf8(output.stdout).unwrap_or_default();
    let root = Path::new(stdout.trim_end_matches(['\n', '\r'])).parent().map(Path::to_path_buf);
    match root {
        Some(root) if output.status.success() && root.is_absolute() => Ok(root),
        _ => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let first = stderr.lines().map(str::trim).find(|line| !line.is_empty()).unwrap_or("no message");
            Err(Located::Failed(format!("{shown} failed ({}): {first}", output.status)))
        }
    }
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
