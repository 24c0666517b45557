//! Translation files: `NAME.TAG.yaml` beside the spec `NAME.yaml`, one per
//! locale but the default, each a flat mapping from a code to its texts
//! (`1001: {description: "…", message: "…"}`, and optionally `name`,
//! `explanation`, `causes` and `solutions`). They are found here, read
//! with the same guards as a spec, and checked against the catalogue.
//!
//! One file per locale keeps each translator in a file of their own (no
//! merge conflicts between languages, nor with the spec), and a flat
//! mapping of codes is a format translation tools import and export as it
//! is: a translator never reads the spec.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use errcat_model::Catalogue;
use errcat_model::diagnostic::{Diagnostic, Diagnostics};
use errcat_model::locales::{Entry, EntryList, EntryText, check_translations};
use errcat_model::source::{SourceFile, SpecPath};

use super::files::{self, ReadError};
use super::tree::{self, Kind, Node};
use super::{hostile, locate, place, shape};

/// The translation files of the spec at `spec`, by the middle of their
/// names (`de` of `knox.de.yaml` for `knox.yaml`), sorted: among `listed`
/// when its folder was listed already (each folder is listed once), else
/// from a listing of its folder.
fn siblings(spec: &Path, listed: Option<&[PathBuf]>) -> Result<BTreeMap<String, PathBuf>, Diagnostics> {
    let dir = match spec.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let Some(stem) = spec.file_stem().and_then(|stem| stem.to_str()) else { return Ok(BTreeMap::new()) };
    let prefix = format!("{stem}.");
    let middle_of = |name: &str| -> Option<String> {
        let middle = name.strip_prefix(&prefix)?.strip_suffix(".yaml")?;
        (!middle.is_empty() && !middle.contains('.')).then(|| middle.to_owned())
    };
    if let Some(listed) = listed {
        let beside = listed.iter().filter(|path| path.parent() == spec.parent());
        let named = beside.filter_map(|path| Some((middle_of(path.file_name()?.to_str()?)?, path.clone())));
        return Ok(named.collect());
    }
    let entries = fs::read_dir(dir).map_err(|e| {
        Diagnostics::from(Diagnostic::new(
            spec,
            format!("cannot list the spec's folder for translation files: {e}"),
        ))
    })?;
    let mut found = BTreeMap::new();
    for entry in entries {
        let entry =
            entry.map_err(|e| Diagnostic::new(spec, format!("cannot list the spec's folder: {e}")))?;
        if let Some(middle) = entry.file_name().to_str().and_then(middle_of) {
            found.insert(middle, entry.path());
        }
    }
    Ok(found)
}

/// Whether `path` is a translation file (`NAME.TAG.yaml`) of a spec `NAME.yaml`
/// among `specs`.
pub(super) fn is_translation_file(path: &Path, specs: &[PathBuf]) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let Some(rest) = name.strip_suffix(".yaml") else { return false };
    let Some((stem, middle)) = rest.rsplit_once('.') else { return false };
    !stem.is_empty() && !middle.is_empty() && specs.contains(&path.with_file_name(format!("{stem}.yaml")))
}

/// The spec beside `path` that it would translate (`knox.yaml` for
/// `knox.de.yaml`), when there is one.
pub(super) fn spec_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let (stem, middle) = name.strip_suffix(".yaml")?.rsplit_once('.')?;
    let spec = path.with_file_name(format!("{stem}.yaml"));
    (!stem.is_empty() && !middle.is_empty() && fs::metadata(&spec).is_ok_and(|meta| meta.is_file()))
        .then_some(spec)
}

/// Reads and checks the translation file of every locale the catalogue
/// declares, and refuses a translation file of a locale it does not.
pub(super) fn attach(
    spec: &Path,
    catalogue: Catalogue,
    listed: Option<&[PathBuf]>,
) -> Result<Catalogue, Diagnostics> {
    let found = siblings(spec, listed)?.into_iter().map(|(tag, path)| (tag, (path, None))).collect();
    attach_found(spec, catalogue, found)
}

/// As [`attach`], of translation files whose texts were read elsewhere (a
/// spec at an older revision): each by the middle of its file name (`de`
/// of `knox.de.yaml`), named beside `spec` in diagnostics.
pub(super) fn attach_texts(
    spec: &Path,
    catalogue: Catalogue,
    translations: &[(&str, &[u8])],
) -> Result<Catalogue, Diagnostics> {
    let stem = spec.file_stem().unwrap_or_default().to_string_lossy();
    let found = translations
        .iter()
        .map(|&(tag, text)| (tag.to_owned(), (spec.with_file_name(format!("{stem}.{tag}.yaml")), Some(text))))
        .collect();
    attach_found(spec, catalogue, found)
}

/// A translation file by the middle of its name: its path, and its bytes
/// when they were read elsewhere (else it is read from the path).
type Found<'t> = BTreeMap<String, (PathBuf, Option<&'t [u8]>)>;

fn attach_found(spec: &Path, mut catalogue: Catalogue, found: Found<'_>) -> Result<Catalogue, Diagnostics> {
    let mut problems = Vec::new();
    let mut sources: Vec<Arc<SourceFile>> = Vec::new();
    let declared: Vec<String> = catalogue.other_locales().iter().map(|locale| locale.tag.clone()).collect();
    for (middle, (path, _)) in &found {
        if !declared.contains(middle) {
            let (at, help) = match &catalogue.locales {
                Some(_) => (
                    SpecPath::root().field("locales").field("others"),
                    format!("add `{middle}` to `others`, or rename or remove the file"),
                ),
                None => (
                    SpecPath::root(),
                    format!(
                        "declare the locales (`locales: {{default: en, others: [{middle}]}}`), or rename or remove the file"
                    ),
                ),
            };
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            problems.push(
                Diagnostic::new(
                    spec,
                    format!(
                        "`{name}` beside the spec translates it into `{middle}`, a locale it does not declare"
                    ),
                )
                .spec_path(at)
                .help(help),
            );
        }
    }
    let mut others = catalogue.locales.as_ref().map(|l| l.others.clone()).unwrap_or_default();
    for locale in &mut others {
        let Some((path, text)) = found.get(&locale.tag) else {
            if locale.partial {
                locale.texts = Some(BTreeMap::new());
            } else {
                let expected =
                    format!("{}.{}.yaml", spec.file_stem().unwrap_or_default().to_string_lossy(), locale.tag);
                problems.push(
                    Diagnostic::new(
                        spec,
                        format!("locale `{}` has no translation file `{expected}`", locale.tag),
                    )
                    .spec_path(locale.at.clone())
                    .help(format!(
                        "add `{expected}` beside the spec, or declare the locale partial (`partial: [{}]`)",
                        locale.tag
                    )),
                );
            }
            continue;
        };
        match read(path, *text) {
            Ok((file, entries, shape_problems)) => {
                let (texts, found) = check_translations(&catalogue, locale, path, &entries);
                problems.extend(shape_problems);
                problems.extend(found);
                locale.texts = Some(texts);
                locale.file = Some(Arc::clone(&file));
                sources.push(file);
            }
            Err(found) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        sources.extend(catalogue.spec_file.clone());
        let sources: Vec<&SourceFile> = sources.iter().map(Arc::as_ref).collect();
        return Err(place::finish(problems, &sources));
    }
    if let Some(locales) = &mut catalogue.locales {
        locales.others = others;
    }
    Ok(catalogue)
}

/// A translation file, its entries, and the shape problems of what could not be read.
type Read = (Arc<SourceFile>, Vec<Entry>, Vec<Diagnostic>);

/// A translation file's text and entries, or why it cannot be read: its
/// `text` when given, else the file at `path`.
fn read(path: &Path, text: Option<&[u8]>) -> Result<Read, Vec<Diagnostic>> {
    let whole = |message: String, help: &str| vec![Diagnostic::new(path, message).help(help)];
    let mut bytes = match text {
        Some(text) if text.len() as u64 > files::MAX_FILE_BYTES => {
            return Err(whole(
                format!("the translation file is larger than {} MiB", files::MAX_FILE_BYTES >> 20),
                "split the catalogue, or shorten its texts",
            ));
        }
        Some(text) => text.to_vec(),
        None => files::read_file(path, "translation file").map_err(|e| match e {
            ReadError::Io(e) => {
                whole(format!("cannot read the translation file: {e}"), "check its permissions")
            }
            ReadError::Refused(problem) => vec![*problem],
        })?,
    };
    if bytes.starts_with(super::BOM.as_bytes()) {
        bytes.drain(..super::BOM.len());
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| whole("the translation file is not valid UTF-8".to_owned(), "save the file as UTF-8"))?;
    if let Some(mut found) = shape::control_character(path, &text) {
        found.message = found.message.replacen("the spec", "the translation file", 1);
        return Err(vec![found]);
    }
    let scan = hostile::scan(&text);
    if let Some(spot) = scan.deep.or(scan.expanded) {
        let line =
            locate::lines(&text).get(spot.line.saturating_sub(1)).copied().unwrap_or_default().to_owned();
        return Err(vec![
            Diagnostic::new(path, "the translation file nests too deep, or its aliases repeat too much")
                .at(spot.line, spot.column)
                .snippet(line, spot.width)
                .help("a translation file is a mapping of codes, each to a mapping of texts: write the texts out"),
        ]);
    }
    let file = Arc::new(SourceFile { path: path.to_path_buf(), text });
    let (entries, problems) = entries(path, &file.text)?;
    Ok((file, entries, problems))
}

/// The entries of a translation file's text, and the shape problems of
/// what could not be read; or the one problem that stops the whole file.
fn entries(path: &Path, text: &str) -> Result<(Vec<Entry>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let blank = text.lines().all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'));
    if blank {
        return Ok((Vec::new(), Vec::new()));
    }
    let Some((root, _)) = tree::tree(text) else {
        let error = serde_yaml::from_str::<serde_yaml::Value>(text).err();
        let mut problem = Diagnostic::new(
            path,
            format!(
                "the translation file is not YAML{}",
                error.as_ref().map(|e| format!(": {e}")).unwrap_or_default()
            ),
        )
        .help("check the quoting around the line shown");
        if let Some(at) = error.as_ref().and_then(serde_yaml::Error::location) {
            let (line, column) = locate::position(text, at.index());
            problem = problem.at(line, column);
        }
        return Err(vec![problem]);
    };
    let lines = locate::lines(text);
    let at_node = |node: &Node, message: String, help: &str| {
        let spot = node.spot(&lines);
        let line = lines.get(spot.line.saturating_sub(1)).copied().unwrap_or_default();
        Diagnostic::new(path, message).at(spot.line, spot.column).snippet(line, spot.width).help(help)
    };
    let Kind::Mapping(codes) = &*root.kind else {
        return Err(vec![at_node(&root, "a translation file is a mapping of codes".to_owned(), SHAPE)]);
    };
    let mut problems = Vec::new();
    let mut out = Vec::with_capacity(codes.len());
    for (key, value) in codes {
        let Some(code) = key.text() else {
            problems.push(at_node(key, "a code is a number or text, not a collection".to_owned(), SHAPE));
            continue;
        };
        let Kind::Mapping(fields) = &*value.kind else {
            problems.push(at_node(value, format!("the texts of code {code} are not a mapping"), SHAPE));
            continue;
        };
        let mut entry = Entry {
            code: code.to_owned(),
            description: None,
            message: None,
            name: None,
            explanation: None,
            causes: None,
            solutions: None,
        };
        for (field, value) in fields {
            let name = field.text().unwrap_or_default();
            let at = SpecPath::root().field(code).field(name);
            let given = match name {
                "description" | "message" | "name" | "explanation" => {
                    let Some(text) = value.text() else {
                        problems.push(at_node(value, format!("`{name}` of code {code} is not text"), SHAPE));
                        continue;
                    };
                    let text = Some(EntryText { text: text.to_owned(), at });
                    let slot = match name {
                        "description" => &mut entry.description,
                        "message" => &mut entry.message,
                        "name" => &mut entry.name,
                        _ => &mut entry.explanation,
                    };
                    fill(slot, text)
                }
                "causes" | "solutions" => {
                    let Some(list) = list(value, &at) else {
                        problems.push(at_node(
                            value,
                            format!("`{name}` of code {code} is not a list of texts"),
                            SHAPE,
                        ));
                        continue;
                    };
                    let slot = if name == "causes" { &mut entry.causes } else { &mut entry.solutions };
                    fill(slot, Some(list))
                }
                _ => {
                    problems.push(at_node(field, format!("unknown field `{name}` of code {code}"), SHAPE));
                    continue;
                }
            };
            if !given {
                problems.push(at_node(field, format!("`{name}` of code {code} is given twice"), "keep one"));
            }
        }
        out.push(entry);
    }
    Ok((out, problems))
}

/// Puts `value` in an empty `slot`, and says whether it was empty.
fn fill<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let empty = slot.is_none();
    if empty {
        *slot = value;
    }
    empty
}

/// A list of texts at `at` (causes or solutions), or `None` when `node` is
/// not a sequence of scalars.
fn list(node: &Node, at: &SpecPath) -> Option<EntryList> {
    let items = node.items()?;
    let items = items
        .iter()
        .enumerate()
        .map(|(i, item)| Some(EntryText { text: item.text()?.to_owned(), at: at.index(i) }));
    Some(EntryList { items: items.collect::<Option<_>>()?, at: at.clone() })
}

/// How a translation file is laid out.
const SHAPE: &str = "a translation file maps each code to its texts: `1001: {description: \"…\", message: \"…\"}`, \
     and optionally `name`, `explanation`, and `causes` and `solutions` as lists";
