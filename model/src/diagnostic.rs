//! Problems a user can cause, as values that say where and how to fix them,
//! rendered the way rustc renders its errors.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::source::SpecPath;

/// The most problems printed in full; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// One problem in a spec file, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The spec file, as the user named it.
    pub file: PathBuf,
    /// 1-based line and column (in characters), when known.
    pub position: Option<(usize, usize)>,
    /// Where in the YAML document the offending value sits
    /// (`tables[1].errors[0].code`). Validation names values this way;
    /// the loader turns paths into positions.
    pub spec_path: Option<SpecPath>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The source line at `position`; filled in by the loader.
    pub snippet: Option<Box<SourceLine>>,
}

/// The source line a diagnostic shows, and what of it to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SourceLine {
    /// The line's text, without its line break.
    pub text: String,
    /// Characters to underline from the diagnostic's column, at least 1.
    pub width: usize,
}

impl SourceLine {
    /// `text`, with `width` characters underlined (at least 1).
    pub fn new(text: impl Into<String>, width: usize) -> Self {
        SourceLine { text: text.into(), width: width.max(1) }
    }
}

impl Diagnostic {
    /// A problem in `file` with no known position yet.
    pub fn new(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            position: None,
            spec_path: None,
            message: message.into(),
            help: None,
            snippet: None,
        }
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }

    /// Sets the path of the offending value.
    pub fn spec_path(mut self, path: SpecPath) -> Self {
        self.spec_path = Some(path);
        self
    }

    /// Sets the line saying how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The source line to show under the message, with `width`
    /// characters underlined from the column.
    pub fn snippet(mut self, line_text: impl Into<String>, width: usize) -> Self {
        self.snippet = Some(Box::new(SourceLine::new(line_text, width)));
        self
    }

    /// Rendered like rustc: `error: …`, `--> file:line:col`, the line with
    /// a caret under the value, and `= help: …`; with ANSI colours when
    /// `color` is set.
    pub fn render(&self, color: bool) -> String {
        renderer(color).render(&[self.group()])
    }

    fn group(&self) -> Group<'_> {
        let path = self.file.to_string_lossy();
        let title = Level::ERROR.primary_title(self.message.as_str());
        let mut group = match (self.position, &self.snippet) {
            (Some((line, column)), Some(source)) => {
                let (text, width) = (&source.text, source.width);
                let start = byte_offset(text, column - 1);
                let end = byte_offset(text, column - 1 + width).max(start);
                // An empty annotation at the end of a line still gets a caret.
                let end = if end == start && start == text.len() { start } else { end.max(start + 1) };
                let end = end.min(text.len()).max(start);
                title.element(
                    Snippet::source(text.as_str())
                        .line_start(line)
                        .path(path)
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )
            }
            (Some((line, column)), None) => title.element(Origin::path(path).line(line).char_column(column)),
            (None, _) => {
                let origin = match &self.spec_path {
                    Some(spec_path) => format!("{path} (at `{spec_path}`)"),
                    None => path.into_owned(),
                };
                title.element(Origin::path(origin))
            }
        };
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        group
    }
}

/// Gives every problem that has a position but no source line yet the
/// line of `text` it points at, underlining the token at its column.
pub fn show_source_lines(text: &str, found: &mut [Diagnostic]) {
    let lines = crate::source::lines(text);
    for problem in found.iter_mut().filter(|problem| problem.snippet.is_none()) {
        if let Some((line, column)) = problem.position
            && let Some(&text) = line.checked_sub(1).and_then(|i| lines.get(i))
        {
            problem.snippet = Some(Box::new(SourceLine::new(text, token_width(text, column))));
        }
    }
}

/// How many characters the YAML token at 1-based `column` spans: a quoted
/// scalar to its closing quote, a plain one to the next `: `, `,`, `]`,
/// `}` or ` #`. Only for positions that come without a span: a syntax
/// error's mark, or a line of another file.
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

/// The byte offset of character `chars` in `text` (its length past the end).
fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

/// A problem that belongs to no spec line (an I/O failure, a file the
/// generator will not overwrite), rendered like the others.
pub fn render_error(message: &str, help: Option<&str>, color: bool) -> String {
    let mut group = Group::with_title(Level::ERROR.primary_title(message));
    if let Some(help) = help {
        group = group.element(Level::HELP.message(help));
    }
    renderer(color).render(&[group])
}

fn renderer(color: bool) -> Renderer {
    if color { Renderer::styled() } else { Renderer::plain() }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Every problem found in one run, in file and line order once loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// The problems, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every problem (up to 50, then a count of the rest) and a
    /// closing `aborting due to N errors`; coloured when `color` is set.
    pub fn render(&self, color: bool) -> String {
        let renderer = renderer(color);
        let mut out = String::new();
        for diagnostic in self.0.iter().take(MAX_SHOWN) {
            out.push_str(&renderer.render(&[diagnostic.group()]));
            out.push_str("\n\n");
        }
        let total = self.0.len();
        if total > MAX_SHOWN {
            let more = total - MAX_SHOWN;
            let title = format!("… and {more} more error{}", if more == 1 { "" } else { "s" });
            out.push_str(&renderer.render(&[Group::with_title(Level::ERROR.primary_title(title))]));
            out.push_str("\n\n");
        }
        if total > 1 {
            let title = format!("aborting due to {total} errors");
            out.push_str(&renderer.render(&[Group::with_title(Level::ERROR.primary_title(title))]));
        }
        out.trim_end().to_owned()
    }

    /// Sorts by file, then line and column; problems without a position
    /// come first in their file. The sort is stable: problems at one
    /// position keep the order they were found in.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(problems: Vec<Diagnostic>) -> Self {
        Diagnostics(problems)
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}
