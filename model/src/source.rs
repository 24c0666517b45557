//! Where things are written: a spec file's text, kept from loading to
//! reporting ([`SourceFile`]), and the typed path of a value in it
//! ([`SpecPath`], written `tables[1].errors[0].code`), and its [`lines`]
//! as editors count them.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// The lines of `text` as YAML and editors count them: a line ends at
/// `\r\n`, `\n` or a lone `\r`.
pub fn lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    // The next `\n` and `\r` at or after `start`, each searched for on
    // its own (a fast byte search) and again only once passed.
    let next = |c: char, from: usize| text.get(from..).and_then(|rest| rest.find(c)).map(|i| from + i);
    let (mut lf, mut cr) = (next('\n', 0), next('\r', 0));
    while let Some(i) = lf.into_iter().chain(cr).min() {
        lines.push(&text[start..i]);
        start = i + if text[i..].starts_with("\r\n") { 2 } else { 1 };
        if lf.is_some_and(|at| at < start) {
            lf = next('\n', start);
        }
        if cr.is_some_and(|at| at < start) {
            cr = next('\r', start);
        }
    }
    lines.push(&text[start..]);
    lines
}

/// A spec file's path and text, kept from loading to reporting, so that a
/// problem found later (by the lock) is placed without reading it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file, as the user named it.
    pub path: PathBuf,
    /// Its text, as loaded.
    pub text: String,
}

/// Where a value sits in a spec document: `tables[1].errors[0].code`
/// (indexes from 0). The empty path is the document itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpecPath {
    segments: Vec<Segment>,
}

/// One step of a [`SpecPath`]. A key is shared between the paths that
/// pass through it, so that a path one step longer costs one step.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Segment {
    /// The value of a mapping's key (`code`).
    Key(Arc<str>),
    /// An item of a list (`[0]`).
    Index(usize),
    /// A mapping's key itself, where the key is at fault (a name that
    /// cannot be used); shown as [`Segment::Key`] is.
    Name(Arc<str>),
}

impl SpecPath {
    /// The document itself.
    pub fn root() -> Self {
        SpecPath::default()
    }

    /// The value of `key` in the mapping at this path.
    pub fn field(&self, key: &str) -> Self {
        self.with(Segment::Key(key.into()))
    }

    /// The key `key` itself (not its value) in the mapping at this path:
    /// where a problem with the name is shown.
    pub fn key(&self, key: &str) -> Self {
        self.with(Segment::Name(key.into()))
    }

    /// Item `index` of the list at this path.
    pub fn index(&self, index: usize) -> Self {
        self.with(Segment::Index(index))
    }

    /// This path followed by `relative`.
    pub fn join(&self, relative: &SpecPath) -> Self {
        let mut segments = self.segments.clone();
        segments.extend(relative.segments.iter().cloned());
        SpecPath { segments }
    }

    /// This path followed by `segment`.
    fn with(&self, segment: Segment) -> Self {
        let mut segments = Vec::with_capacity(self.segments.len() + 1);
        segments.extend(self.segments.iter().cloned());
        segments.push(segment);
        SpecPath { segments }
    }

    /// The path one level up (`a.b[2]` → `a.b` → `a` → the document);
    /// `None` for the document itself.
    pub fn parent(&self) -> Option<SpecPath> {
        let (_, rest) = self.segments.split_last()?;
        Some(SpecPath { segments: rest.to_vec() })
    }

    /// The steps from the root.
    #[cfg(test)]
    pub(crate) fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The last key, when the path ends in one (`code` of `…errors[0].code`).
    pub fn last_key(&self) -> Option<&str> {
        match self.segments.last() {
            Some(Segment::Key(key)) => Some(key.as_ref()),
            _ => None,
        }
    }

    /// Reads a path as [`fmt::Display`] writes it, for tests that name a
    /// value by its path. Keys are taken as written: one that holds `.` or
    /// `[` reads as several steps.
    pub fn parse(text: &str) -> Self {
        let mut path = SpecPath::root();
        let mut rest = text;
        while !rest.is_empty() {
            if let Some(inner) = rest.strip_prefix('[')
                && let Some((index, after)) = inner.split_once(']')
                && let Ok(index) = index.parse()
            {
                path.segments.push(Segment::Index(index));
                rest = after;
                continue;
            }
            let rest_of_key = rest.strip_prefix('.').unwrap_or(rest);
            // A `[` at the start is part of the key: it was no index.
            let end = rest_of_key.char_indices().skip(1).find(|&(_, c)| c == '.' || c == '[').map(|(i, _)| i);
            let (key, after) = rest_of_key.split_at(end.unwrap_or(rest_of_key.len()));
            path.segments.push(Segment::Key(key.into()));
            rest = after;
        }
        path
    }
}

impl fmt::Display for SpecPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(key) | Segment::Name(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) | Segment::Name(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The lines are those of a search for either break from each line's start.
        #[test]
        fn lines_are_split_at_each_break(
            text in proptest::string::string_regex("[a\\ré\n]{0,60}").expect("a regex")
        ) {
            let mut expected = Vec::new();
            let mut rest = text.as_str();
            while let Some(i) = rest.find(['\r', '\n']) {
                expected.push(&rest[..i]);
                let width = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + width..];
            }
            expected.push(rest);
            proptest::prop_assert_eq!(lines(&text), expected);
        }
    }

    #[test]
    fn paths_print_as_yaml_paths() {
        let code = SpecPath::root().field("tables").index(1).field("errors").index(0).field("code");
        assert_eq!(code.to_string(), "tables[1].errors[0].code");
        assert_eq!(SpecPath::root().field("retired").index(0).to_string(), "retired[0]");
        assert_eq!(SpecPath::root().index(0).index(2).to_string(), "[0][2]");
        assert_eq!(SpecPath::root().to_string(), "");
    }

    #[test]
    fn printed_paths_parse_back() {
        for text in ["tables[1].errors[0].code", "retired[0]", "version", "[0][0]", "", "a.b[2].c"] {
            assert_eq!(SpecPath::parse(text).to_string(), text);
        }
        assert_eq!(
            SpecPath::parse("a[x]").segments(),
            [Segment::Key("a".into()), Segment::Key("[x]".into())]
        );
    }

    #[test]
    fn parents() {
        let path = SpecPath::parse("a.b[2].c");
        let up: Vec<String> =
            std::iter::successors(Some(path), SpecPath::parent).map(|p| p.to_string()).collect();
        assert_eq!(up, ["a.b[2].c", "a.b[2]", "a.b", "a", ""]);
        assert_eq!(SpecPath::parse("a.b[2].c").last_key(), Some("c"));
        assert_eq!(SpecPath::parse("a[2]").last_key(), None);
    }
}
