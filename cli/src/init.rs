//! `init`: starts a repository's catalogue: a starter spec that names the
//! schema on its first line, the schema beside it, and the lock's merge
//! rule in `.gitattributes`.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::display;

/// `init`'s arguments.
pub(crate) struct Init {
    /// The folder the spec and schema go in (`spec/`).
    pub(crate) spec_dir: PathBuf,
    /// The repository's root, where `.gitattributes` is.
    pub(crate) root: PathBuf,
    /// The generated crate's name, and the spec's file name.
    pub(crate) krate: String,
}

/// The lines `init` adds to `.gitattributes`. A lock lists one code a
/// line: a union merge keeps both sides' additions, and `gen` names a
/// line both sides changed.
pub const GITATTRIBUTES: &str = "\
# Written by `gen` from spec/: review the spec, not these.
generated/** linguist-generated=true
# Locks list one code a line: keep both sides' additions when merging.
# A line both sides changed comes out twice, and `gen` then names it and
# asks which one matches the spec.
spec/*.lock merge=union
";

/// The rule in [`GITATTRIBUTES`] that a repository must have.
const MERGE_RULE: &str = "spec/*.lock merge=union";

/// A starter spec for the crate `{crate}`: an HTTP catalogue with a body,
/// two rows, and where to read on.
const STARTER: &str = "\
# yaml-language-server: $schema=catalogue.schema.json
# The error catalogue of {crate}: edit it, then run `{command}`.
# Every field is in errcat's README (\"The spec format\"); the schema
# beside this file completes and checks them in an editor.
title: {crate}
crate: {crate}
version: 0.1.0
body:
  code: code
  message: message
tables:
  - id: request
    title: Request errors
    summary: The request cannot be served as it was sent.
    errors:
      - code: 1001
        name: INVALID_REQUEST
        description: The request is malformed; the message says where.
        http_status: 400
      - code: 1002
        name: NOT_FOUND
        description: The resource does not exist.
        http_status: 404
";

/// Whether `name` can name the crate: what the spec's `crate` accepts, a
/// lowercase letter then lowercase letters, digits, `-` and `_`.
fn valid_crate(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub(crate) fn check_crate(name: &str) -> Result<(), String> {
    if !valid_crate(name) {
        return Err(format!(
            "`{name}` cannot name a crate: give a lowercase letter, then lowercase letters, digits, `-` or `_`"
        ));
    }
    // Judged as `gen` judges the spec it goes in (a Rust crate's or keyword's name, its length).
    let spec = format!("spec/{name}.yaml");
    let starter = STARTER.replace("{crate}", name).replace("{command}", "errcat gen");
    match errcat::load(errcat::SpecInput::text(Path::new(&spec), &spec, &starter)) {
        Ok(_) => Ok(()),
        Err(found) => {
            let why: Vec<&str> = found.iter().map(|problem| problem.message.as_str()).collect();
            Err(format!(
                "`{name}` cannot name the catalogue's crate: {}; pick another `--crate`",
                why.join("; ")
            ))
        }
    }
}

/// Writes the starter spec and the schema, refusing to overwrite either,
/// and adds the merge rule to `.gitattributes` unless it has it.
pub(crate) fn run(args: &Init, name: &str) -> ExitCode {
    let command = format!("{name} gen");
    let spec = args.spec_dir.join(format!("{}.yaml", args.krate));
    let schema = args.spec_dir.join("catalogue.schema.json");
    let taken: Vec<&PathBuf> = [&spec, &schema].into_iter().filter(|path| path.exists()).collect();
    if !taken.is_empty() {
        let names: Vec<String> = taken.iter().map(|path| display(path)).collect();
        eprintln!(
            "error: refusing to overwrite {}: `init` starts a catalogue; nothing was written\n  \
             = help: to refresh the schema after an upgrade, run `{name} schema > {}`",
            names.join(" and "),
            display(&schema)
        );
        return ExitCode::from(2);
    }
    let starter = STARTER.replace("{crate}", &args.krate).replace("{command}", &command);
    let attributes = args.root.join(".gitattributes");
    let written = fs::create_dir_all(&args.spec_dir)
        .and_then(|()| write_new(&spec, &starter))
        .and_then(|()| write_new(&schema, errcat::schema::JSON_SCHEMA))
        .and_then(|()| add_merge_rule(&attributes));
    match written {
        Ok(attributes_changed) => {
            println!("written    {}", display(&spec));
            println!("written    {}", display(&schema));
            let what = if attributes_changed { "written   " } else { "unchanged " };
            println!("{what} {}", display(&attributes));
            println!("next: edit {}, then run `{command}`", display(&spec));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| at(e, path))?;
    file.write_all(contents.as_bytes()).map_err(|e| at(e, path))
}

/// Adds [`GITATTRIBUTES`] to the file unless it has the merge rule; says
/// whether it changed.
fn add_merge_rule(path: &Path) -> std::io::Result<bool> {
    let existing = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(at(e, path)),
    };
    if existing.lines().any(|line| line.trim() == MERGE_RULE) {
        return Ok(false);
    }
    let separator = if existing.is_empty() || existing.ends_with('\n') { "" } else { "\n" };
    fs::write(path, format!("{existing}{separator}{GITATTRIBUTES}")).map_err(|e| at(e, path))?;
    Ok(true)
}

fn at(error: std::io::Error, path: &Path) -> std::io::Error {
    std::io::Error::new(error.kind(), format!("{}: {error}", display(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crate_names_are_checked_as_the_spec_checks_them() {
        for name in ["my-errors", "a", "shop_errors2"] {
            assert!(valid_crate(name), "{name}");
        }
        for name in ["", "My-errors", "1errors", "my errors", "-x"] {
            assert!(!valid_crate(name), "{name}");
        }
        // Well formed, but refused by `gen`: the starter spec would not generate.
        for name in ["core", "self", "serde"] {
            let error = check_crate(name).unwrap_err();
            assert!(
                error.starts_with(&format!("`{name}` cannot name the catalogue's crate: `crate: {name}`")),
                "{error}"
            );
        }
        check_crate("my-errors").expect("the default");
    }
}
