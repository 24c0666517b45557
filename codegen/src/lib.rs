//! Turns a YAML error catalogue into a Rust crate, OpenAPI documents and a
//! Markdown reference, so code and docs can never disagree.
//!
//! The pipeline runs one way:
//!
//! ```text
//! spec/*.yaml ──load──▶ spec::SpecFile ──validate──▶ model::Catalogue
//!             ──lock::update──▶ spec/*.lock (every code ever published)
//!             ──emit──▶ OutputFile contents ──write_or_check──▶ generated/
//! ```
//!
//! [`generate`] runs all of it; each step is public for tests and tools.

pub mod diagnostic;
pub mod diff;
pub mod locate;
pub mod lock;
pub mod markdown;
pub mod model;
pub mod openapi;
pub mod phf;
pub mod rust;
#[cfg(feature = "schema")]
pub mod schema;
pub mod spec;
pub mod synth;
pub mod text;
pub mod write;
pub mod yaml;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Diagnostics, SourceLine};
pub use model::Catalogue;
pub use write::{FileReport, Mode, Outcome, OutputFile};

/// Why a run of the generator failed.
#[derive(Debug)]
pub enum Error {
    /// The spec has problems; nothing was written.
    Spec(Diagnostics),
    /// Reading or writing a file failed.
    Io(io::Error),
    /// Files the generator would write exist without its header: they are
    /// someone's own, so nothing was written.
    NotOwned(Vec<PathBuf>),
}

impl Error {
    /// The message as the command line prints it; ANSI colours when
    /// `color` is set (the caller decides: a terminal, no `NO_COLOR`).
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Spec(diagnostics) => diagnostics.render(color),
            Error::Io(error) => diagnostic::render_error(&error.to_string(), None, color),
            Error::NotOwned(paths) => {
                let list: Vec<String> = paths.iter().map(|p| format!("  {}", p.display())).collect();
                let s = if paths.len() == 1 { "" } else { "s" };
                diagnostic::render_error(
                    &format!(
                        "refusing to overwrite {} file{s} that `cargo xtask gen` did not write:\n{}",
                        paths.len(),
                        list.join("\n")
                    ),
                    Some(&format!(
                        "move the file{s} out of the way, or pass `--out` a directory of generated files only; \
                         generated files start with a `{}` line",
                        write::GENERATED_MARKER
                    )),
                    color,
                )
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Error {}

impl From<Diagnostics> for Error {
    fn from(diagnostics: Diagnostics) -> Self {
        Error::Spec(diagnostics)
    }
}

/// Loads, validates, checks the locks, renders and writes (or checks) in
/// one call.
///
/// `spec` is a spec file or a directory searched for `*.yaml` files; each
/// spec's lock sits next to it (see [`lock`]). Every artifact and lock is
/// rendered in memory before anything is touched, and a spec its lock
/// refuses writes nothing.
pub fn generate(spec: &Path, out: &Path, mode: Mode) -> Result<Vec<FileReport>, Error> {
    let loaded = load_paths(spec)?;
    let mut locks = Vec::with_capacity(loaded.len());
    let mut problems = Vec::new();
    for (path, catalogue) in &loaded {
        match lock_file(path, catalogue) {
            Ok(lock) => locks.push(lock),
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Spec(finish(problems)));
    }
    let catalogues: Vec<Catalogue> = loaded.into_iter().map(|(_, catalogue)| catalogue).collect();
    let files = render(&catalogues);
    let mut reports = write::write_or_check(out, &files, mode)?;
    for lock in &locks {
        reports.push(write::write_or_check_file(&lock.path, &lock.contents, mode).map_err(Error::Io)?);
    }
    Ok(reports)
}

/// Checks `catalogue`, loaded from the spec file `spec`, against the lock
/// next to it, and renders the updated lock (its path and contents).
pub fn lock_file(spec: &Path, catalogue: &Catalogue) -> Result<OutputFile, Diagnostics> {
    let path = lock::lock_path(spec);
    let locked = match fs::read(&path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| {
                Diagnostic::new(&path, "the lock is not valid UTF-8")
                    .help("restore the lock from version control, then run `cargo xtask gen`")
            })?;
            Some(lock::parse(&path, &text)?)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(Diagnostic::new(&path, format!("cannot read the lock: {e}")).into()),
    };
    let updated = lock::update(spec, &path, catalogue, locked.as_ref())?;
    Ok(OutputFile { contents: lock::render(catalogue, &updated), path })
}

/// Reads and validates every spec file under `spec`, reporting the problems
/// of all files at once, sorted by file and line.
pub fn load(spec: &Path) -> Result<Vec<Catalogue>, Diagnostics> {
    Ok(load_paths(spec)?.into_iter().map(|(_, catalogue)| catalogue).collect())
}

/// [`load`], keeping the path each catalogue was read from.
pub fn load_paths(spec: &Path) -> Result<Vec<(PathBuf, Catalogue)>, Diagnostics> {
    let files = spec_files(spec)?;
    let mut catalogues = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    let mut crates: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (path, source) in files {
        match load_file(&path, source) {
            Ok(catalogue) => {
                if let Some(first) = crates.insert(catalogue.crate_name.clone(), path.clone()) {
                    problems.push(
                        Diagnostic::new(
                            &path,
                            format!(
                                "crate `{}` is already generated from {}",
                                catalogue.crate_name,
                                first.display()
                            ),
                        )
                        .yaml_path("crate")
                        .help("give each spec file its own `crate` name"),
                    );
                }
                catalogues.push((path, catalogue));
            }
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    if problems.is_empty() { Ok(catalogues) } else { Err(finish(problems)) }
}

/// Places every problem that has no position yet by reading its file
/// (the spec or a lock) once, then sorts them by file and line.
fn finish(mut problems: Vec<Diagnostic>) -> Diagnostics {
    let files: std::collections::BTreeSet<PathBuf> = problems
        .iter()
        .filter(|p| p.snippet.is_none() && (p.position.is_some() || p.yaml_path.is_some()))
        .map(|p| p.file.clone())
        .collect();
    for file in files {
        // A file that cannot be read now keeps its problems as they are.
        let Ok(text) = fs::read_to_string(&file) else { continue };
        let mut mine: Vec<Diagnostic> = Vec::new();
        let mut others = Vec::with_capacity(problems.len());
        for problem in problems {
            if problem.file == file { mine.push(problem) } else { others.push(problem) }
        }
        place(&text, &mut mine);
        others.extend(mine);
        problems = others;
    }
    let mut problems = Diagnostics(problems);
    problems.sort();
    problems
}

/// Reads, parses and validates one spec file. `source` is the name that
/// generated headers give it.
pub fn load_file(path: &Path, source: String) -> Result<Catalogue, Diagnostics> {
    let bytes = fs::read(path).map_err(|e| {
        Diagnostics::from(Diagnostic::new(path, format!("cannot read the spec: {e}")).help("check the path"))
    })?;
    load_bytes(path, source, bytes)
}

/// Parses and validates spec file contents read from elsewhere (such as
/// an older revision in version control); `path` names them in diagnostics.
pub fn load_bytes(path: &Path, source: String, bytes: Vec<u8>) -> Result<Catalogue, Diagnostics> {
    let text = decode(path, bytes)?;
    check(path, &source, &text)
}

/// Parses and validates spec text: every problem comes back with its line,
/// the source line and a caret, sorted by position. Never panics, whatever
/// the text.
pub fn check(path: &Path, source: &str, text: &str) -> Result<Catalogue, Diagnostics> {
    let result = parse(path, text)
        .map_err(|found| found.0)
        .and_then(|spec| model::validate(path, source, &spec).map_err(|found| found.0));
    result.map_err(|mut found| {
        place(text, &mut found);
        let mut found = Diagnostics(found);
        found.sort();
        found
    })
}

/// The text of a spec file; a file that is not UTF-8 is a problem at the
/// first bad byte.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostics> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        // Up to `valid` the lossy text has the same bytes as the file.
        let (line, column) = locate::position(&text, valid);
        let line_text = locate::lines(&text).get(line - 1).copied().unwrap_or_default().to_owned();
        Diagnostic::new(path, "the spec is not valid UTF-8")
            .at(line, column)
            .snippet(line_text, 1)
            .help("save the file as UTF-8")
            .into()
    })
}

/// Gives every problem that has a YAML path but no position the position
/// of that path's value (or of its nearest existing parent), and every
/// positioned problem its source line.
pub fn place(text: &str, found: &mut [Diagnostic]) {
    let paths: Vec<&str> =
        found.iter().filter(|d| d.position.is_none()).filter_map(|d| d.yaml_path.as_deref()).collect();
    let spots = if paths.is_empty() { Default::default() } else { locate::locate(text, &paths) };
    let lines = locate::lines(text);
    for problem in found.iter_mut() {
        let mut width = None;
        if problem.position.is_none()
            && let Some(spot) = problem.yaml_path.as_deref().and_then(|p| spots.get(p))
        {
            problem.position = Some((spot.line, spot.column));
            width = Some(spot.width);
        }
        if problem.snippet.is_some() {
            continue;
        }
        if let Some((line, column)) = problem.position
            && let Some(&text) = line.checked_sub(1).and_then(|i| lines.get(i))
        {
            let width = width.unwrap_or_else(|| token_width(text, column));
            problem.snippet = Some(Box::new(SourceLine { text: text.to_owned(), width: width.max(1) }));
        }
    }
}

/// How many characters the YAML token at 1-based `column` spans: a quoted
/// scalar to its closing quote, a plain one to the next `: `, `,`, `]`,
/// `}` or ` #`.
fn token_width(line: &str, column: usize) -> usize {
    let chars: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    let Some(&first) = chars.first() else { return 1 };
    if first == '"' || first == '\'' {
        let mut escaped = false;
        for (i, &c) in chars.iter().enumerate().skip(1) {
            if c == first && !escaped {
                return i + 1;
            }
            escaped = first == '"' && c == '\\' && !escaped;
        }
        return chars.len();
    }
    let mut end = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let ends = matches!(c, ',' | ']' | '}')
            || (c == ':' && next.is_none_or(char::is_whitespace))
            || (c == '#' && i > 0 && chars[i - 1].is_whitespace());
        if ends {
            end = i;
            break;
        }
    }
    let token: String = chars[..end].iter().collect();
    token.trim_end().chars().count().max(1)
}

/// Parses spec text, turning YAML and type errors into diagnostics that
/// name the value's YAML path and, where the parser knows it, its line.
pub fn parse(path: &Path, text: &str) -> Result<spec::SpecFile, Diagnostics> {
    let has_content = text.lines().any(|line| {
        let line = line.trim();
        !(line.is_empty() || line.starts_with('#') || line == "---" || line == "...")
    });
    if !has_content {
        let first_line = text.lines().next().unwrap_or_default();
        return Err(Diagnostic::new(path, "the spec is empty").at(1, 1).snippet(first_line, 1).help(
            "a spec is a mapping with `title`, `crate`, `version` and `tables`; see the spec format in README.md",
        ).into());
    }
    if let Some(spot) = locate::too_deep(text) {
        return Err(Diagnostic::new(
            path,
            format!("the spec nests more than {} levels deep", locate::MAX_NESTING),
        )
        .at(spot.line, spot.column)
        .help("a spec nests a few levels (catalogue, tables, rows): check that this file is a spec")
        .into());
    }
    let deserializer = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let yaml_path = yaml_path(e.path());
        let error = e.into_inner();
        let message = error.to_string();
        // The location is reported separately: drop it from the text, and
        // the path that serde_yaml puts in front of it.
        let message = match message.rfind(" at line ") {
            Some(i) => &message[..i],
            None => &message,
        };
        let mut prefix = Some(yaml_path.as_str());
        let message = loop {
            match prefix {
                Some(p) if message.starts_with(&format!("{p}: ")) => break &message[p.len() + 2..],
                Some(p) => prefix = locate::parent(p),
                None => break message,
            }
        };
        let help = parse_help(message, &yaml_path);
        let message = message
            .replace("expected u32", "expected a whole number from 0 to 4294967295")
            .replace("expected u16", "expected a whole number from 0 to 65535")
            .replace("unit value", "null (an empty value)");
        let mut diagnostic = Diagnostic::new(path, message.as_str()).help(help);
        if let Some(field) = message.strip_prefix("duplicate field `").and_then(|rest| rest.split('`').next())
        {
            // The parser points at the mapping; the second key is the news,
            // and the path's last value is the second one's.
            return diagnostic
                .yaml_path(if yaml_path.is_empty() {
                    field.to_owned()
                } else {
                    format!("{yaml_path}.{field}")
                })
                .into();
        }
        if let Some(at) = error.location() {
            // From the byte index, so lines count the same everywhere
            // (libyaml also breaks lines at U+0085, U+2028 and U+2029).
            let (line, column) = locate::position(text, at.index());
            diagnostic = diagnostic.at(line, column);
        }
        diagnostic.yaml_path(yaml_path).into()
    })
}

/// A serde path as this crate writes YAML paths: `tables[1].errors[0].code`.
/// An unknown segment ends it: what came before is still a good place.
fn yaml_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => break,
        }
    }
    out
}

/// How to fix a parser error, from its message and where it happened.
fn parse_help(message: &str, yaml_path: &str) -> String {
    let field = yaml_path.rsplit(['.', ']']).next().unwrap_or_default();
    if let Some(rest) =
        message.strip_prefix("unknown field `").or_else(|| message.strip_prefix("unknown variant `"))
    {
        let (found, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let closest = candidates
            .iter()
            .map(|c| (strsim::damerau_levenshtein(found, c), *c))
            .filter(|(distance, c)| *distance <= (c.len() / 3).max(1))
            .min();
        let what = if message.starts_with("unknown field") { "field" } else { "value" };
        return match (closest, candidates.is_empty()) {
            (Some((_, c)), _) => format!("did you mean `{c}`?"),
            (None, true) => format!("remove this {what}"),
            (None, false) => format!("the {what}s allowed here are {}", list(&candidates)),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let example = match field {
            "code" => "code: 4032251",
            "name" => "name: ACCESS_TOKEN_EXPIRED",
            "description" => "description: Provided Access token has expired.",
            "id" => "id: auth",
            "errors" => "errors: [ … ]",
            "tables" => "tables: [ … ]",
            "crate" => "crate: my-api-errors",
            "version" => "version: 0.1.0",
            _ => "",
        };
        return if example.is_empty() {
            format!("add `{field}` to this mapping")
        } else {
            format!("add `{field}` to this mapping, e.g. `{example}`")
        };
    }
    if message.starts_with("duplicate field") {
        return "each field appears once per mapping: remove one of them".to_owned();
    }
    if message.contains("recursion limit exceeded") {
        return "the document nests far deeper than a spec does: check that this file is a spec".to_owned();
    }
    if message.contains("repetition limit exceeded") {
        return "aliases (`*name`) expand into too many values: write the values out".to_owned();
    }
    let is_type_error =
        ["invalid type", "invalid value", "invalid length"].iter().any(|p| message.starts_with(p));
    if !is_type_error {
        return "a YAML syntax error: check the indentation and quoting of this line and the lines above it"
            .to_owned();
    }
    match field {
        _ if message.ends_with("expected a string") => {
            "write text here; quote it if it starts with `[`, `{`, `*`, `&`, `!` or `-`, or contains `: ` or ` #`"
                .to_owned()
        }
        "code" => "a code is a whole number from 0 to 4294967295, written without quotes, e.g. `code: 4032251`"
            .to_owned(),
        "http_status" => "write the HTTP status as a number from 400 to 599, e.g. `http_status: 403`".to_owned(),
        _ => "check the field against the spec format in README.md (or the spec's JSON Schema)".to_owned(),
    }
}

/// `a`, `b` and `c`.
fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// Renders every artifact of every catalogue, in memory. Paths are named
/// after the crate, so several catalogues never collide:
/// `<crate>/…` (`Cargo.toml`, `src/lib.rs`, `src/reference.md`),
/// `openapi/<crate>.openapi.yaml` (3.1.0),
/// `openapi/<crate>.openapi-3.0.yaml` (3.0.3) and `docs/<crate>.md`.
pub fn render(catalogues: &[Catalogue]) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for catalogue in catalogues {
        // The emitters are pure and independent: on a large catalogue,
        // running the Rust one beside the others nearly halves the time.
        let (lib, (openapi, docs)) = std::thread::scope(|scope| {
            let lib = scope.spawn(|| rust::emit_lib(catalogue));
            let openapi = [openapi::Version::V3_1, openapi::Version::V3_0]
                .map(|version| (version, openapi::emit_openapi(catalogue, version)));
            let docs = markdown::emit_docs(catalogue);
            // A panic in the emitter is a bug; pass it on as it was.
            (lib.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), (openapi, docs))
        });
        let crate_dir = PathBuf::from(&catalogue.crate_name);
        files.push(OutputFile {
            path: crate_dir.join("Cargo.toml"),
            contents: rust::emit_manifest(catalogue),
        });
        files.push(OutputFile { path: crate_dir.join("README.md"), contents: rust::emit_readme(catalogue) });
        files.push(OutputFile { path: crate_dir.join("src/lib.rs"), contents: lib });
        // The crate's `reference` module shows the same page as docs/.
        files.push(OutputFile { path: crate_dir.join("src/reference.md"), contents: docs.clone() });
        for (version, contents) in openapi {
            files.push(OutputFile {
                path: Path::new("openapi").join(openapi::file_name(catalogue, version)),
                contents,
            });
        }
        files.push(OutputFile {
            path: Path::new("docs").join(format!("{}.md", catalogue.crate_name)),
            contents: docs,
        });
    }
    files
}

/// The spec files under `spec` with the names their headers give them:
/// the file itself, or every `*.yaml` below a directory, sorted.
fn spec_files(spec: &Path) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
    let meta = fs::metadata(spec).map_err(|e| {
        Diagnostic::new(spec, format!("cannot read the spec: {e}"))
            .help("pass `--spec` a spec file or a directory of `*.yaml` files")
    })?;
    if !meta.is_dir() {
        let name = spec.file_name().unwrap_or_default().to_string_lossy().into_owned();
        return Ok(vec![(spec.to_path_buf(), name)]);
    }
    // Name files after the directory as the user sees it (`spec/x.yaml`),
    // never after where it sits on this machine.
    let dir_name = fs::canonicalize(spec)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "spec".to_owned());
    let mut found = Vec::new();
    collect_yaml(spec, &mut found)
        .map_err(|e| Diagnostic::new(spec, format!("cannot list the spec directory: {e}")))?;
    found.sort();
    if found.is_empty() {
        return Err(Diagnostic::new(spec, "no `*.yaml` spec files in this directory")
            .help("add a spec file, or pass `--spec` the path of one")
            .into());
    }
    Ok(found
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(spec).unwrap_or(&path);
            let parts: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let name = format!("{dir_name}/{}", parts.join("/"));
            (path, name)
        })
        .collect())
}

fn collect_yaml(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_yaml(&path, found)?;
        } else if path.extension().is_some_and(|ext| ext == "yaml") {
            found.push(path);
        }
    }
    Ok(())
}
