//! `diff [REV]`: the catalogue changes since a git revision.
//!
//! Git is run here, in the binary; the comparison itself is
//! `errcat::diff::diff`, which works on two loaded catalogues and
//! classes each change as `gen`'s lock does.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use errcat::diff::CatalogueDiff;

use crate::{display, path_value, set_once, shorten_paths};

/// How to print the report.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// `diff`'s arguments.
pub struct Diff {
    rev: String,
    spec: PathBuf,
    format: Format,
}

pub fn parse_args(parser: &mut lexopt::Parser, default_spec: PathBuf) -> Result<Option<Diff>, String> {
    use lexopt::prelude::*;

    let (mut rev, mut spec, mut format) = (None, None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("spec") => set_once(&mut spec, "--spec", path_value(parser, "--spec")?)?,
            Long("format") => {
                let value = match parser.value().map_err(|e| e.to_string())?.to_string_lossy().as_ref() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format `{other}`: use `text` or `json`")),
                };
                set_once(&mut format, "--format", value)?;
            }
            Short('h') | Long("help") => return Ok(None),
            Value(value) if rev.is_none() => rev = Some(value.to_string_lossy().into_owned()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(Some(Diff {
        rev: rev.unwrap_or_else(|| "HEAD".to_owned()),
        spec: spec.unwrap_or(default_spec),
        format: format.unwrap_or(Format::Text),
    }))
}

/// What the comparison found, for every catalogue on either side.
struct Report {
    changed: Vec<CatalogueDiff>,
    added: Vec<String>,
    removed: Vec<String>,
}

impl Report {
    fn is_breaking(&self) -> bool {
        !self.removed.is_empty() || self.changed.iter().any(CatalogueDiff::is_breaking)
    }

    fn is_refused(&self) -> bool {
        self.changed.iter().any(CatalogueDiff::is_refused)
    }
}

pub fn run(args: &Diff) -> ExitCode {
    match compare(args) {
        Ok(report) => {
            match args.format {
                Format::Text => print_text(args, &report),
                Format::Json => print_json(args, &report),
            }
            // Both need a person: a refused change cannot land, a breaking one needs review.
            if report.is_breaking() || report.is_refused() { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(message) => {
            eprintln!("{}", shorten_paths(&message));
            ExitCode::from(2)
        }
    }
}

fn compare(args: &Diff) -> Result<Report, String> {
    let current = errcat::load(errcat::SpecInput::Path(&args.spec)).map_err(|e| e.to_string())?;
    let spec_dir = if args.spec.is_dir() {
        args.spec.clone()
    } else {
        args.spec.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf()
    };
    let rev = &args.rev;
    git(&spec_dir, ["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")]).map_err(|_| {
        format!(
            "error: `{rev}` is not a commit of the git repository holding {}\n  \
             = help: name a commit, branch or tag (`git log --oneline` lists them)",
            display(&spec_dir)
        )
    })?;

    let mut report = Report { changed: Vec::new(), added: Vec::new(), removed: Vec::new() };
    for catalogue in &current {
        let path = catalogue.path();
        let dir = path.parent().unwrap_or(Path::new("."));
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let Some(bytes) = spec_at(dir, rev, &name)? else {
            report.added.push(catalogue.spec_name().to_owned());
            continue;
        };
        let old_path = PathBuf::from(format!("{rev}:{}", catalogue.spec_name()));
        let translations = translations_at(dir, rev, &name)?;
        let translations: Vec<(&str, &[u8])> =
            translations.iter().map(|(tag, text)| (tag.as_str(), text.as_slice())).collect();
        let old_spec = errcat::SpecInput::Texts {
            path: &old_path,
            name: catalogue.spec_name(),
            text: &bytes,
            translations: &translations,
        };
        let old = errcat::load(old_spec).map(|mut old| old.remove(0)).map_err(|e| {
            format!("{e}\n\nerror: the spec at `{rev}` does not load; compare with a later revision")
        })?;
        report.changed.push(errcat::diff::diff(&old, catalogue));
    }
    if args.spec.is_dir() {
        // `-z`: names as they are, where a plain listing quotes any that is not ASCII.
        let listed = git(&spec_dir, ["ls-tree", "-r", "-z", "--name-only", rev.as_str(), "--", "."])?;
        let dir_name = current.first().map(|c| c.spec_name().split('/').next().unwrap_or("spec").to_owned());
        let files = listed.split(|&byte| byte == 0).map(String::from_utf8_lossy);
        let files: Vec<_> = files.filter(|f| f.ends_with(".yaml")).collect();
        for file in &files {
            // A translation file beside a spec is no catalogue of its own.
            let translates =
                |spec: &str| middle_of(file, spec.strip_suffix(".yaml").unwrap_or(spec)).is_some();
            if files.iter().any(|spec| translates(spec)) {
                continue;
            }
            if !spec_dir.join(file.as_ref()).exists() {
                let prefix = dir_name.clone().unwrap_or_else(|| "spec".to_owned());
                report.removed.push(format!("{prefix}/{file}"));
            }
        }
    }
    Ok(report)
}

/// The translation files beside the spec `name` in `dir` at `rev`
/// (`knox.de.yaml` beside `knox.yaml`), each by the middle of its name,
/// with its bytes: the older catalogue is read with its texts in every
/// locale, as `gen` reads the current one.
fn translations_at(dir: &Path, rev: &str, name: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let stem = name.strip_suffix(".yaml").unwrap_or(name);
    // Without `--full-tree`, the entries of the folder git runs in.
    let listed = git(dir, ["ls-tree", "-z", "--name-only", rev])?;
    let mut found = Vec::new();
    for file in listed.split(|&byte| byte == 0).map(String::from_utf8_lossy) {
        if let Some(tag) = middle_of(&file, stem)
            && let Some(bytes) = spec_at(dir, rev, &file)?
        {
            found.push((tag.to_owned(), bytes));
        }
    }
    Ok(found)
}

/// The middle of a translation file's name (`de` of `knox.de.yaml` for the
/// stem `knox`), as `gen` finds them: one part, not empty.
fn middle_of<'f>(file: &'f str, stem: &str) -> Option<&'f str> {
    let middle = file.strip_prefix(stem)?.strip_prefix('.')?.strip_suffix(".yaml")?;
    (!middle.is_empty() && !middle.contains(['.', '/'])).then_some(middle)
}

/// Symbolic links followed at most, as Linux's limit: a loop is an error, not a hang.
const MAX_LINKS: usize = 40;

/// The bytes of the spec file `name` in `dir` at `rev`, or `None` when
/// `rev` has no such file. A symbolic link is followed inside the
/// revision's tree, as `gen` follows it on disk.
fn spec_at(dir: &Path, rev: &str, name: &str) -> Result<Option<Vec<u8>>, String> {
    let prefix = git(dir, ["rev-parse", "--show-prefix"])?;
    let first = format!("{}{name}", String::from_utf8_lossy(&prefix).trim_end_matches('\n'));
    let mut path = first.clone();
    for hop in 0..=MAX_LINKS {
        // `<mode> <type> <object>\t<path>\0`, or nothing.
        let entry = git(dir, ["ls-tree", "-z", "--full-tree", rev, "--", &path])?;
        let entry = String::from_utf8_lossy(&entry);
        let Some((mode, object)) = entry.split_once('\t').and_then(|(meta, _)| {
            let mut fields = meta.split(' ');
            Some((fields.next()?, fields.nth(1)?))
        }) else {
            if hop == 0 {
                return Ok(None);
            }
            return Err(format!(
                "error: {first} at `{rev}` is a symbolic link to {path}, which `{rev}` does not have"
            ));
        };
        let bytes = git(dir, ["cat-file", "blob", object])?;
        if mode != "120000" {
            return Ok(Some(bytes));
        }
        let target = String::from_utf8_lossy(&bytes);
        path = within_tree(&path, &target).ok_or_else(|| {
            format!(
                "error: {first} at `{rev}` is a symbolic link out of the repository ({target})\n  \
                 = help: `diff` reads a spec at a revision from git: commit the spec, or a link inside the repository"
            )
        })?;
    }
    Err(format!("error: {first} at `{rev}`: more than {MAX_LINKS} symbolic links in a row (a loop?)"))
}

/// The path, from the repository's root, that the link at `link` (from
/// the root) names with `target`; `None` when that leaves the tree.
fn within_tree(link: &str, target: &str) -> Option<String> {
    if target.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = link.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Runs git in `dir`, returning its standard output.
fn git<I, S>(dir: &Path, args: I) -> Result<Vec<u8>, String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| {
        format!("error: cannot run git: {e}\n  = help: `diff` reads old specs with git; install it")
    })?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(format!("error: git failed in {}: {}", display(dir), stderr.trim()))
    }
}

fn print_text(args: &Diff, report: &Report) {
    for diff in &report.changed {
        println!("{diff}\n");
    }
    for source in &report.added {
        println!("{source}: new catalogue since {}\n  ok       minor  every code is new\n", args.rev);
    }
    for source in &report.removed {
        println!(
            "{source}: gone since {}\n  breaking major  the catalogue and its crate are removed\n",
            args.rev
        );
    }
    let count = |keep: fn(&errcat::diff::Change) -> bool| -> usize {
        report.changed.iter().map(|d| d.changes.iter().filter(|c| keep(c)).count()).sum()
    };
    let refused = count(|c| c.is_refused());
    let breaking = count(|c| c.is_breaking() && !c.is_refused()) + report.removed.len();
    let plural = |n: usize, what: &str| format!("{n} {what} change{}", if n == 1 { "" } else { "s" });
    match (refused, breaking) {
        (0, 0) => println!("no breaking changes since {}", args.rev),
        (0, _) => println!("{} since {}", plural(breaking, "breaking"), args.rev),
        (_, 0) => println!("{} since {}", plural(refused, "refused"), args.rev),
        (_, _) => {
            println!("{} and {} since {}", plural(refused, "refused"), plural(breaking, "breaking"), args.rev)
        }
    }
}

fn print_json(args: &Diff, report: &Report) {
    let json = serde_json::json!({
        "rev": args.rev,
        "breaking": report.is_breaking(),
        "refused": report.is_refused(),
        "catalogues": report.changed,
        "added_catalogues": report.added,
        "removed_catalogues": report.removed,
    });
    // Serialising plain data to a string cannot fail.
    println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
}
