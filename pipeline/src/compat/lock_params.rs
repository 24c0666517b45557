//! The lock's record of params and message templates: what data each
//! error carries and the text that shows it, so that none is dropped,
//! retyped or made optional without the lock seeing it.
//!
//! ```text
//! shared-param: request_id string optional
//! param: 42P01 table string required
//! message: 42P01 "Table '{$table}' doesn't exist"
//! ```
//!
//! A `shared-param:` line per param every error carries and a `param:`
//! line per param of a row (by its own code), each in spec order, with
//! its name, type and whether it is `required` or `optional`; a
//! `message:` line per row with a template, quoted as names are. A lock
//! of a catalogue with none of them says `params none`, so that a lock
//! from before params were locked (neither) is told apart and migrated:
//! its params are taken to be the catalogue's.

use std::collections::BTreeMap;
use std::path::Path;

use crate::compat::published::{CodeParams, PublishedParam, PublishedParams};
use crate::compat::quoted::{push_quoted, unquote};
use errcat_model::diagnostic::Diagnostic;
use errcat_model::params::{ParamType, is_param_name};
use errcat_model::{Code, CodeKind};

/// The params and templates a lock records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockedParams {
    /// The params every error carries, in spec order.
    pub shared: Vec<LockedParam>,
    /// Each row with params or a message, by its own code.
    pub codes: BTreeMap<Code, LockedCode>,
}

/// A row's locked params and message template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockedCode {
    /// Its params, in spec order.
    pub params: Vec<LockedParam>,
    /// Its message template, as the spec writes it.
    pub message: Option<String>,
}

/// One locked param.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedParam {
    /// Its name.
    pub name: String,
    /// What it holds.
    pub ty: ParamType,
    /// Whether every occurrence carries it.
    pub required: bool,
}

/// The line that says a lock records no param and no template.
const NO_PARAMS: &str = "params none";

const SHARED: &str = "shared-param: ";
const PARAM: &str = "param: ";
const MESSAGE: &str = "message: ";

/// Whether line `line` of a lock is one of this record's. None is a code
/// line: a code has no `:`.
pub(crate) fn is_line(line: &str) -> bool {
    line == NO_PARAMS || [SHARED, PARAM, MESSAGE].iter().any(|prefix| line.starts_with(prefix))
}

/// Reads the record's lines (`n`, text), once the lock's kind of codes is
/// known; `None` when it has none (a lock from before params were locked).
pub(crate) fn parse(
    path: &Path,
    lines: &[(usize, &str)],
    kind: CodeKind,
    problems: &mut Vec<Diagnostic>,
) -> Option<LockedParams> {
    if lines.is_empty() {
        return None;
    }
    let mut locked = LockedParams::default();
    for &(n, line) in lines {
        match read_line(&mut locked, line, kind) {
            Ok(None) => {}
            Ok(Some(twice)) => problems.push(
                Diagnostic::new(path, format!("{twice} is locked twice: a merge kept both sides"))
                    .at(n, 1)
                    .help("keep the line that matches the spec, delete the other, then run `gen` again"),
            ),
            Err(message) => problems.push(
                Diagnostic::new(
                    path,
                    format!("line {n} of the lock is not a locked param or message: {message}"),
                )
                .at(n, 1)
                .help("restore the lock from version control, then run `gen` again"),
            ),
        }
    }
    Some(locked)
}

/// Reads one line into `locked`; says what it locks a second time, if it does.
fn read_line(locked: &mut LockedParams, line: &str, kind: CodeKind) -> Result<Option<String>, String> {
    if line == NO_PARAMS {
        return Ok(None);
    }
    if let Some(rest) = line.strip_prefix(SHARED) {
        let param = parse_param(rest)?;
        // The words only for a line locked twice: a lock has a line a param.
        let twice = locked
            .shared
            .iter()
            .any(|p| p.name == param.name)
            .then(|| format!("shared param `{}`", param.name));
        locked.shared.push(param);
        return Ok(twice);
    }
    let (rest, is_message) = match line.strip_prefix(PARAM) {
        Some(rest) => (rest, false),
        None => (line.strip_prefix(MESSAGE).unwrap_or(line), true),
    };
    let (code, rest) = rest.split_once(' ').ok_or("the code is missing")?;
    let code = Code::parse(code, kind).ok_or_else(|| format!("`{}` is not a code", code.escape_debug()))?;
    // A row's lines are one after another, in the order of the codes: its
    // entry is mostly the last one, found without a search.
    let entry = match locked.codes.last_entry() {
        Some(last) if *last.key() == code => last.into_mut(),
        _ => locked.codes.entry(code.clone()).or_default(),
    };
    if is_message {
        let template =
            unquote(rest).ok_or_else(|| format!("the message {rest} is not a double-quoted string"))?;
        let twice = entry.message.replace(template).is_some();
        return Ok(twice.then(|| format!("the message of code {code}")));
    }
    let param = parse_param(rest)?;
    let twice = entry
        .params
        .iter()
        .any(|p| p.name == param.name)
        .then(|| format!("param `{}` of code {code}", param.name));
    entry.params.push(param);
    Ok(twice)
}

/// Reads `NAME TYPE required|optional`.
fn parse_param(fields: &str) -> Result<LockedParam, String> {
    let mut words = fields.split(' ');
    let (Some(name), Some(ty), Some(required), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return Err("a param reads `NAME TYPE required|optional`".to_owned());
    };
    if !is_param_name(name) {
        return Err(format!("`{}` is not a param name", name.escape_debug()));
    }
    let ty = ParamType::from_keyword(ty).ok_or_else(|| format!("`{ty}` is not a param type"))?;
    let required = match required {
        "required" => true,
        "optional" => false,
        other => return Err(format!("`{other}` is neither `required` nor `optional`")),
    };
    Ok(LockedParam { name: name.to_owned(), ty, required })
}

/// The params a lock records, as the published view holds them.
pub(crate) fn published(locked: &LockedParams) -> PublishedParams<'_> {
    fn view(param: &LockedParam) -> PublishedParam<'_> {
        PublishedParam { name: &param.name, ty: param.ty, required: param.required, description: None }
    }
    let codes = locked
        .codes
        .iter()
        .map(|(code, row)| {
            let params = row.params.iter().map(view).collect();
            (code.clone(), CodeParams { params, message: row.message.as_deref() })
        })
        .collect();
    PublishedParams { shared: locked.shared.iter().map(view).collect(), codes }
}

/// The record of the updated lock: what `now` publishes.
pub(crate) fn update(now: &PublishedParams<'_>) -> LockedParams {
    let lock = |param: &PublishedParam<'_>| LockedParam {
        name: param.name.to_owned(),
        ty: param.ty,
        required: param.required,
    };
    let codes = now
        .codes
        .iter()
        .map(|(code, row)| {
            let params = row.params.iter().map(lock).collect();
            (code.clone(), LockedCode { params, message: row.message.map(str::to_owned) })
        })
        .collect();
    LockedParams { shared: now.shared.iter().map(lock).collect(), codes }
}

/// The record's lines: the shared params, then each row's by code.
pub(crate) fn render(out: &mut String, locked: &LockedParams) {
    out.push_str(
        "# The data errors carry, in spec order: `shared-param: NAME TYPE REQUIRED`\n\
         # for the params every error carries, `param: CODE NAME TYPE REQUIRED` for\n\
         # a row's, where REQUIRED is `required` or `optional`, and `message: CODE\n\
         # \"TEMPLATE\"` for a row's message template.\n",
    );
    if locked.shared.is_empty() && locked.codes.is_empty() {
        out.push_str(NO_PARAMS);
        out.push('\n');
    }
    // Pushed rather than formatted, a code's word made once: a lock has
    // a line a param and a template.
    let fields = |out: &mut String, param: &LockedParam| {
        let required = if param.required { "required" } else { "optional" };
        for part in [param.name.as_str(), " ", param.ty.keyword(), " ", required, "\n"] {
            out.push_str(part);
        }
    };
    for param in &locked.shared {
        out.push_str(SHARED);
        fields(out, param);
    }
    for (code, row) in &locked.codes {
        let word = code.word();
        for param in &row.params {
            for part in [PARAM, word.as_str(), " "] {
                out.push_str(part);
            }
            fields(out, param);
        }
        if let Some(message) = &row.message {
            for part in [MESSAGE, word.as_str(), " "] {
                out.push_str(part);
            }
            push_quoted(out, message);
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<LockedParams>, Vec<String>) {
        let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, line)| (i + 1, line)).collect();
        let mut problems = Vec::new();
        let locked = parse(Path::new("spec/x.lock"), &lines, CodeKind::String, &mut problems);
        (locked, problems.iter().map(|problem| problem.message.clone()).collect())
    }

    #[test]
    fn lines_read_back_as_written() {
        let text = "shared-param: request_id string optional\n\
                    message: \"\" \"Empty\"\n\
                    param: 42P01 table string required\n\
                    param: 42P01 names strings optional\n\
                    message: 42P01 \"Table '{$table}' \\\\{x\\\\} doesn't exist\"\n";
        let (locked, problems) = read(text);
        assert_eq!(problems, Vec::<String>::new());
        let locked = locked.expect("a record");
        assert_eq!(locked.shared[0].name, "request_id");
        let row = &locked.codes[&Code::String("42P01".to_owned())];
        assert_eq!(row.params[1].ty, ParamType::Strings);
        assert!(!row.params[1].required);
        assert_eq!(row.message.as_deref(), Some("Table '{$table}' \\{x\\} doesn't exist"));
        let mut out = String::new();
        render(&mut out, &locked);
        let lines: String =
            out.lines().filter(|line| !line.starts_with('#')).map(|l| format!("{l}\n")).collect();
        assert_eq!(lines, text);
        assert_eq!(read("params none\n").0, Some(LockedParams::default()));
        assert_eq!(read("").0, None);
    }

    #[test]
    fn broken_and_doubled_lines_are_named() {
        let (_, problems) = read(
            "param: a Table string required\nparam: a t text required\nparam: a t string maybe\n\
             message: a unquoted\nparam: a/b t string required\nparam: a t string required\n\
             param: a t integer optional\nmessage: a \"x\"\nmessage: a \"y\"\n",
        );
        let expected = [
            "`Table` is not a param name",
            "`text` is not a param type",
            "`maybe` is neither",
            "not a double-quoted string",
            "`a/b` is not a code",
            "param `t` of code a is locked twice",
            "the message of code a is locked twice",
        ];
        assert_eq!(problems.len(), expected.len(), "{problems:?}");
        for (problem, expected) in problems.iter().zip(expected) {
            assert!(problem.contains(expected), "{problem} lacks {expected}");
        }
    }
}
