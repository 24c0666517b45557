//! The lock's lines that pair a row's own code with a double-quoted text
//! (`also_named: 11 "EWOULDBLOCK"`, `section: invalid_request "token"`):
//! one reader and writer, each kind of line described by a `PairLines`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::compat::quoted::{quote, unquote};
use errcat_model::diagnostic::Diagnostic;
use errcat_model::{Code, CodeKind};

/// One kind of line: what starts it and the words its diagnostics and its
/// comment in the lock use.
pub(crate) struct PairLines {
    /// What starts a line: `also_named: `.
    pub prefix: &'static str,
    /// What a line records, in "not a locked …": `other name`.
    pub what: &'static str,
    /// The same, in "… is locked twice": `the other name`.
    pub twice: &'static str,
    /// What a line without its text is told: `an other name's line reads …`.
    pub shape: &'static str,
    /// What the text is: `name`.
    pub text: &'static str,
    /// The comment before the lines in the lock.
    pub header: &'static str,
}

impl PairLines {
    /// Whether `line` is of this kind; its code is read once the lock's
    /// kind of codes is known.
    pub(crate) fn is_line(&self, line: &str) -> bool {
        line.starts_with(self.prefix)
    }

    /// Reads the lines (each with its 1-based line number).
    pub(crate) fn parse(
        &self,
        path: &Path,
        lines: &[(usize, &str)],
        kind: CodeKind,
        problems: &mut Vec<Diagnostic>,
    ) -> BTreeSet<(Code, String)> {
        let mut pairs = BTreeSet::new();
        for &(n, line) in lines {
            match self.parse_line(&line[self.prefix.len()..], kind) {
                Ok(pair) => {
                    if !pairs.insert(pair.clone()) {
                        problems.push(
                            Diagnostic::new(
                                path,
                                format!(
                                    "{} {} of {} is locked twice",
                                    self.twice,
                                    quote(&pair.1),
                                    pair.0.word()
                                ),
                            )
                            .at(n, 1)
                            .help("delete one of the two lines, then run `gen` again"),
                        );
                    }
                }
                Err(message) => problems.push(
                    Diagnostic::new(
                        path,
                        format!("line {n} of the lock is not a locked {}: {message}", self.what),
                    )
                    .at(n, 1)
                    .help("restore the lock from version control, then run `gen` again"),
                ),
            }
        }
        pairs
    }

    /// Reads a line after its prefix.
    pub(crate) fn parse_line(&self, rest: &str, kind: CodeKind) -> Result<(Code, String), String> {
        let Some((code, quoted)) = rest.split_once(' ') else {
            return Err(self.shape.to_owned());
        };
        let code =
            Code::parse(code, kind).ok_or_else(|| format!("`{}` is not a code", code.escape_debug()))?;
        let text =
            unquote(quoted).ok_or(format!("the {} {quoted} is not a double-quoted string", self.text))?;
        Ok((code, text))
    }

    /// The lines of `pairs`, sorted by code, then text, after the header;
    /// nothing when there are none.
    pub(crate) fn render(&self, out: &mut String, pairs: &BTreeSet<(Code, String)>) {
        if pairs.is_empty() {
            return;
        }
        out.push_str(self.header);
        for (code, text) in pairs {
            // `write!` to a String cannot fail.
            let _ = writeln!(out, "{}{} {}", self.prefix, code.word(), quote(text));
        }
    }
}

/// The pairs a lock records, as the published view holds them.
pub(crate) fn published(locked: &BTreeSet<(Code, String)>) -> BTreeSet<(Code, &str)> {
    locked.iter().map(|(code, text)| (code.clone(), text.as_str())).collect()
}
